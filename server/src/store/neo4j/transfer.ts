/** Bulk merge, import and export reads of the Neo4j store (port/transfer.ts): graph-reads.ts, import.ts, merge-graph.ts. */
import type { GraphData, MergeReport } from '../../domain/records';
import type { WriteMeta } from '../../features/history/history-rules';
import type { ImportCounts, ImportGraph, ImportOptions } from '../../features/transfer/import-rules';
import type { TransferStore } from '../port/transfer';
import { now, type Neo4jConnection } from './connection';
import { actorIdsByName, collaborationIdsByTitle, readGraph } from './graph-reads';
import { applyBulkImport, BULK_IMPORT_DEFAULTS, bulkPlan, type BulkImportSettings } from './bulk-import';
import { applyImportPlan, planNeo4jImport } from './import';
import { mergeGraph } from './merge-graph';

/**
 * `bulk`: when importGraph writes in bulk (bulk-import.ts: an empty database and a large plan);
 * `{ minWrites: Infinity }` never.
 */
export function neo4jTransfer(db: Neo4jConnection, bulk: BulkImportSettings = BULK_IMPORT_DEFAULTS): TransferStore {
  return {
    mergeGraph: (data: GraphData, meta?: WriteMeta): Promise<MergeReport> => mergeGraph(db, data, meta),

    async readGraph(): Promise<GraphData> {
      return db.read((tx) => readGraph(tx));
    },

    async actorIdsByName(names: readonly string[]): Promise<string[][]> {
      if (names.length === 0) return [];
      return db.read((tx) => actorIdsByName(tx, names));
    },

    async collaborationIdsByTitle(titles: readonly string[]): Promise<string[][]> {
      if (titles.length === 0) return [];
      return db.read((tx) => collaborationIdsByTitle(tx, titles));
    },

    async importGraph(doc: ImportGraph, options: ImportOptions = {}, meta?: WriteMeta): Promise<ImportCounts> {
      const at = now();
      if (options.dryRun) return db.read(async (tx) => (await planNeo4jImport(tx, doc, at)).counts);
      const bulkImport = await bulkPlan(db, doc, at, bulk);
      if (bulkImport) return applyBulkImport(db, bulkImport, options, meta, at, bulk);
      return db.write(async (tx) => {
        const plan = await planNeo4jImport(tx, doc, at);
        await applyImportPlan(tx, plan, options, meta, at);
        return plan.counts;
      });
    },
  };
}
