/** What every resolver gets: the service (writes, projection) and this request's loaders. */
import type { NetworkService } from '../service/network-service';
import { createLoaders, type Loaders } from './loaders';

export interface GraphQLContext {
  service: NetworkService;
  loaders: Loaders;
}

export function createContext(service: NetworkService): GraphQLContext {
  return { service, loaders: createLoaders(service.store) };
}
