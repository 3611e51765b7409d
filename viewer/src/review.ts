/**
 * The review of update-link answers in the map page (docs/update-links.md), for editors: a header
 * button "Rückmeldungen (n)" opens a dialog listing the pending proposals by answer; each can be
 * accepted (a partnership with the kind of collaboration, and for a partner only named the kind of
 * actor to create) or rejected, or all of one answer rejected. Its texts are its own (German first).
 * Accepted changes reach the map with its next load.
 */
import { gql } from './api';
import { ACCEPT, PENDING, REJECT, REJECT_ALL } from './queries';
import { canSeeContact } from './auth';
import { h } from './dom';
import { currentLang, onLangChange } from './i18n';

interface Proposal {
  id: string;
  answerId: string;
  kind: 'FIELD' | 'ADD_TOPIC' | 'REMOVE_TOPIC' | 'NEW_TOPIC' | 'PARTNERSHIP';
  field: string | null;
  value: string;
  createdAt: string;
  actor: { id: string; name: string } | null;
}

const TEXTS = {
  de: {
    button: (n: number) => `Rückmeldungen (${n})`,
    title: 'Rückmeldungen über persönliche Links',
    intro: 'Nichts davon steht bisher im Netz. Übernommene Änderungen werden mit dem Link als Autor gespeichert.',
    none: 'Keine offenen Rückmeldungen.',
    close: 'Schließen',
    accept: 'Übernehmen',
    reject: 'Ablehnen',
    rejectAll: 'Alle Vorschläge dieser Rückmeldung ablehnen',
    from: (name: string, date: string) => `${name} – Rückmeldung vom ${date}`,
    field: (field: string, value: string) => `${FIELD_NAMES.de[field] ?? field}: ${value || '(leer)'}`,
    addTopic: (v: string) => `Thema hinzufügen: ${v}`,
    removeTopic: (v: string) => `Thema entfernen: ${v}`,
    newTopic: (v: string) => `Neues Thema vorschlagen: ${v}`,
    partnership: (name: string, about: string, when: string | null) =>
      `Zusammenarbeit mit ${name}: ${about}${when ? ` (${when})` : ''}`,
    collaborationKind: 'Art der Zusammenarbeit',
    partnerKind: 'Partner ist noch nicht im Netz – anlegen als',
    failed: 'Das hat nicht geklappt:',
  },
  en: {
    button: (n: number) => `Answers (${n})`,
    title: 'Answers through personal links',
    intro: 'None of this is in the network yet. Accepted changes are stored with the link as author.',
    none: 'No open answers.',
    close: 'Close',
    accept: 'Accept',
    reject: 'Reject',
    rejectAll: 'Reject every proposal of this answer',
    from: (name: string, date: string) => `${name} – answer of ${date}`,
    field: (field: string, value: string) => `${FIELD_NAMES.en[field] ?? field}: ${value || '(empty)'}`,
    addTopic: (v: string) => `Add topic: ${v}`,
    removeTopic: (v: string) => `Remove topic: ${v}`,
    newTopic: (v: string) => `Propose new topic: ${v}`,
    partnership: (name: string, about: string, when: string | null) =>
      `Collaboration with ${name}: ${about}${when ? ` (${when})` : ''}`,
    collaborationKind: 'Kind of collaboration',
    partnerKind: 'Partner not in the network yet – create as',
    failed: 'That did not work:',
  },
};

const FIELD_NAMES: Record<'de' | 'en', Record<string, string>> = {
  de: {
    name: 'Name',
    kind: 'Art',
    description: 'Beschreibung',
    website: 'Website',
    district: 'Stadtteil',
    contact: 'Kontakt',
  },
  en: {
    name: 'Name',
    kind: 'Kind',
    description: 'Description',
    website: 'Website',
    district: 'District',
    contact: 'Contact',
  },
};

const COLLABORATION_KINDS: Record<'de' | 'en', Array<[string, string]>> = {
  de: [
    ['COOPERATION', 'Kooperation'],
    ['PROJECT', 'Projekt'],
    ['EVENT', 'Veranstaltung'],
    ['WORKING_GROUP', 'Arbeitskreis'],
    ['MEETING', 'Treffen'],
  ],
  en: [
    ['COOPERATION', 'Cooperation'],
    ['PROJECT', 'Project'],
    ['EVENT', 'Event'],
    ['WORKING_GROUP', 'Working group'],
    ['MEETING', 'Meeting'],
  ],
};
const ACTOR_KINDS: Record<'de' | 'en', Array<[string, string]>> = {
  de: [
    ['INITIATIVE', 'Initiative'],
    ['ASSOCIATION', 'Verein'],
    ['BUSINESS', 'Unternehmen'],
    ['INSTITUTION', 'Einrichtung'],
    ['GROUP', 'Gruppe'],
    ['PERSON', 'Person'],
  ],
  en: [
    ['INITIATIVE', 'Initiative'],
    ['ASSOCIATION', 'Association'],
    ['BUSINESS', 'Business'],
    ['INSTITUTION', 'Institution'],
    ['GROUP', 'Group'],
    ['PERSON', 'Person'],
  ],
};

