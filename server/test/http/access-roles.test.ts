/**
 * Access control over real HTTP (docs/access.md), the roles: every rule through the wire, on the
 * embedded store with the Batenbrock seed — a fresh server per test (access-setup.ts).
 *
 * - no credential: every query and mutation answers HTTP 401, code UNAUTHENTICATED, and changes nothing;
 * - ANONYMOUS_ACCESS=viewer: reads answer, contact data and writes are FORBIDDEN (HTTP 200);
 * - VIEWER reads the network, not contact data, the history or feedback notes, and cannot write;
 *   EDITOR writes and reads those, but cannot delete, merge, undo, rebuild or manage keys; ADMIN can;
 * - the history records the principal as the writer; docs/access.md lists every role as the code requires it.
 * Credentials, introspection and CSRF: access-credentials.test.ts.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { getMetadataStorage } from 'type-graphql';
import { batenbrock } from '../../../seed/batenbrock';
import { getSchema } from '../../src/platform/graphql/schema';
import type { NetworkStore } from '../../src/store/network-store';
import { examplesText } from '../support/examples';
import { startHttpApi, type HttpApi } from '../support/http-api';
import { CONTACT, codes, exampleOperations, useAccessServer } from './access-setup';

describe('access control over HTTP', () => {
  let store: NetworkStore;
  let api: HttpApi;
  let viewerKey: string;
  let editorKey: string;
  const { ask, data, forbidden, state } = useAccessServer((server) => ({ store, api, viewerKey, editorKey } = server));

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
