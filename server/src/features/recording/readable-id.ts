/**
 * One rule for the id of a new actor, for the API and the import: readable, made from the name
 * (slugify, as the import does: "Lesepaten Batenbrock" → "lesepaten-batenbrock"), and unique —
 * "-2", "-3" … when the id is taken. A name with nothing to make a slug of gets none (the store
 * then makes a UUID).
 */
import { slugify } from '../../domain/text';
import { MissingReferenceError } from '../../domain/input-rules';
import type { NetworkStore } from '../../store/network-store';

/** Ids are at most 100 characters (LIMITS.id); room is left for the "-n" suffix. */
const MAX_SLUG = 90;

export async function readableActorId(store: Pick<NetworkStore, 'getActors'>, name: string): Promise<string | null> {
  const slug = slugify(name).slice(0, MAX_SLUG).replace(/-+$/, '');
  if (slug === '') return null;
  for (let start = 1; ; start += 20) {
    const candidates = Array.from({ length: 20 }, (_, i) => (start + i === 1 ? slug : `${slug}-${start + i}`));
    const found = await store.getActors(candidates);
    const free = candidates.find((_, i) => found[i] === null);
    if (free) return free;
  }
}

/**
 * Unknown participants of a new collaboration named by their place in the list
 * (`participants[2].actorId`), not only by the list — checked before the store is asked, the same
 * for both stores.
 */
export async function requireParticipants(
  store: Pick<NetworkStore, 'getActors'>,
  participants: ReadonlyArray<{ actorId: string }>,
): Promise<void> {
  if (participants.length === 0) return;
  const found = await store.getActors([...new Set(participants.map((p) => p.actorId))]);
  const known = new Set(found.filter((a): a is NonNullable<typeof a> => a !== null).map((a) => a.id));
  const missing = participants.findIndex((p) => !known.has(p.actorId));
  if (missing >= 0)
    throw new MissingReferenceError('Actor', participants[missing].actorId, `participants[${missing}].actorId`);
}
