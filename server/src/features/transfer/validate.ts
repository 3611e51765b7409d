/**
 * Checks every row on its own, before anything is looked up or written: required fields, lengths
 * (the API's limits), the API's text rule (domain/validation.ts textProblem: no control, bidi-control
 * or only invisible characters; texts are taken in NFC, as the API stores them), kinds and roles (German or English words, vocabulary.ts), dates (31.12.2021
 * or 2021-12-31, real calendar dates, end not before start), URLs, ids, list syntax (csv-cells.ts).
 * Answers the checked records (a row with problems marked `rejected`, so that references to it do
 * not fail a second time) and one rejection per problem, naming the column as the file does.
 *
 * A value the file does not give (no such column, an empty CSV cell, no such JSON key) stays
 * absent: the record keeps what the store holds. JSON null clears an optional field and is refused
 * for a required one.
 */
import { websiteAddress } from '../../domain/website';
import { ID_PATTERN, isCalendarDate, isInvisibleOnly, normalizeText, textProblem } from '../../domain/validation';
import { LIMITS } from '../../domain/limits';
import { participantItem, splitList, topicItem } from './csv-cells';
import type { RawRow, Rejection } from './model';
import { EN, type ReportMessages, type WordKind } from './report-messages';
import {
  ACTOR_KIND_WORDS,
  COLLABORATION_KIND_WORDS,
  ROLE_WORDS,
  acceptedWords,
  actorKindOf,
  collaborationKindOf,
  roleOf,
  type TableName,
} from './vocabulary';

export type * from './checked-rows';
import type {
  Checked,
  CheckedActor,
  CheckedCollaboration,
  CheckedParticipation,
  CheckedRows,
  CheckedTopic,
  ParticipantRef,
  TopicRef,
} from './checked-rows';
export { closestWord, editDistance, nearestName } from './near-matches';
import { closestWord } from './near-matches';

/** A problem with one field of the row being checked: its message, in the report's language. */
class Problem extends Error {
  constructor(readonly say: (m: ReportMessages) => string) {
    super(say(EN));
  }
}

/** No value: null, or a cell of white space only (one of invisible characters is not empty: the text rule refuses it, as the API does). */
const isEmpty = (value: unknown) =>
  value === null || (typeof value === 'string' && value.trim() === '' && !isInvisibleOnly(value));

function asText(value: unknown): string {
  if (typeof value !== 'string') throw new Problem((m) => m.notText(value));
  return value;
}

function limited(value: string, max: number): string {
  if (value.length > max) throw new Problem((m) => m.tooLong(max, value.length));
  return value;
}

/** An id given in the file; absent when empty (then derived from the name). */
function id(value: unknown): string | undefined {
  if (value === undefined || isEmpty(value)) return undefined;
  const text = asText(value).trim();
  limited(text, LIMITS.id);
  if (!ID_PATTERN.test(text)) throw new Problem((m) => m.notAnId(text));
  return text;
}

/** Text under the API's rule (single-line unless `multiline`), in NFC, at most `max` characters. */
function text(value: unknown, max: number, multiline = false): string {
  const given = asText(value);
  const problem = textProblem(given, multiline);
  if (problem) throw new Problem((m) => m.textProblem(problem));
  return limited(normalizeText(given), max);
}

function requiredText(value: unknown, max: number): string | undefined {
  if (value === undefined) return undefined;
  if (isEmpty(value)) throw new Problem((m) => m.isEmpty());
  return text(value, max);
}

function optionalText(value: unknown, max: number, multiline = false): string | null | undefined {
  if (value === undefined) return undefined;
  if (isEmpty(value)) return null;
  return text(value, max, multiline);
}

function word<T extends string>(
  value: unknown,
  lookup: (word: string) => T | undefined,
  words: { [K in T]: readonly string[] },
  what: WordKind,
): T | undefined {
  if (value === undefined) return undefined;
  if (isEmpty(value)) throw new Problem((m) => m.isEmpty());
  const found = lookup(asText(value));
  if (!found) {
    const guess = closestWord(asText(value), words);
    throw new Problem((m) => m.notAWord(String(value), what, guess, acceptedWords(words)));
  }
  return found;
}

/** ISO 2021-12-31 or German 31.12.2021 (one-digit day and month allowed) → ISO. */
export function parseDate(text: string): string | undefined {
  const trimmed = text.trim();
  const german = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(trimmed);
  const iso = german ? `${german[3]}-${german[2].padStart(2, '0')}-${german[1].padStart(2, '0')}` : trimmed;
  return isCalendarDate(iso) ? iso : undefined;
}

