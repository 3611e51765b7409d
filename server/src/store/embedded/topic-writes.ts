/** Topic writes of the embedded store (port/writes.ts); updates and deletes follow update-rules.ts. */
import { ConflictError } from '../../domain/errors';
import { topicIdOf } from '../../domain/input-rules';
import type { Topic } from '../../domain/model';
import type { CreateTopicInput, TopicPatch } from '../../domain/records';
import { slugify } from '../../domain/text';
import * as H from '../../features/history/history-rules';
import { planTopicUpdate, requireRecord } from '../../features/history/update-rules';
import type { TopicWrites } from '../port/writes';
import type { EmbeddedDatabase } from './database';
import { appendChanges } from './history';
import * as W from './record-writes';
import { type TopicRow, toTopic } from './rows';

export function embeddedTopicWrites(d: EmbeddedDatabase): TopicWrites {
  const topicById = (id: string) => {
    const row = d.sql.get<TopicRow>('SELECT * FROM topic WHERE id = ?', id);
    return row ? toTopic(row) : null;
  };

  return {
    async createTopic(input: CreateTopicInput, meta?: H.WriteMeta): Promise<Topic> {
      return d.write(() => {
        const topic: Topic = {
          id: topicIdOf(input),
          name: input.name,
          slug: slugify(input.name),
          aliases: [...(input.aliases ?? [])],
        };
        if (d.sql.exists('topic', topic.id)) throw new ConflictError(`Topic "${topic.id}" already exists`, 'id');
        W.insertTopic(d.sql, topic);
        appendChanges(d.sql, meta, [H.topicCreated(topic)]);
        return topic;
      });
    },

    async updateTopic(id: string, patch: TopicPatch, meta?: H.WriteMeta): Promise<Topic> {
      return d.write(() => {
        const plan = planTopicUpdate({ id, current: topicById(id), patch });
        W.updateTopic(d.sql, plan.after);
        appendChanges(d.sql, meta, plan.changes);
        return plan.after;
      });
    },

    async deleteTopic(id: string, meta?: H.WriteMeta): Promise<void> {
      d.write(() => {
        const before = requireRecord('Topic', id, topicById(id));
        // Interests in it and ABOUT relationships to it go with it (ON DELETE CASCADE).
        d.sql.run('DELETE FROM topic WHERE id = ?', id);
        appendChanges(d.sql, meta, [H.topicDeleted(before)]);
      });
    },
  };
}
