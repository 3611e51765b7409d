/**
 * Map positions kept on the server per view scope: everyone reads them (`viewPositions`), editors
 * save them (`saveViewPositions`, through the service, which bounds their number by the largest view).
 */
import { Arg, Authorized, Ctx, FieldResolver, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Guarded } from '../../platform/graphql/guarded-resolvers';
import type { GraphQLContext } from '../../platform/graphql/context';
import type { ViewPositions } from './positions-rules';
import { NodePositionInput, ViewPositionsType } from './positions.type';

const SCOPE =
  'A view of the map and, where its nodes depend on it, its filter: "actors", "topics", "actors:all", "topics:all", "actors:cluster:<id>", "topics:cluster:<id>" or "clusters", then optionally "?topics=<id>,…&kinds=<KIND>,…&from=<YYYY-MM-DD>&to=<YYYY-MM-DD>" (ids percent-encoded, parts in this order, lists sorted without repeats). Anything else: BAD_USER_INPUT, field scope.';

@Guarded()
@Resolver(() => ViewPositionsType)
export class ViewPositionsResolver {
  @Authorized('VIEWER')
  @Query(() => ViewPositionsType, {
    nullable: true,
    description:
      'The map positions last saved for a view scope; null when none were (the map lays the view out itself).',
  })
  viewPositions(
    @Arg('scope', () => String, { description: SCOPE }) scope: string,
    @Ctx() { service }: GraphQLContext,
  ): Promise<ViewPositions | null> {
    return service.reads.viewPositions(scope);
  }

  @Authorized('EDITOR')
  @Mutation(() => ViewPositionsType, {
    description:
      'Replaces the map positions of a view scope. BAD_USER_INPUT naming the field: a scope of unknown syntax (scope), more nodes than the largest view (positions: the most actors the map draws and every topic), a node id that is not "actor:…", "topic:…" or "cluster:…" or comes twice, a coordinate that is not finite or beyond ±10,000,000 (positions[i].x). expectedVersion (0 when none were saved): CONFLICT when someone saved meanwhile; left out, the save wins.',
  })
  saveViewPositions(
    @Arg('scope', () => String, { description: SCOPE }) scope: string,
    @Arg('positions', () => [NodePositionInput]) positions: NodePositionInput[],
    @Arg('expectedVersion', () => Int, { nullable: true }) expectedVersion: number | null | undefined,
    @Ctx() { service }: GraphQLContext,
  ): Promise<ViewPositions> {
    return service.saveViewPositions({ scope, positions, expectedVersion });
  }

  // Who saved is for editors, as the history's authors are.
  @Authorized('EDITOR')
  @FieldResolver(() => String, {
    description: 'Who saved them: key:<name> (an API key), jwt:<sub> (a token). Editors only.',
  })
  savedBy(@Root() saved: ViewPositions): string {
    return saved.author;
  }
}

export const positionsResolvers = [ViewPositionsResolver];
