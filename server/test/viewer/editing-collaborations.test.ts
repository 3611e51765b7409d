/**
 * Editing collaborations in the map, in headless Chromium through the real page against the real
 * server; every flow asserts the stored graph through the API afterwards:
 * - the seed's Stadtteilkonferenz recorded again for a new year, by keyboard only, from a pasted
 *   attendance list: 12 existing actors (10 exact, 2 near matches confirmed) and 2 new ones, in one
 *   write (key presses and clicks counted and printed);
 * - an editor edits a collaboration from the panel; two editors save the same collaboration: each
 *   save is one write (editCollaboration), the second gets the conflict view and chooses per field;
 *   a conflicting edit with a new topic and a new actor creates neither until the choice is saved.
 * Actors: editing-actors.test.ts.
 */
import { browserSuite, clickNode, waitReady } from './harness';
import type { Page } from 'playwright-core';
import { useEditingServer } from './editing-setup';

browserSuite('viewer: editing in the map', () => {
  jest.setTimeout(120_000);
  let editorKey: string;
  let editor2Key: string;
  const { data, counts, open, shot, actorPositions } = useEditingServer(
    (started) => ({ editorKey, editor2Key } = started),
  );

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

  test('an editor edits a collaboration from the panel: a field, a participant removed and one added, a role changed', async () => {
    const page = await open(editorKey, 'collab');
    await clickNode(page, 'actor:bobbie-ev');
    await page.waitForSelector(
      '#actor-collaborations-edit li[data-collaboration="stadtteilkonferenz-2021"] .collab-edit',
    );
    expect(await page.$('.collab-delete')).toBeNull(); // deleting is for admins
    // A short button; its accessible name says which collaboration it edits.
    const row = page.locator('#actor-collaborations-edit li[data-collaboration="stadtteilkonferenz-2021"]');
    expect(await row.locator('.collab-name').innerText()).toBe('Stadtteilkonferenz 2021 · 22.09.2021');
    expect(await row.locator('.collab-edit').innerText()).toBe('Bearbeiten');
    expect(await page.getByRole('button', { name: '„Stadtteilkonferenz 2021“ bearbeiten', exact: true }).count()).toBe(
      1,
    );
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

  test('an edit that adds a new topic and a new actor and then conflicts writes nothing; the choice creates what is chosen', async () => {
    const id = 'stadtteilkonferenz-2021';
    const names = async () => {
      const { topics, actors } = await data(
        '{ topics(first: 500) { nodes { name } } actors(first: 500) { nodes { name } } }',
      );
      return { topics: topics.nodes.map((t: any) => t.name), actors: actors.nodes.map((a: any) => a.name) };
    };
    const openMeeting = async (page: Page) => {
      await clickNode(page, 'actor:bobbie-ev');
      const edit = `#actor-collaborations-edit li[data-collaboration="${id}"] .collab-edit`;
      await page.waitForSelector(edit);
      await page.click(edit);
      await page.waitForSelector('#record-meeting-title');
    };
    const a = await open(editorKey, 'new-topic-a');
    const b = await open(editor2Key, 'new-topic-b');
    await openMeeting(a);
    await openMeeting(b);
    await a.fill('#record-meeting-location', 'Rathaus');
    await a.click('#record-meeting-save');
    await a.waitForSelector('#edit-dialog', { state: 'detached' });
    const before = { counts: await counts(), names: await names() };
    const stored = (
      await data(`{ collaboration(id: "${id}") { version topics { id } participants { actor { id } } } }`)
    ).collaboration;

    // The second editor types a topic and an actor that do not exist yet, then saves: CONFLICT.
    await b.focus('#record-meeting-topics');
    await b.keyboard.type('Lastenrad');
    await b.waitForSelector('[role="listbox"]:not([hidden]) [role="option"]:has-text("Lastenrad")');
    await b.keyboard.press('Enter');
    await b.waitForSelector('li.chip.new[data-topic="new:Lastenrad"]');
    await b.focus('#record-meeting-participants');
    await b.keyboard.type('Tauschring Süd');
    await b.waitForSelector('[role="listbox"]:not([hidden]) [role="option"]:has-text("Tauschring Süd")');
    await b.keyboard.press('Enter');
    await b.waitForSelector('#participant-rows li:has-text("Tauschring Süd")');
    await b.click('#record-meeting-save');
    await b.waitForSelector('#conflict');
    // Nothing of the refused save exists: no topic, no actor, the collaboration as stored.
    expect(await counts()).toEqual(before.counts);
    expect((await names()).topics).not.toContain('Lastenrad');
    expect((await names()).actors).not.toContain('Tauschring Süd');
    expect(
      (await data(`{ collaboration(id: "${id}") { version topics { id } participants { actor { id } } } }`))
        .collaboration,
    ).toEqual(stored);
    const rows = await b.$$eval('#conflict tbody tr', (trs) => trs.map((tr) => tr.getAttribute('data-field')));
    expect(rows).toEqual(['new-topic:Lastenrad', 'new-participant:0']);
    const text = (field: string) => b.textContent(`#conflict tr[data-field="${field}"]`);
    expect(await text('new-topic:Lastenrad')).toMatch(/Thema: Lastenrad \(neu\).*\(nicht zugeordnet\).*zugeordnet/);
    expect(await text('new-participant:0')).toMatch(
      /Teilnehmende: Tauschring Süd \(neu\).*nimmt nicht teil.*Teilnahme/,
    );
    await b.setViewportSize({ width: 1400, height: 900 });
    await shot(b, 'collaboration-conflict-new-records');
    await b.setViewportSize({ width: 800, height: 900 });
    await shot(b, 'collaboration-conflict-new-records-800');
    // Mine for the topic, theirs for the actor: one write creates the topic, no actor.
    await b.check('#conflict tr[data-field="new-participant:0"] input[value="theirs"]');
    await b.click('#conflict-apply');
    await b.waitForSelector('#edit-dialog', { state: 'detached' });
    const after = await names();
    expect(after.topics.filter((t: string) => t === 'Lastenrad')).toHaveLength(1);
    expect(after.actors).toEqual(before.names.actors);
    const { collaboration } = await data(
      `{ collaboration(id: "${id}") { version location topics { name } participants { actor { id } } } }`,
    );
    expect(collaboration).toMatchObject({ version: stored.version + 1, location: 'Rathaus' });
    expect(collaboration.topics.map((t: any) => t.name)).toContain('Lastenrad');
    expect(collaboration.participants).toHaveLength(stored.participants.length);
  });
});
