/**
 * The Neo4j store's connection: one driver per store; one session per call, always closed. Reads of
 * one statement (every batched lookup of a request) run auto-commit (`readRecords` /
 * `readStatement`), reads of several statements in `executeRead`, writes in `executeWrite` (one
 * transaction per write) unless they are one statement (`writeStatement`, auto-commit). All sessions share one bookmark manager, so a read sees every write this
 * process committed before it, also on a cluster (a single server needs no wait for that). The driver retries a
 * transaction only on transient / connection errors, never on the DomainErrors thrown by the parts:
 * those roll the transaction back and reach the caller unchanged.
 */
import neo4j, { isRetryableError } from 'neo4j-driver';
import type {
  BookmarkManager,
  Config,
  Driver,
  ManagedTransaction,
  Record as Neo4jRecord,
  Result,
  Session,
} from 'neo4j-driver';

import { translateError } from './errors';
import { retryingTransient } from './retry';

export interface Neo4jStoreOptions {
  /** `bolt://host:7687`, `neo4j://…` (routing) or `neo4j+s://…` (Aura). */
  uri: string;
  /** Basic auth when given; no auth otherwise. */
  user?: string;
  password?: string;
  /** The database to use; the server's default database when absent. */
  database?: string;
}

/**
 * How long the driver keeps retrying a transaction that failed transiently (deadlock, leader
 * switch, lost connection) — its default is 30 s, which with its back-off let a request on a
 * stopped server hang for about a minute before failing. 5 s covers deadlocks and a cluster's
 * leader election; beyond that the caller gets "Neo4j is not reachable" (measured: after about 7 s).
 */
export const MAX_TRANSACTION_RETRY_MS = 5_000;

export type Params = { [key: string]: unknown };

/**
 * `session.run` without the driver's stack capture: the driver makes an Error for every statement
 * (`new Error().stack`, to put the caller's frames on a failure), and under the tsx loader each
 * stack is formatted through the source maps: ~0.1 ms of CPU per statement. A failure with a Neo4j
 * code is translated (translateError) into an error made where it is caught, whose own stack shows
 * the caller; the driver's error, without frames, stays its `cause` with its message and code.
 */
function runUnstacked(session: Session, statement: string, params: Params): Result {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    return session.run(statement, params);
  } finally {
    Error.stackTraceLimit = limit;
  }
}

export function now(): string {
  return new Date().toISOString();
}

export class Neo4jConnection {
  readonly driver: Driver;
  readonly database: string | undefined;
  readonly uri: string;
  /** Causal consistency across this process's sessions: a request reads its own writes. */
  private readonly bookmarks: BookmarkManager = neo4j.bookmarkManager();
  private closed = false;

  constructor(options: Neo4jStoreOptions, driverConfig: Config = {}) {
    const auth = options.user != null ? neo4j.auth.basic(options.user, options.password ?? '') : undefined;
    this.driver = neo4j.driver(options.uri, auth, {
      userAgent: 'quartiernetz',
      maxTransactionRetryTime: MAX_TRANSACTION_RETRY_MS,
      ...driverConfig,
    });
    this.database = options.database || undefined;
    this.uri = options.uri;
  }

  private session(mode: 'READ' | 'WRITE'): Session {
    return this.driver.session({
      database: this.database,
      defaultAccessMode: mode === 'READ' ? neo4j.session.READ : neo4j.session.WRITE,
      bookmarkManager: this.bookmarks,
    });
  }

  /** One read transaction in a session of its own. */
  async read<T>(work: (tx: ManagedTransaction) => Promise<T>): Promise<T> {
    const session = this.session('READ');
    try {
      return await session.executeRead(work);
    } catch (error) {
      throw translateError(error, this.uri);
    } finally {
      await session.close();
    }
  }

  /** One write transaction in a session of its own; a throw inside `work` rolls it back. */
  async write<T>(work: (tx: ManagedTransaction) => Promise<T>): Promise<T> {
    const session = this.session('WRITE');
    try {
      return await session.executeWrite(work);
    } catch (error) {
      throw translateError(error, this.uri);
    } finally {
      await session.close();
    }
  }

  /**
   * Runs one statement of a read and answers its records. Auto-commit (`readStatement`): a request
   * makes 3–5 of these one after the other (one per loader level), and measured on Neo4j 5.26 one
   * costs about 0.32 ms this way against 0.57 ms as `executeRead` (BEGIN … COMMIT); a transaction
   * shared by a request's loaders would still pay one RUN/PULL round trip per level, plus its
   * BEGIN/COMMIT and a session held for the request's whole life. A single statement is one
   * consistent state either way.
   */
  readRecords(statement: string, params: Params = {}): Promise<Neo4jRecord[]> {
    return this.readStatement(statement, params);
  }

  /**
   * One read statement as an auto-commit (implicit) transaction: RUN and PULL go out together and
   * answer in one round trip, where `read` adds BEGIN and COMMIT. For single idempotent reads; the
   * driver retries only managed transactions, so a retryable error is tried again here, up to
   * three times.
   */
  async readStatement(statement: string, params: Params = {}): Promise<Neo4jRecord[]> {
    for (let attempt = 1; ; attempt++) {
      const session = this.session('READ');
      try {
        return (await runUnstacked(session, statement, params)).records;
      } catch (error) {
        if (attempt >= 3 || !isRetryableError(error)) throw translateError(error, this.uri);
      } finally {
        await session.close();
      }
      await new Promise((resolve) => setTimeout(resolve, 50 * attempt));
    }
  }

  /**
   * A write that is one statement, as an auto-commit transaction: RUN and PULL go out together and
   * the server commits when the result has been read, one round trip where `write` adds BEGIN and
   * COMMIT (createCollaboration measured at 100k actors, load ≈ 3.8: 6.8 ms p50 in `executeWrite`,
   * 4.2 ms this way). A statement that fails is rolled back; it is tried again on the errors and
   * for the time the driver retries `write` (a deadlock with another write, a lost connection).
   */
  async writeStatement(statement: string, params: Params = {}): Promise<Neo4jRecord[]> {
    try {
      return await retryingTransient(async () => {
        const session = this.session('WRITE');
        try {
          return (await runUnstacked(session, statement, params)).records;
        } finally {
          await session.close();
        }
      }, MAX_TRANSACTION_RETRY_MS);
    } catch (error) {
      throw translateError(error, this.uri);
    }
  }

  /**
   * One write statement as an auto-commit transaction (what `CALL { … } IN TRANSACTIONS` needs);
   * not retried.
   */
  async autoCommit(statement: string, params: Params = {}): Promise<void> {
    const session = this.session('WRITE');
    try {
      await session.run(statement, params);
    } catch (error) {
      throw translateError(error, this.uri);
    } finally {
      await session.close();
    }
  }

  /** Closes the driver; idempotent. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.driver.close();
  }
}

/** The properties `fields` of a record, for `SET n += $props` (`null` removes the property). */
export function propsOf(record: object, fields: readonly string[]): Params {
  const values = record as Params;
  return Object.fromEntries(fields.map((field) => [field, values[field] ?? null]));
}
