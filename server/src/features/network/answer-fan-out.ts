/**
 * The network's structure as the request guard's lookahead walks it
 * (platform/graphql/answer-lookahead.ts): for the fields through which an answer fans out —
 * collaborators, participations, participants, interests, topics — what they answer, read off the
 * projection (no store call). Keys: an actor, collaboration or topic by id, a Collaborator as
 * [actorId, partnerId], a Participation as [actorId, collaborationId], an Interest as [actorId, topicId].
 * Every other field is unknown (null), so the walk counts nothing below it.
 */
import { orderedPartnersOfBusy } from '../../graph/partner-ids';
import type { NetworkProjection } from '../../graph/projection';
import type { FanOut } from '../../platform/graphql/answer-lookahead';

type Pair = readonly [string, string];

export function projectionFanOut(projection: NetworkProjection): FanOut {
  const partnersOf = (actorId: string): readonly string[] => {
    const busy = orderedPartnersOfBusy(projection, actorId);
    if (busy) return busy;
    const partners = new Set<string>();
    for (const collaborationId of projection.actors.get(actorId)?.collaborations ?? [])
      for (const partnerId of projection.collaborations.get(collaborationId)?.actors ?? [])
        if (partnerId !== actorId) partners.add(partnerId);
    return [...partners];
  };

  /** The collaborations two actors share (walks the smaller of their two sets). */
  const shared = (a: string, b: string): string[] | null => {
    const of = (id: string) => projection.actors.get(id)?.collaborations;
    const [small, large] = [of(a), of(b)].sort((x, y) => (x?.size ?? 0) - (y?.size ?? 0));
    if (!small || !large) return null;
    return [...small].filter((id) => large.has(id));
  };

  const fields: Record<string, Record<string, (key: never) => readonly unknown[] | null>> = {
    Actor: {
      collaborators: (id: string) =>
        projection.actors.has(id) ? partnersOf(id).map((partnerId): Pair => [id, partnerId]) : null,
      collaborations: (id: string) => pairs(id, projection.actors.get(id)?.collaborations),
      interests: (id: string) => pairs(id, projection.actors.get(id)?.topics),
      topics: (id: string) => list(projection.actors.get(id)?.topics),
    },
    Collaborator: {
      actor: ([, partnerId]: Pair) => [partnerId],
      collaborations: ([actorId, partnerId]: Pair) => shared(actorId, partnerId),
    },
    Participation: {
      actor: ([actorId]: Pair) => [actorId],
      collaboration: ([, collaborationId]: Pair) => [collaborationId],
    },
    Collaboration: {
      participants: (id: string) => {
        const actors = projection.collaborations.get(id)?.actors;
        return actors ? [...actors].map((actorId): Pair => [actorId, id]) : null;
      },
      topics: (id: string) => list(projection.collaborations.get(id)?.topics),
    },
    Interest: {
      actor: ([actorId]: Pair) => [actorId],
      topic: ([, topicId]: Pair) => [topicId],
    },
  };

  return {
    keyOf(typeName, item) {
      const record = item as Record<string, unknown> | null;
      switch (typeName) {
        case 'Actor':
        case 'Collaboration':
        case 'Topic':
          return record?.id ?? null;
        case 'Collaborator':
          return record ? [record.actorId, record.partnerId] : null;
        case 'Participation':
          return record ? [record.actorId, record.collaborationId] : null;
        case 'Interest':
          return record ? [record.actorId, record.topicId] : null;
        default:
          return null;
      }
    },
    expand(typeName, fieldName, key) {
      const expand = fields[typeName]?.[fieldName];
      return expand ? expand(key as never) : null;
    },
  };
}

function pairs(id: string, others: Set<string> | undefined): Pair[] | null {
  return others ? [...others].map((other): Pair => [id, other]) : null;
}

function list(ids: Set<string> | undefined): string[] | null {
  return ids ? [...ids] : null;
}
