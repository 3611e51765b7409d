/**
 * GraphQL subscriptions over WebSocket on the HTTP server's port and path (/graphql), with
 * graphql-ws (protocol `graphql-transport-ws`) on `ws`, as Apollo Server's documentation shows.
 * Queries and mutations stay on HTTP; a WebSocket connection only subscribes.
 *
 * - Authentication at `connection_init`: `{ "authorization": "Bearer <API key or token>" }` in the
 *   payload, checked by the same Authenticator as HTTP requests (API keys, JWTs; anonymous viewer
 *   only where ANONYMOUS_ACCESS=viewer). Refused: the socket closes with 4403.
 * - Limits: connections per principal (4429 beyond), message size (ws maxPayload: larger messages
 *   close the socket with 1009), the init must come within 3 s, a connection without a subscription
 *   closes after `idleMs` (4408), dead peers are found by pings (graphql-ws keepAlive), and a slow
 *   consumer whose waiting events exceed the bound is disconnected (4008) and resumes with its cursor.
 * - Every subscription document passes the same validation as HTTP requests: token count, depth,
 *   cost, aliases, directives (http/limits); errors carry the same codes (graphql/errors.ts).
 */
import type http from 'node:http';
import {
  GraphQLError,
  getOperationAST,
  specifiedRules,
  validate,
  type DocumentNode,
  type GraphQLFormattedError,
  type GraphQLSchema,
} from 'graphql';
import { MaxTokensParserWLexer } from '@escape.tech/graphql-armor-max-tokens';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer, type WebSocket } from 'ws';
import { Authenticator, bearerCredential } from '../../features/access/authenticate';
import type { Principal } from '../../features/access/principal';
import type { LimitsConfig } from '../config';
import { createContext } from '../graphql/context';
import type { RequestGuard } from '../graphql/request-guard';
import { formatError } from '../graphql/errors';
import { KnownOperationTypesRule } from '../graphql/known-operation-types';
import type { LiveContext } from '../../features/live/live.resolver';
import type { NetworkService } from '../../service/network-service';
import { QueryLimitError, queryLimitRules } from './limits/query-limits';

export interface LiveLimits {
  /** Open WebSocket connections per principal. */
  maxConnectionsPerPrincipal: number;
  /** Largest message from a client (bytes). */
  maxPayloadBytes: number;
  /** A connection without any subscription closes after this long (ms). */
  idleMs: number;
  /** Events waiting for one subscriber before it is a slow consumer. */
  maxBufferedEvents: number;
  /** Bytes waiting in the socket's send buffer before the subscriber is a slow consumer. */
  maxBufferedBytes: number;
}

export const DEFAULT_LIVE_LIMITS: LiveLimits = {
  maxConnectionsPerPrincipal: 5,
  maxPayloadBytes: 16 * 1024,
  idleMs: 60_000,
  maxBufferedEvents: 1000,
  maxBufferedBytes: 1024 * 1024,
};

export const CLOSE_FORBIDDEN = 4403;
export const CLOSE_TOO_MANY_CONNECTIONS = 4429;
export const CLOSE_IDLE = 4408;
export const CLOSE_SLOW_CONSUMER = 4008;

interface ConnectionState {
  principal: Principal | null;
  active: number;
  idle: NodeJS.Timeout | null;
  /** Each subscription's request guard, finished when it ends (else the guard stays counted as running). */
  guards: Map<string, RequestGuard>;
}

const principalKey = (p: Principal | null) => (p ? `${p.via}:${p.id}` : 'none');

