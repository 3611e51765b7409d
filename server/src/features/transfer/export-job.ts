/**
 * Exports the network — whole, or the view of a scope filter (export-scope.ts) — as JSON, CSV (one
 * file per table) or GraphML. Reads the store in one transaction (`readGraph`), so the files agree
 * with each other. Contact data only with `includeContact` (the caller decides who may see it).
 */
import type { ScopeFilter } from '../../graph/scope';
import { checkFilterRange } from '../../domain/validation';
import type { NetworkStore } from '../../store/network-store';
import { writeCsv } from './csv-write';
import { exportDocument } from './export-document';
import { selectScope } from './export-scope';
import { writeGraphml } from './graphml-write';
import { writeJson } from './json-write';
import type { ExportFormat } from './model';

export interface ExportOptions {
  format: ExportFormat;
  filter?: ScopeFilter;
  includeContact: boolean;
}

export interface ExportFile {
  name: string;
  mediaType: string;
  content: string;
}

export const MEDIA_TYPES = {
  JSON: 'application/json; charset=utf-8',
  CSV: 'text/csv; charset=utf-8',
  GRAPHML: 'application/graphml+xml; charset=utf-8',
} as const satisfies Record<ExportFormat, string>;

export async function exportNetwork(
  store: Pick<NetworkStore, 'readGraph'>,
  options: ExportOptions,
): Promise<ExportFile[]> {
  const filter = options.filter ?? {};
  checkFilterRange(filter);
  const doc = exportDocument(selectScope(await store.readGraph(), filter), options.includeContact);
  switch (options.format) {
    case 'JSON':
      return [{ name: 'network.json', mediaType: MEDIA_TYPES.JSON, content: writeJson(doc) }];
    case 'GRAPHML':
      return [{ name: 'network.graphml', mediaType: MEDIA_TYPES.GRAPHML, content: writeGraphml(doc) }];
    case 'CSV':
      return writeCsv(doc).map((f) => ({ name: f.name, mediaType: MEDIA_TYPES.CSV, content: f.content }));
  }
}
