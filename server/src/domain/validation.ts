/**
 * Rules that need more than one field, checked before anything is written. Field-level rules
 * (lengths, formats, enums) are declared on the GraphQL inputs with class-validator.
 */
import { BadInputError } from './errors';
import type { IsoDate } from './model';

/** Ids chosen by clients (seeds, imports): readable and safe in URLs. */
export const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._:-]*$/;

/** A real calendar date `YYYY-MM-DD` (2023-02-30 is not one). */
export function isCalendarDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

export function checkDateRange(
  startDate: IsoDate | null | undefined,
  endDate: IsoDate | null | undefined,
  fieldPrefix = '',
): void {
  if (endDate && !startDate) {
    throw new BadInputError('endDate needs a startDate', `${fieldPrefix}endDate`);
  }
  if (startDate && endDate && endDate < startDate) {
    throw new BadInputError(`endDate ${endDate} is before startDate ${startDate}`, `${fieldPrefix}endDate`);
  }
}

/** A filter's date range must not end before it starts (`filter.to` before `filter.from`). */
export function checkFilterRange(filter: { from?: IsoDate | null; to?: IsoDate | null } | null | undefined): void {
  if (filter?.from && filter.to && filter.to < filter.from) {
    throw new BadInputError(`filter.to ${filter.to} is before filter.from ${filter.from}`, 'filter.to');
  }
}

// Text rules, one for every path that takes text in (GraphQL inputs through graphql/common/
// validators.ts, the import through transfer/validate.ts, feedback notes):
// - single-line text (names, titles, places) holds no control characters at all; multi-line text
//   (descriptions, contact details, notes) may break lines and use tabs; C1 controls never;
// - no bidi embedding, override or isolate controls (U+202A–U+202E, U+2066–U+2069), which make a
//   text display differently from what it holds ("Trojan Source");
// - not only invisible characters (Unicode's Default_Ignorable_Code_Point: zero-width space,
//   joiner and non-joiner, word joiner, BOM, soft hyphen, fillers, variation selectors …) and
//   white space: such a text looks empty. Inside visible text they stay (ZWJ in emoji, ZWNJ in
//   Persian, soft hyphens);
// - no unpaired UTF-16 surrogates, which no encoding can store faithfully.
// Text that passes is stored in NFC (normalizeText), so that one name has one spelling.
// eslint-disable-next-line no-control-regex -- control characters are exactly what this refuses
const SINGLE_LINE_FORBIDDEN = /[\u0000-\u001f\u007f-\u009f]/;
// eslint-disable-next-line no-control-regex -- control characters are exactly what this refuses
const MULTI_LINE_FORBIDDEN = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;
const BIDI_CONTROL = /[\u202a-\u202e\u2066-\u2069]/;
const INVISIBLE = /\p{Default_Ignorable_Code_Point}/u;
const ALL_INVISIBLE = /\p{Default_Ignorable_Code_Point}/gu;
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** Whether a text holds invisible characters and nothing else but white space (it looks empty, but is not). */
export function isInvisibleOnly(value: string): boolean {
  return INVISIBLE.test(value) && value.replace(ALL_INVISIBLE, '').trim() === '';
}

/** What is wrong with a text value, or null: control characters, bidi controls, nothing visible, broken Unicode. */
export function textProblem(value: string, multiline: boolean): string | null {
  if ((multiline ? MULTI_LINE_FORBIDDEN : SINGLE_LINE_FORBIDDEN).test(value)) {
    return multiline
      ? 'must not contain control characters other than line breaks and tabs'
      : 'must not contain control characters or line breaks';
  }
  if (BIDI_CONTROL.test(value))
    return 'must not contain bidirectional embedding, override or isolate controls (U+202A–U+202E, U+2066–U+2069)';
  if (LONE_SURROGATE.test(value)) return 'must be valid Unicode text';
  if (isInvisibleOnly(value)) return 'must not consist of invisible characters only';
  return null;
}

/** The one stored spelling of a text: Unicode NFC (a composed "ü", not "u" + combining diaeresis). */
export function normalizeText(value: string): string {
  return value.normalize('NFC');
}

/** The same for optional values (null and absent stay so). */
export function normalizeOptionalText<T extends string | null | undefined>(value: T): T {
  return (typeof value === 'string' ? value.normalize('NFC') : value) as T;
}

/**
 * For identities (a JWT's `sub`): the kind of the first character that may not appear in one at
 * all — control, bidi control or invisible (Default_Ignorable_Code_Point) — or null.
 */
export function forbiddenCharacter(value: string): string | null {
  if (SINGLE_LINE_FORBIDDEN.test(value)) return 'a control character';
  if (BIDI_CONTROL.test(value)) return 'a bidirectional control character';
  if (INVISIBLE.test(value)) return 'an invisible character';
  if (LONE_SURROGATE.test(value)) return 'broken Unicode (an unpaired surrogate)';
  return null;
}

const EMAIL = /^[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}$/;

/**
 * The first malformed e-mail address in a free contact text, or null. A word with an "@" after its
 * first character, or after `mailto:`, is taken as an e-mail address (`info@verein.de`, `<…>`) and
 * must be one; a word starting with "@" is a handle (`@repaircafe`), not an address.
 */
export function malformedEmail(contact: string): string | null {
  for (const raw of contact.split(/[\s,;()<>[\]"']+/)) {
    const mailto = /^mailto:/i.test(raw);
    const word = raw.replace(/^mailto:/i, '').replace(/[.:!?]+$/, '');
    if ((mailto || word.indexOf('@') > 0) && !EMAIL.test(word)) return raw;
  }
  return null;
}
