/**
 * A GraphQL schema served the plain way, for the bench's comparison servers (the peer, peer.ts;
 * the thin server, thin-server.ts): Apollo Server through Express on a free loopback port, JSON body
 * parser, no plugins, no limits, no authentication — what those servers do per request, nothing of
 * ours (createApp) around it.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApolloServer } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';
import express from 'express';
import type { GraphQLSchema } from 'graphql';

export interface ServedSchema {
  url: string;
  close(): Promise<void>;
}

export async function serveSchema(schema: GraphQLSchema): Promise<ServedSchema> {
  const app = express();
  const httpServer = http.createServer(app);
  const apollo = new ApolloServer({ schema, introspection: false, csrfPrevention: true });
  await apollo.start();
  app.use('/graphql', express.json({ limit: '1mb' }), expressMiddleware(apollo, { context: async () => ({}) }));
  await new Promise<void>((r) => httpServer.listen(0, '127.0.0.1', r));
  const { port } = httpServer.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/graphql`,
    async close() {
      await apollo.stop();
      httpServer.close();
    },
  };
}
