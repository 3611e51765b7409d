/** Feedback on contact suggestions as the API shows it. */
import { Field, ObjectType, registerEnumType } from 'type-graphql';
import type { SuggestionVerdict } from '../../store/network-store';

export enum SuggestionVerdictEnum {
  INTRODUCED = 'INTRODUCED',
  NOT_USEFUL = 'NOT_USEFUL',
}
registerEnumType(SuggestionVerdictEnum, {
  name: 'SuggestionVerdict',
  description: 'What came of a suggestion: INTRODUCED (the two were introduced) or NOT_USEFUL (dismissed: not suggested to this actor again).',
});

@ObjectType('SuggestionFeedback', { description: 'A verdict of a quarter manager on a contact suggestion (actor → suggested actor).' })
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
