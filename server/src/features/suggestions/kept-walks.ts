/**
 * The full walk of the query actors whose walk is expensive, kept per suggestion index: a hub's
 * list reads most of the graph (at 100k actors the busiest actor's walk of two steps reads 3.7M
 * entries, its three steps 7.3M), and none of that depends on the request — filters, `first`,
 * `minScore` and the dismissed pairs only choose among the scores. So after the first list of such
 * an actor on an index (computed as before: ranked by bounds, the cold cost), its walk is computed
 * in full in the background (`keepWalkSteps`: a workspace of its own, in steps) and a copy of its
 * signals kept (the walk's probabilities, the topic cosines, who is reached, a partner or
 * topic-sharing); its later lists on the same index rank from that copy (suggest.ts `kept`: the
 * same list as a ranking by bounds, bit for bit) without a walk.
 *
 * Which actors: those whose walk of two steps reads more than KEEP_ABOVE_ENTRIES entries of the
 * graph per actor of the network (the sum of their partners' rows, known before walking: the
 * criterion is the work, not a list of ids). What it costs: KEPT_BYTES_PER_ACTOR bytes per actor of
 * the network per kept walk (3.3 MB at 100k actors), at most KEEP_BYTES together (the walk used
 * least recently goes first), and from the first walk on a workspace of their own (~8.5 MB at 100k,
 * reused by every walk on the index, gone with it). Kept per index (a WeakMap, as the static scores): an index rebuilt after a write
 * starts empty, and the old copies go with the old index. Only walks without the counts (models
 * that read no Katz, Adamic–Adar, common neighbours, resource allocation) are kept.
 */
import { twoStepEntries } from './bounded-rank';
import { signalsView, type QuerySignals } from './signal-types';
import { SignalWorkspace } from './signals';
import type { CollaborationGraph } from './csr';
import type { SuggestionIndex } from './suggestion-index';
import { CHUNK_ACTORS } from './work-chunks';

/**
 * Keep a walk whose two steps read more than this many entries per actor of the network. On the
 * bench's 100k network (2026-12-07) the 5 hubs' read 14–38 (busiest 37.7) and their lists took
 * 51–160 ms of scoring at load ~7; the other 19 busy actors' read 0.4–1.1 (their lists 6–40 ms).
 */
export const KEEP_ABOVE_ENTRIES = 8;

/** At most this many bytes of kept walks per index (about 9 at 100k actors). */
export const KEEP_BYTES = 32 * 1024 * 1024;

/** Bytes one kept walk takes per actor of the network: three Float64 arrays, marks, two lists. */
export const KEPT_BYTES_PER_ACTOR = 3 * 8 + 1 + 4 + 4;

interface Kept {
  signals: QuerySignals;
  bytes: number;
}

export class KeptWalks {
  /** By query actor, least recently used first (a Map keeps insertion order). */
  private readonly walks = new Map<number, Kept>();
  private bytes = 0;
  /** Walks kept and reused since the index was built (benches and tests read them). */
  kept = 0;
  reused = 0;
  /** The count arrays a walk without counts reads as 0, shared by every kept walk. */
  private zeros: Float64Array | null = null;
  /**
   * The workspace the walks to keep are computed on (keepWalkSteps), made at the first: one walk
   * at a time is computed (walk-keeper.ts), and a workspace per walk (~8.5 MB at 100k actors)
   * brought full collections of the heap into the walker's steps (one step took 386 ms so).
   */
  private workspace: SignalWorkspace | null = null;

  constructor(readonly actorCount: number) {}

  /** Is q's walk worth keeping (and not kept yet)? */
  worthKeeping(graph: CollaborationGraph, q: number): boolean {
    return (
      !this.walks.has(q) &&
      this.bytesOf() <= KEEP_BYTES &&
      twoStepEntries(graph, q) > KEEP_ABOVE_ENTRIES * this.actorCount
    );
  }

  has(q: number): boolean {
    return this.walks.has(q);
  }

  /** The kept signals of query actor q, or null. */
  get(q: number): QuerySignals | null {
    const kept = this.walks.get(q);
    if (!kept) return null;
    this.walks.delete(q);
    this.walks.set(q, kept);
    this.reused++;
    return kept.signals;
  }

