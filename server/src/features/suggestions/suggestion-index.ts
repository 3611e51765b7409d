/**
 * The projection in the form scoring needs — the CSR of the collaborates-with graph, the topic
 * profiles and a signal workspace — built on first use and rebuilt lazily when the projection's
 * `version` moved (any write since). One per projection, held weakly: a replaced projection takes
 * its index with it. The service builds it off the event loop (index-builder.ts); this module's
 * `buildSuggestionIndex` builds it inline, from the same code, to the same bits.
 */
import type { NetworkProjection } from '../../graph/projection';
import { hubsOf } from './bounded-rank';
import { graphBytes, type CollaborationGraph } from './csr';
import { buildIndexArrays, type BuiltArrays } from './index-build';
import { runNow } from '../../platform/util/run-in-slices';
import { encodeIndexInput, type IndexInput } from './index-input';
import { SignalWorkspace } from './signals';
import { profileBytes, topicTables, type TopicProfiles } from './topic-profile';

export interface SuggestionIndex {
  readonly projection: NetworkProjection;
  /** The projection's version this index was built from. */
  readonly version: number;
  readonly graph: CollaborationGraph;
  readonly profiles: TopicProfiles;
  readonly signals: SignalWorkspace;
  readonly builtAt: Date;
  /** How long the last build took. */
  readonly buildMs: number;
}

const indexes = new WeakMap<NetworkProjection, SuggestionIndex>();

/** The index of the projection as it is now, built on the calling thread. */
export function buildSuggestionIndex(projection: NetworkProjection): SuggestionIndex {
  const started = performance.now();
  const input = encodeIndexInput(projection);
  const built = buildIndexArrays(input);
  return runNow(assembleSteps(projection, input, built, () => performance.now() - started));
}

/**
 * The index of `projection` at `input.version` from the built arrays: the id lists and their Maps
 * and the signal workspace, made on the main thread (they hold strings), yielding between slices.
 */
export function* assembleSteps(
  projection: NetworkProjection,
  input: IndexInput,
  built: BuiltArrays,
  buildMs: () => number,
): Generator<void, SuggestionIndex, void> {
  const ids = Array.from(built.order, (a) => input.actorIds[a]);
  yield;
  const index = new Map<string, number>();
  for (let i = 0; i < ids.length; i++) {
    index.set(ids[i], i);
    if (i % 4096 === 4095) yield;
  }
  const graph = { ids, index, ...built.graph };
  const profiles = { ...topicTables(input.topicIds), ...built.profiles };
  yield;
  const signals = new SignalWorkspace(graph, profiles, undefined, {
    kinds: built.kinds,
    kindCount: built.kindCount,
    affinity: built.affinity,
  });
  return { projection, version: input.version, graph, profiles, signals, builtAt: new Date(), buildMs: buildMs() };
}

/** The current index of a projection: cached, rebuilt when the projection changed since. */
export function suggestionIndex(projection: NetworkProjection): SuggestionIndex {
  const cached = indexes.get(projection);
  if (cached && cached.version === projection.version) return cached;
  const index = buildSuggestionIndex(projection);
  indexes.set(projection, index);
  return index;
}

/** The cached index of a projection (any version), or null. */
export function cachedIndex(projection: NetworkProjection): SuggestionIndex | null {
  return indexes.get(projection) ?? null;
}

/** Keeps an index built elsewhere (index-builder.ts) as the projection's, unless a newer one is kept. */
export function keepIndex(index: SuggestionIndex): void {
  const cached = indexes.get(index.projection);
  if (!cached || cached.version < index.version) indexes.set(index.projection, index);
}

/**
 * Bytes of the index's typed arrays: the CSR, the topic vectors, the workspace's scratch arrays
 * (eight Float64Arrays, four Int32Arrays, one Float32Array and one Uint8Array per actor, and a
 * bit per actor) and the scratch of ranking by bounds (bounded-rank.ts, allocated on its first use:
 * three Float64Arrays, one Float32Array, one Int32Array and one Uint8Array per actor, and a Float32
 * per actor and hub — 2 MB for the 5 hubs of the bench's 100k network).
 */
export function indexBytes(index: SuggestionIndex): number {
  const n = index.graph.ids.length;
  const bounds = 3 * 8 + 4 + 4 + 1 + 4 * hubsOf(index.graph).length;
  return (
    graphBytes(index.graph) + profileBytes(index.profiles) + n * (8 * 8 + 4 * 4 + 4 + 1 + bounds) + Math.ceil(n / 8)
  );
}
