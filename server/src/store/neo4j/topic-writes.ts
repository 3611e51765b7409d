/** Topic writes of the Neo4j store (port/writes.ts); updates and deletes follow update-rules.ts. */
import { topicIdOf } from '../../domain/input-rules';
import type { Topic } from '../../domain/model';
import type { CreateTopicInput, TopicPatch } from '../../domain/records';
import { nameKey, slugify } from '../../domain/text';
import * as H from '../../features/history/history-rules';
import { planTopicUpdate, requireRecord } from '../../features/history/update-rules';
import type { TopicWrites } from '../port/writes';
import { requireFreeSlug, requireNew } from './checks';
import type { Neo4jConnection } from './connection';
import * as Q from './cypher';
import * as W from './cypher-writes';
import { appendChanges } from './history';
import { toTopic } from './records';

export function neo4jTopicWrites(db: Neo4jConnection): TopicWrites {
  return {
    async createTopic(input: CreateTopicInput, meta?: H.WriteMeta): Promise<Topic> {
      const id = topicIdOf(input);
      const slug = slugify(input.name);
      const props = { id, name: input.name, nameKey: nameKey(input.name), slug, aliases: input.aliases ?? [] };
      return db.write(async (tx) => {
        await requireNew(tx, 'Topic', id);
        await requireFreeSlug(tx, slug, id);
        const result = await tx.run(W.CREATE_TOPIC, { props });
        const topic = toTopic(result.records[0].get('topic'));
        await appendChanges(tx, meta, [H.topicCreated(topic)]);
        return topic;
      });
    },

    async updateTopic(id: string, patch: TopicPatch, meta?: H.WriteMeta): Promise<Topic> {
      return db.write(async (tx) => {
        const found = (await tx.run(Q.GET_TOPICS, { ids: [id] })).records[0];
        const plan = planTopicUpdate({ id, current: found ? toTopic(found.get('topic')) : null, patch });
        if (patch.name !== undefined) await requireFreeSlug(tx, plan.after.slug, id);
        const { name, slug, aliases } = plan.after;
        const result = await tx.run(W.UPDATE_TOPIC, { id, props: { name, nameKey: nameKey(name), slug, aliases } });
        const topic = toTopic(result.records[0].get('topic'));
        await appendChanges(tx, meta, plan.changes);
        return topic;
      });
    },

    async deleteTopic(id: string, meta?: H.WriteMeta): Promise<void> {
      await db.write(async (tx) => {
        const found = (await tx.run(Q.GET_TOPICS, { ids: [id] })).records[0];
        const before = requireRecord('Topic', id, found && toTopic(found.get('topic')));
        await tx.run(W.DELETE_TOPIC, { id });
        await appendChanges(tx, meta, [H.topicDeleted(before)]);
      });
    },
  };
}
