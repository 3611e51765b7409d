/**
 * What the GraphQL import/export and GDPR suites share (transfer-files.suite.ts,
 * transfer-gdpr.suite.ts): the operations, a quarter manager's CSV files, and a test API started
 * afresh on the harness's store per test.
 */
import type { batenbrock } from '../../../seed/batenbrock';
import { startTestApi, type TestApi } from '../support/api';
import type { StoreHarness } from '../support/stores';

export const IMPORT = `mutation Import($format: ImportFormat!, $files: [ImportFileInput!]!, $dryRun: Boolean) {
  importNetwork(format: $format, files: $files, dryRun: $dryRun) {
    dryRun applied rejectedTotal warnings
    files { name tables rows }
    counts { table created updated unchanged }
    rejected { file table row field reason }
  }
}`;
export const EXPORT = `query Export($format: ExportFormat!, $filter: ScopeFilterInput, $includeContact: Boolean) {
  exportNetwork(format: $format, filter: $filter, includeContact: $includeContact) { format includesContact files { name mediaType content } }
}`;

/** What a quarter manager keeps: semicolons, a byte-order mark, German headers, kinds, roles and dates. */
export const AKTEURE =
  '\uFEFFName;Art;Themen;Webseite;Kontakt;Stadtteil;Beschreibung\r\n' +
  'Tafel Batenbrock;Initiative;"Nachbarschaft; Jugendarbeit";www.tafel-batenbrock.de;tafel@example.org;Batenbrock;"Lebensmittel; ""fair"" verteilt"\r\n' +
  'Maria Muster;Person;Umwelt (0,5);;maria@example.org;Batenbrock;\r\n' +
  'Bobbie e.V.;Verein;;;;Batenbrock-Süd;\r\n';
export const THEMEN = 'Thema;Aliase\nRepair-Café;"Reparieren; Upcycling"\n';
export const KOOPERATIONEN =
  'Titel;Art;Beginn;Ende;Ort;Themen;Beteiligte\n' +
  'Reparaturtreff;Treffen;7.1.2024;31.12.2024;Bürgerhaus;"Repair-Café; Nachbarschaft";"Tafel Batenbrock (Veranstalter*in); Maria Muster; Bobbie e.V. (Gastgeber)"\n';
export const TEILNAHMEN =
  'Kooperation;Akteur;Rolle\nReparaturtreff;stadt-bottrop;Förderer\nStadtteilkonferenz 2022;Tafel Batenbrock;Teilnehmerin\n';

export const GOOD_FILES = [
  { name: 'Akteure.csv', content: AKTEURE },
  { name: 'Themen.csv', content: THEMEN },
  { name: 'Kooperationen.csv', content: KOOPERATIONEN },
  { name: 'Teilnahmen.csv', content: TEILNAHMEN },
];

/** Sets up the harness around the suite and answers `start`: a fresh store with a test API (the previous one stopped). */
export function useTransferApi(harness: StoreHarness): (seed?: typeof batenbrock) => Promise<TestApi> {
  let api: TestApi | null = null;
  beforeAll(() => harness.setup());
  afterAll(async () => {
    await api?.stop();
    await harness.teardown();
  });
  return async (seed?: typeof batenbrock) => {
    await api?.stop();
    api = await startTestApi(await harness.fresh(), seed);
    return api;
  };
}

export const importFiles = async (
  a: TestApi,
  format: string,
  files: Array<{ name: string; content: string }>,
  dryRun = false,
) => (await a.data(IMPORT, { format, files, dryRun })).importNetwork;

export const exportFiles = async (a: TestApi, format: string, filter?: object, includeContact = true) =>
  (await a.data(EXPORT, { format, filter, includeContact })).exportNetwork.files as Array<{
    name: string;
    mediaType: string;
    content: string;
  }>;
