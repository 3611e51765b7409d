/**
 * The computations the insight worker runs: one message in, one message out, typed arrays only
 * (the projection's shared arrays, masks and results transferred — no Map or object graph is
 * cloned). `runJob` is the whole of the worker's work; tests and scripts may call it directly.
 */
import { findDuplicates, type DuplicateInput, type DuplicatePair } from '../../domain/duplicates';
import { changeOnArrays, type ChangeArrays, type ChangeMasks } from './change';
import { computeCentrality, EXACT_LIMIT, rankNodes, type CentralityOptions, type CentralityValues } from './centrality';
import { clusterOnArrays, louvainOnGraph, type ClusterOptions, type ClusteringArrays } from './clusters';
import type { PathsPool } from './paths-pool';
import type { SharedProjection } from './projection-arrays';
import { resilienceOnArrays, type Before, type ResilienceArrays } from './resilience';
import { patchScopedGraph, type GraphSource } from './graph-patch';
import { buildScopedGraph, type GraphSpec, type ScopedGraph } from './scoped-graph';

export interface CentralityArrays extends CentralityValues {
  /** Node → actor index. */
  nodeOf: Int32Array;
  /** Pairs of actors who share a collaboration in scope. */
  tieCount: number;
  /** Nodes ranked by each measure, highest first (ties by id). */
  order: { degree: Int32Array; weightedDegree: Int32Array; betweenness: Int32Array; closeness: Int32Array };
}

/**
 * The projection version the shared arrays were made on: with it, the worker keeps the last graph
 * it built (`GraphCache`) and the next question on the same version and scope starts from it.
 */
interface OnVersion {
  version?: number;
}

export type JobRequest =
  | ({ kind: 'centrality'; shared: SharedProjection; spec: GraphSpec; options: CentralityOptions } & OnVersion)
  | ({
      kind: 'resilience';
      shared: SharedProjection;
      spec: GraphSpec;
      /** Actor indexes taken out. */
      removed: Int32Array;
      /** The measures of the scope's graph (the cached brokers), per node. */
      before: Before['centrality'];
      options: CentralityOptions;
    } & OnVersion)
  | ({
      kind: 'clusters';
      shared: SharedProjection;
      spec: GraphSpec;
      options: ClusterOptions;
      /**
       * Per actor index: its cluster in an earlier partition (-1: none) to start Louvain from — a
       * warm start, used above the exact limit (below it a run from scratch is cheap).
       */
      start?: Int32Array;
    } & OnVersion)
  | { kind: 'change'; shared: SharedProjection; masks: ChangeMasks }
  /** Likely duplicates among actors: `[id, name, website, contact][]` as one JSON string (one copy, no object graph). */
  | { kind: 'duplicates'; actors: string };

export interface JobResults {
  centrality: CentralityArrays;
  resilience: ResilienceArrays;
  clusters: ClusteringArrays;
  change: ChangeArrays;
  duplicates: DuplicatePair[];
}

export type JobResult = JobResults[keyof JobResults];

/** Time spent in each part of a job (ms), for the service's own figures and the bench. */
export interface JobPhases {
  /** Getting the scope's graph: building it, or (a few tenths of a ms) finding it kept from the question before. */
  buildMs: number;
  /** Whether the graph was built (false: kept; also false for jobs without a graph). */
  built: boolean;
  /** Whether it was built by patching the kept graph of an earlier version. */
  patched?: boolean;
  /** The algorithm and what the worker makes of its outcome. */
  computeMs: number;
}

function sameBytes(a: ArrayBufferView | null, b: ArrayBufferView | null): boolean {
  if (a === null || b === null) return a === b;
  if (a.byteLength !== b.byteLength) return false;
  const x = new Uint8Array(a.buffer, a.byteOffset, a.byteLength);
  const y = new Uint8Array(b.buffer, b.byteOffset, b.byteLength);
  for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return false;
  return true;
}

/**
 * The last graph built, with the version and masks it was built from: brokers, clusters and the
 * hand-over on one version and scope build it once. The graph is a pure function of the shared
 * arrays of a version and the masks (compared byte for byte), so a kept graph is the one a new
 * build would give. The worker holds one; a call without a version neither uses nor fills it.
 */
export class GraphCache {
  private last: ({ version: number } & GraphSource) | null = null;
  hits = 0;
  /** Graphs made by patching the kept one (`graph-patch.ts`) instead of a full build. */
  patches = 0;

