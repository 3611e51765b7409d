/**
 * Contact suggestions in the panel as a quarter manager reads them: one sentence of reasons in the
 * page's language (every partner once, no nested parentheses, no model terms), the strength as a
 * word, details on demand, a kind filter compared with the API, and the editors' verdicts
 * ("nicht hilfreich" takes the suggestion away in the API too). Headless Chromium, real server.
 */
import type { Page } from 'playwright-core';
import { batenbrock } from '../../../seed/batenbrock';
import {
  browserSuite,
  clickNode,
  openBrowser,
  shot,
  startViewerServer,
  waitReady,
  type ViewerBrowser,
  type ViewerServer,
} from './harness';

browserSuite('viewer: contact suggestions for a quarter manager', () => {
  jest.setTimeout(90_000);
  let server: ViewerServer;
  let browser: ViewerBrowser;
  let page: Page;

  const ask = async (query: string) => {
    const response = await fetch(`${server.base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...server.headers },
      body: JSON.stringify({ query }),
    });
    const body = await response.json();
    if (body.errors) throw new Error(JSON.stringify(body.errors));
    return body.data;
  };
  const items = () =>
    page.$$eval('#suggestions .suggestion', (els) =>
      els.map((el) => ({
        id: el.getAttribute('data-suggested')!,
        sentence: el.querySelector('.explanation')?.textContent ?? '',
        strength: el.querySelector('.score .value')?.textContent ?? '',
        detailsOpen: (el.querySelector('details') as HTMLDetailsElement | null)?.open ?? null,
        text: el.textContent ?? '',
      })),
    );

  beforeAll(async () => {
    server = await startViewerServer(batenbrock);
    browser = await openBrowser();
    page = browser.page;
    await page.goto(server.url('/'));
    await waitReady(page);
    await clickNode(page, 'actor:bobbie-ev');
    await page.waitForSelector('#suggestions .suggestion');
  });

  afterAll(async () => {
    await browser?.browser.close();
    await server?.close();
  });

  test('one short sentence, the strength as a word, details closed; every partner once, no nested parentheses', async () => {
    const list = await items();
    expect(list.length).toBeGreaterThan(2);
    for (const s of list) {
      expect(['stark', 'mittel', 'schwach']).toContain(s.strength);
      expect(s.detailsOpen).toBe(false);
      expect(s.sentence).toMatch(/^[A-ZÄÖÜ].*\.$/);
      expect(s.sentence).not.toMatch(/\([^)]*\(/);
      expect(s.sentence).not.toMatch(/Katz|Adamic|gewichtet|Punktzahl|\d+\.\d{2,}/);
      const names = /mit (.*?)(;|\.$)/.exec(s.sentence)?.[1].split(/, | und /) ?? [];
      expect(new Set(names).size).toBe(names.length);
    }
    expect(list[0].strength).toBe('stark');
    await page.click('#suggestions .suggestion >> nth=0 >> details summary');
    expect(await page.textContent('#suggestions .suggestion >> nth=0 >> .score-number')).toMatch(/^Punktzahl \d+,\d+$/);
    await shot(page, 'suggestions-de');
  });

  test('the kind filter asks the API for that kind only ("nur Vereine")', async () => {
    const api = await ask('{ suggestContacts(actorId: "bobbie-ev", first: 8, kinds: [ASSOCIATION]) { actor { id } } }');
    await page.selectOption('#suggest-kind', 'ASSOCIATION');
    await page.waitForFunction(
      (n) =>
        document.querySelectorAll('#suggestions .suggestion').length === n &&
        !document.querySelector('#suggestions .loading'),
      api.suggestContacts.length,
    );
    expect((await items()).map((s) => s.id)).toEqual(
      api.suggestContacts.map((s: { actor: { id: string } }) => s.actor.id),
    );
    await page.selectOption('#suggest-kind', '');
    await page.waitForFunction(
      () =>
        document.querySelectorAll('#suggestions .suggestion').length > 0 &&
        !document.querySelector('#suggestions .loading'),
    );
  });

  test('verdicts: "nicht hilfreich" removes it (in the API too), "vorgestellt" is recorded', async () => {
    const [first, second] = await items();
    await page.click(`#suggestions .suggestion[data-suggested="${first.id}"] [data-verdict="NOT_USEFUL"]`);
    await page.waitForFunction(
      (id) => !document.querySelector(`#suggestions .suggestion[data-suggested="${id}"]`),
      first.id,
    );
    const after = await ask('{ suggestContacts(actorId: "bobbie-ev", first: 30) { actor { id } } }');
    expect(after.suggestContacts.map((s: { actor: { id: string } }) => s.actor.id)).not.toContain(first.id);
    await page.click(`#suggestions .suggestion[data-suggested="${second.id}"] [data-verdict="INTRODUCED"]`);
    await page.waitForSelector(`#suggestions .suggestion[data-suggested="${second.id}"] .feedback-done`);
    const feedback = await ask('{ actor(id: "bobbie-ev") { suggestionFeedback { suggested { id } verdict } } }');
    expect(feedback.actor.suggestionFeedback).toEqual(
      expect.arrayContaining([
        { suggested: { id: second.id }, verdict: 'INTRODUCED' },
        { suggested: { id: first.id }, verdict: 'NOT_USEFUL' },
      ]),
    );
  });

  test('English mode: the reasons in English', async () => {
    await page.click('#lang');
    await page.waitForFunction(() =>
      /^(Both|Shared|They|Very|No)/.test(document.querySelector('#suggestions .explanation')?.textContent ?? ''),
    );
    const list = await items();
    for (const s of list) {
      expect(['strong', 'medium', 'weak']).toContain(s.strength);
      expect(s.sentence).not.toMatch(/beide|gemeinsame|Themen/);
    }
    await shot(page, 'suggestions-en');
    await page.click('#lang');
  });

  test('a viewer sees no verdict buttons', async () => {
    const other = await browser.context.newPage();
    await other.goto(server.url('/', await server.issueKey('viewer', 'VIEWER')));
    await waitReady(other);
    await other.waitForFunction(() => document.body.dataset.role === 'VIEWER');
    await clickNode(other, 'actor:bobbie-ev');
    await other.waitForSelector('#suggestions .suggestion');
    expect(await other.$$('#suggestions [data-verdict]')).toHaveLength(0);
    await other.close();
  });

  test('no console errors', () => {
    expect(browser.errors).toEqual([]);
  });
});
