/**
 * The worker's typed-array results as the API reads them, on the main thread: actor indexes turned
 * into ids, and the long lists (a ranking of 100k actors) kept as arrays and cut to the rows a
 * request asks for, so no request sorts or converts the whole network.
 */
import type { ChangeArrays, TieList } from './change';
import type { ClusteringArrays } from './clusters';
import type { CentralityArrays } from './jobs';
import type { ResilienceArrays } from './resilience';

export type Metric = 'degree' | 'weightedDegree' | 'betweenness' | 'closeness';

export interface ActorMetrics {
  actorId: string;
  /** 1-based position in the ranking asked for. */
  rank: number;
  degree: number;
  weightedDegree: number;
  betweenness: number;
  closeness: number;
}

export class CentralityResult {
  readonly actorCount: number;
  readonly tieCount: number;
  readonly approximate: boolean;
  readonly samples: number | null;
  /** Per metric, node → its position in the ranking (made on first use). */
  private readonly positions = new Map<Metric, Int32Array>();

  constructor(
    readonly arrays: CentralityArrays,
    /** Actor index → id (the projection's, at the version computed on). */
    private readonly ids: readonly string[],
    /** Actor id → index. */
    private readonly index: ReadonlyMap<string, number>,
  ) {
    this.actorCount = arrays.nodeOf.length;
    this.tieCount = arrays.tieCount;
    this.approximate = arrays.approximate;
    this.samples = arrays.samples;
  }

  /** The first `first` actors by `metric` (only those of `actorIds` when given; their rank stays their rank among all). */
  ranked(metric: Metric, first: number, actorIds?: readonly string[] | null): ActorMetrics[] {
    const order = this.arrays.order[metric];
    if (!actorIds) {
      return Array.from(order.subarray(0, Math.min(first, order.length)), (node, position) => this.row(node, position));
    }
    // Only the actors asked for: their positions, without walking the whole ranking.
    const positions = this.positionsOf(metric);
    const nodes = new Set<number>();
    for (const id of actorIds) {
      const node = this.nodeOfActor(id);
      if (node >= 0) nodes.add(node);
    }
    return [...nodes]
      .sort((a, b) => positions[a] - positions[b])
      .slice(0, first)
      .map((node) => this.row(node, positions[node]));
  }

  private row(node: number, position: number): ActorMetrics {
    return {
      actorId: this.ids[this.arrays.nodeOf[node]],
      rank: position + 1,
      degree: this.arrays.degree[node],
      weightedDegree: this.arrays.weightedDegree[node],
      betweenness: this.arrays.betweenness[node],
      closeness: this.arrays.closeness[node],
    };
  }

  private positionsOf(metric: Metric): Int32Array {
    let positions = this.positions.get(metric);
    if (!positions) {
      const order = this.arrays.order[metric];
      positions = new Int32Array(order.length);
      order.forEach((node, position) => (positions![node] = position));
      this.positions.set(metric, positions);
    }
    return positions;
  }

  /** The node of an actor in this graph, or -1 (not in scope, unknown). */
  private nodeOfActor(actorId: string): number {
    const actor = this.index.get(actorId);
    if (actor === undefined) return -1;
    // nodeOf is ascending: binary search.
    const { nodeOf } = this.arrays;
    let lo = 0;
    let hi = nodeOf.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      if (nodeOf[mid] === actor) return mid;
      if (nodeOf[mid] < actor) lo = mid + 1;
      else hi = mid - 1;
    }
    return -1;
  }
}

export interface ResilienceBroker {
  actorId: string;
  betweenness: number;
  betweennessBefore: number;
  /** 1-based rank by betweenness, after and before the removal. */
  rank: number;
  rankBefore: number;
  degree: number;
  degreeBefore: number;
}

/** A remaining actor that had ties to the removed ones: how much of its network went with them. */
export interface ResilienceDependent {
  actorId: string;
  partnersBefore: number;
  partnersLost: number;
  /** Share of its weighted ties (shared collaborations) that ran to the removed actors, 0–1. */
  dependence: number;
  closenessBefore: number;
  closeness: number;
}

