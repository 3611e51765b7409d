/**
 * The projection follows the change feed: writes made by another store instance on the same SQLite
 * file (as `npm run import` or the keys CLI do) reach a running service — in process, and a real
 * server process over GraphQL — incrementally, and leave a projection equal to a fresh rebuild.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NetworkService } from '../../src/service/network-service';
import { projectionSnapshot } from '../../src/features/live/feed-follower';
import { snapshotFingerprint } from '../../src/graph/snapshot-fingerprint';
import { createEmbeddedStore } from '../../src/store/embedded';
import { EMBEDDED_DB_FILE } from '../../src/store/create-store';
import type { NetworkStore } from '../../src/store/network-store';
import { startServerProcess, stopServerProcess, type ServerProcess } from '../support/server-process';

jest.setTimeout(120_000);

async function seed(store: NetworkStore): Promise<void> {
  await store.mergeGraph({
    topics: [
      { id: 'garten', name: 'Garten' },
      { id: 'jugend', name: 'Jugend' },
    ],
    actors: [
      { id: 'kita', name: 'Kita Sonnenblume', kind: 'INSTITUTION', interests: [{ topicId: 'jugend' }] },
      { id: 'bobbie', name: 'Bobbie e.V.', kind: 'ASSOCIATION', interests: [{ topicId: 'garten' }] },
      { id: 'tafel', name: 'Tafel', kind: 'ASSOCIATION', interests: [{ topicId: 'garten' }, { topicId: 'jugend' }] },
    ],
    collaborations: [
      {
        id: 'fest',
        title: 'Fest',
        kind: 'EVENT',
        startDate: '2023-06-01',
        topicIds: ['garten'],
        participants: [
          { actorId: 'kita', role: 'HOST' },
          { actorId: 'bobbie', role: 'MEMBER' },
        ],
      },
    ],
  });
}

describe('the projection follows writes of another store instance on the same file', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'qn-feed-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  test('every kind of write is applied incrementally and the projection equals a fresh rebuild', async () => {
    const file = join(dir, EMBEDDED_DB_FILE);
    const mine = createEmbeddedStore({ filename: file });
    await mine.init();
    await seed(mine);
    const service = await NetworkService.start(mine);
    const other = createEmbeddedStore({ filename: file });
    await other.init();
    try {
      const version = service.projection.version;
      await other.createActor({ id: 'neu', name: 'Neu', kind: 'PERSON' });
      await other.setActorInterests('neu', [{ topicId: 'garten' }]);
      await other.addParticipant('fest', 'neu', 'MEMBER');
      await other.updateActor('tafel', { kind: 'GROUP' });
      await other.createCollaboration({
        id: 'ag',
        title: 'AG',
        kind: 'WORKING_GROUP',
        topicIds: ['jugend'],
        participants: [
          { actorId: 'tafel', role: 'HOST' },
          { actorId: 'kita', role: 'MEMBER' },
        ],
      });
      await other.updateCollaboration('fest', { endDate: '2023-06-02', topicIds: ['garten', 'jugend'] });
      await other.removeParticipant('fest', 'kita');
      await other.createTopic({ id: 'kultur', name: 'Kultur' });
      await other.mergeActors('bobbie', ['neu']);
      await other.deleteTopic('jugend');
      await other.deleteCollaboration('ag');
      await other.createActor({ id: 'weg', name: 'Weg', kind: 'GROUP' });
      await other.deleteActor('weg');

      expect(service.projection.actors.has('neu')).toBe(false);
      expect(await service.followFeed()).toBeGreaterThanOrEqual(13);
      const status = service.feed.snapshot();
      expect(status.feedRebuilds).toBe(0); // no full rebuild for ordinary writes
      expect(status.seq).toBe((await other.feedHead()).head);
      expect(service.projection.version).toBeGreaterThan(version);
      expect(snapshotFingerprint(projectionSnapshot(service.projection))).toBe(
        snapshotFingerprint(await other.loadSnapshot()),
      );
      expect([...service.projection.actors.get('bobbie')!.collaborations].sort()).toEqual(['fest']);
      expect(service.projection.actors.get('tafel')!.kind).toBe('GROUP');
      // the safety net agrees
      await service.rebuildProjection();
      expect(service.feed.snapshot()).toMatchObject({ verifications: 1, differencesFound: 0 });
      // nothing new: nothing applied, version kept
      const v = service.projection.version;
      expect(await service.followFeed()).toBe(0);
      expect(service.projection.version).toBe(v);
    } finally {
      await service.close();
      await other.close();
      await mine.close();
    }
  });

  test('the safety net finds and counts a difference the feed did not carry', async () => {
    const file = join(dir, EMBEDDED_DB_FILE);
    const mine = createEmbeddedStore({ filename: file });
    await mine.init();
    await seed(mine);
    const service = await NetworkService.start(mine);
    try {
      service.projection.removeActor('kita'); // as if an event had been lost
      await service.rebuildProjection();
      expect(service.feed.snapshot()).toMatchObject({ verifications: 1, differencesFound: 1 });
      expect(service.projection.actors.has('kita')).toBe(true);
    } finally {
      await service.close();
      await mine.close();
    }
  });

  test('a service further behind than the oldest retained event rebuilds', async () => {
    const file = join(dir, EMBEDDED_DB_FILE);
    const mine = createEmbeddedStore({ filename: file });
    await mine.init();
    await seed(mine);
    const service = await NetworkService.start(mine);
    const other = createEmbeddedStore({ filename: file });
    await other.init();
    try {
      await other.createActor({ id: 'neu', name: 'Neu', kind: 'PERSON' });
      await other.pruneFeed(new Date(Date.now() + 60_000).toISOString());
      await service.followFeed();
      expect(service.feed.snapshot().feedRebuilds).toBe(1);
      expect(service.projection.actors.has('neu')).toBe(true);
    } finally {
      await service.close();
      await other.close();
      await mine.close();
    }
  });
});

describe('a running server sees an import made by another program within the poll interval', () => {
  let dir: string;
  let server: ServerProcess | null = null;
  afterEach(async () => {
    if (server) await stopServerProcess(server);
    server = null;
    rmSync(dir, { recursive: true, force: true });
  });

  const SUGGEST = 'query ($id: ID!) { suggestContacts(actorId: $id, first: 3) { actor { id } } }';
  const PATH = 'query ($a: ID!, $b: ID!) { shortestPath(fromActorId: $a, toActorId: $b) { actors { id } } }';

  async function until(
    server: ServerProcess,
    query: string,
    variables: Record<string, unknown>,
    ok: (body: { data?: unknown; errors?: Array<{ extensions?: { code?: string } }> }) => boolean,
  ): Promise<number> {
    const start = Date.now();
    for (;;) {
      const body = (await (await server.graphql(query, variables)).json()) as {
        data?: unknown;
        errors?: Array<{ extensions?: { code?: string } }>;
      };
      if (ok(body)) return Date.now() - start;
      if (Date.now() - start > 5000) throw new Error(`not seen within 5 s: ${JSON.stringify(body)}`);
      await new Promise((r) => setTimeout(r, 25));
    }
  }

  test('suggestContacts for an imported actor stops answering NOT_FOUND within ~2 s; ordinary writes too', async () => {
    dir = mkdtempSync(join(tmpdir(), 'qn-feed-'));
    const file = join(dir, EMBEDDED_DB_FILE);
    const setup = createEmbeddedStore({ filename: file });
    await setup.init();
    await seed(setup);
    await setup.close();
    server = await startServerProcess({ DATA_DIR: dir });

    const before = (await (await server.graphql(SUGGEST, { id: 'importiert' })).json()) as {
      errors?: Array<{ extensions?: { code?: string } }>;
    };
    expect(before.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');

    const other = createEmbeddedStore({ filename: file });
    await other.init();
    try {
      await other.importGraph({
        topics: [],
        actors: [{ id: 'importiert', name: 'Importierter Verein', kind: 'ASSOCIATION' }],
        collaborations: [],
        interests: [{ actorId: 'importiert', topicId: 'garten' }],
        collaborationTopics: [],
        participations: [{ actorId: 'importiert', collaborationId: 'fest', role: 'MEMBER' }],
      });
      const importMs = await until(
        server,
        SUGGEST,
        { id: 'importiert' },
        (b) => !b.errors && Array.isArray((b.data as { suggestContacts: unknown[] }).suggestContacts),
      );
      expect(importMs).toBeLessThan(2500);

      // an ordinary write (incremental, no rebuild): a new link between tafel and kita
      await other.createCollaboration({
        id: 'ag',
        title: 'AG',
        kind: 'WORKING_GROUP',
        participants: [
          { actorId: 'tafel', role: 'HOST' },
          { actorId: 'kita', role: 'MEMBER' },
        ],
      });
      const writeMs = await until(
        server,
        PATH,
        { a: 'tafel', b: 'kita' },
        (b) => (b.data as { shortestPath: unknown } | undefined)?.shortestPath != null,
      );
      expect(writeMs).toBeLessThan(2500);
      console.log(`propagation to a running server (FEED_POLL_MS=1000): import ${importMs} ms, write ${writeMs} ms`);

      const status = (await (await server.graphql('{ projectionStatus { feedSeq feedRebuilds } }')).json()) as {
        data: { projectionStatus: { feedSeq: number; feedRebuilds: number } };
      };
      expect(status.data.projectionStatus.feedSeq).toBe((await other.feedHead()).head);
      expect(status.data.projectionStatus.feedRebuilds).toBe(1); // the import's "Network" event; the write was incremental
    } finally {
      await other.close();
    }
  });
});
