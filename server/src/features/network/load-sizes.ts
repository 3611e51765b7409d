/**
 * The rows each key of the fan-out loaders brings, read off the projection (no store call), so
 * that a large batch is cut into store calls by rows (platform/graphql/load-parts.ts): an actor's
 * participations, a collaboration's participants, a topic's interests and collaborations (on average).
 */
import type { NetworkProjection } from '../../graph/projection';
import type { LoadSizes } from '../../platform/graphql/load-parts';

interface TopicAverages {
  version: number;
  interests: number;
  collaborations: number;
}

/**
 * The projection keeps no index from a topic to its actors, and counting per topic is a pass of
 * Map updates over every interest (~100 ms at 100k actors, after every write). So a topic counts
 * as the average topic: the sizes of the actors' and collaborations' topic sets summed once per
 * projection version (a few ms). The average only decides whether a batch of topics may be too
 * large for one call; then the loader counts each topic's rows in the store and cuts by those (at
 * 100k actors topics range from a few hundred interests to 16,146). One topic is one call.
 */
const topicAveragesOf = new WeakMap<NetworkProjection, TopicAverages>();

function topicAverages(projection: NetworkProjection): TopicAverages {
  const kept = topicAveragesOf.get(projection);
  if (kept && kept.version === projection.version) return kept;
  let interests = 0;
  let collaborations = 0;
  for (const actor of projection.actors.values()) interests += actor.topics.size;
  for (const collaboration of projection.collaborations.values()) collaborations += collaboration.topics.size;
  const topics = Math.max(1, projection.topics.size);
  const averages = {
    version: projection.version,
    interests: interests / topics,
    collaborations: collaborations / topics,
  };
  topicAveragesOf.set(projection, averages);
  return averages;
}

export function projectionLoadSizes(projection: NetworkProjection): LoadSizes {
  return {
    participationsOfActor: (id) => projection.actors.get(id)?.collaborations.size ?? 0,
    participationsOfCollaboration: (id) => projection.collaborations.get(id)?.actors.size ?? 0,
    interestsInTopic: () => topicAverages(projection).interests,
    collaborationsOfTopic: () => topicAverages(projection).collaborations,
  };
}
