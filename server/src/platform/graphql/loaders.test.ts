import { RequestLoader, loadExisting, whenLoaded } from './loaders';

/** A loader over a map whose batches are counted; `fail` makes the next batch throw. */
function mapLoader(records: Record<string, string | null>) {
  const batches: string[][] = [];
  let fail: Error | null = null;
  const loader = new RequestLoader<string | null>(async (keys) => {
    batches.push([...keys]);
    if (fail) {
      const error = fail;
      fail = null;
      throw error;
    }
    return keys.map((k) => records[k] ?? null);
  });
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
});
