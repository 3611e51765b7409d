/**
 * What an answer through an update link may say, and which proposals it becomes (pure: the caller
 * passes the actor's entry and what exists). The text rules and limits are those of the rest of the
 * API (domain/validation.ts, graphql/common/validators.ts LIMITS); a bad answer raises a DomainError
 * naming the field, before anything is stored.
 *
 * The body (JSON):
 *   fields?:    { name?, kind?, description?, website?, district? }   — the entry as it should be
 *   topicIds?:  string[]                                               — the whole set of its topics
 *   newTopics?: string[]                                               — topics proposed by name
 *   contact?:   { value: string, consent: boolean } | null             — contact data, with consent
 *   partners?:  [{ actorId? | name?, about, when? }]                   — collaborations of the last year
 * Only what differs from the entry becomes a proposal; an answer without changes confirms the entry.
 */
import { BadInputError, DomainError } from '../../domain/errors';
import { ACTOR_KINDS, type Actor } from '../../domain/model';
import { malformedEmail, normalizeText, textProblem } from '../../domain/validation';
import { LIMITS } from '../../domain/limits';
import type { UpdateProposalDraft } from './update-link-rules';

export const MAX_PARTNERS = 20;
export const MAX_NEW_TOPICS = 10;
export const MAX_TOPICS = 100;
export const MAX_ABOUT = 1000;
export const MAX_WHEN = 100;

export interface AnswerContext {
  actor: Actor;
  /** The actor's topic ids now. */
  topicIds: readonly string[];
  /** Which of the given ids exist (topics, actors). */
  topicExists: (id: string) => boolean;
  /** The name of an existing actor; null when there is none. */
  actorName: (id: string) => string | null;
}

export interface PartnershipValue {
  /** The partner when picked from the list; null when only named. */
  partnerId: string | null;
  /** Its name (as listed, or as given). */
  partnerName: string;
  about: string;
  when: string | null;
}

export interface ParsedAnswer {
  proposals: UpdateProposalDraft[];
  /** Consent given with contact data. */
  consent: boolean;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function onlyKeys(value: Record<string, unknown>, allowed: readonly string[], field: string): void {
  for (const key of Object.keys(value)) {
    if (!allowed.includes(key)) throw new BadInputError(`unknown field "${key}"`, field ? `${field}.${key}` : key);
  }
}

/** A text value by the API's rule: a string, within `max`, no controls; NFC; trimmed; '' → null when optional. */
function text(
  value: unknown,
  field: string,
  max: number,
  options: { multiline?: boolean; required?: boolean } = {},
): string | null {
  if (value === null || value === undefined) {
    if (options.required) throw new BadInputError(`${field} is required`, field);
    return null;
  }
  if (typeof value !== 'string') throw new BadInputError(`${field} must be text`, field);
  const problem = textProblem(value, options.multiline ?? false);
  if (problem) throw new BadInputError(`${field} ${problem}`, field);
  const trimmed = normalizeText(value.trim());
  if (trimmed.length > max) throw new BadInputError(`${field} must be at most ${max} characters`, field);
  if (trimmed === '') {
    if (options.required) throw new BadInputError(`${field} must not be empty`, field);
    return null;
  }
  return trimmed;
}

function list(value: unknown, field: string, max: number): unknown[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) throw new BadInputError(`${field} must be a list`, field);
  if (value.length > max) throw new BadInputError(`${field} must have at most ${max} entries`, field);
  return value;
}

function website(value: unknown): string | null {
  const url = text(value, 'fields.website', LIMITS.url);
  if (url === null) return null;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new BadInputError('fields.website must be a web address (https://…)', 'fields.website');
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:')
    throw new BadInputError('fields.website must start with https:// or http://', 'fields.website');
  return url;
}

