import {
  TOKEN_CHECKED_CHARACTERS_KEPT,
  TOKEN_CHECKED_DOCUMENTS_KEPT,
  WithinTokenLimit,
  tokenLimit,
} from './query-limits';
import type { Request, Response } from 'express';

describe('WithinTokenLimit: documents kept as counted', () => {
  test('keeps at most TOKEN_CHECKED_DOCUMENTS_KEPT, the least recently used forgotten first', () => {
    const within = new WithinTokenLimit();
    const documents = Array.from({ length: TOKEN_CHECKED_DOCUMENTS_KEPT }, (_, i) => `{ a${i} }`);
    for (const document of documents) within.add(document);
    // Used again: it is now the most recent, so the next one added pushes out the second.
    expect(within.has(documents[0]!)).toBe(true);
    within.add('{ newest }');
    expect(within.has(documents[0]!)).toBe(true);
    expect(within.has(documents[1]!)).toBe(false);
    expect(within.has(documents[2]!)).toBe(true);
    expect(within.has('{ newest }')).toBe(true);
    expect(within.has('{ never added }')).toBe(false);
  });

  test('keeps at most TOKEN_CHECKED_CHARACTERS_KEPT characters; a longer document is not kept at all', () => {
    const within = new WithinTokenLimit();
    const half = `{ ${'a '.repeat(TOKEN_CHECKED_CHARACTERS_KEPT / 4)}}`;
    const other = `{ ${'b '.repeat(TOKEN_CHECKED_CHARACTERS_KEPT / 4)}}`;
    within.add(half);
    within.add(other);
    expect(within.has(half)).toBe(false);
    expect(within.has(other)).toBe(true);
    const tooLong = `{ ${'c '.repeat(TOKEN_CHECKED_CHARACTERS_KEPT / 2)}}`;
    within.add(tooLong);
    expect(within.has(tooLong)).toBe(false);
    expect(within.has(other)).toBe(true);
  });
});

describe('tokenLimit', () => {
  function send(limit: ReturnType<typeof tokenLimit>, query: string): number {
    let status = 0;
    const res = {
      status(code: number) {
        status = code;
        return this;
      },
      json: () => undefined,
    } as unknown as Response;
    limit({ method: 'POST', body: { query } } as Request, res, () => (status = 200));
    return status;
  }

  test('a document over the limit is refused every time; one within it passes every time', () => {
    const limit = tokenLimit(10);
    const over = '{ a b c d e f g h i j k }';
    const within = '{ a b }';
    expect([send(limit, over), send(limit, over)]).toEqual([400, 400]);
    expect([send(limit, within), send(limit, within)]).toEqual([200, 200]);
    // A syntax error is Apollo's to report: passed on, and counted again next time.
    expect([send(limit, '{ a'), send(limit, '{ a')]).toEqual([200, 200]);
  });
});
