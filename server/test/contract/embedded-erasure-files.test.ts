/**
 * GDPR erasure on a real embedded database file leaves no copy of the erased values in the bytes
 * of the database, its write-ahead log or its shared-memory index: the connection zeroes deleted
 * content (`secure_delete`), the erasure rebuilds the name search index and truncates the WAL
 * after a checkpoint. The same files hold the values before the erasure (so the search does find them).
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { createEmbeddedStore, type EmbeddedStore } from '../../src/store/embedded';

const ADMIN = { author: 'admin@quartier' };
const NAME = 'Jördis Quellmann';
const EMAIL = 'joerdis.quellmann@example.org';
const PHONE = '0171 5550123';
const NOTE = 'Jördis kennt die Kita-Leitung persönlich';
/**
 * Every form in which the values could sit in the files: as written, and the name's own trigrams
 * in the name search index (no other name here has them; a segment stores a term in full after a
 * prefix shared with the term before it, which for these is at most one character).
 */
const TRIGRAMS = ['jör', 'örd', 'llm', 'lma'];
const ERASED = [NAME, NAME.toLowerCase(), EMAIL, PHONE, NOTE, ...TRIGRAMS];

let dir: string;
let file: string;
let store: EmbeddedStore;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'quartiernetz-erasure-'));
  file = join(dir, 'network.sqlite');
  store = createEmbeddedStore({ filename: file });
  await store.init();
});
afterEach(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Which of the values occur in the .sqlite, -wal and -shm files (UTF-8 and UTF-16 bytes). */
function occurrences(): string[] {
  const found: string[] = [];
  for (const suffix of ['', '-wal', '-shm']) {
    const path = `${file}${suffix}`;
    if (!existsSync(path)) continue;
    const bytes = readFileSync(path);
    for (const value of ERASED) {
      for (const encoding of ['utf8', 'utf16le'] as const) {
        if (bytes.includes(Buffer.from(value, encoding)))
          found.push(`${value} (${encoding}) in ${suffix || '.sqlite'}`);
      }
    }
  }
  return found;
}

test('after eraseActor no erased name, e-mail, phone or feedback note remains in the .sqlite, -wal and -shm files', async () => {
  await store.createActor({ id: 'kita', name: 'Kita Sonnenblume', kind: 'INSTITUTION' }, ADMIN);
  await store.createActor({ id: 'bobbie', name: 'Bobbie e.V.', kind: 'ASSOCIATION' }, ADMIN);
  await store.createCollaboration(
    { id: 'fest', title: 'Pflanzfest', kind: 'EVENT', participants: [{ actorId: 'bobbie', role: 'ORGANISER' }] },
    ADMIN,
  );
  await store.createActor(
    { id: 'joerdis', name: NAME, kind: 'PERSON', contact: EMAIL, description: `Tel. ${PHONE}` },
    ADMIN,
  );
  // Many versions of the record (each leaves old row images in pages and WAL frames).
  for (let i = 0; i < 30; i++)
    await store.updateActor('joerdis', { description: `Tel. ${PHONE}, Stand ${i}` }, null, ADMIN);
  await store.addParticipant('fest', 'joerdis', 'MEMBER', ADMIN);
  await store.recordSuggestionFeedback({ actorId: 'joerdis', suggestedId: 'kita', verdict: 'INTRODUCED', note: NOTE });
  await store.recordSuggestionFeedback({
    actorId: 'bobbie',
    suggestedId: 'kita',
    verdict: 'INTRODUCED',
    note: `über ${NAME}`,
  });
  // A duplicate with the same name and e-mail, merged into her.
  await store.createActor({ id: 'joerdis-2', name: NAME, kind: 'PERSON', contact: EMAIL }, ADMIN);
  await store.addParticipant('fest', 'joerdis-2', 'PARTICIPANT', ADMIN);
  await store.mergeActors('joerdis', ['joerdis-2'], ADMIN);
  // A feedback row that is deleted before the erasure (the actor it named goes away).
  await store.createActor({ id: 'temp', name: 'Tempor', kind: 'GROUP' }, ADMIN);
  await store.recordSuggestionFeedback({ actorId: 'temp', suggestedId: 'joerdis', verdict: 'NOT_USEFUL', note: NOTE });
  await store.deleteActor('temp', ADMIN);

  expect(occurrences().length).toBeGreaterThan(0);

  const report = await store.eraseActor('joerdis', ADMIN);
  expect(report).toMatchObject({ mergedActorsErased: 1, feedbackNotesCleared: 1 });
  expect(occurrences()).toEqual([]);
  expect(await store.history(report.pseudonym, { first: 1 })).toMatchObject({ totalCount: expect.any(Number) });
  // Still a working database, name search included.
  expect((await store.listActors({ nameContains: 'Sonnenblume' }, { first: 5 })).items.map((a) => a.id)).toEqual([
    'kita',
  ]);
  expect((await store.listActors({ nameContains: 'Quellmann' }, { first: 5 })).totalCount).toBe(0);

  await store.close();
  expect(occurrences()).toEqual([]);
});
