/**
 * The translation of SQLite constraint failures that explicit checks should have caught first.
 */
import { ConflictError, DomainError } from '../../domain/errors';

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
