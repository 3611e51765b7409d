/**
 * Every actor's topics as an IDF-weighted vector, for cosine similarity.
 *
 * An actor's term frequency for a topic is 1 when it is among its interests plus 1 for every
 * collaboration about it the actor took part in (single-partner projects included: they say what
 * an actor works on even when they add no tie). The weight of a topic is its inverse document
 * frequency, ln(N / df) with N = actors that have any topic and df = actors that have this one, so
 * sharing a rare topic ("Urban Gardening") counts far more than sharing one everybody has
 * ("Vernetzung": weight near 0). Vectors are normalised to length 1, so the cosine of two actors is
 * the dot product of their vectors.
 *
 * Stored as two CSRs in typed arrays: per actor its topics (ascending topic index) with their
 * normalised weights, and per topic the actors that have it (the inverted index that makes "cosine
 * against everybody" cost the lengths of the query's topic lists, not n).
 */
import type { NetworkProjection } from '../../graph/projection';
import type { CollaborationGraph } from './csr';
import { encodeIndexInput, type IndexInput } from './index-input';

export interface TopicProfiles {
  /** topic index → topic id, ascending. */
  readonly topicIds: readonly string[];
  readonly topicIndex: ReadonlyMap<string, number>;
  /** ln(N / df) per topic; 0 for topics nobody has. */
  readonly idf: Float64Array;
  /** Per actor (the graph's actor index): its topics and normalised tf·idf weights. */
  readonly actorOffsets: Int32Array;
  readonly actorTopics: Int32Array;
  readonly actorWeights: Float64Array;
  /** Per topic: the actors that have it (ascending) and their normalised weights for it. */
  readonly topicOffsets: Int32Array;
  readonly topicActors: Int32Array;
  readonly topicWeights: Float64Array;
}

/** The profiles' typed arrays (what the suggestion worker builds and hands back). */
export type ProfileArrays = Omit<TopicProfiles, 'topicIds' | 'topicIndex'>;

export function buildTopicProfiles(projection: NetworkProjection, graph: CollaborationGraph): TopicProfiles {
  const input = encodeIndexInput(projection);
  const inputIndex = new Map<string, number>();
  input.actorIds.forEach((id, a) => inputIndex.set(id, a));
  const order = Int32Array.from(graph.ids, (id) => inputIndex.get(id)!);
  return { ...topicTables(input.topicIds), ...profileArrays(input, order) };
}

/** The topic ids (ascending) and their indexes. */
export function topicTables(topicIds: readonly string[]): Pick<TopicProfiles, 'topicIds' | 'topicIndex'> {
  const topicIndex = new Map<string, number>();
  topicIds.forEach((id, t) => topicIndex.set(id, t));
  return { topicIds, topicIndex };
}

/**
 * The profiles' arrays from the flat input; `order` lists the input actors in id order (the
 * graph's actor index). Term frequencies are integer counts, so the order in which an actor's
 * interests and collaborations are visited does not change a bit.
 */
export function profileArrays(input: IndexInput, order: Int32Array): ProfileArrays {
  const n = order.length;
  const topicCount = input.topicIds.length;
  const { actorTopicStarts, actorTopics: interests, collaborationTopicStarts, collaborationTopics } = input;
  // Every actor's collaborations (single-member ones included), from the members of each.
  const actorCount = input.actorIds.length;
  const memberOfStarts = new Int32Array(actorCount + 1);
  for (let x = 0; x < input.members.length; x++) memberOfStarts[input.members[x] + 1]++;
  for (let a = 0; a < actorCount; a++) memberOfStarts[a + 1] += memberOfStarts[a];
  const memberOf = new Int32Array(input.members.length);
  const memberCursor = memberOfStarts.slice(0, actorCount);
  for (let c = 0; c + 1 < input.memberStarts.length; c++)
    for (let x = input.memberStarts[c]; x < input.memberStarts[c + 1]; x++)
      memberOf[memberCursor[input.members[x]]++] = c;

  // Term frequencies per actor: counted in a dense scratch array, kept as one flat list of
  // (topic, count) pairs per actor in ascending topic order (tfOffsets delimits the actors).
  const tfOffsets = new Int32Array(n + 1);
  const tfTopicList: number[] = [];
  const tfCountList: number[] = [];
  const df = new Int32Array(topicCount);
  const scratch = new Int32Array(topicCount);
  const touched: number[] = [];
  let withTopics = 0;
  for (let i = 0; i < n; i++) {
    const a = order[i];
    for (let k = actorTopicStarts[a]; k < actorTopicStarts[a + 1]; k++) {
      const t = interests[k];
      if (scratch[t] === 0) touched.push(t);
      scratch[t]++;
    }
    for (let y = memberOfStarts[a]; y < memberOfStarts[a + 1]; y++) {
      const c = memberOf[y];
      for (let k = collaborationTopicStarts[c]; k < collaborationTopicStarts[c + 1]; k++) {
        const t = collaborationTopics[k];
        if (scratch[t] === 0) touched.push(t);
        scratch[t]++;
      }
    }
    touched.sort((a, b) => a - b);
    for (const t of touched) {
      tfTopicList.push(t);
      tfCountList.push(scratch[t]);
      df[t]++;
      scratch[t] = 0;
    }
    if (touched.length > 0) withTopics++;
    touched.length = 0;
    tfOffsets[i + 1] = tfTopicList.length;
  }
  const entries = tfTopicList.length;

  const idf = new Float64Array(topicCount);
  for (let t = 0; t < topicCount; t++) idf[t] = df[t] > 0 ? Math.log(withTopics / df[t]) : 0;

  // Actor rows: topics ascending, weights tf·idf normalised to length 1.
  const actorOffsets = tfOffsets;
  const actorTopics = Int32Array.from(tfTopicList);
  const actorWeights = new Float64Array(entries);
  for (let i = 0; i < n; i++) {
    let norm = 0;
    for (let k = actorOffsets[i]; k < actorOffsets[i + 1]; k++) norm += (tfCountList[k] * idf[actorTopics[k]]) ** 2;
    norm = Math.sqrt(norm);
    for (let k = actorOffsets[i]; k < actorOffsets[i + 1]; k++) {
      actorWeights[k] = norm > 0 ? (tfCountList[k] * idf[actorTopics[k]]) / norm : 0;
    }
  }

  // Inverted index: per topic, its actors in ascending order (actors are visited in order).
  const topicOffsets = new Int32Array(topicCount + 1);
  for (let t = 0; t < topicCount; t++) topicOffsets[t + 1] = topicOffsets[t] + df[t];
  const cursor = topicOffsets.slice(0, topicCount);
  const topicActors = new Int32Array(entries);
  const topicWeights = new Float64Array(entries);
  for (let i = 0; i < n; i++) {
    for (let k = actorOffsets[i]; k < actorOffsets[i + 1]; k++) {
      const t = actorTopics[k];
      topicActors[cursor[t]] = i;
      topicWeights[cursor[t]] = actorWeights[k];
      cursor[t]++;
    }
  }

  return {
    idf,
    actorOffsets,
    actorTopics,
    actorWeights,
    topicOffsets,
    topicActors,
    topicWeights,
  };
}

