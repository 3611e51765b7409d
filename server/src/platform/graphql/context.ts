/** What every resolver gets: the service (writes, projection), this request's loaders and who asks. */
import type { Principal } from '../../features/access/principal';
import { authorOf } from '../../features/access/principal';
import type { NetworkService } from '../../service/network-service';
import type { NetworkProjection } from '../../graph/projection';
import { projectionFanOut } from '../../features/network/answer-fan-out';
import { projectionLoadSizes } from '../../features/network/load-sizes';
import { ExportRunner } from '../../features/transfer/export-runner';
import type { FanOut } from './answer-lookahead';
import { createLoaders, type Loaders } from './loaders';
import type { LoadSizes } from './load-parts';
import { RequestGuard, type GuardOptions } from './request-guard';

export interface GraphQLContext {
  service: NetworkService;
  loaders: Loaders;
  /** Who asks (server/src/features/access); null without credentials and without anonymous access. */
  principal: Principal | null;
  /** This request's bounds, checked while it runs (./request-guard.ts). */
  guard: RequestGuard;
  /** Exports, bounded per principal and off the event loop (../transfer/export-runner.ts). */
  exports: ExportRunner;
  /** The network's structure, for the guard's lookahead before a fan-out is built (./answer-lookahead.ts). */
  fanOut?: FanOut;
}

/**
 * What the guard's lookahead and the loaders read off the projection: made once per projection,
 * not per request (they only read it, as it is when asked; making them was ~12 µs of every request).
 */
const projectionReaders = new WeakMap<NetworkProjection, { fanOut: FanOut; loadSizes: LoadSizes }>();

function readersOf(projection: NetworkProjection): { fanOut: FanOut; loadSizes: LoadSizes } {
  let readers = projectionReaders.get(projection);
  if (!readers) {
    readers = { fanOut: projectionFanOut(projection), loadSizes: projectionLoadSizes(projection) };
    projectionReaders.set(projection, readers);
  }
  return readers;
}

/** The service writes as the principal (`key:<name>`, `jwt:<sub>`: see authorOf), recorded in the history. */
export function createContext(
  service: NetworkService,
  principal: Principal | null,
  bounds?: GuardOptions,
  exportRunner: ExportRunner = new ExportRunner(service.store, null),
  readAhead = true,
): GraphQLContext {
  const guard = new RequestGuard(bounds);
  const { fanOut, loadSizes } = readersOf(service.projection);
  return {
    service: service.actingAs(authorOf(principal)),
    loaders: createLoaders(service.store, guard, readAhead, loadSizes),
    principal,
    guard,
    exports: exportRunner,
    fanOut,
  };
}
