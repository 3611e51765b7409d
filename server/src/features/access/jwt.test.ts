/**
 * A verified token is kept by its text and accepted again without verifying its signature anew,
 * but only inside its time window: once it expires (its `exp`, or JWT_MAX_AGE_SECONDS after `iat`)
 * or before its `nbf`, it is refused as if it had never been seen.
 */
import jwt from 'jsonwebtoken';
import { JwtVerifier } from './jwt';

const SECRET = 's'.repeat(32);
const config = { secret: SECRET, issuer: null, audience: null, roleClaim: 'role', maxAgeSeconds: 60 };
const T0 = Date.UTC(2026, 11, 7, 10, 0, 0);
const sign = (claims: object) => jwt.sign({ sub: 'alice', role: 'editor', ...claims }, SECRET, { algorithm: 'HS256' });

describe('JwtVerifier keeps verified tokens only inside their window', () => {
  beforeEach(() => jest.useFakeTimers({ now: T0 }));
  afterEach(() => {
    jest.useRealTimers();
    jest.restoreAllMocks();
  });

  test('the same token twice: its signature is verified once', () => {
    const verifier = new JwtVerifier(config);
    const token = sign({ exp: T0 / 1000 + 600 });
    const verify = jest.spyOn(jwt, 'verify');
    expect(verifier.verify(token)).toEqual({ id: 'alice', name: 'alice', role: 'EDITOR', via: 'jwt' });
    expect(verifier.verify(token).role).toBe('EDITOR');
    expect(verify).toHaveBeenCalledTimes(1);
  });

  test('after its exp (and the 5 s of clock tolerance) a kept token is refused', () => {
    const verifier = new JwtVerifier(config);
    const token = sign({ exp: T0 / 1000 + 10 });
    verifier.verify(token);
    jest.setSystemTime(T0 + 14_000);
    expect(verifier.verify(token).id).toBe('alice');
    jest.setSystemTime(T0 + 16_000);
    expect(() => verifier.verify(token)).toThrow('the token has expired');
  });

  test('a token without exp: refused once JWT_MAX_AGE_SECONDS after its iat have passed', () => {
    const verifier = new JwtVerifier(config);
    const token = sign({ iat: T0 / 1000 });
    verifier.verify(token);
    jest.setSystemTime(T0 + 64_000);
    expect(verifier.verify(token).id).toBe('alice');
    jest.setSystemTime(T0 + 66_000);
    expect(() => verifier.verify(token)).toThrow(/expired/);
  });

  test('before its nbf (a clock set back) a kept token is refused', () => {
    const verifier = new JwtVerifier(config);
    const token = sign({ nbf: T0 / 1000, exp: T0 / 1000 + 600 });
    verifier.verify(token);
    jest.setSystemTime(T0 - 10_000);
    expect(() => verifier.verify(token)).toThrow('the token is not valid yet');
  });

  test('a bad token is never kept: refused every time', () => {
    const verifier = new JwtVerifier(config);
    const forged = jwt.sign({ sub: 'alice', role: 'admin', exp: T0 / 1000 + 600 }, 'x'.repeat(32), {
      algorithm: 'HS256',
    });
    expect(() => verifier.verify(forged)).toThrow(/not accepted/);
    expect(() => verifier.verify(forged)).toThrow(/not accepted/);
  });
});
