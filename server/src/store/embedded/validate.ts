/**
 * Input rules the store itself enforces because they concern identity (derived ids, repeated
 * references), not shape — the caller has already validated shape and lengths.
 */
import { BadInputError } from '../../domain/errors';
import { slugify } from '../../domain/text';
import type { CreateTopicInput, InterestInput, ParticipantInput } from '../network-store';

/** A topic's id: the one given, else the slug of its name (which must then not be empty). */
export function topicIdOf(input: Pick<CreateTopicInput, 'id' | 'name'>): string {
  if (input.id != null) return input.id;
  const slug = slugify(input.name);
  if (slug === '') throw new BadInputError(`cannot derive a topic id from the name "${input.name}"`, 'name');
  return slug;
}

/** The first actor listed more than once, if any. */
export function duplicateActor(participants: readonly ParticipantInput[]): string | undefined {
  const seen = new Set<string>();
  for (const p of participants) {
    if (seen.has(p.actorId)) return p.actorId;
    seen.add(p.actorId);
  }
  return undefined;
}

/**
 * Interests to store: each topic once (twice would be two different weights for one relationship)
 * and a weight in (0, 1], 1 when absent.
 */
export function checkInterests(interests: readonly InterestInput[]): Array<{ topicId: string; weight: number }> {
  const seen = new Set<string>();
  return interests.map((i, n) => {
    if (seen.has(i.topicId)) throw new BadInputError(`topic "${i.topicId}" is listed twice`, 'interests');
    seen.add(i.topicId);
    const weight = i.weight ?? 1;
    if (!(weight > 0 && weight <= 1)) {
      throw new BadInputError(`weight must be in (0, 1], got ${weight}`, `interests[${n}].weight`);
    }
    return { topicId: i.topicId, weight };
  });
}
