/**
 * Network insight — brokers, the hand-over analysis, clusters, change over time — answered from the
 * projection (server/src/features/insight); actors and topics they name come through the request's loaders.
 */
import { Arg, Authorized, Ctx, Float, ID, Int, Query, Resolver } from 'type-graphql';
import { Guarded } from '../../platform/graphql/guarded-resolvers';
import { BadInputError } from '../../domain/errors';
import { checkFilterRange, isCalendarDate } from '../../domain/validation';
import type { ScopeFilter } from '../../graph/scope';
import type { Answer } from './engine';
import type { Metric } from './results';
import { withoutNulls } from '../../platform/graphql/common/patch';
import { checkIntRange, checkListSize } from '../../platform/graphql/common/validators';
import type { GraphQLContext } from '../../platform/graphql/context';
import { ScopeFilterInput } from '../network/network.input';
import { actorField, actorListField, topicField } from './by-id-fields.resolver';
import { BrokerMetric, MAX_CLUSTER_RESOLUTION, MAX_INSIGHT_ROWS, MAX_WINDOW_DAYS, RecencyInput } from './insight.input';
import {
  ActorGroupType,
  ActorMetricsType,
  BrokerRankingType,
  ClusterBridgeType,
  type ComputedStamp,
  ClusteringType,
  ClusterType,
  NetworkChangeType,
  RecentTieType,
  ResilienceBrokerType,
  ResilienceDependentType,
  ResilienceType,
  TieChangeType,
  TopicCountType,
} from './insight.type';

function checkFirst(first: number, field = 'first'): void {
  if (!Number.isInteger(first) || first < 1 || first > MAX_INSIGHT_ROWS) {
    throw new BadInputError(`${field} must be between 1 and ${MAX_INSIGHT_ROWS}`, field);
  }
}

function scope(filter: ScopeFilterInput | null): ScopeFilter {
  checkFilterRange(filter);
  return withoutNulls(filter) as ScopeFilter;
}

function checkDate(value: string, field: string): void {
  if (!isCalendarDate(value)) throw new BadInputError(`${field} must be a date YYYY-MM-DD`, field);
}

const METRIC: Record<BrokerMetric, Metric> = {
  [BrokerMetric.DEGREE]: 'degree',
  [BrokerMetric.WEIGHTED_DEGREE]: 'weightedDegree',
  [BrokerMetric.BETWEENNESS]: 'betweenness',
  [BrokerMetric.CLOSENESS]: 'closeness',
};

/** When and on which version of the network a background result was computed, and whether that is the current one. */
function stamp(computed: Answer<unknown>): ComputedStamp {
  return {
    computedAt: computed.computedAt.toISOString(),
    projectionVersion: computed.version,
    current: computed.current,
    durationMs: computed.durationMs,
  };
}

/** Who waits in the insight queue: the principal, else everyone without one together. */
function asker(principal: GraphQLContext['principal']): string {
  return principal ? `principal:${principal.id}` : 'anonymous';
}

/** Rows of an older result whose actor has been deleted since are left out (their `actor` would not resolve). */
function existing<T extends { actorId: string }>(rows: T[], { service }: GraphQLContext): T[] {
  return rows.filter((row) => service.projection.actors.has(row.actorId));
}

const COMPUTED_NOTE =
  " Computed in the background, one question at a time, taken in turn across clients (RATE_LIMITED with `extensions.retryAfterSeconds` when too many of yours are waiting), and kept until the network's structure changes. After a change the last result is answered (`current: false`, its `projectionVersion`) if the new one is not ready within about a second; only when there is none yet a request waits up to INSIGHT_WAIT_SECONDS, then answers COMPUTING with `extensions.retryAfterSeconds` (estimated from its place in the queue).";

