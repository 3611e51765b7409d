/**
 * The update page (/update/#token=…): the person with a personal link confirms or corrects its
 * actor's entry, gives contact data with consent (or withdraws it) and names partners of the last
 * year. It talks only to /update-api/* with the token in the Authorization header; the token is
 * taken out of the address bar at once (kept for this tab in sessionStorage, so a reload works).
 * No map, nothing of other actors but their names to pick from. `document.body.dataset.state`:
 * loading | form | refused | thanks | error (for tests).
 */
import { KIND_LABELS, TEXTS, type Lang, type Texts } from './texts';

interface Entry {
  actor: {
    id: string;
    name: string;
    kind: string;
    description: string | null;
    website: string | null;
    district: string | null;
    topicIds: string[];
    contact: string | null;
  };
  topics: Array<{ id: string; name: string }>;
  actors: Array<{ id: string; name: string }>;
  consent: { version: string; text: { de: string; en: string }; active: boolean; givenAt: string | null };
  expiresAt: string;
}

interface PartnerDraft {
  name: string;
  about: string;
  when: string;
}

interface Draft {
  name: string;
  kind: string;
  description: string;
  website: string;
  district: string;
  topicIds: Set<string>;
  newTopics: string;
  contact: string;
  consent: boolean;
  partners: PartnerDraft[];
}

const TOKEN_KEY = 'quartiernetz-update-token';
/** German first; the button switches. */
let lang: Lang = 'de';
let t: Texts = TEXTS[lang];
let entry: Entry | null = null;
let draft: Draft | null = null;
let consentActive = false;
let state: 'loading' | 'form' | 'refused' | 'thanks' | 'error' = 'loading';
let refusal = '';

const main = document.getElementById('main')!;

function takeToken(): string {
  const match = /(?:^#|&)token=([^&]+)/.exec(location.hash);
  if (match) {
    sessionStorage.setItem(TOKEN_KEY, decodeURIComponent(match[1]!));
    history.replaceState(null, '', location.pathname + location.search);
  }
  return sessionStorage.getItem(TOKEN_KEY) ?? '';
}
const token = takeToken();
// Another link opened in the same tab changes only the fragment: start again with its token.
window.addEventListener('hashchange', () => {
  if (/(?:^#|&)token=/.test(location.hash)) {
    takeToken();
    location.reload();
  }
});

function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Partial<Record<string, string>> = {},
  ...children: Array<Node | string | null>
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(props)) if (v !== undefined) node.setAttribute(k, v);
  for (const c of children) if (c !== null) node.append(c);
  return node;
}

// The answer of each endpoint is read field by field where it is used.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

