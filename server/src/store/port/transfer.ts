/**
 * Bulk merge, import, export and GDPR (part of the NetworkStore port, network-store.ts; features:
 * server/src/features/transfer and gdpr; rules: import-rules.ts, gdpr-rules.ts).
 */
import type { GraphData, MergeReport } from '../../domain/records';
import type { ErasureReport, PersonalData } from '../../features/gdpr/gdpr-rules';
import type { WriteMeta } from '../../features/history/history-rules';
import type { ImportCounts, ImportGraph, ImportOptions } from '../../features/transfer/import-rules';

export interface TransferStore {
  /**
   * Creates whatever of `data` is missing, by id; existing records are left untouched and existing
   * relationships are kept. Running it twice changes nothing the second time. One transaction.
   * References to ids neither in `data` nor in the store: NOT_FOUND.
   */
  mergeGraph(data: GraphData, meta?: WriteMeta): Promise<MergeReport>;
  /**
   * The whole network's content, read in one transaction: every topic (with aliases), actor (with
   * its interests) and collaboration (with its topic ids and participants); no timestamps, no
   * versions. Records are in id order.
   */
  readGraph(): Promise<GraphData>;
  /** Per name: ids of the actors whose nameKey equals nameKey(name), ascending (references by name). */
  actorIdsByName(names: readonly string[]): Promise<string[][]>;
  /** Per title: ids of the collaborations with exactly this title, ascending (references by title). */
  collaborationIdsByTitle(titles: readonly string[]): Promise<string[][]>;
  /**
   * Applies an import document in ONE transaction (rules and history: import-rules.ts): creates and
   * updates records, adds or changes relationships, never deletes; answers created / updated /
   * unchanged per table. With `dryRun` it only answers the counts and writes nothing. Unknown
   * references: NOT_FOUND; a new record without its required fields: BAD_USER_INPUT; a topic slug
   * taken by another topic: CONFLICT — and nothing is written.
   */
  importGraph(doc: ImportGraph, options?: ImportOptions, meta?: WriteMeta): Promise<ImportCounts>;
}

export interface GdprStore {
  /**
   * Everything stored about one actor (right of access), read in one transaction — for a deleted
   * actor (`actor` null) from its history; null when neither the actor nor a record of it exists.
   */
  personalData(actorId: string): Promise<PersonalData | null>;
  /**
   * Erases an actor that is or ever was of kind PERSON — also a deleted one — in ONE transaction
   * (rules: gdpr-rules.ts): deletes it with its interests, participations and suggestion feedback,
   * redacts it and every actor merged into it from the history, records ERASE. Neither actor nor
   * history: NOT_FOUND (field `id`); never a PERSON: BAD_USER_INPUT (use deleteActor).
   */
  eraseActor(actorId: string, meta?: WriteMeta): Promise<ErasureReport>;
}
