/**
 * The bulk mode of importGraph on Neo4j (docs/import-export.md#bulk-import-into-an-empty-neo4j):
 * taken only when the database holds no actor, topic or collaboration and the plan is large
 * (`minWrites`). The records are written in batches of their own transactions, several at once
 * (`concurrency` sessions) — Neo4j's work for one all-or-nothing transaction of a 100k network
 * does not shrink, several transactions share it across cores. The import's promise is kept by
 * compensation instead of one transaction:
 *
 * - every node the run creates carries `importRun` (the run's id; relationships hang off them);
 * - nodes are CREATEd (the database held none, so every record is new; the uniqueness constraints
 *   on id and slug turn a record another writer created meanwhile into a failed batch);
 * - the history and its feed events (the run becomes visible to every server's feed follower) are
 *   appended in one final transaction, only after every batch committed;
 * - on any failure — a batch, the final step — the batches still running are awaited, everything
 *   the run created is deleted (`DETACH DELETE` of its marked nodes, in committed pieces) and only
 *   then the error reaches the caller.
 */
import { randomUUID } from 'node:crypto';
import type { ManagedTransaction } from 'neo4j-driver';
import type { WriteMeta } from '../../features/history/history-rules';
import {
  planImport,
  planSize,
  type ImportCounts,
  type ImportGraph,
  type ImportOptions,
  type ImportPlan,
  type ImportState,
} from '../../features/transfer/import-rules';
import type { Neo4jConnection, Params } from './connection';
import { appendChanges } from './history';
import { actorProps, collaborationProps, topicProps } from './import';
import { numberField } from './records';

export type BulkPhase = 'topics' | 'actors' | 'collaborations' | 'interests' | 'about' | 'participations' | 'history';

export interface BulkImportSettings {
  /** The smallest plan (planSize: records, relationships and history records) written in bulk. */
  minWrites: number;
  /** Batches in flight at once, each in a session and transaction of its own. */
  concurrency: number;
  /** Rows per batch. */
  batchSize: number;
  /** Awaited before each batch is sent (tests: a failure in a given batch). */
  beforeBatch?: (phase: BulkPhase, index: number) => Promise<void> | void;
}

/**
 * Defaults: two sessions (Neo4j Community on the project's 2-core machines; more contend on the
 * hub actors' locks), 10k rows per batch as everywhere else, bulk from 50k writes on (the 10k
 * network is about 57k) — below that one transaction is fast enough and simpler.
 */
export const BULK_IMPORT_DEFAULTS: BulkImportSettings = { minWrites: 50_000, concurrency: 2, batchSize: 10_000 };

/** How many actors, topics and collaborations the database holds (count store, no scan). */
export const COUNT_RECORDS = `
RETURN COUNT { MATCH (:Actor) } + COUNT { MATCH (:Topic) } + COUNT { MATCH (:Collaboration) } AS records`;

export const BULK_CREATE_TOPICS = `
UNWIND $rows AS r
CREATE (t:Topic)
SET t = r, t.importRun = $run`;
export const BULK_CREATE_ACTORS = `
UNWIND $rows AS r
CREATE (a:Actor)
SET a = r, a.importRun = $run`;
export const BULK_CREATE_COLLABORATIONS = `
UNWIND $rows AS r
CREATE (c:Collaboration)
SET c = r, c.importRun = $run`;

/** Relationships between records of this run: each pair is new (the plan lists it once). */
export const BULK_CREATE_INTERESTS = `
UNWIND $rows AS r
MATCH (a:Actor {id: r.actorId})
MATCH (t:Topic {id: r.topicId})
CREATE (a)-[:INTERESTED_IN {weight: r.weight}]->(t)`;
export const BULK_CREATE_ABOUT = `
UNWIND $rows AS r
MATCH (c:Collaboration {id: r.collaborationId})
MATCH (t:Topic {id: r.topicId})
CREATE (c)-[:ABOUT]->(t)`;
export const BULK_CREATE_PARTICIPATIONS = `
UNWIND $rows AS r
MATCH (a:Actor {id: r.actorId})
MATCH (c:Collaboration {id: r.collaborationId})
CREATE (a)-[:PARTICIPATED_IN {role: r.role}]->(c)`;

/**
 * Compensation: the relationships of every node the run `$run` created, then the nodes (with what
 * other writers related to them meanwhile), in committed pieces — one piece holding a hub with
 * thousands of relationships would need more transaction memory than a small heap has.
 * (`IN TRANSACTIONS` needs an auto-commit transaction.)
 */
export const BULK_REMOVE_RELATIONSHIPS = `
MATCH (n)-[r]->()
WHERE (n:Actor OR n:Collaboration) AND n.importRun = $run
CALL (r) { DELETE r } IN TRANSACTIONS OF 10000 ROWS`;
export const BULK_REMOVE_NODES = `
MATCH (n)
WHERE (n:Actor OR n:Topic OR n:Collaboration) AND n.importRun = $run
CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 1000 ROWS`;

/** What to run by hand when a failed run could not be removed (named in BulkImportError). */
export const REMOVE_RUN_BY_HAND = `MATCH (n) WHERE n.importRun = $run DETACH DELETE n`;

/** What an empty database holds for planImport. */
function emptyState(): ImportState {
  return {
    topics: new Map(),
    actors: new Map(),
    collaborations: new Map(),
    interests: new Map(),
    collaborationTopics: new Set(),
    participations: new Map(),
    topicSlugs: new Map(),
  };
}