function date(value: unknown): string | null | undefined {
  if (value === undefined) return undefined;
  if (isEmpty(value)) return null;
  const parsed = parseDate(asText(value));
  if (!parsed) throw new Problem((m) => m.notADate(String(value)));
  return parsed;
}

function website(value: unknown): string | null | undefined {
  const text = optionalText(value, LIMITS.url);
  if (text == null) return text;
  // "www.bobbie.de" as spreadsheets hold it: the https address it means (the API's rule too).
  const address = websiteAddress(text);
  if (address === null) throw new Problem((m) => m.notAWebAddress(text.trim()));
  return limited(address, LIMITS.url);
}

/** A list cell (CSV) or a JSON list. */
function listOf<T>(value: unknown, item: (entry: unknown) => T, max: number): T[] | undefined {
  if (value === undefined || value === null) return value === null ? [] : undefined;
  const entries = typeof value === 'string' ? splitList(value) : Array.isArray(value) ? value : null;
  if (entries === null) throw new Problem((m) => m.notAList());
  if (entries.length > max) throw new Problem((m) => m.tooManyEntries(entries.length, max));
  return entries.map(item);
}

function noRepeats<T>(list: T[] | undefined, key: (item: T) => string): T[] | undefined {
  const seen = new Set<string>();
  for (const item of list ?? []) {
    const k = key(item).toLowerCase();
    if (seen.has(k)) throw new Problem((m) => m.listsTwice(key(item)));
    seen.add(k);
  }
  return list;
}

function weight(value: unknown): number {
  if (typeof value !== 'number' || !(value > 0 && value <= 1)) throw new Problem((m) => m.badWeight(value));
  return value;
}

function topicRef(entry: unknown, withWeight: boolean): TopicRef {
  if (typeof entry === 'string') {
    const parsed = topicItem(entry);
    if (parsed.weight !== undefined && !withWeight) throw new Problem((m) => m.weightOnCollaborationTopic(entry));
    if (parsed.weight !== undefined) weight(parsed.weight);
    return parsed;
  }
  if (
    withWeight &&
    typeof entry === 'object' &&
    entry !== null &&
    typeof (entry as { topicId?: unknown }).topicId === 'string'
  ) {
    const { topicId, weight: w } = entry as { topicId: string; weight?: unknown };
    return w === undefined || w === null ? { ref: topicId } : { ref: topicId, weight: weight(w) };
  }
  throw new Problem((m) => m.notATopic(entry, withWeight));
}

function participantRef(entry: unknown): ParticipantRef {
  if (typeof entry === 'string') return participantItem(entry);
  if (typeof entry === 'object' && entry !== null && typeof (entry as { actorId?: unknown }).actorId === 'string') {
    const { actorId, role } = entry as { actorId: string; role?: unknown };
    return role === undefined || role === null
      ? { ref: actorId }
      : { ref: actorId, role: word(role, roleOf, ROLE_WORDS, 'role')! };
  }
  throw new Problem((m) => m.notAParticipant(entry));
}

/** Runs the field checks of one row; every failing field becomes a rejection. */
class RowCheck {
  readonly problems: Rejection[] = [];

  constructor(
    private readonly row: RawRow,
    readonly m: ReportMessages,
  ) {}

  field<T>(column: string, check: (value: unknown) => T): T | undefined {
    try {
      return check(this.row.values[column]);
    } catch (error) {
      if (!(error instanceof Problem)) throw error;
      this.fail(column, error.say(this.m));
      return undefined;
    }
  }

