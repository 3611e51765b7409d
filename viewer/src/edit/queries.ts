/**
 * Every GraphQL document the editing forms send (edit/api.ts): plain strings, no imports, nothing
 * run at import, like ../queries.ts (validated by server/test/viewer/queries.test.ts).
 */

/** An actor as the forms edit it (with its version, for the conflict check). */
const ACTOR_FIELDS = 'id name kind description district website contact version collaborationCount topics { id name }';

export const ME = 'query EditMe { me { role author } }';

export const TOPICS = 'query EditTopics { topics(first: 500) { nodes { id name aliases } } }';

export const LOAD_ACTOR = `query EditActor($id: ID!) { actor(id: $id) { ${ACTOR_FIELDS} } }`;

export const MATCH =
  'query EditMatch($names: [String!]!) { matchNames(names: $names) { name exact { id name kind } near { similarity actor { id name kind } } } }';

export const SEARCH =
  'query EditSearch($t: String!) { actors(filter: { nameContains: $t }, first: 8) { nodes { id name kind } } }';

export const RECORD_ACTOR =
  'mutation EditRecordActor($input: RecordActorInput!) { recordActor(input: $input) { id name } }';

export const UPDATE_ACTOR = `mutation EditUpdateActor($id: ID!, $input: UpdateActorInput!, $v: Int) { updateActor(id: $id, input: $input, expectedVersion: $v) { ${ACTOR_FIELDS} } }`;

export const INTERESTS =
  'mutation EditInterests($id: ID!, $i: [InterestInput!]!) { setActorInterests(actorId: $id, interests: $i) { id } }';

export const CREATE_TOPIC = 'mutation EditCreateTopic($n: String!) { createTopic(input: { name: $n }) { id name } }';

export const DELETE_ACTOR = 'mutation EditDeleteActor($id: ID!) { deleteActor(id: $id) }';

export const RECORD_COLLABORATION =
  'mutation EditRecordCollaboration($input: RecordCollaborationInput!) { recordCollaboration(input: $input) { collaboration { id title } newActors { id name kind } } }';

export const HISTORY =
  'query EditHistory($id: ID!) { history(entityId: $id, first: 20) { nodes { at author operation changes { field before after } } } }';

export const UNDO = 'mutation EditUndo($id: ID!) { undoLastChange(actorId: $id) { actor { id } } }';

export const COLLABORATION =
  'query EditCollaboration($id: ID!) { collaboration(id: $id) { id title kind startDate endDate location description version topics { id name } participants { role actor { id name kind } } } }';

export const EDIT_COLLABORATION =
  'mutation EditEditCollaboration($id: ID!, $input: EditCollaborationInput!, $v: Int) { editCollaboration(id: $id, input: $input, expectedVersion: $v) { id version } }';

/** A page of an actor's collaborations for editing (newest first), and how many it has. */
export const ACTOR_COLLABORATIONS =
  'query EditActorCollaborations($id: ID!, $first: Int!, $after: ID) { actor(id: $id) { collaborationCount collaborations(first: $first, after: $after) { collaboration { id title startDate } } } }';

export const UPDATE_COLLABORATION =
  'mutation EditUpdateCollaboration($id: ID!, $input: UpdateCollaborationInput!) { updateCollaboration(id: $id, input: $input) { id } }';

export const ADD_PARTICIPANT =
  'mutation EditAddParticipant($c: ID!, $a: ID!, $r: ParticipationRole!) { addParticipant(collaborationId: $c, actorId: $a, role: $r) { id } }';

export const REMOVE_PARTICIPANT =
  'mutation EditRemoveParticipant($c: ID!, $a: ID!) { removeParticipant(collaborationId: $c, actorId: $a) { id } }';

export const CREATE_ACTOR =
  'mutation EditCreateActor($input: CreateActorInput!) { createActor(input: $input) { id name kind } }';

export const DELETE_COLLABORATION = 'mutation EditDeleteCollaboration($id: ID!) { deleteCollaboration(id: $id) }';

export const DUPLICATES = `query EditDuplicates { duplicateCandidates(first: 100) { candidates { reasons similarity actors { ${ACTOR_FIELDS} } } } }`;

export const MERGE = `mutation EditMerge($k: ID!, $m: [ID!]!) { mergeActors(keepId: $k, mergeIds: $m) { ${ACTOR_FIELDS} } }`;
