import { Field, Int, ObjectType } from 'type-graphql';

/** A partner of an actor: someone it took part with in at least one collaboration (derived). */
@ObjectType('Collaborator', {
  description: 'An actor that took part in the same collaborations, with how many and which.',
})
export class CollaboratorType {
  /** Whose partner this is. */
  actorId!: string;
  partnerId!: string;
  collaborationIds!: string[];

  @Field(() => Int, { description: 'How many collaborations they share.' })
  sharedCount!: number;
}
