/**
 * A thin layer over one better-sqlite3 connection: prepared statements cached by their text (the
 * text is fixed SQL; values are always bound), and the few helpers every query needs.
 */
import type Database from 'better-sqlite3';

export type Table = 'actor' | 'topic' | 'collaboration';

export class Sql {
  private readonly statements = new Map<string, Database.Statement<unknown[]>>();

  constructor(readonly db: Database.Database) {}

  private statement(sql: string): Database.Statement<unknown[]> {
    let stmt = this.statements.get(sql);
    if (!stmt) {
      stmt = this.db.prepare(sql);
      this.statements.set(sql, stmt);
    }
    return stmt;
  }

  all<R>(sql: string, ...params: unknown[]): R[] {
    return this.statement(sql).all(...params) as R[];
  }

  get<R>(sql: string, ...params: unknown[]): R | undefined {
    return this.statement(sql).get(...params) as R | undefined;
  }

  /** Answers how many rows the statement changed. */
  run(sql: string, ...params: unknown[]): number {
    return this.statement(sql).run(...params).changes;
  }

  exists(table: Table, id: string): boolean {
    return this.get(`SELECT 1 FROM ${table} WHERE id = ?`, id) !== undefined;
  }

  /** The ids (in the order given, without repeats) that `table` does not hold. */
  missing(table: Table, ids: readonly string[]): string[] {
    if (ids.length === 0) return [];
    return this.all<{ id: string }>(
      `SELECT k.value AS id FROM json_each(?) k
       WHERE NOT EXISTS (SELECT 1 FROM ${table} t WHERE t.id = k.value) ORDER BY k.key`,
      keysJson(ids),
    ).map((r) => r.id);
  }

  clear(): void {
    this.statements.clear();
  }
}

/**
 * The keys of a batched read as one bound JSON array, used as `IN (SELECT value FROM json_each(?))`.
 * Repeats are dropped here and restored when the rows are regrouped by key.
 */
export function keysJson(keys: readonly string[]): string {
  return JSON.stringify([...new Set(keys)]);
}
