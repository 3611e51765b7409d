/** What every resolver gets: the service (writes, projection) and this request's loaders. */
import type { NetworkService } from '../service/network-service';
import { createLoaders, type Loaders } from './loaders';
import { ANONYMOUS_AUTHOR } from '../store/history-rules';

export interface GraphQLContext {
  service: NetworkService;
  loaders: Loaders;
}

/** The request header that names who writes (recorded in the history). */
export const USER_HEADER = 'x-quartiernetz-user';
export const MAX_USER_LENGTH = 200;

/** Who writes: the header's value (trimmed, at most 200 characters), else "anonymous". */
export function requestUser(header: string | string[] | undefined | null): string {
  const value = (Array.isArray(header) ? header[0] : header)?.trim();
  return value ? value.slice(0, MAX_USER_LENGTH) : ANONYMOUS_AUTHOR;
}

/** `user`: the request's X-Quartiernetz-User (see requestUser); the service writes as that user. */
export function createContext(service: NetworkService, user: string = ANONYMOUS_AUTHOR): GraphQLContext {
  return { service: service.actingAs(user), loaders: createLoaders(service.store) };
}
