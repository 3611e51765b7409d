/**
 * The edge of the adapter, without a database: driver values become domain values (numbers,
 * ISO strings, nulls) and driver errors become DomainErrors or plain Errors.
 */
import neo4j, { Neo4jError } from 'neo4j-driver';

import { DomainError } from '../../domain/errors';
import * as Q from './cypher';
import { translateError } from './errors';
import { actorOfRow, toActor, toCollaboration, toPlain, toTopic } from './records';

describe('records', () => {
  test('toPlain converts Integers, temporals, lists and maps deeply', () => {
    expect(
      toPlain({
        n: neo4j.int(42),
        d: new neo4j.types.Date(2024, 5, 1),
        list: [neo4j.int(1), 'x', null],
        nested: { big: neo4j.int(7) },
        missing: undefined,
      }),
    ).toEqual({ n: 42, d: '2024-05-01', list: [1, 'x', null], nested: { big: 7 }, missing: null });
  });

  test('an actor: Integer version → number, missing optional properties → null', () => {
    const actor = toActor({
      id: 'a1',
      name: 'Café Mitte',
      nameKey: 'cafe mitte',
      kind: 'BUSINESS',
      website: 'https://cafe.example',
      createdAt: '2024-01-01T00:00:00.000Z',
      updatedAt: '2024-01-02T00:00:00.000Z',
      version: neo4j.int(3),
    });
    expect(actor).toEqual({
      id: 'a1',
      name: 'Café Mitte',
      kind: 'BUSINESS',
      description: null,
      district: null,
      website: 'https://cafe.example',
      contact: null,
      createdAt: '2024-01-01T00:00:00.000Z',
      updatedAt: '2024-01-02T00:00:00.000Z',
      version: 3,
    });
    expect(typeof actor.version).toBe('number');
    expect(actor).not.toHaveProperty('nameKey');
  });

  test('an actor row (GET_ACTORS) gives the same Actor as its properties, in the order of ACTOR_ROW', () => {
    const row = ['a1', 'Café Mitte', 'BUSINESS', null, 'Nord', 'https://cafe.example', null];
    const dates = ['2024-01-01T00:00:00.000Z', '2024-01-02T00:00:00.000Z', neo4j.int(3)];
    expect(actorOfRow([...row, ...dates])).toEqual(
      toActor({
        id: 'a1',
        name: 'Café Mitte',
        kind: 'BUSINESS',
        district: 'Nord',
        website: 'https://cafe.example',
        createdAt: '2024-01-01T00:00:00.000Z',
        updatedAt: '2024-01-02T00:00:00.000Z',
        version: neo4j.int(3),
      }),
    );
    expect(Q.GET_ACTORS).toContain(
      'RETURN [a.id, a.name, a.kind, a.description, a.district, a.website, a.contact, a.createdAt, a.updatedAt, a.version] AS actor',
    );
  });

  test('a topic without aliases has [], a collaboration without dates has nulls', () => {
    expect(toTopic({ id: 'klima', name: 'Klima', nameKey: 'klima', slug: 'klima' })).toEqual({
      id: 'klima',
      name: 'Klima',
      slug: 'klima',
      aliases: [],
    });
    expect(toCollaboration({ id: 'k', title: 'T', kind: 'PROJECT', createdAt: 'c', updatedAt: 'u' })).toMatchObject({
      startDate: null,
      endDate: null,
      location: null,
      description: null,
      // Stored before collaborations had a version: version 1.
      version: 1,
    });
    expect(toCollaboration({ id: 'k', title: 'T', kind: 'PROJECT', version: neo4j.int(4) }).version).toBe(4);
    // A date() stored by another tool still reaches the domain as its ISO string.
    expect(
      toCollaboration({ id: 'k', title: 'T', kind: 'EVENT', startDate: new neo4j.types.Date(2023, 11, 15) }).startDate,
    ).toBe('2023-11-15');
  });
});

/** A driver error as the driver raises it (code + message). */
function driverError(message: string, code: string): Neo4jError {
  return new Neo4jError(message, code, '50N42', 'error: general processing exception');
}

describe('translateError', () => {
  const URI = 'bolt://db.example:7687';

  test('DomainErrors pass unchanged', () => {
    const error = new DomainError('CONFLICT', 'x', 'expectedVersion');
    expect(translateError(error, URI)).toBe(error);
  });

  test('an unreachable server or a lost connection is STORE_UNAVAILABLE, the uri only in its cause', () => {
    for (const code of ['ServiceUnavailable', 'SessionExpired']) {
      const translated = translateError(driverError('connect ECONNREFUSED', code), URI);
      expect(translated).toBeInstanceOf(DomainError);
      expect(translated).toMatchObject({
        code: 'STORE_UNAVAILABLE',
        message: expect.stringMatching(/database \(Neo4j\) is unreachable/),
      });
      expect(translated.message).not.toContain(URI);
      expect((translated.cause as Error).message).toBe(`Neo4j is not reachable at ${URI}: connect ECONNREFUSED`);
    }
  });

  test('a uniqueness violation is a CONFLICT (slug → field name, else id)', () => {
    const code = 'Neo.ClientError.Schema.ConstraintValidationFailed';
    expect(
      translateError(driverError("Node(3) already exists with label `Actor` and property `id` = 'a1'", code), URI),
    ).toMatchObject({ code: 'CONFLICT', field: 'id' });
    expect(
      translateError(driverError("Node(4) already exists with label `Topic` and property `slug` = 'k'", code), URI),
    ).toMatchObject({ code: 'CONFLICT', field: 'name' });
  });

  test('other driver errors become plain Errors with the Neo4j code', () => {
    const translated = translateError(driverError('Invalid input', 'Neo.ClientError.Statement.SyntaxError'), URI);
    expect(translated).not.toBeInstanceOf(DomainError);
    expect(translated.message).toBe('Neo4j failed (Neo.ClientError.Statement.SyntaxError): Invalid input');
  });
});
