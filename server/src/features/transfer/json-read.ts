/**
 * Reads a JSON import file: the document the JSON export writes (json-write.ts) — an object with
 * lists `topics`, `actors` (with `interests`), `collaborations` (with `topicIds` and
 * `participants`) and optionally `participations` ({collaborationId, actorId, role}). Row numbers
 * are positions in their list, from 1; row 0 is the file as a whole.
 */
import type { RawRow, ReadFile } from './model';
import { JSON_FORMAT, JSON_VERSION } from './json-write';
import type { TableName } from './vocabulary';

/** JSON key → column, per table. */
const KEYS: Record<TableName, Record<string, string>> = {
  topics: { id: 'id', name: 'name', aliases: 'aliases' },
  actors: {
    id: 'id',
    name: 'name',
    kind: 'kind',
    description: 'description',
    district: 'district',
    website: 'website',
    contact: 'contact',
    interests: 'topics',
  },
  collaborations: {
    id: 'id',
    title: 'title',
    kind: 'kind',
    startDate: 'startDate',
    endDate: 'endDate',
    location: 'location',
    description: 'description',
    topicIds: 'topics',
    participants: 'participants',
  },
  participations: { collaborationId: 'collaboration', actorId: 'actor', role: 'role' },
};

const LISTS: readonly TableName[] = ['topics', 'actors', 'collaborations', 'participations'];

const isObject = (v: unknown): v is { [key: string]: unknown } =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

export function readJson(name: string, content: string): ReadFile {
  // A JSON document's keys are English: its report is too.
  const file: ReadFile = { name, tables: [], rows: [], rowCount: 0, rejections: [], warnings: [], language: 'en' };
  const reject = (table: TableName | null, row: number, field: string | null, reason: string) =>
    file.rejections.push({ file: name, table, row, field, reason });

  let document: unknown;
  try {
    document = JSON.parse(content.startsWith('\uFEFF') ? content.slice(1) : content);
  } catch (error) {
    reject(null, 0, null, `not readable as JSON: ${(error as Error).message}`);
    return file;
  }
  if (!isObject(document)) {
    reject(null, 0, null, 'the file must hold one JSON object with the lists topics, actors and collaborations');
    return file;
  }
  if (document.format !== undefined && document.format !== JSON_FORMAT) {
    reject(null, 0, 'format', `format must be "${JSON_FORMAT}", not ${JSON.stringify(document.format)}`);
  }
  if (document.version !== undefined && document.version !== JSON_VERSION) {
    reject(
      null,
      0,
      'version',
      `this release reads version ${JSON_VERSION} of the format, not ${JSON.stringify(document.version)}`,
    );
  }
  for (const key of Object.keys(document)) {
    if (!['format', 'version', ...LISTS].includes(key))
      file.warnings.push(`${name}: "${key}" is not part of the format and was not read`);
  }

  for (const table of LISTS) {
    const list = document[table];
    if (list === undefined || list === null) continue;
    if (!Array.isArray(list)) {
      reject(table, 0, table, `${table} must be a list`);
      continue;
    }
    file.tables.push(table);
    const unknown = new Set<string>();
    list.forEach((item: unknown, i) => {
      const row = i + 1;
      file.rowCount++;
      if (!isObject(item)) {
        reject(table, row, null, 'each entry must be an object');
        return;
      }
      const values: { [column: string]: unknown } = {};
      const labels: { [column: string]: string } = {};
      for (const [key, value] of Object.entries(item)) {
        const column = KEYS[table][key];
        if (column === undefined) {
          unknown.add(key);
          continue;
        }
        values[column] = value;
        labels[column] = key;
      }
      file.rows.push({ source: { file: name, table, row }, values, labels } satisfies RawRow);
    });
    for (const key of unknown) file.warnings.push(`${name}: "${key}" is not a field of ${table} and was not read`);
  }
  return file;
}
