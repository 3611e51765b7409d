/**
 * The import document (one nested document of topics, actors, collaborations and their links, as
 * the CSV, JSON and spreadsheet readers produce it) and the counts an import answers. The rules
 * that apply it are in import-rules.ts.
 */
import type { ActorKind, CollaborationKind, IsoDate, ParticipationRole } from '../../domain/model';

export interface ImportTopic {
  id: string;
  name?: string;
  aliases?: string[];
}

export interface ImportActor {
  id: string;
  name?: string;
  kind?: ActorKind;
  description?: string | null;
  district?: string | null;
  website?: string | null;
  contact?: string | null;
}

export interface ImportCollaboration {
  id: string;
  title?: string;
  kind?: CollaborationKind;
  startDate?: IsoDate | null;
  endDate?: IsoDate | null;
  location?: string | null;
  description?: string | null;
}

export interface ImportInterest {
  actorId: string;
  topicId: string;
  /** In (0, 1]; absent: an existing interest keeps its weight, a new one gets 1. */
  weight?: number;
}

export interface ImportCollaborationTopic {
  collaborationId: string;
  topicId: string;
}

export interface ImportParticipation {
  actorId: string;
  collaborationId: string;
  /** Absent: an existing participation keeps its role, a new one is PARTICIPANT. */
  role?: ParticipationRole;
}

/** A resolved import document: every id known, every reference an id. */
export interface ImportGraph {
  topics: ImportTopic[];
  actors: ImportActor[];
  collaborations: ImportCollaboration[];
  interests: ImportInterest[];
  collaborationTopics: ImportCollaborationTopic[];
  participations: ImportParticipation[];
}

export const IMPORT_TABLES = [
  'topics',
  'actors',
  'collaborations',
  'interests',
  'collaborationTopics',
  'participations',
] as const;
export type ImportTable = (typeof IMPORT_TABLES)[number];

export interface TableCounts {
  created: number;
  updated: number;
  unchanged: number;
}

export type ImportCounts = Record<ImportTable, TableCounts>;

export interface ImportOptions {
  /** Work out the counts without writing anything. */
  dryRun?: boolean;
  /** Told how many of the plan's writes are done (the adapters call it between batches). */
  onProgress?: (done: number, total: number) => void;
}
