/**
 * Feedback on contact suggestions: `giveSuggestionFeedback` records a verdict (through the service,
 * which stops suggesting dismissed pairs), `Actor.suggestionFeedback` lists an actor's feedback
 * through a request loader (one store call for any number of actors), `suggestionFeedbackSummary`
 * counts them for the evaluation of suggestions.
 */
import { Arg, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Guarded } from '../../platform/graphql/guarded-resolvers';
import { BadInputError } from '../../domain/errors';
import type { Actor } from '../../domain/model';
import type { SuggestionFeedback, SuggestionFeedbackCounts } from '../../store/network-store';
import { normalizeOptionalText, textProblem } from '../../domain/validation';
import { ActorType } from '../actors/actor.type';
import { checkIdArg } from '../../platform/graphql/common/validators';
import type { GraphQLContext } from '../../platform/graphql/context';
import { required } from '../links/required';
import {
  SuggestionFeedbackSummaryType,
  SuggestionFeedbackType,
  SuggestionVerdictEnum,
  type SuggestionFeedbackMonthType,
} from './feedback.type';

export const MAX_FEEDBACK_NOTE = 2000;

@Guarded()
@Resolver(() => SuggestionFeedbackType)
export class SuggestionFeedbackResolver {
  @Authorized('EDITOR')
  @Mutation(() => SuggestionFeedbackType, {
    description:
      'Records a verdict on the suggestion suggestedId made to actorId. NOT_USEFUL: suggestedId is no longer suggested to actorId (that direction only); INTRODUCED: recorded, and suggested again if it was dismissed. NOT_FOUND for unknown actors, BAD_USER_INPUT when both ids are the same.',
  })
  async giveSuggestionFeedback(
    @Arg('actorId', () => ID) actorId: string,
    @Arg('suggestedId', () => ID) suggestedId: string,
    @Arg('verdict', () => SuggestionVerdictEnum) verdict: SuggestionVerdictEnum,
    @Arg('note', () => String, { nullable: true }) note: string | null | undefined,
    @Ctx() { service, loaders }: GraphQLContext,
  ): Promise<SuggestionFeedback> {
    checkIdArg(actorId, 'actorId');
    checkIdArg(suggestedId, 'suggestedId');
    if (note && note.length > MAX_FEEDBACK_NOTE)
      throw new BadInputError(`note must be at most ${MAX_FEEDBACK_NOTE} characters`, 'note');
    const noteProblem = note ? textProblem(note, true) : null;
    if (noteProblem) throw new BadInputError(`note ${noteProblem}`, 'note');
    const feedback = await service.giveSuggestionFeedback(actorId, suggestedId, verdict, normalizeOptionalText(note));
    loaders.suggestionFeedbackOfActor.clear(actorId);
    return feedback;
  }

  @FieldResolver(() => ActorType, { description: 'The actor the suggestion was made for.' })
  async actor(@Root() f: SuggestionFeedbackType, @Ctx() { loaders }: GraphQLContext): Promise<Actor> {
    return required(await loaders.actor.load(f.actorId), 'Actor', f.actorId);
  }

  @FieldResolver(() => ActorType, { description: 'The actor suggested.' })
  async suggested(@Root() f: SuggestionFeedbackType, @Ctx() { loaders }: GraphQLContext): Promise<Actor> {
    return required(await loaders.actor.load(f.suggestedId), 'Actor', f.suggestedId);
  }
}

@Guarded()
@Resolver(() => ActorType)
export class ActorSuggestionFeedbackResolver {
  // The editors' working notes and who wrote them: not for viewers.
  @Authorized('EDITOR')
  @FieldResolver(() => [SuggestionFeedbackType], {
    description: 'Feedback given on suggestions made to this actor, newest first.',
  })
  suggestionFeedback(@Root() actor: Actor, @Ctx() { loaders }: GraphQLContext): Promise<SuggestionFeedback[]> {
    return loaders.suggestionFeedbackOfActor.load(actor.id);
  }
}

const share = (introduced: number, notUseful: number) =>
  introduced + notUseful === 0 ? null : introduced / (introduced + notUseful);

/** The store's counts as the summary the API shows. */
export function feedbackSummary(counts: SuggestionFeedbackCounts): SuggestionFeedbackSummaryType {
  const months = new Map<string, SuggestionFeedbackMonthType>();
  for (const { month, verdict, count } of counts.byMonth) {
    let m = months.get(month);
    if (!m) months.set(month, (m = { month, introduced: 0, notUseful: 0, introducedShare: null }));
    if (verdict === 'INTRODUCED') m.introduced += count;
    else m.notUseful += count;
  }
  const list = [...months.values()].sort((a, b) => (a.month < b.month ? -1 : 1));
  for (const m of list) m.introducedShare = share(m.introduced, m.notUseful);
  const introduced = list.reduce((sum, m) => sum + m.introduced, 0);
  const notUseful = list.reduce((sum, m) => sum + m.notUseful, 0);
  const latest = (verdict: string) => counts.latest.find((l) => l.verdict === verdict)?.count ?? 0;
  return {
    introduced,
    notUseful,
    introducedShare: share(introduced, notUseful),
    pairsIntroduced: latest('INTRODUCED'),
    pairsDismissed: latest('NOT_USEFUL'),
    months: list,
  };
}

@Guarded()
@Resolver()
export class SuggestionFeedbackSummaryResolver {
  @Authorized('EDITOR')
  @Query(() => SuggestionFeedbackSummaryType, {
    description:
      'How the feedback on contact suggestions adds up: INTRODUCED / NOT_USEFUL verdicts, the share introduced, per month.',
  })
  async suggestionFeedbackSummary(@Ctx() { service }: GraphQLContext): Promise<SuggestionFeedbackSummaryType> {
    return feedbackSummary(await service.reads.suggestionFeedbackCounts());
  }
}
