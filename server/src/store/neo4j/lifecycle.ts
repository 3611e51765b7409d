/** Lifecycle and counts of the Neo4j store (port/lifecycle.ts). */
import neo4j from 'neo4j-driver';

import type { StoreLifecycle } from '../port/lifecycle';
import type { StoreCounts } from '../../domain/records';
import type { Neo4jConnection } from './connection';
import * as Q from './cypher';
import { translateError } from './errors';
import { numberField } from './records';
import { ALREADY_EXISTS_CODES, AWAIT_INDEXES, AWAIT_INDEXES_TIMEOUT_SECONDS, SCHEMA_STATEMENTS } from './schema';

export function neo4jLifecycle(db: Neo4jConnection): StoreLifecycle {
  return {
    name: 'neo4j',

    async init(): Promise<void> {
      for (const statement of SCHEMA_STATEMENTS) {
        try {
          await db.write((tx) => tx.run(statement));
        } catch (error) {
          const code = (error as { cause?: { code?: string } }).cause?.code;
          if (code === undefined || !ALREADY_EXISTS_CODES.includes(code)) throw error;
        }
      }
      await db.read((tx) => tx.run(AWAIT_INDEXES, { timeoutSeconds: neo4j.int(AWAIT_INDEXES_TIMEOUT_SECONDS) }));
    },

    close: () => db.close(),

    async ping(): Promise<void> {
      try {
        await db.driver.verifyConnectivity({ database: db.database });
      } catch (error) {
        throw translateError(error, db.uri);
      }
      await db.readRecords(Q.PING);
    },

    async counts(): Promise<StoreCounts> {
      const [r] = await db.readRecords(Q.COUNTS);
      return {
        actors: numberField(r, 'actors'),
        topics: numberField(r, 'topics'),
        collaborations: numberField(r, 'collaborations'),
        participations: numberField(r, 'participations'),
        interests: numberField(r, 'interests'),
      };
    },
  };
}
