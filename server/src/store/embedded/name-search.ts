/**
 * Substring search on names through SQLite FTS5 trigram indexes. `instr(name_key, ?)` has to read
 * every row (7–9 ms at 100k actors, all of it for a rare term); a trigram index finds the few rows
 * that contain a term of three or more characters directly. Shorter terms still scan: a trigram
 * index cannot answer them.
 *
 * The indexes are external-content tables over `actor` and `topic` (no second copy of the names),
 * keyed by their rowids and kept current by triggers, so every write path — single writes, merges,
 * imports, deletes — updates them in its own transaction. (SQLite's VACUUM may renumber implicit
 * rowids; the store never runs it. After a manual VACUUM run
 * `INSERT INTO actor_name_search(actor_name_search) VALUES ('rebuild')`, the same for topics.)
 */

/** Tables whose `name_key` column has a trigram index. */
export type NameSearchTable = 'actor' | 'topic';

/** The shortest term the trigram index answers. */
export const MIN_INDEXED_TERM = 3;

function ftsFor(table: NameSearchTable): string {
  return `
  CREATE VIRTUAL TABLE ${table}_name_search USING fts5(
    name_key, content = '${table}', content_rowid = 'rowid', tokenize = 'trigram'
  );
  INSERT INTO ${table}_name_search (${table}_name_search) VALUES ('rebuild');
  CREATE TRIGGER ${table}_name_search_insert AFTER INSERT ON ${table} BEGIN
    INSERT INTO ${table}_name_search (rowid, name_key) VALUES (new.rowid, new.name_key);
  END;
  CREATE TRIGGER ${table}_name_search_delete AFTER DELETE ON ${table} BEGIN
    INSERT INTO ${table}_name_search (${table}_name_search, rowid, name_key) VALUES ('delete', old.rowid, old.name_key);
  END;
  CREATE TRIGGER ${table}_name_search_update AFTER UPDATE OF name_key ON ${table} BEGIN
    INSERT INTO ${table}_name_search (${table}_name_search, rowid, name_key) VALUES ('delete', old.rowid, old.name_key);
    INSERT INTO ${table}_name_search (rowid, name_key) VALUES (new.rowid, new.name_key);
  END;`;
}

/** The migration that adds the trigram indexes for actor and topic names. */
export const NAME_SEARCH_MIGRATION = ftsFor('actor') + ftsFor('topic');

/**
 * The condition "r.name_key contains `key`" for a list read from alias `r` of `table`, with the
 * value it binds. `key` is already a nameKey (non-empty).
 */
export function nameContainsCondition(table: NameSearchTable, key: string): { sql: string; param: string } {
  // Shorter terms, and terms with a NUL character (which ends an FTS5 query string early), scan.
  if ([...key].length < MIN_INDEXED_TERM || key.includes('\u0000'))
    return { sql: 'instr(r.name_key, ?) > 0', param: key };
  // An FTS5 string literal: the term as one phrase, its double quotes doubled, so no character of
  // the term is query syntax. For the trigram tokenizer a phrase match is a substring match.
  const phrase = `"${key.replace(/"/g, '""')}"`;
  return {
    sql: `r.rowid IN (SELECT rowid FROM ${table}_name_search WHERE ${table}_name_search MATCH ?)`,
    param: phrase,
  };
}
