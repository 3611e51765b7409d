/**
 * One contact suggestion as a quarter manager reads it: one short sentence of the reasons, in the
 * page's language, the strongest reason first (the API orders the score's parts by contribution),
 * every partner named once, no nested parentheses; the strength as stark / mittel / schwach; the
 * score, the shared topics, the partners with their collaborations and the model's parts only on
 * demand ("Details"). Editors and admins record "vorgestellt" / "nicht hilfreich" (giveSuggestionFeedback).
 */
import { gql, type Suggestion } from './api';
import { FEEDBACK } from './queries';
import { h } from './dom';
import { formatNumber, listOf, t, tn } from './i18n';

const NETWORK_SIGNALS = new Set(['adamicAdar', 'resourceAllocation', 'commonNeighbours', 'katz']);
const SIZE_SIGNALS = new Set(['activity', 'collaborations']);

/** Stark, mittel or schwach: the score against the best of the list. */
export function strength(score: number, best: number): 'strong' | 'medium' | 'weak' {
  const share = best > 0 ? score / best : 0;
  return share >= 0.67 ? 'strong' : share >= 0.34 ? 'medium' : 'weak';
}

/** The reasons in one sentence (page language): partners and topics, the larger contribution first. */
export function reasonSentence(sug: Suggestion): string {
  const sum = (names: Set<string>) =>
    sug.parts.filter((p) => names.has(p.name)).reduce((s, p) => s + p.contribution, 0);
  // Every partner once (the API lists each once; a partner's name may repeat across ids only).
  const partners = [...new Map(sug.mutualCollaborators.map((m) => [m.actor.id, m.actor.name])).values()];
  const topics = [...new Set(sug.sharedTopics.map((s) => s.topic.name))];
  const clauses: Array<{ text: string; weight: number }> = [];
  if (partners.length) {
    const named = partners.slice(0, 2);
    const more = partners.length - named.length;
    const names = more > 0 ? tn('suggest.morePartners', more, { names: named.join(', ') }) : listOf(named);
    clauses.push({
      text: t(partners.length === 1 ? 'suggest.partnerOne' : 'suggest.partnerMany', { names }),
      weight: sum(NETWORK_SIGNALS),
    });
  } else if (sum(NETWORK_SIGNALS) > 0) {
    clauses.push({ text: t('suggest.indirect'), weight: sum(NETWORK_SIGNALS) });
  }
  if (topics.length) {
    const shown = topics.slice(0, 3);
    const list =
      topics.length > 3 ? tn('suggest.moreTopics', topics.length - 3, { names: shown.join(', ') }) : listOf(shown);
    clauses.push({
      text: t(topics.length === 1 ? 'suggest.topicOne' : 'suggest.topicMany', { topics: list }),
      weight: sum(new Set(['topics'])),
    });
  }
  if (clauses.length === 0) return sum(SIZE_SIGNALS) > 0 ? t('suggest.onlySize') : t('suggest.none');
  clauses.sort((a, b) => b.weight - a.weight);
  const text = clauses.map((c) => c.text).join(t('suggest.and'));
  return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
}

/** The details shown on demand. */
export function suggestionDetails(sug: Suggestion): HTMLElement {
  const partners = [...new Map(sug.mutualCollaborators.map((m) => [m.actor.id, m])).values()];
  return h(
    'details',
    { class: 'suggestion-details' },
    h('summary', {}, t('suggest.details')),
    h('p', { class: 'meta score-number' }, t('suggest.scoreNumber', { score: formatNumber(sug.score, 3) })),
    sug.sharedTopics.length
      ? h(
          'p',
          { class: 'reason topics' },
          h('span', { class: 'reason-label' }, `${t('panel.sharedTopics')}: `),
          [...new Set(sug.sharedTopics.map((x) => x.topic.name))].join(', '),
        )
      : null,
    partners.length
      ? h(
          'ul',
          { class: 'reason mutual' },
          ...partners.map((m) =>
            h(
              'li',
              {},
              h('strong', {}, m.actor.name),
              m.withActor[0] && m.withSuggested[0]
                ? ` – ${t('suggest.via', { a: m.withActor[0].title, b: m.withSuggested[0].title })}`
                : '',
            ),
          ),
        )
      : null,
    sug.parts.some((p) => p.contribution !== 0)
      ? h(
          'ul',
          { class: 'parts' },
          ...sug.parts
            .filter((p) => p.contribution !== 0)
            .map((p) => h('li', {}, `${p.label}: ${formatNumber(p.contribution, 3)}`)),
        )
      : null,
  );
}

export type Verdict = 'INTRODUCED' | 'NOT_USEFUL';

export async function giveFeedback(actorId: string, suggestedId: string, verdict: Verdict): Promise<void> {
  await gql(FEEDBACK, { actorId, suggestedId, verdict });
}
