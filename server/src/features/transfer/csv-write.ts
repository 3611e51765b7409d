/**
 * The CSV export: one file per table (topics, actors, collaborations, participations), with the
 * headers and cell syntax the CSV import reads (csv-read.ts, csv-cells.ts): `,`-separated,
 * quoted where needed, lists joined with "; ", topic weights in brackets when not 1, dates ISO,
 * kinds and roles as the API names them, references by id.
 */
import { stringify } from 'csv-stringify/sync';
import { joinList, protectCell, topicCell } from './csv-cells';
import type { ExportDocument } from './export-document';
import type { TableName } from './vocabulary';

export interface CsvFile {
  table: TableName;
  name: string;
  content: string;
}

const cell = (value: string | null | undefined) => protectCell(value ?? '');

function table(columns: readonly string[], rows: ReadonlyArray<ReadonlyArray<string | null | undefined>>): string {
  return stringify([[...columns], ...rows.map((row) => row.map(cell))], { record_delimiter: '\n' });
}

export function writeCsv(doc: ExportDocument): CsvFile[] {
  const actorColumns = [
    'id',
    'name',
    'kind',
    'description',
    'district',
    'website',
    ...(doc.includesContact ? ['contact'] : []),
    'topics',
  ];
  return [
    {
      table: 'topics',
      name: 'topics.csv',
      content: table(
        ['id', 'name', 'aliases'],
        doc.topics.map((t) => [t.id, t.name, joinList(t.aliases)]),
      ),
    },
    {
      table: 'actors',
      name: 'actors.csv',
      content: table(
        actorColumns,
        doc.actors.map((a) => [
          a.id,
          a.name,
          a.kind,
          a.description,
          a.district,
          a.website,
          ...(doc.includesContact ? [a.contact] : []),
          joinList(a.interests.map((i) => topicCell(i.topicId, i.weight))),
        ]),
      ),
    },
    {
      table: 'collaborations',
      name: 'collaborations.csv',
      content: table(
        ['id', 'title', 'kind', 'startDate', 'endDate', 'location', 'description', 'topics'],
        doc.collaborations.map((c) => [
          c.id,
          c.title,
          c.kind,
          c.startDate,
          c.endDate,
          c.location,
          c.description,
          joinList(c.topicIds),
        ]),
      ),
    },
    {
      table: 'participations',
      name: 'participations.csv',
      content: table(
        ['collaborationId', 'actorId', 'role'],
        doc.collaborations.flatMap((c) => c.participants.map((p) => [c.id, p.actorId, p.role])),
      ),
    },
  ];
}
