/**
 * "Meinten Sie …?": the accepted word or the known name nearest to a misspelling in an imported
 * file. The edit distance is fastest-levenshtein's (a small, widely used implementation).
 */
import { distance } from 'fastest-levenshtein';
import { nameKey } from '../../domain/text';

/** The accepted word nearest to a misspelling (at most a third of its letters off), or null. */
export function closestWord(given: string, words: { [key: string]: readonly string[] }): string | null {
  const g = given.trim().toLowerCase();
  let best: { word: string; distance: number } | null = null;
  for (const [value, list] of Object.entries(words)) {
    for (const word of [...list, value]) {
      const distance = editDistance(g, word.toLowerCase());
      if (!best || distance < best.distance) best = { word, distance };
    }
  }
  return best && best.distance > 0 && best.distance <= Math.max(1, Math.floor(g.length / 3)) ? best.word : null;
}

/** The name nearest to a misspelled reference (case and accents ignored, a third of its letters off at most), or null. */
export function nearestName(given: string, names: readonly string[]): string | null {
  const g = nameKey(given);
  let best: { name: string; distance: number } | null = null;
  for (const name of names) {
    const distance = editDistance(g, nameKey(name));
    if (!best || distance < best.distance) best = { name, distance };
  }
  return best && best.distance > 0 && best.distance <= Math.max(1, Math.floor(g.length / 3)) ? best.name : null;
}

/** Levenshtein distance (insert, delete, replace one letter). */
export const editDistance = (a: string, b: string): number => distance(a, b);
