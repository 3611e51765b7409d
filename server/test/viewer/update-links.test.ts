/**
 * Personal update links end to end in Chromium (docs/update-links.md): an editor creates links for
 * the 15 participants of the seed's Stadtteilkonferenz 2022; three associations answer on the
 * update page — one corrects its description, one gives contact data with consent and then
 * withdraws it, one names two partners (one picked from the list, one only named); the editor
 * accepts two proposals and rejects the rest through GraphQL; the new partnership is in the
 * network and personalData shows the consent history. Screenshots: test-artifacts/viewer/update-*.png.
 */
import type { Page } from 'playwright-core';
import { batenbrock } from '../../../seed/batenbrock';
import {
  browserSuite,
  openBrowser,
  shot,
  startViewerServer,
  waitReady,
  type ViewerBrowser,
  type ViewerServer,
} from './harness';

const gql = async (server: ViewerServer, key: string, query: string, variables: Record<string, unknown> = {}) => {
  const response = await fetch(`${server.base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data: any; errors?: unknown[] };
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data;
};

browserSuite('update links in Chromium', () => {
  let server: ViewerServer;
  let browser: ViewerBrowser;
  let editorKey: string;
  const links = new Map<string, string>();

  beforeAll(async () => {
    server = await startViewerServer(batenbrock);
    editorKey = await server.issueKey('redaktion', 'EDITOR');
    browser = await openBrowser();
  }, 120_000);

  afterAll(async () => {
    await browser?.browser.close();
    await server?.close();
  });

  const open = async (page: Page, actorId: string) => {
    await page.goto(`${server.base}/update/#token=${links.get(actorId)}`);
    await page.waitForFunction(() => ['form', 'refused', 'error'].includes(document.body.dataset.state ?? ''));
  };

  const submitAndThank = async (page: Page) => {
    await page.getByRole('button', { name: 'Absenden' }).click();
    await page.waitForFunction(() => document.body.dataset.state === 'thanks');
    await page.getByRole('heading', { name: 'Vielen Dank!' }).waitFor();
  };

  test('an editor creates links for the 15 participants, as a list and as CSV', async () => {
    const data = await gql(
      server,
      editorKey,
      `mutation { createUpdateLinks(input: { collaborationId: "stadtteilkonferenz-2022", roles: [PARTICIPANT] }) { csv links { url actorName link { actorId expiresAt } } } }`,
    );
    const issued = data.createUpdateLinks.links as Array<{
      url: string;
      actorName: string;
      link: { actorId: string; expiresAt: string };
    }>;
    expect(issued).toHaveLength(15);
    const days = (Date.parse(issued[0]!.link.expiresAt) - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(29.9);
    expect(days).toBeLessThanOrEqual(30);
    const csv = (data.createUpdateLinks.csv as string).trim().split('\n');
    expect(csv[0]).toBe('Name,E-Mail,Link,Gültig bis');
    expect(csv).toHaveLength(16);
    for (const i of issued) {
      expect(i.url).toMatch(/\/update\/#token=qu_[A-Za-z0-9_-]{43}$/);
      links.set(i.link.actorId, i.url.split('#token=')[1]!);
    }
  });

  test('an association corrects its description (German page, keyboard, phone width)', async () => {
    const { page, errors } = browser;
    await page.setViewportSize({ width: 390, height: 844 });
    await open(page, 'sportfreunde-volkspark');
    expect(await page.evaluate(() => document.body.dataset.state)).toBe('form');
    // The token left the address bar at once.
    expect(page.url()).not.toContain('token');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('de');
    // No map on this page, and nothing of other actors but names.
    expect(await page.locator('canvas, #cy').count()).toBe(0);
    await expect(page.getByLabel('Name', { exact: true }).inputValue()).resolves.toBe(
      'Sportfreunde Volkspark 1927 (Beispiel)',
    );
    await shot(page, 'update-form-phone');
    const description = page.getByLabel('Beschreibung');
    await description.focus();
    await page.keyboard.press('Control+A');
    await page.keyboard.type('Fußball und Breitensport für alle Generationen im Volkspark.');
    await submitAndThank(page);
    await shot(page, 'update-thanks');
    expect(errors).toEqual([]);
    await page.setViewportSize({ width: 1400, height: 860 });
  });

  test('an association gives contact data with consent, then withdraws it from the same link', async () => {
    const { page, errors } = browser;
    await open(page, 'heimatverein-rosenviertel');
    await page.getByLabel('Kontaktdaten (E-Mail oder Telefon)').fill('vorstand@heimatverein.example');
    // Without the tick the page explains and sends nothing.
    await page.getByRole('button', { name: 'Absenden' }).click();
    await page.getByRole('alert').filter({ hasText: 'nur mit Ihrer Einwilligung' }).waitFor();
    expect(await page.evaluate(() => document.body.dataset.state)).toBe('form');
    await page.getByLabel('Ich willige ein, dass diese Kontaktdaten gespeichert werden.').check();
    await shot(page, 'update-consent');
    await submitAndThank(page);

    await open(page, 'heimatverein-rosenviertel');
    const withdraw = page.getByRole('button', { name: 'Einwilligung widerrufen und Kontaktdaten löschen' });
    await withdraw.waitFor();
    await withdraw.click();
    await page.locator('#withdrawn').waitFor();
    expect(await page.getByLabel('Kontaktdaten (E-Mail oder Telefon)').inputValue()).toBe('');
    expect(await withdraw.count()).toBe(0);
    expect(errors).toEqual([]);
  });

  test('an association names two partners, one from the list and one not in it; English is complete', async () => {
    const { page, errors } = browser;
    await open(page, 'kleingartenverein-grune-aue');
    await page.getByRole('button', { name: 'English' }).click();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    await page.getByRole('heading', { name: 'Your entry in Quartiernetz' }).waitFor();
    await page.getByRole('button', { name: 'Deutsch' }).click();
    await page.getByLabel('Mit wem?').fill('Familienbildungswerk Bottrop-Süd (Beispiel)');
    await page.getByLabel('Woran haben Sie zusammengearbeitet?').fill('Gartenkurse für Familien');
    await page.getByLabel('Wann ungefähr?').fill('Frühjahr 2025');
    // The second row by keyboard: the add button, then the new row's first field has the focus.
    await page.getByRole('button', { name: 'Weitere Zusammenarbeit hinzufügen' }).focus();
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('p-1-name');
    await page.keyboard.type('Imkerei Honigtau');
    await page.locator('#p-1-about').fill('Bienenvölker im Kleingarten');
    await page.locator('#p-1-when').fill('2025');
    await shot(page, 'update-partners');
    await submitAndThank(page);
    expect(errors).toEqual([]);
  });

  test('an unknown or revoked link gets a clear page', async () => {
    const { page } = browser;
    await page.goto(`${server.base}/update/#token=qu_${'x'.repeat(43)}`);
    await page.waitForFunction(() => document.body.dataset.state === 'refused');
    await page.getByRole('heading', { name: 'Der Link funktioniert nicht' }).waitFor();
    expect(await page.locator('[data-code]').getAttribute('data-code')).toBe('LINK_UNKNOWN');
    await shot(page, 'update-refused');
    // The browser reports the 401 of the refused link in its console: expected here, and only that.
    expect(browser.errors).toEqual([expect.stringContaining('status of 401')]);
    browser.errors.length = 0;
  });

  test('the editor accepts two proposals and rejects the rest; the partnership is in the network; personalData shows the consent history', async () => {
    const proposals = (
      await gql(server, editorKey, `{ updateProposals(status: PENDING) { id kind field value actor { id } } }`)
    ).updateProposals as Array<{
      id: string;
      kind: string;
      field: string | null;
      value: string;
      actor: { id: string };
    }>;
    // The contact proposal was rejected by the withdrawal already.
    expect(proposals.map((p) => [p.actor.id, p.kind, p.field])).toEqual([
      ['sportfreunde-volkspark', 'FIELD', 'description'],
      ['kleingartenverein-grune-aue', 'PARTNERSHIP', null],
      ['kleingartenverein-grune-aue', 'PARTNERSHIP', null],
    ]);
    const [description, known, named] = proposals;
    const partner = JSON.parse(known!.value);
    expect(partner).toMatchObject({
      partnerName: 'Familienbildungswerk Bottrop-Süd (Beispiel)',
      about: 'Gartenkurse für Familien',
      when: 'Frühjahr 2025',
    });
    expect(JSON.parse(named!.value)).toMatchObject({ partnerId: null, partnerName: 'Imkerei Honigtau' });

    const accept = `mutation($input: AcceptUpdateProposalInput!) { acceptUpdateProposal(input: $input) { status outcome } }`;
    await gql(server, editorKey, accept, { input: { id: description!.id } });
    const accepted = (
      await gql(server, editorKey, accept, { input: { id: known!.id, collaborationKind: 'COOPERATION' } })
    ).acceptUpdateProposal;
    await gql(
      server,
      editorKey,
      `mutation($id: ID!) { rejectUpdateProposal(id: $id, reason: "Imkerei noch nicht im Netz") { status } }`,
      { id: named!.id },
    );
    expect((await gql(server, editorKey, `{ updateProposals(status: PENDING) { id } }`)).updateProposals).toEqual([]);

    const actor = (await gql(server, editorKey, `{ actor(id: "sportfreunde-volkspark") { description } }`)).actor;
    expect(actor.description).toBe('Fußball und Breitensport für alle Generationen im Volkspark.');
    const collaborationId = accepted.outcome.replace('collaboration ', '');
    const collaboration = (
      await gql(
        server,
        editorKey,
        `query($id: ID!) { collaboration(id: $id) { kind title startDate participants { actor { id } } } }`,
        { id: collaborationId },
      )
    ).collaboration;
    expect(collaboration).toMatchObject({
      kind: 'COOPERATION',
      title: 'Gartenkurse für Familien',
      startDate: '2025-03-01',
    });
    expect(collaboration.participants.map((p: any) => p.actor.id).sort()).toEqual(
      ['kleingartenverein-grune-aue', partner.partnerId].sort(),
    );
    // The network (from the projection) has the tie with the new collaboration.
    const network = (
      await gql(
        server,
        editorKey,
        `{ network(filter: { centreActorId: "kleingartenverein-grune-aue", depth: 1 }) { edges { source target type collaborations { id } } } }`,
      )
    ).network;
    const ends = (e: any) =>
      [e.source, e.target]
        .map((id: string) => id.replace(/^actor:/, ''))
        .sort()
        .join(' ');
    const tie = network.edges.find(
      (e: any) =>
        e.type === 'COLLABORATES_WITH' &&
        ends(e) === ['kleingartenverein-grune-aue', partner.partnerId].sort().join(' '),
    );
    expect(tie.collaborations.map((c: any) => c.id)).toContain(collaborationId);
    const history = (
      await gql(
        server,
        server.adminKey,
        `{ history(entityId: "sportfreunde-volkspark", first: 1) { nodes { author operation } } }`,
      )
    ).history;
    expect(history.nodes[0]).toEqual({ author: 'link:sportfreunde-volkspark', operation: 'UPDATE' });

    const personal = (
      await gql(
        server,
        server.adminKey,
        `{ personalData(actorId: "heimatverein-rosenviertel") { actor { contact } consents { textVersion givenAt withdrawnAt } document } }`,
      )
    ).personalData;
    expect(personal.actor.contact).toBeNull();
    expect(personal.consents).toEqual([
      { textVersion: 'kontakt-2026-1', givenAt: expect.any(String), withdrawnAt: expect.any(String) },
    ]);
    expect(JSON.parse(personal.document).consents).toHaveLength(1);

    // Follow-up: 3 of 15 answered.
    const followUp = await gql(
      server,
      editorKey,
      `{ updateLinks { openedAt answeredAt } actorsWithoutUpdateAnswer { id } }`,
    );
    expect(followUp.updateLinks.filter((l: any) => l.answeredAt)).toHaveLength(3);
    expect(followUp.actorsWithoutUpdateAnswer).toHaveLength(12);
  });

  test('the review view in the map page: an editor accepts a correction and a partnership with a new partner', async () => {
    const { page, errors } = browser;
    const answer = await fetch(`${server.base}/update-api/answer`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${links.get('moscheeverein-batenbrock')}` },
      body: JSON.stringify({
        fields: { description: 'Moscheeverein mit Hausaufgabenhilfe' },
        partners: [{ name: 'Tafel Süd', about: 'Lebensmittelausgabe im Ramadan', when: 'März 2025' }],
      }),
    });
    expect(answer.status).toBe(200);
    await page.goto(server.url('/', editorKey));
    await waitReady(page);
    const open = page.getByRole('button', { name: 'Rückmeldungen (2)' });
    await open.click();
    const dialog = page.getByRole('dialog', { name: 'Rückmeldungen über persönliche Links' });
    await dialog.getByText('Beschreibung: Moscheeverein mit Hausaufgabenhilfe').waitFor();
    await dialog.getByText('Zusammenarbeit mit Tafel Süd: Lebensmittelausgabe im Ramadan (März 2025)').waitFor();
    await shot(page, 'update-review');
    await dialog.getByRole('button', { name: 'Übernehmen' }).first().click();
    await page.getByRole('button', { name: 'Rückmeldungen (1)' }).waitFor();
    await dialog.getByLabel('Partner ist noch nicht im Netz – anlegen als').selectOption('INITIATIVE');
    await dialog.getByRole('button', { name: 'Übernehmen' }).click();
    await page.getByRole('button', { name: 'Rückmeldungen (0)' }).waitFor();
    await dialog.getByText('Keine offenen Rückmeldungen.').waitFor();
    await page.keyboard.press('Escape');
    expect(await dialog.isVisible()).toBe(false);

    const data = await gql(
      server,
      editorKey,
      `{ actor(id: "moscheeverein-batenbrock") { description collaborations { collaboration { kind title participants { actor { name kind } } } } } }`,
    );
    expect(data.actor.description).toBe('Moscheeverein mit Hausaufgabenhilfe');
    const cooperation = data.actor.collaborations.find(
      (c: any) => c.collaboration.kind === 'COOPERATION',
    ).collaboration;
    expect(cooperation.title).toBe('Lebensmittelausgabe im Ramadan');
    expect(
      cooperation.participants.map((p: any) => p.actor).sort((a: any, b: any) => a.name.localeCompare(b.name)),
    ).toEqual([
      { name: 'Islamischer Kultur- und Moscheeverein (Beispiel)', kind: 'ASSOCIATION' },
      { name: 'Tafel Süd', kind: 'INITIATIVE' },
    ]);
    expect(errors).toEqual([]);
  });
});
