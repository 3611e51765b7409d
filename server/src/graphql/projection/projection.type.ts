import { Field, Int, ObjectType } from 'type-graphql';

@ObjectType('ProjectionStatus', {
  description:
    'The in-memory projection of the network that paths, ego networks, suggestions and insight run on: built from the store at start, kept current by this service\'s writes, rebuilt on request or on a timer (PROJECTION_REFRESH_SECONDS) to pick up writes made to the store by other programs.',
})
export class ProjectionStatusType {
  @Field(() => String, { description: 'When it was last built from the store as a whole (ISO-8601).' })
  builtAt!: string;

  @Field(() => Int, { description: 'Increases with every change; results computed on it are cached per version.' })
  version!: number;

  @Field(() => Int)
  actorCount!: number;

  @Field(() => Int)
  collaborationCount!: number;
}