export function attachSubscriptions(
  httpServer: http.Server,
  schema: GraphQLSchema,
  service: NetworkService,
  authenticator: Authenticator,
  limits: LimitsConfig,
  live: LiveLimits = DEFAULT_LIVE_LIMITS,
): { close(): Promise<void> } {
  const wss = new WebSocketServer({ server: httpServer, path: '/graphql', maxPayload: live.maxPayloadBytes });
  const connections = new Map<string, number>();
  const states = new WeakMap<WebSocket, ConnectionState>();
  const rules = [...specifiedRules, KnownOperationTypesRule, ...queryLimitRules(limits.query)];

  const armIdle = (socket: WebSocket, state: ConnectionState) => {
    if (state.idle) clearTimeout(state.idle);
    state.idle =
      state.active === 0
        ? setTimeout(() => socket.close(CLOSE_IDLE, 'idle: no subscription'), live.idleMs).unref()
        : null;
  };

  const format = (errors: readonly GraphQLError[] | readonly GraphQLFormattedError[]): GraphQLFormattedError[] =>
    errors.map((e) => formatError(e instanceof GraphQLError ? e.toJSON() : e, e));

  const server = useServer<Record<string, unknown> | undefined>(
    {
      schema,
      connectionInitWaitTimeout: 3000,
      onConnect: async (ctx) => {
        const socket = ctx.extra.socket;
        const params = ctx.connectionParams ?? {};
        const raw = params.authorization ?? params.Authorization;
        let principal: Principal | null;
        try {
          if (raw !== undefined && typeof raw !== 'string') return false;
          bearerCredential({ authorization: raw });
          principal = await authenticator.authenticate({ authorization: raw });
        } catch {
          return false; // 4403 Forbidden
        }
        if (!principal) return false;
        const key = principalKey(principal);
        const open = connections.get(key) ?? 0;
        if (open >= live.maxConnectionsPerPrincipal) {
          socket.close(
            CLOSE_TOO_MANY_CONNECTIONS,
            `at most ${live.maxConnectionsPerPrincipal} connections per principal`,
          );
          return false;
        }
        connections.set(key, open + 1);
        const state: ConnectionState = { principal, active: 0, idle: null, guards: new Map() };
        states.set(socket, state);
        socket.once('close', () => {
          if (state.idle) clearTimeout(state.idle);
          for (const guard of state.guards.values()) guard.finish();
          state.guards.clear();
          const n = (connections.get(key) ?? 1) - 1;
          if (n <= 0) connections.delete(key);
          else connections.set(key, n);
        });
        armIdle(socket, state);
        return true;
      },
      onSubscribe: (ctx, id, payload) => {
        const socket = ctx.extra.socket;
        const state = states.get(socket);
        if (!state) return [new GraphQLError('not initialised', { extensions: { code: 'UNAUTHENTICATED' } })];
        let document: DocumentNode;
        try {
          document = new MaxTokensParserWLexer(payload.query, {
            n: limits.query.maxTokens,
            onReject: [
              () => {
                throw new QueryLimitError('tokens', limits.query.maxTokens);
              },
            ],
            propagateOnRejection: false,
            exposeLimits: false,
          }).parseDocument();
        } catch (error) {
          if (error instanceof GraphQLError) return [error];
          return [new GraphQLError(String(error), { extensions: { code: 'GRAPHQL_PARSE_FAILED' } })];
        }
        const errors = validate(schema, document, rules);
        if (errors.length > 0) {
          // Limit errors keep their own code (QUERY_TOO_COMPLEX), the rest are coded as Apollo codes them.
          return errors.map((e) =>
            e.extensions.code
              ? e
              : new GraphQLError(e.message, { nodes: e.nodes, extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } }),
          );
        }
        const operation = getOperationAST(document, payload.operationName);
        if (operation?.operation !== 'subscription') {
          return [
            new GraphQLError(
              'Over WebSocket this API takes subscriptions only; send queries and mutations over HTTP.',
              { extensions: { code: 'BAD_REQUEST' } },
            ),
          ];
        }
        const contextValue: LiveContext = {
          ...createContext(service, state.principal, limits.query),
          maxBufferedEvents: live.maxBufferedEvents,
          dropSlowConsumer: (reason) => socket.close(CLOSE_SLOW_CONSUMER, `slow consumer: ${reason}`.slice(0, 120)),
        };
        state.guards.get(id)?.finish();
        state.guards.set(id, contextValue.guard);
        state.active++;
        armIdle(socket, state);
        return {
          schema,
          document,
          operationName: payload.operationName,
          variableValues: payload.variables,
          contextValue,
        };
      },
      onNext: (ctx, _id, _payload, _args, result) => {
        // A socket whose send buffer keeps growing does not read: a slow consumer.
        if (ctx.extra.socket.bufferedAmount > live.maxBufferedBytes) {
          ctx.extra.socket.close(CLOSE_SLOW_CONSUMER, 'slow consumer: send buffer full');
        }
        return result.errors ? { ...result, errors: format(result.errors) } : undefined;
      },
      onError: (_ctx, _id, _payload, errors) => format(errors),
      onComplete: (ctx, id) => {
        const state = states.get(ctx.extra.socket);
        if (!state) return;
        state.guards.get(id)?.finish();
        state.guards.delete(id);
        state.active = Math.max(0, state.active - 1);
        armIdle(ctx.extra.socket, state);
      },
    },
    wss,
  );

  return {
    async close() {
      await server.dispose();
    },
  };
}
