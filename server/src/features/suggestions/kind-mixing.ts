/**
 * How often actors of one kind work with actors of another, against what their numbers of partners
 * alone would give: the network's own kind-mixing table (assortative mixing by kind, Newman 2003),
 *
 *   affinity(k, l) = (ties between kinds k and l + 1) / (ends(k) · ends(l) / all ends + 1),
 *
 * counted over the ties of the collaborates-with graph (each direction once; `ends(k)` = the partner
 * counts of kind-k actors summed). The walk's probability of ending at b is multiplied by
 * affinity(kind of the query, kind of b) (signals.ts): on a network where, say, businesses mostly
 * join research institutions, a business is pointed to institutions its walk reaches rather than to
 * other businesses as close; on one where kinds mix at random the table is ≈ 1 and changes nothing.
 * Measured on a real network of research projects and on planted networks (docs/suggestions.md).
 *
 * Kinds are indexed in name order (index-input.ts `kindNames`, at most 255) and the table is summed
 * in actor-index order (ids ascending), so the same store state gives the same bits.
 */
import type { CollaborationGraph } from './csr';

export interface KindMixing {
  /** Per actor index: its kind's index. */
  readonly kinds: Uint8Array;
  readonly kindCount: number;
  /** kindCount × kindCount, row = the query's kind. */
  readonly affinity: Float64Array;
}

/** No kinds: every factor 1 (multiplying by 1 leaves the walk's bits as they were). */
export function neutralKindMixing(actors: number): KindMixing {
  return { kinds: new Uint8Array(actors), kindCount: 1, affinity: Float64Array.of(1) };
}

/**
 * The table from the actors' kinds in graph order (`kinds[i]` < `kindCount`) and the CSR: pure
 * arrays, so it is built with the rest of the index (in the suggestion worker or inline).
 */
export function buildKindMixing(
  kinds: Uint8Array,
  kindCount: number,
  graph: Pick<CollaborationGraph, 'offsets' | 'neighbours'>,
): KindMixing {
  const n = kinds.length;
  if (kindCount < 2) return neutralKindMixing(n);
  const K = kindCount;
  const ties = new Float64Array(K * K);
  const ends = new Float64Array(K);
  const { offsets, neighbours } = graph;
  let all = 0;
  for (let i = 0; i < n; i++) {
    const row = kinds[i] * K;
    for (let e = offsets[i]; e < offsets[i + 1]; e++) ties[row + kinds[neighbours[e]]]++;
    ends[kinds[i]] += offsets[i + 1] - offsets[i];
    all += offsets[i + 1] - offsets[i];
  }
  const affinity = new Float64Array(K * K).fill(1);
  if (all > 0)
    for (let k = 0; k < K; k++)
      for (let l = 0; l < K; l++) affinity[k * K + l] = (ties[k * K + l] + 1) / ((ends[k] * ends[l]) / all + 1);
  return { kinds, kindCount: K, affinity };
}
