/**
 * Access control over real HTTP (docs/access.md): every rule through the wire, on the embedded
 * store with the Batenbrock seed — a fresh server per test.
 *
 * - no credential: every query and mutation answers HTTP 401, code UNAUTHENTICATED, and changes nothing;
 * - a present but bad credential (unknown, revoked, malformed key; bad, expired, foreign token):
 *   401 UNAUTHENTICATED before the operation runs — also where anonymous viewers are allowed;
 * - ANONYMOUS_ACCESS=viewer: reads answer, contact data and writes are FORBIDDEN (HTTP 200);
 * - VIEWER reads the network, not contact data, the history or feedback notes, and cannot write;
 *   EDITOR writes and reads those, but cannot delete, merge, undo, rebuild or manage keys; ADMIN can;
 * - keys: created once in plain, stored as SHA-256 only, refused at once when revoked;
 * - JWTs: HS256 only, issuer and audience checked, roles from the configured claim;
 * - the history records the principal as the writer; introspection is off in production.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import jwt from 'jsonwebtoken';
import { getMetadataStorage } from 'type-graphql';
import { buildViewer } from '../../../viewer/build';
import { batenbrock } from '../../../seed/batenbrock';
import { JwtVerifier, type JwtConfig } from '../../src/features/access/jwt';
import { loadConfig } from '../../src/platform/config';
import { getSchema } from '../../src/platform/graphql/schema';
import { createEmbeddedStore } from '../../src/store/embedded';
import type { NetworkStore } from '../../src/store/network-store';
import { exampleOperations as allExamples, examplesText } from '../support/examples';

// Queries and mutations: the sample subscriptions run over WebSocket (server/test/live/subscriptions.test.ts).
const exampleOperations = allExamples.filter((o) => o.kind !== 'subscription');
import { startHttpApi, type HttpApi } from '../support/http-api';

const SECRET = 'quartiernetz-test-secret-of-at-least-32-characters';
const ISSUER = 'https://id.quartier.example';
const AUDIENCE = 'quartiernetz';
const JWT: JwtConfig = { secret: SECRET, issuer: ISSUER, audience: AUDIENCE, roleClaim: 'role' };
const CONTACT = 'Gartenbüro, garten@bobbie-ev.example';

interface Answer {
  status: number;
  body: any;
  headers: Headers;
}

const codes = (a: Answer): unknown[] => (a.body.errors ?? []).map((e: any) => e.extensions?.code);

/** A token as an identity provider would issue it (HS256 with SECRET unless told otherwise; an option set to undefined is left out). */
function token(claims: Record<string, unknown>, options: jwt.SignOptions = {}, secret = SECRET): string {
  const merged = { algorithm: 'HS256', issuer: ISSUER, audience: AUDIENCE, expiresIn: '10m', ...options };
  return jwt.sign(
    claims,
    secret,
    Object.fromEntries(Object.entries(merged).filter(([, v]) => v !== undefined)) as jwt.SignOptions,
  );
}