export class ResilienceResult {
  readonly actorCount: number;
  readonly componentsBefore: number;
  readonly componentsAfter: number;
  readonly largestComponentBefore: number;
  readonly largestComponentAfter: number;
  readonly disconnectedActorIds: string[];
  readonly isolatedActorIds: string[];
  /** The pieces that broke off, largest first (single actors included). */
  readonly newComponents: string[][];
  readonly approximate: boolean;

  constructor(
    private readonly arrays: ResilienceArrays,
    private readonly ids: readonly string[],
    /** Ids of the actors taken out, ascending. */
    readonly removedActorIds: string[],
  ) {
    const name = (list: Int32Array) => Array.from(list, (a) => ids[a]);
    this.actorCount = arrays.actorCount;
    this.componentsBefore = arrays.componentsBefore;
    this.componentsAfter = arrays.componentsAfter;
    this.largestComponentBefore = arrays.largestComponentBefore;
    this.largestComponentAfter = arrays.largestComponentAfter;
    this.disconnectedActorIds = name(arrays.disconnected);
    this.isolatedActorIds = name(arrays.isolated);
    this.newComponents = [];
    for (let k = 0; k + 1 < arrays.newComponentStarts.length; k++) {
      this.newComponents.push(
        name(arrays.newComponentMembers.subarray(arrays.newComponentStarts[k], arrays.newComponentStarts[k + 1])),
      );
    }
    this.approximate = arrays.approximate;
  }

  /** Remaining actors by betweenness after the removal, highest first. */
  brokers(first: number): ResilienceBroker[] {
    const b = this.arrays.brokers;
    return Array.from({ length: Math.min(first, b.actor.length) }, (_, x) => ({
      actorId: this.ids[b.actor[x]],
      betweenness: b.betweenness[x],
      betweennessBefore: b.betweennessBefore[x],
      rank: x + 1,
      rankBefore: b.rankBefore[x],
      degree: b.degree[x],
      degreeBefore: b.degreeBefore[x],
    }));
  }

  /** Remaining actors that lost partners, the most dependent on the removed actors first. */
  dependents(first: number): ResilienceDependent[] {
    const d = this.arrays.dependents;
    return Array.from({ length: Math.min(first, d.actor.length) }, (_, x) => ({
      actorId: this.ids[d.actor[x]],
      partnersBefore: d.partnersBefore[x],
      partnersLost: d.partnersLost[x],
      dependence: d.dependence[x],
      closenessBefore: d.closenessBefore[x],
      closeness: d.closeness[x],
    }));
  }
}

export interface TopicCount {
  topicId: string;
  /** Members interested in the topic plus the cluster's collaborations about it. */
  count: number;
}

export interface ClusterBridge {
  actorId: string;
  /** Partners in other clusters. */
  externalTies: number;
  /** How many other clusters those partners are in. */
  otherClusters: number;
}

/** Members' ids, made on first use (`Cluster.actorIds`). */
const memberIds = new WeakMap<Cluster, string[]>();

/**
 * A cluster. Its members' ids are made when asked for (`actorIds`): at 100k actors making all of
 * them with the result held the event loop 16 ms (quiet) to ~200 ms (load ~14) at once, and an
 * answer lists only the first clusters.
 */
export class Cluster {
  constructor(
    /** "1", "2", … by size, largest first. */
    readonly id: string,
    /** Members' actor indexes (ascending) on the version computed on. */
    private readonly members: Int32Array,
    /** Actor index → id on that version. */
    private readonly ids: readonly string[],
    readonly dominantTopics: TopicCount[],
    readonly bridgingActors: ClusterBridge[],
    /** Ties inside the cluster and to other clusters. */
    readonly internalTies: number,
    readonly externalTies: number,
  ) {}

  get size(): number {
    return this.members.length;
  }

