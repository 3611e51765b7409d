import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { BrokerMetric } from './insight.input';

@ObjectType('ActorMetrics', { description: "An actor's place in the collaborates-with graph." })
export class ActorMetricsType {
  actorId!: string;

  @Field(() => Int, { description: '1-based position in this ranking.' })
  rank!: number;

  @Field(() => Int, { description: 'How many partners (actors it shares a collaboration with).' })
  degree!: number;

  @Field(() => Float, { description: 'Shared collaborations summed over partners (recency-weighted when asked).' })
  weightedDegree!: number;

  @Field(() => Float, {
    description: 'Share of the shortest chains between other actors that run through this one, 0–1.',
  })
  betweenness!: number;

  @Field(() => Float, { description: 'Wasserman–Faust closeness: reach × 1 / mean distance, 0–1.' })
  closeness!: number;
}

/** When and on which version of the network a background result was computed. */
export interface ComputedStamp {
  computedAt: string;
  projectionVersion: number;
  current: boolean;
  durationMs: number;
}

const COMPUTED_AT = 'When the result was computed (ISO-8601); it is recomputed after the network changes.';
const PROJECTION_VERSION =
  "The version of the service's in-memory network the result was computed on (it goes up with every change of the network's structure; compare `projectionStatus { version }`).";
const CURRENT =
  'Whether the result is on the current version of the network. False: the last result, answered while the one for the current version is still being computed (ask again later for it).';
const DURATION = 'How long the computation took, in milliseconds.';

@ObjectType('BrokerRanking', {
  description:
    'Actors ranked by a centrality measure, computed on the projection and cached until the network changes.',
})
export class BrokerRankingType implements ComputedStamp {
  @Field(() => BrokerMetric)
  orderBy!: BrokerMetric;

  @Field(() => String, { description: COMPUTED_AT })
  computedAt!: string;

  @Field(() => Int, { description: PROJECTION_VERSION })
  projectionVersion!: number;

  @Field(() => Boolean, { description: CURRENT })
  current!: boolean;

  @Field(() => Float, { description: DURATION })
  durationMs!: number;

  @Field(() => Boolean, {
    description: 'True on large networks: betweenness and closeness estimated from a sample of source actors.',
  })
  approximate!: boolean;

  @Field(() => Int, { nullable: true, description: 'Source actors sampled when approximate.' })
  samples!: number | null;

  @Field(() => Int, { description: 'Actors in scope.' })
  actorCount!: number;

  @Field(() => Int, { description: 'Pairs of actors who share a collaboration in scope.' })
  tieCount!: number;

  @Field(() => [ActorMetricsType])
  nodes!: ActorMetricsType[];
}

@ObjectType('ResilienceBroker', { description: 'An actor who carries bridging once the removed actors are gone.' })
export class ResilienceBrokerType {
  actorId!: string;

  @Field(() => Int) rank!: number;
  @Field(() => Int) rankBefore!: number;
  @Field(() => Float) betweenness!: number;
  @Field(() => Float) betweennessBefore!: number;
  @Field(() => Int) degree!: number;
  @Field(() => Int) degreeBefore!: number;
}

@ObjectType('ResilienceDependent', {
  description: 'A remaining actor that worked with the removed ones, and how much of its network went with them.',
})
export class ResilienceDependentType {
  actorId!: string;

  @Field(() => Int) partnersBefore!: number;
  @Field(() => Int) partnersLost!: number;
  @Field(() => Float, { description: 'Share of its shared collaborations that were with the removed actors, 0–1.' })
  dependence!: number;
  @Field(() => Float) closenessBefore!: number;
  @Field(() => Float) closeness!: number;
}

@ObjectType('ActorGroup', { description: 'A set of actors, e.g. a piece that broke off the network.' })
export class ActorGroupType {
  actorIds!: string[];

  @Field(() => Int)
  size!: number;
}

@ObjectType('Resilience', { description: 'The network with some actors taken out, compared with the whole.' })
export class ResilienceType implements ComputedStamp {
  removedActorIds!: string[];
  disconnectedActorIds!: string[];
  isolatedActorIds!: string[];

  @Field(() => String, { description: COMPUTED_AT }) computedAt!: string;
  @Field(() => Int, { description: PROJECTION_VERSION }) projectionVersion!: number;
  @Field(() => Boolean, { description: CURRENT }) current!: boolean;
  @Field(() => Float, { description: DURATION }) durationMs!: number;
  @Field(() => Int, { description: 'Actors in scope without the removed ones.' }) actorCount!: number;
  @Field(() => Int) componentsBefore!: number;
  @Field(() => Int) componentsAfter!: number;
  @Field(() => Int) largestComponentBefore!: number;
  @Field(() => Int) largestComponentAfter!: number;
  @Field(() => Int, { description: 'Actors no longer connected to the main body of the network.' })
  disconnectedCount!: number;
  @Field(() => Int, { description: 'Actors left without any partner.' }) isolatedCount!: number;

  @Field(() => [ActorGroupType], { description: 'Pieces that broke off, largest first (single actors included).' })
  newComponents!: ActorGroupType[];

