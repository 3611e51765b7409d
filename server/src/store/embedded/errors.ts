/**
 * DomainErrors the embedded store raises beyond those of domain/errors, and the translation of
 * SQLite constraint failures that explicit checks should have caught first.
 */
import { ConflictError, DomainError, NotFoundError } from '../../domain/errors';

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

/**
 * Maps an error thrown inside a write transaction to what the port promises. DomainErrors pass;
 * a constraint failure (a race with another process, or a check we missed) still becomes a
 * DomainError rather than a driver error; anything else (I/O, a closed database) is rethrown as is.
 */
export function toDomainError(error: unknown): unknown {
  if (error instanceof DomainError) return error;
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || code === 'SQLITE_CONSTRAINT_UNIQUE') {
    return new ConflictError('a record with this id already exists', 'id');
  }
  if (code === 'SQLITE_CONSTRAINT_FOREIGNKEY') {
    return new DomainError('NOT_FOUND', 'the write refers to a record that does not exist');
  }
  return error;
}
