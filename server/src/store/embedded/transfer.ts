/** Bulk merge, import and export reads of the embedded store (port/transfer.ts): graph-reads.ts, import.ts, merge.ts. */
import type { GraphData, MergeReport } from '../../domain/records';
import * as H from '../../features/history/history-rules';
import type { ImportCounts, ImportGraph, ImportOptions } from '../../features/transfer/import-rules';
import type { TransferStore } from '../port/transfer';
import { now, type EmbeddedDatabase } from './database';
import { actorIdsByName, collaborationIdsByTitle, readGraph } from './graph-reads';
import { appendChanges } from './history';
import { applyImportPlan, planEmbeddedImport } from './import';
import { mergeGraph } from './merge';

export function embeddedTransfer(d: EmbeddedDatabase): TransferStore {
  return {
    async mergeGraph(data: GraphData, meta?: H.WriteMeta): Promise<MergeReport> {
      return d.write(() => {
        const report = mergeGraph(d.sql, data, now());
        appendChanges(d.sql, meta, [H.imported({ ...report })]);
        return report;
      });
    },

    async readGraph(): Promise<GraphData> {
      return d.read(() => readGraph(d.sql));
    },

    async actorIdsByName(names: readonly string[]): Promise<string[][]> {
      return actorIdsByName(d.sql, names);
    },

    async collaborationIdsByTitle(titles: readonly string[]): Promise<string[][]> {
      return collaborationIdsByTitle(d.sql, titles);
    },

    async importGraph(doc: ImportGraph, options: ImportOptions = {}, meta?: H.WriteMeta): Promise<ImportCounts> {
      const at = now();
      if (options.dryRun) return d.read(() => planEmbeddedImport(d.sql, doc, at).counts);
      return d.write(() => {
        const plan = planEmbeddedImport(d.sql, doc, at);
        applyImportPlan(d.sql, plan, options, meta, at);
        return plan.counts;
      });
    },
  };
}
