/**
 * The evaluation's view of a network: actors with their declared interests, and collaborations with
 * their dates, topics and participants. Read from the real H2020 extract (h2020.ts) or from any
 * GraphData (the planted generator, the seed).
 */
import type { ActorKind, CollaborationKind } from '../../server/src/domain/model';
import type { GraphData } from '../../server/src/store/network-store';

export interface EvalActor {
  id: string;
  kind: ActorKind;
  /** Declared interests (topic ids); empty where the data has none (H2020). */
  interests: string[];
}

export interface EvalCollaboration {
  id: string;
  kind: CollaborationKind;
  startDate: string | null;
  endDate: string | null;
  topicIds: string[];
  actorIds: string[];
}

export interface EvalNetwork {
  name: string;
  topics: string[];
  actors: EvalActor[];
  collaborations: EvalCollaboration[];
}

export function fromGraphData(name: string, data: GraphData): EvalNetwork {
  return {
    name,
    topics: data.topics.map((t) => t.id!),
    actors: data.actors.map((a) => ({ id: a.id, kind: a.kind, interests: (a.interests ?? []).map((i) => i.topicId) })),
    collaborations: data.collaborations.map((c) => ({
      id: c.id,
      kind: c.kind,
      startDate: c.startDate ?? null,
      endDate: c.endDate ?? null,
      topicIds: c.topicIds ?? [],
      actorIds: (c.participants ?? []).map((p) => p.actorId),
    })),
  };
}
