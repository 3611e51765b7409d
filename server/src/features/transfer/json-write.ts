/**
 * The JSON export: one document that the JSON import reads back unchanged (json-read.ts) —
 * `{format, version, topics, actors (with interests), collaborations (with topicIds and
 * participants)}`. No timestamps and no versions: exporting, importing into an empty store and
 * exporting again gives the same text.
 */
import type { ExportDocument } from './export-document';

export const JSON_FORMAT = 'quartiernetz-network';
export const JSON_VERSION = 1;

export function writeJson(doc: ExportDocument): string {
  const { topics, actors, collaborations } = doc;
  return `${JSON.stringify({ format: JSON_FORMAT, version: JSON_VERSION, topics, actors, collaborations }, null, 2)}\n`;
}
