/**
 * Requests are admitted to the application in turns of the event loop (../graphql/event-loop-slices.ts),
 * and `/healthz` is answered at once, before any of them.
 *
 * Node reads every socket that became readable in one phase of the event loop and, without this,
 * runs the whole Express stack for each of them there and then: a burst of 1,400 requests with a
 * refused credential (each ~1.4 ms of parsing, limits and headers) held a health check back for
 * 0.8–2 s, although no single request was slow. Admitted in turns, such a burst is worked off a
 * slice at a time, with the sockets read again (and health checks answered) in between.
 */
import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import { takeTurn } from '../graphql/event-loop-slices';

export const HEALTH_PATH = '/healthz';

/** The liveness answer: the process is up and its event loop turns. */
export function answerHealth(res: ServerResponse): void {
  const body = '{"status":"ok"}';
  res.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'content-length': body.length });
  res.end(body);
}

function isHealthCheck(req: IncomingMessage): boolean {
  if (req.method !== 'GET' && req.method !== 'HEAD') return false;
  const url = req.url ?? '';
  return url === HEALTH_PATH || url.startsWith(`${HEALTH_PATH}?`);
}

export function admitInTurns(handler: RequestListener): RequestListener {
  // One owner for all new requests: they take turns with the running GraphQL requests, round-robin.
  const owner = { admission: true };
  return (req, res) => {
    if (isHealthCheck(req)) return answerHealth(res);
    const turn = takeTurn(owner);
    if (turn) void turn.then(() => handler(req, res));
    else handler(req, res);
  };
}
