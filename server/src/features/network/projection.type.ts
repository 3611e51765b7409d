import { Field, Int, ObjectType } from 'type-graphql';

@ObjectType('ProjectionStatus', {
  description:
    "The in-memory projection of the network that paths, ego networks, suggestions and insight run on: built from the store at start, kept current by following the store's change feed (the writes of every process on the store, within FEED_POLL_MS), compared with the store on request or on a timer (PROJECTION_REFRESH_SECONDS) as a safety net.",
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

  @Field(() => Int, { description: 'The sequence number of the last change-feed event applied.' })
  feedSeq!: number;

  @Field(() => Int, {
    description: 'Full rebuilds caused by the feed (bulk imports, erasures, a gap after pruning) since start.',
  })
  feedRebuilds!: number;

  @Field(() => Int, { description: 'Safety-net comparisons with the store since start.' })
  verifications!: number;

  @Field(() => Int, {
    description: 'Safety-net comparisons that found the projection different from the store (and rebuilt it).',
  })
  differencesFound!: number;
}