/** A bulk run failed and so did the removal of what it wrote (the database is not empty). */
export class BulkImportError extends Error {
  constructor(
    readonly run: string,
    cause: unknown,
  ) {
    super(
      `bulk import ${run} failed and removing what it wrote failed too; remove it with ` +
        `${REMOVE_RUN_BY_HAND} and $run = '${run}' (${(cause as Error)?.message ?? String(cause)})`,
      { cause },
    );
  }
}

/**
 * The bulk plan for `doc` when the database is empty and the plan has at least `minWrites` writes;
 * null otherwise (the caller takes the one-transaction path).
 */
export async function bulkPlan(
  db: Neo4jConnection,
  doc: ImportGraph,
  at: string,
  settings: BulkImportSettings,
): Promise<ImportPlan | null> {
  if (settings.minWrites === Number.POSITIVE_INFINITY) return null;
  // The count first (count store, about a millisecond): a database with records is never planned twice.
  const [row] = await db.readRecords(COUNT_RECORDS);
  if (numberField(row, 'records') !== 0) return null;
  const plan = planImport(doc, emptyState(), at);
  return planSize(plan) >= settings.minWrites ? plan : null;
}

interface Job {
  phase: BulkPhase;
  index: number;
  statement: string;
  rows: Params[];
  /** What the statement must report created (a row whose MATCH found nothing fails the batch). */
  expect: { nodes: number } | { relationships: number };
}

function jobs<T>(phase: BulkPhase, statement: string, items: readonly T[], toRow: (item: T) => Params, size: number) {
  const out: Job[] = [];
  for (let start = 0, index = 0; start < items.length; start += size, index++) {
    const rows = items.slice(start, start + size).map(toRow);
    const expect = phase === 'topics' || phase === 'actors' || phase === 'collaborations';
    out.push({
      phase,
      index,
      statement,
      rows,
      expect: expect ? { nodes: rows.length } : { relationships: rows.length },
    });
  }
  return out;
}

/** Writes `plan` (made by bulkPlan) in bulk; on failure removes what it wrote, then throws. */
export async function applyBulkImport(
  db: Neo4jConnection,
  plan: ImportPlan,
  options: ImportOptions,
  meta: WriteMeta | undefined,
  at: string,
  settings: BulkImportSettings,
): Promise<ImportCounts> {
  const run = randomUUID();
  const size = settings.batchSize;
  const total = planSize(plan);
  let done = 0;
  const progress = (n: number) => {
    done += n;
    options.onProgress?.(done, total);
  };

  const runJob = async (job: Job) => {
    await settings.beforeBatch?.(job.phase, job.index);
    const result = await db.write((tx) => tx.run(job.statement, { rows: job.rows, run }));
    const made = result.summary.counters.updates();
    const [wanted, got] =
      'nodes' in job.expect
        ? [job.expect.nodes, made.nodesCreated]
        : [job.expect.relationships, made.relationshipsCreated];
    if (got !== wanted) throw new Error(`bulk import: ${job.phase} batch ${job.index} created ${got} of ${wanted}`);
    progress(job.rows.length);
  };

  // Phases one after the other; within a phase, `concurrency` batches at once.
  const phases: Job[][] = [
    jobs('topics', BULK_CREATE_TOPICS, plan.createTopics, topicProps, size),
    [
      ...jobs('actors', BULK_CREATE_ACTORS, plan.createActors, actorProps, size),
      ...jobs('collaborations', BULK_CREATE_COLLABORATIONS, plan.createCollaborations, collaborationProps, size),
    ],
    [
      ...jobs('interests', BULK_CREATE_INTERESTS, plan.setInterests, (i) => ({ ...i }), size),
      ...jobs('about', BULK_CREATE_ABOUT, plan.createCollaborationTopics, (b) => ({ ...b }), size),
      ...jobs('participations', BULK_CREATE_PARTICIPATIONS, plan.setParticipations, (p) => ({ ...p }), size),
    ],
  ];

  try {
    for (const phase of phases) await runPool(phase, settings.concurrency, runJob);
    // The final step: the history and its feed events in one transaction, after every batch.
    await settings.beforeBatch?.('history', 0);
    await db.write(async (tx: ManagedTransaction) => {
      for (let start = 0; start < plan.drafts.length; start += size) {
        const batch = plan.drafts.slice(start, start + size);
        await appendChanges(tx, meta, batch, at);
      }
    });
    progress(plan.drafts.length);
  } catch (error) {
    let removed = true;
    try {
      await db.autoCommit(BULK_REMOVE_RELATIONSHIPS, { run });
      await db.autoCommit(BULK_REMOVE_NODES, { run });
    } catch {
      removed = false;
    }
    // Removed: the caller gets the error as the one-transaction path would give it.
    if (removed) throw error;
    throw new BulkImportError(run, error);
  }
  return plan.counts;
}

/**
 * Runs `work` for every job, at most `concurrency` at once; the first failure stops handing out
 * jobs, waits for those in flight (they may commit: the compensation takes them too) and throws.
 */
async function runPool(list: readonly Job[], concurrency: number, work: (job: Job) => Promise<void>): Promise<void> {
  let next = 0;
  let failure: { error: unknown } | null = null;
  const worker = async () => {
    while (failure === null && next < list.length) {
      const job = list[next++];
      try {
        await work(job);
      } catch (error) {
        failure ??= { error };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, list.length)) }, worker));
  if (failure) throw (failure as { error: unknown }).error;
}
