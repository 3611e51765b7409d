/**
 * What the import and demo command lines print after writing: how a server that is running picks
 * the data up. Every write goes into the store's change feed, which each server reads every
 * FEED_POLL_MS (docs/live.md); the in-memory copy behind its map, paths and suggestions follows.
 */
export function refreshHint(feedPollMs: number): string {
  return [
    `A server already running picks this data up through the change feed within about ${Math.max(1, Math.round(feedPollMs / 1000))} s (FEED_POLL_MS);`,
    'nothing needs to be restarted.',
  ].join('\n');
}
