/**
 * "Whom should this actor meet?" (`suggestContacts`), "who works on …?" (`matchActors`) and "who is
 * most like this actor?" (`similarActors`): ranked on the projection by server/src/features/suggestions, the
 * same code for every store; names, topics and collaborations through the request's loaders, so a
 * request costs a bounded number of store calls whatever `first` is — for `suggestContacts` two:
 * the dismissed pairs, then every record the answer names in one read (suggest-read-ahead.ts).
 */
import type { GraphQLResolveInfo } from 'graphql';
import { Args, Authorized, Ctx, FieldResolver, Info, Query, Resolver, Root } from 'type-graphql';
import { Guarded } from '../../platform/graphql/guarded-resolvers';
import type { Actor, Collaboration, Topic } from '../../domain/model';
import { explanationSentence, onlyBySize } from './explain';
import { SIGNAL_LABELS } from './model';
import { ActorType } from '../actors/actor.type';
import { CollaborationType } from '../collaborations/collaboration.type';
import type { GraphQLContext } from '../../platform/graphql/context';
import { required } from '../links/required';
import { loadExisting } from '../../platform/graphql/loaders';
import { TopicType } from '../topics/topic.type';
import {
  ActorSuggestionFeedbackResolver,
  SuggestionFeedbackResolver,
  SuggestionFeedbackSummaryResolver,
} from './feedback.resolver';
import { DEFAULT_SUGGESTIONS, MatchActorsArgs, SimilarActorsArgs, SuggestContactsArgs } from './suggest.input';
import { SuggestionModelSourceEnum, SuggestionModelStatusType } from './model-status.type';
import { ensureActorInProjection } from './known-actor';
import { readAheadSuggested } from './suggest-read-ahead';
import {
  ContactSuggestionType,
  MutualCollaboratorType,
  ScorePartType,
  SharedTopicType,
  TopicMatchType,
} from './suggest.type';

