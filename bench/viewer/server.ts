/**
 * The real server in the bench's process, on an in-memory embedded store holding one network —
 * and, for networks beyond what `network(filter: { maxActors })` answers (5,000 actors), the
 * answer the page would get without that limit, computed by the same code (service.network +
 * the GraphQL mapping) so the page can be measured at 20,000 actors too.
 */
import type { AddressInfo } from 'node:net';
import { DEFAULT_LIMITS } from '../../server/src/platform/config';
import { createApp } from '../../server/src/platform/http/app';
import { toCompactNetwork } from '../../server/src/features/network/compact-network.mapping';
import { NetworkService } from '../../server/src/service/network-service';
import { createEmbeddedStore } from '../../server/src/store/embedded';
import type { GraphData } from '../../server/src/store/network-store';

export interface BenchServer {
  base: string;
  /** Actors and collaborates-with pairs of the whole network (what the page receives). */
  counts(): { actors: number; ties: number };
  /** The page's `query Network` (compactNetwork) answered without the API's limit, as JSON. */
  networkBody(maxTies: number | null): string;
  /** Saves a view's positions as an editor's page would (the page itself is an anonymous viewer). */
  savePositions(scope: string, positions: Record<string, { x: number; y: number }>): Promise<void>;
  close(): Promise<void>;
}

export async function startBenchServer(data: GraphData): Promise<BenchServer> {
  const store = createEmbeddedStore({ filename: ':memory:' });
  await store.init();
  await store.mergeGraph(data);
  const service = await NetworkService.start(store);
  // The page only reads: anonymous viewer access spares the bench a key. No rate limit: the
  // measured page loads send many requests from one address on purpose.
  const app = await createApp(service, {
    corsOrigins: [],
    bodyLimit: '1mb',
    introspection: false,
    production: true,
    auth: { anonymousAccess: 'viewer', jwt: null },
    limits: { ...DEFAULT_LIMITS, rateLimit: { ...DEFAULT_LIMITS.rateLimit, max: 0 } },
  });
  await new Promise<void>((resolve) => app.httpServer.listen(0, '127.0.0.1', resolve));
  const names = new Map(data.actors.map((a) => [a.id, a.name]));
  let view: ReturnType<NetworkService['network']> | null = null;
  const whole = () => (view ??= service.network({ maxActors: data.actors.length + 1 }));
  const bodies = new Map<number | null, string>();
  const topics = new Map(data.topics.map((t) => [t.id, t.name]));
  return {
    base: `http://127.0.0.1:${(app.httpServer.address() as AddressInfo).port}`,
    counts: () => ({ actors: whole().actorIds.length, ties: whole().collaboratesWith.length }),
    async savePositions(scope, positions) {
      await service.saveViewPositions({ scope, positions: Object.entries(positions).map(([id, p]) => ({ id, ...p })) });
    },
    networkBody(maxTies) {
      const known = bodies.get(maxTies);
      if (known) return known;
      const compact = toCompactNetwork(whole(), service.projection, maxTies);
      // The compactNetwork resolver's answer, names as it loads them.
      const body = JSON.stringify({
        data: {
          compactNetwork: {
            ...compact,
            actorNames: compact.actorIds.map((id) => names.get(id) ?? id),
            topicNames: compact.topicIds.map((id) => topics.get(id) ?? id),
          },
        },
      });
      bodies.set(maxTies, body);
      return body;
    },
    async close() {
      await app.apollo.stop();
      await service.close();
      await store.close();
    },
  };
}