  graph(shared: SharedProjection, spec: GraphSpec, version: number | undefined): ScopedGraph {
    const last = this.last;
    if (
      version !== undefined &&
      last &&
      last.version === version &&
      sameBytes(last.spec.actorMask, spec.actorMask) &&
      sameBytes(last.spec.collaborationMask, spec.collaborationMask) &&
      sameBytes(last.spec.collaborationWeights, spec.collaborationWeights)
    ) {
      this.hits++;
      return last.graph;
    }
    // After a change (or in another scope): the kept graph patched where the arrays differ — the
    // graph a full build gives (graph-patch.ts) — else built anew.
    const patched = version !== undefined && last ? patchScopedGraph(last, shared, spec) : null;
    if (patched) this.patches++;
    this.last = null; // the old graph may go before the new one is built
    const graph = patched ?? buildScopedGraph(shared, spec);
    if (version !== undefined) this.last = { version, shared, spec, graph };
    return graph;
  }
}

/** `pool`: helper threads for sampled brokers (the insight worker's; none: this thread alone, the same values). */
export function runJob<R extends JobRequest>(
  request: R,
  graphs?: GraphCache,
  phases?: JobPhases,
  pool?: PathsPool | null,
): JobResults[R['kind']];
export function runJob(
  request: JobRequest,
  graphs = new GraphCache(),
  phases?: JobPhases,
  pool: PathsPool | null = null,
): JobResult {
  const started = performance.now();
  if (phases) {
    phases.buildMs = 0;
    phases.built = false;
  }
  const graphOf = (r: Extract<JobRequest, { spec: GraphSpec }>) => {
    const { hits, patches } = graphs;
    const graph = graphs.graph(r.shared, r.spec, r.version);
    if (phases) {
      phases.buildMs = performance.now() - started;
      phases.built = graphs.hits === hits;
      phases.patched = graphs.patches !== patches;
    }
    return graph;
  };
  try {
    return runOn(request, graphOf, pool);
  } finally {
    if (phases) phases.computeMs = performance.now() - started - phases.buildMs;
  }
}

function runOn(
  request: JobRequest,
  graphOf: (r: Extract<JobRequest, { spec: GraphSpec }>) => ScopedGraph,
  pool: PathsPool | null,
): JobResult {
  switch (request.kind) {
    case 'centrality': {
      const graph = graphOf(request);
      const values = computeCentrality(graph, request.options, pool);
      return {
        ...values,
        // A copy: the result's arrays are transferred, the kept graph keeps its own.
        nodeOf: graph.nodeOf.slice(),
        tieCount: graph.pairs,
        order: {
          degree: rankNodes(values.degree),
          weightedDegree: rankNodes(values.weightedDegree),
          betweenness: rankNodes(values.betweenness),
          closeness: rankNodes(values.closeness),
        },
      };
    }
    case 'resilience': {
      const graph = graphOf(request);
      if (graph.n !== request.before.degree.length)
        throw new Error('resilience: the measures given do not belong to this graph');
      return resilienceOnArrays({ graph, centrality: request.before }, request.removed, request.options);
    }
    case 'clusters': {
      const graph = graphOf(request);
      const { start, options } = request;
      const warm = start !== undefined && graph.n > (options.exactLimit ?? EXACT_LIMIT);
      const communities = warm
        ? louvainOnGraph(
            graph,
            options,
            Int32Array.from(graph.nodeOf, (a) => start[a]),
          )
        : undefined;
      return clusterOnArrays(
        graph,
        request.shared,
        request.shared,
        request.spec.collaborationMask,
        options,
        communities,
        warm,
      );
    }
    case 'change':
      return changeOnArrays(request.shared, request.masks);
    case 'duplicates':
      return findDuplicates(unpackActors(request.actors));
  }
}

/** The ArrayBuffers of every typed array in a value (not SharedArrayBuffers): what to transfer. */
export function transferablesOf(value: unknown, found = new Set<ArrayBuffer>()): ArrayBuffer[] {
  if (ArrayBuffer.isView(value)) {
    if (value.buffer instanceof ArrayBuffer) found.add(value.buffer);
  } else if (value && typeof value === 'object') {
    for (const v of Object.values(value)) transferablesOf(v, found);
  }
  return [...found];
}

/** Actors packed per this many: at 100k actors the whole string in one go held the event loop 20–50 ms. */
const PACK_CHUNK = 2000;

/**
 * The actors as one JSON string of `[id, name, website, contact]` tuples (one copy to the worker, no
 * object graph), made in steps of `PACK_CHUNK` actors: run them in slices.
 */
export function* packActorsSteps(actors: readonly DuplicateInput[]): Generator<void, string, void> {
  const parts: string[] = [];
  for (let i = 0; i < actors.length; i += PACK_CHUNK) {
    const tuples = actors.slice(i, i + PACK_CHUNK).map((a) => [a.id, a.name, a.website, a.contact]);
    parts.push(JSON.stringify(tuples).slice(1, -1));
    yield;
  }
  return `[${parts.join(',')}]`;
}

function unpackActors(packed: string): DuplicateInput[] {
  return (JSON.parse(packed) as Array<[string, string, string | null, string | null]>).map(
    ([id, name, website, contact]) => ({ id, name, website, contact }),
  );
}
