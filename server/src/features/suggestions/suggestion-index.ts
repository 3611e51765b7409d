/**
 * The projection in the form scoring needs — the CSR of the collaborates-with graph, the topic
 * profiles and a signal workspace — built on first use and rebuilt lazily when the projection's
 * `version` moved (any write since). One per projection, held weakly: a replaced projection takes
 * its index with it.
 */
import type { NetworkProjection } from '../../graph/projection';
import { buildCollaborationGraph, graphBytes, type CollaborationGraph } from './csr';
import { buildKindMixing } from './kind-mixing';
import { SignalWorkspace } from './signals';
import { buildTopicProfiles, profileBytes, type TopicProfiles } from './topic-profile';

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

export function buildSuggestionIndex(projection: NetworkProjection): SuggestionIndex {
  const started = performance.now();
  const version = projection.version;
  const graph = buildCollaborationGraph(projection);
  const profiles = buildTopicProfiles(projection, graph);
  return {
    projection,
    version,
    graph,
    profiles,
    signals: new SignalWorkspace(graph, profiles, undefined, buildKindMixing(projection, graph)),
    builtAt: new Date(),
    buildMs: performance.now() - started,
  };
}

/** The current index of a projection: cached, rebuilt when the projection changed since. */
export function suggestionIndex(projection: NetworkProjection): SuggestionIndex {
  const cached = indexes.get(projection);
  if (cached && cached.version === projection.version) return cached;
  const index = buildSuggestionIndex(projection);
  indexes.set(projection, index);
  return index;
}

/**
 * Bytes of the index's typed arrays: the CSR, the topic vectors, the workspace's scratch arrays
 * (eight Float64Arrays, six Int32Arrays, one Float32Array and one Uint8Array per actor) and the
 * scratch of ranking by bounds (three Float64Arrays and one Int32Array per actor, bounded-rank.ts,
 * allocated on its first use).
 */
export function indexBytes(index: SuggestionIndex): number {
  const n = index.graph.ids.length;
  return graphBytes(index.graph) + profileBytes(index.profiles) + n * (8 * 8 + 6 * 4 + 4 + 1 + 3 * 8 + 4);
}
