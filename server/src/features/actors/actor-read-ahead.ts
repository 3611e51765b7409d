/**
 * `actor(id)` with what the query asks below it read in the same store call (a request on Neo4j
 * pays about one Bolt round trip per store call, and the loaders make one call per level):
 *
 * - `collaborations { collaboration { participants … } }` (the actor page): the actor, its
 *   participations, those collaborations and their participants in one `actorPages` call, primed
 *   into the request's loaders — one round trip instead of three. Not for an actor with more
 *   collaborations than one loader call takes (a hub): its page is loaded level by level in parts,
 *   with the event loop given back in between (../../platform/graphql/loaders.ts).
 * - `collaborations { collaboration … }` without participants (the map page's panel): the actor, its
 *   interests and their topics, its participations and those collaborations in one `actorPanels`
 *   call — one round trip instead of three. For an actor whose participations one call of the
 *   participations loader takes (ROWS_PER_CALL); a busier one is read in pages as before.
 * - `collaborations(first, after) { collaboration … }` (the panel as the map page asks it now): the
 *   same in one `actorPanelPages` call, with one page of the collaborations cut in the store — for
 *   any actor, the busiest too (the page is at most 500 rows).
 * - `collaborators { actor … }`: the projection names the collaborators at once, so their records
 *   are read in the `actorPanelPages` call of a paged panel (one statement on Neo4j instead of two
 *   at once: 3.60 → 3.07 ms p50 for the two alone), else beside the actor's own lookup.
 *
 * Measured against the alternatives (bench/neo4j-read-ahead.ts, docs/performance.md): one read
 * transaction shared by a request's loaders saves nothing — each level still waits for its own
 * RUN/PULL round trip, BEGIN and COMMIT come on top — and a session of its own per call costs no
 * more than a shared one (≈ 0.4 ms per auto-commit statement either way); merging the batches of
 * one depth does not apply to these pages (one loader per level). Fewer levels is what saves.
 */
import type { GraphQLResolveInfo } from 'graphql';
import type { Actor } from '../../domain/model';
import { checkPageSize, type CollaborationPageRequest } from '../../domain/paging';
import { collaboratorsIfCheap } from '../../graph/collaborators';
import type { GraphQLContext } from '../../platform/graphql/context';
import { MAX_KEYS_PER_CALL, ROWS_PER_CALL } from '../../platform/graphql/loaders';
import { collaborationPageKey } from '../../platform/graphql/collaboration-pages';
import { argumentsBelow, selectedBelow } from '../../platform/graphql/read-ahead';
import { collaborationPageOf } from './collaboration-page-rules';

const PAGE_PATH = ['collaborations', 'collaboration', 'participants'] as const;
const PANEL_PATH = ['collaborations', 'collaboration'] as const;

export function loadActorReadingAhead(
  id: string,
  info: GraphQLResolveInfo,
  { loaders, service }: Pick<GraphQLContext, 'loaders' | 'service'>,
): Promise<Actor | null> {
  if (!loaders.readAhead) return loaders.actor.load(id);
  const collaboratorIds = topCollaboratorIds(id, info, service);
  const projected = service.projection.actors.get(id);
  const paging = pagingOfCollaborations(info);
  if (paging && paging !== 'mixed' && selectedBelow(info, PAGE_PATH).length === 0) {
    // A page of the collaborations, cut in the store: the panel's read in one call whatever the
    // actor's size, the top collaborators' records in the same call.
    loaders.readWithPanelPage(collaboratorIds);
    return loaders.actorPanelPage.load(collaborationPageKey(id, paging));
  }
  // Errors come back as values here and again to the field that asks (not lost, not unhandled).
  if (collaboratorIds.length > 0) void loaders.actor.loadMany(collaboratorIds);
  // A page whose participants are asked too: they come level by level.
  if (paging) return loaders.actor.load(id);
  if (projected && selectedBelow(info, PAGE_PATH).length > 0) {
    if (projected.collaborations.size <= MAX_KEYS_PER_CALL) return loaders.actorPage.load(id);
  } else if (
    projected &&
    projected.collaborations.size <= ROWS_PER_CALL &&
    selectedBelow(info, PANEL_PATH).length > 0
  ) {
    return loaders.actorPanel.load(id);
  }
  return loaders.actor.load(id);
}

/**
 * The collaborators whose records `collaborators { actor … }` will ask, as the projection names them
 * now (the field's own answer; each once). None for a busy actor whose ranking is not kept yet: its
 * field ranks it in steps (../../graph/collaborators.ts).
 */
function topCollaboratorIds(id: string, info: GraphQLResolveInfo, { projection }: GraphQLContext['service']): string[] {
  const ids: string[] = [];
  for (const node of selectedBelow(info, ['collaborators'])) {
    if (selectedBelow(info, ['actor'], [node]).length === 0) continue;
    const args = argumentsBelow(info, node);
    const first = (args?.first ?? null) as number | null;
    if (args === null || (first !== null && !validPageSize(first))) continue;
    const top = collaboratorsIfCheap(projection, id, first);
    if (top && top.length < MAX_KEYS_PER_CALL) ids.push(...top.map((c) => c.partnerId));
  }
  return [...new Set(ids)];
}

/**
 * The page the query asks of `collaborations` (null: all of them, or not asked); 'mixed' when it
 * asks it more than once with different arguments, or with arguments its field will refuse (the
 * field's resolver answers those, nothing is read ahead).
 */
function pagingOfCollaborations(info: GraphQLResolveInfo): CollaborationPageRequest | null | 'mixed' {
  const pages = new Set<string>();
  let page: CollaborationPageRequest | null = null;
  for (const node of selectedBelow(info, ['collaborations'])) {
    const args = argumentsBelow(info, node);
    if (args === null) return 'mixed';
    try {
      page = collaborationPageOf(args.first as number | null | undefined, args.after as string | null | undefined);
    } catch {
      return 'mixed';
    }
    pages.add(JSON.stringify(page));
  }
  return pages.size > 1 ? 'mixed' : page;
}

function validPageSize(first: number): boolean {
  try {
    checkPageSize(first);
    return true;
  } catch {
    return false;
  }
}
