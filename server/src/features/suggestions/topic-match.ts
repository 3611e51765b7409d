/**
 * Ranking by topics alone: "who works on youth and sport?" (`matchActors`) and "who is most like
 * this actor?" (`similarActors`, existing collaborators included). Both use the IDF-weighted
 * topic vectors of topic-profile.ts: the score is the cosine between the actor's vector and the
 * query's (the given topics weighted by their IDF, or the other actor's vector).
 *
 * Every actor sharing at least one of the topics is ranked, also when its score is 0 (a topic
 * everybody has weighs 0 but is still shared). Order: score descending, ties by actor id.
 */
import { actorIndexOf, topicIndexesOf } from './suggest';
import type { SuggestionIndex } from './suggestion-index';
import { sharedTopics, topicQueryVector } from './topic-profile';
import { TopK } from './top-k';

export interface TopicMatch {
  actorId: string;
  score: number;
  /** The shared topics with their IDF weights, largest share of the score first. */
  sharedTopics: Array<{ topicId: string; weight: number }>;
}

/** Actors ranked for a set of topics. Unknown topic ids: NOT_FOUND. */
export function matchActors(index: SuggestionIndex, topicIds: readonly string[], first: number): TopicMatch[] {
  const p = index.profiles;
  const topics = [...new Set(topicIndexesOf(index, topicIds))].sort((a, b) => a - b);
  const weights = new Map(topicQueryVector(p, topics).map((v) => [v.topic, v.weight]));
  const scores = new Map<number, number>();
  for (const t of topics) {
    const w = weights.get(t) ?? 0;
    for (let e = p.topicOffsets[t]; e < p.topicOffsets[t + 1]; e++) {
      const b = p.topicActors[e];
      scores.set(b, (scores.get(b) ?? 0) + w * p.topicWeights[e]);
    }
  }
  const best = new TopK(first);
  for (const [b, score] of scores) best.offer(b, score);
  const wanted = new Set(topics);
  return best.sorted().map(({ index: b, score }) => {
    const shared: Array<{ topic: number; share: number }> = [];
    for (let k = p.actorOffsets[b]; k < p.actorOffsets[b + 1]; k++) {
      const t = p.actorTopics[k];
      if (wanted.has(t)) shared.push({ topic: t, share: (weights.get(t) ?? 0) * p.actorWeights[k] });
    }
    shared.sort((u, v) => v.share - u.share || u.topic - v.topic);
    return {
      actorId: index.graph.ids[b],
      score,
      sharedTopics: shared.map((s) => ({ topicId: p.topicIds[s.topic], weight: p.idf[s.topic] })),
    };
  });
}

/** The actors nearest to one actor by topics alone (collaborators included, itself not). */
export function similarActors(index: SuggestionIndex, actorId: string, first: number): TopicMatch[] {
  const p = index.profiles;
  const q = actorIndexOf(index, actorId);
  const scores = new Map<number, number>();
  for (let k = p.actorOffsets[q]; k < p.actorOffsets[q + 1]; k++) {
    const t = p.actorTopics[k];
    for (let e = p.topicOffsets[t]; e < p.topicOffsets[t + 1]; e++) {
      const b = p.topicActors[e];
      if (b !== q) scores.set(b, (scores.get(b) ?? 0) + p.actorWeights[k] * p.topicWeights[e]);
    }
  }
  const best = new TopK(first);
  for (const [b, score] of scores) best.offer(b, score);
  return best.sorted().map(({ index: b, score }) => ({
    actorId: index.graph.ids[b],
    score,
    sharedTopics: sharedTopics(p, q, b).map((s) => ({ topicId: p.topicIds[s.topic], weight: s.idf })),
  }));
}