@Guarded()
@Resolver()
export class InsightResolver {
  @Authorized('VIEWER')
  @Query(() => BrokerRankingType, {
    description:
      'Brokers and reach: actors ranked by degree, weighted degree, betweenness or closeness on the collaborates-with graph, within a scope.' +
      COMPUTED_NOTE,
  })
  async brokers(
    @Arg('filter', () => ScopeFilterInput, { nullable: true }) filter: ScopeFilterInput | null,
    @Arg('recency', () => RecencyInput, { nullable: true, description: 'Weigh ties by recency (weighted degree).' })
    recency: RecencyInput | null,
    @Arg('orderBy', () => BrokerMetric, { defaultValue: BrokerMetric.BETWEENNESS }) orderBy: BrokerMetric,
    @Arg('actorIds', () => [ID], {
      nullable: true,
      description: 'Only these actors (their rank stays their rank among all).',
    })
    actorIds: string[] | null,
    @Arg('first', () => Int, { defaultValue: 20 }) first: number,
    @Ctx() ctx: GraphQLContext,
  ): Promise<BrokerRankingType> {
    checkFirst(first);
    checkListSize(actorIds, 'actorIds');
    const computed = await ctx.service.insight.brokers(scope(filter), recency, asker(ctx.principal));
    const centrality = computed.value;
    return {
      ...stamp(computed),
      orderBy,
      approximate: centrality.approximate,
      samples: centrality.samples,
      actorCount: centrality.actorCount,
      tieCount: centrality.tieCount,
      nodes: existing(centrality.ranked(METRIC[orderBy], first, actorIds), ctx),
    };
  }

  @Authorized('VIEWER')
  @Query(() => ResilienceType, {
    description:
      'Hand-over analysis: the network with these actors taken out — who drops out, which pieces break off, and who now carries the most bridging.' +
      COMPUTED_NOTE,
  })
  async resilience(
    @Arg('removeActorIds', () => [ID]) removeActorIds: string[],
    @Arg('filter', () => ScopeFilterInput, { nullable: true }) filter: ScopeFilterInput | null,
    @Arg('first', () => Int, { defaultValue: 10, description: 'How many brokers and dependents to list.' })
    first: number,
    @Ctx() ctx: GraphQLContext,
  ): Promise<ResilienceType> {
    checkFirst(first);
    checkListSize(removeActorIds, 'removeActorIds');
    const computed = await ctx.service.insight.resilience(removeActorIds, scope(filter), asker(ctx.principal));
    const r = computed.value;
    return {
      ...stamp(computed),
      removedActorIds: r.removedActorIds,
      disconnectedActorIds: r.disconnectedActorIds,
      isolatedActorIds: r.isolatedActorIds,
      actorCount: r.actorCount,
      componentsBefore: r.componentsBefore,
      componentsAfter: r.componentsAfter,
      largestComponentBefore: r.largestComponentBefore,
      largestComponentAfter: r.largestComponentAfter,
      disconnectedCount: r.disconnectedActorIds.length,
      isolatedCount: r.isolatedActorIds.length,
      newComponents: r.newComponents.map((actorIds) => ({ actorIds, size: actorIds.length })),
      brokers: existing(r.brokers(first), ctx),
      dependents: existing(r.dependents(first), ctx),
      approximate: r.approximate,
    };
  }

  @Authorized('VIEWER')
  @Query(() => ClusteringType, {
    description:
      'Clusters (Louvain, deterministic) with their dominant topics and the actors that bridge them.' + COMPUTED_NOTE,
  })
  async clusters(
    @Arg('filter', () => ScopeFilterInput, { nullable: true }) filter: ScopeFilterInput | null,
    @Arg('recency', () => RecencyInput, { nullable: true, description: 'Weigh ties by recency.' })
    recency: RecencyInput | null,
    @Arg('resolution', () => Float, {
      defaultValue: 1,
      description: `Higher: more, smaller clusters; above 0, at most ${MAX_CLUSTER_RESOLUTION}.`,
    })
    resolution: number,
    @Arg('minSize', () => Int, {
      defaultValue: 2,
      description: 'Only clusters of at least this many actors (1 or more).',
    })
    minSize: number,
    @Arg('first', () => Int, { defaultValue: 50 }) first: number,
    @Ctx() ctx: GraphQLContext,
  ): Promise<ClusteringType> {
    checkFirst(first);
    checkIntRange(minSize, 'minSize', 1, Number.MAX_SAFE_INTEGER);
    if (!(resolution > 0 && resolution <= MAX_CLUSTER_RESOLUTION)) {
      throw new BadInputError(`resolution must be greater than 0 and at most ${MAX_CLUSTER_RESOLUTION}`, 'resolution');
    }
    const computed = await ctx.service.insight.clusters(scope(filter), { resolution, recency }, asker(ctx.principal));
    const clusters = computed.value.clusters.filter((c) => c.size >= minSize);
    return {
      ...stamp(computed),
      modularity: computed.value.modularity,
      provisional: computed.value.provisional,
      count: clusters.length,
      unclusteredCount: computed.value.unclusteredActorIds.length,
      clusters: clusters.slice(0, first).map((c) => ({
        id: c.id,
        size: c.size,
        actorIds: c.actorIds,
        internalTies: c.internalTies,
        externalTies: c.externalTies,
        dominantTopics: c.dominantTopics,
        bridgingActors: existing(c.bridgingActors, ctx),
      })),
    };
  }