  fail(column: string | null, reason: string): void {
    const { file, table, row } = this.row.source;
    const label = column === null ? null : (this.row.labels[column] ?? column);
    this.problems.push({
      file,
      table,
      row,
      field: label,
      // "Art ist leer", but not before a quoted value ("„Kiosk“ ist keine Art von Akteur").
      reason: label && !/^["„]/.test(reason) ? `${label} ${reason}` : reason,
    });
  }
}

/** Keys set only for values the file gives (absent stays absent). */
function defined<T extends object>(record: T): T {
  return Object.fromEntries(Object.entries(record).filter(([, v]) => v !== undefined)) as T;
}

function checkActor(row: RawRow, c: RowCheck): CheckedActor {
  const record = defined<CheckedActor>({
    source: row.source,
    labels: row.labels,
    id: c.field('id', id),
    name: c.field('name', (v) => requiredText(v, LIMITS.name)),
    kind: c.field('kind', (v) => word(v, actorKindOf, ACTOR_KIND_WORDS, 'actorKind')),
    description: c.field('description', (v) => optionalText(v, LIMITS.text, true)),
    district: c.field('district', (v) => optionalText(v, LIMITS.name)),
    website: c.field('website', website),
    contact: c.field('contact', (v) => optionalText(v, LIMITS.contact, true)),
    topics: c.field('topics', (v) =>
      noRepeats(
        listOf(v, (e) => topicRef(e, true), LIMITS.listInput),
        (t) => t.ref,
      ),
    ),
  });
  if (
    record.id === undefined &&
    record.name === undefined &&
    row.values.id === undefined &&
    row.values.name === undefined
  ) {
    c.fail(null, c.m.needsNameOrId('actor'));
  }
  return record;
}

function checkTopic(row: RawRow, c: RowCheck): CheckedTopic {
  const record = defined<CheckedTopic>({
    source: row.source,
    labels: row.labels,
    id: c.field('id', id),
    name: c.field('name', (v) => requiredText(v, LIMITS.name)),
    aliases: c.field('aliases', (v) => listOf(v, (e) => text(e, LIMITS.name), LIMITS.aliases)),
  });
  if (
    record.id === undefined &&
    record.name === undefined &&
    row.values.id === undefined &&
    row.values.name === undefined
  ) {
    c.fail(null, c.m.needsNameOrId('topic'));
  }
  return record;
}

function checkCollaboration(row: RawRow, c: RowCheck): CheckedCollaboration {
  const record = defined<CheckedCollaboration>({
    source: row.source,
    labels: row.labels,
    id: c.field('id', id),
    title: c.field('title', (v) => requiredText(v, LIMITS.name)),
    kind: c.field('kind', (v) => word(v, collaborationKindOf, COLLABORATION_KIND_WORDS, 'collaborationKind')),
    startDate: c.field('startDate', date),
    endDate: c.field('endDate', date),
    location: c.field('location', (v) => optionalText(v, LIMITS.name)),
    description: c.field('description', (v) => optionalText(v, LIMITS.text, true)),
    topics: c.field('topics', (v) =>
      noRepeats(
        listOf(v, (e) => topicRef(e, false), LIMITS.listInput),
        (t) => t.ref,
      ),
    ),
    participants: c.field('participants', (v) => noRepeats(listOf(v, participantRef, LIMITS.listInput), (p) => p.ref)),
  });
  if (
    record.id === undefined &&
    record.title === undefined &&
    row.values.id === undefined &&
    row.values.title === undefined
  ) {
    c.fail(null, c.m.needsTitleOrId());
  }
  // Empty and absent both: a new collaboration with an end date needs a start date (a stored one is checked in resolve.ts).
  if (record.endDate && record.startDate === null) c.fail('startDate', c.m.endWithoutStart());
  if (record.startDate && record.endDate && record.endDate < record.startDate) {
    c.fail('endDate', c.m.endBeforeStart(record.endDate, record.startDate));
  }
  return record;
}

function checkParticipation(row: RawRow, c: RowCheck): CheckedParticipation {
  const ref = (v: unknown) => {
    if (v === undefined || isEmpty(v)) throw new Problem((m) => m.isEmpty());
    return limited(asText(v).trim(), LIMITS.name);
  };
  const collaboration = c.field('collaboration', ref);
  const actor = c.field('actor', ref);
  const role = c.field('role', (v) =>
    v === undefined || isEmpty(v) ? undefined : word(v, roleOf, ROLE_WORDS, 'role'),
  );
  return defined<CheckedParticipation>({
    source: row.source,
    labels: row.labels,
    collaboration: collaboration ?? '',
    actor: actor ?? '',
    role,
  });
}

const CHECKS: { [T in TableName]: (row: RawRow, c: RowCheck) => unknown } = {
  actors: checkActor,
  topics: checkTopic,
  collaborations: checkCollaboration,
  participations: checkParticipation,
};

/** Checks every row; `onRow` is told after each (progress). `m`: the report's language (report-messages.ts). */
export function validateRows(
  rows: readonly RawRow[],
  onRow: (done: number) => void = () => {},
  m: ReportMessages = EN,
): CheckedRows {
  const out: CheckedRows = { actors: [], topics: [], collaborations: [], participations: [], rejections: [] };
  rows.forEach((row, i) => {
    const check = new RowCheck(row, m);
    const record = CHECKS[row.source.table](row, check) as Checked;
    if (check.problems.length > 0) {
      out.rejections.push(...check.problems);
      record.rejected = true;
    }
    (out[row.source.table] as unknown[]).push(record);
    onRow(i + 1);
  });
  return out;
}
