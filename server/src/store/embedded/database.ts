/**
 * The embedded store's database: one SQLite file (better-sqlite3, WAL, synchronous=FULL), in
 * process. better-sqlite3 is synchronous, so each call runs to completion within one turn of the
 * event loop; the parts' promises only keep the port's shape.
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';

import type { StoreCounts } from '../../domain/records';
import type { StoreLifecycle } from '../port/lifecycle';
import { toDomainError } from './errors';
import { configure, migrate } from './schema';
import { Sql } from './sql';

export interface EmbeddedStoreOptions {
  /** Path of the database file (its directory is created), or `':memory:'` for tests. */
  filename: string;
}

export class EmbeddedDatabase {
  readonly db: Database.Database;
  readonly sql: Sql;
  /** The `Query` of lists.ts: all rows of a statement. */
  readonly query = <R>(sql: string, params: unknown[]): R[] => this.sql.all<R>(sql, ...params);

  constructor(options: EmbeddedStoreOptions) {
    if (options.filename !== ':memory:') mkdirSync(dirname(options.filename), { recursive: true });
    this.db = new Database(options.filename);
    try {
      configure(this.db);
    } catch (error) {
      this.db.close(); // e.g. the file is locked by another process beyond busy_timeout
      throw error;
    }
    this.sql = new Sql(this.db);
  }

  /**
   * Runs a write as one IMMEDIATE transaction (taking the write lock up front, so a second process
   * on the same file waits for busy_timeout instead of failing on lock upgrade). Any throw rolls
   * everything back and surfaces as a DomainError where one applies.
   */
  write<T>(fn: () => T): T {
    try {
      return this.db.transaction(fn).immediate();
    } catch (error) {
      throw toDomainError(error);
    }
  }

  /**
   * A write whose loss in a power failure costs nothing (when an API key was last used), committed
   * without waiting for the disk: synchronous=NORMAL for this transaction only, so the next
   * ordinary commit's fsync takes it along. An ordinary commit's fsync held the event loop up to
   * ~100 ms on a busy disk — for a key's first request of the minute. A crash of the process
   * loses nothing either way (WAL).
   */
  writeUnsynced<T>(fn: () => T): T {
    this.db.pragma('synchronous = NORMAL');
    try {
      return this.write(fn);
    } finally {
      this.db.pragma('synchronous = FULL');
    }
  }

  /** Runs several reads on one snapshot of the database. */
  read<T>(fn: () => T): T {
    return this.db.transaction(fn).deferred();
  }
}

export function now(): string {
  return new Date().toISOString();
}

/** Lifecycle and counts of the embedded store (port/lifecycle.ts). */
export function embeddedLifecycle(d: EmbeddedDatabase): StoreLifecycle {
  return {
    name: 'embedded',

    async init(): Promise<void> {
      migrate(d.db);
    },

    async close(): Promise<void> {
      if (!d.db.open) return;
      d.sql.clear();
      d.db.close();
    },

    async ping(): Promise<void> {
      d.sql.get('SELECT 1');
    },

    async counts(): Promise<StoreCounts> {
      return d.sql.get<StoreCounts>(
        `SELECT (SELECT count(*) FROM actor) AS actors, (SELECT count(*) FROM topic) AS topics,
                (SELECT count(*) FROM collaboration) AS collaborations,
                (SELECT count(*) FROM participation) AS participations,
                (SELECT count(*) FROM interest) AS interests`,
      )!;
    },
  };
}
