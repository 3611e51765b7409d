/** The timers that keep a service's projection following the change feed when nothing is written. */
import type { FeedOptions } from './service-options';

export interface FeedTimers {
  stop(): void;
}

/**
 * Calls `follow` every `pollMs` (skipping a tick while the previous call still runs) and `prune`
 * with the cut-off of `retentionHours` now and every ten minutes. The timers do not keep the
 * process alive.
 */
export function followOnTimers(
  follow: () => Promise<unknown>,
  prune: (before: string) => Promise<unknown>,
  options: FeedOptions,
): FeedTimers {
  let busy = false;
  const poll = setInterval(() => {
    if (busy) return;
    busy = true;
    follow()
      .catch((error) =>
        console.error('Reading the change feed failed:', error instanceof Error ? error.message : error),
      )
      .finally(() => (busy = false));
  }, options.pollMs);
  const pruneNow = () => {
    const before = new Date(Date.now() - options.retentionHours * 3_600_000).toISOString();
    prune(before).catch((error) =>
      console.error('Pruning the change feed failed:', error instanceof Error ? error.message : error),
    );
  };
  pruneNow();
  const pruning = setInterval(pruneNow, 10 * 60_000);
  poll.unref();
  pruning.unref();
  return {
    stop() {
      clearInterval(poll);
      clearInterval(pruning);
    },
  };
}
