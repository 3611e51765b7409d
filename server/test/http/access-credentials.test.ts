/**
 * Access control over real HTTP (docs/access.md), the credentials: every rule through the wire, on
 * the embedded store with the Batenbrock seed — a fresh server per test (access-setup.ts).
 *
 * - a present but bad credential (unknown, revoked, malformed key; bad, expired, foreign token):
 *   401 UNAUTHENTICATED before the operation runs — also where anonymous viewers are allowed;
 * - keys: stored as SHA-256 only;
 * - JWTs: HS256 only, issuer and audience checked, roles from the configured claim;
 * - introspection is off in production; CSRF prevention stays on for requests with a key.
 * The roles: access-roles.test.ts.
 */
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import jwt from 'jsonwebtoken';
import { buildViewer } from '../../../viewer/build';
import { batenbrock } from '../../../seed/batenbrock';
import { JwtVerifier } from '../../src/features/access/jwt';
import { loadConfig } from '../../src/platform/config';
import { createEmbeddedStore } from '../../src/store/embedded';
import { startHttpApi, type HttpApi } from '../support/http-api';
import {
  SECRET,
  ISSUER,
  AUDIENCE,
  JWT,
  CONTACT,
  codes,
  token,
  emptyStore,
  unsigned,
  useAccessServer,
} from './access-setup';

describe('access control over HTTP', () => {
  let api: HttpApi;
  const { ask, data, forbidden, state } = useAccessServer((server) => ({ api } = server));

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
});
