/**
 * The computations the insight worker runs: one message in, one message out, typed arrays only
 * (the projection's shared arrays, masks and results transferred — no Map or object graph is
 * cloned). `runJob` is the whole of the worker's work; tests and scripts may call it directly.
 */
import { findDuplicates, type DuplicateInput, type DuplicatePair } from '../../domain/duplicates';
import { changeOnArrays, type ChangeArrays, type ChangeMasks } from './change';
import { computeCentrality, rankNodes, type CentralityOptions, type CentralityValues } from './centrality';
import { clusterOnArrays, type ClusterOptions, type ClusteringArrays } from './clusters';
import type { SharedProjection } from './projection-arrays';
import { resilienceOnArrays, type Before, type ResilienceArrays } from './resilience';
import { buildScopedGraph, type GraphSpec } from './scoped-graph';

export interface CentralityArrays extends CentralityValues {
  /** Node → actor index. */
  nodeOf: Int32Array;
  /** Pairs of actors who share a collaboration in scope. */
  tieCount: number;
  /** Nodes ranked by each measure, highest first (ties by id). */
  order: { degree: Int32Array; weightedDegree: Int32Array; betweenness: Int32Array; closeness: Int32Array };
}

export type JobRequest =
  | { kind: 'centrality'; shared: SharedProjection; spec: GraphSpec; options: CentralityOptions }
  | {
      kind: 'resilience';
      shared: SharedProjection;
      spec: GraphSpec;
      /** Actor indexes taken out. */
      removed: Int32Array;
      /** The measures of the scope's graph (the cached brokers), per node. */
      before: Before['centrality'];
      options: CentralityOptions;
    }
  | { kind: 'clusters'; shared: SharedProjection; spec: GraphSpec; options: ClusterOptions }
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

export function runJob<R extends JobRequest>(request: R): JobResults[R['kind']];
export function runJob(request: JobRequest): JobResult {
  switch (request.kind) {
    case 'centrality': {
      const graph = buildScopedGraph(request.shared, request.spec);
      const values = computeCentrality(graph, request.options);
      return {
        ...values,
        nodeOf: graph.nodeOf,
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
      const graph = buildScopedGraph(request.shared, request.spec);
      if (graph.n !== request.before.degree.length)
        throw new Error('resilience: the measures given do not belong to this graph');
      return resilienceOnArrays({ graph, centrality: request.before }, request.removed, request.options);
    }
    case 'clusters': {
      const graph = buildScopedGraph(request.shared, request.spec);
      return clusterOnArrays(graph, request.shared, request.shared, request.spec.collaborationMask, request.options);
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

export function packActors(actors: readonly DuplicateInput[]): string {
  return JSON.stringify(actors.map((a) => [a.id, a.name, a.website, a.contact]));
}

function unpackActors(packed: string): DuplicateInput[] {
  return (JSON.parse(packed) as Array<[string, string, string | null, string | null]>).map(
    ([id, name, website, contact]) => ({ id, name, website, contact }),
  );
}
