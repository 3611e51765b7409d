/** Feedback on contact suggestions as the API shows it. */
import { Field, Float, Int, ObjectType, registerEnumType } from 'type-graphql';
import type { SuggestionVerdict } from '../../store/network-store';

export enum SuggestionVerdictEnum {
  INTRODUCED = 'INTRODUCED',
  NOT_USEFUL = 'NOT_USEFUL',
}
registerEnumType(SuggestionVerdictEnum, {
  name: 'SuggestionVerdict',
  description:
    'What came of a suggestion: INTRODUCED (the two were introduced) or NOT_USEFUL (dismissed: not suggested to this actor again).',
});

@ObjectType('SuggestionFeedback', {
  description: 'A verdict of a quarter manager on a contact suggestion (actor → suggested actor).',
})
export class SuggestionFeedbackType {
  actorId!: string;
  suggestedId!: string;

  @Field(() => SuggestionVerdictEnum)
  verdict!: SuggestionVerdict;

  @Field(() => String, { nullable: true })
  note!: string | null;

  @Field(() => String, { description: 'Who gave it: key:<name> (an API key), jwt:<sub> (a token).' })
  author!: string;

  @Field(() => String, { description: 'When (ISO-8601).' })
  at!: string;
}

const SHARE = 'INTRODUCED verdicts among all verdicts (INTRODUCED + NOT_USEFUL), 0–1; null without any.';

@ObjectType('SuggestionFeedbackMonth', { description: 'The verdicts recorded in one calendar month (UTC).' })
export class SuggestionFeedbackMonthType {
  @Field(() => String, { description: 'YYYY-MM.' }) month!: string;
  @Field(() => Int) introduced!: number;
  @Field(() => Int) notUseful!: number;
  @Field(() => Float, { nullable: true, description: SHARE }) introducedShare!: number | null;
}

@ObjectType('SuggestionFeedbackSummary', {
  description:
    'How the feedback on contact suggestions adds up: verdicts recorded (each counts, also a later change of mind), their share, per month, and the pairs by their latest verdict. Only suggestions someone gave feedback on are counted.',
})
export class SuggestionFeedbackSummaryType {
  @Field(() => Int, { description: 'INTRODUCED verdicts recorded.' }) introduced!: number;
  @Field(() => Int, { description: 'NOT_USEFUL verdicts recorded.' }) notUseful!: number;
  @Field(() => Float, { nullable: true, description: SHARE }) introducedShare!: number | null;
  @Field(() => Int, { description: 'Pairs (actor → suggested) whose latest verdict is INTRODUCED.' })
  pairsIntroduced!: number;
  @Field(() => Int, { description: 'Pairs whose latest verdict is NOT_USEFUL: not suggested to that actor any more.' })
  pairsDismissed!: number;
  @Field(() => [SuggestionFeedbackMonthType], {
    description: 'Oldest month first; months without feedback are left out.',
  })
  months!: SuggestionFeedbackMonthType[];
}
