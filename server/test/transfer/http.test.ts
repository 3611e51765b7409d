/**
 * Import and export over real HTTP: the importNetwork mutation and the exportNetwork query as a
 * client sends them, the download routes (headers, filters, refusals), and the GraphML file parsed
 * by a real XML parser (Chromium's DOMParser) with the nodes, edges and keys Gephi and Cytoscape read.
 */
import type { Browser } from 'playwright-core';
import { batenbrock } from '../../../seed/batenbrock';
import { createEmbeddedStore } from '../../src/store/embedded';
import type { NetworkStore } from '../../src/store/network-store';
import { bearer, startHttpApi, type HttpApi } from '../support/http-api';

/** GETs a download route with the test's admin key, or with `credential` (null: none). */
const download = (api: HttpApi, path: string, credential: string | null = api.adminKey) =>
  fetch(`${api.base}${path}`, { headers: credential ? bearer(credential) : {} });
import { browserSuite, CHROMIUM } from '../viewer/harness';

const CSV =
  'Name;Art;Kontakt\nNähcafé Batenbrock;Initiative;naehen@example.org\n"Anna <Beispiel> & ""Co""";Person;anna@example.org\n';
const TEILNAHMEN =
  'Kooperation;Akteur;Rolle\nStadtteilkonferenz 2022;Nähcafé Batenbrock;Gastgeber\nStadtteilkonferenz 2022;"Anna <Beispiel> & ""Co""";\n';

async function graphql(api: HttpApi, query: string, variables: object) {
  const response = await api.post({ query, variables });
  expect(response.status).toBe(200);
  const body = await response.json();
  expect(body.errors).toBeUndefined();
  return body.data;
}

describe('import and export over HTTP', () => {
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

  test('importNetwork and exportNetwork as a client sends them', async () => {
    const imported = await graphql(
      api,
      `
        mutation ($files: [ImportFileInput!]!) {
          importNetwork(format: CSV, files: $files) {
            applied
            counts {
              table
              created
            }
            rejected {
              row
              reason
            }
          }
        }
      `,
      {
        files: [
          { name: 'akteure.csv', content: CSV },
          { name: 'teilnahmen.csv', content: TEILNAHMEN },
        ],
      },
    );
    expect(imported.importNetwork.applied).toBe(true);
    expect(imported.importNetwork.counts).toContainEqual({ table: 'actors', created: 2 });
    expect(imported.importNetwork.counts).toContainEqual({ table: 'participations', created: 2 });
    const history = await graphql(
      api,
      `
        {
          history(entityId: "nahcafe-batenbrock", first: 5) {
            nodes {
              author
              operation
            }
          }
        }
      `,
      {},
    );
    expect(history.history.nodes).toEqual([{ author: 'key:test-admin', operation: 'IMPORT' }]);

    const exported = await graphql(
      api,
      `
        query ($f: ScopeFilterInput) {
          exportNetwork(format: CSV, filter: $f) {
            includesContact
            files {
              name
              content
            }
          }
        }
      `,
      {
        f: { actorKinds: ['PERSON', 'INITIATIVE'] },
      },
    );
    const actors = exported.exportNetwork.files.find((f: { name: string }) => f.name === 'actors.csv')
      .content as string;
    expect(exported.exportNetwork.includesContact).toBe(false);
    // Contact data in an export: editors and admins only.
    const viewer = await api.issueKey('export-viewer', 'VIEWER');
    const refused = await (
      await api.postAs(viewer.key, {
        query: '{ exportNetwork(format: JSON, includeContact: true) { includesContact } }',
      })
    ).json();
    expect(refused.errors.map((e: { extensions: { code: string } }) => e.extensions.code)).toEqual(['FORBIDDEN']);
    expect(actors).toContain('Nähcafé Batenbrock');
    expect(actors).not.toContain('@example.org');
    expect(actors).not.toContain('Bobbie');
  });

  test('download routes answer files as attachments, filtered; bad parameters 400; no credential 401; contact data only for editors (403)', async () => {
    const json = await download(api, `/export/network.json?actorKinds=PERSON`);
    expect(json.status).toBe(200);
    expect(json.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(json.headers.get('content-disposition')).toBe('attachment; filename="quartiernetz-network.json"');
    const doc = await json.json();
    expect(doc.actors.map((a: { name: string }) => a.name)).toEqual(['Anna <Beispiel> & "Co"']);
    expect(doc.actors[0]).not.toHaveProperty('contact');

    const csv = await download(
      api,
      `/export/participations.csv?collaborationKinds=CONFERENCE&from=2022-01-01&to=2022-12-31`,
    );
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-disposition')).toBe('attachment; filename="quartiernetz-participations.csv"');
    const lines = (await csv.text()).trim().split('\n');
    expect(lines[0]).toBe('collaborationId,actorId,role');
    expect(new Set(lines.slice(1).map((l) => l.split(',')[0]))).toEqual(new Set(['stadtteilkonferenz-2022']));

    const bad = await download(api, `/export/network.graphml?actorKinds=VEREIN`);
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ error: { code: 'BAD_USER_INPUT', field: 'actorKinds' } });
    const badDate = await download(api, `/export/network.json?from=2022-02-30`);
    expect(badDate.status).toBe(400);
    expect((await download(api, `/export/network.json?includeContact=true`)).status).toBe(200);
    const viewer = await api.issueKey('download-viewer', 'VIEWER');
    const contact = await download(api, `/export/network.json?includeContact=true`, viewer.key);
    expect(contact.status).toBe(403);
    expect(await contact.json()).toMatchObject({ error: { code: 'FORBIDDEN' } });
    expect((await download(api, `/export/network.json`, viewer.key)).status).toBe(200);
    const anonymous = await download(api, `/export/network.json`, null);
    expect(anonymous.status).toBe(401);
    expect(await anonymous.json()).toMatchObject({ errors: [{ extensions: { code: 'UNAUTHENTICATED' } }] });
    expect((await download(api, `/export/network.json`, 'qn_not-a-key-at-all-xxxxxxxxxxxxxxxxxxxxxxxx')).status).toBe(
      401,
    );
    expect((await download(api, `/export/other.csv`)).status).toBe(404);
  });
});

