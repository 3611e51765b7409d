/**
 * A suggestion index whose walk steps through x with weight strength(x)^−gamma instead of csr.ts
 * STEP_EXPONENT (the same graph and topic profiles, its own workspace): for measuring step exponents
 * side by side without rebuilding the index.
 */
import { STEP_EXPONENT, type CollaborationGraph } from '../../server/src/features/suggestions/csr';
import { SignalWorkspace } from '../../server/src/features/suggestions/signals';
import type { SuggestionIndex } from '../../server/src/features/suggestions/suggestion-index';

export function withStepExponent(base: SuggestionIndex, gamma: number): SuggestionIndex {
  if (gamma === STEP_EXPONENT) return base;
  const g = base.graph;
  const stepWeights = new Float64Array(g.ids.length);
  for (let i = 0; i < g.ids.length; i++) {
    const inverse = g.inverseStrengths[i];
    stepWeights[i] = inverse > 0 ? (gamma === 1 ? inverse : Math.pow(1 / inverse, -gamma)) : 0;
  }
  const graph: CollaborationGraph = { ...g, stepWeights };
  return { ...base, graph, signals: new SignalWorkspace(graph, base.profiles, undefined, base.signals.kindMixing) };
}