async function call(
  path: 'entry' | 'answer' | 'withdraw-consent',
  body: unknown = {},
): Promise<{ status: number; json: Json }> {
  const response = await fetch(`/update-api/${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify(body),
    credentials: 'omit',
    referrerPolicy: 'no-referrer',
  });
  let json: unknown = null;
  try {
    json = await response.json();
  } catch {
    json = null;
  }
  return { status: response.status, json };
}

const formatDate = (iso: string) =>
  new Date(iso).toLocaleDateString(lang === 'de' ? 'de-DE' : 'en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  });

function setState(next: typeof state): void {
  state = next;
  document.body.dataset.state = next;
}

function field(id: string, label: string, input: HTMLElement, hint?: string): HTMLElement {
  const wrap = el('div', { class: 'field' });
  wrap.append(el('label', { for: id }, label));
  if (hint) {
    input.setAttribute('aria-describedby', `${id}-hint`);
    wrap.append(el('p', { class: 'hint', id: `${id}-hint` }, hint));
  }
  wrap.append(input);
  return wrap;
}

function textInput(id: string, value: string, type = 'text', extra: Record<string, string> = {}): HTMLInputElement {
  const input = el('input', { id, type, ...extra });
  input.value = value;
  return input;
}

function collect(): void {
  if (!draft || state !== 'form') return;
  const value = (id: string) => (document.getElementById(id) as HTMLInputElement | null)?.value ?? '';
  draft.name = value('f-name');
  draft.kind = value('f-kind');
  draft.description = value('f-description');
  draft.website = value('f-website');
  draft.district = value('f-district');
  draft.newTopics = value('f-newtopics');
  draft.contact = value('f-contact');
  draft.consent = (document.getElementById('f-consent') as HTMLInputElement | null)?.checked ?? false;
  draft.topicIds = new Set(
    [...document.querySelectorAll<HTMLInputElement>('input[name="topic"]:checked')].map((i) => i.value),
  );
  draft.partners = draft.partners.map((_, i) => ({
    name: value(`p-${i}-name`),
    about: value(`p-${i}-about`),
    when: value(`p-${i}-when`),
  }));
}

function renderForm(focus?: string): void {
  const e = entry!;
  const d = draft!;
  main.replaceChildren();
  main.append(el('p', {}, t.intro(e.actor.name)), el('p', { class: 'hint' }, t.validUntil(formatDate(e.expiresAt))));
  const errors = el('div', { class: 'errors', id: 'errors', role: 'alert', tabindex: '-1' });
  main.append(errors);
  const form = el('form', { novalidate: '', id: 'update-form' });

  // The entry.
  const kind = el('select', { id: 'f-kind' });
  for (const [value, label] of Object.entries(KIND_LABELS[lang])) {
    const option = el('option', { value }, label);
    if (value === d.kind) option.selected = true;
    kind.append(option);
  }
  const description = el('textarea', { id: 'f-description', rows: '5' });
  description.value = d.description;
  const topics = el(
    'fieldset',
    { id: 'f-topics' },
    el('legend', {}, t.topics),
    el('p', { class: 'hint' }, t.topicsHint),
  );
  const checks = el('div', { class: 'checks' });
  for (const topic of e.topics) {
    const box = el('input', { type: 'checkbox', name: 'topic', value: topic.id, id: `t-${topic.id}` });
    box.checked = d.topicIds.has(topic.id);
    checks.append(el('label', { class: 'check', for: `t-${topic.id}` }, box, topic.name));
  }
  topics.append(checks, field('f-newtopics', t.newTopics, textInput('f-newtopics', d.newTopics), t.newTopicsHint));
  form.append(
    el(
      'fieldset',
      {},
      el('legend', {}, t.entry),
      field('f-name', t.name, textInput('f-name', d.name, 'text', { autocomplete: 'organization', required: '' })),
      field('f-kind', t.kind, kind),
      field('f-description', t.description, description, t.descriptionHint),
      field('f-website', t.website, textInput('f-website', d.website, 'url', { inputmode: 'url' }), t.websiteHint),
      field('f-district', t.district, textInput('f-district', d.district)),
      topics,
    ),
  );

  // Contact and consent.
  const contact = el('fieldset', { id: 'contact' }, el('legend', {}, t.contact));
  contact.append(
    field(
      'f-contact',
      t.contactField,
      textInput('f-contact', d.contact, 'text', { autocomplete: 'email' }),
      t.contactHint,
    ),
  );
  const consentBox = el('input', { type: 'checkbox', id: 'f-consent', 'aria-describedby': 'consent-text' });
  consentBox.checked = d.consent;
  contact.append(
    el(
      'div',
      { class: 'consent' },
      el('label', { class: 'check', for: 'f-consent' }, consentBox, t.consentLabel),
      el('p', { class: 'hint', id: 'consent-text' }, e.consent.text[lang]),
    ),
  );
  if (consentActive && e.consent.givenAt) {
    const withdraw = el('button', { type: 'button', class: 'danger', id: 'withdraw' }, t.withdraw);
    withdraw.addEventListener('click', () => void withdrawConsent());
    contact.append(el('p', {}, t.consentActive(formatDate(e.consent.givenAt))), withdraw);
  }
  form.append(contact);

  // Partners.
  const partners = el(
    'fieldset',
    { id: 'partners' },
    el('legend', {}, t.partners),
    el('p', { class: 'hint' }, t.partnersHint),
  );
  const names = el('datalist', { id: 'actor-names' });
  for (const a of e.actors) names.append(el('option', { value: a.name }));
  partners.append(names);
  d.partners.forEach((p, i) => {
    const row = el(
      'div',
      { class: 'partner', role: 'group', 'aria-labelledby': `p-${i}-title` },
      el('h3', { id: `p-${i}-title`, class: 'visually-hidden' }, t.partner(i + 1)),
    );
    row.append(
      field(
        `p-${i}-name`,
        t.partnerName,
        textInput(`p-${i}-name`, p.name, 'text', { list: 'actor-names', autocomplete: 'off' }),
      ),
      field(`p-${i}-about`, t.about, textInput(`p-${i}-about`, p.about)),
      field(`p-${i}-when`, t.when, textInput(`p-${i}-when`, p.when), t.whenHint),
    );
    const remove = el('button', { type: 'button', class: 'remove' }, t.removePartner(i + 1));
    remove.addEventListener('click', () => {
      collect();
      d.partners.splice(i, 1);
      renderForm(d.partners.length > 0 ? `p-${Math.max(0, i - 1)}-name` : 'add-partner');
    });
    row.append(el('div', { class: 'actions' }, remove));
    partners.append(row);
  });
  const add = el('button', { type: 'button', id: 'add-partner' }, t.addPartner);
  add.addEventListener('click', () => {
    collect();
    d.partners.push({ name: '', about: '', when: '' });
    renderForm(`p-${d.partners.length - 1}-name`);
  });
  partners.append(el('div', { class: 'actions' }, add));
  form.append(partners);

  const send = el('button', { type: 'submit', class: 'primary', id: 'send' }, t.send);
  form.append(el('div', { class: 'actions' }, send));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void submit();
  });
  main.append(form);
  if (focus) document.getElementById(focus)?.focus();
}

const FIELD_IDS: Array<[RegExp, (m: RegExpExecArray) => string]> = [
  [/^fields\.(name|kind|description|website|district)$/, (m) => `f-${m[1]}`],
  [/^contact\.consent$/, () => 'f-consent'],
  [/^contact/, () => 'f-contact'],
  [/^newTopics/, () => 'f-newtopics'],
  [/^topicIds/, () => 't-first'],
  [/^partners\[(\d+)\]\.(actorId|name)$/, (m) => `p-${m[1]}-name`],
  [/^partners\[(\d+)\]\.(about|when)$/, (m) => `p-${m[1]}-${m[2]}`],
];

function showErrors(items: Array<{ id: string; message: string }>): void {
  const box = document.getElementById('errors')!;
  box.replaceChildren();
  for (const input of document.querySelectorAll('[aria-invalid="true"]')) input.removeAttribute('aria-invalid');
  if (items.length === 0) return;
  const list = el('ul');
  for (const item of items) {
    const target = document.getElementById(item.id);
    target?.setAttribute('aria-invalid', 'true');
    const link = el('a', { href: `#${item.id}` }, item.message);
    link.addEventListener('click', (event) => {
      event.preventDefault();
      target?.focus();
    });
    list.append(el('li', {}, link));
  }
  box.append(el('p', {}, el('strong', {}, t.errorsTitle)), list);
  box.focus();
}

