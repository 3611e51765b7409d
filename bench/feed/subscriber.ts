/**
 * One subscriber of `networkChanged` over WebSocket (graphql-ws, as server/test/live/subscriptions.test.ts
 * connects): records when each entity's event arrived, counts errors and unexpected closes.
 */
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { nowMs } from '../stats';

const SUBSCRIBE = 'subscription { networkChanged { seq entityType entityId operation } }';

export interface Subscriber {
  /** entityId → arrival (nowMs) of its first event. */
  arrivals: Map<string, number>;
  events: number;
  errors: string[];
  connected: Promise<void>;
  dispose(): Promise<void>;
}

export function subscribe(url: string, token: string): Subscriber {
  const errors: string[] = [];
  const arrivals = new Map<string, number>();
  let disposing = false;
  let onConnected!: () => void;
  let onFailed!: (e: Error) => void;
  const connected = new Promise<void>((resolve, reject) => {
    onConnected = resolve;
    onFailed = reject;
  });
  const client: Client = createClient({
    url,
    webSocketImpl: WebSocket,
    connectionParams: { authorization: `Bearer ${token}` },
    lazy: false,
    retryAttempts: 0,
    keepAlive: 0,
    onNonLazyError: (e) => onFailed(new Error(String((e as { reason?: string }).reason ?? e))),
    on: {
      connected: () => onConnected(),
      closed: (event) => {
        const { code, reason } = event as { code: number; reason?: string };
        if (!disposing) {
          errors.push(`closed ${code} ${reason ?? ''}`.trim());
          onFailed(new Error(`closed ${code}`));
        }
      },
      error: (e) => errors.push(`socket error: ${String((e as Error).message ?? e)}`),
    },
  });
  const subscriber: Subscriber = {
    arrivals,
    events: 0,
    errors,
    connected,
    dispose: async () => {
      disposing = true;
      await client.dispose();
    },
  };
  client.subscribe<{ networkChanged: { entityId: string } }>(
    { query: SUBSCRIBE },
    {
      next: (result) => {
        if (result.errors) errors.push(result.errors.map((e) => e.message).join('; '));
        const id = result.data?.networkChanged.entityId;
        if (id !== undefined) {
          subscriber.events++;
          if (!arrivals.has(id)) arrivals.set(id, nowMs());
        }
      },
      error: (e) => errors.push(`subscription error: ${JSON.stringify(e).slice(0, 200)}`),
      complete: () => {
        if (!disposing) errors.push('subscription completed by the server');
      },
    },
  );
  return subscriber;
}

/** Resolves with the arrival time once `entityId`'s event is there; null after `timeoutMs`. */
export async function arrival(s: Subscriber, entityId: string, timeoutMs: number): Promise<number | null> {
  const deadline = nowMs() + timeoutMs;
  while (nowMs() < deadline) {
    const at = s.arrivals.get(entityId);
    if (at !== undefined) return at;
    await new Promise((r) => setTimeout(r, 2));
  }
  return null;
}
