/** The history and merging actors in the Neo4j store (port/history.ts): history.ts, merge-actors.ts. */
import type { Actor } from '../../domain/model';
import { checkPageSize, type Page, type PageRequest } from '../../domain/paging';
import type { ChangeRecord, WriteMeta } from '../../features/history/history-rules';
import { checkMergeInput } from '../../features/history/merge-actors-rules';
import type { HistoryStore } from '../port/history';
import type { Neo4jConnection } from './connection';
import { readHistory } from './history';
import { mergeActors } from './merge-actors';

export function neo4jHistory(db: Neo4jConnection): HistoryStore {
  return {
    async history(entityId: string, page: PageRequest): Promise<Page<ChangeRecord>> {
      checkPageSize(page.first);
      return db.read((tx) => readHistory(tx, entityId, page));
    },

    async mergeActors(keepId: string, mergeIds: readonly string[], meta?: WriteMeta): Promise<Actor> {
      const ids = checkMergeInput(keepId, mergeIds);
      return db.write((tx) => mergeActors(tx, keepId, ids, meta));
    },
  };
}
