/**
 * Input rules every store enforces itself because they concern identity (derived ids, repeated
 * references), not shape — the caller has already validated shape and lengths. Shared by both
 * adapters so that they refuse the same inputs with the same errors.
 */
import { BadInputError, NotFoundError } from './errors';
import { slugify } from './text';
import type { CreateTopicInput, InterestInput, ParticipantInput } from './records';

type Entity = 'Actor' | 'Topic' | 'Collaboration';

/** A write refers to a record that does not exist: NOT_FOUND, naming the input field. */
export class MissingReferenceError extends NotFoundError {
  constructor(
    entity: Entity,
    id: string,
    override readonly field: string,
  ) {
    super(entity, id);
  }
}

/** A topic's id: the one given, else the slug of its name (which must then not be empty). */
export function topicIdOf(input: Pick<CreateTopicInput, 'id' | 'name'>): string {
  if (input.id != null) return input.id;
  const slug = slugify(input.name);
  if (slug === '') throw new BadInputError(`cannot derive a topic id from the name "${input.name}"`, 'name');
  return slug;
}

/** Throws BAD_USER_INPUT (field `participants`) when an actor is listed more than once. */
export function checkParticipants(participants: readonly ParticipantInput[], where = ''): void {
  const seen = new Set<string>();
  for (const p of participants) {
    if (seen.has(p.actorId)) {
      throw new BadInputError(`Actor "${p.actorId}" is listed twice${where}`, 'participants');
    }
    seen.add(p.actorId);
  }
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

/** The distinct values of a list, in first-seen order. */
export function distinct(values: readonly string[]): string[] {
  return [...new Set(values)];
}

/** BAD_USER_INPUT when a patch sets one of the required `fields` to null (they cannot be cleared). */
export function checkRequired(patch: object, fields: readonly string[]): void {
  const values = patch as { [key: string]: unknown };
  for (const field of fields) {
    if (values[field] === null) throw new BadInputError(`${field} cannot be cleared`, field);
  }
}
