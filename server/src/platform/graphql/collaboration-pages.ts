/**
 * A page of an actor's collaborations as a loader key: the actor and the page (`first`, `after`)
 * in one string, so that DataLoader keeps one answer per actor and page, and a batch is sent to
 * the store as one call per distinct page (nearly always one: a request asks one page per actor).
 */
import type { CollaborationPageRequest } from '../../domain/paging';

export function collaborationPageKey(actorId: string, page: CollaborationPageRequest): string {
  return JSON.stringify([actorId, page.first, page.after]);
}

function parseKey(key: string): { actorId: string; page: CollaborationPageRequest } {
  const [actorId, first, after] = JSON.parse(key) as [string, number, string | null];
  return { actorId, page: { first, after } };
}

/**
 * Answers the keys in their order, asking `load` once per distinct page with that page's actors
 * (the store's batched call answers one entry per actor, in the order given).
 */
export async function loadByPage<V>(
  keys: readonly string[],
  load: (actorIds: string[], page: CollaborationPageRequest) => Promise<V[]>,
): Promise<V[]> {
  const groups = new Map<string, { page: CollaborationPageRequest; actorIds: string[]; at: number[] }>();
  keys.forEach((key, at) => {
    const { actorId, page } = parseKey(key);
    const groupKey = JSON.stringify([page.first, page.after]);
    let group = groups.get(groupKey);
    if (!group) groups.set(groupKey, (group = { page, actorIds: [], at: [] }));
    group.actorIds.push(actorId);
    group.at.push(at);
  });
  const answer = new Array<V>(keys.length);
  for (const { page, actorIds, at } of groups.values()) {
    const values = await load(actorIds, page);
    at.forEach((position, i) => (answer[position] = values[i]!));
  }
  return answer;
}
