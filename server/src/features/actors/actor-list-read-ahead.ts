/**
 * `actors(…)` with its actors' interests and their topics read with the page, when the query asks
 * `topics` or `interests` of its nodes (the map's actor list): one `listActorsWithInterests` store
 * call — one Bolt round trip on Neo4j — instead of the page and then the interests loader's call,
 * primed into the request's loaders so that the fields answer from them. Without those fields (a
 * name search asking names) only the page is read.
 */
import type { GraphQLResolveInfo } from 'graphql';
import type { Actor } from '../../domain/model';
import type { Page, PageRequest } from '../../domain/paging';
import type { ActorFilter } from '../../domain/records';
import type { GraphQLContext } from '../../platform/graphql/context';
import { primeActors, primeTopics } from '../../platform/graphql/loaders';
import { selectedBelow } from '../../platform/graphql/read-ahead';

/** Where a connection's actors are asked, and their fields that need the interests. */
const NODE_PATHS = [['nodes'], ['edges', 'node']] as const;
const INTEREST_FIELDS = ['topics', 'interests'] as const;

export async function listActorsReadingAhead(
  filter: ActorFilter,
  request: PageRequest,
  info: GraphQLResolveInfo,
  { service, loaders }: Pick<GraphQLContext, 'service' | 'loaders'>,
): Promise<Page<Actor>> {
  if (!loaders.readAhead || !asksInterests(info)) {
    const page = await service.reads.listActors(filter, request);
    primeActors(loaders, page.items);
    return page;
  }
  const { page, interests, topics } = await service.reads.listActorsWithInterests(filter, request);
  primeActors(loaders, page.items);
  primeTopics(loaders, topics);
  page.items.forEach((actor, i) => loaders.interestsOfActor.prime(actor.id, interests[i]));
  return page;
}

function asksInterests(info: GraphQLResolveInfo): boolean {
  return NODE_PATHS.some((path) => INTEREST_FIELDS.some((field) => selectedBelow(info, [...path, field]).length > 0));
}