  @Authorized('VIEWER')
  @Query(() => NetworkChangeType, {
    description:
      'Change between two dates: actors and ties that appeared, faded or vanished (active = a collaboration within windowDays before the date). The network as of a date: `network(filter: { to: … })`.' +
      COMPUTED_NOTE,
  })
  async networkChange(
    @Arg('from', () => String) from: string,
    @Arg('to', () => String) to: string,
    @Arg('windowDays', () => Int, {
      defaultValue: 365,
      description: `Days before each date that count as active, 1–${MAX_WINDOW_DAYS}.`,
    })
    windowDays: number,
    @Arg('first', () => Int, {
      nullable: true,
      description:
        'At most this many ties in each list (all when absent; on a large network they run into the hundreds of thousands).',
    })
    first: number | null,
    @Ctx() { service, principal }: GraphQLContext,
  ): Promise<NetworkChangeType> {
    checkDate(from, 'from');
    checkDate(to, 'to');
    checkIntRange(windowDays, 'windowDays', 1, MAX_WINDOW_DAYS);
    if (first !== null && first !== undefined) checkFirst(first);
    const computed = await service.insight.networkChange(from, to, windowDays, asker(principal));
    const c = computed.value;
    const limit = first ?? Infinity;
    return {
      ...stamp(computed),
      from: c.from,
      to: c.to,
      windowDays: c.windowDays,
      activeActorsBefore: c.activeActorsBefore,
      activeActorsAfter: c.activeActorsAfter,
      activeTiesBefore: c.activeTiesBefore,
      activeTiesAfter: c.activeTiesAfter,
      appearedActorIds: c.appearedActorIds,
      vanishedActorIds: c.vanishedActorIds,
      appearedTieCount: c.count('appeared'),
      fadedTieCount: c.count('faded'),
      vanishedTieCount: c.count('vanished'),
      appearedTies: c.ties('appeared', limit),
      fadedTies: c.ties('faded', limit),
      vanishedTies: c.ties('vanished', limit),
    };
  }

  @Authorized('VIEWER')
  @Query(() => [RecentTieType], {
    description: "An actor's partners by recency-weighted tie strength, strongest first.",
  })
  recentTies(
    @Arg('actorId', () => ID) actorId: string,
    @Arg('recency', () => RecencyInput) recency: RecencyInput,
    @Arg('first', () => Int, { defaultValue: 20 }) first: number,
    @Ctx() { service }: GraphQLContext,
  ): RecentTieType[] {
    checkFirst(first);
    return service.insight.recentTies(actorId, recency).slice(0, first);
  }
}

export const insightResolvers = [
  InsightResolver,
  // Actors and topics the results name by id, through the request's loaders.
  actorField(ActorMetricsType, 'actor', (m) => m.actorId),
  actorField(ResilienceBrokerType, 'actor', (b) => b.actorId),
  actorField(ResilienceDependentType, 'actor', (d) => d.actorId),
  actorListField(ResilienceType, 'removedActors', (r) => r.removedActorIds),
  actorListField(
    ResilienceType,
    'disconnectedActors',
    (r) => r.disconnectedActorIds,
    'Actors no longer connected to the main body of the network, by id.',
  ),
  actorListField(
    ResilienceType,
    'isolatedActors',
    (r) => r.isolatedActorIds,
    'Actors left without any partner, by id.',
  ),
  actorListField(ActorGroupType, 'actors', (g) => g.actorIds),
  actorListField(ClusterType, 'actors', (c) => c.actorIds, 'Members, by id.'),
  actorField(ClusterBridgeType, 'actor', (b) => b.actorId),
  topicField(TopicCountType, 'topic', (t) => t.topicId),
  actorListField(TieChangeType, 'actors', (t) => t.actorIds, 'The two actors, by id.'),
  actorListField(
    NetworkChangeType,
    'appearedActors',
    (c) => c.appearedActorIds,
    'Active at `to`, never seen up to `from`, by id.',
  ),
  actorListField(
    NetworkChangeType,
    'vanishedActors',
    (c) => c.vanishedActorIds,
    'Active at `from`, not at `to`, by id.',
  ),
  actorField(RecentTieType, 'partner', (t) => t.partnerId),
] as const;
