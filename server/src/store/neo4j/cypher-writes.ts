/**
 * The Cypher of the Neo4j store's single writes (actor-writes.ts, topic-writes.ts,
 * collaboration-writes.ts), in the manner of cypher.ts: every statement a constant, every value a
 * `$parameter`. The existence checks they run first are in cypher.ts (EXISTING_*_IDS).
 */

// ---------------------------------------------------------------------------------------------
// Actor writes

/** Creates an actor from a property map (null values are simply not stored); version 1. */
export const CREATE_ACTOR = `
CREATE (a:Actor)
SET a = $props, a.version = 1
RETURN properties(a) AS actor`;

/**
 * Takes the actor's write lock, then reads its version: concurrent updates queue here, so the
 * expectedVersion check that follows sees the last committed version (Neo4j's documented
 * "SET a property to lock the node" pattern).
 */
export const LOCK_ACTOR = `
MATCH (a:Actor {id: $id})
SET a._lock = true
REMOVE a._lock
RETURN a.version AS version`;

/** Applies a patch (`null` in `$props` removes the property), bumps version, sets updatedAt. */
export const UPDATE_ACTOR = `
MATCH (a:Actor {id: $id})
SET a += $props, a.version = a.version + 1, a.updatedAt = $now
RETURN properties(a) AS actor`;

/** Deletes an actor with its interests and participations; answers how many were deleted. */
export const DELETE_ACTOR = `
MATCH (a:Actor {id: $id})
DETACH DELETE a
RETURN count(*) AS deleted`;

/**
 * The collaborations the actors `$ids` take part in lose (or, in a merge, change) a participant:
 * their versions go up. Run before the participations are deleted or moved.
 */
export const BUMP_COLLABORATIONS_OF = `
MATCH (a:Actor)-[:PARTICIPATED_IN]->(c:Collaboration)
WHERE a.id IN $ids
WITH DISTINCT c
SET c.version = coalesce(c.version, 1) + 1, c.updatedAt = $now`;

/** Removes every interest of an actor. */
export const DELETE_INTERESTS_OF_ACTOR = `
MATCH (:Actor {id: $actorId})-[r:INTERESTED_IN]->(:Topic)
DELETE r`;

/** Creates the interests `$interests` ({topicId, weight}) of an actor. */
export const CREATE_INTERESTS_OF_ACTOR = `
MATCH (a:Actor {id: $actorId})
UNWIND $interests AS i
MATCH (t:Topic {id: i.topicId})
CREATE (a)-[:INTERESTED_IN {weight: i.weight}]->(t)`;

// ---------------------------------------------------------------------------------------------
// Topic writes

/** Creates a topic from a property map. */
export const CREATE_TOPIC = `
CREATE (t:Topic)
SET t = $props
RETURN properties(t) AS topic`;

/** Applies a patch to a topic. */
export const UPDATE_TOPIC = `
MATCH (t:Topic {id: $id})
SET t += $props
RETURN properties(t) AS topic`;

/** Deletes a topic with every INTERESTED_IN / ABOUT relationship to it. */
export const DELETE_TOPIC = `
MATCH (t:Topic {id: $id})
DETACH DELETE t
RETURN count(*) AS deleted`;

// ---------------------------------------------------------------------------------------------
// Collaboration writes

/** Creates a collaboration from a property map; version 1. */
export const CREATE_COLLABORATION = `
CREATE (c:Collaboration)
SET c = $props, c.version = 1
RETURN properties(c) AS collaboration`;

/**
 * Takes the collaboration's write lock (as LOCK_ACTOR), then answers it: concurrent writes of one
 * collaboration queue here, so the expectedVersion check that follows sees the last committed version.
 */
export const LOCK_COLLABORATION = `
MATCH (c:Collaboration {id: $id})
SET c._lock = true
REMOVE c._lock
RETURN properties(c) AS collaboration`;

/**
 * Applies a patch to a collaboration, bumps its version (a missing one counts as 1), sets updatedAt.
 */
export const UPDATE_COLLABORATION = `
MATCH (c:Collaboration {id: $id})
SET c += $props, c.version = coalesce(c.version, 1) + 1, c.updatedAt = $now
RETURN properties(c) AS collaboration`;

/** A participant added, removed or given another role: the collaboration's version goes up. */
export const BUMP_COLLABORATION = `
MATCH (c:Collaboration {id: $id})
SET c.version = coalesce(c.version, 1) + 1, c.updatedAt = $now`;

/** Deletes a collaboration with its participations and ABOUT relationships. */
export const DELETE_COLLABORATION = `
MATCH (c:Collaboration {id: $id})
DETACH DELETE c
RETURN count(*) AS deleted`;

/** Removes every ABOUT relationship of a collaboration (before replacing its topics). */
export const DELETE_ABOUT_OF_COLLABORATION = `
MATCH (:Collaboration {id: $id})-[r:ABOUT]->(:Topic)
DELETE r`;

/** Relates a collaboration to the topics `$topicIds` (MERGE: a repeated id relates once). */
export const CREATE_ABOUT_OF_COLLABORATION = `
MATCH (c:Collaboration {id: $id})
UNWIND $topicIds AS topicId
MATCH (t:Topic {id: topicId})
MERGE (c)-[:ABOUT]->(t)`;

/**
 * Adds participants `$participants` ({actorId, role}) to a collaboration, or sets the role of one
 * that already takes part; answers the participations as stored.
 */
export const SET_PARTICIPATIONS = `
MATCH (c:Collaboration {id: $id})
UNWIND $participants AS p
MATCH (a:Actor {id: p.actorId})
MERGE (a)-[r:PARTICIPATED_IN]->(c)
SET r.role = p.role
RETURN a.id AS actorId, c.id AS collaborationId, r.role AS role`;

/** Removes the participations of the actors `$actorIds` in a collaboration. */
export const REMOVE_PARTICIPATIONS = `
MATCH (a:Actor)-[r:PARTICIPATED_IN]->(:Collaboration {id: $id})
WHERE a.id IN $actorIds
DELETE r`;

/** Removes one participation; answers how many were removed (0 or 1). */
export const REMOVE_PARTICIPATION = `
MATCH (:Actor {id: $actorId})-[r:PARTICIPATED_IN]->(:Collaboration {id: $collaborationId})
DELETE r
RETURN count(*) AS removed`;
