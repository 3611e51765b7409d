/**
 * The small form that asks for an API key when the API answers UNAUTHENTICATED: no key yet, or
 * the one given was refused (unknown, revoked — then it is forgotten). A key entered here is
 * kept like one from the link (auth.ts) and the page starts again with it.
 */
import { forgetApiKey, setApiKey } from './auth';
import { byId, h } from './dom';
import { t } from './i18n';

export function showKeyPrompt(refused: boolean): void {
  const form = byId<HTMLFormElement>('key-prompt');
  if (!form.hidden) return; // several requests fail at once: the first one says why
  if (refused) forgetApiKey();
  document.body.dataset.auth = refused ? 'refused' : 'missing';
  const input = h('input', {
    type: 'password',
    id: 'key-input',
    autocomplete: 'off',
    spellcheck: 'false',
    required: true,
    placeholder: 'qn_…',
  });
  form.replaceChildren(
    h('h2', { id: 'key-title' }, t('key.title')),
    h('p', { id: 'key-reason', role: 'alert' }, refused ? t('key.refused') : t('key.missing')),
    h('label', { for: 'key-input' }, t('key.label')),
    input,
    h('button', { type: 'submit', id: 'key-submit' }, t('key.submit')),
  );
  form.onsubmit = (ev) => {
    ev.preventDefault();
    const key = input.value.trim();
    if (!key) return;
    setApiKey(key);
    location.reload();
  };
  form.hidden = false;
  input.focus();
}
