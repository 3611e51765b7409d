import { ArrayMaxSize, ArrayMinSize, IsInt, IsOptional, Length, Max, Min } from 'class-validator';
import { ArgsType, Field, Float, ID, Int } from 'type-graphql';
import type { ActorKind } from '../../domain/model';
import { ActorKindEnum } from '../../platform/graphql/common/enums';
import { LIMITS } from '../../platform/graphql/common/validators';

/** Largest `first` of the suggestion queries, and its default. */
export const MAX_SUGGESTIONS = 100;
export const DEFAULT_SUGGESTIONS = 10;

/** `first`, the same on every suggestion query. */
@ArgsType()
export class SuggestionCountArgs {
  @Field(() => Int, {
    nullable: true,
    defaultValue: DEFAULT_SUGGESTIONS,
    description: `How many, 1–${MAX_SUGGESTIONS}; ${DEFAULT_SUGGESTIONS} when absent.`,
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(MAX_SUGGESTIONS)
  first?: number | null;
}

@ArgsType()
export class SuggestContactsArgs extends SuggestionCountArgs {
  @Field(() => ID)
  @Length(1, LIMITS.id)
  actorId!: string;

  @Field(() => [ID], {
    nullable: true,
    description: 'Only actors with any of these topics (interests or collaboration topics).',
  })
  @ArrayMaxSize(LIMITS.listInput)
  @Length(1, LIMITS.reference, { each: true })
  topicIds?: string[] | null;

  @Field(() => [ActorKindEnum], { nullable: true, description: 'Only actors of any of these kinds.' })
  @ArrayMaxSize(LIMITS.listInput)
  kinds?: ActorKind[] | null;

  @Field(() => Float, { nullable: true, description: 'Only suggestions scoring at least this much.' })
  minScore?: number | null;
}

@ArgsType()
export class MatchActorsArgs extends SuggestionCountArgs {
  @Field(() => [ID], {
    description: 'The topics: actors with any of them are ranked, rarer shared topics counting more.',
  })
  @ArrayMinSize(1, { message: 'topicIds must name at least one topic' })
  @ArrayMaxSize(LIMITS.listInput)
  @Length(1, LIMITS.reference, { each: true })
  topicIds!: string[];
}

@ArgsType()
export class SimilarActorsArgs extends SuggestionCountArgs {
  @Field(() => ID)
  @Length(1, LIMITS.id)
  actorId!: string;
}
