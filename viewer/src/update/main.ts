/**
 * The update page (/update/#token=…): the person with a personal link confirms or corrects its
 * actor's entry, gives contact data with consent (or withdraws it) and names partners of the last
 * year. It talks only to /update-api/* with the token in the Authorization header (call.ts); the
 * form is form.ts, the page's state page.ts. No map, nothing of other actors but their names to
 * pick from. `document.body.dataset.state`: loading | form | refused | thanks | error (for tests).
 */
import { call, takeToken } from './call';
import { collect, controlOf, labelOf, renderForm, showErrors, type FormActions } from './form';
import { el, main, page, setState, type Entry } from './page';
import { TEXTS } from './texts';

const token = takeToken();
// Another link opened in the same tab changes only the fragment: start again with its token.
window.addEventListener('hashchange', () => {
  if (/(?:^#|&)token=/.test(location.hash)) {
    takeToken();
    location.reload();
  }
});

const actions: FormActions = { submit, withdrawConsent };

async function submit(): Promise<void> {
  const { t } = page;
  collect();
  const d = page.draft!;
  const e = page.entry!;
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
    const id = controlOf(json?.error?.field ?? '');
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
  if (status !== 200) return showErrors([{ id: 'withdraw', message: page.t.failed }]);
  page.consentActive = false;
  page.draft!.contact = '';
  page.draft!.consent = false;
  renderForm(actions);
  const notice = el('p', { class: 'notice ok', role: 'status', id: 'withdrawn' }, page.t.withdrawn);
  document.getElementById('contact')!.append(notice);
  document.getElementById('f-contact')!.focus();
}

function showThanks(): void {
  const { t } = page;
  setState('thanks');
  main.replaceChildren(
    el('div', { class: 'notice ok' }, el('h2', { id: 'thanks', tabindex: '-1' }, t.thanks), el('p', {}, t.thanksText)),
  );
  document.getElementById('thanks')!.focus();
}

function showRefused(code: string | undefined): void {
  const { t } = page;
  page.refusal = code && t.refused[code] ? code : 'LINK_UNKNOWN';
  setState('refused');
  main.replaceChildren(
    el(
      'div',
      { class: 'notice bad', 'data-code': page.refusal },
      el('h2', { id: 'refused', tabindex: '-1' }, t.refusedTitle),
      el('p', {}, t.refused[page.refusal]!),
    ),
  );
  document.getElementById('refused')!.focus();
}

function render(): void {
  const { t, lang, state } = page;
  document.documentElement.lang = lang;
  document.title = t.title;
  document.getElementById('title')!.textContent = t.title;
  const button = document.getElementById('lang')!;
  button.textContent = t.switchLang;
  button.setAttribute('lang', lang === 'de' ? 'en' : 'de');
  if (state === 'form') renderForm(actions);
  else if (state === 'thanks') showThanks();
  else if (state === 'refused') showRefused(page.refusal);
  else if (state === 'loading') main.replaceChildren(el('p', { id: 'status', role: 'status' }, t.loading));
  else main.replaceChildren(el('p', { class: 'notice bad', role: 'alert' }, t.failed));
}

document.getElementById('lang')!.addEventListener('click', () => {
  collect();
  page.lang = page.lang === 'de' ? 'en' : 'de';
  page.t = TEXTS[page.lang];
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
    const entry = json as Entry;
    page.entry = entry;
    page.consentActive = entry.consent.active;
    const a = entry.actor;
    page.draft = {
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
