/**
 * Likely duplicate actors, for a person to review before merging (`mergeActors`).
 *
 * Three signals, each a reason of its own:
 * - SIMILAR_NAME: the names, normalised (nameKey, punctuation dropped, legal forms such as "e.V.",
 *   "gGmbH", "eG" removed), are similar — the larger of the trigram Dice coefficient and the
 *   Jaro–Winkler similarity (at most 0.5 when the numbers in the names differ), at least `nameThreshold` (0.85 by default, which needs more than a
 *   shared prefix: "Bobbie e.V." and "Bobbie" are 1.0, "Jugendtreff Kiste" and "Jugendtreff Kist" 0.98,
 *   "Stadt Bottrop" and "Stadtteilagentur Batenbrock" stay below);
 * - SAME_WEBSITE: the same host (scheme, "www." and path ignored);
 * - SAME_EMAIL: the same e-mail address in the contact field (case ignored).
 *
 * Candidate pairs come from blocking, never from all n² pairs: actors sharing a normalised name, a
 * host, an address or at least one rare name trigram (a trigram held by more than `maxBlock` actors, e.g. "ver" of
 * "verein", does not make pairs on its own). Hosts and addresses held by more than `maxBlock` actors
 * (a platform, a city portal) are not used either.
 */
import { nameKey } from './text';

export type DuplicateReason = 'SIMILAR_NAME' | 'SAME_WEBSITE' | 'SAME_EMAIL';

export interface DuplicateInput {
  id: string;
  name: string;
  website: string | null;
  contact: string | null;
}

export interface DuplicatePair {
  /** The two actors, ids in ascending order. */
  actorIds: [string, string];
  reasons: DuplicateReason[];
  /** Similarity of the normalised names, 0..1. */
  nameSimilarity: number;
  /** The shared host or address, when those are reasons. */
  website: string | null;
  email: string | null;
}

export interface DuplicateOptions {
  nameThreshold?: number;
  maxBlock?: number;
}

/** Legal forms and their spellings as tokens after normalisation ("e.V." → "e v"). */
const LEGAL_FORMS = new Set([
  'ev',
  'eg',
  'ek',
  'gmbh',
  'ggmbh',
  'mbh',
  'ag',
  'kg',
  'ohg',
  'gbr',
  'ug',
  'kgaa',
  'se',
  'aor',
  'kdor',
  'gag',
  'haftungsbeschrankt',
  'co',
  'mbb',
  'partg',
]);
/** Two-token spellings: "e. V." → "e v", "g GmbH" → "g gmbh". */
const LEGAL_PAIRS = new Set(['e v', 'e g', 'e k', 'g gmbh', 'g ag', 'k d o r', 'a o r']);

/** The name as compared: nameKey, only letters and digits, legal forms removed. */
export function normaliseName(name: string): string {
  const tokens = nameKey(name)
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
    .split(' ')
    .filter(Boolean);
  const kept: string[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const pair = tokens.slice(i, i + 2).join(' ');
    if (LEGAL_PAIRS.has(pair)) {
      i += 1;
      continue;
    }
    if (!LEGAL_FORMS.has(tokens[i])) kept.push(tokens[i]);
  }
  return (kept.length > 0 ? kept : tokens).join(' ');
}

/** The trigrams of `  s ` (padded, so short names and word starts count). */
export function trigrams(s: string): Set<string> {
  const padded = `  ${s} `;
  const out = new Set<string>();
  for (let i = 0; i + 3 <= padded.length; i++) out.add(padded.slice(i, i + 3));
  return out;
}

/** Dice coefficient of two trigram sets. */
export function trigramDice(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 && b.size === 0) return 1;
  let shared = 0;
  for (const t of a) if (b.has(t)) shared++;
  return (2 * shared) / (a.size + b.size);
}

/** Jaro–Winkler similarity (prefix scale 0.1, prefix up to 4). */
export function jaroWinkler(a: string, b: string): number {
  if (a === b) return 1;
  if (a.length === 0 || b.length === 0) return 0;
  const window = Math.max(0, Math.floor(Math.max(a.length, b.length) / 2) - 1);
  const aMatched = new Uint8Array(a.length);
  const bMatched = new Uint8Array(b.length);
  let matches = 0;
  for (let i = 0; i < a.length; i++) {
    const lo = Math.max(0, i - window);
    const hi = Math.min(b.length - 1, i + window);
    for (let j = lo; j <= hi; j++) {
      if (!bMatched[j] && a[i] === b[j]) {
        aMatched[i] = bMatched[j] = 1;
        matches++;
        break;
      }
    }
  }
  if (matches === 0) return 0;
  let transpositions = 0;
  for (let i = 0, j = 0; i < a.length; i++) {
    if (!aMatched[i]) continue;
    while (!bMatched[j]) j++;
    if (a[i] !== b[j]) transpositions++;
    j++;
  }
  const m = matches;
  const jaro = (m / a.length + m / b.length + (m - transpositions / 2) / m) / 3;
  let prefix = 0;
  while (prefix < 4 && prefix < a.length && prefix < b.length && a[prefix] === b[prefix]) prefix++;
  return jaro + prefix * 0.1 * (1 - jaro);
}