  @Field(() => [ResilienceBrokerType], {
    description: 'Who now carries the most bridging: remaining actors by betweenness.',
  })
  brokers!: ResilienceBrokerType[];

  @Field(() => [ResilienceDependentType], {
    description: 'Remaining actors that lost partners, the most dependent on the removed actors first.',
  })
  dependents!: ResilienceDependentType[];

  @Field(() => Boolean) approximate!: boolean;
}

@ObjectType('TopicCount')
export class TopicCountType {
  topicId!: string;

  @Field(() => Int, { description: "Members interested in it plus the cluster's collaborations about it." })
  count!: number;
}

@ObjectType('ClusterBridge', { description: 'A member of a cluster with ties into other clusters.' })
export class ClusterBridgeType {
  actorId!: string;

  @Field(() => Int, { description: 'Partners in other clusters.' }) externalTies!: number;
  @Field(() => Int, { description: 'Other clusters those partners belong to.' }) otherClusters!: number;
}

@ObjectType('Cluster', { description: 'Actors who work together more among themselves than with the rest (Louvain).' })
export class ClusterType {
  actorIds!: string[];

  @Field(() => ID, { description: '"1", "2", … by size; stable while the network does not change.' }) id!: string;
  @Field(() => Int) size!: number;
  @Field(() => Int) internalTies!: number;
  @Field(() => Int) externalTies!: number;
  @Field(() => [TopicCountType]) dominantTopics!: TopicCountType[];
  @Field(() => [ClusterBridgeType], { description: 'Members that bridge to other clusters, most clusters first.' })
  bridgingActors!: ClusterBridgeType[];
}

@ObjectType('Clustering')
export class ClusteringType implements ComputedStamp {
  @Field(() => String, { description: COMPUTED_AT }) computedAt!: string;
  @Field(() => Int, { description: PROJECTION_VERSION }) projectionVersion!: number;
  @Field(() => Boolean, { description: CURRENT }) current!: boolean;
  @Field(() => Float, { description: DURATION }) durationMs!: number;
  @Field(() => Float, { description: 'Modularity of the partition (higher: clearer clusters).' }) modularity!: number;
  @Field(() => Boolean, {
    description:
      'True: computed in a fraction of the time after a change, starting from the clusters before it (large networks only); the computation from scratch follows once the network is quiet and replaces it — ask again for the clusters that depend on the network alone.',
  })
  provisional!: boolean;
  @Field(() => Int, { description: 'Clusters of at least minSize actors.' }) count!: number;
  @Field(() => Int, { description: 'Actors without any tie in scope.' }) unclusteredCount!: number;
  @Field(() => [ClusterType]) clusters!: ClusterType[];
}

@ObjectType('TieChange', {
  description: 'A pair of actors and their shared collaborations in the window before each date.',
})
export class TieChangeType {
  actorIds!: [string, string];

  @Field(() => Int) before!: number;
  @Field(() => Int) after!: number;
}

@ObjectType('NetworkChange', {
  description: 'What changed between two dates; active = a collaboration in the window before the date.',
})
export class NetworkChangeType implements ComputedStamp {
  appearedActorIds!: string[];
  vanishedActorIds!: string[];

  @Field(() => String, { description: COMPUTED_AT }) computedAt!: string;
  @Field(() => Int, { description: PROJECTION_VERSION }) projectionVersion!: number;
  @Field(() => Boolean, { description: CURRENT }) current!: boolean;
  @Field(() => Float, { description: DURATION }) durationMs!: number;

  @Field(() => String) from!: string;
  @Field(() => String) to!: string;
  @Field(() => Int) windowDays!: number;
  @Field(() => Int) activeActorsBefore!: number;
  @Field(() => Int) activeActorsAfter!: number;
  @Field(() => Int) activeTiesBefore!: number;
  @Field(() => Int) activeTiesAfter!: number;
  @Field(() => Int, { description: 'Ties that appeared (all of them, whatever `first` lists).' })
  appearedTieCount!: number;
  @Field(() => Int, { description: 'Ties that faded.' }) fadedTieCount!: number;
  @Field(() => Int, { description: 'Ties that vanished.' }) vanishedTieCount!: number;
  @Field(() => [TieChangeType], { description: 'Active at `to`, never seen up to `from`.' })
  appearedTies!: TieChangeType[];
  @Field(() => [TieChangeType], { description: 'Active at both dates, fewer shared collaborations at `to`.' })
  fadedTies!: TieChangeType[];
  @Field(() => [TieChangeType], { description: 'Active at `from`, not at `to`.' }) vanishedTies!: TieChangeType[];
}

@ObjectType('RecentTie', { description: 'A partner with the tie weighted by recency.' })
export class RecentTieType {
  partnerId!: string;

  @Field(() => Float, { description: 'Sum of the shared collaborations’ recency weights (1 = as of the date).' })
  weight!: number;
  @Field(() => Int) sharedCount!: number;
  @Field(() => String, { nullable: true }) lastDate!: string | null;
}
