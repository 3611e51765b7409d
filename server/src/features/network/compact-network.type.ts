import { Field, ID, Int, ObjectType } from 'type-graphql';
import type { ActorKind } from '../../domain/model';
import { ActorKindEnum } from '../../platform/graphql/common/enums';

@ObjectType('CompactNetwork', {
  description:
    'The network as a map draws it, in parallel lists: the actors (index i of each actor list is one actor), ' +
    "optionally topics, and the collaborates-with ties as indexes into the actor lists — each actor's strongest " +
    'when `maxTies` asks for fewer than there are. A few lists of numbers instead of an object per node and edge: ' +
    'about a tenth of the bytes of `network`, for maps of thousands of actors.',
})
export class CompactNetworkType {
  @Field(() => [ID], { description: 'The actors in scope, in id order (around a centre actor: nearest first).' })
  actorIds!: string[];

  @Field(() => [String])
  actorNames!: string[];

  @Field(() => [ActorKindEnum])
  actorKinds!: ActorKind[];

  @Field(() => [Int], { description: "Each actor's collaborations in scope with actors shown." })
  actorSizes!: number[];

  @Field(() => [Int], {
    description: 'One end of each tie sent: an index into the actor lists (the end with the smaller id).',
  })
  tieSources!: number[];

  @Field(() => [Int], { description: 'The other end of each tie sent: an index into the actor lists.' })
  tieTargets!: number[];

  @Field(() => [Int], { description: 'Collaborations in scope the two ends share.' })
  tieWeights!: number[];

  @Field(() => Int, {
    description:
      'Collaborates-with ties among the actors in scope: more than the ties sent when only the strongest are.',
  })
  tieCount!: number;

  @Field(() => [ID], { description: 'includeTopics: the topics the actors are interested in (filtered by topicIds).' })
  topicIds!: string[];

  @Field(() => [String])
  topicNames!: string[];

  @Field(() => [Int], { description: 'Actors shown interested in each topic.' })
  topicSizes!: number[];

  @Field(() => [Int], { description: 'includeTopics: an interest, its actor (an index into the actor lists) …' })
  interestActors!: number[];

  @Field(() => [Int], { description: '… and its topic (an index into the topic lists).' })
  interestTopics!: number[];

  @Field(() => Boolean, { description: 'True when more actors matched than maxActors.' })
  truncated!: boolean;
}
