import { Authorized, Field, ID, Int, ObjectType } from 'type-graphql';
import type { Actor, ActorKind } from '../../domain/model';
import { ActorKindEnum } from '../../platform/graphql/common/enums';
import { Connection } from '../../platform/graphql/common/connection';

@ObjectType('Actor', {
  description: 'An association, agency, institution, initiative, business, group or person of the district.',
})
export class ActorType implements Actor {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  name!: string;

  @Field(() => ActorKindEnum)
  kind!: ActorKind;

  @Field(() => String, { nullable: true })
  description!: string | null;

  @Field(() => String, { nullable: true, description: 'District or city the actor works in, e.g. "Batenbrock".' })
  district!: string | null;

  @Field(() => String, { nullable: true })
  website!: string | null;

  // Personal data: editors and admins only; a viewer asking for it gets FORBIDDEN on this field.
  @Authorized('EDITOR')
  @Field(() => String, {
    nullable: true,
    description: 'Contact details (personal data). EDITOR or ADMIN; FORBIDDEN for viewers.',
  })
  contact!: string | null;

  @Field(() => String, { description: 'ISO-8601 timestamp.' })
  createdAt!: string;

  @Field(() => String, { description: 'ISO-8601 timestamp.' })
  updatedAt!: string;

  @Field(() => Int, {
    description: 'Increases with every update; pass it as `expectedVersion` to detect concurrent edits.',
  })
  version!: number;
}

export const ActorConnection = Connection(ActorType, 'Actor');
