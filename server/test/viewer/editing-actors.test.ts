/**
 * Editing actors in the map, in headless Chromium through the real page against the real server;
 * every flow asserts the stored graph through the API afterwards:
 * - an editor adds an actor (duplicate hint while typing, a new topic in place), it appears on the
 *   map and no other node moves;
 * - failing saves (a bad website, a topic name that exists) keep the form and write nothing;
 * - a viewer sees no editing control, and the same writes sent by hand answer FORBIDDEN;
 * - two editors edit the same actor: the second save gets the conflict view and chooses per field
 *   (and per topic: a new topic typed into the refused save is created only when chosen);
 * - an admin merges a duplicate pair and deletes an actor after seeing what goes with it; the history
 *   shows the edit and undo works (an editor undoes its own change; someone else's is left to admins,
 *   and the page says whose it is).
 * Collaborations: editing-collaborations.test.ts.
 */
import { browserSuite, clickNode, openActorByClick, type ViewerServer, waitReady } from './harness';
import { useEditingServer } from './editing-setup';

browserSuite('viewer: editing in the map', () => {
  jest.setTimeout(120_000);
  let server: ViewerServer;
  let editorKey: string;
  let editor2Key: string;
  let viewerKey: string;
  const { api, data, counts, open, shot, actorPositions } = useEditingServer(
    (started) => ({ server, editorKey, editor2Key, viewerKey } = started),
  );

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
    await openActorByClick(page, actors.nodes[0].id);
    await page.waitForSelector('#actor-undo-unavailable');
    expect(await page.textContent('#actor-undo-unavailable')).toContain(
      'Rückgängig machen lässt sich nur eine Änderung von Feldern',
    );
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

  test('two editors change the same actor’s topics: the conflict view offers each topic, a new one too, and creates it only when chosen', async () => {
    const id = 'jugendtreff-kiste';
    const topicsOf = async () =>
      (await data(`{ actor(id: "${id}") { topics { id } } }`)).actor.topics.map((t: any) => t.id).sort();
    const topicNames = async () =>
      (await data('{ topics(first: 500) { nodes { name } } }')).topics.nodes.map((t: any) => t.name);
    const a = await open(editorKey, 'topics-a');
    const b = await open(editor2Key, 'topics-b');
    for (const page of [a, b]) {
      await clickNode(page, `actor:${id}`);
      await page.waitForSelector('#actor-edit');
      await page.click('#actor-edit');
      await page.waitForSelector('#edit-actor-name');
    }
    await a.click('#edit-actor li.chip[data-topic="sport"] .chip-remove');
    await a.click('#edit-actor-save');
    await a.waitForSelector('#edit-dialog', { state: 'detached' });
    const stored = await topicsOf();
    expect(stored).not.toContain('sport');

    // The second editor adds an existing topic and a new one, and a district: CONFLICT, nothing written.
    await b.fill('#edit-actor-district', 'Batenbrock-Süd');
    await b.focus('#edit-actor-topics');
    for (const text of ['Gesundheit', 'Lastenradverleih']) {
      await b.keyboard.type(text);
      await b.waitForSelector(`[role="listbox"]:not([hidden]) [role="option"]:has-text("${text}")`);
      await b.keyboard.press('Enter');
    }
    await b.waitForSelector('li.chip.new[data-topic="new:Lastenradverleih"]');
    await b.click('#edit-actor-save');
    await b.waitForSelector('#conflict');
    expect(await topicNames()).not.toContain('Lastenradverleih');
    expect(await topicsOf()).toEqual(stored);
    const rows = await b.$$eval('#conflict tbody tr', (trs) => trs.map((tr) => tr.getAttribute('data-field')));
    expect(rows).toEqual(['district', 'topic:gesundheit', 'new-topic:Lastenradverleih']);
    const text = (field: string) => b.textContent(`#conflict tr[data-field="${field}"]`);
    expect(await text('topic:gesundheit')).toMatch(/Thema: Gesundheit.*\(nicht zugeordnet\).*zugeordnet/);
    expect(await text('new-topic:Lastenradverleih')).toMatch(/Thema: Lastenradverleih \(neu\)/);
    await b.setViewportSize({ width: 1400, height: 900 });
    await shot(b, 'conflict-view-topics');
    await b.setViewportSize({ width: 800, height: 900 });
    await shot(b, 'conflict-view-topics-800');
    await b.setViewportSize({ width: 1400, height: 900 });
    // Theirs for Gesundheit (not assigned), mine for the new topic and the district: one write.
    await b.check('#conflict tr[data-field="topic:gesundheit"] input[value="theirs"]');
    await b.click('#conflict-apply');
    await b.waitForSelector('#edit-dialog', { state: 'detached' });
    expect((await topicNames()).filter((n: string) => n === 'Lastenradverleih')).toHaveLength(1);
    expect(await topicsOf()).toEqual([...stored, 'lastenradverleih'].sort());
    expect((await data(`{ actor(id: "${id}") { district } }`)).actor.district).toBe('Batenbrock-Süd');
  });
});
