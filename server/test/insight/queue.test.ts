/**
 * Insight that cannot be starved, through real GraphQL requests (Apollo) on the embedded store with
 * a generated network of 2,500 actors, where one exact computation takes seconds (800 for the
 * stream of writes, so that results can follow it):
 * - one principal's flood of distinct hand-over questions does not put another principal's
 *   brokers behind it (round-robin), and what goes beyond the queue's limits is refused with
 *   RATE_LIMITED and `retryAfterSeconds`;
 * - a stream of writes does not keep brokers at COMPUTING once a result exists: the last one is
 *   answered, labelled with its version and `current: false`, and newer ones still get computed;
 * - description edits do not change the projection's version, so the result stays current.
 * `waitMs: 0` (so `staleWaitMs` 0 too): requests never wait, each answer shows the state at once.
 */
import { generateNetwork } from '../../../seed/generate';
import { createEmbeddedStore } from '../../src/store/embedded';
import type { NetworkStore } from '../../src/store/network-store';
import { keyHolder, startTestApi, type GraphQLResponse, type TestApi } from '../support/api';

const RESILIENCE = `query($ids: [ID!]!) { resilience(removeActorIds: $ids) { computedAt projectionVersion current actorCount } }`;
const BROKERS = `query($recency: RecencyInput) { brokers(recency: $recency, first: 3) { computedAt projectionVersion current actorCount nodes { actor { id } } }
  projectionStatus { version } }`;
const CLUSTERS = `query($resolution: Float!) { clusters(resolution: $resolution) { computedAt projectionVersion current } }`;

const flooder = keyHolder('flood', 'VIEWER');
const reader = keyHolder('reader', 'VIEWER');
const third = keyHolder('third', 'VIEWER');
const editor = keyHolder('editor', 'EDITOR');

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const code = (r: GraphQLResponse) => r.errors?.[0]?.extensions?.code ?? 'DATA';
const retryAfter = (r: GraphQLResponse) => r.errors?.[0]?.extensions?.retryAfterSeconds as number;

