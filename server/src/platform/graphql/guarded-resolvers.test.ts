/**
 * The guard's wrapper never throws synchronously: graphql-js stops completing a list at an item
 * whose field throws and leaves the promises of the items before it without a handler, so a
 * refused request's fields ended as unhandled rejections (seen in a loaded full test run: 99 of
 * them from one request past its wall time). Refused, the wrapper answers a rejected promise.
 */
import { GraphQLList, GraphQLNonNull, GraphQLString, type GraphQLResolveInfo } from 'graphql';
import { guarded } from './guarded-resolvers';
import { RequestGuard, guardError } from './request-guard';

const info = (returnType: GraphQLResolveInfo['returnType']) =>
  ({
    returnType,
    path: { prev: undefined, key: 'name', typename: 'Actor' },
    fieldNodes: [],
  }) as unknown as GraphQLResolveInfo;

describe('guarded resolvers', () => {
  test('a refused request: a non-null field answers a rejected promise with the refusal, never a throw', async () => {
    const guard = new RequestGuard({ maxMillis: 60_000 });
    const refusal = guardError('time', 100, 'too long');
    guard.refuse(refusal);
    let called = false;
    const resolve = guarded(() => {
      called = true;
      return 'x';
    });
    let answer: unknown;
    expect(() => (answer = resolve({}, {}, { guard }, info(new GraphQLNonNull(GraphQLString))))).not.toThrow();
    await expect(answer).rejects.toBe(refusal);
    expect(called).toBe(false);
    guard.finish();
  });

  test('a refused request: nullable fields and lists answer nothing, at once and without the resolver', () => {
    const guard = new RequestGuard({ maxMillis: 60_000 });
    guard.refuse(guardError('results', 1, 'too many'));
    const resolve = guarded(() => {
      throw new Error('must not run');
    });
    expect(resolve({}, {}, { guard }, info(GraphQLString))).toBeNull();
    expect(resolve({}, {}, { guard }, info(new GraphQLList(GraphQLString)))).toEqual([]);
    guard.finish();
  });

  test('a running request: the resolver answers, and a list is counted against the budget', async () => {
    const guard = new RequestGuard({ maxMillis: 60_000, maxResults: 3 });
    const list = guarded(() => ['a', 'b']);
    expect(list({}, {}, { guard }, info(new GraphQLList(GraphQLString)))).toEqual(['a', 'b']);
    expect(guard.items).toBe(2);
    const over = guarded(async () => ['c', 'd']);
    await expect(over({}, {}, { guard }, info(new GraphQLList(GraphQLString)))).rejects.toMatchObject({
      extensions: { code: 'QUERY_TOO_COMPLEX', limit: 'results' },
    });
    guard.finish();
  });
});
