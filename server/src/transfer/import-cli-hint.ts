/**
 * What the import and demo command lines print after writing. How a server that is running picks the import up: its map, paths and suggestions run on an
 * in-memory copy of the network, refreshed on a timer (PROJECTION_REFRESH_SECONDS), by the
 * rebuildProjection mutation, at the next start — and for an actor asked about by name at once.
 */
export function refreshHint(refreshSeconds: number): string {
  const timer = refreshSeconds > 0
    ? `within ${refreshSeconds} s (PROJECTION_REFRESH_SECONDS)`
    : 'at its next start (PROJECTION_REFRESH_SECONDS is 0: no timer)';
  return [
    `A server already running picks this data up ${timer}, or at once after an ADMIN sends`,
    '  mutation { rebuildProjection { version actorCount } }',
    'to /graphql. Suggestions for an imported actor refresh it themselves.',
  ].join('\n');
}
