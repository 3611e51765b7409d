/**
 * The thin server: the thinnest honest GraphQL server over HTTP for the bench's Neo4j requests, to
 * tell how far above the Cypher floor any GraphQL server lands on this machine, and so how much of
 * ours above it is ours. For each request kind one root resolver runs the floor's own Cypher call
 * (requests.ts `neo4jData`: the same statement and parameters, one driver call) and returns the
 * root field of its answer; every nested field is graphql-js's default resolver. No DataLoaders, no
 * authentication, no limits, no plugins. Served the plain way (apollo-http.ts, as the peer is),
 * asked through the same client as ours, its answer brought into the same canonical form.
 *
 * The schema is the project's own SDL (schema/schema.graphql, which a test keeps equal to what the
 * code builds): the same types coerce and check the same answer (ids, enums, non-null fields) as in
 * ours, so what is left between the two is what runs around and inside our resolvers.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSchema, Kind, parse, type GraphQLFieldResolver, type OperationDefinitionNode } from 'graphql';
import type { Driver } from 'neo4j-driver';
import { SCHEMA_FILE } from '../server/src/platform/graphql/sdl';
import { serveSchema } from './apollo-http';
import { graphqlClient } from './http-client';
import { REQUESTS, type RequestInput, type RequestKind, type RequestSpec } from './requests';

export interface ThinServer {
  supports(kind: RequestKind): boolean;
  call(kind: RequestKind, input: RequestInput): Promise<unknown>;
  close(): Promise<void>;
}

export async function startThinServer(driver: Driver): Promise<ThinServer> {
  const schema = buildSchema(readFileSync(join(__dirname, '..', SCHEMA_FILE), 'utf8'));
  // Not the ego network: its floor's Cypher takes 80–150 ms at 100k where ours answers from the
  // projection in ~10 ms, so a thin server over it says nothing about GraphQL's cost, and its 120 heavy
  // statements ran just before the suggestions and the writes (in the first quiet runs with it, 22:24–22:40,
  // those series were slower than before it existed, their floors too: write 1.82 against 1.25 ms).
  const served = new Map(
    REQUESTS.filter((spec) => spec.neo4jData && spec.kind !== 'egoNetwork').map((spec) => [spec.kind, spec]),
  );
  const byOperation = new Map<string, RequestSpec>();

  // One resolver for every root field the bench asks: the operation's name tells which request it
  // is (several share a root field, as `actor`); the operation's variables are the floor's input —
  // every other argument in the bench's queries is a literal that the floor's statement holds too.
  const resolveRoot: GraphQLFieldResolver<unknown, unknown> = async (_source, _args, _context, info) => {
    const spec = byOperation.get(info.operation.name?.value ?? '');
    if (!spec) throw new Error(`thin server: no bench request named ${info.operation.name?.value}`);
    const data = await spec.neo4jData!(driver, info.variableValues);
    return data[info.fieldName];
  };

  for (const spec of served.values()) {
    const operation = parse(spec.query).definitions.find(
      (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION,
    )!;
    const name = operation.name?.value;
    if (!name || byOperation.has(name)) throw new Error(`thin server: ${spec.kind} needs an operation name of its own`);
    byOperation.set(name, spec);
    const rootFields = operation.selectionSet.selections.flatMap((s) =>
      s.kind === Kind.FIELD && s.name.value !== '__typename' ? [s.name.value] : [],
    );
    // One statement per request: a second root field would run it again.
    if (rootFields.length > 1) throw new Error(`thin server: ${spec.kind} asks more than one root field`);
    const type = operation.operation === 'mutation' ? schema.getMutationType() : schema.getQueryType();
    for (const field of rootFields) type!.getFields()[field].resolve = resolveRoot;
  }

  const server = await serveSchema(schema);
  const client = graphqlClient(server.url);
  return {
    supports: (kind) => served.has(kind),
    async call(kind, input) {
      const spec = served.get(kind)!;
      return spec.canonical(await client.request(spec.query, spec.variables(input)));
    },
    async close() {
      client.close();
      await server.close();
    },
  };
}
