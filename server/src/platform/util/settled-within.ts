/** Waits for `promise` to settle, but at most `ms` (0: not at all); never rejects. */
export function settledWithin(promise: Promise<unknown>, ms: number): Promise<void> {
  if (ms <= 0) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      resolve();
    };
    const timer = setTimeout(resolve, ms);
    promise.then(done, done);
  });
}
