/**
 * What the Cypher tests of this folder share (cypher-statements.test.ts, cypher-snapshot.test.ts):
 * the statements of cypher.ts and cypher-writes.ts. Holds no Cypher of its own.
 */
import * as Reads from './cypher';
import * as Writes from './cypher-writes';

/** The statements of cypher.ts and cypher-writes.ts (the single writes), checked alike. */
export const Q = { ...Reads, ...Writes };
export const statements: Array<[string, string]> = Object.entries(Q as Record<string, unknown>).filter(
  (entry): entry is [string, string] => typeof entry[1] === 'string',
);