  /** The workspace for walks on `index` (this object's index), the same for every walk. */
  walkWorkspace(index: SuggestionIndex): SignalWorkspace {
    const { beta, kindMixing } = index.signals;
    this.workspace ??= new SignalWorkspace(index.graph, index.profiles, beta, kindMixing);
    return this.workspace;
  }

  /** Bytes held now. */
  get size(): number {
    return this.bytes;
  }

  private bytesOf(): number {
    return KEPT_BYTES_PER_ACTOR * this.actorCount;
  }

  /**
   * Keeps a copy of a full walk without counts (a workspace's view after computeSteps(q, false))
   * and answers the copy: it stays valid when the workspace computes the next query. In steps.
   */
  *keepSteps(signals: QuerySignals): Generator<void, QuerySignals, void> {
    const n = this.actorCount;
    const { arrays } = signals;
    const copy = function* (source: Float64Array): Generator<void, Float64Array, void> {
      const out = new Float64Array(n);
      for (let from = 0; from < n; from += CHUNK_ACTORS * 8) {
        out.set(source.subarray(from, Math.min(n, from + CHUNK_ACTORS * 8)), from);
        yield;
      }
      return out;
    };
    const walkProbability2 = yield* copy(arrays.walkProbability2);
    const walkProbability3 = yield* copy(arrays.walkProbability3);
    const cosine = yield* copy(arrays.cosine);
    // Bit 1 reached, 2 topic-sharing, 4 the query or a partner: what the view reads.
    const marks = new Uint8Array(n);
    for (let b = 0; b < n; b++) {
      marks[b] = (signals.isReached(b) ? 1 : 0) | (signals.isPartnerOrSelf(b) ? 4 : 0);
      if (b % (CHUNK_ACTORS * 8) === CHUNK_ACTORS * 8 - 1) yield;
    }
    for (const b of signals.topicSharing) marks[b] |= 2;
    this.zeros ??= new Float64Array(n);
    const zeros = this.zeros;
    const view = signalsView(
      signals.query,
      {
        walks2: zeros,
        walks3: zeros,
        adamicAdar: zeros,
        resourceAllocation: zeros,
        cosine,
        degrees: arrays.degrees,
        collaborations: arrays.collaborations,
        walkProbability2,
        walkProbability3,
        actorKinds: arrays.actorKinds,
        kindFactors: Float64Array.from(arrays.kindFactors),
        beta: arrays.beta,
      },
      marks,
      Int32Array.from(signals.reached),
      Int32Array.from(signals.topicSharing),
    );
    const bytes = this.bytesOf();
    this.walks.set(signals.query, { signals: view, bytes });
    this.bytes += bytes;
    this.kept++;
    for (const [q, kept] of this.walks) {
      if (this.bytes <= KEEP_BYTES) break;
      this.walks.delete(q);
      this.bytes -= kept.bytes;
    }
    return view;
  }
}

const perIndex = new WeakMap<SuggestionIndex, KeptWalks>();

/** The kept walks of an index (made empty at its first use). */
export function keptWalksOf(index: SuggestionIndex): KeptWalks {
  let kept = perIndex.get(index);
  if (!kept) perIndex.set(index, (kept = new KeptWalks(index.graph.ids.length)));
  return kept;
}

/**
 * Walks q in full on the kept walks' workspace (the index's serves the requests meanwhile: this
 * runs beside them, in steps; one such walk at a time) and keeps the walk in `kept`. The same code as a request's full walk
 * (signals.ts computeSteps), so the same bits.
 */
export function* keepWalkSteps(index: SuggestionIndex, q: number): Generator<void, void, void> {
  const kept = keptWalksOf(index);
  if (kept.has(q)) return;
  const workspace = kept.walkWorkspace(index);
  yield;
  yield* kept.keepSteps(yield* workspace.computeSteps(q, false));
}

/** Drops the walks kept for an index, as a rebuild would (benches measure the first list again). */
export function forgetKeptWalks(index: SuggestionIndex): void {
  perIndex.delete(index);
}
