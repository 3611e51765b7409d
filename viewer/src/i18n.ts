/**
 * German (default) and English: the current language, `t(key, params)`, counts and plurals, and
 * `applyI18n()` for static markup. The texts are in i18n-texts.ts, enum labels and plurals in
 * i18n-words.ts.
 */
import { de, en, type Key } from './i18n-texts';
import { enums, NOUNS, pluralDe, pluralEn, type Noun, type PluralKey, type PluralText } from './i18n-words';

export type Lang = 'de' | 'en';
export type { Key, Noun, PluralKey };

const LANG_KEY = 'quartiernetz:lang';
let lang: Lang = readLang();
const listeners: Array<() => void> = [];

function readLang(): Lang {
  try {
    return localStorage.getItem(LANG_KEY) === 'en' ? 'en' : 'de';
  } catch {
    return 'de';
  }
}

export function currentLang(): Lang {
  return lang;
}

export function setLang(next: Lang): void {
  lang = next;
  try {
    localStorage.setItem(LANG_KEY, next);
  } catch {
    /* private mode: the choice lasts for this page */
  }
  applyI18n();
  listeners.forEach((fn) => fn());
}

export function onLangChange(fn: () => void): void {
  listeners.push(fn);
}

/** Numbers in parameters are written the page's way (1.999 in German, 1,999 in English); pass a year as a string. */
export function t(key: Key, params: Record<string, string | number> = {}): string {
  const text: string = lang === 'en' ? en[key] : de[key];
  return fill(text, params);
}

function fill(text: string, params: Record<string, string | number>): string {
  return text.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = params[name];
    if (value === undefined) return `{${name}}`;
    return typeof value === 'number' ? formatCount(value) : value;
  });
}

// --- counts and plurals (Intl.PluralRules, Intl.NumberFormat, Intl.ListFormat) -------------------

const locale = () => (lang === 'de' ? 'de-DE' : 'en-GB');

/** A whole number written the page's way: 1.999 (German), 1,999 (English). */
export function formatCount(n: number): string {
  return new Intl.NumberFormat(locale(), { maximumFractionDigits: 2 }).format(n);
}

function pluralForm(n: number): 'one' | 'other' {
  return new Intl.PluralRules(locale()).select(n) === 'one' ? 'one' : 'other';
}

/** „1 Akteur“, „1.999 Akteure“, "2 links". */
export function count(noun: Noun, n: number): string {
  const [one, other] = NOUNS[lang][noun];
  return `${formatCount(n)} ${pluralForm(n) === 'one' ? one : other}`;
}

/** The sentence of `key` for the number `n` (German or English), with further parameters. */
export function tn(key: PluralKey, n: number, params: Record<string, string | number> = {}): string {
  const text: PluralText = lang === 'en' ? pluralEn[key] : pluralDe[key];
  const chosen = n === 0 && text.zero !== undefined ? text.zero : text[pluralForm(n)];
  return fill(chosen, { ...params, n });
}

/** „3 und 2“, "3 and 2", „5, 3 und 2“. */
export function listOf(items: readonly string[]): string {
  return new Intl.ListFormat(locale(), { style: 'long', type: 'conjunction' }).format(items);
}

/** Label of an enum value (actor kind, collaboration kind, role). */
export function label(value: string | null | undefined, role = false): string {
  if (!value) return '';
  const table = enums[lang];
  return (role && table[`${value}_ROLE`]) || table[value] || value;
}

export function formatDate(iso: string | null | undefined): string {
  if (!iso) return '';
  const [y, m, d] = iso.split('-');
  return lang === 'de' ? `${d}.${m}.${y}` : iso;
}

export function formatNumber(n: number, digits = 2): string {
  return n.toLocaleString(locale(), { maximumFractionDigits: digits, minimumFractionDigits: 0 });
}

/** Sets the text of every `[data-i18n]` element (and `data-i18n-placeholder`, `data-i18n-title`). */
export function applyI18n(root: ParentNode = document): void {
  document.documentElement.lang = lang;
  root.querySelectorAll<HTMLElement>('[data-i18n]').forEach((el) => {
    el.textContent = t(el.dataset.i18n as Key);
  });
  root.querySelectorAll<HTMLElement>('[data-i18n-placeholder]').forEach((el) => {
    el.setAttribute('placeholder', t(el.dataset.i18nPlaceholder as Key));
  });
  root.querySelectorAll<HTMLElement>('[data-i18n-title]').forEach((el) => {
    el.setAttribute('title', t(el.dataset.i18nTitle as Key));
    el.setAttribute('aria-label', t(el.dataset.i18nTitle as Key));
  });
}