@Guarded()
@Resolver()
export class SuggestQueryResolver {
  @Authorized('VIEWER')
  @Query(() => [ContactSuggestionType], {
    description:
      'Actors this actor has not collaborated with yet, best first, each with its reasons: shared topics, mutual collaborators and the parts of the score.',
  })
  async suggestContacts(
    @Args(() => SuggestContactsArgs) args: SuggestContactsArgs,
    @Ctx() ctx: GraphQLContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<ContactSuggestionType[]> {
    // The dismissed pairs come from the store, not from this process's memory: feedback given
    // through another replica holds here from the next request. Read while the actor is walked and ranked.
    const dismissed = ctx.service.reads.dismissedSuggestionsOf(args.actorId);
    // Awaited in the list; should the request fail before, its failure is not an unhandled one.
    dismissed.catch(() => undefined);
    await ensureActorInProjection(ctx, args.actorId);
    const list = await ctx.service.suggestions.suggestExplained(
      args.actorId,
      {
        first: args.first ?? DEFAULT_SUGGESTIONS,
        topicIds: args.topicIds,
        kinds: args.kinds,
        minScore: args.minScore,
      },
      dismissed,
      // A hub's list is computed in steps between this request's turns (it reads most of the graph).
      () => ctx.guard.betweenSteps(),
    );
    // What the answer names, in one store call (the fields below answer from the loaders).
    await readAheadSuggested(
      list.map(({ suggestion, explanation }) => ({ actorId: suggestion.actorId, explanation })),
      info,
      ctx,
    );
    return list.map(({ suggestion: s, explanation }) => ({
      actorId: s.actorId,
      score: s.score,
      scoreParts: s.parts,
      explanationData: explanation,
    }));
  }

  @Authorized('VIEWER')
  @Query(() => SuggestionModelStatusType, {
    description:
      "Which model ranks contact suggestions: fitted on this network's own history or the walk-first default, when, and its held-out precision@10 against Katz.",
  })
  suggestionModel(@Ctx() { service }: GraphQLContext): SuggestionModelStatusType {
    const status = service.suggestions.status();
    const fit = status.fit;
    return {
      source: SuggestionModelSourceEnum[status.source],
      name: status.model.name,
      terms: status.model.terms.map((t) => ({
        signal: t.signal,
        label: SIGNAL_LABELS[t.signal],
        weight: t.weight,
        scale: t.scale,
        cap: t.cap ?? null,
      })),
      fitting: status.fitting,
      fittedAt: status.fittedAt?.toISOString() ?? null,
      reason: status.source === 'CONFIGURED' ? 'configured at start' : (fit?.reason ?? null),
      cutoff: fit?.cutoff ?? null,
      fitQueries: fit?.fitQueries ?? 0,
      heldOut: fit?.heldOut ?? null,
      fittedOnActors: fit?.actorCount ?? 0,
      fittedOnCollaborations: fit?.collaborationCount ?? 0,
    };
  }

  @Authorized('VIEWER')
  @Query(() => [TopicMatchType], {
    description:
      'Actors ranked for a set of topics ("who works on youth and sport?"), rarer shared topics counting more.',
  })
  async matchActors(
    @Args(() => MatchActorsArgs) args: MatchActorsArgs,
    @Ctx() { service }: GraphQLContext,
  ): Promise<TopicMatchType[]> {
    const matches = await service.suggestions.matchActors(args.topicIds, args.first ?? DEFAULT_SUGGESTIONS);
    return matches.map((m) => ({ actorId: m.actorId, score: m.score, shared: m.sharedTopics }));
  }

  @Authorized('VIEWER')
  @Query(() => [TopicMatchType], {
    description: 'The actors nearest to this one by topics alone, existing collaborators included.',
  })
  async similarActors(
    @Args(() => SimilarActorsArgs) args: SimilarActorsArgs,
    @Ctx() ctx: GraphQLContext,
  ): Promise<TopicMatchType[]> {
    if (!ctx.service.projection.actors.has(args.actorId)) await ensureActorInProjection(ctx, args.actorId);
    const matches = await ctx.service.suggestions.similarActors(args.actorId, args.first ?? DEFAULT_SUGGESTIONS);
    return matches.map((m) => ({ actorId: m.actorId, score: m.score, shared: m.sharedTopics }));
  }
}

@Guarded()
@Resolver(() => ContactSuggestionType)
export class ContactSuggestionResolver {
  @FieldResolver(() => ActorType, { description: 'The actor suggested.' })
  async actor(@Root() s: ContactSuggestionType, @Ctx() { loaders }: GraphQLContext): Promise<Actor> {
    return required(await loaders.actor.load(s.actorId), 'Actor', s.actorId);
  }

  @FieldResolver(() => [ScorePartType], { description: 'The parts of the score, in the order of the model.' })
  parts(@Root() s: ContactSuggestionType): ScorePartType[] {
    return s.scoreParts.map((p) => ({
      name: p.signal,
      label: SIGNAL_LABELS[p.signal],
      value: p.value,
      contribution: p.contribution,
    }));
  }

  @FieldResolver(() => [SharedTopicType], {
    description: 'Topics both have, largest share of the topic similarity first.',
  })
  sharedTopics(@Root() s: ContactSuggestionType): SharedTopicType[] {
    return s.explanationData.sharedTopics.map((t) => ({ topicId: t.topicId, weight: t.weight }));
  }

  @FieldResolver(() => [MutualCollaboratorType], {
    description:
      'Partners both already work with (at most 10, the most selective first: those with the fewest partners).',
  })
  mutualCollaborators(@Root() s: ContactSuggestionType): MutualCollaboratorType[] {
    return s.explanationData.mutualCollaborators.map((m) => ({
      actorId: m.actorId,
      withActorIds: m.withActor,
      withSuggestedIds: m.withSuggested,
    }));
  }

  @FieldResolver(() => Boolean, {
    description:
      'True when size is the only reason (no shared topic, no mutual or indirect partner): the fill-up of a short list; the explanation says so.',
  })
  onlyBySize(@Root() s: ContactSuggestionType): boolean {
    return onlyBySize(s.scoreParts, s.explanationData);
  }

