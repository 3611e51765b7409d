/**
 * Network insight computed in the background, over real HTTP on a generated network of 2,500
 * actors where exact brokers take seconds: while the worker computes, the service keeps answering
 * (event-loop delay and the latency of `actors(first: 1)` measured); a request that finds the
 * computation running gets COMPUTING with `retryAfterSeconds`, later the cached result with when
 * and on which projection version it was computed; a result computed on a version that changed
 * meanwhile is answered labelled (`current: false`) until the current one is there.
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { generateNetwork } from '../../../seed/generate';
import { createEmbeddedStore } from '../../src/store/embedded';
import type { NetworkStore } from '../../src/store/network-store';
import { startHttpApi, type HttpApi } from '../support/http-api';

const BROKERS = `query($filter: ScopeFilterInput) { brokers(filter: $filter, first: 3) {
  computedAt projectionVersion durationMs approximate actorCount nodes { rank degree betweenness actor { id } } } }`;

interface Reply {
  data?: any;
  errors?: Array<{ message: string; extensions?: Record<string, unknown> }>;
}

describe('insight computed in a worker thread, in the background', () => {
  let store: NetworkStore;
  let api: HttpApi;
  const ask = async (query: string, variables: Record<string, unknown> = {}): Promise<Reply> =>
    (await api.post({ query, variables })).json();
  const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

  beforeAll(async () => {
    store = createEmbeddedStore({ filename: ':memory:' });
    await store.init();
    // waitMs 0: a request never waits for a running computation (the default waits up to 10 s).
    api = await startHttpApi(store, {
      seed: generateNetwork({ actors: 2500, hubs: 5, seed: 42 }),
      service: { insight: { waitMs: 0 } },
    });
  }, 60_000);
  afterAll(async () => {
    await api.stop();
    await store.close();
  });

  test('while brokers are computed, other requests are answered at once; then the result comes from the cache', async () => {
    const delay = monitorEventLoopDelay({ resolution: 10 });
    delay.enable();
    const started = performance.now();
    const first = await ask(BROKERS);
    expect(first.errors?.[0]?.extensions).toEqual({ code: 'COMPUTING', retryAfterSeconds: expect.any(Number) });
    expect(first.errors![0].extensions!.retryAfterSeconds).toBeGreaterThanOrEqual(1);
    expect(first.data).toBeNull();

    const latencies: number[] = [];
    let result: Reply | null = null;
    while (!result) {
      const t = performance.now();
      const simple = await ask(`{ actors(first: 1) { totalCount nodes { id } } }`);
      latencies.push(performance.now() - t);
      expect(simple.data.actors.totalCount).toBe(2500);
      const again = await ask(BROKERS);
      if (again.data) result = again;
      else expect(again.errors![0].extensions!.code).toBe('COMPUTING');
      if (performance.now() - started > 60_000) throw new Error('brokers did not finish within a minute');
      await sleep(20);
    }
    delay.disable();

    const brokers = result.data.brokers;
    expect(brokers.approximate).toBe(false);
    expect(brokers.actorCount).toBe(2500);
    expect(brokers.projectionVersion).toBe(api.service.projection.version);
    // The computation was long; the event loop never stalled for long during it.
    expect(brokers.durationMs).toBeGreaterThan(1000);
    const maxDelayMs = delay.max / 1e6;
    expect(maxDelayMs).toBeLessThan(Math.min(400, brokers.durationMs / 3));
    expect(latencies.length).toBeGreaterThanOrEqual(5);
    expect(Math.max(...latencies)).toBeLessThan(Math.min(500, brokers.durationMs / 2));

    // Cached: the same result, at once, until the network changes.
    const cached = await ask(BROKERS);
    expect(cached.data.brokers).toEqual(brokers);
  });

  test('a result computed while the network changed is answered labelled as older (current: false) until the one for the current version is there', async () => {
    const before = { ...api.service.insight.stats };
    const filter = { from: '2015-01-01' };
    const first = await ask(BROKERS, { filter });
    expect(first.errors![0].extensions!.code).toBe('COMPUTING');
    const firstVersion = api.service.projection.version;
    // The network changes while the worker computes: a newcomer joins a collaboration with a hub.
    const write = await ask(`mutation {
      a: createActor(input: { id: "zz-newcomer", name: "Neu im Quartier", kind: INITIATIVE }) { id }
      c: createCollaboration(input: { id: "zz-meeting", title: "Kennenlernen", kind: MEETING, startDate: "2024-05-01",
        participants: [{ actorId: "zz-newcomer", role: ORGANISER }, { actorId: "a000000", role: PARTICIPANT }] }) { id } }`);
    expect(write.errors).toBeUndefined();
    const version = api.service.projection.version;

    let result: Reply | null = null;
    let older = 0;
    for (let i = 0; !result && i < 600; i++) {
      await sleep(100);
      const reply = await ask(
        `query($filter: ScopeFilterInput) { brokers(filter: $filter, actorIds: ["zz-newcomer"]) {
        projectionVersion current actorCount nodes { degree actor { id } } } }`,
        { filter },
      );
      if (reply.data?.brokers.current) result = reply;
      else if (reply.data) {
        // The first computation's result, on the version before the write: no newcomer in it.
        older++;
        expect(reply.data.brokers.projectionVersion).toBe(firstVersion);
        expect(reply.data.brokers.actorCount).toBe(2500);
        expect(reply.data.brokers.nodes).toEqual([]);
      } else expect(reply.errors![0].extensions!.code).toBe('COMPUTING');
    }
    expect(result).not.toBeNull();
    expect(older).toBeGreaterThan(0);
    expect(result!.data.brokers.projectionVersion).toBe(version);
    expect(result!.data.brokers.actorCount).toBe(2501);
    expect(result!.data.brokers.nodes).toEqual([{ degree: 1, actor: { id: 'zz-newcomer' } }]);
    // The computation on the earlier version finished on an outdated version, then it ran again.
    expect(api.service.insight.stats.stale - before.stale).toBe(1);
    expect(api.service.insight.stats.computed - before.computed).toBe(2);
  });

  test('a request waits for a short computation when it may (the default), without an error', async () => {
    const small = createEmbeddedStore({ filename: ':memory:' });
    await small.init();
    const waiting = await startHttpApi(small, { seed: generateNetwork({ actors: 300, seed: 5 }) });
    try {
      const reply: Reply = await (await waiting.post({ query: BROKERS })).json();
      expect(reply.errors).toBeUndefined();
      expect(reply.data.brokers.projectionVersion).toBe(waiting.service.projection.version);
      expect(Date.parse(reply.data.brokers.computedAt)).toBeLessThanOrEqual(Date.now());
    } finally {
      await waiting.stop();
      await small.close();
    }
  });
});
