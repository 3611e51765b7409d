/**
 * Excel workbooks in and out: a workbook written by write-excel-file in the test (umlauts,
 * „quotes“, €, a real date cell, a notes sheet) imported by the command line as a user runs it —
 * dry run with its row report, then the import — and through importNetwork(format: XLSX) over
 * HTTP; the download /export/network.xlsx read back by read-excel-file (German headers, one sheet
 * per table) and imported again: everything unchanged.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { batenbrock } from '../../../seed/batenbrock';
import { EMBEDDED_DB_FILE } from '../../src/store/create-store';
import { createEmbeddedStore } from '../../src/store/embedded';
import type { NetworkStore } from '../../src/store/network-store';
import { startHttpApi, type HttpApi } from '../support/http-api';

// Both packages are ESM with a CommonJS build, which Jest's CommonJS loads.
type WriteExcelFile = typeof import('write-excel-file/node', { with: { 'resolution-mode': 'import' } });
type ReadExcelFile = typeof import('read-excel-file/node', { with: { 'resolution-mode': 'import' } });
// eslint-disable-next-line @typescript-eslint/no-require-imports
const writeXlsxFile = (require('write-excel-file/node') as WriteExcelFile).default;
// eslint-disable-next-line @typescript-eslint/no-require-imports
const readXlsxFile = (require('read-excel-file/node') as ReadExcelFile).default;

const ROOT = join(__dirname, '..', '..', '..');
const run = promisify(execFile);

async function importCli(dataDir: string, args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(
      join(ROOT, 'node_modules', '.bin', 'tsx'),
      [join(ROOT, 'server/src/features/transfer/import-cli.ts'), ...args],
      { cwd: ROOT, env: { ...process.env, DATA_DIR: dataDir, NEO4J_URI: '' } },
    );
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

const bold = (value: string) => ({ value, fontWeight: 'bold' as const });
const dateCell = (y: number, m: number, d: number) => ({
  value: new Date(Date.UTC(y, m - 1, d)),
  type: Date,
  format: 'dd.mm.yyyy',
});

/** A quarter manager's workbook: Akteure, Themen, Kooperationen — and a sheet of notes. */
function workbook(akteureRows: unknown[][] = []) {
  return writeXlsxFile([
    {
      sheet: 'Akteure',
      data: [
        ['Name', 'Art', 'Themen', 'Beschreibung'].map(bold),
        ['Bürgerhaus „Grüne Aue“', 'Einrichtung', 'Gemeinschaftsgarten', 'Saalmiete 25 € pro Abend'],
        ['Nähcafé Größenwahn', 'Initiative', 'Gemeinschaftsgarten; Nachbarschaft', null],
        ...akteureRows,
      ] as never,
    },
    {
      sheet: 'Themen',
      data: [
        ['Thema', 'Aliase'].map(bold),
        ['Gemeinschaftsgarten', 'Urban Gardening'],
        ['Nachbarschaft', null],
      ] as never,
    },
    {
      sheet: 'Kooperationen',
      data: [
        ['Titel', 'Art', 'Beginn', 'Ort', 'Beteiligte'].map(bold),
        [
          'Pflanzfest „Frühling“',
          'Fest',
          dateCell(2024, 4, 13),
          'Bürgerhaus',
          'Bürgerhaus „Grüne Aue“ (Gastgeber); Nähcafé Größenwahn',
        ],
      ] as never,
    },
    { sheet: 'Hinweise', data: [['Diese Mappe pflegt das Quartiersbüro.']] as never },
  ]).toBuffer();
}