export function parseAnswer(body: unknown, ctx: AnswerContext): ParsedAnswer {
  if (!isObject(body)) throw new BadInputError('the answer must be a JSON object', '');
  onlyKeys(body, ['fields', 'topicIds', 'newTopics', 'contact', 'partners'], '');
  const proposals: UpdateProposalDraft[] = [];
  const actor = ctx.actor;

  // Fields of the entry: a proposal for each that differs.
  if (body.fields !== undefined && body.fields !== null) {
    if (!isObject(body.fields)) throw new BadInputError('fields must be an object', 'fields');
    const f = body.fields;
    onlyKeys(f, ['name', 'kind', 'description', 'website', 'district'], 'fields');
    const proposed: Record<string, unknown> = {};
    if ('name' in f) proposed.name = text(f.name, 'fields.name', LIMITS.name, { required: true });
    if ('kind' in f) {
      if (typeof f.kind !== 'string' || !(ACTOR_KINDS as readonly string[]).includes(f.kind))
        throw new BadInputError('fields.kind is not a known kind', 'fields.kind');
      proposed.kind = f.kind;
    }
    if ('description' in f)
      proposed.description = text(f.description, 'fields.description', LIMITS.text, { multiline: true });
    if ('website' in f) proposed.website = website(f.website);
    if ('district' in f) proposed.district = text(f.district, 'fields.district', LIMITS.name);
    for (const [field, value] of Object.entries(proposed)) {
      const current = (actor as unknown as Record<string, unknown>)[field] ?? null;
      if (value !== current) proposals.push({ kind: 'FIELD', field, value });
    }
  }

  // Topics: the whole set; what is added and what is removed.
  if (body.topicIds !== undefined && body.topicIds !== null) {
    const ids = list(body.topicIds, 'topicIds', MAX_TOPICS).map((id, i) => {
      const value = text(id, `topicIds[${i}]`, LIMITS.reference, { required: true })!;
      if (!ctx.topicExists(value))
        throw new DomainError('NOT_FOUND', `topic "${value}" does not exist`, `topicIds[${i}]`);
      return value;
    });
    const wanted = new Set(ids);
    const current = new Set(ctx.topicIds);
    for (const id of wanted) if (!current.has(id)) proposals.push({ kind: 'ADD_TOPIC', value: id });
    for (const id of current) if (!wanted.has(id)) proposals.push({ kind: 'REMOVE_TOPIC', value: id });
  }
  const newTopics = new Set<string>();
  for (const [i, name] of list(body.newTopics, 'newTopics', MAX_NEW_TOPICS).entries()) {
    newTopics.add(text(name, `newTopics[${i}]`, LIMITS.name, { required: true })!);
  }
  for (const name of newTopics) proposals.push({ kind: 'NEW_TOPIC', value: name });

  // Contact data: only with consent.
  let consent = false;
  if (body.contact !== undefined && body.contact !== null) {
    if (!isObject(body.contact)) throw new BadInputError('contact must be an object', 'contact');
    onlyKeys(body.contact, ['value', 'consent'], 'contact');
    const value = text(body.contact.value, 'contact.value', LIMITS.contact, { multiline: true, required: true })!;
    const bad = malformedEmail(value);
    if (bad) throw new BadInputError(`contact.value holds a malformed e-mail address: ${bad}`, 'contact.value');
    if (body.contact.consent !== true)
      throw new BadInputError('contact data is stored only with consent', 'contact.consent');
    consent = true;
    if (value !== actor.contact) proposals.push({ kind: 'FIELD', field: 'contact', value });
  }

  // Partners of the last year.
  for (const [i, raw] of list(body.partners, 'partners', MAX_PARTNERS).entries()) {
    const field = `partners[${i}]`;
    if (!isObject(raw)) throw new BadInputError(`${field} must be an object`, field);
    onlyKeys(raw, ['actorId', 'name', 'about', 'when'], field);
    const partnerId = text(raw.actorId, `${field}.actorId`, LIMITS.reference);
    const name = text(raw.name, `${field}.name`, LIMITS.name);
    const partnerName = partnerId === null ? null : ctx.actorName(partnerId);
    if (partnerId !== null) {
      if (partnerName === null)
        throw new DomainError('NOT_FOUND', `actor "${partnerId}" does not exist`, `${field}.actorId`);
      if (partnerId === actor.id) throw new BadInputError('a partner must be another actor', `${field}.actorId`);
    } else if (name === null) {
      throw new BadInputError('a partner needs an actorId or a name', `${field}.name`);
    }
    const value: PartnershipValue = {
      partnerId,
      partnerName: partnerName ?? name!,
      about: text(raw.about, `${field}.about`, MAX_ABOUT, { multiline: true, required: true })!,
      when: text(raw.when, `${field}.when`, MAX_WHEN),
    };
    proposals.push({ kind: 'PARTNERSHIP', value });
  }
  return { proposals, consent };
}

/**
 * The first date a rough "when" names, for the collaboration's startDate: `2025`, `2025-03`,
 * `03/2025`, `März 2025` … → the first day of that year or month; null when it names no year.
 */
export function startDateOf(when: string | null): string | null {
  if (!when) return null;
  const iso = /\b(\d{4})-(\d{2})\b/.exec(when);
  if (iso && Number(iso[2]) >= 1 && Number(iso[2]) <= 12) return `${iso[1]}-${iso[2]}-01`;
  const slash = /\b(\d{1,2})[./](\d{4})\b/.exec(when);
  if (slash && Number(slash[1]) >= 1 && Number(slash[1]) <= 12) return `${slash[2]}-${slash[1]!.padStart(2, '0')}-01`;
  const months = ['jan', 'feb', 'mär', 'apr', 'mai', 'jun', 'jul', 'aug', 'sep', 'okt', 'nov', 'dez'];
  const lower = when.toLocaleLowerCase('de');
  const year = /\b(19|20)\d{2}\b/.exec(lower);
  if (!year) return null;
  const words = lower.split(/[^a-zäöüß]+/).filter(Boolean);
  const seasons: Array<[RegExp, number]> = [
    [/^(frühjahr|frühling|spring)$/, 3],
    [/^(sommer|summer)$/, 6],
    [/^(herbst|autumn|fall)$/, 9],
    [/^winter$/, 1],
  ];
  const season = seasons.find(([re]) => words.some((w) => re.test(w)));
  const monthIndex = months.findIndex((m) =>
    words.some(
      (w) =>
        w.startsWith(m) ||
        (m === 'mär' && w.startsWith('mar')) ||
        (m === 'okt' && w.startsWith('oct')) ||
        (m === 'dez' && w.startsWith('dec')) ||
        (m === 'mai' && w === 'may'),
    ),
  );
  const month = monthIndex >= 0 ? monthIndex : season ? season[1] - 1 : -1;
  return `${year[0]}-${String(month >= 0 ? month + 1 : 1).padStart(2, '0')}-01`;
}
