/**
 * Wraps a store and counts the calls made to it: one call is one round trip to the database.
 * Used to show that a request's cost does not grow with the number of rows.
 */
import type { NetworkStore } from '../../src/store/network-store';

export interface CountingStore {
  store: NetworkStore;
  calls: Map<string, number>;
  total(): number;
  reset(): void;
}

export function countingStore(inner: NetworkStore): CountingStore {
  const calls = new Map<string, number>();
  const store = new Proxy(inner, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver);
      if (typeof value !== 'function') return value;
      return (...args: unknown[]) => {
        calls.set(String(property), (calls.get(String(property)) ?? 0) + 1);
        return value.apply(target, args);
      };
    },
  });
  return {
    store,
    calls,
    total: () => [...calls.values()].reduce((a, b) => a + b, 0),
    reset: () => calls.clear(),
  };
}
