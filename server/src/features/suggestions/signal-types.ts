/**
 * The signals a contact suggestion is scored from, for one query actor q against every other actor:
 *
 * - `commonNeighbours` — partners q and b share: (A²)_qb on the unweighted collaborates-with graph;
 * - `adamicAdar` — the same, each shared partner m counted 1 / ln(partners of m): a mutual partner
 *   who works with few is a stronger hint than a hub who works with everybody;
 * - `resourceAllocation` — the same, each shared partner m counted 1 / (partners of m): steeper than
 *   Adamic–Adar, so a mutual partner who works with everybody counts next to nothing;
 * - `katz` — the truncated Katz index β²·(A²)_qb + β³·(A³)_qb: walks of length 2 and 3, the
 *   longer ones damped by β, so actors two steps further out are still ranked;
 * - `activity` — b's number of partners (popularity): what still ranks for a newcomer;
 * - `collaborations` — how many collaborations b took part in (single-partner ones too): activity
 *   measured in collaborations rather than partners, so one big consortium does not make a hub;
 * - `topics` — cosine of the IDF-weighted topic vectors (topic-profile.ts);
 * - `randomWalk` — a short walk from q along the ties, ending at b: two steps, plus three steps
 *   weighted WALK3_WEIGHT. A tie's strength is Σ 1 / (members − 1) over the collaborations behind
 *   it (csr.ts), so a step through a small project counts more than one through a 40-partner
 *   consortium. The first step is q's tie strength as a share of its total (a probability); each
 *   further step through x is the tie's strength times strength(x)^−0.75 (csr.ts STEP_EXPONENT), so a
 *   partner with many ties passes on a smaller share to each — less steeply than a random walk's
 *   1 / strength(x), which measured worse. Unlike Katz, it does not grow with the number of walks
 *   through hubs. The probability is multiplied by how much more often q's kind of actor works with
 *   b's kind than chance would give (kind-mixing.ts; ≈ 1 where kinds mix at random).
 *
 * Katz, common neighbours and Adamic–Adar use the unweighted graph (a tie is a tie, however many
 * collaborations it has): that is the definition the H2020 reference figures (see
 * docs/suggestions.md) were measured with.
 */
export const SIGNAL_NAMES = [
  'topics',
  'adamicAdar',
  'resourceAllocation',
  'commonNeighbours',
  'katz',
  'activity',
  'collaborations',
  'randomWalk',
] as const;
export type SignalName = (typeof SIGNAL_NAMES)[number];

/** β of the truncated Katz index: the value the reference figures were measured with. */
export const KATZ_BETA = 0.005;

/**
 * Weight of the three-step walks in `randomWalk` (two-step ones weigh 1). Three-step probabilities
 * spread over many more actors, so each is small; measured on a real network of research projects
 * and on planted networks (bench/eval/explore-signals.ts), 2 and 5 rank alike there and 5 better on
 * the planted ones; 0.7 (a walk that stops with chance 0.3 per step) ranks worse on both.
 */
export const WALK3_WEIGHT = 5;

/** One query's signals; valid until the workspace computes the next query. */
export interface QuerySignals {
  readonly query: number;
  /** Actors reached by a walk of length 2 or 3 from the query (in the order found; may include it). */
  readonly reached: Int32Array;
  /** Actors sharing at least one topic with the query (in the order found; may include it). */
  readonly topicSharing: Int32Array;
  /** Reached or topic-sharing. */
  inPool(b: number): boolean;
  isReached(b: number): boolean;
  /** One of the query's partners, or the query itself. */
  isPartnerOrSelf(b: number): boolean;
  value(signal: SignalName, b: number): number;
  /** A getter of one signal for many actors (no switch per call: the scoring loop's hot path). */
  reader(signal: SignalName): (b: number) => number;
  /** The dense per-actor arrays behind the signals, for loops that score many actors. */
  readonly arrays: SignalArrays;
}

/** One value per actor index. Katz is β² · walks2 + β³ · walks3; common neighbours is walks2. */
export interface SignalArrays {
  readonly walks2: Float64Array;
  readonly walks3: Float64Array;
  readonly adamicAdar: Float64Array;
  readonly resourceAllocation: Float64Array;
  readonly cosine: Float64Array;
  readonly degrees: Float64Array;
  readonly collaborations: Int32Array;
  /** The walk of two / three steps from the query ending at the actor (first step a probability, then weighted steps). */
  readonly walkProbability2: Float64Array;
  readonly walkProbability3: Float64Array;
  /** Per actor: its kind's index; per kind: the walk's factor from the query's kind (kind-mixing.ts). */
  readonly actorKinds: Uint8Array;
  readonly kindFactors: Float64Array;
  readonly beta: number;
}

/** The signals of query q over the workspace's arrays; `marks`: bit 1 reached, 2 topic-sharing, 4 the query or a partner. */
export function signalsView(
  q: number,
  arrays: SignalArrays,
  marks: Uint8Array,
  reached: Int32Array,
  topicSharing: Int32Array,
): QuerySignals {
  const { walks2, walks3, adamicAdar, resourceAllocation, cosine, degrees, beta } = arrays;
  const { walkProbability2, walkProbability3, collaborations, actorKinds, kindFactors } = arrays;
  const b2 = beta * beta;
  const b3 = beta * beta * beta;
  const readers: Record<SignalName, (b: number) => number> = {
    commonNeighbours: (b) => walks2[b],
    adamicAdar: (b) => adamicAdar[b],
    resourceAllocation: (b) => resourceAllocation[b],
    katz: (b) => b2 * walks2[b] + b3 * walks3[b],
    activity: (b) => degrees[b],
    collaborations: (b) => collaborations[b],
    topics: (b) => cosine[b],
    randomWalk: (b) => (walkProbability2[b] + WALK3_WEIGHT * walkProbability3[b]) * kindFactors[actorKinds[b]],
  };
  return {
    query: q,
    reached,
    topicSharing,
    inPool: (b) => (marks[b] & 3) !== 0,
    isReached: (b) => (marks[b] & 1) !== 0,
    isPartnerOrSelf: (b) => (marks[b] & 4) !== 0,
    value: (signal, b) => readers[signal](b),
    reader: (signal) => readers[signal],
    arrays,
  };
}
