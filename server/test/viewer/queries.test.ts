/**
 * Every GraphQL document the viewer sends (viewer/src/queries.ts, viewer/src/edit/queries.ts) is
 * valid against the published schema (schema/schema.graphql): parsed and validated with graphql-js,
 * each failure naming the document. No browser, no server.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSchema, parse, validate, type GraphQLSchema } from 'graphql';
import * as editQueries from '../../../viewer/src/edit/queries';
import * as mapQueries from '../../../viewer/src/queries';

const ROOT = join(__dirname, '../../..');

/** The documents a module exports: its strings, and its builders called as the page calls them (numbers are sizes in them). */
function documentsOf(module: Record<string, unknown>, prefix: string): Array<[string, string]> {
  const builders: Record<string, () => Array<[string, string]>> = {
    actorQuery: () => [
      ['actorQuery(false)', mapQueries.actorQuery(false)],
      ['actorQuery(true)', mapQueries.actorQuery(true)],
    ],
    yearsQuery: () => {
      const thisYear = new Date().getFullYear();
      return [['yearsQuery(30 years)', mapQueries.yearsQuery(Array.from({ length: 31 }, (_, i) => thisYear - 29 + i))]];
    },
  };
  return Object.entries(module).flatMap(([name, value]): Array<[string, string]> => {
    if (typeof value === 'string') return [[`${prefix}${name}`, value]];
    // A page size written into the documents (PANEL_COLLABORATIONS_PAGE): no document of its own.
    if (typeof value === 'number') return [];
    const build = builders[name];
    if (!build) throw new Error(`${prefix}${name}: a builder this test does not know; add how the page calls it`);
    return build().map(([label, document]) => [`${prefix}${label}`, document]);
  });
}

function problems(schema: GraphQLSchema, document: string): string[] {
  try {
    return validate(schema, parse(document)).map((e) => e.message);
  } catch (error) {
    return [(error as Error).message];
  }
}

describe("the viewer's GraphQL documents", () => {
  const schema = buildSchema(readFileSync(join(ROOT, 'schema/schema.graphql'), 'utf8'));
  const documents = [...documentsOf(mapQueries, ''), ...documentsOf(editQueries, 'edit/')];

  test('are all found (the map, the suggestions, review, import, live, the editing forms)', () => {
    expect(documents.length).toBeGreaterThanOrEqual(40);
  });

  test.each(documents)('%s is valid against schema/schema.graphql', (name, document) => {
    expect({ name, problems: problems(schema, document) }).toEqual({ name, problems: [] });
  });

  test('a document with a field the schema lacks fails, naming it', () => {
    const broken = mapQueries.SEARCH.replace('nodes { id name kind }', 'nodes { id name kind nickname }');
    expect(problems(schema, broken)).toEqual([expect.stringContaining('nickname')]);
  });
});
