/**
 * Writes that bypass the service (another program writing to the store) reach the projection only
 * when it is rebuilt — by the rebuildProjection mutation or the refresh timer.
 */
import { batenbrock } from '../../../seed/batenbrock';
import { startTestApi, type TestApi } from '../support/api';
import { embeddedHarness } from '../support/stores';

describe('projection freshness', () => {
  const harness = embeddedHarness();
  let api: TestApi;

  beforeAll(async () => {
    api = await startTestApi(await harness.fresh(), batenbrock);
  });
  afterAll(async () => {
    await api.stop();
    await harness.teardown();
  });

  test('a write made behind the service is seen after rebuildProjection', async () => {
    const path = `{ shortestPath(fromActorId: "repair-cafe-batenbrock", toActorId: "bobbie-ev") { length } }`;
    const before = await api.data(`{ projectionStatus { version builtAt actorCount collaborationCount } }`);
    expect(before.projectionStatus.actorCount).toBe(batenbrock.actors.length);

    // Straight to the store, as another program would: the projection does not know yet.
    await api.store.createCollaboration({
      id: 'reparatur-treff',
      title: 'Reparatur-Treff',
      kind: 'MEETING',
      startDate: '2024-05-04',
      participants: [
        { actorId: 'repair-cafe-batenbrock', role: 'ORGANISER' },
        { actorId: 'bobbie-ev', role: 'PARTICIPANT' },
      ],
    });
    expect((await api.data(path)).shortestPath).toBeNull();

    const { rebuildProjection } = await api.data(`mutation { rebuildProjection { version builtAt collaborationCount } }`);
    expect(rebuildProjection.collaborationCount).toBe(before.projectionStatus.collaborationCount + 1);
    expect(rebuildProjection.version).toBeGreaterThan(before.projectionStatus.version);
    expect((await api.data(path)).shortestPath).toEqual({ length: 1 });

    // The suggestions follow the rebuilt projection too: Bobbie is now a collaborator, never a suggestion.
    const { suggestContacts } = await api.data(`{ suggestContacts(actorId: "repair-cafe-batenbrock", first: 30) { actor { id } } }`);
    expect(suggestContacts.map((s: { actor: { id: string } }) => s.actor.id)).not.toContain('bobbie-ev');
  });
});
