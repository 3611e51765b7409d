/** What every resolver gets: the service (writes, projection), this request's loaders and who asks. */
import type { Principal } from '../auth/principal';
import { authorOf } from '../auth/principal';
import type { NetworkService } from '../service/network-service';
import { createLoaders, type Loaders } from './loaders';
import { ResultBudget } from './result-budget';

export interface GraphQLContext {
  service: NetworkService;
  loaders: Loaders;
  /** Who asks (server/src/auth); null without credentials and without anonymous access. */
  principal: Principal | null;
  /** List items this request may still return (./result-budget.ts). */
  budget: ResultBudget;
}

/** The service writes as the principal (`key:<name>`, `jwt:<sub>`: see authorOf), recorded in the history. */
export function createContext(service: NetworkService, principal: Principal | null, maxResults?: number): GraphQLContext {
  return { service: service.actingAs(authorOf(principal)), loaders: createLoaders(service.store), principal, budget: new ResultBudget(maxResults) };
}
