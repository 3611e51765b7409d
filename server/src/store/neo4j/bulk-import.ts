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
 *   on id and slug turn a record another writer created meanwhile into a failed batch), each actor
 *   with its interests and each collaboration with its topics and participations in the same row;
 * - the history: one IMPORT record per record as the one-transaction path writes it, numbered from
 *   a range of seqs taken at the start, in batches of their own (marked like the nodes) — but no
 *   feed event per record: the run's one feed event is its summary on "Network", written with the
 *   summary record in one final transaction after every batch committed. Feed followers rebuild
 *   their projection from the store on it, as on any import summary; the run becomes visible to
 *   them at once, never partly;
 * - on any failure — a batch, the final step — the batches still running are awaited, everything
 *   the run created is deleted (`DETACH DELETE` of its marked nodes, in committed pieces) and only
 *   then the error reaches the caller. The seqs taken go back to the counter unless another
 *   writer took seqs after them (then they stay a gap, which feed followers pass over).
 */
import { randomUUID } from 'node:crypto';
import neo4j, { type ManagedTransaction } from 'neo4j-driver';
import { authorOf, type WriteMeta } from '../../features/history/history-rules';
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

export type BulkPhase = 'topics' | 'actors' | 'collaborations' | 'history' | 'feed';

export interface BulkImportSettings {
  /** The smallest plan (planSize: records, relationships and history records) written in bulk. */
  minWrites: number;
  /** Batches in flight at once, each in a session and transaction of its own. */
  concurrency: number;
  /** Writes per batch: rows, plus the relationships a record row creates with its node. */
  batchSize: number;
  /** Awaited before each batch is sent (tests: a failure in a given batch). */
  beforeBatch?: (phase: BulkPhase, index: number) => Promise<void> | void;
}

/**
 * Defaults: three sessions — while Neo4j writes one batch, the next is already waiting for it and a
 * third is being sent, so neither core idles on a round trip. Measured at 100k against two sessions,
 * alternating (bench/import-variants-neo4j.ts, the write phases alone, load 10–12): 33–35 s against
 * 49 s, Neo4j CPU +10 %, no deadlock or retried transaction on the hub actors at three or four;
 * batches of 25k or 50k writes instead of 10k cost 30 % more Neo4j CPU and were slower. Bulk from
 * 50k writes on (the 10k network is about 57k) — below that one transaction is fast enough and simpler.
 */
export const BULK_IMPORT_DEFAULTS: BulkImportSettings = { minWrites: 50_000, concurrency: 3, batchSize: 10_000 };

/** How many actors, topics and collaborations the database holds (count store, no scan). */
export const COUNT_RECORDS = `
RETURN COUNT { MATCH (:Actor) } + COUNT { MATCH (:Topic) } + COUNT { MATCH (:Collaboration) } AS records`;

export const BULK_CREATE_TOPICS = `
UNWIND $rows AS r
CREATE (t:Topic)
SET t = r, t.importRun = $run`;

/**
 * An actor with its interests in one row ({props, interests: [{topicId, weight}]}): the node is at
 * hand for its relationships, no index lookup of the actor per interest. The unit subquery keeps
 * the row of an actor without interests.
 */
export const BULK_CREATE_ACTORS = `
UNWIND $rows AS r
CREATE (a:Actor)
SET a = r.props, a.importRun = $run
WITH a, r
CALL (a, r) {
  UNWIND r.interests AS i
  MATCH (t:Topic {id: i.topicId})
  CREATE (a)-[:INTERESTED_IN {weight: i.weight}]->(t)
}`;

/** A collaboration with its topics and participations in one row ({props, topicIds, participants}). */
export const BULK_CREATE_COLLABORATIONS = `
UNWIND $rows AS r
CREATE (c:Collaboration)
SET c = r.props, c.importRun = $run
WITH c, r
CALL (c, r) {
  UNWIND r.topicIds AS topicId
  MATCH (t:Topic {id: topicId})
  CREATE (c)-[:ABOUT]->(t)
}
CALL (c, r) {
  UNWIND r.participants AS p
  MATCH (a:Actor {id: p.actorId})
  CREATE (a)-[:PARTICIPATED_IN {role: p.role}]->(c)
}`;

