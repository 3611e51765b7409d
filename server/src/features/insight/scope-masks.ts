/**
 * A question's scope as masks over the encoded projection (`projection-arrays.ts`): which actors
 * are nodes (actor kinds), which collaborations count (kinds, topics, dates — the rules of
 * `graph/scope.ts`), and each collaboration's recency weight. Made on the main thread (one pass
 * over actors and collaborations, a few milliseconds at 100k) and transferred to the worker.
 */
import type { IsoDate } from '../../domain/model';
import { collaborationInScope, overlapsRange, type ScopeFilter } from '../../graph/scope';
import { minusDays, type ChangeMasks } from './change';
import type { ProjectionArrays } from './projection-arrays';
import { recencyWeight, type Recency } from './recency';
import type { GraphSpec } from './scoped-graph';

export function actorMask(arrays: ProjectionArrays, filter: ScopeFilter): Uint8Array {
  const mask = new Uint8Array(arrays.ids.length);
  const kinds = filter.actorKinds?.length ? new Set(filter.actorKinds) : null;
  for (let i = 0; i < mask.length; i++) mask[i] = !kinds || kinds.has(arrays.kinds[i]) ? 1 : 0;
  return mask;
}

export function collaborationMask(
  arrays: ProjectionArrays,
  include: (c: ProjectionArrays['collaborations'][number]) => boolean,
): Uint8Array {
  const mask = new Uint8Array(arrays.collaborations.length);
  arrays.collaborations.forEach((c, i) => {
    mask[i] = include(c) ? 1 : 0;
  });
  return mask;
}

export function graphSpec(arrays: ProjectionArrays, filter: ScopeFilter, recency?: Recency | null): GraphSpec {
  return {
    actorMask: actorMask(arrays, filter),
    collaborationMask: collaborationMask(arrays, (c) => collaborationInScope(c, filter)),
    collaborationWeights: recency ? Float64Array.from(arrays.collaborations, (c) => recencyWeight(c, recency)) : null,
  };
}

export function changeMasks(arrays: ProjectionArrays, from: IsoDate, to: IsoDate, windowDays: number): ChangeMasks {
  const activeAt = (date: IsoDate) => {
    const start = minusDays(date, windowDays);
    return collaborationMask(arrays, (c) => overlapsRange(c, start, date));
  };
  return {
    before: activeAt(from),
    after: activeAt(to),
    seen: collaborationMask(arrays, (c) => c.startDate !== null && c.startDate <= from),
  };
}