function labelOf(id: string): string {
  return document.querySelector(`label[for="${id}"]`)?.textContent ?? '';
}

async function submit(): Promise<void> {
  collect();
  const d = draft!;
  const e = entry!;
  const problems: Array<{ id: string; message: string }> = [];
  if (d.contact.trim() && !d.consent) problems.push({ id: 'f-consent', message: t.consentMissing });
  const byName = new Map(e.actors.map((a) => [a.name.toLocaleLowerCase('de'), a.id]));
  const partners = d.partners
    .map((p, i) => ({ ...p, i }))
    .filter((p) => p.name.trim() || p.about.trim() || p.when.trim());
  for (const p of partners)
    if (!p.about.trim()) problems.push({ id: `p-${p.i}-about`, message: `${t.partner(p.i + 1)}: ${t.aboutMissing}` });
  if (problems.length > 0) return showErrors(problems);
  const body = {
    fields: { name: d.name, kind: d.kind, description: d.description, website: d.website, district: d.district },
    topicIds: [...d.topicIds],
    newTopics: d.newTopics
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
    contact: d.contact.trim() ? { value: d.contact, consent: d.consent } : null,
    partners: partners.map((p) => {
      const id = byName.get(p.name.trim().toLocaleLowerCase('de'));
      return { ...(id ? { actorId: id } : { name: p.name }), about: p.about, when: p.when || null };
    }),
  };
  const send = document.getElementById('send') as HTMLButtonElement;
  send.disabled = true;
  send.textContent = t.sending;
  try {
    const { status, json } = await call('answer', body);
    if (status === 200) return showThanks();
    if (status === 401) return showRefused(json?.error?.code);
    send.disabled = false;
    send.textContent = t.send;
    if (status === 429) return showErrors([{ id: 'send', message: t.tooMany }]);
    const fieldName: string = json?.error?.field ?? '';
    const match = FIELD_IDS.map(([re, to]) => {
      const m = re.exec(fieldName);
      return m ? to(m) : null;
    }).find(Boolean);
    const id =
      match === 't-first' ? (document.querySelector('input[name="topic"]')?.id ?? 'f-newtopics') : (match ?? 'send');
    showErrors([{ id, message: `${labelOf(id) || t.failed}: ${json?.error?.message ?? t.failed}` }]);
  } catch {
    send.disabled = false;
    send.textContent = t.send;
    showErrors([{ id: 'send', message: t.failed }]);
  }
}