/**
 * The seq numbers of the run's per-record history, taken at once before any batch: the counter's
 * lock is held for this statement's transaction only, the batches never touch it.
 */
export const BULK_RESERVE_SEQS = `
MERGE (s:ChangeSequence {id: 'changes'})
ON CREATE SET s.value = 0
SET s.value = s.value + $count
RETURN s.value - $count AS base`;

/**
 * After a failed run: the seqs taken go back when no writer took one after them ($end is still the
 * counter; the first SET locks the node before the comparison), so the head is again the last event.
 */
export const BULK_RETURN_SEQS = `
MATCH (s:ChangeSequence {id: 'changes'})
SET s.value = s.value
WITH s
WHERE s.value = $end
SET s.value = $base`;

/**
 * One batch of the run's per-record history ({entityType, entityId, operation, changes}), numbered
 * from $first: Change records as APPEND_CHANGES writes them, marked with the run, without feed
 * events (the run's one feed event is its summary, written last).
 */
export const BULK_CREATE_CHANGES = `
UNWIND range(0, size($rows) - 1) AS i
CREATE (c:Change)
SET c = $rows[i], c.seq = $first + i, c.at = $at, c.author = $author, c.importRun = $run`;

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
export const BULK_REMOVE_CHANGES = `
MATCH (c:Change)
WHERE c.importRun = $run
CALL (c) { DELETE c } IN TRANSACTIONS OF 10000 ROWS`;

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
  params: Params;
  /** What the statement must report created (a row whose MATCH found nothing fails the batch). */
  nodes: number;
  relationships: number;
}

/** A row for one statement, the relationships it creates and the writes it stands for (progress). */
interface Row {
  row: Params;
  relationships: number;
}

/** Cuts `rows` into batches of at most `size` writes (a row and its relationships; one row at least). */
function jobs(phase: BulkPhase, statement: string, rows: readonly Row[], size: number, params: Params = {}): Job[] {
  const out: Job[] = [];
  let batch: Row[] = [];
  let writes = 0;
  const flush = () => {
    if (batch.length === 0) return;
    out.push({
      phase,
      index: out.length,
      statement,
      params: { ...params, rows: batch.map((r) => r.row) },
      nodes: batch.length,
      relationships: batch.reduce((n, r) => n + r.relationships, 0),
    });
    batch = [];
    writes = 0;
  };
  for (const r of rows) {
    if (writes > 0 && writes + 1 + r.relationships > size) flush();
    batch.push(r);
    writes += 1 + r.relationships;
  }
  flush();
  return out;
}

/** `items` grouped by `key`, in order; throws when one belongs to no record of `owners`. */
function groupBy<T>(
  items: readonly T[],
  key: (item: T) => string,
  owners: ReadonlyArray<{ id: string }>,
): Map<string, T[]> {
  const groups = new Map<string, T[]>(owners.map((o) => [o.id, []]));
  for (const item of items) {
    const group = groups.get(key(item));
    // An empty database: every relationship's records are created by the run (planImport checked them).
    if (!group) throw new Error(`bulk import: a relationship of "${key(item)}", which the run does not create`);
    group.push(item);
  }
  return groups;
}

