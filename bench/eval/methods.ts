/**
 * The methods the evaluation compares. Every one but `random` is a scoring model run through
 * `suggestContacts` — the code that serves the API — so a baseline differs from the shipped model
 * only in its model: one signal with weight 1.
 */
import { singleSignalModel, type ScoringModel } from '../../server/src/features/suggestions/model';
import { suggestContacts } from '../../server/src/features/suggestions/suggest';
import type { SuggestionIndex } from '../../server/src/features/suggestions/suggestion-index';
import { edgeIndex } from '../../server/src/features/suggestions/csr';
import { random } from '../../seed/generate';

export interface Method {
  name: string;
  label: string;
  /** The top `k` suggestions for an actor of the index. */
  rank(index: SuggestionIndex, actorId: string, k: number): string[];
}

export function modelMethod(name: string, label: string, model: ScoringModel): Method {
  return {
    name,
    label,
    rank: (index, actorId, k) => suggestContacts(index, actorId, { first: k, model }).map((s) => s.actorId),
  };
}

/**
 * k actors drawn uniformly from those the actor has not collaborated with (a seeded draw per
 * query and repetition; the evaluation averages several repetitions).
 */
export function randomMethod(seed: number): Method {
  return {
    name: 'random',
    label: 'random',
    rank(index, actorId, k) {
      const { graph } = index;
      const q = graph.index.get(actorId)!;
      const rand = random(seed ^ hash(actorId));
      const chosen = new Set<number>();
      const eligible = graph.ids.length - 1 - (graph.offsets[q + 1] - graph.offsets[q]);
      while (chosen.size < Math.min(k, eligible)) {
        const b = Math.floor(rand() * graph.ids.length);
        if (b !== q && edgeIndex(graph, q, b) < 0) chosen.add(b);
      }
      return [...chosen].map((b) => graph.ids[b]);
    },
  };
}

function hash(s: string): number {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return h >>> 0;
}

export function baselineMethods(): Method[] {
  return [
    modelMethod('katz', 'Katz (β = 0.005, walks 2–3)', singleSignalModel('katz')),
    modelMethod('adamicAdar', 'Adamic–Adar', singleSignalModel('adamicAdar')),
    modelMethod('commonNeighbours', 'common neighbours', singleSignalModel('commonNeighbours')),
    modelMethod('popularity', 'popularity (partners)', singleSignalModel('activity')),
    modelMethod('topics', 'IDF topic cosine', singleSignalModel('topics')),
  ];
}
