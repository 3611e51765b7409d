/** Saving an edited collaboration: one write (editCollaboration), or the conflict view. */
import {
  createActor,
  createTopic,
  editCollaboration,
  EditError,
  loadCollaboration,
  type CollaborationEditInput,
  type EditableCollaboration,
} from './api';
import type { Form } from './form';
import type { EditHost } from './host';
import { showCollaborationConflict } from './meeting-conflict';
import type { Participant } from './meeting-participants';
import { forgetTopics, type TopicPicker } from './topics';

/**
 * Editing a collaboration: new topics and actors are created first (each once: a retry reuses them),
 * then ONE write (editCollaboration) replaces its fields, topics and complete participant list, based
 * on the version the form was opened with. Someone else's save in between answers CONFLICT: the
 * side-by-side choice (meeting-conflict.ts) opens instead, and false is answered.
 */
export async function saveEdit(
  existing: EditableCollaboration,
  fields: Omit<CollaborationEditInput, 'topicIds' | 'participants'>,
  topics: TopicPicker,
  participants: Participant[],
  view: { form: Form; host: EditHost },
): Promise<boolean> {
  const created: string[] = [];
  for (const name of topics.newNames) created.push((await createTopic(name)).id);
  if (created.length) forgetTopics();
  for (const [i, p] of participants.entries()) {
    if (p.kind === 'new') {
      const actor = await createActor({ name: p.name, kind: p.actorKind });
      participants[i] = { kind: 'existing', actor, role: p.role };
    }
  }
  const input: CollaborationEditInput = {
    ...fields,
    topicIds: [...topics.existingIds, ...created],
    participants: participants.map((p) => ({ actorId: p.kind === 'existing' ? p.actor.id : '', role: p.role })),
  };
  try {
    await editCollaboration(existing.id, input, existing.version);
    return true;
  } catch (error) {
    const theirs =
      error instanceof EditError && error.code === 'CONFLICT' ? await loadCollaboration(existing.id) : null;
    if (!theirs) throw error;
    const actorNames = new Map(
      participants.flatMap((p) => (p.kind === 'existing' ? [[p.actor.id, p.actor.name]] : [])),
    );
    await showCollaborationConflict(view.form, view.host, existing, theirs, input, actorNames);
    return false;
  }
}
