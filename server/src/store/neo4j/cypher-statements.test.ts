/**
 * The Cypher of the Neo4j adapter, checked without a database (in the manner of neo4j/graphql's
 * TCK tests): values only ever travel as `$parameters`, statements are constants, and the key
 * statements are pinned as inline snapshots so that a change to them shows up in review.
 * Every statement of every file of this folder is pinned by cypher-snapshot.test.ts.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import * as K from './api-keys';
import { Q, statements } from './cypher-test-support';
import { AWAIT_INDEXES, SCHEMA_STATEMENTS } from './schema';

/** Statements that take no values at all (whole-store scans and counts, the ping). */
const PARAMETERLESS = new Set([
  'PING',
  'COUNTS',
  'COUNT_ALL_TOPICS',
  'COUNT_ALL_COLLABORATIONS',
  'SNAPSHOT_ACTORS',
  'SNAPSHOT_TOPICS',
  'SNAPSHOT_COLLABORATIONS',
  'SNAPSHOT_PARTICIPATIONS',
  'SNAPSHOT_INTERESTS',
  'SNAPSHOT_ABOUT',
]);

function parametersOf(statement: string): string[] {
  return [...new Set([...statement.matchAll(/\$([A-Za-z_][A-Za-z0-9_]*)/g)].map((m) => m[1]))].sort();
}

