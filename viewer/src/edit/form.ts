/**
 * A small form helper for the editing dialogs: labelled fields with a hint and an error line next
 * to each (aria-describedby, aria-invalid), client checks (required, web address, date), the API's
 * refusal shown at the field it names (`extensions.field`, mapped by the caller), a busy state while
 * saving, Ctrl+Enter to save from anywhere in the form; and a modal dialog (focus stays inside,
 * Esc closes, focus returns to where it was).
 */
import { h } from '../dom';
import { EditError } from './api';
import { et } from './strings';

let counter = 0;

export type Control = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;

export interface FieldSpec {
  name: string;
  label: string;
  type?: 'text' | 'url' | 'date' | 'textarea' | 'select';
  required?: boolean;
  value?: string | null;
  options?: Array<{ value: string; label: string }>;
  hint?: string;
  placeholder?: string;
  /** A control made elsewhere (topic picker, participants): labelled and given an error line. */
  custom?: HTMLElement;
  /** The element inside `custom` the label points at and that gets focus on an error. */
  focusable?: HTMLElement;
}

interface Field {
  spec: FieldSpec;
  wrapper: HTMLElement;
  control: Control | null;
  focusable: HTMLElement;
  error: HTMLElement;
}

/** "14.11.2025", "14.11.25" or "2025-11-14" → "2025-11-14"; '' → null; anything else → undefined. */
export function parseDate(text: string): string | null | undefined {
  const s = text.trim();
  if (!s) return null;
  let y: number, m: number, d: number;
  let match = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s);
  if (match) [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  else if ((match = /^(\d{1,2})\.(\d{1,2})\.(\d{2}|\d{4})$/.exec(s))) {
    [d, m, y] = [Number(match[1]), Number(match[2]), Number(match[3])];
    if (y < 100) y += 2000;
  } else return undefined;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return undefined;
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

export function formatDateInput(iso: string | null): string {
  if (!iso) return '';
  const [y, m, d] = iso.split('-');
  return `${d}.${m}.${y}`;
}

/**
 * The API's messages are English; the common refusals are said in the page's language (the API's
 * words for the rest).
 */
function inOwnWords(field: string, code: string, message: string): string {
  if (field === 'website') return et('edit.badUrl');
  if (field === 'topics' && code === 'CONFLICT')
    return et('topic.exists', { name: /"([^"]+)"/.exec(message)?.[1] ?? '' });
  if ((field === 'start' || field === 'end') && /before|after/i.test(message)) return et('edit.endBeforeStart');
  if (field === 'start' || field === 'end') return et('edit.badDate');
  if (/must not be blank|should not be empty|longer than or equal to 1/.test(message)) return et('edit.required');
  return message;
}

export class Form {
  readonly element: HTMLFormElement;
  readonly body: HTMLElement;
  private readonly fields = new Map<string, Field>();
  private readonly formError: HTMLElement;
  readonly status: HTMLElement;
  readonly submit: HTMLButtonElement;
  private busyNow = false;

  constructor(
    private readonly options: {
      id: string;
      submitLabel?: string;
      onSubmit: () => Promise<void>;
      onCancel?: () => void;
    },
  ) {
    this.body = h('div', { class: 'edit-fields' });
    this.formError = h('p', { class: 'form-error', role: 'alert', hidden: true, id: `${options.id}-error` });
    this.status = h('p', { class: 'form-status', role: 'status', 'aria-live': 'polite' });
    this.submit = h(
      'button',
      { type: 'submit', class: 'primary', id: `${options.id}-save` },
      options.submitLabel ?? et('edit.save'),
    );
    const cancel = options.onCancel
      ? h('button', { type: 'button', class: 'secondary', onclick: () => options.onCancel!() }, et('edit.cancel'))
      : null;
    this.element = h(
      'form',
      { class: 'edit-form', id: options.id, novalidate: true },
      this.body,
      this.formError,
      h('div', { class: 'form-actions' }, this.submit, cancel),
      this.status,
    );
    this.element.addEventListener('submit', (ev) => {
      ev.preventDefault();
      void this.run();
    });
    this.element.addEventListener('keydown', (ev) => {
      if (ev.key === 'Enter' && (ev.ctrlKey || ev.metaKey)) {
        ev.preventDefault();
        void this.run();
      }
    });
  }

  get busy(): boolean {
    return this.busyNow;
  }

  /** Adds a labelled field; answers its control (or the custom element). */
  add(spec: FieldSpec, parent: HTMLElement = this.body): HTMLElement {
    const id = `${this.options.id}-${spec.name}`;
    const errorId = `${id}-error`;
    const hintId = `${id}-hint`;
    let control: Control | null = null;
    if (spec.custom) {
      // labelled by the label element; the inner focusable control gets the id
    } else if (spec.type === 'textarea') {
      control = h('textarea', { id, name: spec.name, rows: 3, placeholder: spec.placeholder });
    } else if (spec.type === 'select') {
      control = h(
        'select',
        { id, name: spec.name },
        ...(spec.options ?? []).map((o) => h('option', { value: o.value }, o.label)),
      );
    } else {
      control = h('input', {
        id,
        name: spec.name,
        type: spec.type === 'url' ? 'url' : 'text',
        autocomplete: 'off',
        placeholder: spec.placeholder,
        inputmode: spec.type === 'date' ? 'numeric' : null,
      });
    }
    if (control) {
      control.value = spec.value ?? (spec.type === 'select' ? (spec.options?.[0]?.value ?? '') : '');
      if (spec.required) control.setAttribute('aria-required', 'true');
    }
    const focusable = control ?? spec.focusable ?? spec.custom!;
    if (!control && spec.focusable && !spec.focusable.id) spec.focusable.id = id;
    const labelFor = control ? id : (spec.focusable?.id ?? id);
    const error = h('p', { class: 'field-error', id: errorId, hidden: true });
    const hint = spec.hint ? h('p', { class: 'field-hint', id: hintId }, spec.hint) : null;
    focusable.setAttribute('aria-describedby', [hint ? hintId : '', errorId].filter(Boolean).join(' '));
    const wrapper = h(
      'div',
      { class: 'field', 'data-field': spec.name },
      h(
        'label',
        { for: labelFor },
        spec.label,
        spec.required ? h('span', { class: 'req', 'aria-hidden': 'true' }, ' *') : null,
      ),
      control ?? spec.custom!,
      hint,
      error,
    );
    parent.append(wrapper);
    this.fields.set(spec.name, { spec, wrapper, control, focusable, error });
    return control ?? spec.custom!;
  }

  control(name: string): Control {
    const f = this.fields.get(name);
    if (!f?.control) throw new Error(`no field ${name}`);
    return f.control;
  }

  /** The trimmed value; '' is null. */
  value(name: string): string | null {
    const v = this.control(name).value.trim();
    return v === '' ? null : v;
  }

  setError(name: string, message: string): void {
    const f = this.fields.get(name);
    if (!f) return this.setFormError(message);
    f.error.textContent = message;
    f.error.hidden = false;
    f.wrapper.classList.add('invalid');
    f.focusable.setAttribute('aria-invalid', 'true');
  }

  setFormError(message: string): void {
    this.formError.textContent = message;
    this.formError.hidden = false;
  }

  clearErrors(): void {
    this.formError.hidden = true;
    this.formError.textContent = '';
    for (const f of this.fields.values()) {
      f.error.hidden = true;
      f.error.textContent = '';
      f.wrapper.classList.remove('invalid');
      f.focusable.removeAttribute('aria-invalid');
    }
  }

  /** The client's own checks: required fields, web addresses, dates. Answers whether all passed. */
  check(): boolean {
    let ok = true;
    for (const [name, f] of this.fields) {
      if (!f.control) continue;
      const v = f.control.value.trim();
      if (f.spec.required && !v) {
        this.setError(name, et('edit.required'));
        ok = false;
      } else if (f.spec.type === 'url' && v && !/^https?:\/\/[^\s/]+\.[^\s]+$/i.test(v)) {
        this.setError(name, et('edit.badUrl'));
        ok = false;
      } else if (f.spec.type === 'date' && parseDate(v) === undefined) {
        this.setError(name, et('edit.badDate'));
        ok = false;
      }
    }
    return ok;
  }

  /** Focuses the first field with an error (or the form's error line). */
  focusFirstError(): void {
    for (const f of this.fields.values()) {
      if (f.wrapper.classList.contains('invalid')) return f.focusable.focus();
    }
  }

  /**
   * Shows a refused write: at the field `fieldOf` maps the API's field to (else above the buttons),
   * with a general line saying nothing was stored.
   */
  showApiError(error: unknown, fieldOf: (apiField: string) => string | null): void {
    if (error instanceof EditError) {
      const problems = error.problems.length
        ? error.problems
        : error.field
          ? [{ field: error.field, messages: [error.message] }]
          : [];
      let placed = false;
      for (const p of problems) {
        const name = fieldOf(p.field);
        if (name && this.fields.has(name)) {
          this.setError(name, inOwnWords(name, error.code, p.messages.join(' ').replace(/^Invalid input: /, '')));
          placed = true;
        }
      }
      if (error.code === 'FORBIDDEN') this.setFormError(et('edit.forbidden'));
      else if (placed) this.setFormError(et('edit.formError'));
      else this.setFormError(et('edit.serverError', { message: error.message }));
    } else {
      this.setFormError(et('edit.serverError', { message: (error as Error)?.message ?? String(error) }));
    }
    this.focusFirstError();
  }

  private async run(): Promise<void> {
    if (this.busyNow) return;
    this.clearErrors();
    if (!this.check()) {
      this.setFormError(et('edit.formError'));
      this.focusFirstError();
      return;
    }
    this.busyNow = true;
    this.element.setAttribute('aria-busy', 'true');
    this.element.classList.add('busy');
    const label = this.submit.textContent;
    this.submit.disabled = true;
    this.submit.textContent = et('edit.saving');
    this.status.textContent = et('edit.saving');
    try {
      await this.options.onSubmit();
    } finally {
      this.busyNow = false;
      this.element.removeAttribute('aria-busy');
      this.element.classList.remove('busy');
      this.submit.disabled = false;
      this.submit.textContent = label;
      if (this.status.textContent === et('edit.saving')) this.status.textContent = '';
    }
  }
}

/** The one editing dialog of the page (modal: focus stays inside; Esc closes; focus goes back). */
let current: { dialog: HTMLDialogElement; returnTo: Element | null } | null = null;

export function openDialog(id: string, title: string, content: HTMLElement[], onClose?: () => void): HTMLDialogElement {
  closeDialog();
  const titleId = `${id}-title`;
  const dialog = h(
    'dialog',
    { class: 'edit-dialog', id, 'aria-labelledby': titleId },
    h(
      'header',
      {},
      h('h2', { id: titleId }, title),
      h(
        'button',
        {
          type: 'button',
          class: 'close',
          'aria-label': et('edit.close'),
          title: et('edit.close'),
          onclick: () => closeDialog(),
        },
        '×',
      ),
    ),
    ...content,
  );
  document.body.append(dialog);
  const returnTo = document.activeElement;
  dialog.addEventListener('close', () => {
    dialog.remove();
    if (current?.dialog === dialog) current = null;
    onClose?.();
    if (returnTo instanceof HTMLElement && document.contains(returnTo)) returnTo.focus();
  });
  current = { dialog, returnTo };
  dialog.showModal();
  return dialog;
}

export function closeDialog(): void {
  if (current?.dialog.open) current.dialog.close();
  current = null;
}

export function dialogOpen(): boolean {
  return !!current?.dialog.open;
}

export const uid = (prefix: string) => `${prefix}-${++counter}`;
