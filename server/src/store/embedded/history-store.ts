/** The history and merging actors in the embedded store (port/history.ts): history.ts, merge-actors.ts. */
import type { Actor } from '../../domain/model';
import { checkPageSize, type Page, type PageRequest } from '../../domain/paging';
import type { ChangeRecord, WriteMeta } from '../../features/history/history-rules';
import { checkMergeInput } from '../../features/history/merge-actors-rules';
import type { HistoryStore } from '../port/history';
import type { EmbeddedDatabase } from './database';
import { readHistory } from './history';
import { mergeActors } from './merge-actors';

export function embeddedHistory(d: EmbeddedDatabase): HistoryStore {
  return {
    async history(entityId: string, page: PageRequest): Promise<Page<ChangeRecord>> {
      checkPageSize(page.first);
      return d.read(() => readHistory(d.sql, entityId, page));
    },

    async mergeActors(keepId: string, mergeIds: readonly string[], meta?: WriteMeta): Promise<Actor> {
      const ids = checkMergeInput(keepId, mergeIds);
      return d.write(() => mergeActors(d.sql, keepId, ids, meta));
    },
  };
}
