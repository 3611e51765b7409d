/**
 * The import and export command lines as a user runs them: child processes on a temporary
 * DATA_DIR (embedded store) with generated CSV files — progress on stderr, the report on stdout,
 * exit codes, idempotent re-import, a dry run and a rejected file that write nothing, Windows-1252
 * files, and the export of what was imported (JSON, CSV, GraphML, an Excel workbook).
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { createEmbeddedStore } from '../../src/store/embedded';
import { EMBEDDED_DB_FILE } from '../../src/store/create-store';

// read-excel-file is ESM with a CommonJS build, which Jest's CommonJS loads.
type ReadExcelFile = typeof import('read-excel-file/node', { with: { 'resolution-mode': 'import' } });
// eslint-disable-next-line @typescript-eslint/no-require-imports
const readXlsxFile = (require('read-excel-file/node') as ReadExcelFile).default;

const ROOT = join(__dirname, '..', '..', '..');
const run = promisify(execFile);

interface Outcome {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs the CLI script through tsx (through `npm run` with `viaNpm`, as the README tells). */
async function cli(
  dataDir: string,
  command: string[],
  script: 'import' | 'export' = 'import',
  viaNpm = false,
): Promise<Outcome> {
  const [file, args] = viaNpm
    ? ['npm', ['run', '-s', script, '--', ...command]]
    : [
        join(ROOT, 'node_modules', '.bin', 'tsx'),
        [join(ROOT, `server/src/features/transfer/${script}-cli.ts`), ...command],
      ];
  try {
    const { stdout, stderr } = await run(file, args, {
      cwd: ROOT,
      env: { ...process.env, DATA_DIR: dataDir, NEO4J_URI: '' },
      maxBuffer: 64 * 1024 * 1024,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

const ACTORS = 3000;
const KINDS = ['Verein', 'Initiative', 'Einrichtung', 'Person', 'Unternehmen'];

/** A spreadsheet-shaped network: Akteure, Themen, Kooperationen with Beteiligte. */
function writeFiles(dir: string): string[] {
  const themen = [
    'Thema;Aliase',
    ...Array.from({ length: 12 }, (_, i) => `Thema ${i};"Stichwort ${i}; Alias ${i}"`),
  ].join('\n');
  const akteure = [
    'Name;Art;Themen;Stadtteil;Kontakt',
    ...Array.from(
      { length: ACTORS },
      (_, i) =>
        `Akteur ${i};${KINDS[i % KINDS.length]};"Thema ${i % 12}; Stichwort ${((i % 12) + 1 + (i % 5)) % 12} (0,5)";Bezirk ${i % 9};akteur${i}@example.org`,
    ),
  ].join('\r\n');
  const kooperationen = [
    'Titel;Art;Von;Bis;Beteiligte',
    ...Array.from({ length: 500 }, (_, c) => {
      const members = [0, 1, 2, 3].map(
        (k) => `Akteur ${(c * 13 + k * 101) % ACTORS}${k === 0 ? ' (Veranstalter)' : ''}`,
      );
      return `Treffen ${c};Treffen;${1 + (c % 28)}.${1 + (c % 12)}.2023;;"${members.join('; ')}"`;
    }),
  ].join('\n');
  const files = { 'themen.csv': themen, 'akteure.csv': akteure, 'kooperationen.csv': kooperationen };
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
  return Object.keys(files).map((name) => join(dir, name));
}

async function storeCounts(dataDir: string) {
  const store = createEmbeddedStore({ filename: join(dataDir, EMBEDDED_DB_FILE) });
  try {
    await store.init();
    return await store.counts();
  } finally {
    await store.close();
  }
}

describe('npm run import / npm run export', () => {
  let dir: string;
  let dataDir: string;
  let files: string[];

  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'quartiernetz-cli-'));
    dataDir = join(dir, 'data');
    files = writeFiles(dir);
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test('imports generated CSV files with progress, and a second run changes nothing', async () => {
    const first = await cli(dataDir, files, 'import', true);
    expect(first.stderr).toContain('Importing into embedded store');
    expect(first.stderr).toMatch(/rows validated: 1000\/3512 \(28%\)/);
    expect(first.stderr).toContain('rows validated: 3512/3512 (100%)');
    expect(first.stderr).toMatch(/writes applied: \d+\/\d+ \(100%\)/);
    expect(first.code).toBe(0);
    // German headers: the report speaks German.
    expect(first.stdout).toContain('akteure.csv: Akteure, 3000 Zeilen');
    expect(first.stdout).toMatch(/Akteure\s+3000 neu\s+0 geändert\s+0 unverändert/);
    expect(first.stdout).toMatch(/Teilnahmen\s+2000 neu/);
    // How a running server picks the data up: through the change feed (server/test/live/feed-follow.test.ts shows it does).
    expect(first.stderr).toContain(
      'A server already running picks this data up through the change feed within about 1 s (FEED_POLL_MS)',
    );
    expect(await storeCounts(dataDir)).toEqual({
      actors: 3000,
      topics: 12,
      collaborations: 500,
      participations: 2000,
      interests: 6000,
    });

    const second = await cli(dataDir, files);
    expect(second.code).toBe(0);
    expect(second.stdout).toMatch(/Akteure\s+0 neu\s+0 geändert\s+3000 unverändert/);
    expect(second.stdout).toMatch(/Teilnahmen\s+0 neu\s+0 geändert\s+2000 unverändert/);
  }, 120_000);

  test('a rejected row: exit code 1, the rows listed, nothing written; a dry run writes nothing', async () => {
    const before = await storeCounts(dataDir);
    const bad = join(dir, 'neu.csv');
    writeFileSync(
      bad,
      'Name;Art;Webseite\nNeuer Verein;Verein;https://neu.example.org\nFalsch;Vereinn;\nAuch falsch;Gruppe;nicht erreichbar\n',
    );
    const rejected = await cli(dataDir, [bad]);
    expect(rejected.code).toBe(1);
    expect(rejected.stdout).toContain('Nichts importiert: 2 Probleme gefunden:');
    expect(rejected.stdout).toContain(
      'neu.csv Zeile 3, Art: „Vereinn“ ist keine Art von Akteur (meinten Sie „Verein“?)',
    );
    expect(rejected.stdout).toContain('neu.csv Zeile 4, Webseite: „nicht erreichbar“ ist keine Webadresse');

    // The same file with English headers: the report in English.
    const english = join(dir, 'new.csv');
    writeFileSync(english, 'name,kind,website\nFalsch,Vereinn,\n');
    const refusedEnglish = await cli(dataDir, [english]);
    expect(refusedEnglish.stdout).toContain('Nothing imported: 1 problem found:');
    expect(refusedEnglish.stdout).toContain(
      'new.csv row 2, kind: "Vereinn" is not a kind of actor (did you mean "Verein"?)',
    );
    expect(await storeCounts(dataDir)).toEqual(before);

    const good = join(dir, 'gut.csv');
    writeFileSync(good, 'Name;Art\nNeuer Verein;Verein\n');
    const dry = await cli(dataDir, [good, '--dry-run', '--json']);
    expect(dry.code).toBe(0);
    const report = JSON.parse(dry.stdout);
    expect(report).toMatchObject({
      dryRun: true,
      applied: false,
      counts: { actors: { created: 1, updated: 0, unchanged: 0 } },
    });
    expect(await storeCounts(dataDir)).toEqual(before);

    const usage = await cli(dataDir, []);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain('usage: npm run import');
  }, 60_000);

  test('Windows-1252 typography (German Excel) is read as such, not as C1 controls; C1 controls in a UTF-8 name are refused with their row', async () => {
    const excel = join(dir, 'excel-typo.csv');
    // „Masche“ (0x84 … 0x93), the dash – (0x96) and € (0x80): C1 controls when decoded like Latin-1.
    writeFileSync(
      excel,
      Buffer.from([
        ...Buffer.from('Name;Art;Beschreibung\r\n'),
        ...Buffer.from('Strick-Treff '),
        0x84,
        ...Buffer.from('Masche'),
        0x93,
        ...Buffer.from(';Gruppe;Beitrag 5 '),
        0x80,
        ...Buffer.from('\r\n'),
        ...Buffer.from('Kita '),
        0x96,
        ...Buffer.from(' Sonnenblume;Einrichtung;\r\n'),
      ]),
    );
    const ownData = mkdtempSync(join(dir, 'typography-'));
    const outcome = await cli(ownData, [excel]);
    expect(outcome.stdout + outcome.stderr).not.toMatch(/[\u0080-\u009f]/);
    expect(outcome.code).toBe(0);
    const store = createEmbeddedStore({ filename: join(ownData, EMBEDDED_DB_FILE) });
    await store.init();
    try {
      const [masche, kita] = await store.getActors(['strick-treff-masche', 'kita-sonnenblume']);
      expect(masche).toMatchObject({ name: 'Strick-Treff „Masche“', description: 'Beitrag 5 €' });
      expect(kita).toMatchObject({ name: 'Kita – Sonnenblume' });
    } finally {
      await store.close();
    }
    const c1 = join(dir, 'c1.csv');
    writeFileSync(c1, 'Name;Art\nGut;Gruppe\nBöse\u0084Gruppe;Gruppe\n', 'utf8');
    const refused = await cli(ownData, [c1]);
    expect(refused.code).toBe(1);
    expect(refused.stdout).toContain(
      'c1.csv Zeile 3, Name: Name darf keine Steuerzeichen und keine Zeilenumbrüche enthalten',
    );
  }, 60_000);

  test('a Windows-1252 file (German Excel) is read correctly', async () => {
    const latin = join(dir, 'excel.csv');
    writeFileSync(latin, Buffer.from('Name;Art;Stadtteil\nFörderverein Grünfläche;Förderer;Süd\n', 'latin1'));
    const outcome = await cli(dataDir, [latin]);
    expect(outcome.code).toBe(0);
    expect(outcome.stderr).toContain('not UTF-8, read as Windows-1252');
    const out = join(dir, 'export.json');
    const exported = await cli(dataDir, ['--format', 'json', '--out', out, '--actor-kinds', 'FUNDER'], 'export');
    expect(exported.code).toBe(0);
    const doc = JSON.parse(readFileSync(out, 'utf8'));
    expect(doc.actors).toEqual([
      {
        id: 'forderverein-grunflache',
        name: 'Förderverein Grünfläche',
        kind: 'FUNDER',
        description: null,
        district: 'Süd',
        website: null,
        interests: [],
      },
    ]);
  }, 60_000);

  test('npm run export writes JSON, CSV per table and GraphML of the imported network', async () => {
    const csvDir = join(dir, 'csv');
    const csv = await cli(dataDir, ['--format', 'csv', '--out', csvDir, '--include-contact'], 'export');
    expect(csv.code).toBe(0);
    expect(readdirSync(csvDir).sort()).toEqual([
      'actors.csv',
      'collaborations.csv',
      'participations.csv',
      'topics.csv',
    ]);
    const actors = readFileSync(join(csvDir, 'actors.csv'), 'utf8').trim().split('\n');
    expect(actors[0]).toBe('id,name,kind,description,district,website,contact,topics');
    expect(actors).toHaveLength(1 + ACTORS + 1);
    expect(actors).toContain('akteur-0,Akteur 0,ASSOCIATION,,Bezirk 0,,akteur0@example.org,thema-0; thema-1 (0.5)');

    const graphml = await cli(dataDir, ['--format', 'graphml', '--from', '2023-06-01', '--to', '2023-06-30'], 'export');
    expect(graphml.code).toBe(0);
    expect(graphml.stdout.startsWith('<?xml version="1.0" encoding="UTF-8"?>')).toBe(true);
    expect(graphml.stdout).toContain('<data key="edgeType">COLLABORATES_WITH</data>');

    const bad = await cli(dataDir, ['--format', 'csv'], 'export');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('give --out <folder>');
  }, 60_000);

  test('npm run export --format xlsx writes one workbook, a sheet per table, that read-excel-file reads back', async () => {
    const file = join(dir, 'netz.xlsx');
    const xlsx = await cli(dataDir, ['--format', 'xlsx', '--out', file, '--from', '2023-01-01'], 'export', true);
    expect(xlsx.code).toBe(0);
    expect(xlsx.stderr).toContain(`Wrote ${file}`);
    const sheets = await readXlsxFile(readFileSync(file));
    expect(sheets.map((s) => s.sheet)).toEqual(['Akteure', 'Themen', 'Kooperationen', 'Teilnahmen']);
    const [akteure, themen, kooperationen, teilnahmen] = sheets.map((s) => s.data);
    expect(akteure[0]).toEqual(['ID', 'Name', 'Art', 'Beschreibung', 'Stadtteil', 'Webseite', 'Themen']);
    // The filter holds: the actors of the 500 meetings of 2023 (four each, some in several).
    const inMeetings = new Set(
      Array.from({ length: 500 }, (_, c) => [0, 1, 2, 3].map((k) => (c * 13 + k * 101) % ACTORS)).flat(),
    );
    expect(akteure).toHaveLength(1 + inMeetings.size);
    expect(akteure.find((row) => row[0] === 'akteur-0')).toEqual([
      'akteur-0',
      'Akteur 0',
      'Verein',
      null,
      'Bezirk 0',
      null,
      'thema-0; thema-1 (0.5)',
    ]);
    expect(themen[0]).toEqual(['ID', 'Thema', 'Aliase']);
    expect(kooperationen).toHaveLength(1 + 500);
    const treffen = kooperationen.find((row) => row[1] === 'Treffen 0')!;
    expect(treffen[2]).toBe('Treffen');
    expect(treffen.find((v) => v instanceof Date)).toEqual(new Date(Date.UTC(2023, 0, 1)));
    expect(teilnahmen[0]).toEqual(['Kooperation', 'Akteur', 'Rolle']);
    expect(teilnahmen).toHaveLength(1 + 500 * 4);

    const bad = await cli(dataDir, ['--format', 'xlsx'], 'export');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('give --out <file.xlsx>');
  }, 60_000);
});
