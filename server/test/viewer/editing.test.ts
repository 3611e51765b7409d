/**
 * Editing in the map, in headless Chromium through the real page against the real server; every
 * flow asserts the stored graph through the API afterwards:
 * - an editor adds an actor (duplicate hint while typing, a new topic in place), it appears on the
 *   map and no other node moves;
 * - the seed's Stadtteilkonferenz recorded again for a new year, by keyboard only, from a pasted
 *   attendance list: 12 existing actors (10 exact, 2 near matches confirmed) and 2 new ones, in one
 *   write (key presses and clicks counted and printed);
 * - failing saves (a bad website, a topic name that exists) keep the form and write nothing;
 * - a viewer sees no editing control, and the same writes sent by hand answer FORBIDDEN;
 * - two editors edit the same actor: the second save gets the conflict view and chooses per field;
 *   the same for a collaboration, whose every save is one write (editCollaboration);
 * - an admin deletes an actor after seeing what goes with it; the history shows the edit and undo works
 *   (an editor undoes its own change; someone else's is left to admins, and the page says whose it is).
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { batenbrock } from '../../../seed/batenbrock';
import {
  browserSuite,
  clickNode,
  openBrowser,
  ROOT,
  startViewerServer,
  suggestionsMissing,
  waitReady,
  type ViewerBrowser,
  type ViewerServer,
} from './harness';

const REVIEW = path.join(ROOT, 'screenshots-review');

browserSuite('viewer: editing in the map', () => {
  jest.setTimeout(120_000);
  let server: ViewerServer;
  let browser: ViewerBrowser;
  let editorKey: string;
  let editor2Key: string;
  let viewerKey: string;
  const pages: Page[] = [];

  const api = async (query: string, variables: Record<string, unknown> = {}, key = server.adminKey) => {
    const response = await fetch(`${server.base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${key}` },
      body: JSON.stringify({ query, variables }),
    });
    return (await response.json()) as {
      data?: any;
      errors?: Array<{ message: string; extensions?: { code?: string; field?: string } }>;
    };
  };
  const data = async (query: string, variables: Record<string, unknown> = {}) => {
    const body = await api(query, variables);
    if (body.errors) throw new Error(JSON.stringify(body.errors));
    return body.data;
  };
  const counts = () => data('{ actors { totalCount } topics { totalCount } collaborations { totalCount } }');

  async function open(key: string, name = 'page'): Promise<Page> {
    const page = await browser.context.newPage();
    pages.push(page);
    page.on('pageerror', (e) => browser.errors.push(`${name}: ${e.message}`));
    if (process.env.EDIT_DEBUG) page.on('console', (m) => console.log(`${name} console: ${m.text()}`));
    await page.goto(server.url('/', key));
    await waitReady(page);
    return page;
  }
  const shot = (page: Page, name: string) => page.screenshot({ path: path.join(REVIEW, `${name}.png`) });
  const actorPositions = (page: Page) =>
    page.evaluate(() =>
      Object.fromEntries(window.cy.nodes('[type="ACTOR"]').map((n) => [n.id(), { ...n.position() }])),
    );

  beforeAll(async () => {
    fs.mkdirSync(REVIEW, { recursive: true });
    server = await startViewerServer(batenbrock);
    editorKey = await server.issueKey('redaktion-a', 'EDITOR');
    editor2Key = await server.issueKey('redaktion-b', 'EDITOR');
    viewerKey = await server.issueKey('lesend', 'VIEWER');
    browser = await openBrowser((text) => suggestionsMissing(text) || /status of 400/.test(text));
  });

  afterEach(async () => {
    for (const page of pages.splice(0)) await page.close();
  });

  afterAll(async () => {
    await browser?.browser.close();
    await server?.close();
    expect(browser?.errors ?? []).toEqual([]);
  });

  test('an editor adds an actor: duplicate hint while typing, a new topic in place; it appears on the map and nothing else moves', async () => {
    const page = await open(editorKey, 'add');
    const before = await actorPositions(page);
    await page.click('#edit-add-actor');
    await page.waitForSelector('#edit-dialog[open]');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('add-actor-name');
    // A likely duplicate is named before anything is created.
    await page.keyboard.type('Bobbie');
    await page.waitForSelector('#actor-duplicates button[data-actor="bobbie-ev"]');
    expect(await page.textContent('#actor-duplicates')).toContain('Meinten Sie Bobbie e.V.?');
    await page.fill('#add-actor-name', 'Tafel Batenbrock');
    await page.waitForFunction(() => !document.querySelector('#actor-duplicates button'));
    await page.selectOption('#add-actor-kind', 'INITIATIVE');
    await page.fill('#add-actor-district', 'Batenbrock');
    await page.fill('#add-actor-website', 'https://tafel-batenbrock.example');
    await page.fill('#add-actor-contact', 'tafel@example.org');
    await page.fill('#add-actor-description', 'Lebensmittel für Bedürftige');
    await page.focus('#add-actor-topics');
    await page.keyboard.type('Nachbar');
    await page.waitForSelector('.edit-picker-list li[aria-selected="true"]');
    await page.keyboard.press('Enter');
    await page.keyboard.type('Lebensmittelrettung');
    await page.waitForSelector('.edit-picker-list li.create');
    await page.keyboard.press('Enter');
    await shot(page, 'add-actor-form');
    await page.keyboard.press('Control+Enter');
    await page.waitForSelector('#edit-dialog', { state: 'detached' });
    await waitReady(page);

    const { actors } = await data(
      '{ actors(filter: { nameContains: "Tafel Batenbrock" }) { nodes { id name kind district website contact description topics { id name } } } }',
    );
    expect(actors.nodes).toHaveLength(1);
    const tafel = actors.nodes[0];
    expect(tafel).toMatchObject({
      kind: 'INITIATIVE',
      district: 'Batenbrock',
      website: 'https://tafel-batenbrock.example',
      contact: 'tafel@example.org',
      description: 'Lebensmittel für Bedürftige',
    });
    expect(tafel.topics.map((t: any) => t.name).sort()).toEqual(['Lebensmittelrettung', 'Nachbarschaft']);
    // On the map, its panel open; every other node where it was.
    await page.waitForFunction((id) => window.cy.getElementById(`actor:${id}`).nonempty(), tafel.id);
    await page.waitForSelector(`#panel[data-actor-id="${tafel.id}"]`);
    const after = await actorPositions(page);
    for (const [id, p] of Object.entries(before)) expect(after[id]).toEqual(p);
    expect(Object.keys(after)).toHaveLength(Object.keys(before).length + 1);
    await shot(page, 'add-actor-on-map');
  });

  test('the Stadtteilkonferenz for a new year, by keyboard only, from a pasted attendance list: 12 existing and 2 new actors in one write', async () => {
    const page = await open(editorKey, 'meeting');
    const before = await counts();
    const positions = await actorPositions(page);
    let keys = 0;
    let typed = 0;
    let pastes = 0;
    const clicks = 0;
    const press = async (key: string) => {
      keys++;
      await page.keyboard.press(key);
    };
    const type = async (text: string) => {
      keys += [...text].length;
      typed += [...text].length;
      await page.keyboard.type(text);
    };
    const list = [
      'Stadtteilagentur Batenbrock',
      'Stadt Bottrop',
      'Bobbie e.V.',
      'Grundschule am Volkspark (Beispiel)',
      'Sportfreunde Volkspark 1927 (Beispiel)',
      'Evangelische Kirchengemeinde am Markt (Beispiel)',
      'Islamischer Kultur- und Moscheeverein (Beispiel)',
      'Wohnbau Batenbrock eG (Beispiel)',
      'Seniorentreff Lindenhof (Beispiel)',
      'Bürger- und Heimatverein Rosenviertel (Beispiel)',
      'Jugendtreff Kiste',
      'Kulturwerkstatt Rosenviertel',
      'Tafel Süd',
      'Lesepaten Batenbrock',
    ].join('\n');

    await page.focus('body');
    await press('t');
    await page.waitForSelector('#record-meeting');
    await type('Stadtteilkonferenz 2025');
    await press('Tab');
    await press('k'); // Konferenz
    await press('Tab');
    await type('13.11.2025');
    await press('Tab');
    await press('Tab');
    await type('Batenbrock');
    await press('Tab');
    for (const [i, topic] of ['Vernetz', 'Stadterneu', 'Bürgerbet'].entries()) {
      await type(topic);
      await press('Enter');
      await page.waitForFunction((n) => document.querySelectorAll('[data-field="topics"] .chip').length === n, i + 1);
    }
    await press('Tab'); // to the attendance list
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('attendance');
    pastes++;
    await page.keyboard.insertText(list); // what Ctrl+V of copied text does
    await press('Tab');
    await press('Enter'); // "Liste abgleichen"
    await page.waitForSelector('.pending-row button.confirm:focus');
    expect(await page.textContent('#match-summary')).toBe('10 übernommen, 2 zu bestätigen, 2 unbekannt.');
    await shot(page, 'meeting-confirm-near');
    await press('Enter'); // Ja, Jugendtreff Kiste (Beispiel)
    await press('Enter'); // Ja, Kulturwerkstatt Rosenviertel e.V. (Beispiel)
    await page.waitForFunction(() => document.activeElement?.getAttribute('role') === 'combobox');
    // The organiser: picked again by a few letters, Enter goes to its role, "o" = Organisation.
    await type('Stadtteilag');
    await press('Enter');
    await page.waitForFunction(() => document.activeElement?.classList.contains('role'));
    await press('o');
    expect(await page.$$eval('#participant-rows li.participant', (li) => li.length)).toBe(14);
    await shot(page, 'meeting-form-filled');
    await press('Control+Enter');
    await page.waitForSelector('#edit-dialog', { state: 'detached' });
    await waitReady(page);

    const after = await counts();
    expect(after.collaborations.totalCount).toBe(before.collaborations.totalCount + 1);
    expect(after.actors.totalCount).toBe(before.actors.totalCount + 2);
    const { collaborations } = await data(
      '{ collaborations(filter: { from: "2025-01-01", to: "2025-12-31" }) { nodes { title kind startDate location topics { id } participants { role actor { id name } } } } }',
    );
    const konferenz = collaborations.nodes.find((c: any) => c.title === 'Stadtteilkonferenz 2025');
    expect(konferenz).toMatchObject({ kind: 'CONFERENCE', startDate: '2025-11-13', location: 'Batenbrock' });
    expect(konferenz.topics.map((t: any) => t.id).sort()).toEqual([
      'burgerbeteiligung',
      'stadterneuerung',
      'vernetzung',
    ]);
    const roles = Object.fromEntries(konferenz.participants.map((p: any) => [p.actor.id, p.role]));
    expect(Object.keys(roles)).toHaveLength(14);
    expect(roles['stadtteilagentur-batenbrock']).toBe('ORGANISER');
    expect(roles['jugendtreff-kiste']).toBe('PARTICIPANT');
    expect(roles['kulturwerkstatt-rosenviertel']).toBe('PARTICIPANT');
    const names = konferenz.participants.map((p: any) => p.actor.name);
    expect(names).toEqual(expect.arrayContaining(['Tafel Süd', 'Lesepaten Batenbrock']));
    // The map follows: the new actors are drawn, the kept nodes did not move.
    await page.waitForFunction(() => window.cy.nodes('[type="ACTOR"]').length > 0);
    const drawn = await actorPositions(page);
    for (const [id, p] of Object.entries(positions)) expect(drawn[id]).toEqual(p);
    expect(Object.keys(drawn).length).toBe(Object.keys(positions).length + 2);
    await shot(page, 'meeting-on-map');
    console.log(
      `Stadtteilkonferenz 2025 by keyboard: ${keys} key presses (${typed} of them typing title, date, place, topic and name fragments; ${keys - typed} Tab/Enter/letter choices), ${pastes} paste, ${clicks} clicks`,
    );
    expect(clicks).toBe(0);
  });

  test('failing saves keep the form and write nothing: a bad website, a topic name that exists', async () => {
    const page = await open(editorKey, 'fail');
    const before = await counts();
    await page.click('#edit-add-actor');
    await page.fill('#add-actor-name', 'Neuer Verein');
    await page.fill('#add-actor-website', 'www.ohne-protokoll');
    await page.focus('#add-actor-topics');
    await page.keyboard.type('Garten');
    await page.keyboard.press('Enter');
    await page.click('#add-actor-save');
    // The page's own check: the message is next to the field, nothing was sent.
    await page.waitForSelector('[data-field="website"].invalid .field-error:not([hidden])');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('add-actor-website');
    // One the page lets through and the API refuses (no underscore in a host name): the API's
    // refusal (extensions.field actor.website) is shown at the same field, nothing is stored.
    await page.fill('#add-actor-website', 'https://bad_host.example');
    await page.click('#add-actor-save');
    await page.waitForSelector('#add-actor-error:not([hidden])');
    expect(await page.textContent('[data-field="website"] .field-error')).toBe(
      'Bitte eine Webadresse mit http:// oder https:// angeben.',
    );
    expect(await page.textContent('#add-actor-error')).toContain('Es wurde nichts geändert');
    expect(await page.inputValue('#add-actor-name')).toBe('Neuer Verein');
    expect(await counts()).toEqual(before);
    await shot(page, 'failing-save-website');
    // A topic name that exists by now (another editor created it after this page read the topics)
    // is refused by the API: CONFLICT, shown at the topics field.
    await page.fill('#add-actor-website', 'https://neuer-verein.example');
    await data('mutation { createTopic(input: { name: "Lastenrad" }) { id } }');
    await page.focus('#add-actor-topics');
    await page.keyboard.type('Lastenrad');
    await page.waitForSelector('.edit-picker-list li');
    // The topic list of this page was read before "Lastenrad" existed: it offers to create it.
    expect(await page.textContent('.edit-picker-list')).toContain('Neues Thema „Lastenrad“ anlegen');
    await page.keyboard.press('Enter');
    await page.click('#add-actor-save');
    await page.waitForSelector('[data-field="topics"].invalid .field-error:not([hidden])');
    expect(await page.textContent('[data-field="topics"] .field-error')).toBe(
      'Das Thema „Lastenrad“ gibt es schon – bitte entfernen und aus der Liste wählen.',
    );
    expect(await page.inputValue('#add-actor-name')).toBe('Neuer Verein');
    expect(await page.textContent('#add-actor-error')).toContain('Es wurde nichts geändert');
    await shot(page, 'failing-save-topic');
    const after = await counts();
    expect(after).toEqual({ ...before, topics: { totalCount: before.topics.totalCount + 1 } }); // only the topic made by hand above
    const { actors } = await data('{ actors(filter: { nameContains: "Neuer Verein" }) { totalCount } }');
    expect(actors.totalCount).toBe(0);

    // A meeting whose new actor has a bad website is not possible from the form; a bad date is caught at its field.
    await page.keyboard.press('Escape');
    await page.waitForSelector('#edit-dialog', { state: 'detached' });
    await page.click('#edit-record-meeting');
    await page.fill('#record-meeting-title', 'Halbes Treffen');
    await page.fill('#record-meeting-start', '31.02.2025');
    await page.click('#record-meeting-save');
    await page.waitForSelector('[data-field="start"].invalid');
    expect(await page.inputValue('#record-meeting-title')).toBe('Halbes Treffen');
    expect((await counts()).collaborations).toEqual(before.collaborations);
  });

  test('in English: the same dialogs, every label translated', async () => {
    const page = await open(editorKey, 'english');
    await page.click('#lang');
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    expect(await page.textContent('#edit-add-actor')).toBe('+ Add actor');
    await page.keyboard.press('t');
    await page.waitForSelector('#record-meeting');
    const labels = await page.$$eval('#record-meeting label', (ls) =>
      ls.map((l) => l.textContent?.replace(' *', '').trim()),
    );
    expect(labels).toEqual([
      'Title',
      'Kind',
      'Start',
      'End',
      'Location',
      'Topics',
      'Paste an attendance list (one name per line)',
      'Participants',
    ]);
    expect(await page.textContent('#edit-dialog h2')).toBe('Record a meeting');
    expect(await page.textContent('#record-meeting-kind option:checked')).toBe('Meeting');
    await page.click('#record-meeting-save');
    expect(await page.textContent('[data-field="title"] .field-error')).toBe('Please fill in.');
    expect(await page.textContent('#record-meeting-error')).toBe(
      'Not saved – please check the marked fields. Nothing was changed.',
    );
    // Back to German for the other tests (the choice is kept in this browser's localStorage).
    await page.keyboard.press('Escape');
    await page.waitForSelector('#edit-dialog', { state: 'detached' });
    await page.click('#lang');
    await page.waitForFunction(() => document.documentElement.lang === 'de');
  });

  test('a viewer sees no editing control; the same writes sent by hand answer FORBIDDEN', async () => {
    const page = await open(viewerKey, 'viewer');
    await clickNode(page, 'actor:bobbie-ev');
    await page.waitForSelector('#panel[data-actor-id="bobbie-ev"] .facts');
    await page.waitForTimeout(300);
    expect(
      await page.$$('#edit-tools, #edit-add-actor, #edit-record-meeting, #actor-editing, #actor-edit'),
    ).toHaveLength(0);
    await page.keyboard.press('t');
    await page.keyboard.press('a');
    expect(await page.$('#edit-dialog')).toBeNull();
    await shot(page, 'viewer-no-controls');
    const before = await counts();
    const writes = [
      ['mutation { recordActor(input: { actor: { name: "X", kind: GROUP } }) { id } }', {}],
      [
        'mutation { recordCollaboration(input: { collaboration: { title: "X", kind: MEETING } }) { collaboration { id } } }',
        {},
      ],
      ['mutation { updateActor(id: "bobbie-ev", input: { name: "X" }, expectedVersion: 1) { id } }', {}],
      ['mutation { deleteActor(id: "bobbie-ev") }', {}],
      ['mutation { undoLastChange(actorId: "bobbie-ev") { actor { id } } }', {}],
    ] as const;
    for (const [query, variables] of writes) {
      const body = await api(query, variables, viewerKey);
      expect(body.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    }
    expect(await counts()).toEqual(before);
  });

  test('two editors save the same actor: the second gets the conflict view, chooses per field, and the choice is stored', async () => {
    const a = await open(editorKey, 'editor-a');
    const b = await open(editor2Key, 'editor-b');
    for (const page of [a, b]) {
      await clickNode(page, 'actor:kita-sonnenblume');
      await page.waitForSelector('#actor-edit');
      await page.click('#actor-edit');
      await page.waitForSelector('#edit-actor-name');
    }
    await a.fill('#edit-actor-district', 'Batenbrock-Nord');
    await a.fill('#edit-actor-description', 'Kita mit Garten');
    await a.click('#edit-actor-save');
    await a.waitForSelector('#edit-dialog', { state: 'detached' });

    await b.fill('#edit-actor-district', 'Batenbrock-Süd');
    await b.fill('#edit-actor-website', 'https://kita-sonnenblume.example');
    await b.click('#edit-actor-save');
    await b.waitForSelector('#conflict');
    expect(await b.textContent('#conflict h3')).toContain('inzwischen geändert');
    expect(await b.textContent('#conflict thead')).toContain('key:redaktion-a');
    const row = await b.textContent('#conflict tr[data-field="district"]');
    expect(row).toContain('Batenbrock-Nord');
    expect(row).toContain('Batenbrock-Süd');
    await shot(b, 'conflict-view');
    // Keep theirs for the district, mine for the website.
    await b.check('#conflict tr[data-field="district"] input[value="theirs"]');
    await b.click('#conflict-apply');
    await b.waitForSelector('#edit-dialog', { state: 'detached' });
    const { actor } = await data('{ actor(id: "kita-sonnenblume") { district website description version } }');
    expect(actor).toMatchObject({
      district: 'Batenbrock-Nord',
      website: 'https://kita-sonnenblume.example',
      description: 'Kita mit Garten',
    });

    // The history in the panel names both edits. Editors undo their own changes: the first editor,
    // whose change is no longer the last one, is told whose it is; the second undoes its save.
    await b.waitForSelector('#actor-history .history-list');
    expect(await b.textContent('#actor-history')).toContain('key:redaktion-b');
    expect(await b.textContent('#actor-history')).toContain('website: – → https://kita-sonnenblume.example');
    await shot(b, 'history-editor');
    const a2 = await open(editorKey, 'editor-a-again');
    await clickNode(a2, 'actor:kita-sonnenblume');
    await a2.waitForSelector('#actor-undo-unavailable');
    expect(await a2.textContent('#actor-undo-unavailable')).toContain('Diese Änderung stammt von key:redaktion-b.');
    expect(await a2.$('#actor-undo')).toBeNull();
    await shot(a2, 'history-other-editor');
    await b.waitForSelector('#actor-undo');
    await b.click('#actor-undo');
    await b.waitForFunction(() => document.querySelector('#actor-history li[data-operation="UNDO"]'));
    const { actor: undone } = await data('{ actor(id: "kita-sonnenblume") { district website description } }');
    expect(undone).toEqual({ district: 'Batenbrock-Nord', website: null, description: 'Kita mit Garten' });
  });

  test('an admin undoes the last change from the history, where the API allows it', async () => {
    await data('mutation { updateActor(id: "grundschule-am-volkspark", input: { district: "Volkspark" }) { id } }');
    const page = await open(server.adminKey, 'undo');
    await clickNode(page, 'actor:grundschule-am-volkspark');
    await page.waitForSelector('#actor-undo');
    await page.click('#actor-undo');
    await page.waitForFunction(() => document.querySelector('#actor-history li[data-operation="UNDO"]'));
    const { actor } = await data('{ actor(id: "grundschule-am-volkspark") { district } }');
    expect(actor.district).not.toBe('Volkspark');
    // A newly recorded actor's last change is its recording: undo is not offered, and the page says why.
    const { actors } = await data('{ actors(filter: { nameContains: "Tafel Batenbrock" }) { nodes { id } } }');
    await clickNode(page, `actor:${actors.nodes[0].id}`);
    await page.waitForSelector('#actor-undo-unavailable');
    expect(await page.textContent('#actor-undo-unavailable')).toContain(
      'Rückgängig machen lässt sich nur eine Änderung von Feldern',
    );
  });

  test('an editor edits a collaboration from the panel: a field, a participant removed and one added, a role changed', async () => {
    const page = await open(editorKey, 'collab');
    await clickNode(page, 'actor:bobbie-ev');
    await page.waitForSelector(
      '#actor-collaborations-edit li[data-collaboration="stadtteilkonferenz-2021"] .collab-edit',
    );
    expect(await page.$('.collab-delete')).toBeNull(); // deleting is for admins
    await page.click('#actor-collaborations-edit li[data-collaboration="stadtteilkonferenz-2021"] .collab-edit');
    await page.waitForSelector('#record-meeting-title');
    expect(await page.inputValue('#record-meeting-title')).toBe('Stadtteilkonferenz 2021');
    await page.fill('#record-meeting-location', 'Bürgerhaus Batenbrock');
    await page.click('li[data-participant="kita-sonnenblume"] .chip-remove');
    await page.focus('#record-meeting-participants');
    await page.keyboard.type('Familienbild');
    await page.keyboard.press('Enter');
    await page.waitForSelector('li[data-participant="familienbildungswerk-sud"]');
    await page.selectOption('li[data-participant="bobbie-ev"] select.role', 'HOST');
    await shot(page, 'collaboration-edit');
    await page.click('#record-meeting-save');
    await page.waitForSelector('#edit-dialog', { state: 'detached' });
    const { collaboration } = await data(
      '{ collaboration(id: "stadtteilkonferenz-2021") { location participants { role actor { id } } } }',
    );
    expect(collaboration.location).toBe('Bürgerhaus Batenbrock');
    const roles = Object.fromEntries(collaboration.participants.map((p: any) => [p.actor.id, p.role]));
    expect(roles['kita-sonnenblume']).toBeUndefined();
    expect(roles['familienbildungswerk-sud']).toBe('PARTICIPANT');
    expect(roles['bobbie-ev']).toBe('HOST');
    expect(roles['stadtteilagentur-batenbrock']).toBe('ORGANISER');
  });

  test('two editors save the same collaboration: each save is one write; the second gets the conflict view and chooses per field', async () => {
    const id = 'stadtteilkonferenz-2022';
    const historyCount = async () =>
      (await data(`{ history(entityId: "${id}", first: 100) { totalCount } }`)).history.totalCount;
    const before = await historyCount();
    const openMeeting = async (page: Page) => {
      await clickNode(page, 'actor:bobbie-ev');
      const edit = `#actor-collaborations-edit li[data-collaboration="${id}"] .collab-edit`;
      await page.waitForSelector(edit);
      await page.click(edit);
      await page.waitForSelector('#record-meeting-title');
    };
    const a = await open(editorKey, 'meeting-a');
    const b = await open(editor2Key, 'meeting-b');
    await openMeeting(a);
    await openMeeting(b);

    await a.fill('#record-meeting-location', 'Bürgerhaus');
    await a.selectOption('li[data-participant="bobbie-ev"] select.role', 'HOST');
    await a.click('#record-meeting-save');
    await a.waitForSelector('#edit-dialog', { state: 'detached' });
    // A field and a role in one save: one write, one history record, version 2.
    expect(await historyCount()).toBe(before + 1);
    const afterA = (
      await data(`{ collaboration(id: "${id}") { location version participants { role actor { id } } } }`)
    ).collaboration;
    expect(afterA).toMatchObject({ location: 'Bürgerhaus', version: 2 });

    await b.fill('#record-meeting-location', 'Schule am Volkspark');
    await b.selectOption('li[data-participant="bobbie-ev"] select.role', 'MEMBER');
    await b.click('li[data-participant="stadt-bottrop"] .chip-remove');
    await b.click('#record-meeting-save');
    await b.waitForSelector('#conflict');
    // Nothing of the second save is stored before the choice.
    expect(
      (await data(`{ collaboration(id: "${id}") { location version participants { role actor { id } } } }`))
        .collaboration,
    ).toEqual(afterA);
    expect(await b.textContent('#conflict h3')).toBe('Jemand anderes hat Stadtteilkonferenz 2022 inzwischen geändert.');
    expect(await b.textContent('#conflict thead')).toContain('key:redaktion-a');
    // A row for what this editor changed and the other stored differently; nothing else.
    const rows = await b.$$eval('#conflict tbody tr', (trs) => trs.map((tr) => tr.getAttribute('data-field')));
    expect(rows).toEqual(['location', 'participant:bobbie-ev', 'participant:stadt-bottrop']);
    const text = (field: string) => b.textContent(`#conflict tr[data-field="${field}"]`);
    expect(await text('location')).toMatch(/Ort.*Bürgerhaus.*Schule am Volkspark/);
    expect(await text('participant:bobbie-ev')).toMatch(/Teilnehmende: Bobbie e\.V\..*Gastgeber.*Mitglied/);
    expect(await text('participant:stadt-bottrop')).toMatch(/Teilnehmende: Stadt Bottrop.*Teilnahme.*nimmt nicht teil/);
    await shot(b, 'collaboration-conflict-view');
    // Theirs for the location and Bobbie's role, mine for Stadt Bottrop (removed).
    await b.check('#conflict tr[data-field="location"] input[value="theirs"]');
    await b.check('#conflict tr[data-field="participant:bobbie-ev"] input[value="theirs"]');
    await b.click('#conflict-apply');
    await b.waitForSelector('#edit-dialog', { state: 'detached' });
    const { collaboration } = await data(
      `{ collaboration(id: "${id}") { location version participants { role actor { id } } } }`,
    );
    expect(collaboration.location).toBe('Bürgerhaus');
    expect(collaboration.version).toBe(3);
    const roles = Object.fromEntries(collaboration.participants.map((p: any) => [p.actor.id, p.role]));
    expect(roles['stadt-bottrop']).toBeUndefined();
    expect(roles['bobbie-ev']).toBe('HOST');
    expect(Object.keys(roles)).toHaveLength(afterA.participants.length - 1);
    expect(await historyCount()).toBe(before + 2);
  });

  test('an admin merges a duplicate pair with a choice per field', async () => {
    await data(
      'mutation { createActor(input: { id: "bobbie-doppelt", name: "Bobbie", kind: ASSOCIATION, website: "https://bobbie.example", district: "Batenbrock-Süd" }) { id } }',
    );
    const before = await data('{ actor(id: "bobbie-ev") { name district website collaborationCount } }');
    const page = await open(server.adminKey, 'merge');
    await page.click('#edit-duplicates');
    const pair = 'li[data-pair="bobbie-doppelt|bobbie-ev"], li[data-pair="bobbie-ev|bobbie-doppelt"]';
    await page.waitForSelector(pair);
    await page.click(`li[data-pair*="bobbie-doppelt"][data-pair*="bobbie-ev"] button.merge`);
    await page.waitForSelector('#merge');
    await page.check('#merge input[name="merge-keep"][value="bobbie-ev"]');
    // The name stays Bobbie e.V.'s; the website comes from the other entry.
    const nameCells = await page.$$eval('#merge tr[data-field="name"] td', (tds) =>
      tds.map((td) => td.textContent?.trim()),
    );
    const keepNameSide = nameCells[0] === 'Bobbie e.V.' ? 'a' : 'b';
    const otherSide = keepNameSide === 'a' ? 'b' : 'a';
    await page.check(`#merge tr[data-field="name"] input[value="${keepNameSide}"]`);
    await page.check(`#merge tr[data-field="website"] input[value="${otherSide}"]`);
    await page.check(`#merge tr[data-field="district"] input[value="${keepNameSide}"]`);
    await shot(page, 'merge');
    await page.click('#merge-apply');
    await page.waitForSelector('#edit-dialog', { state: 'detached' });
    const after = await data(
      '{ actor(id: "bobbie-ev") { name district website collaborationCount } gone: actor(id: "bobbie-doppelt") { id } }',
    );
    expect(after.gone).toBeNull();
    expect(after.actor).toEqual({
      name: 'Bobbie e.V.',
      district: before.actor.district,
      website: 'https://bobbie.example',
      collaborationCount: before.actor.collaborationCount,
    });
  });

  test('an admin deletes an actor after seeing what goes with it', async () => {
    const page = await open(server.adminKey, 'admin');
    await clickNode(page, 'actor:repair-cafe-batenbrock');
    await page.waitForSelector('#actor-delete');
    await page.click('#actor-delete');
    await page.waitForSelector('#delete-consequences');
    const text = await page.textContent('#delete-consequences');
    const { actor } = await data('{ actor(id: "repair-cafe-batenbrock") { collaborationCount topics { id } } }');
    const participations =
      actor.collaborationCount === 1
        ? '1 Teilnahme an einer Zusammenarbeit'
        : `${actor.collaborationCount} Teilnahmen an Zusammenarbeiten`;
    const topics = actor.topics.length === 1 ? '1 Themen-Zuordnung' : `${actor.topics.length} Themen-Zuordnungen`;
    expect(text).toBe(
      `Mit dem Akteur werden gelöscht: ${participations} und ${topics}. Die Zusammenarbeiten selbst bleiben.`,
    );
    await shot(page, 'delete-confirm');
    await page.click('#delete-confirm');
    await page.waitForSelector('#edit-dialog', { state: 'detached' });
    await page.waitForFunction(() => window.cy.getElementById('actor:repair-cafe-batenbrock').empty());
    expect((await data('{ actor(id: "repair-cafe-batenbrock") { id } }')).actor).toBeNull();
  });
});
