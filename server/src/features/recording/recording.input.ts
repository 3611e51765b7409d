import { ArrayMaxSize, Length, ValidateNested } from 'class-validator';
import { Field, ID, InputType } from 'type-graphql';
import { CreateActorInput } from '../actors/actor.input';
import { CreateCollaborationInput, NewParticipantInput } from '../collaborations/collaboration.input';

export { NewParticipantInput };
import { LIMITS, NewTopicNamesField } from '../../platform/graphql/common/validators';

@InputType({ description: 'A new actor with its topics, existing ones and new ones, stored in one transaction.' })
export class RecordActorInput {
  @Field(() => CreateActorInput)
  @ValidateNested()
  actor!: CreateActorInput;

  @Field(() => [ID], { nullable: true, description: 'Existing topics of the actor.' })
  @ArrayMaxSize(LIMITS.listInput)
  @Length(1, LIMITS.reference, { each: true })
  topicIds?: string[] | null;

  @NewTopicNamesField('Topics created in the same transaction (CONFLICT when one exists already).')
  newTopics?: string[] | null;
}

@InputType({
  description:
    'A new collaboration with its participants, the actors and topics that are new among them, stored in one transaction.',
})
export class RecordCollaborationInput {
  @Field(() => CreateCollaborationInput, { description: 'The collaboration; its participants are existing actors.' })
  @ValidateNested()
  collaboration!: CreateCollaborationInput;

  @Field(() => [NewParticipantInput], {
    nullable: true,
    description: 'Actors created in the same transaction, each taking part with its role.',
  })
  @ArrayMaxSize(LIMITS.listInput)
  @ValidateNested({ each: true })
  newActors?: NewParticipantInput[] | null;

  @NewTopicNamesField(
    'Topics created in the same transaction, also topics of the collaboration (CONFLICT when one exists already).',
  )
  newTopics?: string[] | null;
}
