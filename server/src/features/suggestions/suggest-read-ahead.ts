/**
 * The records a suggestion list's answer names — the suggested actors, the mutual collaborators,
 * the shared topics and the collaborations connecting them — read in one `getRecords` store call
 * once the list is known, and primed into the request's loaders. Without it the actor, topic and
 * collaboration loaders each make a call of their own: three Bolt round trips on Neo4j, sent at
 * once but each with its session, statement and answer to decode. Only the fields the query asks
 * are read for; a field asked but not read for (or skipped) still answers through its loader.
 *
 * Two alternatives measured at 100k on Neo4j and not kept (docs/performance.md, "Suggestions on
 * Neo4j: two store calls kept"): reading beside the ranking what is known before it ends (the
 * actor's partners, collaborations, topics) leaves most of this read for after it — of the ~62
 * collaborations an answer names, 83–98 % connect the suggested actors to the mutual partners — and
 * adds a statement's cost on the cores the ranking needs; reading the dismissed pairs in this
 * read's statement instead of beside the ranking (one store call; a list naming a dismissed actor
 * made again) lowered Neo4j's CPU per request, but `npm run bench` measured random actors slower
 * with it in 5 of 5 alternating pairs (busy ones in 4 of 5).
 */
import type { GraphQLResolveInfo } from 'graphql';
import type { GraphQLContext } from '../../platform/graphql/context';
import { MAX_KEYS_PER_CALL } from '../../platform/graphql/loaders';
import { selectedBelow } from '../../platform/graphql/read-ahead';
import type { Explanation } from './explain';

/** What a suggestion brings to its answer: the actor suggested and the explanation's ids. */
interface Explained {
  actorId: string;
  explanation: Explanation;
}

/** The ids the asked fields of these suggestions name, per kind (each once). */
export function idsNamedBy(info: GraphQLResolveInfo, list: readonly Explained[]) {
  const asks = (...path: string[]) => selectedBelow(info, path).length > 0;
  const sentence = asks('explanation');
  const suggested = sentence || asks('actor');
  const sharedTopics = sentence || asks('sharedTopics', 'topic');
  const mutualActor = sentence || asks('mutualCollaborators', 'actor');
  const withActor = asks('mutualCollaborators', 'withActor');
  const withSuggested = asks('mutualCollaborators', 'withSuggested');
  const actors = new Set<string>();
  const topics = new Set<string>();
  const collaborations = new Set<string>();
  for (const { actorId, explanation } of list) {
    if (suggested) actors.add(actorId);
    if (sharedTopics) for (const t of explanation.sharedTopics) topics.add(t.topicId);
    for (const m of explanation.mutualCollaborators) {
      if (mutualActor) actors.add(m.actorId);
      // The sentence names the newest collaboration on each side.
      if (withActor) for (const c of m.withActor) collaborations.add(c);
      else if (sentence && m.withActor[0]) collaborations.add(m.withActor[0]);
      if (withSuggested) for (const c of m.withSuggested) collaborations.add(c);
      else if (sentence && m.withSuggested[0]) collaborations.add(m.withSuggested[0]);
    }
  }
  return { actors: [...actors], topics: [...topics], collaborations: [...collaborations] };
}

/**
 * Reads and primes what the asked fields of the list name, in one store call; nothing when they
 * name nothing, when read-ahead is off, or when a kind has more ids than one loader call takes
 * (then the loaders read it in parts, giving the event loop back between them).
 */
export async function readAheadSuggested(
  list: readonly Explained[],
  info: GraphQLResolveInfo,
  { service, loaders }: Pick<GraphQLContext, 'service' | 'loaders'>,
): Promise<void> {
  if (!loaders.readAhead || list.length === 0) return;
  const ids = idsNamedBy(info, list);
  const sizes = [ids.actors.length, ids.topics.length, ids.collaborations.length];
  if (sizes.every((n) => n === 0) || sizes.some((n) => n > MAX_KEYS_PER_CALL)) return;
  const records = await service.reads.getRecords(ids);
  // Missing ones too (deleted since the index was built): their loaders answer null, as a call would.
  ids.actors.forEach((id, i) => loaders.actor.prime(id, records.actors[i]));
  ids.topics.forEach((id, i) => loaders.topic.prime(id, records.topics[i]));
  ids.collaborations.forEach((id, i) => loaders.collaboration.prime(id, records.collaborations[i]));
}
