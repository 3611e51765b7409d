import { NotFoundError } from '../../domain/errors';

/**
 * A record that a relationship points to must exist; if it vanished between two reads of one
 * request (a concurrent delete), the field answers NOT_FOUND rather than a null in a non-null field.
 */
export function required<T>(value: T | null | undefined, entity: 'Actor' | 'Topic' | 'Collaboration', id: string): T {
  if (value === null || value === undefined) throw new NotFoundError(entity, id);
  return value;
}
