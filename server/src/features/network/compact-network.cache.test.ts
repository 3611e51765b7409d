import { NetworkProjection } from '../../graph/projection';
import { KEPT_VIEWS, keptPerRevision } from './compact-network.cache';

describe('keptPerRevision (the compact network kept per projection revision)', () => {
  test('the same view is computed once per revision, again after a write', async () => {
    const projection = new NetworkProjection();
    let computed = 0;
    const compute = async () => ++computed;
    expect(await keptPerRevision(projection, 'a', compute)).toBe(1);
    expect(await keptPerRevision(projection, 'a', compute)).toBe(1);
    expect(await keptPerRevision(projection, 'b', compute)).toBe(2);
    projection.addTopic('t1'); // a write: the revision moves
    expect(await keptPerRevision(projection, 'a', compute)).toBe(3);
  });

  test('a failure is not kept; a request that waited for it computes the view itself', async () => {
    const projection = new NetworkProjection();
    const failing = keptPerRevision(projection, 'a', async () => {
      throw new Error('the first request was ended');
    });
    const waiting = keptPerRevision(projection, 'a', async () => 'own');
    await expect(failing).rejects.toThrow('the first request was ended');
    expect(await waiting).toBe('own');
    expect(await keptPerRevision(projection, 'a', async () => 'again')).toBe('again');
  });

  test(`at most ${KEPT_VIEWS} views: the least recently asked goes first`, async () => {
    const projection = new NetworkProjection();
    let computed = 0;
    const compute = async () => ++computed;
    for (let i = 0; i < KEPT_VIEWS; i++) await keptPerRevision(projection, `v${i}`, compute);
    await keptPerRevision(projection, 'v0', compute); // asked again: now the most recent
    await keptPerRevision(projection, 'new', compute); // pushes out v1
    expect(computed).toBe(KEPT_VIEWS + 1);
    await keptPerRevision(projection, 'v0', compute);
    expect(computed).toBe(KEPT_VIEWS + 1);
    await keptPerRevision(projection, 'v1', compute);
    expect(computed).toBe(KEPT_VIEWS + 2);
  });
});
