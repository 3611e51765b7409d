/**
 * The syntax inside CSV cells, shared by the CSV reader and writer so that what one writes the
 * other reads back unchanged:
 * - lists (Themen, Aliase, Beteiligte) are separated by `;` or line breaks; `\;` is a literal `;`
 *   and `\\` a literal backslash;
 * - a topic may carry its weight in brackets: `Umwelt (0,5)` or `umwelt (0.5)` — a decimal in (0, 1];
 * - a participant may carry its role in brackets: `Bobbie e.V. (Veranstalter)` — only a known role
 *   word counts as a role, so `Kita Sonnenblume (Beispiel)` stays a name;
 * - a cell the writer had to protect against spreadsheet formulas (starting with = + - @) starts
 *   with `'`, which the reader removes again.
 */
import type { ParticipationRole } from '../../domain/model';
import { roleOf } from './vocabulary';

/** Splits a list cell; items are trimmed, empty ones dropped. */
export function splitList(cell: string): string[] {
  const items: string[] = [];
  let current = '';
  for (let i = 0; i < cell.length; i++) {
    const ch = cell[i];
    if (ch === '\\' && (cell[i + 1] === ';' || cell[i + 1] === '\\')) {
      current += cell[++i];
    } else if (ch === ';' || ch === '\n' || ch === '\r') {
      items.push(current);
      current = '';
    } else {
      current += ch;
    }
  }
  items.push(current);
  return items.map((item) => item.trim()).filter((item) => item !== '');
}

/** Joins list items so that splitList gives them back. */
export function joinList(items: readonly string[]): string {
  return items.map((item) => item.replace(/\\/g, '\\\\').replace(/;/g, '\\;')).join('; ');
}

const WEIGHT_SUFFIX = /^(.*\S)\s*\(\s*(0?[.,]\d+|1(?:[.,]0+)?)\s*\)$/;

/** `Umwelt (0,5)` → { ref: 'Umwelt', weight: 0.5 }; without a bracketed decimal the whole item is the reference. */
export function topicItem(item: string): { ref: string; weight?: number } {
  const match = WEIGHT_SUFFIX.exec(item);
  if (!match) return { ref: item };
  return { ref: match[1], weight: Number(match[2].replace(',', '.')) };
}

/** The cell form of a topic with its weight (the weight only when it is not 1). */
export function topicCell(ref: string, weight: number): string {
  return weight === 1 ? ref : `${ref} (${weight})`;
}

const BRACKET_SUFFIX = /^(.*\S)\s*\(([^()]+)\)$/;

/** `Bobbie e.V. (Veranstalter)` → { ref: 'Bobbie e.V.', role: 'ORGANISER' }. */
export function participantItem(item: string): { ref: string; role?: ParticipationRole } {
  const match = BRACKET_SUFFIX.exec(item);
  const role = match ? roleOf(match[2]) : undefined;
  return match && role ? { ref: match[1], role } : { ref: item };
}

/** Cells starting like a formula are written with a leading `'` (OWASP's advice against CSV injection). */
const FORMULA_START = /^[=+\-@\t\r]/;

export function protectCell(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

export function unprotectCell(value: string): string {
  return value.startsWith("'") && FORMULA_START.test(value.slice(1)) ? value.slice(1) : value;
}
