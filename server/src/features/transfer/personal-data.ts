/**
 * The copy of a person's data handed out on a request of access (GDPR art. 15): everything the
 * store holds about the actor as one JSON document, topic and collaboration names spelled out.
 */
import type { Topic } from '../../domain/model';
import type { PersonalData } from '../../store/network-store';

export const PERSONAL_DATA_FORMAT = 'quartiernetz-personal-data';

export function personalDataDocument(
  data: PersonalData,
  topics: ReadonlyMap<string, Topic>,
  at: Date = new Date(),
): string {
  // A deleted (or merged-away) actor has no record any more: its history holds what was recorded.
  const actor = data.actor
    ? (({ createdAt, updatedAt, version, ...fields }) => ({ ...fields, createdAt, updatedAt, version }))(data.actor)
    : null;
  return `${JSON.stringify(
    {
      format: PERSONAL_DATA_FORMAT,
      exportedAt: at.toISOString(),
      actor,
      interests: data.interests.map((i) => ({
        topicId: i.topicId,
        topic: topics.get(i.topicId)?.name ?? null,
        weight: i.weight,
      })),
      participations: data.participations.map((p, n) => ({ role: p.role, collaboration: data.collaborations[n] })),
      suggestionFeedback: data.suggestionFeedback,
      history: data.history,
      consents: data.consents,
      updateProposals: data.updateProposals,
    },
    null,
    2,
  )}\n`;
}
