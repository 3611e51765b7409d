/**
 * The network as every export format writes it: records in id order, lists sorted, every field
 * present (null when empty) except `contact`, which is left out entirely unless the caller may see
 * contact data — so that re-importing such an export never clears anybody's contact.
 */
import type { ActorKind, CollaborationKind, ParticipationRole } from '../../domain/model';
import type { GraphData } from '../../store/network-store';

export interface ExportTopic {
  id: string;
  name: string;
  aliases: string[];
}

export interface ExportActor {
  id: string;
  name: string;
  kind: ActorKind;
  description: string | null;
  district: string | null;
  website: string | null;
  contact?: string | null;
  interests: Array<{ topicId: string; weight: number }>;
}

export interface ExportCollaboration {
  id: string;
  title: string;
  kind: CollaborationKind;
  startDate: string | null;
  endDate: string | null;
  location: string | null;
  description: string | null;
  topicIds: string[];
  participants: Array<{ actorId: string; role: ParticipationRole }>;
}

export interface ExportDocument {
  topics: ExportTopic[];
  actors: ExportActor[];
  collaborations: ExportCollaboration[];
  includesContact: boolean;
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const byId = (a: { id: string }, b: { id: string }) => compare(a.id, b.id);

export function exportDocument(graph: GraphData, includeContact: boolean): ExportDocument {
  return {
    includesContact: includeContact,
    topics: graph.topics.map((t) => ({ id: t.id!, name: t.name, aliases: [...(t.aliases ?? [])] })).sort(byId),
    actors: graph.actors
      .map((a) => ({
        id: a.id,
        name: a.name,
        kind: a.kind,
        description: a.description ?? null,
        district: a.district ?? null,
        website: a.website ?? null,
        ...(includeContact ? { contact: a.contact ?? null } : {}),
        interests: (a.interests ?? [])
          .map((i) => ({ topicId: i.topicId, weight: i.weight ?? 1 }))
          .sort((x, y) => compare(x.topicId, y.topicId)),
      }))
      .sort(byId),
    collaborations: graph.collaborations
      .map((c) => ({
        id: c.id,
        title: c.title,
        kind: c.kind,
        startDate: c.startDate ?? null,
        endDate: c.endDate ?? null,
        location: c.location ?? null,
        description: c.description ?? null,
        topicIds: [...(c.topicIds ?? [])].sort(compare),
        participants: (c.participants ?? [])
          .map((p) => ({ actorId: p.actorId, role: p.role }))
          .sort((x, y) => compare(x.actorId, y.actorId)),
      }))
      .sort(byId),
  };
}
