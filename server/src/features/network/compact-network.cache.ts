/**
 * The map's compact networks, kept per projection until its `revision` changes (every write the
 * projection applies, an actor's new name too): a second browser opening the same view (or the
 * same one again) gets it without the view being built, the strongest ties chosen and 5,000 names
 * read again (250–565 ms of CPU at 5,000 actors). A few views per revision; a failure is not kept,
 * and a request that waited for another's failed computation computes the view itself.
 * Topic names are not kept here: a topic's new name leaves the revision as it is.
 */
import type { NetworkProjection } from '../../graph/projection';

/** Views kept per projection revision (the map, a filter or two, an ego network). */
export const KEPT_VIEWS = 4;

const kept = new WeakMap<NetworkProjection, { revision: number; views: Map<string, Promise<unknown>> }>();

/** `compute`'s answer for `key`, computed once per projection revision. */
export function keptPerRevision<T>(projection: NetworkProjection, key: string, compute: () => Promise<T>): Promise<T> {
  let entry = kept.get(projection);
  if (!entry || entry.revision !== projection.revision) {
    entry = { revision: projection.revision, views: new Map() };
    kept.set(projection, entry);
  }
  const views = entry.views;
  const hit = views.get(key) as Promise<T> | undefined;
  if (hit) {
    // Most recently used last.
    views.delete(key);
    views.set(key, hit);
    // Started by another request, which may fail for reasons of its own (its guard ended it):
    // then this request computes the view itself.
    return hit.catch(() => compute());
  }
  const answer = compute();
  views.set(key, answer);
  if (views.size > KEPT_VIEWS) views.delete(views.keys().next().value!);
  answer.catch(() => {
    if (views.get(key) === answer) views.delete(key);
  });
  return answer;
}
