/** What the row check (validate.ts) answers: the checked records of each table and the rejections. */
import type { ActorKind, CollaborationKind, ParticipationRole } from '../../domain/model';
import type { Rejection, Source } from './model';

export interface Checked {
  source: Source;
  labels: { [column: string]: string };
  /** The row has problems: it is kept only so that references to it still resolve. */
  rejected?: boolean;
}

export interface TopicRef {
  ref: string;
  weight?: number;
}

export interface ParticipantRef {
  ref: string;
  role?: ParticipationRole;
}

export interface CheckedActor extends Checked {
  id?: string;
  name?: string;
  kind?: ActorKind;
  description?: string | null;
  district?: string | null;
  website?: string | null;
  contact?: string | null;
  topics?: TopicRef[];
}

export interface CheckedTopic extends Checked {
  id?: string;
  name?: string;
  aliases?: string[];
}

export interface CheckedCollaboration extends Checked {
  id?: string;
  title?: string;
  kind?: CollaborationKind;
  startDate?: string | null;
  endDate?: string | null;
  location?: string | null;
  description?: string | null;
  topics?: TopicRef[];
  participants?: ParticipantRef[];
}

export interface CheckedParticipation extends Checked {
  collaboration: string;
  actor: string;
  role?: ParticipationRole;
}

export interface CheckedRows {
  actors: CheckedActor[];
  topics: CheckedTopic[];
  collaborations: CheckedCollaboration[];
  participations: CheckedParticipation[];
  rejections: Rejection[];
}