describe('access control over HTTP', () => {
  let store: NetworkStore;
  let api: HttpApi;
  let viewerKey: string;
  let editorKey: string;

  /** POSTs one operation with this credential (null: none) and answers status, body and headers. */
  async function ask(
    credential: string | null,
    query: string,
    variables: Record<string, unknown> = {},
    headers: Record<string, string> = {},
    on: HttpApi = api,
    operationName?: string,
  ): Promise<Answer> {
    const body = { query, variables, operationName };
    const response =
      credential === null ? await on.postAnonymous(body, headers) : await on.postAs(credential, body, headers);
    return { status: response.status, body: await response.json(), headers: response.headers };
  }
  /** Data of an operation that must succeed. */
  async function data(
    credential: string,
    query: string,
    variables: Record<string, unknown> = {},
    headers: Record<string, string> = {},
  ): Promise<any> {
    const answer = await ask(credential, query, variables, headers);
    expect({ status: answer.status, errors: answer.body.errors }).toEqual({ status: 200, errors: undefined });
    return answer.body.data;
  }
  const forbidden = async (credential: string, query: string, variables: Record<string, unknown> = {}) => {
    const answer = await ask(credential, query, variables);
    expect({ status: answer.status, codes: codes(answer) }).toEqual({ status: 200, codes: ['FORBIDDEN'] });
    return answer;
  };
  /** What a write would change: the counts, the keys (but when they were last used), and the newest history record. */
  const state = async () => ({
    counts: await store.counts(),
    keys: (await store.listApiKeys()).map((k) => ({ ...k, lastUsedAt: undefined })),
    history: (await store.history('bobbie-ev', { first: 1 })).items,
  });

  beforeEach(async () => {
    store = await emptyStore();
    await store.mergeGraph(batenbrock);
    await store.updateActor('bobbie-ev', { contact: CONTACT });
    api = await startHttpApi(store, { config: { auth: { anonymousAccess: 'none', jwt: JWT } } });
    viewerKey = (await api.issueKey('Nachbarin', 'VIEWER')).key;
    editorKey = (await api.issueKey('Quartiersbüro', 'EDITOR')).key;
  });

  afterEach(async () => {
    await api.stop();
    await store.close();
  });

  describe('no credential', () => {
    test('every sample query and mutation answers 401 UNAUTHENTICATED (with WWW-Authenticate) and changes nothing', async () => {
      const before = await state();
      expect(exampleOperations.length).toBeGreaterThan(30);
      for (const operation of exampleOperations) {
        const answer = await ask(null, examplesText, operation.variables({}), {}, api, operation.name);
        expect({ name: operation.name, status: answer.status }).toEqual({ name: operation.name, status: 401 });
        expect(answer.headers.get('www-authenticate')).toMatch(/^Bearer/);
        expect(codes(answer).length).toBeGreaterThan(0);
        expect(new Set(codes(answer))).toEqual(new Set(['UNAUTHENTICATED']));
        // Only the code reaches the client: no stack trace, no Apollo-internal `http` extension.
        for (const error of answer.body.errors) expect(error.extensions).toEqual({ code: 'UNAUTHENTICATED' });
        expect(Object.values(answer.body.data ?? {}).every((v) => v === null)).toBe(true);
      }
      expect(await state()).toEqual(before);
    });

    test('every query and mutation of the schema requires a role: none is left open', async () => {
      await getSchema();
      const storage = getMetadataStorage();
      const open = [...storage.queries, ...storage.mutations]
        .filter((r) => !r.roles || r.roles.length !== 1)
        .map((r) => r.schemaName);
      expect(open).toEqual([]);
    });
  });

  describe('bad credentials are refused with 401, never treated as anonymous', () => {
    test.each([
      ['an unknown API key', { authorization: `Bearer qn_${'x'.repeat(43)}` }, /unknown API key/],
      ['another scheme', { authorization: 'Basic dXNlcjpwYXNz' }, /Bearer/],
      ['an empty bearer', { authorization: 'Bearer' }, /Bearer/],
      ['two words', { authorization: 'Bearer one two' }, /Bearer/],
      ['garbage as a token', { authorization: 'Bearer abc.def.ghi' }, /token is not accepted/],
    ])('%s', async (_label, headers, message) => {
      // On a server that lets anonymous viewers in: a bad credential still does not fall back to them.
      const anonymous = await startHttpApi(await emptyStore(), {
        config: { auth: { anonymousAccess: 'viewer', jwt: JWT } },
      });
      try {
        expect((await ask(null, '{ me { role via } }', {}, {}, anonymous)).body.data.me).toEqual({
          role: 'VIEWER',
          via: 'ANONYMOUS',
        });
        const answer = await ask(null, '{ me { role } actors { totalCount } }', {}, headers, anonymous);
        expect(answer.status).toBe(401);
        expect(answer.headers.get('www-authenticate')).toMatch(/^Bearer/);
        expect(answer.body.data).toBeUndefined();
        expect(codes(answer)).toEqual(['UNAUTHENTICATED']);
        expect(answer.body.errors[0].message).toMatch(message);
      } finally {
        await anonymous.stop();
      }
    });

    test('a token sent to a server without JWT_SECRET', async () => {
      const keysOnly = await startHttpApi(await emptyStore(), {
        config: { auth: { anonymousAccess: 'none', jwt: null } },
      });
      try {
        const answer = await ask(token({ sub: 'alice', role: 'admin' }), '{ me { role } }', {}, {}, keysOnly);
        expect({ status: answer.status, codes: codes(answer) }).toEqual({ status: 401, codes: ['UNAUTHENTICATED'] });
        expect(answer.body.errors[0].message).toMatch(/API keys only/);
      } finally {
        await keysOnly.stop();
      }
    });
  });

  test('ANONYMOUS_ACCESS=viewer: reads answer, contact data and writes are FORBIDDEN', async () => {
    const anonymous = await startHttpApi(store, {
      config: { auth: { anonymousAccess: 'viewer', jwt: null } },
      adminKeyName: 'second-admin',
    });
    try {
      const me = await ask(null, '{ me { name role via author } }', {}, {}, anonymous);
      expect(me.body).toEqual({
        data: { me: { name: 'anonymous', role: 'VIEWER', via: 'ANONYMOUS', author: 'anonymous' } },
      });
      const read = await ask(null, '{ actors { totalCount } network { nodes { id } } }', {}, {}, anonymous);
      expect(read.status).toBe(200);
      expect(read.body.data.actors.totalCount).toBe(batenbrock.actors.length);
      const contact = await ask(null, '{ actor(id: "bobbie-ev") { name contact } }', {}, {}, anonymous);
      expect(contact.status).toBe(200);
      expect(contact.body.data).toEqual({ actor: { name: 'Bobbie e.V.', contact: null } });
      expect(contact.body.errors).toEqual([
        expect.objectContaining({ path: ['actor', 'contact'], extensions: { code: 'FORBIDDEN' } }),
      ]);
      const before = await state();
      const write = await ask(
        null,
        'mutation { createActor(input: { name: "Tafel", kind: INITIATIVE }) { id } }',
        {},
        {},
        anonymous,
      );
      expect({ status: write.status, codes: codes(write), data: write.body.data }).toEqual({
        status: 200,
        codes: ['FORBIDDEN'],
        data: null,
      });
      expect(await state()).toEqual(before);
    } finally {
      await anonymous.stop();
    }
  });

  test('VIEWER: every sample query but the history, keys, personal data, the feedback summary and update links answers; no contact, history, feedback or keys; every sample mutation is FORBIDDEN and changes nothing', async () => {
    const before = await state();
    for (const operation of exampleOperations) {
      const answer = await ask(viewerKey, examplesText, operation.variables({}), {}, api, operation.name);
      const refused =
        operation.kind === 'mutation' ||
        ['History', 'ApiKeys', 'PersonalData', 'FeedbackSummary', 'UpdateProposals', 'UpdateLinks'].includes(
          operation.name,
        );
      expect({ name: operation.name, status: answer.status, codes: codes(answer) }).toEqual({
        name: operation.name,
        status: 200,
        codes: refused ? ['FORBIDDEN'] : [],
      });
    }
    expect(await state()).toEqual(before);

    const contact = await ask(
      viewerKey,
      '{ actor(id: "bobbie-ev") { id contact } actors(filter: { nameContains: "bobbie" }) { nodes { id contact } } }',
    );
    expect(contact.body.data).toEqual({
      actor: { id: 'bobbie-ev', contact: null },
      actors: { nodes: [{ id: 'bobbie-ev', contact: null }] },
    });
    expect(contact.body.errors.map((e: any) => [e.path.join('.'), e.extensions.code]).sort()).toEqual([
      ['actor.contact', 'FORBIDDEN'],
      ['actors.nodes.0.contact', 'FORBIDDEN'],
    ]);
    expect(contact.body.errors[0].message).toMatch(/Actor\.contact needs the role EDITOR; "Nachbarin" has VIEWER/);
    await forbidden(viewerKey, '{ actor(id: "bobbie-ev") { suggestionFeedback { note author } } }');
    await forbidden(viewerKey, '{ history(entityId: "bobbie-ev") { nodes { changes { field before after } } } }');

    // The shared e-mail of two actors comes from their contact: the same rule — for the address, and
    // for the reason SAME_EMAIL, which would tell a viewer that two people share one.
    await data(
      api.adminKey,
      'mutation { createActor(input: { id: "garten-2", name: "Gartengruppe", kind: GROUP, contact: "GARTEN@bobbie-ev.example" }) { id } }',
    );
    const alone = await ask(viewerKey, '{ duplicateCandidates { totalCount candidates { reasons email actorIds } } }');
    expect({ status: alone.status, errors: alone.body.errors, data: alone.body.data }).toEqual({
      status: 200,
      errors: undefined,
      data: { duplicateCandidates: { totalCount: 0, candidates: [] } },
    });
    await data(
      api.adminKey,
      'mutation { createActor(input: { id: "bobbie-2", name: "Bobbie e. V.", kind: ASSOCIATION, contact: "garten@bobbie-ev.example" }) { id } }',
    );
    const duplicates = await ask(
      viewerKey,
      '{ duplicateCandidates { totalCount candidates { reasons email actorIds } } }',
    );
    expect(duplicates.body.data.duplicateCandidates).toEqual({
      totalCount: 1,
      candidates: [{ reasons: ['SIMILAR_NAME'], email: null, actorIds: ['bobbie-2', 'bobbie-ev'] }],
    });
    expect(codes(duplicates)).toEqual(['FORBIDDEN']);
    const asEditor = await data(
      editorKey,
      '{ duplicateCandidates { totalCount candidates { reasons email actorIds } } }',
    );
    expect(asEditor.duplicateCandidates.totalCount).toBe(3);
    expect(asEditor.duplicateCandidates.candidates).toContainEqual({
      reasons: ['SAME_EMAIL'],
      email: 'garten@bobbie-ev.example',
      actorIds: ['bobbie-ev', 'garten-2'],
    });
    expect(asEditor.duplicateCandidates.candidates).toContainEqual({
      reasons: ['SIMILAR_NAME', 'SAME_EMAIL'],
      email: 'garten@bobbie-ev.example',
      actorIds: ['bobbie-2', 'bobbie-ev'],
    });
  });

  test('EDITOR: writes, reads contact, the history and feedback; the history names key:<name>, whatever X-Quartiernetz-User says', async () => {
    const created = await data(
      editorKey,
      'mutation { createActor(input: { id: "tafel", name: "Tafel Batenbrock", kind: INITIATIVE, contact: "tafel@example.org" }) { id contact } }',
      {},
      { 'x-quartiernetz-user': 'mallory' },
    );
    expect(created.createActor).toEqual({ id: 'tafel', contact: 'tafel@example.org' });
    await data(editorKey, 'mutation { updateActor(id: "bobbie-ev", input: { description: "Garten" }) { id } }');
    await data(
      editorKey,
      'mutation { setActorInterests(actorId: "tafel", interests: [{ topicId: "nachbarschaft" }]) { id } }',
    );
    await data(editorKey, 'mutation { createTopic(input: { name: "Lebensmittel" }) { id } }');
    await data(editorKey, 'mutation { updateTopic(id: "lebensmittel", input: { aliases: ["Essen"] }) { id } }');
    await data(
      editorKey,
      'mutation { createCollaboration(input: { id: "ausgabe", title: "Ausgabe", kind: EVENT, participants: [{ actorId: "tafel", role: ORGANISER }] }) { id } }',
    );
    await data(editorKey, 'mutation { updateCollaboration(id: "ausgabe", input: { location: "Bürgerhaus" }) { id } }');
    await data(editorKey, 'mutation { addParticipant(collaborationId: "ausgabe", actorId: "bobbie-ev") { id } }');
    await data(editorKey, 'mutation { removeParticipant(collaborationId: "ausgabe", actorId: "bobbie-ev") { id } }');
    await data(
      editorKey,
      'mutation { giveSuggestionFeedback(actorId: "bobbie-ev", suggestedId: "tafel", verdict: INTRODUCED, note: "passt") { verdict } }',
    );

    const read = await data(
      editorKey,
      `{ actor(id: "bobbie-ev") { contact suggestionFeedback { note author } }
      history(entityId: "tafel", first: 5) { nodes { author operation changes { field after } } } }`,
    );
    expect(read.actor).toEqual({
      contact: CONTACT,
      suggestionFeedback: [{ note: 'passt', author: 'key:Quartiersbüro' }],
    });
    expect(read.history.nodes.map((n: any) => n.operation)).toEqual(['SET_INTERESTS', 'CREATE']);
    expect(new Set(read.history.nodes.map((n: any) => n.author))).toEqual(new Set(['key:Quartiersbüro']));
    expect(read.history.nodes.at(-1).changes).toContainEqual({ field: 'contact', after: '"tafel@example.org"' });
  });

  test("EDITOR: deletes, merges, undoing someone else's change, rebuilding the projection and key management are FORBIDDEN and change nothing", async () => {
    await data(editorKey, 'mutation { updateActor(id: "bobbie-ev", input: { description: "eins" }) { id } }');
    // The last change of bobbie-ev is now the admin's: the editor may not undo it.
    await data(api.adminKey, 'mutation { updateActor(id: "bobbie-ev", input: { description: "zwei" }) { id } }');
    const before = await state();
    for (const operation of [
      'mutation { deleteActor(id: "bobbie-ev") }',
      'mutation { deleteTopic(id: "umwelt") }',
      'mutation { deleteCollaboration(id: "stadtteilkonferenz-2021") }',
      'mutation { mergeActors(keepId: "bobbie-ev", mergeIds: ["stadt-bottrop"]) { id } }',
      'mutation { undoLastChange(actorId: "bobbie-ev") { actor { id } } }',
      'mutation { rebuildProjection { version } }',
      'mutation { createApiKey(input: { name: "heimlich", role: ADMIN }) { key } }',
      `mutation { revokeApiKey(id: "${before.keys[0]!.id}") { id } }`,
      '{ apiKeys { id } }',
    ]) {
      await forbidden(editorKey, operation);
    }
    expect(await state()).toEqual(before);
  });

  test('EDITOR: undoes its own last change of an actor', async () => {
    const { actor } = await data(editorKey, '{ actor(id: "bobbie-ev") { description } }');
    await data(editorKey, 'mutation { updateActor(id: "bobbie-ev", input: { description: "vertippt" }) { id } }');
    const undone = await data(
      editorKey,
      'mutation { undoLastChange(actorId: "bobbie-ev") { actor { description } undone { author operation } } }',
    );
    expect(undone.undoLastChange).toEqual({
      actor: { description: actor.description },
      undone: { author: 'key:Quartiersbüro', operation: 'UPDATE' },
    });
  });

  test('ADMIN: deletes, merges, undoes, rebuilds; creates a key (shown once), which works at once and is refused once revoked', async () => {
    await data(editorKey, 'mutation { updateActor(id: "bobbie-ev", input: { description: "eins" }) { id } }');
    await data(api.adminKey, 'mutation { undoLastChange(actorId: "bobbie-ev") { actor { id } } }');
    await data(api.adminKey, 'mutation { rebuildProjection { version } }');
    await data(
      api.adminKey,
      'mutation { mergeActors(keepId: "bobbie-ev", mergeIds: ["repair-cafe-batenbrock"]) { id } }',
    );
    await data(api.adminKey, 'mutation { deleteTopic(id: "umwelt") }');
    await data(api.adminKey, 'mutation { deleteCollaboration(id: "stadtteilkonferenz-2021") }');
    expect(await data(api.adminKey, 'mutation { deleteActor(id: "stadt-bottrop") }')).toEqual({
      deleteActor: 'stadt-bottrop',
    });
    const history = await data(
      api.adminKey,
      '{ history(entityId: "stadt-bottrop", first: 1) { nodes { operation author } } }',
    );
    expect(history.history.nodes).toEqual([{ operation: 'DELETE', author: 'key:test-admin' }]);

    const created = (
      await data(
        api.adminKey,
        'mutation { createApiKey(input: { name: "  Jugendamt ", role: EDITOR }) { key apiKey { id name role revokedAt lastUsedAt } } }',
      )
    ).createApiKey;
    expect(created.key).toMatch(/^qn_[A-Za-z0-9_-]{43}$/);
    expect(created.apiKey).toEqual({
      id: expect.any(String),
      name: 'Jugendamt',
      role: 'EDITOR',
      revokedAt: null,
      lastUsedAt: null,
    });
    const listed = await ask(api.adminKey, '{ apiKeys { id name role revokedAt lastUsedAt } }');
    expect(JSON.stringify(listed.body)).not.toContain(created.key.slice(3));
    expect(listed.body.data.apiKeys.map((k: any) => `${k.name}:${k.role}`).sort()).toEqual([
      'Jugendamt:EDITOR',
      'Nachbarin:VIEWER',
      'Quartiersbüro:EDITOR',
      'test-admin:ADMIN',
    ]);

    expect((await data(created.key, '{ me { name role via author } }')).me).toEqual({
      name: 'Jugendamt',
      role: 'EDITOR',
      via: 'API_KEY',
      author: 'key:Jugendamt',
    });
    const used = (await data(api.adminKey, '{ apiKeys { id lastUsedAt } }')).apiKeys.find(
      (k: any) => k.id === created.apiKey.id,
    );
    expect(Date.parse(used.lastUsedAt)).toBeGreaterThan(Date.now() - 60_000);

    const revoked = await data(api.adminKey, 'mutation R($id: ID!) { revokeApiKey(id: $id) { id revokedAt } }', {
      id: created.apiKey.id,
    });
    expect(revoked.revokeApiKey.revokedAt).toEqual(expect.any(String));
    const refused = await ask(created.key, '{ me { name } }');
    expect({ status: refused.status, codes: codes(refused) }).toEqual({ status: 401, codes: ['UNAUTHENTICATED'] });
    expect(refused.body.errors[0].message).toMatch(/revoked/);

    const unknown = await ask(api.adminKey, 'mutation { revokeApiKey(id: "no-such-key") { id } }');
    expect(unknown.body.errors.map((e: any) => [e.extensions.code, e.extensions.field])).toEqual([['NOT_FOUND', 'id']]);
    const taken = await ask(
      api.adminKey,
      'mutation { createApiKey(input: { name: "Quartiersbüro", role: VIEWER }) { key } }',
    );
    expect(taken.body.errors.map((e: any) => [e.extensions.code, e.extensions.field])).toEqual([['CONFLICT', 'name']]);
    const empty = await ask(api.adminKey, 'mutation { createApiKey(input: { name: "", role: VIEWER }) { key } }');
    expect(empty.body.errors.map((e: any) => [e.extensions.code, e.extensions.field])).toEqual([
      ['BAD_USER_INPUT', 'name'],
    ]);
    expect((await store.listApiKeys()).length).toBe(4);
  });

  test('API keys are stored as SHA-256 hashes: the plain key is nowhere in the database files', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'quartiernetz-keys-'));
    const fileStore = createEmbeddedStore({ filename: join(dir, 'quartiernetz.sqlite') });
    await fileStore.init();
    const server = await startHttpApi(fileStore);
    try {
      const response = await server.post({
        query: 'mutation { createApiKey(input: { name: "Jugendamt", role: EDITOR }) { key } }',
      });
      const { key } = (await response.json()).data.createApiKey;
      expect((await server.postAs(key, { query: '{ me { role } }' })).status).toBe(200);
      const bytes = Buffer.concat(readdirSync(dir).map((f) => readFileSync(join(dir, f))));
      for (const plain of [key, server.adminKey]) {
        expect(bytes.includes(plain)).toBe(false);
        expect(bytes.includes(plain.slice(3, 30))).toBe(false);
        expect(bytes.includes(createHash('sha256').update(plain).digest('hex'))).toBe(true);
      }
    } finally {
      await server.stop();
      await fileStore.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  describe('JWTs', () => {
    test('roles from the claim are honoured (small letters or capitals; a list counts its highest); the writer is jwt:<sub>', async () => {
      const viewer = token({ sub: 'nachbar@example.org', role: 'viewer' });
      expect((await data(viewer, '{ me { name role via author } }')).me).toEqual({
        name: 'nachbar@example.org',
        role: 'VIEWER',
        via: 'JWT',
        author: 'jwt:nachbar@example.org',
      });
      expect((await data(viewer, '{ actors { totalCount } }')).actors.totalCount).toBe(batenbrock.actors.length);
      await forbidden(viewer, 'mutation { createActor(input: { name: "Tafel", kind: INITIATIVE }) { id } }');
      await forbidden(viewer, '{ actor(id: "bobbie-ev") { contact } }');

      const editor = token({ sub: 'alice@example.org', role: 'EDITOR' });
      await data(editor, 'mutation { updateActor(id: "bobbie-ev", input: { description: "Garten" }) { id } }');
      expect((await data(editor, '{ actor(id: "bobbie-ev") { contact } }')).actor.contact).toBe(CONTACT);
      const history = await data(editor, '{ history(entityId: "bobbie-ev", first: 1) { nodes { author } } }');
      expect(history.history.nodes).toEqual([{ author: 'jwt:alice@example.org' }]);
      await forbidden(editor, 'mutation { deleteActor(id: "bobbie-ev") }');

      const admin = token({ sub: 'it@example.org', role: ['viewer', 'admin', 'unknown'] });
      expect(await data(admin, 'mutation { deleteActor(id: "bobbie-ev") }')).toEqual({ deleteActor: 'bobbie-ev' });
    });

    test.each([
      [
        'signed with another secret',
        () => token({ sub: 'a', role: 'admin' }, {}, 'another-secret-of-at-least-32-characters!'),
        /signature/,
      ],
      [
        'expired',
        () => token({ sub: 'a', role: 'admin', exp: Math.floor(Date.now() / 1000) - 3600 }, { expiresIn: undefined }),
        /expired/,
      ],
      ['not valid yet', () => token({ sub: 'a', role: 'admin' }, { notBefore: '1h' }), /not valid yet/],
      ['from another issuer', () => token({ sub: 'a', role: 'admin' }, { issuer: 'https://evil.example' }), /issuer/],
      ['without an issuer', () => token({ sub: 'a', role: 'admin' }, { issuer: undefined }), /issuer/],
      ['for another audience', () => token({ sub: 'a', role: 'admin' }, { audience: 'other-service' }), /audience/],
      [
        'HS512 instead of the pinned HS256',
        () => token({ sub: 'a', role: 'admin' }, { algorithm: 'HS512' }),
        /algorithm/,
      ],
      [
        'unsigned (alg "none")',
        () => unsigned({ sub: 'a', role: 'admin', iss: ISSUER, aud: AUDIENCE }),
        /not accepted/,
      ],
      ['without a role', () => token({ sub: 'a' }), /"role" claim names no role/],
      ['with an unknown role', () => token({ sub: 'a', role: 'owner' }), /"role" claim names no role/],
      ['without a subject', () => token({ role: 'admin' }), /no subject/],
      // Roles are compared exactly: toUpperCase() made "admın" (dotless ı) ADMIN.
      ['with the role "admın" (dotless ı)', () => token({ sub: 'a', role: 'admın' }), /"role" claim names no role/],
      ['with the role "ADMİN" (dotted İ)', () => token({ sub: 'a', role: 'ADMİN' }), /"role" claim names no role/],
      ['with the role list ["admın"]', () => token({ sub: 'a', role: ['admın'] }), /"role" claim names no role/],
      [
        'with the role "Admin" (neither small letters nor capitals)',
        () => token({ sub: 'a', role: 'Admin' }),
        /"role" claim names no role/,
      ],
      ['with the role " admin" (white space)', () => token({ sub: 'a', role: ' admin' }), /"role" claim names no role/],
      [
        'whose subject holds a newline',
        () => token({ sub: 'alice\nADMIN', role: 'admin' }),
        /subject holds a control character/,
      ],
      [
        'whose subject holds an ANSI escape',
        () => token({ sub: 'alice\u001b[2J', role: 'admin' }),
        /subject holds a control character/,
      ],
      [
        'whose subject holds a zero-width space',
        () => token({ sub: 'alice\u200b', role: 'admin' }),
        /subject holds an invisible character/,
      ],
      [
        'whose subject holds a bidi override',
        () => token({ sub: 'alice\u202egro.elpmaxe', role: 'admin' }),
        /subject holds a bidirectional control/,
      ],
      ['whose subject ends with white space', () => token({ sub: 'alice ', role: 'admin' }), /white space/],
      [
        'whose subject is 201 characters long',
        () => token({ sub: 'a'.repeat(201), role: 'admin' }),
        /longer than 200 characters/,
      ],
      [
        'without exp and without iat',
        () => token({ sub: 'a', role: 'admin' }, { expiresIn: undefined, noTimestamp: true }),
        /neither an expiry \(exp\) nor an issue time/,
      ],
      [
        'without exp, issued more than JWT_MAX_AGE_SECONDS (a day) ago',
        () =>
          token(
            { sub: 'a', role: 'admin', iat: Math.floor(Date.now() / 1000) - 86_400 - 60 },
            { expiresIn: undefined },
          ),
        /expired/,
      ],
      [
        'without exp, issued in the future',
        () => token({ sub: 'a', role: 'admin', iat: Math.floor(Date.now() / 1000) + 3600 }, { expiresIn: undefined }),
        /issued in the future/,
      ],
    ])('a token %s is refused with 401', async (_label, make, message) => {
      const before = await state();
      const answer = await ask(make(), 'mutation { deleteActor(id: "bobbie-ev") }');
      expect({ status: answer.status, codes: codes(answer), data: answer.body.data }).toEqual({
        status: 401,
        codes: ['UNAUTHENTICATED'],
        data: undefined,
      });
      expect(answer.body.errors[0].message).toMatch(message);
      expect(await state()).toEqual(before);
    });

    test('a token without exp is accepted within JWT_MAX_AGE_SECONDS of its iat; with JWT_MAX_AGE_SECONDS=0 never', async () => {
      const fresh = token(
        { sub: 'a', role: 'viewer', iat: Math.floor(Date.now() / 1000) - 3600 },
        { expiresIn: undefined },
      );
      expect(jwt.decode(fresh)).not.toHaveProperty('exp');
      expect((await data(fresh, '{ me { role } }')).me).toEqual({ role: 'VIEWER' });
      expect(() => new JwtVerifier({ ...JWT, maxAgeSeconds: 0 }).verify(fresh)).toThrow(
        'the token has no expiry (exp)',
      );
      expect(new JwtVerifier({ ...JWT, maxAgeSeconds: 7200 }).verify(fresh)).toMatchObject({ id: 'a', role: 'VIEWER' });
      expect(() => new JwtVerifier({ ...JWT, maxAgeSeconds: 1800 }).verify(fresh)).toThrow(/expired/);
    });

    test('JWT_ROLE_CLAIM names the claim that holds the role', async () => {
      const groups = await startHttpApi(await emptyStore(), {
        config: {
          auth: { anonymousAccess: 'none', jwt: { secret: SECRET, issuer: null, audience: null, roleClaim: 'groups' } },
        },
      });
      try {
        const sign = (claims: Record<string, unknown>) =>
          jwt.sign(claims, SECRET, { algorithm: 'HS256', expiresIn: '10m' });
        expect(
          (await ask(sign({ sub: 'b', groups: ['editor'] }), '{ me { role } }', {}, {}, groups)).body.data.me,
        ).toEqual({ role: 'EDITOR' });
        const wrongClaim = await ask(sign({ sub: 'b', role: 'admin' }), '{ me { role } }', {}, {}, groups);
        expect({ status: wrongClaim.status, codes: codes(wrongClaim) }).toEqual({
          status: 401,
          codes: ['UNAUTHENTICATED'],
        });
      } finally {
        await groups.stop();
      }
    });
  });

  describe('introspection and the query IDE', () => {
    test('off with the production configuration (NODE_ENV=production), even for an admin', async () => {
      const config = loadConfig({ NODE_ENV: 'production' });
      expect(config.introspection).toBe(false);
      const production = await startHttpApi(await emptyStore(), {
        config: { introspection: config.introspection, production: config.production },
      });
      try {
        const answer = await ask(production.adminKey, '{ __schema { queryType { name } } }', {}, {}, production);
        expect(codes(answer)).toEqual(['GRAPHQL_VALIDATION_FAILED']);
        const page = await fetch(`${production.base}/graphql`, { headers: { accept: 'text/html' } });
        expect(page.status).toBe(404);
        expect(await page.text()).toContain('query IDE is switched off');
        expect((await fetch(`${production.base}/graphiql/graphiql.js`)).status).toBe(404);
      } finally {
        await production.stop();
      }
    });

    test('on in development: the schema can be explored, the bundled query IDE is served', async () => {
      await buildViewer();
      const config = loadConfig({ NODE_ENV: 'development' });
      expect(config.introspection).toBe(true);
      const development = await startHttpApi(await emptyStore(), {
        config: { introspection: config.introspection, production: config.production },
      });
      try {
        const answer = await ask(development.adminKey, '{ __schema { queryType { name } } }', {}, {}, development);
        expect(answer.body).toEqual({ data: { __schema: { queryType: { name: 'Query' } } } });
        const page = await (await fetch(`${development.base}/graphql`, { headers: { accept: 'text/html' } })).text();
        expect(page).toContain('src="graphiql/graphiql.js"');
        expect(page).not.toMatch(/https?:\/\//); // nothing from the internet (the browser test counts requests)
      } finally {
        await development.stop();
      }
    });
  });

  test('CSRF prevention stays on for requests with a key', async () => {
    const response = await fetch(`${api.base}/graphql?query=${encodeURIComponent('{ me { role } }')}`, {
      headers: { authorization: `Bearer ${api.adminKey}` },
    });
    expect(response.status).toBe(400);
    expect(await response.text()).toMatch(/CSRF/i);
  });

  test('the README (docs/access.md) lists the role of every query and mutation as the code requires it', async () => {
    await getSchema();
    const storage = getMetadataStorage();
    const required = Object.fromEntries(
      [...storage.queries, ...storage.mutations].map((r) => [r.schemaName, r.roles?.[0]]),
    );
    const readme = readFileSync(join(__dirname, '..', '..', '..', 'docs', 'access.md'), 'utf8');
    expect(readme).toContain('## Roles by operation');
    const section = readme.slice(readme.indexOf('## Roles by operation'));
    const table = section.slice(0, section.indexOf('\n\n', section.indexOf('| operation')));
    const documented: Record<string, string> = {};
    for (const row of table.split('\n').filter((l) => /^\| `/.test(l))) {
      const role = /\| (VIEWER|EDITOR|ADMIN)\b/.exec(row)?.[1];
      for (const [, name] of row.split('|')[1]!.matchAll(/`(\w+)`/g)) documented[name!] = role!;
    }
    expect(documented).toEqual(required);
  });
});

/** An initialised in-memory store (closed with the server's store at the end of the process). */
async function emptyStore(): Promise<NetworkStore> {
  const store = createEmbeddedStore({ filename: ':memory:' });
  await store.init();
  return store;
}

/** An unsigned token (alg "none"), as an attacker would send it. */
function unsigned(claims: Record<string, unknown>): string {
  const part = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${part({ alg: 'none', typ: 'JWT' })}.${part({ ...claims, exp: Math.floor(Date.now() / 1000) + 600 })}.`;
}
