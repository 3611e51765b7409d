/**
 * Writes that bypass the service (another program writing to the store) reach the projection only
 * when it is rebuilt — by the rebuildProjection mutation or the refresh timer.
 */
import { batenbrock } from '../../../seed/batenbrock';
import { runImport } from '../../src/features/transfer/import-job';
import { errorCodes, startTestApi, type TestApi } from '../support/api';
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

    const { rebuildProjection } = await api.data(
      `mutation { rebuildProjection { version builtAt collaborationCount } }`,
    );
    expect(rebuildProjection.collaborationCount).toBe(before.projectionStatus.collaborationCount + 1);
    expect(rebuildProjection.version).toBeGreaterThan(before.projectionStatus.version);
    expect((await api.data(path)).shortestPath).toEqual({ length: 1 });

    // The suggestions follow the rebuilt projection too: Bobbie is now a collaborator, never a suggestion.
    const { suggestContacts } = await api.data(
      `{ suggestContacts(actorId: "repair-cafe-batenbrock", first: 30) { actor { id } } }`,
    );
    expect(suggestContacts.map((s: { actor: { id: string } }) => s.actor.id)).not.toContain('bobbie-ev');
  });

  test('an actor imported behind the service (npm run import) is never answered NOT_FOUND: the projection is refreshed', async () => {
    // What `npm run import` does: the import job straight into the store, while the service runs.
    const csv = 'name;kind\nLesepaten Neu;INITIATIVE\n';
    const report = await runImport(
      [{ name: 'actors.csv', content: csv }],
      { store: api.store, apply: (graph, options) => api.store.importGraph(graph, options) },
      { format: 'CSV' },
    );
    expect(report.rejected).toEqual([]);
    const id = 'lesepaten-neu';
    expect((await api.store.getActors([id]))[0]).not.toBeNull();
    const before = await api.data('{ projectionStatus { actorCount } }');

    const suggestions = await api.run(`{ suggestContacts(actorId: "${id}", first: 5) { actor { id } } }`);
    expect(suggestions.errors).toBeUndefined();
    expect(Array.isArray(suggestions.data.suggestContacts)).toBe(true);
    const after = await api.data('{ projectionStatus { actorCount } }');
    expect(after.projectionStatus.actorCount).toBe(before.projectionStatus.actorCount + 1);
    expect((await api.run(`{ similarActors(actorId: "${id}", first: 5) { actor { id } } }`)).errors).toBeUndefined();

    // An actor the store does not have is still NOT_FOUND.
    expect(errorCodes(await api.run('{ suggestContacts(actorId: "nobody-here", first: 5) { actor { id } } }'))).toEqual(
      ['NOT_FOUND'],
    );
  });
});
