import type { NetworkStore } from '../store/network-store';

/**
 * What features may read from the store directly: batched lookups, lists, the history, the feed.
 * Every write goes through the service's methods (so it reaches the projection, in order); the
 * linter keeps resolvers off `service.store`.
 */
export type StoreReads = Pick<
  NetworkStore,
  | 'name'
  | 'getActors'
  | 'getTopics'
  | 'getCollaborations'
  | 'interestsOfActors'
  | 'interestsInTopics'
  | 'participationsOfActors'
  | 'participationsOfCollaborations'
  | 'topicsOfCollaborations'
  | 'collaborationsOfTopics'
  | 'topicStats'
  | 'collaboratorsOfActors'
  | 'listActors'
  | 'listTopics'
  | 'listCollaborations'
  | 'suggestionFeedback'
  | 'suggestionFeedbackCounts'
  | 'history'
  | 'readFeed'
  | 'feedHead'
  | 'actorIdsByName'
  | 'collaborationIdsByTitle'
  | 'personalData'
>;
