/**
 * Per-request DataLoaders: every nested field that needs the store goes through one of these, so a
 * request costs one store call per kind of lookup and level of nesting, whatever the number of rows.
 * A new set is made for every request: answers are never cached across requests or users.
 */
import DataLoader from 'dataloader';
import type { Actor, Collaboration, Interest, Participation, Topic, TopicStats } from '../domain/model';
import type { NetworkStore, SuggestionFeedback } from '../store/network-store';

export interface Loaders {
  actor: DataLoader<string, Actor | null>;
  topic: DataLoader<string, Topic | null>;
  collaboration: DataLoader<string, Collaboration | null>;
  interestsOfActor: DataLoader<string, Interest[]>;
  interestsInTopic: DataLoader<string, Interest[]>;
  participationsOfActor: DataLoader<string, Participation[]>;
  participationsOfCollaboration: DataLoader<string, Participation[]>;
  topicsOfCollaboration: DataLoader<string, string[]>;
  collaborationsOfTopic: DataLoader<string, string[]>;
  topicStats: DataLoader<string, TopicStats>;
  suggestionFeedbackOfActor: DataLoader<string, SuggestionFeedback[]>;
}

/** A loader over a batched store method (which already answers in key order). */
function batched<V>(load: (keys: readonly string[]) => Promise<V[]>): DataLoader<string, V> {
  return new DataLoader<string, V>((keys) => load(keys));
}

export function createLoaders(store: NetworkStore): Loaders {
  const loaders: Loaders = {
    actor: batched((ids) => store.getActors(ids)),
    topic: batched((ids) => store.getTopics(ids)),
    collaboration: batched((ids) => store.getCollaborations(ids)),
    interestsOfActor: batched((ids) => store.interestsOfActors(ids)),
    interestsInTopic: batched((ids) => store.interestsInTopics(ids)),
    participationsOfActor: batched((ids) => store.participationsOfActors(ids)),
    participationsOfCollaboration: batched((ids) => store.participationsOfCollaborations(ids)),
    topicsOfCollaboration: batched((ids) => store.topicsOfCollaborations(ids)),
    collaborationsOfTopic: batched((ids) => store.collaborationsOfTopics(ids)),
    topicStats: batched((ids) => store.topicStats(ids)),
    suggestionFeedbackOfActor: batched((ids) => store.suggestionFeedback(ids)),
  };
  return loaders;
}

/** Records known from a list query are primed, so their nested fields need no second lookup. */
export function primeActors(loaders: Loaders, actors: readonly Actor[]): void {
  for (const a of actors) loaders.actor.prime(a.id, a);
}
export function primeTopics(loaders: Loaders, topics: readonly Topic[]): void {
  for (const t of topics) loaders.topic.prime(t.id, t);
}
export function primeCollaborations(loaders: Loaders, collaborations: readonly Collaboration[]): void {
  for (const c of collaborations) loaders.collaboration.prime(c.id, c);
}

/** Loads records by id and drops the ones deleted between two reads; a failed load throws. */
export async function loadExisting<V>(loader: DataLoader<string, V | null>, ids: readonly string[]): Promise<V[]> {
  const values = await loader.loadMany(ids);
  const failure = values.find((v): v is Error => v instanceof Error);
  if (failure) throw failure;
  return values.filter((v): v is V => v !== null);
}
