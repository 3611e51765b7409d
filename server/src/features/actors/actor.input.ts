import { Field, Float, ID, InputType } from 'type-graphql';
import { ArrayMaxSize, IsEnum, IsOptional, Length, Matches, Max, Min, ValidateNested } from 'class-validator';
import type { ActorKind } from '../../domain/model';
import { ID_PATTERN } from '../../domain/validation';
import { ActorKindEnum } from '../../platform/graphql/common/enums';
import {
  HasWellFormedEmails,
  IsMultiLineText,
  IsSingleLineText,
  IsWebsite,
  LIMITS,
  NewTopicNamesField,
} from '../../platform/graphql/common/validators';

/** Ids chosen by clients (seeds, imports): readable and safe in URLs (domain/validation.ts). */
export { ID_PATTERN };

/** The optional fields of an actor, the same when creating and when updating (not itself in the schema). */
@InputType()
abstract class ActorOptionalFields {
  @Field(() => String, { nullable: true })
  @Length(0, LIMITS.text)
  @IsMultiLineText()
  description?: string | null;

  @Field(() => String, { nullable: true })
  @Length(0, LIMITS.name)
  @IsSingleLineText()
  district?: string | null;

  @Field(() => String, { nullable: true })
  @IsWebsite()
  @Length(0, LIMITS.url)
  @IsSingleLineText()
  website?: string | null;

  @Field(() => String, { nullable: true })
  @Length(0, LIMITS.contact)
  @IsMultiLineText()
  @HasWellFormedEmails()
  contact?: string | null;
}

@InputType()
export class CreateActorInput extends ActorOptionalFields {
  @Field(() => ID, { nullable: true, description: 'Optional; generated when absent.' })
  @Length(1, LIMITS.id)
  @Matches(ID_PATTERN, { message: 'id may contain letters, digits and . _ : - only' })
  id?: string | null;

  @Field(() => String)
  @Length(1, LIMITS.name)
  @Matches(/\S/, { message: 'name must not be blank' })
  @IsSingleLineText()
  name!: string;

  @Field(() => ActorKindEnum)
  @IsEnum(ActorKindEnum)
  kind!: ActorKind;
}

@InputType({ description: 'Fields to change; absent fields stay, null clears an optional field.' })
export class UpdateActorInput extends ActorOptionalFields {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, LIMITS.name)
  @Matches(/\S/, { message: 'name must not be blank' })
  @IsSingleLineText()
  name?: string;

  @Field(() => ActorKindEnum, { nullable: true })
  @IsOptional()
  @IsEnum(ActorKindEnum)
  kind?: ActorKind;

  @Field(() => [InterestInput], {
    nullable: true,
    description: "When given, replaces the actor's interests in the same write (as setActorInterests).",
  })
  @IsOptional()
  @ArrayMaxSize(LIMITS.listInput)
  @ValidateNested({ each: true })
  interests?: InterestInput[];

  @NewTopicNamesField(
    'Topics created in the same write; the actor becomes interested in each (besides interests, or besides the stored interests when interests is absent). CONFLICT when one exists already; a refused update creates none.',
  )
  newTopics?: string[];
}

@InputType()
export class InterestInput {
  @Field(() => ID)
  @Length(1, LIMITS.reference)
  topicId!: string;

  @Field(() => Float, { nullable: true, description: 'How central the topic is to the actor, in (0, 1]; default 1.' })
  @Min(0.000001, { message: 'weight must be greater than 0' })
  @Max(1)
  weight?: number | null;
}

@InputType()
export class ActorFilterInput {
  @Field(() => String, { nullable: true, description: 'Part of the name; case and umlauts are ignored.' })
  @Length(1, LIMITS.name)
  nameContains?: string | null;

  @Field(() => [ActorKindEnum], { nullable: true, description: 'Any of these kinds.' })
  @ArrayMaxSize(LIMITS.listInput)
  kinds?: ActorKind[] | null;

  @Field(() => [ID], { nullable: true, description: 'Interested in any of these topics.' })
  @ArrayMaxSize(LIMITS.listInput)
  @Length(1, LIMITS.reference, { each: true })
  topicIds?: string[] | null;
}
