/** GraphQL types of import, export and GDPR. */
import { Length } from 'class-validator';
import { Field, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { ActorType } from '../actors/actor.type';
import { ConsentType, UpdateProposalType } from '../update-links/update-links.type';
import { ChangeRecordType } from '../history/history.type';
import { InterestType } from '../links/interest.type';
import { ParticipationType } from '../links/participation.type';
import { SuggestionFeedbackType } from '../suggestions/feedback.type';

export enum ImportFormatEnum {
  CSV = 'CSV',
  JSON = 'JSON',
  XLSX = 'XLSX',
}
registerEnumType(ImportFormatEnum, {
  name: 'ImportFormat',
  description:
    'CSV: one file per table (actors, topics, collaborations, participations), German or English headers. JSON: the document exportNetwork(format: JSON) writes. XLSX: Excel workbooks (content in base64), each sheet a table as a CSV file would be.',
});

export enum ExportFormatEnum {
  JSON = 'JSON',
  CSV = 'CSV',
  GRAPHML = 'GRAPHML',
}
registerEnumType(ExportFormatEnum, {
  name: 'ExportFormat',
  description:
    'JSON (imports back unchanged), CSV (one file per table, the headers the import reads), GRAPHML (Gephi, Cytoscape desktop).',
});

/** Most files one import request takes. */
export const MAX_IMPORT_FILES = 20;

@InputType('ImportFileInput', { description: 'One file of an import: its name (for the report) and its text.' })
export class ImportFileInput {
  @Field(() => String)
  @Length(1, 200)
  name!: string;

  @Field(() => String, {
    description: "The file as text (UTF-8; a byte-order mark is ignored); for XLSX the workbook's bytes in base64.",
  })
  content!: string;
}

@ObjectType('ImportTableCounts', { description: 'What an import did (dryRun: would do) to one table.' })
export class ImportTableCountsType {
  @Field(() => String, {
    description: 'topics, actors, collaborations, interests, collaborationTopics or participations.',
  })
  table!: string;

  @Field(() => Int)
  created!: number;

  @Field(() => Int)
  updated!: number;

  @Field(() => Int)
  unchanged!: number;
}

@ObjectType('ImportRejection', { description: 'A row the import refused, and why.' })
export class ImportRejectionType {
  @Field(() => String)
  file!: string;

  @Field(() => String, { nullable: true, description: 'The table of the row; null when the file could not be read.' })
  table!: string | null;

  @Field(() => Int, {
    description:
      'CSV: the row as a spreadsheet numbers it (the header is row 1). JSON: the position in its list, from 1; 0 is the file as a whole.',
  })
  row!: number;

  @Field(() => String, {
    nullable: true,
    description: 'The column as the file names it (e.g. "Art"); null for the row as a whole.',
  })
  field!: string | null;

  @Field(() => String)
  reason!: string;
}

@ObjectType('ImportedFile')
export class ImportedFileType {
  @Field(() => String)
  name!: string;

  @Field(() => [String], { description: 'The tables the file holds (a CSV file one, recognised from its header row).' })
  tables!: string[];

  @Field(() => Int, { description: 'Data rows read.' })
  rows!: number;
}

@ObjectType('ImportReport', { description: 'The outcome of an import. Nothing is written when any row is rejected.' })
export class ImportReportType {
  @Field(() => Boolean)
  dryRun!: boolean;

  @Field(() => Boolean, { description: 'True when the import was written: no row rejected and not a dry run.' })
  applied!: boolean;

  @Field(() => [ImportedFileType])
  files!: ImportedFileType[];

  @Field(() => [ImportTableCountsType], {
    nullable: true,
    description: 'Per table: created, updated, unchanged (dryRun: would be); null when rows were rejected.',
  })
  counts!: ImportTableCountsType[] | null;

  @Field(() => [ImportRejectionType], {
    description: 'Every problem found (at most 1000 listed), in file and row order.',
  })
  rejected!: ImportRejectionType[];

  @Field(() => Int, { description: 'How many problems were found in all.' })
  rejectedTotal!: number;

  @Field(() => [String], { description: 'Columns or fields that were not read.' })
  warnings!: string[];
}

@ObjectType('ExportFile')
export class ExportFileType {
  @Field(() => String, { description: 'File name, e.g. network.graphml or actors.csv.' })
  name!: string;

  @Field(() => String)
  mediaType!: string;

  @Field(() => String)
  content!: string;
}

@ObjectType('NetworkExport')
export class NetworkExportType {
  @Field(() => ExportFormatEnum)
  format!: ExportFormatEnum;

  @Field(() => Boolean, { description: 'Whether contact data is in the files.' })
  includesContact!: boolean;

  @Field(() => [ExportFileType], {
    description: 'One file; for CSV one per table (topics, actors, collaborations, participations).',
  })
  files!: ExportFileType[];
}

@ObjectType('PersonalData', { description: 'Everything stored about one actor (GDPR right of access).' })
export class PersonalDataType {
  @Field(() => ActorType, {
    nullable: true,
    description:
      'The record, contact data included; null when the actor was deleted or merged into another (its history still holds what was recorded).',
  })
  actor!: unknown;

  @Field(() => [InterestType])
  interests!: unknown[];

  @Field(() => [ParticipationType], { description: 'Its collaborations with its role, newest first.' })
  participations!: unknown[];

  @Field(() => [SuggestionFeedbackType], { description: 'Feedback on suggestions made to it or of it, newest first.' })
  suggestionFeedback!: unknown[];

  @Field(() => [ChangeRecordType], {
    description: 'Every history record about it (or an actor merged into it) or naming it, newest first.',
  })
  history!: ChangeRecordType[];

  @Field(() => [ConsentType], {
    description:
      'Consents to storing contact data given through update links (text version, given, withdrawn), newest first.',
  })
  consents!: unknown[];

  @Field(() => [UpdateProposalType], {
    description: 'What answers through its update links proposed, and what became of it.',
  })
  updateProposals!: unknown[];

  @Field(() => String, { description: 'All of it as one JSON document (machine-readable copy for the person).' })
  document!: string;
}

@ObjectType('ErasureReport', { description: 'What eraseActor deleted and redacted.' })
export class ErasureReportType {
  @Field(() => String, {
    description: "The id the history now shows instead of the erased actor's id (its ERASE record is filed under it).",
  })
  pseudonym!: string;

  @Field(() => Int)
  interestsDeleted!: number;

  @Field(() => Int)
  participationsDeleted!: number;

  @Field(() => Int)
  feedbackDeleted!: number;

  @Field(() => Int, {
    description: 'History records from which the actor (and the actors merged into it) were redacted.',
  })
  historyRedacted!: number;

  @Field(() => Int, {
    description: 'Actors merged into the erased one (its duplicates, recursively) whose history was erased with it.',
  })
  mergedActorsErased!: number;

  @Field(() => Int, {
    description: "Suggestion feedback notes of others that quoted the person's name or contact and were cleared.",
  })
  feedbackNotesCleared!: number;
}