/** The plan's record rows, each with the relationships it creates with its node. */
export function recordRows(plan: ImportPlan) {
  const interests = groupBy(plan.setInterests, (i) => i.actorId, plan.createActors);
  const about = groupBy(plan.createCollaborationTopics, (b) => b.collaborationId, plan.createCollaborations);
  const participants = groupBy(plan.setParticipations, (p) => p.collaborationId, plan.createCollaborations);
  return {
    topics: plan.createTopics.map((t) => ({ row: topicProps(t), relationships: 0 })),
    actors: plan.createActors.map((a) => {
      const mine = interests.get(a.id)!.map((i) => ({ topicId: i.topicId, weight: i.weight }));
      return { row: { props: actorProps(a), interests: mine }, relationships: mine.length };
    }),
    collaborations: plan.createCollaborations.map((c) => {
      const topicIds = about.get(c.id)!.map((b) => b.topicId);
      const people = participants.get(c.id)!.map((p) => ({ actorId: p.actorId, role: p.role }));
      return {
        row: { props: collaborationProps(c), topicIds, participants: people },
        relationships: topicIds.length + people.length,
      };
    }),
  };
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
  if (plan.updateTopics.length + plan.updateActors.length + plan.updateCollaborations.length > 0)
    throw new Error('bulk import: a plan for an empty database updates nothing');
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
    const result = await db.write((tx) => tx.run(job.statement, { ...job.params, run }));
    const made = result.summary.counters.updates();
    if (made.nodesCreated !== job.nodes || made.relationshipsCreated !== job.relationships)
      throw new Error(
        `bulk import: ${job.phase} batch ${job.index} created ${made.nodesCreated} of ${job.nodes} nodes ` +
          `and ${made.relationshipsCreated} of ${job.relationships} relationships`,
      );
    progress(job.nodes + job.relationships);
  };

  // The history: one IMPORT record per record (numbered from a range taken now), the summary last.
  const records = plan.drafts.filter((d) => d.entityType !== 'Network');
  const summaries = plan.drafts.filter((d) => d.entityType === 'Network');
  const author = authorOf(meta);
  const rows = recordRows(plan);

  let base: number | null = null;
  try {
    base = records.length === 0 ? null : await reserveSeqs(db, records.length);
    const first = (base ?? 0) + 1;
    const history: Row[] = records.map((d) => ({
      row: {
        entityType: d.entityType,
        entityId: d.entityId,
        operation: d.operation,
        changes: JSON.stringify(d.changes),
      },
      relationships: 0,
    }));
    const historyJobs = jobs('history', BULK_CREATE_CHANGES, history, size, { at, author });
    let offset = first;
    for (const job of historyJobs) {
      job.params.first = neo4j.int(offset);
      offset += job.nodes;
    }
    // Phases one after the other (relationships need their records); within one, `concurrency` batches at once.
    await runPool(jobs('topics', BULK_CREATE_TOPICS, rows.topics, size), settings.concurrency, runJob);
    await runPool(jobs('actors', BULK_CREATE_ACTORS, rows.actors, size), settings.concurrency, runJob);
    await runPool(
      [...jobs('collaborations', BULK_CREATE_COLLABORATIONS, rows.collaborations, size), ...historyJobs],
      settings.concurrency,
      runJob,
    );
    // The final step, after every batch: the summary record and the run's one feed event.
    await settings.beforeBatch?.('feed', 0);
    await db.write((tx: ManagedTransaction) => appendChanges(tx, meta, summaries, at));
    progress(summaries.length);
  } catch (error) {
    let removed = true;
    try {
      await db.autoCommit(BULK_REMOVE_RELATIONSHIPS, { run });
      await db.autoCommit(BULK_REMOVE_NODES, { run });
      await db.autoCommit(BULK_REMOVE_CHANGES, { run });
      if (base !== null)
        await db.autoCommit(BULK_RETURN_SEQS, { base: neo4j.int(base), end: neo4j.int(base + records.length) });
    } catch {
      removed = false;
    }
    // Removed: the caller gets the error as the one-transaction path would give it.
    if (removed) throw error;
    throw new BulkImportError(run, error);
  }
  return plan.counts;
}

/** Takes `count` seq numbers from the history's counter; answers the one before the first. */
async function reserveSeqs(db: Neo4jConnection, count: number): Promise<number> {
  const result = await db.write((tx) => tx.run(BULK_RESERVE_SEQS, { count: neo4j.int(count) }));
  return neo4j.integer.toNumber(result.records[0].get('base'));
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
