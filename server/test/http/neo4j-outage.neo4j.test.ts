/**
 * Neo4j goes away and comes back, the server keeps running: the service talks to Neo4j through a
 * TCP proxy in the test; cutting every connection (and refusing new ones) makes a request that
 * needs the database answer STORE_UNAVAILABLE — saying the database is unreachable — and /readyz
 * 503, a write fail without a trace; restoring the proxy makes the same requests succeed again,
 * without restarting anything (the driver opens new connections). A request with an API key
 * cannot even be authenticated then (keys live in the store): 503 STORE_UNAVAILABLE with
 * Retry-After; one with a JWT (checked without the store) still gets what the in-memory
 * projection answers.
 */
import jwt from 'jsonwebtoken';
import { batenbrock } from '../../../seed/batenbrock';
import { createNeo4jStore } from '../../src/store/neo4j';
import type { NetworkStore } from '../../src/store/network-store';
import { bearer, startHttpApi, TEST_AUTH_CONFIG, type HttpApi } from '../support/http-api';
import { describeNeo4j, neo4jHarness, type Neo4jTestConfig } from '../support/stores';
import { startTcpProxy, type TcpProxy } from '../support/tcp-proxy';

const LIST = '{ actors(first: 3) { totalCount nodes { id name } } }';
const CREATE = 'mutation($input: CreateActorInput!) { createActor(input: $input) { id } }';
const JWT = {
  secret: 'outage-test-secret-0123456789abcdefghijklmnop',
  issuer: null,
  audience: null,
  roleClaim: 'role',
};

function neo4jOutageSuite(config: Neo4jTestConfig): void {
  const harness = neo4jHarness(config);
  let proxy: TcpProxy;
  let store: NetworkStore;
  let api: HttpApi;

  beforeAll(async () => {
    await harness.setup();
    await harness.fresh(); // empties the database (directly, not through the proxy)
    const target = new URL(config.uri.replace(/^[a-z+]+:/, 'http:'));
    proxy = await startTcpProxy({ host: target.hostname, port: Number(target.port || 7687) });
    // bolt:// (one server, no routing): a routing table would send the driver around the proxy.
    store = createNeo4jStore({ uri: `bolt://127.0.0.1:${proxy.port}`, user: config.user, password: config.password });
    await store.init();
    api = await startHttpApi(store, { seed: batenbrock, config: { auth: { ...TEST_AUTH_CONFIG, jwt: JWT } } });
  }, 60_000);

  afterAll(async () => {
    await api?.stop();
    await store?.close();
    await proxy?.close();
    await harness.teardown();
  });

  async function ask(query: string, variables: Record<string, unknown> = {}) {
    const started = Date.now();
    const response = await api.post({ query, variables });
    return { status: response.status, body: await response.json(), ms: Date.now() - started };
  }

  test('a dropped connection answers STORE_UNAVAILABLE and /readyz 503; restored, requests succeed again without a restart', async () => {
    const before = await ask(LIST);
    expect(before.body.errors).toBeUndefined();
    expect(before.body.data.actors.totalCount).toBe(batenbrock.actors.length);
    expect((await api.request('/readyz')).status).toBe(200);

    proxy.sever();

    const read = await ask(LIST);
    expect(read.status).toBe(503);
    expect(read.body.errors).toEqual([
      expect.objectContaining({
        message: expect.stringMatching(/database \(Neo4j\) is unreachable/),
        extensions: { code: 'STORE_UNAVAILABLE' },
      }),
    ]);
    const write = await ask(CREATE, { input: { id: 'during-outage', name: 'Während des Ausfalls', kind: 'GROUP' } });
    expect(write.body.errors?.[0]?.extensions?.code).toBe('STORE_UNAVAILABLE');
    // With a token (checked without the store): a read of the store answers 200 with the coded
    // error, a write likewise, and nothing is half-written.
    const token = jwt.sign({ sub: 'outage-editor', role: 'editor' }, JWT.secret, {
      algorithm: 'HS256',
      expiresIn: '5m',
    });
    const asEditor = async (query: string, variables: Record<string, unknown> = {}) =>
      (await api.post({ query, variables }, bearer(token))).json();
    expect((await asEditor(LIST)).errors?.[0]?.extensions?.code).toBe('STORE_UNAVAILABLE');
    const tokenWrite = await asEditor(CREATE, {
      input: { id: 'during-outage-2', name: 'Auch während des Ausfalls', kind: 'GROUP' },
    });
    expect(tokenWrite.errors?.[0]?.extensions?.code).toBe('STORE_UNAVAILABLE');
    const ready = await api.request('/readyz');
    expect(ready.status).toBe(503);
    expect(await ready.json()).toMatchObject({ status: 'unavailable', store: 'neo4j' });
    // Questions answered from the in-memory projection still work.
    const path = await asEditor('{ shortestPath(fromActorId: "eu-efre", toActorId: "bobbie-ev") { length } }');
    expect(path.errors).toBeUndefined();

    const connectionsBefore = proxy.connections();
    proxy.restore();

    const after = await ask(LIST);
    expect(after.body.errors).toBeUndefined();
    expect(after.body.data).toEqual(before.body.data);
    expect(proxy.connections()).toBeGreaterThan(connectionsBefore); // new connections, same process
    expect((await api.request('/readyz')).status).toBe(200);
    const created = await ask(CREATE, { input: { id: 'after-outage', name: 'Nach dem Ausfall', kind: 'GROUP' } });
    expect(created.body).toEqual({ data: { createActor: { id: 'after-outage' } } });
    // The write refused during the outage left nothing behind.
    const actors = await ask(
      '{ a: actor(id: "during-outage") { id } a2: actor(id: "during-outage-2") { id } b: actor(id: "after-outage") { id } }',
    );
    expect(actors.body.data).toEqual({ a: null, a2: null, b: { id: 'after-outage' } });

    console.log(
      `neo4j outage: STORE_UNAVAILABLE after ${read.ms} ms (read) and ${write.ms} ms (write); first request after restore ${after.ms} ms`,
    );
  }, 90_000);
}

describeNeo4j('neo4j outage: dropped connections, recovery without restart', (config) => neo4jOutageSuite(config));
