import { ArrayMaxSize, IsEnum, IsOptional, Length, Matches, ValidateNested } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import type { CollaborationKind, ParticipationRole } from '../../domain/model';
import { CreateActorInput, ID_PATTERN } from '../actors/actor.input';
import { CollaborationKindEnum, ParticipationRoleEnum } from '../../platform/graphql/common/enums';
import {
  IsCalendarDate,
  IsMultiLineText,
  IsSingleLineText,
  LIMITS,
  NewTopicNamesField,
} from '../../platform/graphql/common/validators';

@InputType()
export class ParticipantInput {
  @Field(() => ID)
  @Length(1, LIMITS.id)
  actorId!: string;

  @Field(() => ParticipationRoleEnum, { defaultValue: 'PARTICIPANT' })
  @IsEnum(ParticipationRoleEnum)
  role!: ParticipationRole;
}

@InputType({ description: 'A new actor that takes part in the collaboration, with its role.' })
export class NewParticipantInput extends CreateActorInput {
  @Field(() => ParticipationRoleEnum, { defaultValue: 'PARTICIPANT' })
  @IsOptional()
  @IsEnum(ParticipationRoleEnum)
  role?: ParticipationRole | null;
}

/** The optional fields of a collaboration, the same when creating and when updating (not itself in the schema). */
@InputType()
abstract class CollaborationOptionalFields {
  @Field(() => String, { nullable: true })
  @Length(0, LIMITS.name)
  @IsSingleLineText()
  location?: string | null;

  @Field(() => String, { nullable: true })
  @Length(0, LIMITS.text)
  @IsMultiLineText()
  description?: string | null;
}

@InputType()
export class CreateCollaborationInput extends CollaborationOptionalFields {
  @Field(() => ID, { nullable: true, description: 'Optional; generated when absent.' })
  @Length(1, LIMITS.id)
  @Matches(ID_PATTERN, { message: 'id may contain letters, digits and . _ : - only' })
  id?: string | null;

  @Field(() => String)
  @Length(1, LIMITS.name)
  @Matches(/\S/, { message: 'title must not be blank' })
  @IsSingleLineText()
  title!: string;

  @Field(() => CollaborationKindEnum)
  @IsEnum(CollaborationKindEnum)
  kind!: CollaborationKind;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD.' })
  @IsCalendarDate()
  startDate?: string | null;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD, not before startDate.' })
  @IsCalendarDate()
  endDate?: string | null;

  @Field(() => [ID], { nullable: true, description: 'What it is about.' })
  @ArrayMaxSize(LIMITS.listInput)
  @Length(1, LIMITS.reference, { each: true })
  topicIds?: string[] | null;

  @Field(() => [ParticipantInput], { nullable: true, description: 'Who took part, with which role.' })
  @ArrayMaxSize(LIMITS.listInput)
  @ValidateNested({ each: true })
  participants?: ParticipantInput[] | null;
}

@InputType({ description: 'Fields to change; absent fields stay, null clears an optional field.' })
export class UpdateCollaborationInput extends CollaborationOptionalFields {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @Length(1, LIMITS.name)
  @Matches(/\S/, { message: 'title must not be blank' })
  @IsSingleLineText()
  title?: string;

  @Field(() => CollaborationKindEnum, { nullable: true })
  @IsOptional()
  @IsEnum(CollaborationKindEnum)
  kind?: CollaborationKind;

  @Field(() => String, { nullable: true })
  @IsCalendarDate()
  startDate?: string | null;

  @Field(() => String, { nullable: true })
  @IsCalendarDate()
  endDate?: string | null;

  @Field(() => [ID], { nullable: true, description: "Replaces the collaboration's topics." })
  @IsOptional()
  @ArrayMaxSize(LIMITS.listInput)
  @Length(1, LIMITS.reference, { each: true })
  topicIds?: string[];
}

@InputType({
  description: 'A collaboration as a whole: every field, its topics and its complete participant list.',
})
export class EditCollaborationInput extends CollaborationOptionalFields {
  @Field(() => String)
  @Length(1, LIMITS.name)
  @Matches(/\S/, { message: 'title must not be blank' })
  @IsSingleLineText()
  title!: string;

  @Field(() => CollaborationKindEnum)
  @IsEnum(CollaborationKindEnum)
  kind!: CollaborationKind;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD; absent or null clears it.' })
  @IsCalendarDate()
  startDate?: string | null;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD, not before startDate; absent or null clears it.' })
  @IsCalendarDate()
  endDate?: string | null;

  @Field(() => [ID], { description: "Replaces the collaboration's topics." })
  @ArrayMaxSize(LIMITS.listInput)
  @Length(1, LIMITS.reference, { each: true })
  topicIds!: string[];

  @Field(() => [ParticipantInput], {
    description: 'Everyone who takes part, with their role: others are removed, new ones added, roles set.',
  })
  @ArrayMaxSize(LIMITS.listInput)
  @ValidateNested({ each: true })
  participants!: ParticipantInput[];

  @Field(() => [NewParticipantInput], {
    nullable: true,
    description:
      'Actors created in the same write, each taking part with its role (as recordCollaboration); a refused edit creates none.',
  })
  @ArrayMaxSize(LIMITS.listInput)
  @ValidateNested({ each: true })
  newActors?: NewParticipantInput[] | null;

  @NewTopicNamesField(
    'Topics created in the same write, also topics of the collaboration (CONFLICT when one exists already); a refused edit creates none.',
  )
  newTopics?: string[] | null;
}

@InputType()
export class CollaborationFilterInput {
  @Field(() => [CollaborationKindEnum], { nullable: true, description: 'Any of these kinds.' })
  @ArrayMaxSize(LIMITS.listInput)
  kinds?: CollaborationKind[] | null;

  @Field(() => [ID], { nullable: true, description: 'About any of these topics.' })
  @ArrayMaxSize(LIMITS.listInput)
  @Length(1, LIMITS.reference, { each: true })
  topicIds?: string[] | null;

  @Field(() => String, { nullable: true, description: 'Overlapping the range from this date (YYYY-MM-DD).' })
  @IsCalendarDate()
  from?: string | null;

  @Field(() => String, { nullable: true, description: 'Overlapping the range up to this date (YYYY-MM-DD).' })
  @IsCalendarDate()
  to?: string | null;
}
