/**
 * The map follows the network live: a GraphQL subscription (`networkChanged`, over WebSocket with
 * graphql-ws, docs/live.md) tells the page about every write of anyone; the view is loaded again
 * (debounced) and actors that were just created are highlighted for a few seconds. A cut
 * connection is resumed with the last event's cursor, so no change is missed.
 */
import { createClient, type Client } from 'graphql-ws';
import { apiKey } from './auth';
import { actorNodeId } from './map';
import { NETWORK_CHANGED } from './queries';

/** Changes close together are one reload. */
const RELOAD_DELAY_MS = 400;
/** How long a new actor stays highlighted. */
const HIGHLIGHT_MS = 8000;
/** The first retry after a cut; it doubles up to a minute while the server keeps refusing. */
const RETRY_MS = 3000;
const MAX_RETRY_MS = 60_000;

interface Change {
  cursor: string;
  entityType: string;
  entityId: string;
  operation: string;
}

export function startLive(): void {
  const url = new URL('graphql', document.baseURI);
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  let cursor: string | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  /** Actors created recently, until when they stay highlighted (across reloads: an actor may show only once it has a tie). */
  const fresh = new Map<string, number>();
  let client: Client | null = null;
  let retryMs = RETRY_MS;

  // The map sets its stylesheet anew with every view (map.ts): the mark is added after each.
  const addStyle = () =>
    window.cy
      .style()
      .selector('node.live-new')
      .style({
        'border-width': 5,
        'border-color': '#e8590c',
        'border-opacity': 1,
        // a halo drawn over the neighbours, so a new actor inside a dense part still stands out
        'overlay-color': '#e8590c',
        'overlay-opacity': 0.35,
        'overlay-padding': 14,
        'z-index': 999,
        'font-weight': 'bold',
        'text-opacity': 1,
      })
      .update();

  const highlight = () => {
    if (fresh.size > 0) addStyle();
    const now = Date.now();
    for (const [id, until] of fresh) {
      if (until <= now) {
        fresh.delete(id);
        window.cy.$id(actorNodeId(id)).removeClass('live-new');
      } else {
        window.cy.$id(actorNodeId(id)).addClass('live-new');
      }
    }
  };

  const reload = () => {
    timer = null;
    void window.quartiernetz.reload().then(highlight);
  };

  const onChange = (change: Change) => {
    cursor = change.cursor;
    if (change.entityType === 'Actor' && change.operation === 'CREATE') {
      fresh.set(change.entityId, Date.now() + HIGHLIGHT_MS);
      setTimeout(highlight, HIGHLIGHT_MS + 50);
    }
    if (!timer) timer = setTimeout(reload, RELOAD_DELAY_MS);
  };

  const subscribe = () => {
    client ??= createClient({
      url: url.href,
      connectionParams: () => {
        const key = apiKey();
        return key ? { authorization: `Bearer ${key}` } : {};
      },
      retryAttempts: 0,
      onNonLazyError: () => undefined,
    });
    client.subscribe<{ networkChanged: Change }>(
      { query: NETWORK_CHANGED, variables: { after: cursor } },
      {
        next: ({ data }) => {
          retryMs = RETRY_MS;
          if (data) onChange(data.networkChanged);
        },
        // Closed or refused: try again later, from the last cursor (a cursor too old: from now).
        error: (error) => {
          if (
            Array.isArray(error) &&
            error.some((e: { extensions?: { field?: string } }) => e.extensions?.field === 'after')
          )
            cursor = null;
          void client?.dispose();
          client = null;
          setTimeout(subscribe, retryMs);
          retryMs = Math.min(retryMs * 2, MAX_RETRY_MS);
        },
        complete: () => undefined,
      },
    );
  };
  subscribe();
}
