import { Field, Float, ObjectType } from 'type-graphql';
import type { Actor, Collaboration } from '../../domain/model';
import { ActorType } from '../actors/actor.type';
import { CollaborationType } from '../collaborations/collaboration.type';

@ObjectType({ description: 'A recorded collaboration and the actors created with it.' })
export class RecordedCollaborationType {
  @Field(() => CollaborationType)
  collaboration!: Collaboration;

  @Field(() => [ActorType], { description: 'The new actors, in the order given.' })
  newActors!: Actor[];
}

@ObjectType({ description: 'An actor that is like a given name, and how alike (0–1, legal forms ignored).' })
export class NearActorType {
  @Field(() => ActorType)
  actor!: Actor;

  @Field(() => Float)
  similarity!: number;
}

@ObjectType({
  description:
    'The actors a name may mean: those with exactly this name (case and umlauts ignored) and the most similar others.',
})
export class NameMatchType {
  @Field(() => String, { description: 'The name as asked.' })
  name!: string;

  @Field(() => [ActorType])
  exact!: Actor[];

  @Field(() => [NearActorType], {
    description: 'At most three, most similar first (similarity at least 0.85, as for duplicate candidates).',
  })
  near!: NearActorType[];
}
