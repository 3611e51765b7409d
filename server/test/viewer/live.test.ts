/**
 * The map follows the network live (viewer/src/live.ts): in headless Chromium against the real
 * server, an actor created through the API by someone else appears on the open page without a
 * reload, highlighted; the page itself never reloads (its window survives).
 */
import { batenbrock } from '../../../seed/batenbrock';
import {
  browserSuite,
  openBrowser,
  shot,
  startViewerServer,
  suggestionsMissing,
  waitReady,
  type ViewerBrowser,
  type ViewerServer,
} from './harness';

browserSuite('viewer: the map follows writes live', () => {
  jest.setTimeout(90_000);
  let server: ViewerServer;
  let browser: ViewerBrowser;

  beforeAll(async () => {
    server = await startViewerServer(batenbrock);
    browser = await openBrowser((text) => suggestionsMissing(text));
  });

  afterAll(async () => {
    await browser?.browser.close();
    await server?.close();
  });

  const api = async (query: string, variables: Record<string, unknown> = {}) => {
    const response = await fetch(`${server.base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...server.headers },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as { data?: unknown; errors?: unknown };
    if (body.errors) throw new Error(JSON.stringify(body.errors));
    return body.data;
  };

  test('a new actor with a collaboration appears highlighted, without a page reload', async () => {
    const { page, errors } = browser;
    const viewerKey = await server.issueKey('live-viewer', 'VIEWER');
    const sockets: string[] = [];
    page.on('websocket', (ws) => sockets.push(new URL(ws.url()).pathname));
    await page.goto(server.url('/', viewerKey));
    await waitReady(page);
    await page.evaluate(() => ((window as unknown as { marker: number }).marker = 42));
    expect(await page.evaluate(() => window.cy.$id('actor:nachbarschaftsverein-live').length)).toBe(0);
    await new Promise((r) => setTimeout(r, 500)); // the subscription is set up after the first view

    await api('mutation ($input: CreateActorInput!) { createActor(input: $input) { id } }', {
      input: { id: 'nachbarschaftsverein-live', name: 'Nachbarschaftsverein Live', kind: 'ASSOCIATION' },
    });
    await api('mutation ($input: CreateCollaborationInput!) { createCollaboration(input: $input) { id } }', {
      input: {
        id: 'live-treffen',
        title: 'Treffen',
        kind: 'MEETING',
        startDate: '2024-03-01',
        participants: [
          { actorId: 'nachbarschaftsverein-live', role: 'HOST' },
          { actorId: 'bobbie-ev', role: 'MEMBER' },
        ],
      },
    });
    await page.waitForFunction(() => window.cy.$id('actor:nachbarschaftsverein-live').hasClass('live-new'), null, {
      timeout: 10_000,
    });
    expect(await page.evaluate(() => window.cy.$id('actor:nachbarschaftsverein-live').style('overlay-opacity'))).toBe(
      '0.35',
    );
    await page.waitForTimeout(300); // a frame drawn
    await shot(page, 'live-new-actor');
    expect(await page.evaluate(() => (window as unknown as { marker?: number }).marker)).toBe(42);
    expect(
      await page.evaluate(
        () => window.cy.$id('actor:nachbarschaftsverein-live').edgesWith(window.cy.$id('actor:bobbie-ev')).length,
      ),
    ).toBeGreaterThan(0);
    expect(sockets).toEqual(['/graphql']); // one connection, no reconnects
    // after the highlight time the mark goes
    await page.waitForFunction(() => !window.cy.$id('actor:nachbarschaftsverein-live').hasClass('live-new'), null, {
      timeout: 15_000,
    });
    expect(errors).toEqual([]);
  });
});