async function withdrawConsent(): Promise<void> {
  collect();
  const { status, json } = await call('withdraw-consent');
  if (status === 401) return showRefused(json?.error?.code);
  if (status !== 200) return showErrors([{ id: 'withdraw', message: t.failed }]);
  consentActive = false;
  draft!.contact = '';
  draft!.consent = false;
  renderForm();
  const notice = el('p', { class: 'notice ok', role: 'status', id: 'withdrawn' }, t.withdrawn);
  document.getElementById('contact')!.append(notice);
  document.getElementById('f-contact')!.focus();
}

function showThanks(): void {
  setState('thanks');
  main.replaceChildren(
    el('div', { class: 'notice ok' }, el('h2', { id: 'thanks', tabindex: '-1' }, t.thanks), el('p', {}, t.thanksText)),
  );
  document.getElementById('thanks')!.focus();
}

function showRefused(code: string | undefined): void {
  refusal = code && t.refused[code] ? code : 'LINK_UNKNOWN';
  setState('refused');
  main.replaceChildren(
    el(
      'div',
      { class: 'notice bad', 'data-code': refusal },
      el('h2', { id: 'refused', tabindex: '-1' }, t.refusedTitle),
      el('p', {}, t.refused[refusal]!),
    ),
  );
  document.getElementById('refused')!.focus();
}

function render(): void {
  document.documentElement.lang = lang;
  document.title = t.title;
  document.getElementById('title')!.textContent = t.title;
  const button = document.getElementById('lang')!;
  button.textContent = t.switchLang;
  button.setAttribute('lang', lang === 'de' ? 'en' : 'de');
  if (state === 'form') renderForm();
  else if (state === 'thanks') showThanks();
  else if (state === 'refused') showRefused(refusal);
  else if (state === 'loading') main.replaceChildren(el('p', { id: 'status', role: 'status' }, t.loading));
  else main.replaceChildren(el('p', { class: 'notice bad', role: 'alert' }, t.failed));
}

document.getElementById('lang')!.addEventListener('click', () => {
  collect();
  lang = lang === 'de' ? 'en' : 'de';
  t = TEXTS[lang];
  render();
});

async function start(): Promise<void> {
  render();
  if (!token) return showRefused('LINK_UNKNOWN');
  try {
    const { status, json } = await call('entry');
    if (status === 401) return showRefused(json?.error?.code);
    if (status !== 200) {
      setState('error');
      return render();
    }
    entry = json as Entry;
    consentActive = entry.consent.active;
    const a = entry.actor;
    draft = {
      name: a.name,
      kind: a.kind,
      description: a.description ?? '',
      website: a.website ?? '',
      district: a.district ?? '',
      topicIds: new Set(a.topicIds),
      newTopics: '',
      contact: a.contact ?? '',
      consent: false,
      partners: [{ name: '', about: '', when: '' }],
    };
    setState('form');
    render();
  } catch {
    setState('error');
    render();
  }
}

void start();
