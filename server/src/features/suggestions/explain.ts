/**
 * Why a suggestion was made, in data and in one German sentence a quarter manager reads:
 *
 *   „Beide arbeiten zu den Themen Gemeinschaftsgarten und Umwelt; gemeinsame Partner: Bürgerhaus Batenbrock
 *    (Nutzer*innentreffen Bürgerhaus / Pflanzfest im Bürger*innengarten 2023).“
 *
 * - shared topics, each with its IDF weight (rarer topics first by their share of the cosine);
 * - mutual collaborators — the partners both already work with, the most selective first (fewest
 *   partners: the Adamic–Adar order) — each with the collaborations that connect it to the actor
 *   (`withActor`) and to the suggested one (`withSuggested`), newest first.
 *
 * The data comes from the projection (ids only); names and titles for the sentence are passed in by
 * the caller, who loads them from the store in batches.
 */
import type { ProjectedCollaboration } from '../../graph/projection';
import { compareNewestFirst } from '../../domain/ordering';
import { degree } from './csr';
import type { ScorePart } from './model';
import { actorIndexOf } from './suggest';
import type { SuggestionIndex } from './suggestion-index';
import { sharedTopics as sharedTopicsOf } from './topic-profile';

/** At most this many mutual collaborators per suggestion (the most selective ones). */
export const MAX_MUTUAL_COLLABORATORS = 10;

export interface SharedTopic {
  topicId: string;
  /** The topic's IDF weight, ln(N / df): higher = rarer. */
  weight: number;
  /** Its share of the two actors' topic cosine. */
  contribution: number;
}

export interface MutualCollaborator {
  actorId: string;
  /** Collaborations of the actor with this partner, newest first. */
  withActor: string[];
  /** Collaborations of the suggested actor with this partner, newest first. */
  withSuggested: string[];
}

export interface Explanation {
  sharedTopics: SharedTopic[];
  mutualCollaborators: MutualCollaborator[];
  /** All mutual collaborators, also those beyond MAX_MUTUAL_COLLABORATORS. */
  mutualCount: number;
  /** The suggested actor's partners and collaborations (for the activity clause). */
  suggestedPartners: number;
  suggestedCollaborations: number;
}

/**
 * The collaborations connecting two actors, newest first, by pair: the explanations of one list
 * share it (the actor's collaborations with a partner recur in every suggestion that partner is
 * mutual to).
 */
export type ConnectingMemo = Map<string, readonly string[]>;

export function explainPair(
  index: SuggestionIndex,
  actorId: string,
  suggestedId: string,
  maxMutuals = MAX_MUTUAL_COLLABORATORS,
  memo: ConnectingMemo = new Map(),
): Explanation {
  const { graph, profiles, projection } = index;
  const a = actorIndexOf(index, actorId);
  const b = actorIndexOf(index, suggestedId);

  const sharedTopics = sharedTopicsOf(profiles, a, b).map((s) => ({
    topicId: profiles.topicIds[s.topic],
    weight: s.idf,
    contribution: s.contribution,
  }));

  // Mutual partners: a merge of the two sorted rows.
  const mutual: number[] = [];
  let x = graph.offsets[a];
  let y = graph.offsets[b];
  while (x < graph.offsets[a + 1] && y < graph.offsets[b + 1]) {
    const u = graph.neighbours[x];
    const v = graph.neighbours[y];
    if (u === v) {
      mutual.push(u);
      x++;
      y++;
    } else if (u < v) x++;
    else y++;
  }
  mutual.sort((m, n) => degree(graph, m) - degree(graph, n) || m - n);

  const connecting = (one: string, other: string): string[] => {
    const pair = `${one}\u0000${other}`;
    const known = memo.get(pair);
    if (known) return [...known];
    // An actor deleted after the index was built (it is built off the event loop) connects nothing.
    const mine = projection.actors.get(one)?.collaborations ?? new Set<string>();
    const theirs = projection.actors.get(other)?.collaborations ?? new Set<string>();
    const [small, large] = mine.size <= theirs.size ? [mine, theirs] : [theirs, mine];
    const keys: Array<[string, string]> = [];
    for (const c of small) if (large.has(c)) keys.push(sortKey(projection.collaborations.get(c)!, c));
    // Each key made once (not twice per comparison); the ids are unique, so the order is the same.
    const ids = keys.sort(compareNewestFirst).map((key) => key[1]);
    memo.set(pair, ids);
    return [...ids];
  };
  const mutualCollaborators = mutual.slice(0, maxMutuals).map((m) => {
    const partnerId = graph.ids[m];
    return {
      actorId: partnerId,
      withActor: connecting(actorId, partnerId),
      withSuggested: connecting(suggestedId, partnerId),
    };
  });

  return {
    sharedTopics,
    mutualCollaborators,
    mutualCount: mutual.length,
    suggestedPartners: degree(graph, b),
    suggestedCollaborations: graph.collaborationCounts[b],
  };
}

function sortKey(c: ProjectedCollaboration, id: string): [string, string] {
  return [c.startDate ?? '', id];
}

/** Names and titles the sentence needs, loaded by the caller. */
export interface ExplanationNames {
  actor(id: string): string;
  topic(id: string): string;
  collaboration(id: string): string;
}

const MAX_TOPICS_IN_SENTENCE = 3;
const MAX_PARTNERS_IN_SENTENCE = 2;