describe('Excel workbooks (.xlsx): import and export', () => {
  jest.setTimeout(120_000);
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'quartiernetz-xlsx-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test('npm run import -- Netz.xlsx: the dry run reports sheet and row, the import writes umlauts, quotes and € unchanged', async () => {
    const dataDir = mkdtempSync(join(dir, 'cli-'));
    const bad = join(dir, 'Fehler.xlsx');
    writeFileSync(bad, await workbook([['Kiosk am Eck', 'Kiosk', null, null]]));
    const refused = await importCli(dataDir, [bad, '--dry-run']);
    expect(refused.code).toBe(1);
    // The workbook's sheets are reported by name; the header is row 1 as Excel shows it.
    // German headers: the report speaks German.
    expect(refused.stdout).toContain('Fehler.xlsx [Akteure]: Akteure, 3 Zeilen');
    expect(refused.stdout).toContain('Fehler.xlsx [Kooperationen]: Kooperationen, 1 Zeilen');
    expect(refused.stdout).toContain('Fehler.xlsx [Akteure] Zeile 4, Art: „Kiosk“ ist keine Art von Akteur');
    expect(refused.stdout).toMatch(
      /Hinweis: Fehler\.xlsx \[Hinweise\]: die Kopfzeile passt zu keiner Tabelle.* – das Blatt wurde nicht gelesen/,
    );

    const good = join(dir, 'Netz.xlsx');
    writeFileSync(good, await workbook());
    const dry = await importCli(dataDir, [good, '--dry-run']);
    expect(dry.stdout).toContain('Probelauf – nichts geschrieben');
    expect(dry.code).toBe(0);
    const done = await importCli(dataDir, [good]);
    expect(done.code).toBe(0);
    expect(done.stdout).toMatch(/Akteure\s+2 neu/);

    const store = createEmbeddedStore({ filename: join(dataDir, EMBEDDED_DB_FILE) });
    await store.init();
    try {
      const graph = await store.readGraph();
      const byName = new Map(graph.actors.map((a) => [a.name, a]));
      expect(byName.get('Bürgerhaus „Grüne Aue“')).toMatchObject({
        kind: 'INSTITUTION',
        description: 'Saalmiete 25 € pro Abend',
      });
      expect(
        byName
          .get('Nähcafé Größenwahn')!
          .interests!.map((i) => i.topicId)
          .sort(),
      ).toEqual(['gemeinschaftsgarten', 'nachbarschaft']);
      const [fest] = graph.collaborations;
      expect(fest).toMatchObject({ title: 'Pflanzfest „Frühling“', kind: 'EVENT', startDate: '2024-04-13' });
      expect(fest.participants!.find((p) => p.actorId === byName.get('Bürgerhaus „Grüne Aue“')!.id)?.role).toBe('HOST');
    } finally {
      await store.close();
    }
    // Again: nothing changes.
    expect((await importCli(dataDir, [good])).stdout).toMatch(/Akteure\s+0 neu\s+0 geändert\s+2 unverändert/);
  });

  describe('over HTTP', () => {
    let store: NetworkStore;
    let api: HttpApi;
    beforeAll(async () => {
      store = createEmbeddedStore({ filename: ':memory:' });
      await store.init();
      api = await startHttpApi(store, { seed: batenbrock });
    });
    afterAll(async () => {
      await api.stop();
      await store.close();
    });

    const importXlsx = async (name: string, bytes: Buffer, dryRun: boolean) => {
      const response = await api.post({
        query: `mutation ($files: [ImportFileInput!]!, $dryRun: Boolean!) {
          importNetwork(format: XLSX, files: $files, dryRun: $dryRun) {
            applied files { name tables rows } counts { table created updated unchanged } rejected { file row field reason } warnings } }`,
        variables: { files: [{ name, content: bytes.toString('base64') }], dryRun },
      });
      const body = await response.json();
      expect(body.errors).toBeUndefined();
      return body.data.importNetwork;
    };

    test('importNetwork(format: XLSX): the dry run names each sheet, the import applies', async () => {
      const bytes = await workbook();
      const dry = await importXlsx('Netz.xlsx', bytes, true);
      expect(dry.files).toEqual([
        { name: 'Netz.xlsx [Akteure]', tables: ['actors'], rows: 2 },
        { name: 'Netz.xlsx [Themen]', tables: ['topics'], rows: 2 },
        { name: 'Netz.xlsx [Kooperationen]', tables: ['collaborations'], rows: 1 },
        { name: 'Netz.xlsx [Hinweise]', tables: [], rows: 0 },
      ]);
      expect(dry.rejected).toEqual([]);
      expect(dry.applied).toBe(false);
      const applied = await importXlsx('Netz.xlsx', bytes, false);
      expect(applied.applied).toBe(true);
      const actor = (await store.readGraph()).actors.find((a) => a.name === 'Bürgerhaus „Grüne Aue“');
      expect(actor?.description).toBe('Saalmiete 25 € pro Abend');

      const broken = await importXlsx('kaputt.xlsx', Buffer.from('not a zip file'), true);
      expect(broken.rejected).toEqual([
        expect.objectContaining({
          file: 'kaputt.xlsx',
          row: 1,
          reason: expect.stringContaining('not readable as an Excel workbook'), // no headers: English
        }),
      ]);
    });

    test('/export/network.xlsx: one sheet per table with German headers, imported again it changes nothing', async () => {
      const response = await api.request('/export/network.xlsx');
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe(
        'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      );
      expect(response.headers.get('content-disposition')).toBe('attachment; filename="quartiernetz.xlsx"');
      const bytes = Buffer.from(await response.arrayBuffer());
      const sheets = await readXlsxFile(bytes);
      expect(sheets.map((s) => s.sheet)).toEqual(['Akteure', 'Themen', 'Kooperationen', 'Teilnahmen']);
      const akteure = sheets[0].data;
      expect(akteure[0]).toEqual(['ID', 'Name', 'Art', 'Beschreibung', 'Stadtteil', 'Webseite', 'Themen']);
      expect(akteure.find((row) => row[0] === 'bobbie-ev')?.[2]).toBe('Verein');
      const graph = await store.readGraph();
      expect(akteure.length - 1).toBe(graph.actors.length);
      expect(sheets[3].data[0]).toEqual(['Kooperation', 'Akteur', 'Rolle']);
      // Dates are Excel dates.
      const kooperationen = sheets[2].data;
      const begin = kooperationen[0].indexOf('Beginn');
      expect(kooperationen.slice(1).some((row) => row[begin] instanceof Date)).toBe(true);

      const again = await importXlsx('quartiernetz.xlsx', bytes, true);
      expect(again.rejected).toEqual([]);
      for (const c of again.counts)
        expect({ table: c.table, created: c.created, updated: c.updated }).toEqual({
          table: c.table,
          created: 0,
          updated: 0,
        });
    });
  });
});