/** Quoted literals in a statement ('…' or "…"); backticks are identifiers, not values. */
function stringLiterals(statement: string): string[] {
  return [...statement.matchAll(/'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*"/g)].map((m) => m[0]);
}

/** Number literals (not part of an identifier or a parameter name). */
function numberLiterals(statement: string): string[] {
  return [...statement.matchAll(/(?<![\w$.])\d+(?:\.\d+)?(?![\w])/g)].map((m) => m[0]);
}

describe('cypher.ts statements', () => {
  test('every export is a non-empty constant string', () => {
    expect(statements.length).toBe(Object.keys(Q).length);
    expect(statements.length).toBeGreaterThan(40);
    for (const [, statement] of statements) expect(statement.trim().length).toBeGreaterThan(0);
  });

  test('the source builds no statement from values: no template interpolation, no concatenation', () => {
    const source = ['cypher.ts', 'cypher-writes.ts']
      .map((file) => readFileSync(join(__dirname, file), 'utf8'))
      .join('\n');
    expect(source).not.toContain('${');
    // Every statement is one literal: `export const NAME = '…';` or a backtick literal, never `a + b`.
    const declarations = source.match(/export const \w+ =[^;]*;/g) ?? [];
    expect(declarations.length).toBe(statements.length);
    for (const declaration of declarations) {
      expect(declaration).toMatch(/^export const \w+ = (`[^`]*`|'[^']*');$/s);
    }
  });

  test.each(statements.filter(([name]) => !PARAMETERLESS.has(name)))(
    '%s takes its values as $parameters',
    (_name, statement) => {
      expect(parametersOf(statement).length).toBeGreaterThan(0);
    },
  );

  test.each(statements.filter(([name]) => PARAMETERLESS.has(name)))('%s needs no values', (_name, statement) => {
    expect(parametersOf(statement)).toEqual([]);
  });

  test.each(statements)('%s contains no value literals beyond the fixed sentinels', (_name, statement) => {
    // '' is the "no start date" key of domain/ordering (coalesce(startDate, '')); 1 is the first
    // version and the version step and the ping's answer. Everything else must be a parameter.
    for (const literal of stringLiterals(statement)) expect(literal).toBe("''");
    for (const literal of numberLiterals(statement)) expect(literal).toBe('1');
  });

  test('parameters of every statement (what the adapter must pass)', () => {
    const parameters = Object.fromEntries(
      statements.filter(([name]) => !PARAMETERLESS.has(name)).map(([name, s]) => [name, parametersOf(s).join(' ')]),
    );
    expect(parameters).toMatchInlineSnapshot(`
     {
       "ACTOR_PAGES": "ids",
       "ACTOR_PANELS": "ids",
       "ACTOR_PANEL_PAGES": "after ids limit recordIds",
       "BUMP_COLLABORATION": "id now",
       "BUMP_COLLABORATIONS_OF": "ids now",
       "COLLABORATIONS_OF_TOPICS": "ids",
       "COLLABORATIONS_OF_TOPIC_PAGE": "after limit topicId",
       "COLLABORATORS_OF_ACTORS": "ids",
       "COUNT_COLLABORATIONS": "from kinds to topicIds",
       "COUNT_PARTICIPANTS": "id",
       "COUNT_TOPICS": "nameContains",
       "CREATE_ABOUT_OF_COLLABORATION": "id topicIds",
       "CREATE_ACTOR": "props",
       "CREATE_COLLABORATION": "props",
       "CREATE_INTERESTS_OF_ACTOR": "actorId interests",
       "CREATE_TOPIC": "props",
       "DELETE_ABOUT_OF_COLLABORATION": "id",
       "DELETE_ACTOR": "id",
       "DELETE_COLLABORATION": "id",
       "DELETE_INTERESTS_OF_ACTOR": "actorId",
       "DELETE_TOPIC": "id",
       "EXISTING_ACTOR_IDS": "ids",
       "EXISTING_COLLABORATION_IDS": "ids",
       "EXISTING_TOPIC_IDS": "ids",
       "GET_ACTORS": "ids",
       "GET_ACTOR_NAMES": "ids",
       "GET_COLLABORATIONS": "ids",
       "GET_RECORDS": "actorIds collaborationIds topicIds",
       "GET_TOPICS": "ids",
       "INTERESTS_AND_TOPICS_OF_ACTORS": "ids",
       "INTERESTS_IN_TOPICS": "ids",
       "INTERESTS_IN_TOPIC_PAGE": "after limit topicId",
       "INTERESTS_OF_ACTORS": "ids",
       "LIST_ACTORS": "afterId afterKey kinds limit nameContains topicIds withInterests",
       "LIST_ALL_ACTORS": "afterId afterKey limit withInterests",
       "LIST_COLLABORATIONS": "afterId afterKey from kinds limit to topicIds",
       "LIST_PARTICIPANTS": "afterId afterKey id limit",
       "LIST_TOPICS": "afterId afterKey limit nameContains",
       "LOCK_ACTOR": "id",
       "LOCK_COLLABORATION": "id",
       "MERGE_ABOUT": "rows",
       "MERGE_ACTORS": "rows",
       "MERGE_COLLABORATIONS": "rows",
       "MERGE_INTERESTS": "rows",
       "MERGE_PARTICIPATIONS": "rows",
       "MERGE_TOPICS": "rows",
       "PARTICIPATIONS_AND_ACTORS_OF_COLLABORATIONS": "ids",
       "PARTICIPATIONS_AND_COLLABORATIONS_OF_ACTORS": "ids",
       "PARTICIPATIONS_OF_ACTORS": "ids",
       "PARTICIPATIONS_OF_ACTOR_PAGE": "actorId after limit",
       "PARTICIPATIONS_OF_COLLABORATIONS": "ids",
       "PARTICIPATION_PAGES_OF_ACTORS": "after ids limit",
       "REMOVE_PARTICIPATION": "actorId collaborationId",
       "REMOVE_PARTICIPATIONS": "actorIds id",
       "SEARCH_ACTORS": "afterId afterKey kinds limit nameContains topicIds withInterests",
       "SET_PARTICIPATIONS": "id participants",
       "TOPICS_OF_COLLABORATIONS": "ids",
       "TOPIC_ID_BY_SLUG": "slug",
       "TOPIC_STATS": "ids",
       "UPDATE_ACTOR": "id now props",
       "UPDATE_COLLABORATION": "id now props",
       "UPDATE_TOPIC": "id props",
     }
    `);
  });

  test('LIST_ALL_ACTORS: the total from the count store, the page a range on nameKey before ORDER BY nameKey, id LIMIT', () => {
    expect(Q.LIST_ALL_ACTORS).toMatchInlineSnapshot(`
     "
     CALL () {
       MATCH (a:Actor)
       RETURN count(a) AS total
     }
     CALL () {
       MATCH (a:Actor)
       USING RANGE INDEX SEEK a:Actor(nameKey)
       WHERE a.nameKey >= $afterKey
         AND ($afterId IS NULL OR a.nameKey > $afterKey OR a.id > $afterId)
       WITH a ORDER BY a.nameKey, a.id LIMIT $limit
       RETURN collect(a) AS page
     }
     CALL (page) {
       UNWIND CASE WHEN $withInterests THEN page ELSE [] END AS a
       MATCH (a)-[r:INTERESTED_IN]->(t:Topic)
       WITH a, r, t
       ORDER BY t.nameKey, t.id
       RETURN collect([a.id, t.id, r.weight]) AS interests, collect(DISTINCT t) AS interestTopics
     }
     RETURN total,
       [a IN page | [a.id, a.name, a.kind, a.description, a.district, a.website, a.contact, a.createdAt, a.updatedAt, a.version]] AS actors,
       interests,
       [t IN interestTopics | [t.id, t.name, t.slug, t.aliases]] AS topics"
    `);
  });

  test('LIST_COLLABORATIONS: newest first with the no-date key last, keyset on (d, id)', () => {
    expect(Q.LIST_COLLABORATIONS).toMatchInlineSnapshot(`
     "
     MATCH (c:Collaboration)
     WITH c, coalesce(c.startDate, '') AS d
     WHERE ($afterId IS NULL OR d < $afterKey OR (d = $afterKey AND c.id > $afterId))
       AND ($kinds IS NULL OR c.kind IN $kinds)
       AND ($topicIds IS NULL OR EXISTS { MATCH (c)-[:ABOUT]->(t:Topic) WHERE t.id IN $topicIds })
       AND ($to IS NULL OR (c.startDate IS NOT NULL AND c.startDate <= $to))
       AND ($from IS NULL OR (c.startDate IS NOT NULL AND coalesce(c.endDate, c.startDate) >= $from))
     RETURN properties(c) AS collaboration
     ORDER BY d DESC, c.id
     LIMIT $limit"
    `);
  });

  test('COLLABORATORS_OF_ACTORS: one statement for every key, ordered before collecting', () => {
    expect(Q.COLLABORATORS_OF_ACTORS).toMatchInlineSnapshot(`
     "
     UNWIND $ids AS id
     MATCH (a:Actor {id: id})-[:PARTICIPATED_IN]->(c:Collaboration)<-[:PARTICIPATED_IN]-(p:Actor)
     USING INDEX SEEK a:Actor(id)
     WHERE p <> a
     WITH id, p, c
     ORDER BY coalesce(c.startDate, '') DESC, c.id
     WITH id, p.id AS partnerId, collect(c.id) AS collaborationIds
     ORDER BY size(collaborationIds) DESC, partnerId
     RETURN id, collect({partnerId: partnerId, collaborationIds: collaborationIds}) AS collaborators"
    `);
  });

  test('MERGE_PARTICIPATIONS: an UNWIND batch that creates only what is missing', () => {
    expect(Q.MERGE_PARTICIPATIONS).toMatchInlineSnapshot(`
     "
     UNWIND $rows AS r
     MATCH (a:Actor {id: r.actorId})
     MATCH (c:Collaboration {id: r.collaborationId})
     MERGE (a)-[p:PARTICIPATED_IN]->(c)
     ON CREATE SET p.role = r.role"
    `);
  });

  test('batched reads unwind or match the whole key list at once', () => {
    for (const name of [
      'GET_ACTORS',
      'GET_ACTOR_NAMES',
      'GET_TOPICS',
      'GET_COLLABORATIONS',
      'INTERESTS_OF_ACTORS',
      'INTERESTS_IN_TOPICS',
      'PARTICIPATIONS_OF_ACTORS',
      'PARTICIPATIONS_OF_COLLABORATIONS',
      'TOPICS_OF_COLLABORATIONS',
      'COLLABORATIONS_OF_TOPICS',
      'TOPIC_STATS',
      'COLLABORATORS_OF_ACTORS',
    ] as const) {
      expect(Q[name]).toMatch(/UNWIND \$ids AS id|WHERE \w\.id IN \$ids/);
    }
  });
});

describe('schema.ts statements', () => {
  test('every schema statement is idempotent and takes no values', () => {
    expect(SCHEMA_STATEMENTS.length).toBe(23);
    for (const statement of SCHEMA_STATEMENTS) {
      expect(statement).toMatch(/^CREATE (CONSTRAINT|RANGE INDEX|TEXT INDEX) \w+ IF NOT EXISTS FOR \(\w:\w+\) /);
      expect(statement).not.toContain('$');
    }
    expect(AWAIT_INDEXES).toBe('CALL db.awaitIndexes($timeoutSeconds)');
  });

  test('constraints and indexes', () => {
    expect(SCHEMA_STATEMENTS).toMatchInlineSnapshot(`
     [
       "CREATE CONSTRAINT actor_id IF NOT EXISTS FOR (a:Actor) REQUIRE a.id IS UNIQUE",
       "CREATE CONSTRAINT topic_id IF NOT EXISTS FOR (t:Topic) REQUIRE t.id IS UNIQUE",
       "CREATE CONSTRAINT topic_slug IF NOT EXISTS FOR (t:Topic) REQUIRE t.slug IS UNIQUE",
       "CREATE CONSTRAINT collaboration_id IF NOT EXISTS FOR (c:Collaboration) REQUIRE c.id IS UNIQUE",
       "CREATE RANGE INDEX actor_name_key IF NOT EXISTS FOR (a:Actor) ON (a.nameKey)",
       "CREATE RANGE INDEX topic_name_key IF NOT EXISTS FOR (t:Topic) ON (t.nameKey)",
       "CREATE RANGE INDEX collaboration_start_date IF NOT EXISTS FOR (c:Collaboration) ON (c.startDate)",
       "CREATE RANGE INDEX actor_kind IF NOT EXISTS FOR (a:Actor) ON (a.kind)",
       "CREATE RANGE INDEX collaboration_kind IF NOT EXISTS FOR (c:Collaboration) ON (c.kind)",
       "CREATE TEXT INDEX actor_name_key_text IF NOT EXISTS FOR (a:Actor) ON (a.nameKey)",
       "CREATE CONSTRAINT change_seq IF NOT EXISTS FOR (c:Change) REQUIRE c.seq IS UNIQUE",
       "CREATE CONSTRAINT change_sequence_id IF NOT EXISTS FOR (s:ChangeSequence) REQUIRE s.id IS UNIQUE",
       "CREATE RANGE INDEX change_entity IF NOT EXISTS FOR (c:Change) ON (c.entityId)",
       "CREATE CONSTRAINT feed_event_seq IF NOT EXISTS FOR (e:FeedEvent) REQUIRE e.seq IS UNIQUE",
       "CREATE RANGE INDEX feed_event_at IF NOT EXISTS FOR (e:FeedEvent) ON (e.at)",
       "CREATE CONSTRAINT api_key_id IF NOT EXISTS FOR (k:ApiKey) REQUIRE k.id IS UNIQUE",
       "CREATE CONSTRAINT api_key_hash IF NOT EXISTS FOR (k:ApiKey) REQUIRE k.hash IS UNIQUE",
       "CREATE CONSTRAINT api_key_lock_id IF NOT EXISTS FOR (l:ApiKeyLock) REQUIRE l.id IS UNIQUE",
       "CREATE CONSTRAINT update_link_id IF NOT EXISTS FOR (l:UpdateLink) REQUIRE l.id IS UNIQUE",
       "CREATE CONSTRAINT update_link_hash IF NOT EXISTS FOR (l:UpdateLink) REQUIRE l.hash IS UNIQUE",
       "CREATE CONSTRAINT update_proposal_id IF NOT EXISTS FOR (p:UpdateProposal) REQUIRE p.id IS UNIQUE",
       "CREATE CONSTRAINT consent_id IF NOT EXISTS FOR (c:Consent) REQUIRE c.id IS UNIQUE",
       "CREATE CONSTRAINT view_positions_scope IF NOT EXISTS FOR (v:ViewPositions) REQUIRE v.scope IS UNIQUE",
     ]
    `);
  });
});

describe('api-keys.ts statements', () => {
  const keyStatements = Object.entries(K as Record<string, unknown>).filter(
    (entry): entry is [string, string] => typeof entry[1] === 'string',
  );

  test('take their values as $parameters, never answer the hash', () => {
    expect(keyStatements.map(([name, statement]) => [name, parametersOf(statement).join(' ')])).toEqual([
      ['LOCK_AND_CHECK', 'createdAt hash name'],
      ['CREATE_API_KEY', 'key'],
      ['LIST_API_KEYS', ''],
      ['API_KEY_BY_HASH', 'hash'],
      ['REVOKE_API_KEY', 'at id'],
      ['TOUCH_API_KEY', 'at id'],
    ]);
    for (const [, statement] of keyStatements) {
      expect(statement).not.toMatch(/RETURN[^]*\bhash\b|RETURN\s+k\s*(,|$)|properties\(k\)/m);
      // The lock node's fixed id is the only literal.
      for (const literal of stringLiterals(statement)) expect(literal).toBe("'api-keys'");
    }
  });
});