/** „A, B und C“ */
export function germanList(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} und ${items[items.length - 1]}`;
}

/** „und 1 weiterer Partner“ / „und 3 weitere Partner“ (nothing for 0). */
export function morePartners(count: number): string {
  if (count <= 0) return '';
  return count === 1 ? ' und 1 weiterer Partner' : ` und ${count} weitere Partner`;
}

/** „1 Zusammenarbeit mit 1 Partner“ / „3 Zusammenarbeiten mit 2 Partnern“. */
export function activityPhrase(collaborations: number, partners: number): string {
  return `${collaborations} ${collaborations === 1 ? 'Zusammenarbeit' : 'Zusammenarbeiten'} mit ${partners} ${partners === 1 ? 'Partner' : 'Partnern'}`;
}

const PARTNER_SIGNALS = new Set(['katz', 'adamicAdar', 'resourceAllocation', 'commonNeighbours', 'randomWalk']);
const ACTIVITY_SIGNALS = new Set(['activity', 'collaborations']);

/**
 * Is size the only reason for this suggestion? (No shared topic that counts, no mutual partner, no
 * indirect tie: it is on the list only because it is active — the fill-up of a short list.)
 */
export function onlyBySize(parts: readonly ScorePart[], explanation: Explanation): boolean {
  const personal = parts.some((p) => !ACTIVITY_SIGNALS.has(p.signal) && p.contribution > 0);
  return !personal && explanation.mutualCount === 0 && !explanation.sharedTopics.some((t) => t.weight > 0);
}

/**
 * The sentence: one clause per reason, the reason that added most to the score first —
 *
 * - shared topics (only those with weight > 0: a topic everybody has says nothing), weighed by the
 *   topic term;
 * - mutual partners with what connects them (weighed by the partner terms: Katz, resource
 *   allocation, Adamic–Adar, common neighbours), or indirect ties when there are none;
 * - the suggested actor's activity, when it added at least a third of the score (the cold start,
 *   where it ranks the actors of a topic).
 *
 * A suggestion whose only reason is size says so plainly: „Kein gemeinsames Thema und keine
 * gemeinsamen Partner – nur vorgeschlagen, weil X im Netzwerk aktiv ist: …“.
 */
export function explanationSentence(
  parts: readonly ScorePart[],
  explanation: Explanation,
  suggestedId: string,
  names: ExplanationNames,
): string {
  const sum = (signals: ReadonlySet<string>) =>
    parts.filter((p) => signals.has(p.signal)).reduce((s, p) => s + p.contribution, 0);
  const activityClause = () =>
    `${names.actor(suggestedId)} ist im Netzwerk aktiv: ${activityPhrase(explanation.suggestedCollaborations, explanation.suggestedPartners)}`;

  if (onlyBySize(parts, explanation)) {
    const c = explanation.suggestedCollaborations;
    return c === 0
      ? `Kein gemeinsames Thema und keine gemeinsamen Partner – nur aufgefüllt: ${names.actor(suggestedId)} hat bisher an keiner Zusammenarbeit teilgenommen.`
      : `Kein gemeinsames Thema und keine gemeinsamen Partner – nur vorgeschlagen, weil ${names.actor(suggestedId)} im Netzwerk aktiv ist: ${activityPhrase(c, explanation.suggestedPartners)}.`;
  }

  const clauses: Array<{ text: string; weight: number; order: number }> = [];
  const topics = explanation.sharedTopics.filter((t) => t.weight > 0).slice(0, MAX_TOPICS_IN_SENTENCE);
  // „zum Thema Kinder“, „zu den Themen Kinder und Jugend“ (not „zu Kinder“).
  const topicWords = germanList(topics.map((t) => names.topic(t.topicId)));
  if (topics.length > 0)
    clauses.push({
      text: `beide arbeiten ${topics.length === 1 ? 'zum Thema' : 'zu den Themen'} ${topicWords}`,
      weight: sum(new Set(['topics'])),
      order: 0,
    });

  const partnerWeight = sum(PARTNER_SIGNALS);
  if (explanation.mutualCount > 0) {
    const shown = explanation.mutualCollaborators.slice(0, MAX_PARTNERS_IN_SENTENCE).map((m) => {
      const via = [m.withActor[0], m.withSuggested[0]].filter(Boolean).map((c) => names.collaboration(c));
      return via.length > 0 ? `${names.actor(m.actorId)} (${via.join(' / ')})` : names.actor(m.actorId);
    });
    const label = explanation.mutualCount === 1 ? 'gemeinsamer Partner' : 'gemeinsame Partner';
    clauses.push({
      text: `${label}: ${shown.join(', ')}${morePartners(explanation.mutualCount - shown.length)}`,
      weight: partnerWeight,
      order: 1,
    });
  } else if (parts.some((p) => (p.signal === 'katz' || p.signal === 'randomWalk') && p.value > 0)) {
    clauses.push({ text: 'über Partner von Partnern verbunden', weight: partnerWeight, order: 1 });
  }

  const activity = sum(ACTIVITY_SIGNALS);
  const total = parts.reduce((s, p) => s + p.contribution, 0);
  if (clauses.length === 0 || (total > 0 && activity >= total / 3))
    clauses.push({ text: activityClause(), weight: activity, order: 2 });

  clauses.sort((a, b) => b.weight - a.weight || a.order - b.order);
  const sentence = clauses.map((c) => c.text).join('; ');
  return `${sentence.charAt(0).toUpperCase()}${sentence.slice(1)}.`;
}