  get actorIds(): string[] {
    let found = memberIds.get(this);
    if (!found) memberIds.set(this, (found = Array.from(this.members, (a) => this.ids[a])));
    return found;
  }
}

export interface Clustering {
  clusters: Cluster[];
  modularity: number;
  /**
   * Started from the clusters before a change (a warm start), not from scratch: replaced by the
   * run from scratch once the network is quiet (`cluster-seeds.ts`).
   */
  provisional: boolean;
  /** Actors without any tie in scope (not in any cluster). */
  unclusteredActorIds: string[];
}

export function clusteringOf(
  arrays: ClusteringArrays,
  ids: readonly string[],
  topicIds: readonly string[],
): Clustering {
  const clusters: Cluster[] = [];
  for (let k = 0; k + 1 < arrays.clusterStarts.length; k++) {
    const dominantTopics: TopicCount[] = [];
    for (let x = arrays.topicStarts[k]; x < arrays.topicStarts[k + 1]; x++)
      dominantTopics.push({ topicId: topicIds[arrays.topics[x]], count: arrays.topicCounts[x] });
    const bridgingActors: ClusterBridge[] = [];
    for (let x = arrays.bridgeStarts[k]; x < arrays.bridgeStarts[k + 1]; x++) {
      bridgingActors.push({
        actorId: ids[arrays.bridgeActors[x]],
        externalTies: arrays.bridgeExternalTies[x],
        otherClusters: arrays.bridgeOtherClusters[x],
      });
    }
    clusters.push(
      new Cluster(
        String(k + 1),
        arrays.members.subarray(arrays.clusterStarts[k], arrays.clusterStarts[k + 1]),
        ids,
        dominantTopics,
        bridgingActors,
        arrays.internalTies[k],
        arrays.externalTies[k],
      ),
    );
  }
  return {
    clusters,
    modularity: arrays.modularity,
    provisional: arrays.warm,
    unclusteredActorIds: Array.from(arrays.unclustered, (a) => ids[a]),
  };
}

export interface TieCount {
  actorIds: [string, string];
  /** Shared collaborations in the window before `from` and before `to`. */
  before: number;
  after: number;
}

/** The change between two dates; tie lists are made on request (they run into the hundreds of thousands at 100k actors). */
export class NetworkChange {
  readonly activeActorsBefore: number;
  readonly activeActorsAfter: number;
  readonly activeTiesBefore: number;
  readonly activeTiesAfter: number;
  readonly appearedActorIds: string[];
  readonly vanishedActorIds: string[];

  constructor(
    private readonly arrays: ChangeArrays,
    private readonly ids: readonly string[],
    readonly from: string,
    readonly to: string,
    readonly windowDays: number,
  ) {
    this.activeActorsBefore = arrays.activeActorsBefore;
    this.activeActorsAfter = arrays.activeActorsAfter;
    this.activeTiesBefore = arrays.activeTiesBefore;
    this.activeTiesAfter = arrays.activeTiesAfter;
    this.appearedActorIds = Array.from(arrays.appearedActors, (a) => ids[a]);
    this.vanishedActorIds = Array.from(arrays.vanishedActors, (a) => ids[a]);
  }

  /** How many ties appeared, faded, vanished. */
  count(kind: 'appeared' | 'faded' | 'vanished'): number {
    return this.list(kind).a.length;
  }

  /** The first `first` ties of a kind (all without), in id order. */
  ties(kind: 'appeared' | 'faded' | 'vanished', first = Infinity): TieCount[] {
    const list = this.list(kind);
    const n = Math.min(first, list.a.length);
    return Array.from({ length: n }, (_, x) => ({
      actorIds: [this.ids[list.a[x]], this.ids[list.b[x]]] as [string, string],
      before: list.before[x],
      after: list.after[x],
    }));
  }

  private list(kind: 'appeared' | 'faded' | 'vanished'): TieList {
    return kind === 'appeared'
      ? this.arrays.appearedTies
      : kind === 'faded'
        ? this.arrays.fadedTies
        : this.arrays.vanishedTies;
  }
}