  @FieldResolver(() => String, {
    description: 'The reasons in one German sentence, the reason that added most to the score first.',
  })
  async explanation(@Root() s: ContactSuggestionType, @Ctx() { loaders }: GraphQLContext): Promise<string> {
    const data = s.explanationData;
    const actorIds = [s.actorId, ...data.mutualCollaborators.map((m) => m.actorId)];
    const topicIds = data.sharedTopics.map((t) => t.topicId);
    const collaborationIds = data.mutualCollaborators
      .flatMap((m) => [m.withActor[0], m.withSuggested[0]])
      .filter(Boolean);
    const [actors, topics, collaborations] = await Promise.all([
      loadExisting(loaders.actor, actorIds),
      loadExisting(loaders.topic, topicIds),
      loadExisting(loaders.collaboration, collaborationIds),
    ]);
    const byId = <T extends { id: string }>(rows: T[], label: (row: T) => string) => {
      const map = new Map(rows.map((r) => [r.id, label(r)]));
      return (id: string) => map.get(id) ?? id;
    };
    return explanationSentence(s.scoreParts, data, s.actorId, {
      actor: byId(actors, (a) => a.name),
      topic: byId(topics, (t) => t.name),
      collaboration: byId(collaborations, (c) => c.title),
    });
  }
}

@Guarded()
@Resolver(() => SharedTopicType)
export class SharedTopicResolver {
  @FieldResolver(() => TopicType)
  async topic(@Root() shared: SharedTopicType, @Ctx() { loaders }: GraphQLContext): Promise<Topic> {
    return required(await loaders.topic.load(shared.topicId), 'Topic', shared.topicId);
  }
}

@Guarded()
@Resolver(() => MutualCollaboratorType)
export class MutualCollaboratorResolver {
  @FieldResolver(() => ActorType, { description: 'The partner both work with.' })
  async actor(@Root() m: MutualCollaboratorType, @Ctx() { loaders }: GraphQLContext): Promise<Actor> {
    return required(await loaders.actor.load(m.actorId), 'Actor', m.actorId);
  }

  @FieldResolver(() => [CollaborationType], {
    description: 'Collaborations of the actor asked about with this partner, newest first.',
  })
  withActor(
    @Root() m: MutualCollaboratorType,
    @Ctx() { loaders }: GraphQLContext,
  ): Collaboration[] | Promise<Collaboration[]> {
    return loadExisting(loaders.collaboration, m.withActorIds);
  }

  @FieldResolver(() => [CollaborationType], {
    description: 'Collaborations of the suggested actor with this partner, newest first.',
  })
  withSuggested(
    @Root() m: MutualCollaboratorType,
    @Ctx() { loaders }: GraphQLContext,
  ): Collaboration[] | Promise<Collaboration[]> {
    return loadExisting(loaders.collaboration, m.withSuggestedIds);
  }
}

@Guarded()
@Resolver(() => TopicMatchType)
export class TopicMatchResolver {
  @FieldResolver(() => ActorType)
  async actor(@Root() m: TopicMatchType, @Ctx() { loaders }: GraphQLContext): Promise<Actor> {
    return required(await loaders.actor.load(m.actorId), 'Actor', m.actorId);
  }

  @FieldResolver(() => [SharedTopicType], {
    description: 'The shared topics with their weights (rarer = higher), largest share first.',
  })
  sharedTopics(@Root() m: TopicMatchType): SharedTopicType[] {
    return m.shared.map((t) => ({ topicId: t.topicId, weight: t.weight }));
  }
}

export const suggestResolvers = [
  SuggestQueryResolver,
  ContactSuggestionResolver,
  SharedTopicResolver,
  MutualCollaboratorResolver,
  TopicMatchResolver,
  SuggestionFeedbackResolver,
  ActorSuggestionFeedbackResolver,
  SuggestionFeedbackSummaryResolver,
] as const;