export function profileBytes(p: TopicProfiles): number {
  return (
    p.idf.byteLength +
    p.actorOffsets.byteLength +
    p.actorTopics.byteLength +
    p.actorWeights.byteLength +
    p.topicOffsets.byteLength +
    p.topicActors.byteLength +
    p.topicWeights.byteLength
  );
}

/** The normalised weight of topic t in actor i's vector (0 when it does not have it). */
export function topicWeightOf(p: TopicProfiles, i: number, t: number): number {
  for (let k = p.actorOffsets[i]; k < p.actorOffsets[i + 1]; k++) if (p.actorTopics[k] === t) return p.actorWeights[k];
  return 0;
}

/** Does actor i have any of these topics (interest or collaboration)? */
export function hasAnyTopic(p: TopicProfiles, i: number, topics: ReadonlySet<number>): boolean {
  for (let k = p.actorOffsets[i]; k < p.actorOffsets[i + 1]; k++) if (topics.has(p.actorTopics[k])) return true;
  return false;
}

/** Cosine of two actors' vectors (dot product of the normalised rows, a merge of sorted lists). */
export function topicCosine(p: TopicProfiles, a: number, b: number): number {
  let x = p.actorOffsets[a];
  let y = p.actorOffsets[b];
  const xEnd = p.actorOffsets[a + 1];
  const yEnd = p.actorOffsets[b + 1];
  let sum = 0;
  while (x < xEnd && y < yEnd) {
    const tx = p.actorTopics[x];
    const ty = p.actorTopics[y];
    if (tx === ty) sum += p.actorWeights[x++] * p.actorWeights[y++];
    else if (tx < ty) x++;
    else y++;
  }
  return sum;
}

/**
 * The topics two actors share, with each topic's IDF weight and its share of their cosine
 * (`contribution`); largest contribution first, ties by topic id.
 */
export function sharedTopics(
  p: TopicProfiles,
  a: number,
  b: number,
): Array<{ topic: number; idf: number; contribution: number }> {
  const shared: Array<{ topic: number; idf: number; contribution: number }> = [];
  let x = p.actorOffsets[a];
  let y = p.actorOffsets[b];
  while (x < p.actorOffsets[a + 1] && y < p.actorOffsets[b + 1]) {
    const tx = p.actorTopics[x];
    const ty = p.actorTopics[y];
    if (tx === ty) {
      shared.push({ topic: tx, idf: p.idf[tx], contribution: p.actorWeights[x] * p.actorWeights[y] });
      x++;
      y++;
    } else if (tx < ty) x++;
    else y++;
  }
  return shared.sort((u, v) => v.contribution - u.contribution || u.topic - v.topic);
}

/**
 * A query vector for a set of topics (each weighted by its IDF, normalised): what "who works on
 * youth and sport?" compares actors with. Topics nobody has (IDF 0) drop out.
 */
export function topicQueryVector(
  p: TopicProfiles,
  topics: readonly number[],
): Array<{ topic: number; weight: number }> {
  const unique = [...new Set(topics)].sort((a, b) => a - b);
  const norm = Math.sqrt(unique.reduce((s, t) => s + p.idf[t] ** 2, 0));
  return norm > 0 ? unique.filter((t) => p.idf[t] > 0).map((t) => ({ topic: t, weight: p.idf[t] / norm })) : [];
}
