import { refuseLargestIfOver } from './heap-watch';
import { RequestGuard } from './request-guard';

const MB = 1e6;
const heap = (usedMb: number) => ({ used_heap_size: usedMb * MB, heap_size_limit: 1000 * MB });

describe('heap watch', () => {
  let guards: RequestGuard[] = [];
  const start = (items: number) => {
    const guard = new RequestGuard({ maxMillis: 60_000, maxResults: 1_000_000 });
    guard.spend(items);
    guards.push(guard);
    return guard;
  };
  afterEach(() => {
    for (const guard of guards) guard.finish();
    guards = [];
  });

  test('below the watermark nothing is refused', () => {
    const big = start(500);
    expect(refuseLargestIfOver(0.6, heap(599))).toBe(0);
    expect(big.stopped).toBe(false);
  });

  test('over the watermark the request with the most items is refused, with limit "memory"', () => {
    const small = start(10);
    const big = start(500);
    expect(refuseLargestIfOver(0.6, heap(650))).toBe(1);
    expect(big.refusal?.extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', limit: 'memory' });
    expect(small.stopped).toBe(false);
    // The next collection over the watermark takes the next largest one still running.
    expect(refuseLargestIfOver(0.6, heap(650))).toBe(1);
    expect(small.stopped).toBe(true);
  });

  test('over the critical watermark every running request is refused at once', () => {
    const requests = [start(10), start(20), start(30)];
    expect(refuseLargestIfOver(0.6, heap(820), 0.8)).toBe(3);
    expect(requests.every((guard) => guard.refusal?.extensions.limit === 'memory')).toBe(true);
  });
});
