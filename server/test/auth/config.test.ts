/** The access part of the configuration: what loadConfig accepts, its defaults, and what it refuses with a clear message. */
import { loadConfig } from '../../src/platform/config';

const KEY = `qn_${'a'.repeat(43)}`;
const SECRET = 's'.repeat(32);

describe('configuration of access', () => {
  test('defaults: no anonymous access, no JWTs, no bootstrap key; introspection on in development, off in production', () => {
    const config = loadConfig({});
    expect(config.auth).toEqual({ anonymousAccess: 'none', jwt: null });
    expect(config.adminApiKey).toBeNull();
    expect(config.introspection).toBe(true);
    expect(loadConfig({ NODE_ENV: 'production' }).introspection).toBe(false);
    expect(loadConfig({ NODE_ENV: 'production', GRAPHQL_INTROSPECTION: 'on' }).introspection).toBe(true);
  });

  test('ANONYMOUS_ACCESS: none or viewer, any case', () => {
    expect(loadConfig({ ANONYMOUS_ACCESS: 'Viewer' }).auth.anonymousAccess).toBe('viewer');
    expect(loadConfig({ ANONYMOUS_ACCESS: 'none' }).auth.anonymousAccess).toBe('none');
    expect(() => loadConfig({ ANONYMOUS_ACCESS: 'editor' })).toThrow(
      'ANONYMOUS_ACCESS must be "none" or "viewer", not "editor"',
    );
  });

  test('JWT_SECRET with issuer, audience, role claim and maximum age; role claim defaults to "role", maximum age to a day', () => {
    expect(loadConfig({ JWT_SECRET: SECRET }).auth.jwt).toEqual({
      secret: SECRET,
      issuer: null,
      audience: null,
      roleClaim: 'role',
      maxAgeSeconds: 86400,
    });
    expect(
      loadConfig({
        JWT_SECRET: SECRET,
        JWT_ISSUER: 'https://id.example',
        JWT_AUDIENCE: 'qn',
        JWT_ROLE_CLAIM: 'groups',
        JWT_MAX_AGE_SECONDS: '0',
      }).auth.jwt,
    ).toEqual({
      secret: SECRET,
      issuer: 'https://id.example',
      audience: 'qn',
      roleClaim: 'groups',
      maxAgeSeconds: 0,
    });
  });

  test('refused: a short JWT_SECRET, JWT settings without a secret', () => {
    expect(() => loadConfig({ JWT_SECRET: 'short' })).toThrow('JWT_SECRET must be at least 32 characters long');
    expect(() => loadConfig({ JWT_ISSUER: 'https://id.example' })).toThrow('JWT_ISSUER is set but JWT_SECRET is not');
    expect(() => loadConfig({ JWT_ROLE_CLAIM: 'groups' })).toThrow('JWT_ROLE_CLAIM is set but JWT_SECRET is not');
    expect(() => loadConfig({ JWT_MAX_AGE_SECONDS: '60' })).toThrow('JWT_MAX_AGE_SECONDS is set but JWT_SECRET is not');
    expect(() => loadConfig({ JWT_SECRET: SECRET, JWT_MAX_AGE_SECONDS: 'a day' })).toThrow(/JWT_MAX_AGE_SECONDS/);
  });

  test('FIT_READY_WAIT_SECONDS: readiness waits at most 10 s for the fit by default; a number of seconds else', () => {
    expect(loadConfig({}).fitReadyWaitSeconds).toBe(10);
    expect(loadConfig({ FIT_READY_WAIT_SECONDS: '120' }).fitReadyWaitSeconds).toBe(120);
    expect(() => loadConfig({ FIT_READY_WAIT_SECONDS: 'soon' })).toThrow(
      /FIT_READY_WAIT_SECONDS must be a number of seconds/,
    );
  });

  test('ADMIN_API_KEY must look like a key with enough randomness', () => {
    expect(loadConfig({ ADMIN_API_KEY: KEY }).adminApiKey).toBe(KEY);
    for (const bad of ['secret', `qn_${'a'.repeat(31)}`, `xx_${'a'.repeat(43)}`, `qn_${'a'.repeat(40)}!!!`]) {
      expect(() => loadConfig({ ADMIN_API_KEY: bad })).toThrow(/ADMIN_API_KEY must be "qn_" followed by at least 32/);
    }
  });
});
