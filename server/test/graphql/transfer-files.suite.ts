/**
 * Import and export through real GraphQL requests (in-process Apollo), run against every store: a
 * quarter manager's CSV files with German headers, row-numbered rejections with nothing applied,
 * idempotent re-import, JSON and CSV round trips and the filtered export.
 */
import { batenbrock } from '../../../seed/batenbrock';
import { errorCodes } from '../support/api';
import type { StoreHarness } from '../support/stores';
import { IMPORT, EXPORT, GOOD_FILES, importFiles, exportFiles, useTransferApi } from './transfer-setup';

type Counts = Array<{ table: string; created: number; updated: number; unchanged: number }>;
const countsOf = (counts: Counts) => Object.fromEntries(counts.map(({ table, ...c }) => [table, c]));

export function describeTransferFilesApi(label: string, harness: StoreHarness): void {
  describe(`GraphQL import, export and GDPR (${label})`, () => {
    const start = useTransferApi(harness);

    test('a spreadsheet with German headers imports; importing it again changes nothing', async () => {
      const a = await start(batenbrock);
      const before = await a.store.counts();
      const report = await importFiles(a, 'CSV', GOOD_FILES);
      expect(report.rejected).toEqual([]);
      expect(report).toMatchObject({ applied: true, dryRun: false, rejectedTotal: 0, warnings: [] });
      expect(report.files).toEqual([
        { name: 'Akteure.csv', tables: ['actors'], rows: 3 },
        { name: 'Themen.csv', tables: ['topics'], rows: 1 },
        { name: 'Kooperationen.csv', tables: ['collaborations'], rows: 1 },
        { name: 'Teilnahmen.csv', tables: ['participations'], rows: 2 },
      ]);
      expect(countsOf(report.counts)).toEqual({
        topics: { created: 1, updated: 0, unchanged: 0 },
        actors: { created: 2, updated: 1, unchanged: 0 },
        collaborations: { created: 1, updated: 0, unchanged: 0 },
        interests: { created: 3, updated: 0, unchanged: 0 },
        collaborationTopics: { created: 2, updated: 0, unchanged: 0 },
        participations: { created: 5, updated: 0, unchanged: 0 },
      });
      expect(await a.store.counts()).toEqual({
        ...before,
        actors: before.actors + 2,
        topics: before.topics + 1,
        collaborations: before.collaborations + 1,
        participations: before.participations + 5,
        interests: before.interests + 3,
      });

      const seen = await a.data(`{
        tafel: actor(id: "tafel-batenbrock") { name kind website contact description interests { weight topic { id } } }
        maria: actor(id: "maria-muster") { kind interests { weight topic { id } } }
        bobbie: actor(id: "bobbie-ev") { district version }
        treff: collaboration(id: "reparaturtreff-2024-01-07") { title kind startDate endDate location topics { id } participants { role actor { id } } }
        konferenz: collaboration(id: "stadtteilkonferenz-2022") { participants { role actor { id } } }
        topic(id: "repair-cafe") { name aliases }
      }`);
      expect(seen.tafel).toEqual({
        name: 'Tafel Batenbrock',
        kind: 'INITIATIVE',
        website: 'https://www.tafel-batenbrock.de',
        contact: 'tafel@example.org',
        description: 'Lebensmittel; "fair" verteilt',
        interests: [
          { weight: 1, topic: { id: 'jugend' } },
          { weight: 1, topic: { id: 'nachbarschaft' } },
        ],
      });
      expect(seen.maria).toEqual({ kind: 'PERSON', interests: [{ weight: 0.5, topic: { id: 'umwelt' } }] });
      expect(seen.bobbie).toEqual({ district: 'Batenbrock-Süd', version: 2 });
      expect(seen.treff).toMatchObject({
        title: 'Reparaturtreff',
        kind: 'MEETING',
        startDate: '2024-01-07',
        endDate: '2024-12-31',
        location: 'Bürgerhaus',
      });
      expect(seen.treff.topics.map((t: { id: string }) => t.id).sort()).toEqual(['nachbarschaft', 'repair-cafe']);
      expect(
        Object.fromEntries(
          seen.treff.participants.map((p: { role: string; actor: { id: string } }) => [p.actor.id, p.role]),
        ),
      ).toEqual({
        'tafel-batenbrock': 'ORGANISER',
        'maria-muster': 'PARTICIPANT',
        'bobbie-ev': 'HOST',
        'stadt-bottrop': 'FUNDER',
      });
      expect(seen.konferenz.participants).toContainEqual({ role: 'PARTICIPANT', actor: { id: 'tafel-batenbrock' } });
      expect(seen.topic).toEqual({ name: 'Repair-Café', aliases: ['Reparieren', 'Upcycling'] });
      // The projection follows: the new actors are in the network.
      const network = await a.data(`{ network(filter: { centreActorId: "tafel-batenbrock" }) { nodes { entityId } } }`);
      expect(network.network.nodes.map((n: { entityId: string }) => n.entityId)).toEqual(
        expect.arrayContaining(['maria-muster', 'stadt-bottrop']),
      );
      // Recorded: one IMPORT record per changed record.
      const history = await a.data(
        `{ history(entityId: "bobbie-ev", first: 1) { nodes { operation author changes { field before after } } } }`,
      );
      expect(history.history.nodes[0]).toEqual({
        operation: 'IMPORT',
        author: 'key:test-admin',
        changes: [{ field: 'district', before: '"Batenbrock"', after: '"Batenbrock-Süd"' }],
      });

      const after = await a.store.readGraph();
      const again = await importFiles(a, 'CSV', GOOD_FILES);
      expect(again.applied).toBe(true);
      for (const c of again.counts) expect(c).toMatchObject({ created: 0, updated: 0 });
      expect(countsOf(again.counts).participations.unchanged).toBe(5);
      expect(await a.store.readGraph()).toEqual(after);
    });

    test('rejected rows are reported with file, row and field, and nothing is applied', async () => {
      const a = await start(batenbrock);
      const before = await a.store.readGraph();
      const akteure =
        'Name;Art;Webseite;Themen\n' +
        'Gute Initiative;Initiative;https://gut.example.org;Umwelt\n' +
        'Schlechter Verein;Vereinn;keine adresse;\n' +
        '\n' +
        'Dritte;Gruppe;;Unbekanntes Thema\n';
      const kooperationen =
        'Titel,Art,Beginn,Ende,Beteiligte\n"Fest, groß",Fest,31.02.2023,,"Gute Initiative; Niemand (Gastgeber)"\nTreffen,Treffen,2023-05-02,2023-05-01,\n';
      const report = await importFiles(a, 'CSV', [
        { name: 'akteure.csv', content: akteure },
        { name: 'kooperationen.csv', content: kooperationen },
      ]);
      expect(report.applied).toBe(false);
      expect(report.counts).toBeNull();
      // German headers: the report in German (report-messages.ts).
      expect(report.rejected).toEqual([
        {
          file: 'akteure.csv',
          table: 'actors',
          row: 3,
          field: 'Art',
          reason: expect.stringContaining(
            '„Vereinn“ ist keine Art von Akteur (meinten Sie „Verein“?): möglich sind Verein',
          ),
        },
        {
          file: 'akteure.csv',
          table: 'actors',
          row: 3,
          field: 'Webseite',
          reason: expect.stringContaining('„keine adresse“ ist keine Webadresse'),
        },
        {
          file: 'akteure.csv',
          table: 'actors',
          row: 5,
          field: 'Themen',
          reason: 'unbekanntes Thema „Unbekanntes Thema“: weder im Import noch gespeichert',
        },
        {
          file: 'kooperationen.csv',
          table: 'collaborations',
          row: 2,
          field: 'Beginn',
          reason: expect.stringContaining('„31.02.2023“ ist kein Datum'),
        },
        {
          file: 'kooperationen.csv',
          table: 'collaborations',
          row: 3,
          field: 'Ende',
          reason: 'Ende 2023-05-01 liegt vor dem Beginn 2023-05-02',
        },
      ]);
      expect(report.rejectedTotal).toBe(5);
      expect(await a.store.readGraph()).toEqual(before);
      expect(
        (await a.store.history('network', { first: 1 })).items.every(
          (r) => r.operation !== 'IMPORT' || r.author === 'system',
        ),
      ).toBe(true);

      // The same without the bad rows imports; an unknown participant in a good file is refused.
      const unknown = await importFiles(a, 'CSV', [
        { name: 'kooperationen.csv', content: 'Titel;Art;Beteiligte\nFest;Fest;"bobbie-ev; Niemand (Gastgeber)"\n' },
      ]);
      expect(unknown.rejected).toEqual([
        {
          file: 'kooperationen.csv',
          table: 'collaborations',
          row: 2,
          field: 'Beteiligte',
          reason: 'unbekannter Akteur „Niemand“: weder im Import noch gespeichert',
        },
      ]);
      expect(await a.store.readGraph()).toEqual(before);

      // A dry run checks and counts, and writes nothing.
      const dry = await importFiles(a, 'CSV', GOOD_FILES, true);
      expect(dry).toMatchObject({ dryRun: true, applied: false, rejectedTotal: 0 });
      expect(countsOf(dry.counts).actors).toEqual({ created: 2, updated: 1, unchanged: 0 });
      expect(await a.store.readGraph()).toEqual(before);

      // Files the import cannot tell: coded rejection of the file; request-level problems are errors.
      const unclear = await importFiles(a, 'CSV', [{ name: 'x.csv', content: 'id;name\na;b\n' }]);
      expect(unclear.rejected).toEqual([
        {
          file: 'x.csv',
          table: null,
          row: 1,
          field: null,
          reason: expect.stringContaining('fits actors and topics equally'),
        },
      ]);
      expect(errorCodes(await a.run(IMPORT, { format: 'CSV', files: [] }))).toEqual(['BAD_USER_INPUT']);
      expect(errorCodes(await a.run(IMPORT, { format: 'CSV', files: [GOOD_FILES[0], GOOD_FILES[0]] }))).toEqual([
        'BAD_USER_INPUT',
      ]);
      expect(errorCodes(await a.run(IMPORT, { format: 'XLS', files: GOOD_FILES }))).toHaveLength(1);
      const badJson = await importFiles(a, 'JSON', [
        { name: 'n.json', content: '{"actors": [{"id": "x", "name": "X", "kind": "NOPE"}, 3]' },
      ]);
      expect(badJson.rejected).toEqual([
        { file: 'n.json', table: null, row: 0, field: null, reason: expect.stringContaining('not readable as JSON') },
      ]);
      const badRows = await importFiles(a, 'JSON', [
        { name: 'n.json', content: '{"actors": [{"id": "x", "name": "X", "kind": "NOPE"}, 3]}' },
      ]);
      expect(badRows.rejected.map((r: { row: number; field: string | null }) => [r.row, r.field])).toEqual([
        [1, 'kind'],
        [2, null],
      ]);
      expect(await a.store.readGraph()).toEqual(before);
    });

    test('JSON round trip: export, import into an empty store, export again gives the same document', async () => {
      const seeded = await start(batenbrock);
      const [first] = await exportFiles(seeded, 'JSON');
      expect(first).toMatchObject({ name: 'network.json', mediaType: 'application/json; charset=utf-8' });
      const parsed = JSON.parse(first.content);
      expect(parsed).toMatchObject({ format: 'quartiernetz-network', version: 1 });
      expect(parsed.actors).toHaveLength(batenbrock.actors.length);

      const empty = await start();
      const report = await importFiles(empty, 'JSON', [{ name: 'network.json', content: first.content }]);
      expect(report.rejected).toEqual([]);
      expect(countsOf(report.counts).actors).toEqual({ created: batenbrock.actors.length, updated: 0, unchanged: 0 });
      const [second] = await exportFiles(empty, 'JSON');
      expect(second.content).toBe(first.content);

      const again = await importFiles(empty, 'JSON', [{ name: 'network.json', content: second.content }]);
      for (const c of again.counts) expect(c).toMatchObject({ created: 0, updated: 0 });
    });

    test('CSV round trip: one file per table, imported into an empty store, exports the same files', async () => {
      const seeded = await start(batenbrock);
      const first = await exportFiles(seeded, 'CSV');
      expect(first.map((f) => f.name)).toEqual([
        'topics.csv',
        'actors.csv',
        'collaborations.csv',
        'participations.csv',
      ]);
      expect(first[1].content.split('\n')[0]).toBe('id,name,kind,description,district,website,contact,topics');

      const empty = await start();
      const report = await importFiles(
        empty,
        'CSV',
        first.map(({ name, content }) => ({ name, content })),
      );
      expect(report.rejected).toEqual([]);
      expect(report.files.map((f: { tables: string[] }) => f.tables[0])).toEqual([
        'topics',
        'actors',
        'collaborations',
        'participations',
      ]);
      const second = await exportFiles(empty, 'CSV');
      expect(second.map((f) => f.content)).toEqual(first.map((f) => f.content));
    });

    test('a filtered export holds the view the network query shows, contact data only on request', async () => {
      const a = await start(batenbrock);
      const filter = { topicIds: ['gemeinschaftsgarten'], from: '2021-01-01', to: '2022-12-31' };
      const view = await a.data(
        `query($filter: NetworkFilterInput) { network(filter: $filter) { nodes { entityId } } }`,
        { filter },
      );
      const [file] = await exportFiles(a, 'JSON', filter, false);
      const doc = JSON.parse(file.content);
      expect(doc.actors.map((x: { id: string }) => x.id).sort()).toEqual(
        view.network.nodes.map((n: { entityId: string }) => n.entityId).sort(),
      );
      expect(doc.actors.length).toBeGreaterThan(0);
      expect(doc.actors.length).toBeLessThan(batenbrock.actors.length);
      for (const c of doc.collaborations)
        expect(c.startDate <= '2022-12-31' && (c.endDate ?? c.startDate) >= '2021-01-01').toBe(true);
      const actorIds = new Set(doc.actors.map((x: { id: string }) => x.id));
      for (const c of doc.collaborations) for (const p of c.participants) expect(actorIds.has(p.actorId)).toBe(true);
      const topicIds = new Set(doc.topics.map((t: { id: string }) => t.id));
      for (const x of doc.actors) for (const i of x.interests) expect(topicIds.has(i.topicId)).toBe(true);
      for (const x of doc.actors) expect(x).not.toHaveProperty('contact');

      const csv = await exportFiles(a, 'CSV', { actorKinds: ['ASSOCIATION'] }, false);
      expect(csv[1].content.split('\n')[0]).toBe('id,name,kind,description,district,website,topics');
      const kinds = csv[1].content
        .trim()
        .split('\n')
        .slice(1)
        .map((line) => line.split(',')[2]);
      expect(new Set(kinds)).toEqual(new Set(['ASSOCIATION']));

      // The filtered export imports on its own into an empty store.
      const empty = await start();
      const report = await importFiles(empty, 'JSON', [{ name: 'view.json', content: file.content }]);
      expect(report.rejected).toEqual([]);
      expect(countsOf(report.counts).actors.created).toBe(doc.actors.length);
      expect(
        errorCodes(await empty.run(EXPORT, { format: 'JSON', filter: { from: '2022-01-01', to: '2021-01-01' } })),
      ).toEqual(['BAD_USER_INPUT']);
    });
  });
}
