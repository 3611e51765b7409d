/** The update page's state (what the person is answering, in which language) and its DOM helpers. */
import { TEXTS, type Lang, type Texts } from './texts';

export interface Entry {
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

export interface PartnerDraft {
  name: string;
  about: string;
  when: string;
}

export interface Draft {
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

export type PageState = 'loading' | 'form' | 'refused' | 'thanks' | 'error';

/** German first; the button switches. */
export const page: {
  lang: Lang;
  t: Texts;
  entry: Entry | null;
  draft: Draft | null;
  consentActive: boolean;
  state: PageState;
  refusal: string;
} = {
  lang: 'de',
  t: TEXTS.de,
  entry: null,
  draft: null,
  consentActive: false,
  state: 'loading',
  refusal: '',
};

export const main = document.getElementById('main')!;

export function setState(next: PageState): void {
  page.state = next;
  document.body.dataset.state = next;
}

export const formatDate = (iso: string) =>
  new Date(iso).toLocaleDateString(page.lang === 'de' ? 'de-DE' : 'en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
  });

export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Partial<Record<string, string>> = {},
  ...children: Array<Node | string | null>
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(props)) if (v !== undefined) node.setAttribute(k, v);
  for (const c of children) if (c !== null) node.append(c);
  return node;
}
