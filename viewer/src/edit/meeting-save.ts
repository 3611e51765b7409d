/** Saving an edited collaboration (the API has no single write for it). */
import {
  addParticipant,
  createActor,
  createTopic,
  removeParticipant,
  updateCollaboration,
  type EditableCollaboration,
  type Role2,
} from './api';
import type { Participant } from './meeting-participants';
import { forgetTopics, type TopicPicker } from './topics';

/** Editing a collaboration: new topics and actors, the fields, then the participants that changed. */
export async function saveEdit(
  existing: EditableCollaboration,
  fields: Record<string, string | null>,
  topics: TopicPicker,
  participants: Participant[],
): Promise<void> {
  const created: string[] = [];
  for (const name of topics.newNames) created.push((await createTopic(name)).id);
  if (created.length) forgetTopics();
  const patch: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(fields))
    if ((existing as unknown as Record<string, unknown>)[k] !== v) patch[k] = v;
  const topicIds = [...topics.existingIds, ...created];
  const before = existing.topics.map((t) => t.id);
  if (topicIds.length !== before.length || topicIds.some((id) => !before.includes(id))) patch.topicIds = topicIds;
  if (Object.keys(patch).length) await updateCollaboration(existing.id, patch);
  const now = new Map<string, Role2>();
  for (const p of participants) {
    const id = p.kind === 'existing' ? p.actor.id : (await createActor({ name: p.name, kind: p.actorKind })).id;
    now.set(id, p.role);
  }
  for (const p of existing.participants) if (!now.has(p.actor.id)) await removeParticipant(existing.id, p.actor.id);
  for (const [id, role] of now) {
    const was = existing.participants.find((p) => p.actor.id === id);
    if (!was || was.role !== role) await addParticipant(existing.id, id, role);
  }
}
