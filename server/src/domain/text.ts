/**
 * Name normalisation shared by every store, so that sorting and searching agree everywhere:
 * case-insensitive, umlauts and accents folded ("Bürgerhaus" sorts and matches like "burgerhaus"),
 * ß as "ss", runs of whitespace collapsed.
 */
export function nameKey(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ß/g, 'ss')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/** URL-safe slug of a topic name: "Urban Gardening" -> "urban-gardening", "Jugend & Sport" -> "jugend-sport". */
export function slugify(name: string): string {
  return nameKey(name)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}
