import { ArrayMaxSize, IsInt, IsOptional, Length, Max, Min } from 'class-validator';
import { Field, ID, InputType, Int } from 'type-graphql';
import type { ActorKind, CollaborationKind } from '../../domain/model';
import { ActorKindEnum, CollaborationKindEnum } from '../../platform/graphql/common/enums';
import { IsCalendarDate, LIMITS } from '../../platform/graphql/common/validators';

export const MAX_NETWORK_ACTORS = 5000;
export const MAX_NETWORK_DEPTH = 6;

@InputType({ description: 'Which part of the network to look at.' })
export class ScopeFilterInput {
  @Field(() => [ID], {
    nullable: true,
    description: 'Collaborations about any of these topics; actors interested in any of them.',
  })
  @ArrayMaxSize(LIMITS.listInput)
  @Length(1, LIMITS.reference, { each: true })
  topicIds?: string[] | null;

  @Field(() => [ActorKindEnum], { nullable: true, description: 'Actors of any of these kinds.' })
  @ArrayMaxSize(LIMITS.listInput)
  actorKinds?: ActorKind[] | null;

  @Field(() => [CollaborationKindEnum], { nullable: true, description: 'Collaborations of any of these kinds.' })
  @ArrayMaxSize(LIMITS.listInput)
  collaborationKinds?: CollaborationKind[] | null;

  @Field(() => String, {
    nullable: true,
    description: 'Collaborations overlapping the range from this date (YYYY-MM-DD).',
  })
  @IsCalendarDate()
  from?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Collaborations overlapping the range up to this date (YYYY-MM-DD).',
  })
  @IsCalendarDate()
  to?: string | null;
}

@InputType({ description: 'The network for the viewer: a scope, optionally around one actor.' })
export class NetworkFilterInput extends ScopeFilterInput {
  @Field(() => ID, { nullable: true, description: 'Only actors within `depth` steps of this actor.' })
  @Length(1, LIMITS.id)
  centreActorId?: string | null;

  @Field(() => Int, { defaultValue: 1, description: `Steps from the centre actor, 1–${MAX_NETWORK_DEPTH}.` })
  @IsInt()
  @Min(1)
  @Max(MAX_NETWORK_DEPTH)
  depth!: number;

  @Field(() => Boolean, { defaultValue: false, description: 'Add topics as nodes with INTERESTED_IN edges.' })
  includeTopics!: boolean;

  @Field(() => Boolean, { defaultValue: false, description: 'Add collaborations as nodes with PARTICIPATED_IN edges.' })
  includeCollaborations!: boolean;

  @Field(() => Int, { defaultValue: 1000, description: `At most this many actors, 1–${MAX_NETWORK_ACTORS}.` })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(MAX_NETWORK_ACTORS)
  maxActors!: number;
}
