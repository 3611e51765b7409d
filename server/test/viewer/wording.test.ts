/**
 * The page says what is true, in whole German (and English) sentences that work for 0, 1 and many:
 * the hand-over view's summary counts only the actors that were connected before and says how many
 * stood apart already (compared with the API's numbers), its brokers and dependents are explained
 * in words, and counts are written with the singular for one ("1 Akteur, 0 Verbindungen") and a
 * thousands separator ("1.013"). Headless Chromium against the real server.
 */
import type { Page } from 'playwright-core';
import { batenbrock } from '../../../seed/batenbrock';
import { generateNetwork } from '../../../seed/generate';
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

const AGENCY = 'stadtteilagentur-batenbrock';

async function ask(server: ViewerServer, query: string, variables: Record<string, unknown> = {}) {
  const response = await fetch(`${server.base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...server.headers },
    body: JSON.stringify({ query, variables }),
  });
  const body = await response.json();
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data;
}

const de = (n: number) => n.toLocaleString('de-DE');

browserSuite('viewer wording: true sentences, plurals, numbers (seed)', () => {
  jest.setTimeout(90_000);
  let server: ViewerServer;
  let browser: ViewerBrowser;
  let page: Page;

  beforeAll(async () => {
    server = await startViewerServer(batenbrock);
    browser = await openBrowser(suggestionsMissing);
    page = browser.page;
    await page.goto(server.url('/'));
    await waitReady(page);
  });

  afterAll(async () => {
    await browser?.browser.close();
    await server?.close();
  });

  const openHandover = async (ids: string[], names: string[]) => {
    await page.click('#handover-open');
    for (const name of names) {
      await page.fill('#handover-input', name);
      await page.waitForSelector('#handover .picker [role="option"]');
      await page.keyboard.press('Enter');
    }
    await page.waitForFunction(
      (n) =>
        document.querySelectorAll('#handover-removed li').length === n &&
        !!document.querySelector('#handover-brokers li'),
      ids.length,
    );
  };

  test('without the agency: nobody drops, the connected actors are counted, the one that stood apart is named as such', async () => {
    const api = (
      await ask(
        server,
        `{ resilience(removeActorIds: ["${AGENCY}"], first: 8) {
      actorCount largestComponentAfter componentsBefore disconnectedCount isolatedCount
      brokers { rank rankBefore betweenness betweennessBefore }
      dependents { dependence partnersLost partnersBefore actor { id } } } }`,
      )
    ).resilience;
    expect(api.componentsBefore).toBe(2); // the Repair-Café has no partner
    expect(api.disconnectedCount + api.isolatedCount).toBe(0);
    const apart = api.actorCount - api.largestComponentAfter;
    expect(apart).toBe(1);
    await openHandover([AGENCY], ['Stadtteilagentur']);
    const summary = await page.textContent('#handover-summary');
    expect(summary).toBe(
      `Niemand verliert den Anschluss: Die übrigen ${api.largestComponentAfter} Akteure des zusammenhängenden Netzwerks bleiben miteinander verbunden. ` +
        '1 Akteur hatte schon vorher keine Verbindung zum übrigen Netzwerk und ist nicht mitgezählt.',
    );
    expect(summary).not.toContain(`${api.actorCount} Akteure`);

    // Brokers: place and the share of shortest paths, in words; no bare "Vermittlung 0,089".
    const first = await page.textContent('#handover-brokers li >> nth=0 >> .meta');
    const pct = (x: number) => Math.round(100 * x);
    expect(first).toBe(
      `Platz 1 (vorher ${api.brokers[0].rankBefore}): liegt auf ${pct(api.brokers[0].betweenness)} % der kürzesten Wege zwischen zwei anderen Akteuren (vorher ${pct(api.brokers[0].betweennessBefore)} %)`,
    );

    // Dependents: partners lost of partners before, and what the percentage is a share of.
    const dependents = await page.$$eval('#handover-dependents li', (els) =>
      els.map((el) => ({ id: el.getAttribute('data-actor'), text: el.querySelector('.meta')?.textContent })),
    );
    expect(dependents.length).toBe(api.dependents.length);
    api.dependents.forEach((d: any, i: number) => {
      expect(dependents[i].id).toBe(d.actor.id);
      if (d.partnersLost >= d.partnersBefore)
        expect(dependents[i].text).toBe(
          d.partnersBefore === 1 ? 'Verliert seinen einzigen Partner.' : `Verliert alle ${d.partnersBefore} Partner.`,
        );
      else
        expect(dependents[i].text).toBe(
          `Verliert ${d.partnersLost} von ${d.partnersBefore} Partnern; ${pct(d.dependence)} % seiner Zusammenarbeiten liefen mit den Herausgenommenen.`,
        );
      expect(dependents[i].text).not.toMatch(/\(.*\(/);
    });
    await shot(page, 'wording-handover-agency');
  });

  test('without agency and city: those who drop out are counted in a sentence that agrees in number', async () => {
    await openHandover([AGENCY, 'stadt-bottrop'], ['Stadt Bottrop']);
    const api = (
      await ask(
        server,
        `{ resilience(removeActorIds: ["${AGENCY}", "stadt-bottrop"], first: 8) {
      actorCount largestComponentAfter disconnectedActors { id } isolatedActors { id } newComponents { size } } }`,
      )
    ).resilience;
    const dropped = new Set([...api.disconnectedActors, ...api.isolatedActors].map((a: any) => a.id));
    const alone = new Set(api.isolatedActors.map((a: any) => a.id));
    const summary = (await page.textContent('#handover-summary'))!;
    const n = dropped.size;
    if (n > 0 && alone.size === n)
      expect(summary).toContain(n === 1 ? '1 Akteur verliert jeden Partner' : `${n} Akteure verlieren jeden Partner`);
    else if (n > 0)
      expect(summary).toContain(n === 1 ? '1 Akteur verliert den Anschluss' : `${n} Akteure verlieren den Anschluss`);
    if (alone.size > 0 && alone.size < n)
      expect(summary).toContain(
        alone.size === 1 ? 'Davon hat 1 danach gar keinen Partner mehr.' : `Davon haben ${alone.size} danach`,
      );
    const groups = api.newComponents.filter((c: any) => c.size >= 2);
    if (groups.length === 1)
      expect(summary).toContain(`1 Gruppe mit ${groups[0].size} Akteuren hängt nur noch untereinander zusammen.`);
    expect(summary).not.toMatch(/Abgebrochene Teile|\b1 Akteure\b|\b1 stehen\b/);
    const apart = api.actorCount - api.largestComponentAfter - n;
    if (apart === 1) expect(summary).toContain('1 Akteur hatte schon vorher');
    await shot(page, 'wording-handover-agency-city');
    await page.click('#handover-close');
  });

  test('an actor without partners: "1 Akteur, 0 Verbindungen" in German, "1 actor, 0 links" in English', async () => {
    await page.fill('#search', 'Repair');
    await page.waitForSelector('#search-box [role="option"]');
    await page.keyboard.press('Enter');
    await page.waitForSelector('#panel-ego-only');
    await page.click('#panel-ego-only');
    await page.waitForFunction(
      () => document.body.dataset.state === 'ready' && window.cy.nodes('[type="ACTOR"]').length === 1,
    );
    expect(await page.textContent('#summary')).toBe('1 Akteur, 0 Verbindungen');
    await page.click('#lang');
    await page.waitForFunction(() => document.querySelector('#summary')?.textContent === '1 actor, 0 links');
    await page.click('#lang');
    await page.click('#view-whole');
    await waitReady(page);
    expect(await page.textContent('#summary')).toMatch(
      new RegExp(`^${batenbrock.actors.length} Akteure, \\d+ Verbindungen$`),
    );
  });
});

browserSuite('viewer wording: 2,000 actors', () => {
  jest.setTimeout(120_000);
  let server: ViewerServer;
  let browser: ViewerBrowser;
  let page: Page;

  beforeAll(async () => {
    server = await startViewerServer(generateNetwork({ actors: 2000 }));
    browser = await openBrowser(suggestionsMissing);
    page = browser.page;
    await page.goto(server.url('/'));
    await waitReady(page);
  });

  afterAll(async () => {
    await browser?.browser.close();
    await server?.close();
  });

  test('the numbers have a thousands separator and the unconnected are counted in a sentence', async () => {
    const status = (await page.textContent('#summary'))!;
    expect(status).toMatch(/^2\.000 Akteure in \d+ Gruppen · /);
    const unclustered = Number(/(\d[\d.]*) Akteure? ohne Verbindung/.exec(status)?.[1].replace(/\./g, ''));
    expect(unclustered).toBeGreaterThan(0);
    expect(status).toContain(
      `${de(unclustered)} ${unclustered === 1 ? 'Akteur ohne Verbindung ist' : 'Akteure ohne Verbindung sind'} nicht gezeigt`,
    );
    await shot(page, 'wording-2000');
  });

  test('hand-over on 2,000 actors: only the connected ones are said to stay connected', async () => {
    const top = (await ask(server, '{ brokers(first: 1) { nodes { actor { id name } } } }')).brokers.nodes[0].actor;
    const api = (
      await ask(
        server,
        `{ resilience(removeActorIds: ["${top.id}"], first: 8) { actorCount largestComponentAfter disconnectedActors { id } isolatedActors { id } } }`,
      )
    ).resilience;
    await page.click('#handover-open');
    await page.fill('#handover-input', top.name);
    await page.waitForSelector('#handover .picker [role="option"]');
    await page.keyboard.press('Enter');
    await page.waitForSelector('#handover-brokers li', { timeout: 60_000 });
    const summary = (await page.textContent('#handover-summary'))!;
    const dropped = new Set([...api.disconnectedActors, ...api.isolatedActors].map((a: any) => a.id)).size;
    const apart = api.actorCount - api.largestComponentAfter - dropped;
    expect(apart).toBeGreaterThan(100);
    expect(summary).toContain(`${de(apart)} Akteure hatten schon vorher keine Verbindung zum übrigen Netzwerk`);
    expect(summary).not.toContain(`${api.actorCount}`);
    expect(summary).not.toContain(de(api.actorCount));
    await shot(page, 'wording-2000-handover');
  });
});
