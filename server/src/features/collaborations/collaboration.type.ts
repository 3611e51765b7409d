import { Field, ID, Int, ObjectType } from 'type-graphql';
import type { Collaboration, CollaborationKind } from '../../domain/model';
import { CollaborationKindEnum } from '../../platform/graphql/common/enums';
import { Connection } from '../../platform/graphql/common/connection';

@ObjectType('Collaboration', {
  description: 'A conference, meeting, project, event, fund, working group or jury that actors took part in.',
})
export class CollaborationType implements Collaboration {
  @Field(() => ID)
  id!: string;

  @Field(() => String)
  title!: string;

  @Field(() => CollaborationKindEnum)
  kind!: CollaborationKind;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD.' })
  startDate!: string | null;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD; absent for one-day or ongoing collaborations.' })
  endDate!: string | null;

  @Field(() => String, { nullable: true })
  location!: string | null;

  @Field(() => String, { nullable: true })
  description!: string | null;

  @Field(() => String, { description: 'ISO-8601 timestamp.' })
  createdAt!: string;

  @Field(() => String, { description: 'ISO-8601 timestamp.' })
  updatedAt!: string;

  @Field(() => Int, {
    description:
      'Increases with every change of its fields, topics or participants; pass it as `expectedVersion` to detect concurrent edits.',
  })
  version!: number;
}

export const CollaborationConnection = Connection(CollaborationType, 'Collaboration');
