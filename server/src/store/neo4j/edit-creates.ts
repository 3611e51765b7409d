/**
 * The topics and actors an edit creates in its own transaction (rules: edit-create-rules.ts), in the
 * Neo4j store: refused when an id is stored by now, then created with the single writes' statements.
 */
import type { ManagedTransaction } from 'neo4j-driver';

import { nameKey } from '../../domain/text';
import { planCreates, type EditCreates } from '../../features/history/edit-create-rules';
import type { ChangeDraft } from '../../features/history/history-rules';
import { existing } from './checks';
import * as W from './cypher-writes';

/** Creates them; answers their history records (to append before the edit's). */
export async function createEditRecords(
  tx: ManagedTransaction,
  creates: EditCreates,
  at: string,
): Promise<ChangeDraft[]> {
  if (creates.topics.length === 0 && creates.actors.length === 0) return [];
  const stored = {
    topicIds: await existing(
      tx,
      'Topic',
      creates.topics.map((t) => t.id),
    ),
    actorIds: await existing(
      tx,
      'Actor',
      creates.actors.map((a) => a.id),
    ),
  };
  const plan = planCreates(creates, stored, at);
  for (const t of plan.topics) {
    await tx.run(W.CREATE_TOPIC, { props: { ...t, nameKey: nameKey(t.name) } });
  }
  for (const a of plan.actors) {
    const { version: _version, ...props } = a;
    await tx.run(W.CREATE_ACTOR, { props: { ...props, nameKey: nameKey(a.name) } });
  }
  return plan.changes;
}
