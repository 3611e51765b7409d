/**
 * A GraphML export holds every collaborates-with pair of the network; past GRAPHML_MAX_TIES of them
 * (at 100,000 actors the export worker ran out of heap after a minute and the download answered
 * 500) it is refused at once with a coded error naming the field and what to do instead — over
 * HTTP and through GraphQL — while JSON still exports and a filtered part still exports as GraphML.
 */
import { GRAPHML_MAX_TIES } from '../../src/features/transfer/graphml-write';
import { createEmbeddedStore } from '../../src/store/embedded';
import type { GraphData } from '../../src/store/network-store';
import { bearer, startHttpApi, type HttpApi } from '../support/http-api';

/** Two consortia of 800 actors each: 2 × 319,600 pairs, more than the bound; either alone less. */
function twoConsortia(): GraphData {
  const members = (from: number) =>
    Array.from({ length: 800 }, (_, i) => ({ actorId: `a${from + i}`, role: 'MEMBER' as const }));
  return {
    topics: [],
    actors: Array.from({ length: 1600 }, (_, i) => ({ id: `a${i}`, name: `Akteur ${i}`, kind: 'GROUP' as const })),
    collaborations: [
      { id: 'alt', title: 'Altes Konsortium', kind: 'PROJECT', startDate: '2019-01-01', participants: members(0) },
      { id: 'neu', title: 'Neues Konsortium', kind: 'PROJECT', startDate: '2024-01-01', participants: members(800) },
    ],
  };
}

describe('GraphML export size bound', () => {
  const store = createEmbeddedStore({ filename: ':memory:' });
  let api: HttpApi;
  const download = (path: string) => fetch(`${api.base}${path}`, { headers: bearer(api.adminKey) });

  beforeAll(async () => {
    await store.init();
    api = await startHttpApi(store, { seed: twoConsortia() });
  }, 120_000);
  afterAll(async () => {
    await api.stop();
    await store.close();
  });

  test('over the bound: 400 BAD_USER_INPUT on format, over HTTP and GraphQL; JSON and a filtered part still export', async () => {
    expect(2 * 319_600).toBeGreaterThan(GRAPHML_MAX_TIES);
    expect(319_600).toBeLessThan(GRAPHML_MAX_TIES);

    const refused = await download('/export/network.graphml');
    expect(refused.status).toBe(400);
    const body = (await refused.json()) as { error: { code: string; field: string; message: string } };
    expect(body.error).toMatchObject({ code: 'BAD_USER_INPUT', field: 'format' });
    expect(body.error.message).toMatch(/639,200 collaborates-with edges.*filter/);

    const answer = await api.post({ query: '{ exportNetwork(format: GRAPHML) { files { name } } }' });
    const graphql = (await answer.json()) as { errors?: Array<{ extensions?: Record<string, unknown> }> };
    expect(graphql.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'format' });

    expect((await download('/export/network.json')).status).toBe(200);
    const part = await download('/export/network.graphml?from=2023-01-01');
    expect(part.status).toBe(200);
    const xml = await part.text();
    expect(xml.match(/<edge /g)?.length).toBe(319_600);
  }, 120_000);
});