/** Adds the review button for editors (role EDITOR or ADMIN). */
export async function mountReview(): Promise<void> {
  if (!(await canSeeContact())) return;
  const t = () => TEXTS[currentLang()];
  let proposals: Proposal[] = [];
  const button = h('button', { type: 'button', id: 'review-open', class: 'review-open' });
  const dialog = h('dialog', { id: 'review', 'aria-labelledby': 'review-title', class: 'review' });
  document.body.append(dialog);
  document.getElementById('lang')?.before(button);

  const load = async () => {
    proposals = (await gql<{ updateProposals: Proposal[] }>(PENDING)).updateProposals;
    render();
  };

  const select = (id: string, options: Array<[string, string]>) =>
    h(
      'select',
      { id },
      options.map(([value, text]) => h('option', { value }, text)),
    );

  const describe = (p: Proposal): string => {
    const value = JSON.parse(p.value) as unknown;
    if (p.kind === 'FIELD') return t().field(p.field ?? '', String(value ?? ''));
    if (p.kind === 'ADD_TOPIC') return t().addTopic(String(value));
    if (p.kind === 'REMOVE_TOPIC') return t().removeTopic(String(value));
    if (p.kind === 'NEW_TOPIC') return t().newTopic(String(value));
    const v = value as { partnerName: string; about: string; when: string | null };
    return t().partnership(v.partnerName, v.about, v.when);
  };

  const act = async (work: () => Promise<unknown>, status: HTMLElement) => {
    try {
      await work();
      await load();
    } catch (error) {
      status.textContent = `${t().failed} ${error instanceof Error ? error.message : String(error)}`;
    }
  };

  function render(): void {
    const text = t();
    button.textContent = text.button(proposals.length);
    const status = h('p', { role: 'status', class: 'review-status' });
    const answers = new Map<string, Proposal[]>();
    for (const p of proposals) answers.set(p.answerId, [...(answers.get(p.answerId) ?? []), p]);
    const sections = [...answers.entries()].map(([answerId, list]) => {
      const first = list[0]!;
      const date = new Date(first.createdAt).toLocaleDateString(currentLang() === 'de' ? 'de-DE' : 'en-GB');
      return h(
        'section',
        { class: 'review-answer', 'aria-labelledby': `answer-${answerId}` },
        h('h3', { id: `answer-${answerId}` }, text.from(first.actor?.name ?? '?', date)),
        h(
          'ul',
          {},
          list.map((p) => {
            const partnership = p.kind === 'PARTNERSHIP' ? (JSON.parse(p.value) as { partnerId: string | null }) : null;
            const controls: HTMLElement[] = [];
            if (partnership) {
              controls.push(
                h('label', { for: `kind-${p.id}` }, text.collaborationKind),
                select(`kind-${p.id}`, COLLABORATION_KINDS[currentLang()]),
              );
              if (!partnership.partnerId)
                controls.push(
                  h('label', { for: `partner-${p.id}` }, text.partnerKind),
                  select(`partner-${p.id}`, ACTOR_KINDS[currentLang()]),
                );
            }
            const accept = () => {
              const input: Record<string, unknown> = { id: p.id };
              if (partnership) {
                input.collaborationKind = (document.getElementById(`kind-${p.id}`) as HTMLSelectElement).value;
                if (!partnership.partnerId)
                  input.partnerKind = (document.getElementById(`partner-${p.id}`) as HTMLSelectElement).value;
              }
              return gql(ACCEPT, { input });
            };
            return h(
              'li',
              { class: 'review-proposal' },
              h('p', {}, describe(p)),
              controls,
              h(
                'div',
                { class: 'review-actions' },
                h('button', { type: 'button', class: 'primary', onclick: () => void act(accept, status) }, text.accept),
                h(
                  'button',
                  {
                    type: 'button',
                    onclick: () => void act(() => gql(REJECT, { id: p.id }), status),
                  },
                  text.reject,
                ),
              ),
            );
          }),
        ),
        h(
          'button',
          {
            type: 'button',
            onclick: () => void act(() => gql(REJECT_ALL, { id: answerId }), status),
          },
          text.rejectAll,
        ),
      );
    });
    dialog.replaceChildren(
      h('h2', { id: 'review-title' }, text.title),
      h('p', {}, text.intro),
      status,
      ...(sections.length > 0 ? sections : [h('p', {}, text.none)]),
      h('button', { type: 'button', id: 'review-close', onclick: () => dialog.close() }, text.close),
    );
  }

  button.addEventListener('click', () => {
    dialog.showModal();
    void load();
  });
  onLangChange(render);
  await load().catch(() => render());
}