describe('insight queue: fair, bounded, never starved by writes', () => {
  let store: NetworkStore;
  let api: TestApi;

  beforeAll(async () => {
    store = createEmbeddedStore({ filename: ':memory:' });
    await store.init();
    api = await startTestApi(store, generateNetwork({ actors: 2500, hubs: 5, seed: 42 }), {
      service: { insight: { waitMs: 0, queue: { perPrincipal: 8, total: 12 } } },
    });
  }, 120_000);
  afterAll(async () => {
    await api.stop();
    await store.close();
  });

  /** Asks until the answer has data (COMPUTING meanwhile), at most a minute. */
  async function until(
    ask: () => Promise<GraphQLResponse>,
    done: (r: GraphQLResponse) => boolean = (r) => Boolean(r.data),
  ): Promise<GraphQLResponse> {
    const started = Date.now();
    for (;;) {
      const reply = await ask();
      if (done(reply)) return reply;
      if (reply.errors) expect(code(reply)).toBe('COMPUTING');
      if (Date.now() - started > 90_000) throw new Error(`no answer within 90 s: ${JSON.stringify(reply)}`);
      await sleep(150);
    }
  }

  test("80 hand-over questions of one principal: 9 taken (1 computing, 8 waiting), the rest RATE_LIMITED; another's brokers go next but one", async () => {
    const ids = Array.from({ length: 80 }, (_, i) => `a${String(i + 1).padStart(6, '0')}`);
    const flood = await Promise.all(ids.map((id) => api.runAs(flooder, RESILIENCE, { ids: [id] })));
    const accepted = flood.map((r, i) => ({ r, id: ids[i] })).filter(({ r }) => code(r) === 'COMPUTING');
    const limited = flood.filter((r) => code(r) === 'RATE_LIMITED');
    // One starts at once, eight wait (one more if the first finished while the flood came in).
    expect(accepted.length).toBeGreaterThanOrEqual(9);
    expect(accepted.length).toBeLessThanOrEqual(10);
    expect(limited.length).toBe(80 - accepted.length);
    for (const r of limited) {
      expect(r.errors![0].message).toMatch(/8 network-insight questions of yours are already waiting/);
      expect(Number.isInteger(retryAfter(r))).toBe(true);
      expect(retryAfter(r)).toBeGreaterThanOrEqual(1);
    }
    // retryAfterSeconds grows with the place in the queue.
    const waits = accepted.map(({ r }) => retryAfter(r));
    expect([...waits].sort((a, b) => a - b)).toEqual(waits);
    expect(waits[waits.length - 1]).toBeGreaterThan(waits[0]);

    // Another principal's brokers (another question than the flood's) take the next turn but one.
    const recency = { asOf: '2024-01-01', halfLifeDays: 365 };
    const first = await api.runAs(reader, BROKERS, { recency });
    expect(code(first)).toBe('COMPUTING');
    expect(retryAfter(first)).toBeLessThan(waits[waits.length - 1]);

    // A third principal fills the queue's total (12 waiting): the rest is refused for everyone.
    const clusters = await Promise.all(
      [1, 1.1, 1.2, 1.3, 1.4].map((resolution) => api.runAs(third, CLUSTERS, { resolution })),
    );
    const clustersLimited = clusters.filter((r) => code(r) === 'RATE_LIMITED');
    expect(clustersLimited.length).toBeGreaterThanOrEqual(1);
    expect(clusters.filter((r) => code(r) === 'COMPUTING').length).toBe(5 - clustersLimited.length);
    for (const r of clustersLimited) {
      expect(r.errors![0].message).toMatch(/12 network-insight questions are already waiting/);
      expect(retryAfter(r)).toBeGreaterThanOrEqual(1);
    }

    const brokers = (await until(() => api.runAs(reader, BROKERS, { recency }))).data!.brokers;
    expect(brokers.current).toBe(true);
    expect(brokers.actorCount).toBe(2500);

    // At most the flood's first two were computed before it; most of them still wait.
    const again = await Promise.all(accepted.map(({ id }) => api.runAs(flooder, RESILIENCE, { ids: [id] })));
    const doneBefore = again.filter(
      (r) => r.data && Date.parse(r.data.resilience.computedAt) <= Date.parse(brokers.computedAt),
    );
    expect(doneBefore.length).toBeLessThanOrEqual(2);
    expect(again.filter((r) => code(r) === 'COMPUTING').length).toBeGreaterThanOrEqual(accepted.length - 3);
    // Asking again joined the waiting questions rather than queueing them twice.
    expect(again.filter((r) => code(r) === 'RATE_LIMITED')).toEqual([]);

    // Drop what still waits (the next tests start from an empty queue).
    await api.service.insight.close();
  }, 120_000);

  test('a stream of writes does not keep brokers at COMPUTING: the last result is answered, labelled, and newer ones are computed', async () => {
    // A smaller network (800 actors): a computation takes less than the stream of writes lasts.
    await api.stop();
    await store.close();
    store = createEmbeddedStore({ filename: ':memory:' });
    await store.init();
    api = await startTestApi(store, generateNetwork({ actors: 800, hubs: 5, seed: 7 }), {
      service: { insight: { waitMs: 0 } },
    });
    const initial = (
      await until(
        () => api.runAs(reader, BROKERS, {}),
        (r) => r.data?.brokers.current === true,
      )
    ).data!;
    const startVersion = initial.brokers.projectionVersion;

    // An editor adds an actor with a collaboration every 250 ms for 8 s (each changes the structure).
    let writing = true;
    const writes = (async () => {
      let i = 0;
      const until = Date.now() + 8_000;
      while (Date.now() < until) {
        const reply = await api.runAs(
          editor,
          `mutation($id: ID!, $c: ID!) { a: createActor(input: { id: $id, name: "Neu", kind: INITIATIVE }) { id }
            c: createCollaboration(input: { id: $c, title: "Treffen", kind: MEETING, startDate: "2024-05-01",
              participants: [{ actorId: $id, role: ORGANISER }, { actorId: "a000000", role: PARTICIPANT }] }) { id } }`,
          { id: `zz-new-${i}`, c: `zz-meet-${i}` },
        );
        expect(reply.errors).toBeUndefined();
        i++;
        await sleep(250);
      }
      writing = false;
      return i;
    })();

    const answers: Array<{ projectionVersion: number; current: boolean; version: number }> = [];
    while (writing) {
      const reply = await api.runAs(reader, BROKERS, {});
      // Never COMPUTING: there is always a result to answer.
      expect(reply.errors).toBeUndefined();
      const { brokers, projectionStatus } = reply.data;
      expect(brokers.current).toBe(brokers.projectionVersion === projectionStatus.version);
      expect(brokers.projectionVersion).toBeLessThanOrEqual(projectionStatus.version);
      answers.push({
        projectionVersion: brokers.projectionVersion,
        current: brokers.current,
        version: projectionStatus.version,
      });
      await sleep(200);
    }
    const written = await writes;
    expect(written).toBeGreaterThanOrEqual(10);
    expect(answers.length).toBeGreaterThanOrEqual(10);
    expect(answers.some((a) => !a.current)).toBe(true);
    // Not a livelock: results on newer versions were computed while the writes went on.
    expect(Math.max(...answers.map((a) => a.projectionVersion))).toBeGreaterThan(startVersion);
    // The versions answered never go back.
    const served = answers.map((a) => a.projectionVersion);
    expect([...served].sort((a, b) => a - b)).toEqual(served);

    // Once the writes stop, the current result comes.
    const final = (
      await until(
        () => api.runAs(reader, BROKERS, {}),
        (r) => r.data?.brokers.current === true,
      )
    ).data!;
    expect(final.brokers.actorCount).toBe(800 + written);
    expect(final.brokers.projectionVersion).toBe(final.projectionStatus.version);
  }, 120_000);

  test('description edits leave the projection version: the result stays current, nothing is computed again', async () => {
    const before = (
      await until(
        () => api.runAs(reader, BROKERS, {}),
        (r) => r.data?.brokers.current === true,
      )
    ).data!;
    const computed = api.service.insight.stats.computed;
    for (let i = 0; i < 8; i++) {
      const edit = await api.runAs(
        editor,
        `mutation($d: String!) { a: updateActor(id: "a000000", input: { description: $d }) { id }
          c: updateCollaboration(id: "zz-meet-0", input: { description: $d }) { id } }`,
        { d: `Beschreibung ${i}` },
      );
      expect(edit.errors).toBeUndefined();
      const reply = await api.runAs(reader, BROKERS, {});
      expect(reply.data!.projectionStatus.version).toBe(before.projectionStatus.version);
      expect(reply.data!.brokers).toEqual(before.brokers);
    }
    expect(api.service.insight.stats.computed).toBe(computed);
    // A change of kind is a change of the structure: the version moves.
    await api.runAs(editor, `mutation { updateActor(id: "zz-new-0", input: { kind: GROUP }) { id } }`);
    const after = await api.runAs(reader, BROKERS, {});
    expect(after.data!.projectionStatus.version).toBeGreaterThan(before.projectionStatus.version);
    expect(after.data!.brokers.current).toBe(false);
  }, 60_000);
});
