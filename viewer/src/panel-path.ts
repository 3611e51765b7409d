/** The panel's "how are they connected?" section: a picker for the other actor and the chain found. */
import type { ActorRef, Chain } from './api';
import { h } from './dom';
import { count, t } from './i18n';
import { actorButton, dateRange, errorLine, loadingLine, type Load, type SelectActor } from './panel-sections';
import type { ActorPicker } from './picker';

export interface PathResult {
  target: ActorRef;
  result: Load<Chain | null>;
}

export function pathSection(
  picker: ActorPicker,
  path: PathResult | null,
  fromName: string,
  select: SelectActor,
): HTMLElement {
  const section = h('section', { class: 'path' }, h('h3', {}, t('panel.path')));
  const input = picker.input;
  input.setAttribute('placeholder', t('panel.pathTo'));
  input.setAttribute('aria-label', t('panel.pathTo'));
  section.append(h('div', { class: 'picker' }, input, picker.list), h('p', { class: 'hint' }, t('panel.pathHint')));
  if (!path) return section;
  const r = path.result;
  if (r.state === 'loading') section.append(loadingLine());
  else if (r.state === 'error') section.append(errorLine(r.message));
  else if (!r.value)
    section.append(
      h('p', { class: 'hint', id: 'path-result' }, t('panel.pathNone', { a: fromName, b: path.target.name })),
    );
  else {
    const chain = r.value;
    section.append(
      h(
        'p',
        { class: 'meta', id: 'path-result', 'data-length': chain.length },
        t('panel.pathLength', { n: count('step', chain.length) }),
      ),
      h(
        'ol',
        { class: 'chain' },
        ...chain.steps.map((s) =>
          h(
            'li',
            {},
            actorButton(s.from, select),
            h(
              'span',
              { class: 'via' },
              `→ ${t('panel.via', { title: s.collaboration.title })} ${dateRange(s.collaboration.startDate, null)}`,
            ),
            actorButton(s.to, select),
          ),
        ),
      ),
    );
  }
  return section;
}