browserSuite('GraphML export parsed as XML', () => {
  let store: NetworkStore;
  let api: HttpApi;
  let browser: Browser;

  beforeAll(async () => {
    store = createEmbeddedStore({ filename: ':memory:' });
    await store.init();
    api = await startHttpApi(store, { seed: batenbrock });
    await store.createActor({
      id: 'anna',
      name: 'Anna <Beispiel> & "Co" \u0001',
      kind: 'PERSON',
      description: "it's <b>",
      contact: 'anna@example.org',
    });
    await store.addParticipant('stadtteilkonferenz-2022', 'anna', 'PARTICIPANT');
    await api.service.rebuildProjection();
    const { chromium } = await import('playwright-core');
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu'],
      headless: true,
    });
  });

  afterAll(async () => {
    await browser?.close();
    await api.stop();
    await store.close();
  });

  test('valid GraphML with declared keys, actor and topic nodes, weighted collaborates-with edges', async () => {
    const response = await download(api, `/export/network.graphml`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/graphml+xml; charset=utf-8');
    expect(response.headers.get('content-disposition')).toBe('attachment; filename="quartiernetz-network.graphml"');
    const xml = await response.text();

    const page = await browser.newPage();
    const parsed = await page.evaluate((text) => {
      const doc = new DOMParser().parseFromString(text, 'application/xml');
      const error = doc.getElementsByTagName('parsererror')[0];
      if (error) return { error: error.textContent };
      const ns = 'http://graphml.graphdrawing.org/xmlns';
      const dataOf = (el: Element) =>
        Object.fromEntries(
          [...el.getElementsByTagNameNS(ns, 'data')].map((d) => [d.getAttribute('key'), d.textContent]),
        );
      return {
        root: doc.documentElement.localName,
        namespace: doc.documentElement.namespaceURI,
        keys: [...doc.getElementsByTagNameNS(ns, 'key')].map((k) => [
          k.getAttribute('id'),
          k.getAttribute('for'),
          k.getAttribute('attr.name'),
          k.getAttribute('attr.type'),
        ]),
        edgedefault: doc.getElementsByTagNameNS(ns, 'graph')[0].getAttribute('edgedefault'),
        nodes: [...doc.getElementsByTagNameNS(ns, 'node')].map((n) => ({ id: n.getAttribute('id'), data: dataOf(n) })),
        edges: [...doc.getElementsByTagNameNS(ns, 'edge')].map((e) => ({
          source: e.getAttribute('source'),
          target: e.getAttribute('target'),
          data: dataOf(e),
        })),
      };
    }, xml);
    await page.close();

    expect(parsed).not.toHaveProperty('error');
    const graph = parsed as Exclude<typeof parsed, { error: unknown }>;
    expect(graph.root).toBe('graphml');
    expect(graph.namespace).toBe('http://graphml.graphdrawing.org/xmlns');
    expect(graph.edgedefault).toBe('undirected');
    expect(graph.keys).toContainEqual(['label', 'node', 'label', 'string']);
    expect(graph.keys).toContainEqual(['weight', 'edge', 'weight', 'double']);
    expect(graph.keys).toContainEqual(['collaborationCount', 'node', 'collaborationCount', 'int']);
    expect(graph.keys.map((k) => k[0])).not.toContain('contact');

    const actors = graph.nodes.filter((n) => n.data.type === 'actor');
    const topics = graph.nodes.filter((n) => n.data.type === 'topic');
    expect(actors).toHaveLength(batenbrock.actors.length + 1);
    expect(topics).toHaveLength(batenbrock.topics.length);
    const anna = graph.nodes.find((n) => n.id === 'actor:anna')!;
    expect(anna.data).toMatchObject({
      label: 'Anna <Beispiel> & "Co" ',
      kind: 'PERSON',
      description: "it's <b>",
      collaborationCount: '1',
    });
    expect(xml).not.toContain('anna@example.org');

    // Edges: every endpoint is a node; collaborates-with weight = shared collaborations, checked against the API.
    const ids = new Set(graph.nodes.map((n) => n.id));
    for (const e of graph.edges) expect(ids.has(e.source!) && ids.has(e.target!)).toBe(true);
    const collaborates = graph.edges.filter((e) => e.data.edgeType === 'COLLABORATES_WITH');
    const response2 = await api.post({
      query: '{ actor(id: "bobbie-ev") { collaborators(first: 100) { sharedCount actor { id } } } }',
    });
    const collaborators = (await response2.json()).data.actor.collaborators as Array<{
      sharedCount: number;
      actor: { id: string };
    }>;
    const bobbieEdges = collaborates.filter((e) => e.source === 'actor:bobbie-ev' || e.target === 'actor:bobbie-ev');
    expect(bobbieEdges).toHaveLength(collaborators.length);
    for (const c of collaborators) {
      const edge = bobbieEdges.find((e) => e.source === `actor:${c.actor.id}` || e.target === `actor:${c.actor.id}`)!;
      expect(Number(edge.data.weight)).toBe(c.sharedCount);
      expect(edge.data.collaborations!.split(' ')).toHaveLength(c.sharedCount);
    }
    const interested = graph.edges.filter((e) => e.data.edgeType === 'INTERESTED_IN');
    expect(interested).toHaveLength(batenbrock.actors.reduce((n, a) => n + (a.interests?.length ?? 0), 0));
  });
});
