/**
 * The network view in steps (NetworkService.networkInSteps): it pauses between bounded steps, gives
 * the view of the state it ends on when a write comes in between, and answers at once after two
 * such restarts, so a stream of writes cannot keep it from answering. networkShapedInSteps adds the
 * answer's shaping (the GraphQL network's nodes and edges) to the same steps and the same rule.
 */
import { generateNetwork } from '../../../seed/generate';
import { networkShapeSteps } from '../../src/features/network/network.mapping';
import { NetworkService } from '../../src/service/network-service';
import { runNow } from '../../src/platform/util/run-in-slices';
import { createEmbeddedStore } from '../../src/store/embedded';

describe('NetworkService.networkInSteps', () => {
  const store = createEmbeddedStore({ filename: ':memory:' });
  let service: NetworkService;
  let hub: string;

  beforeAll(async () => {
    await store.init();
    const data = generateNetwork({ actors: 3000, hubs: 3, seed: 11 });
    await store.mergeGraph(data);
    service = await NetworkService.start(store, { firstFitWaitMs: 0 });
    hub = [...service.projection.actors.entries()].sort(
      (a, b) => b[1].collaborations.size - a[1].collaborations.size,
    )[0]![0];
  }, 120_000);
  afterAll(async () => {
    await service.close();
    await store.close();
  });

  const pauseEvery = (onPause: (n: number) => void) => {
    let n = 0;
    return () => {
      onPause(++n);
      return new Promise<void>((resolve) => setImmediate(resolve));
    };
  };

  test('pauses between steps and answers what the view in one go answers', async () => {
    const options = { centreActorId: hub, depth: 2, maxActors: 2000 };
    let pauses = 0;
    const view = await service.networkInSteps(
      options,
      pauseEvery((n) => (pauses = n)),
    );
    expect(pauses).toBeGreaterThan(10);
    expect(view.actorIds).toHaveLength(2000);
    expect(view).toEqual(service.network(options));
  });

  test('a write between steps: the view of the state after it; writes at every pause: answered at once after two starts', async () => {
    const options = { maxActors: 5000 };
    const projection = service.projection;
    // One write during the first run: the second run sees it.
    const once = await service.networkInSteps(
      options,
      pauseEvery((n) => {
        if (n === 1) projection.upsertActor('neu-im-netz', 'GROUP');
      }),
    );
    expect(once.actorIds).toContain('neu-im-netz');
    expect(once).toEqual(service.network(options));

    // A write at every pause: two runs are stopped, the third runs at once (no pause at all).
    let pauses = 0;
    const always = await service.networkInSteps(
      options,
      pauseEvery((n) => {
        pauses = n;
        projection.upsertActor(`neu-${n}`, n % 2 ? 'GROUP' : 'INITIATIVE');
      }),
    );
    expect(pauses).toBe(2);
    expect(always).toEqual(service.network(options));
    expect(always.actorIds).toContain('neu-2');
  });

  test('shaping the answer: more steps, the same nodes and edges, and a write while shaping starts it again', async () => {
    const ego = { centreActorId: hub, depth: 2, maxActors: 2000 };
    let viewPauses = 0;
    await service.networkInSteps(
      ego,
      pauseEvery((n) => (viewPauses = n)),
    );
    let shapedPauses = 0;
    const shaped = await service.networkShapedInSteps(
      ego,
      pauseEvery((n) => (shapedPauses = n)),
      networkShapeSteps,
    );
    expect(shapedPauses).toBeGreaterThan(viewPauses);
    expect(shaped).toEqual(runNow(networkShapeSteps(service.network(ego), service.projection)));
    expect(shaped.nodes.filter((n) => n.type === 'ACTOR')).toHaveLength(2000);

    // A write after the view's steps, while the answer is shaped: the answer is of the state after it.
    const all = { maxActors: 5000 };
    let allViewPauses = 0;
    await service.networkInSteps(
      all,
      pauseEvery((n) => (allViewPauses = n)),
    );
    const afterWrite = await service.networkShapedInSteps(
      all,
      pauseEvery((n) => {
        if (n === allViewPauses + 1) service.projection.upsertActor('neu-beim-formen', 'GROUP');
      }),
      networkShapeSteps,
    );
    expect(afterWrite.nodes.map((n) => n.id)).toContain('actor:neu-beim-formen');
    expect(afterWrite).toEqual(runNow(networkShapeSteps(service.network(all), service.projection)));
  });

  test('told the actors once they are chosen, then a turn of the event loop before their edges are found', async () => {
    // No pause of the request's own (its slice not spent): only the turn after `chosen` gives one.
    const ego = { centreActorId: hub, depth: 2, maxActors: 300 };
    const events: string[] = [];
    let told: readonly string[] = [];
    const shaped = await service.networkShapedInSteps(
      ego,
      () => undefined,
      function* (view, projection) {
        events.push('shaping');
        return yield* networkShapeSteps(view, projection);
      },
      (actorIds) => {
        told = actorIds;
        events.push('chosen');
        setImmediate(() => events.push('a turn'));
      },
    );
    expect(events).toEqual(['chosen', 'a turn', 'shaping']);
    expect(told).toEqual(service.network(ego).actorIds);
    expect(shaped).toEqual(runNow(networkShapeSteps(service.network(ego), service.projection)));

    // A write in that turn: the view starts again on the state after it, and `chosen` is told again.
    const tellings: number[] = [];
    const again = await service.networkShapedInSteps(
      ego,
      () => undefined,
      networkShapeSteps,
      (actorIds) => {
        tellings.push(actorIds.length);
        if (tellings.length === 1) setImmediate(() => service.projection.upsertActor('neu-nach-der-wahl', 'GROUP'));
      },
    );
    expect(tellings).toEqual([300, 300]);
    expect(again).toEqual(runNow(networkShapeSteps(service.network(ego), service.projection)));
  });
});
