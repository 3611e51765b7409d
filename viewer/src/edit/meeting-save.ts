/** Saving an edited collaboration: one write (editCollaboration), or the conflict view. */
import {
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
 * Editing a collaboration: ONE write (editCollaboration) replaces its fields, topics and complete
 * participant list, based on the version the form was opened with; new topics and new actors go
 * with it (newTopics, newActors) and are created inside that write — a refused save creates none,
 * so saving the same form again is safe. Someone else's save in between answers CONFLICT: the
 * side-by-side choice (meeting-conflict.ts) opens instead, and false is answered.
 */
export async function saveEdit(
  existing: EditableCollaboration,
  fields: Omit<CollaborationEditInput, 'topicIds' | 'participants' | 'newTopics' | 'newActors'>,
  topics: TopicPicker,
  participants: Participant[],
  view: { form: Form; host: EditHost },
): Promise<boolean> {
  const input: CollaborationEditInput = {
    ...fields,
    topicIds: topics.existingIds,
    participants: participants.flatMap((p) => (p.kind === 'existing' ? [{ actorId: p.actor.id, role: p.role }] : [])),
    newTopics: topics.newNames,
    newActors: participants.flatMap((p) =>
      p.kind === 'new' ? [{ name: p.name, kind: p.actorKind, role: p.role }] : [],
    ),
  };
  try {
    await editCollaboration(existing.id, input, existing.version);
    if (input.newTopics?.length) forgetTopics();
    return true;
  } catch (error) {
    const theirs =
      error instanceof EditError && error.code === 'CONFLICT' && error.field === 'expectedVersion'
        ? await loadCollaboration(existing.id)
        : null;
    if (!theirs) throw error;
    const actorNames = new Map(
      participants.flatMap((p) => (p.kind === 'existing' ? [[p.actor.id, p.actor.name]] : [])),
    );
    await showCollaborationConflict(view.form, view.host, existing, theirs, input, actorNames);
    return false;
  }
}
