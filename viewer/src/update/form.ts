/** The update page's form: the entry, contact and consent, partners; reading it back; its errors. */
import { el, formatDate, main, page } from './page';
import { KIND_LABELS } from './texts';

/** What the form's buttons do beyond the form itself. */
export interface FormActions {
  submit(): Promise<void>;
  withdrawConsent(): Promise<void>;
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

/** Reads what is typed into the draft (before the form is drawn again). */
export function collect(): void {
  const draft = page.draft;
  if (!draft || page.state !== 'form') return;
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

export function renderForm(actions: FormActions, focus?: string): void {
  const { t, lang } = page;
  const e = page.entry!;
  main.replaceChildren();
  main.append(el('p', {}, t.intro(e.actor.name)), el('p', { class: 'hint' }, t.validUntil(formatDate(e.expiresAt))));
  const errors = el('div', { class: 'errors', id: 'errors', role: 'alert', tabindex: '-1' });
  main.append(errors);
  const form = el('form', { novalidate: '', id: 'update-form' });
  form.append(entryFields(), contactFields(actions), partnerFields(actions));
  const send = el('button', { type: 'submit', class: 'primary', id: 'send' }, t.send);
  form.append(el('div', { class: 'actions' }, send));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void actions.submit();
  });
  main.append(form);
  if (focus) document.getElementById(focus)?.focus();

  function entryFields(): HTMLElement {
    const d = page.draft!;
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
    return el(
      'fieldset',
      {},
      el('legend', {}, t.entry),
      field('f-name', t.name, textInput('f-name', d.name, 'text', { autocomplete: 'organization', required: '' })),
      field('f-kind', t.kind, kind),
      field('f-description', t.description, description, t.descriptionHint),
      field('f-website', t.website, textInput('f-website', d.website, 'url', { inputmode: 'url' }), t.websiteHint),
      field('f-district', t.district, textInput('f-district', d.district)),
      topics,
    );
  }
}

function contactFields(actions: FormActions): HTMLElement {
  const { t, lang } = page;
  const e = page.entry!;
  const d = page.draft!;
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
  if (page.consentActive && e.consent.givenAt) {
    const withdraw = el('button', { type: 'button', class: 'danger', id: 'withdraw' }, t.withdraw);
    withdraw.addEventListener('click', () => void actions.withdrawConsent());
    contact.append(el('p', {}, t.consentActive(formatDate(e.consent.givenAt))), withdraw);
  }
  return contact;
}

function partnerFields(actions: FormActions): HTMLElement {
  const { t } = page;
  const e = page.entry!;
  const d = page.draft!;
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
      renderForm(actions, d.partners.length > 0 ? `p-${Math.max(0, i - 1)}-name` : 'add-partner');
    });
    row.append(el('div', { class: 'actions' }, remove));
    partners.append(row);
  });
  const add = el('button', { type: 'button', id: 'add-partner' }, t.addPartner);
  add.addEventListener('click', () => {
    collect();
    d.partners.push({ name: '', about: '', when: '' });
    renderForm(actions, `p-${d.partners.length - 1}-name`);
  });
  partners.append(el('div', { class: 'actions' }, add));
  return partners;
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

/** The form control an API error's `field` is about ('send' where none fits). */
export function controlOf(apiField: string): string {
  const match = FIELD_IDS.map(([re, to]) => {
    const m = re.exec(apiField);
    return m ? to(m) : null;
  }).find(Boolean);
  return match === 't-first' ? (document.querySelector('input[name="topic"]')?.id ?? 'f-newtopics') : (match ?? 'send');
}

export function labelOf(id: string): string {
  return document.querySelector(`label[for="${id}"]`)?.textContent ?? '';
}

export function showErrors(items: Array<{ id: string; message: string }>): void {
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
  box.append(el('p', {}, el('strong', {}, page.t.errorsTitle)), list);
  box.focus();
}