/** The website's host without "www.", lower case; null when there is none. */
export function websiteHost(website: string | null): string | null {
  if (!website || !website.trim()) return null;
  const text = website.trim();
  try {
    const url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `https://${text}`);
    const host = url.hostname.toLowerCase().replace(/^www\./, '');
    return host.includes('.') ? host : null;
  } catch {
    return null;
  }
}

const EMAIL = /[a-z0-9._%+-]+@[a-z0-9.-]+\.[a-z]{2,}/gi;

/** The e-mail addresses in a contact field, lower case. */
export function emailsOf(contact: string | null): string[] {
  return [...new Set((contact?.match(EMAIL) ?? []).map((e) => e.toLowerCase()))];
}

const numbersOf = (s: string) => (s.match(/[0-9]+/g) ?? []).join(' ');

/**
 * max(trigram Dice, Jaro–Winkler); names whose numbers differ ("Akteur 000010" / "Akteur 000100",
 * "Sportfreunde 1927" / "Sportfreunde 1928") are different actors, so at most 0.5.
 */
export function nameSimilarity(
  a: string,
  b: string,
  ta: ReadonlySet<string> = trigrams(a),
  tb: ReadonlySet<string> = trigrams(b),
): number {
  const similarity = Math.max(trigramDice(ta, tb), jaroWinkler(a, b));
  return numbersOf(a) === numbersOf(b) ? similarity : Math.min(0.5, similarity);
}

/**
 * Every likely duplicate pair among `actors`: most reasons first, then the most similar names, then
 * by ids (a stable order for paging through them).
 */
export function findDuplicates(actors: readonly DuplicateInput[], options: DuplicateOptions = {}): DuplicatePair[] {
  const threshold = options.nameThreshold ?? 0.85;
  const maxBlock = options.maxBlock ?? 50;
  const normal = actors.map((a) => normaliseName(a.name));
  const grams = normal.map((n) => trigrams(n));
  const hosts = actors.map((a) => websiteHost(a.website));
  const emails = actors.map((a) => emailsOf(a.contact));

  const blocks = new Map<string, number[]>();
  const addTo = (key: string, i: number) => {
    const list = blocks.get(key);
    if (list) list.push(i);
    else blocks.set(key, [i]);
  };
  actors.forEach((_a, i) => {
    addTo(`n:${normal[i]}`, i);
    for (const g of grams[i]) addTo(`g:${g}`, i);
    if (hosts[i]) addTo(`w:${hosts[i]}`, i);
    for (const e of emails[i]) addTo(`e:${e}`, i);
  });

  const seen = new Set<number>();
  const n = actors.length;
  const pairs: DuplicatePair[] = [];
  for (const [key, members] of blocks) {
    if (members.length < 2 || members.length > maxBlock) continue;
    void key;
    for (let x = 0; x < members.length; x++) {
      for (let y = x + 1; y < members.length; y++) {
        const [i, j] = members[x] < members[y] ? [members[x], members[y]] : [members[y], members[x]];
        const pairKey = i * n + j;
        if (seen.has(pairKey)) continue;
        seen.add(pairKey);
        const similarity = nameSimilarity(normal[i], normal[j], grams[i], grams[j]);
        const reasons: DuplicateReason[] = [];
        if (similarity >= threshold) reasons.push('SIMILAR_NAME');
        const usable = (key: string) => (blocks.get(key)?.length ?? 0) <= maxBlock;
        const sameHost = hosts[i] !== null && hosts[i] === hosts[j] && usable(`w:${hosts[i]}`) ? hosts[i] : null;
        if (sameHost) reasons.push('SAME_WEBSITE');
        const sameEmail = emails[i].find((e) => emails[j].includes(e) && usable(`e:${e}`)) ?? null;
        if (sameEmail) reasons.push('SAME_EMAIL');
        if (reasons.length === 0) continue;
        const [first, second] = actors[i].id < actors[j].id ? [actors[i], actors[j]] : [actors[j], actors[i]];
        pairs.push({
          actorIds: [first.id, second.id],
          reasons,
          nameSimilarity: Math.round(similarity * 1000) / 1000,
          website: sameHost,
          email: sameEmail,
        });
      }
    }
  }
  return pairs.sort(byStrength);
}

/** Most reasons first, then the most similar names, then by ids. */
function byStrength(p: DuplicatePair, q: DuplicatePair): number {
  return (
    q.reasons.length - p.reasons.length ||
    q.nameSimilarity - p.nameSimilarity ||
    (p.actorIds[0] < q.actorIds[0] ? -1 : p.actorIds[0] > q.actorIds[0] ? 1 : 0) ||
    (p.actorIds[1] < q.actorIds[1] ? -1 : p.actorIds[1] > q.actorIds[1] ? 1 : 0)
  );
}

/** Reasons drawn from personal contact data (an e-mail address in `contact`). */
export const CONTACT_REASONS: readonly DuplicateReason[] = ['SAME_EMAIL'];

/**
 * The pairs as someone sees them who may not read contact data: reasons drawn from it removed (with
 * the shared address), pairs left without a reason dropped, and the rest sorted again — so that
 * neither a reason, nor a pair, nor the order gives away that two actors share an address.
 */
export function withoutContactReasons(pairs: readonly DuplicatePair[]): DuplicatePair[] {
  return pairs
    .map((p) => ({ ...p, reasons: p.reasons.filter((r) => !CONTACT_REASONS.includes(r)), email: null }))
    .filter((p) => p.reasons.length > 0)
    .sort(byStrength);
}
