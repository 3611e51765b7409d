/**
 * Neo4j only: readFeedPage's single statement (store/neo4j/feed.ts READ_FEED_PAGE) takes the ids the
 * events touch from the events itself — every one of them, so the adapter needs no second round
 * trip — and an id the field names do not give whole (written past the id rules) is still answered,
 * through the adapter's fallback to readTouched.
 */
import neo4j, { type Driver } from 'neo4j-driver';
import { PARTICIPANT_FIELD, PARTICIPATION_FIELD, touchedIds } from '../../../src/features/live/feed-rules';
import { READ_FEED_PAGE } from '../../../src/store/neo4j/feed';
import type { NetworkStore } from '../../../src/store/network-store';
import { describeNeo4j, neo4jHarness } from '../../support/stores';
import { buildNetwork, useFreshStore } from './fixture';

describeNeo4j('neo4j store: the readFeedPage statement', (config) => {
  let store: NetworkStore;
  let driver: Driver;
  useFreshStore(neo4jHarness(config), (fresh) => {
    store = fresh;
  });
  beforeAll(() => {
    driver = neo4j.driver(config.uri, neo4j.auth.basic(config.user, config.password));
  });
  afterAll(() => driver.close());

  async function run(statement: string, params: Record<string, unknown>) {
    const session = driver.session();
    try {
      return (await session.run(statement, params)).records;
    } finally {
      await session.close();
    }
  }

  test('asks for exactly the ids touchedIds gives, the other ends of participations included', async () => {
    await buildNetwork(store);
    await store.removeParticipant('k1', 'a2');
    await store.addParticipant('k5', 'a6', 'HOST');
    await store.mergeActors('a1', ['a5']);
    const events = await store.readFeed(0, 1000);
    const [row] = await run(READ_FEED_PAGE, {
      after: neo4j.int(0),
      limit: neo4j.int(1000),
      quote: '"',
      participant: PARTICIPANT_FIELD,
      participation: PARTICIPATION_FIELD,
    });
    const asked = (key: string) => [...new Set(row!.get(key) as string[])].sort();
    const ids = touchedIds(events);
    expect(ids.actorIds).toContain('a2');
    expect(asked('actorIds')).toEqual([...ids.actorIds].sort());
    expect(asked('collaborationIds')).toEqual([...ids.collaborationIds].sort());
    expect(asked('topicIds')).toEqual([...ids.topicIds].sort());
  });

  test('an id the field names do not give whole is read all the same', async () => {
    await buildNetwork(store);
    const { head } = await store.feedHead();
    const odd = 'odd"id';
    await run(
      `MATCH (s:ChangeSequence {id: 'changes'}) SET s.value = s.value + 1
       CREATE (:Actor {id: $odd, kind: 'GROUP', name: 'Odd'})
       CREATE (:FeedEvent {seq: s.value, at: $at, author: 'system', entityType: 'Collaboration', entityId: 'k1',
                           operation: 'ADD_PARTICIPANT', fields: $fields})`,
      { odd, at: new Date().toISOString(), fields: JSON.stringify([`${PARTICIPANT_FIELD}${odd}`]) },
    );
    const page = await store.readFeedPage(head, 10);
    expect(page.ids).toEqual({ actorIds: [odd], collaborationIds: ['k1'], topicIds: [] });
    expect(page.touched).toEqual(await store.readTouched(page.ids));
    expect(page.touched.actors).toEqual([{ id: odd, kind: 'GROUP', topicIds: [], collaborationIds: [] }]);
  });
});
