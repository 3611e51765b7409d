import type { Actor, Topic } from '../../domain/model';
import type { NetworkStore } from '../../store/network-store';
import { IDS_PER_SLICE, RequestLoader, RequestStoppedError, createLoaders, loadExisting, whenLoaded } from './loaders';

/** A loader over a map whose batches are counted; `fail` makes the next batch throw. */
function mapLoader(records: Record<string, string | null>, owner?: { stopped: boolean }) {
  const batches: string[][] = [];
  let fail: Error | null = null;
  const loader = new RequestLoader<string | null>(
    async (keys) => {
      batches.push([...keys]);
      if (fail) {
        const error = fail;
        fail = null;
        throw error;
      }
      return keys.map((k) => records[k] ?? null);
    },
    undefined,
    owner,
  );
  return { loader, batches, failNext: (error: Error) => (fail = error) };
}

describe('RequestLoader', () => {
  test('one promise per key while it loads, the value itself once loaded, one batch', async () => {
    const { loader, batches } = mapLoader({ a: 'A', b: 'B' });
    const first = loader.value('a');
    const again = loader.value('a');
    expect(first).toBeInstanceOf(Promise);
    expect(again).toBe(first);
    loader.value('b');
    expect(await first).toBe('A');
    expect(loader.value('a')).toBe('A');
    expect(loader.value('b')).toBe('B');
    expect(batches).toEqual([['a', 'b']]);
  });

  test('a primed record is there at once; clear makes the next ask load again', async () => {
    const { loader, batches } = mapLoader({ a: 'stored' });
    loader.prime('a', 'primed');
    expect(loader.value('a')).toBe('primed');
    loader.clear('a');
    expect(await loader.value('a')).toBe('stored');
    loader.clearAll();
    const reloaded = loader.value('a');
    expect(reloaded).toBeInstanceOf(Promise);
    expect(await reloaded).toBe('stored');
    expect(batches).toEqual([['a'], ['a']]);
  });

  test('a failed batch is not kept: every asker gets the error, the next ask loads again', async () => {
    const { loader, failNext } = mapLoader({ a: 'A' });
    failNext(new Error('store down'));
    const asked = [loader.value('a'), loader.value('a')];
    for (const promise of asked) await expect(promise).rejects.toThrow('store down');
    expect(await loader.value('a')).toBe('A');
  });

  test('loadExisting answers without a promise when every record is loaded, and drops deleted ones', async () => {
    const { loader } = mapLoader({ a: 'A', c: 'C' });
    expect(await loadExisting(loader, ['a', 'b', 'c'])).toEqual(['A', 'C']);
    expect(loadExisting(loader, ['c', 'b', 'a'])).toEqual(['C', 'A']);
    expect(whenLoaded(loader.value('a'), (v) => `${v}!`)).toBe('A!');
  });

  test('loadExisting asks for a long list in slices, each its own batch, in order, deleted ones dropped', async () => {
    const ids = Array.from({ length: 2 * IDS_PER_SLICE + 7 }, (_, i) => `k${i}`);
    const records = Object.fromEntries(ids.map((id, i) => [id, i % 3 === 0 ? null : id.toUpperCase()]));
    const { loader, batches } = mapLoader(records, { stopped: false });
    const loaded = await loadExisting(loader, ids);
    expect(loaded).toEqual(ids.filter((_, i) => i % 3 !== 0).map((id) => id.toUpperCase()));
    expect(batches.map((b) => b.length)).toEqual([IDS_PER_SLICE, IDS_PER_SLICE, 7]);
  });

  test('loadExisting stops between slices once its request is stopped', async () => {
    const ids = Array.from({ length: 3 * IDS_PER_SLICE }, (_, i) => `k${i}`);
    const owner = { stopped: false };
    const { loader, batches } = mapLoader(Object.fromEntries(ids.map((id) => [id, id])), owner);
    const loading = loadExisting(loader, ids);
    // The first slice is asked for at once; the request is refused before the next.
    owner.stopped = true;
    await expect(loading).rejects.toBeInstanceOf(RequestStoppedError);
    expect(batches.map((b) => b.length)).toEqual([IDS_PER_SLICE]);
  });
});

describe("createLoaders: a request's loaders", () => {
  /** The two store methods these loaders use, each call recorded. */
  function recordingStore() {
    const calls: string[] = [];
    const store = {
      getActors: async (ids: readonly string[]) => {
        calls.push(`getActors ${ids.join(',')}`);
        return ids.map((id) => ({ id, name: id.toUpperCase() }) as Actor);
      },
      getTopics: async (ids: readonly string[]) => {
        calls.push(`getTopics ${ids.join(',')}`);
        return ids.map((id) => ({ id, name: `stored ${id}` }) as Topic);
      },
      actorNames: async (ids: readonly string[]) => {
        calls.push(`actorNames ${ids.join(',')}`);
        return ids.map((id) => id.toUpperCase());
      },
    } as unknown as NetworkStore;
    return { store, calls };
  }

  test('one loader per kind for the whole request: keys asked through it at different places share a batch', async () => {
    const { store, calls } = recordingStore();
    const loaders = createLoaders(store);
    expect(loaders.actor).toBe(loaders.actor);
    const [a, b] = await Promise.all([loaders.actor.value('a'), loaders.actor.value('b')]);
    expect([a?.name, b?.name]).toEqual(['A', 'B']);
    expect(calls).toEqual(['getActors a,b']);
  });

  test('loadManyNow asks the store at once, with the keys gathered so far; later asks find its answer', async () => {
    const { store, calls } = recordingStore();
    const loaders = createLoaders(store);
    const earlier = loaders.actorName.value('z');
    const loading = loaders.actorName.loadManyNow(['a', 'b']);
    // Before any promise job: the batch went to the store then, not when the request is idle.
    expect(calls).toEqual(['actorNames z,a,b']);
    expect(await loading).toEqual(['A', 'B']);
    expect(await earlier).toBe('Z');
    expect(await Promise.all([loaders.actorName.load('a'), loaders.actorName.load('b')])).toEqual(['A', 'B']);
    // A key asked after it goes in a batch of its own, dispatched as usual; nothing is loaded twice.
    expect(await loaders.actorName.load('c')).toBe('C');
    expect(calls).toEqual(['actorNames z,a,b', 'actorNames c']);
  });

  test('a record primed into a loader not used before is answered from it; clearAll forgets what every loader holds', async () => {
    const { store, calls } = recordingStore();
    const loaders = createLoaders(store);
    loaders.topic.prime('t', { id: 't', name: 'primed' } as Topic);
    expect((loaders.topic.value('t') as Topic).name).toBe('primed');
    expect(await loaders.actor.value('a')).toMatchObject({ name: 'A' });
    expect(calls).toEqual(['getActors a']);
    loaders.clearAll();
    expect(await loaders.topic.value('t')).toMatchObject({ name: 'stored t' });
    expect(await loaders.actor.value('a')).toMatchObject({ name: 'A' });
    expect(calls).toEqual(['getActors a', 'getTopics t', 'getActors a']);
  });
});
