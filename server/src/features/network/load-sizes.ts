/**
 * The rows each key of the fan-out loaders brings, read off the projection (no store call), so
 * that a large batch is cut into store calls by rows (platform/graphql/load-parts.ts): an actor's
 * participations, a collaboration's participants; for a topic's interests and collaborations an
 * upper bound.
 */
import type { NetworkProjection } from '../../graph/projection';
import type { LoadSizes } from '../../platform/graphql/load-parts';

export function projectionLoadSizes(projection: NetworkProjection): LoadSizes {
  return {
    participationsOfActor: (id) => projection.actors.get(id)?.collaborations.size ?? 0,
    participationsOfCollaboration: (id) => projection.collaborations.get(id)?.actors.size ?? 0,
    // No index from a topic to its actors here: at most every actor (every collaboration). Above
    // ROWS_PER_CALL the loader counts the topics' rows in the store before it reads them (at 100k
    // actors a topic has from a few hundred to 26,390 interests: no average would do).
    interestsInTopic: () => projection.actors.size,
    collaborationsOfTopic: () => projection.collaborations.size,
  };
}
