import { Field, Float, ObjectType } from 'type-graphql';
import type { Interest } from '../../domain/model';

@ObjectType('Interest', { description: "An actor's interest in a topic (INTERESTED_IN)." })
export class InterestType implements Interest {
  actorId!: string;
  topicId!: string;

  @Field(() => Float, { description: 'How central the topic is to the actor, in (0, 1].' })
  weight!: number;
}
