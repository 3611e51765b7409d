/**
 * The records a suggestion list's answer names — the suggested actors, the mutual collaborators,
 * the shared topics and the collaborations connecting them — read in one store call once the list
 * is known, together with the actor's dismissed pairs (`dismissedWithRecords`), and primed into the
 * request's loaders. Without it the actor, topic and collaboration loaders each make a call of their
 * own: three Bolt round trips on Neo4j, sent at once but each with its session, statement and answer
 * to decode. Only the fields the query asks are read for; a field asked but not read for (or
 * skipped) still answers through its loader.
 *
 * Why after the list and not (partly) beside its ranking (measured at 100k on Neo4j, 2026-12-07,
 * docs/performance.md "Suggestions on Neo4j: one store call"): the records known before the ranking
 * ends — the actor's partners, the collaborations and topics connecting it to them — are a small
 * part of what an answer names (of the 37–64 collaborations almost all connect the suggested actors
 * to the mutual partners, unknown until the list is), and a statement's cost on Neo4j is mostly
 * fixed (RETURN 1 on an idle connection: 1.3–3 ms of Neo4j's CPU, 2–4 ms wall at load): reading them
 * beside the ranking added a statement's cost on the two cores the ranking needs; reading the
 * dismissed pairs there did too. One statement after the list costs least.
 */
import type { GraphQLResolveInfo } from 'graphql';
import type { GraphQLContext } from '../../platform/graphql/context';
import { MAX_KEYS_PER_CALL } from '../../platform/graphql/loaders';
import { selectedBelow } from '../../platform/graphql/read-ahead';
import type { RecordIds, RecordsById } from '../../store/port/reads';
import type { Explanation } from './explain';

/** What a suggestion brings to its answer: the actor suggested and the explanation's ids. */
interface Explained {
  suggestion: { actorId: string };
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
  for (const { suggestion, explanation } of list) {
    const { actorId } = suggestion;
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

/** The ids to read ahead for this list, or null when none are (nothing named, read-ahead off, a kind too large for one call). */
function idsToRead(list: readonly Explained[], info: GraphQLResolveInfo, { loaders }: Pick<GraphQLContext, 'loaders'>) {
  if (!loaders.readAhead || list.length === 0) return null;
  const ids = idsNamedBy(info, list);
  const sizes = [ids.actors.length, ids.topics.length, ids.collaborations.length];
  // Too many of a kind: the loaders read them in parts, giving the event loop back between them.
  return sizes.every((n) => n === 0) || sizes.some((n) => n > MAX_KEYS_PER_CALL) ? null : ids;
}

function prime({ loaders }: Pick<GraphQLContext, 'loaders'>, ids: RecordIds, records: RecordsById): void {
  // Missing ones too (deleted since the index was built): their loaders answer null, as a call would.
  ids.actors.forEach((id, i) => loaders.actor.prime(id, records.actors[i]));
  ids.topics.forEach((id, i) => loaders.topic.prime(id, records.topics[i]));
  ids.collaborations.forEach((id, i) => loaders.collaboration.prime(id, records.collaborations[i]));
}

/** Reads and primes what the asked fields of the list name, in one store call (nothing when idsToRead says so). */
export async function readAheadSuggested(
  list: readonly Explained[],
  info: GraphQLResolveInfo,
  ctx: Pick<GraphQLContext, 'service' | 'loaders'>,
): Promise<void> {
  const ids = idsToRead(list, info, ctx);
  if (ids) prime(ctx, ids, await ctx.service.reads.getRecords(ids));
}

/**
 * The read of the actor's dismissed pairs once its list is made (ContactSuggestions' DismissedAfter),
 * with the records that list names, in one store call; `readFor(list)` then reads what the final
 * list names unless that was read with them (the list was made again without a dismissed actor).
 */
export function dismissedWithRecords(
  actorId: string,
  info: GraphQLResolveInfo,
  ctx: Pick<GraphQLContext, 'service' | 'loaders'>,
) {
  let readWith: readonly Explained[] | null = null;
  return {
    dismissed: async (list: readonly Explained[]): Promise<readonly string[]> => {
      const ids = idsToRead(list, info, ctx);
      if (!ids) return ctx.service.reads.dismissedSuggestionsOf(actorId);
      const { dismissed, records } = await ctx.service.reads.dismissedSuggestionsWithRecords(actorId, ids);
      prime(ctx, ids, records);
      readWith = list;
      return dismissed;
    },
    readFor: async (list: readonly Explained[]): Promise<void> => {
      if (list !== readWith) await readAheadSuggested(list, info, ctx);
    },
  };
}
