/**
 * The Cypher statements of the Neo4j adapter's reads, checks and bulk merge, as plain constant
 * strings (the single writes' statements are in cypher-writes.ts, under the same rules).
 *
 * Rules kept by every statement here (and checked without a database by cypher-statements.test.ts):
 * - values are never written into the text: everything that varies is a `$parameter`
 *   (statements are not templates; optional filters are `$x IS NULL OR …` on a parameter);
 * - batched reads are one statement for all keys (`UNWIND $ids AS id …`), collected by key;
 *   the adapter regroups the rows by key, so repeated and missing keys are handled in JS;
 * - orders are those of domain/ordering.ts: actors and topics by `nameKey`, then `id`;
 *   collaborations newest first, `coalesce(startDate, '')` descending (no date last), then `id`.
 *   Dates and timestamps are stored as ISO strings, so string order is date order.
 * - paged lists read the `nameKey` range index in order (the range predicate on `nameKey` before
 *   `ORDER BY nameKey, id LIMIT`), so the planner stops after one page instead of sorting every
 *   node; plans.neo4j.test.ts checks that with EXPLAIN.
 *
 * Integers that the statements need (LIMIT) are passed as `neo4j.int(n)`; every other JS number
 * arrives as a Float (interest weights), which is what it is.
 */

// ---------------------------------------------------------------------------------------------
// Connectivity and counts

/** The trivial query of `ping()`. */
export const PING = 'RETURN 1 AS ok';

/**
 * Sizes of the store. Unfiltered label and relationship-type counts are answered from Neo4j's
 * count store, without touching a node.
 */
export const COUNTS = `
RETURN COUNT { MATCH (a:Actor) } AS actors,
       COUNT { MATCH (t:Topic) } AS topics,
       COUNT { MATCH (c:Collaboration) } AS collaborations,
       COUNT { MATCH ()-[p:PARTICIPATED_IN]->() } AS participations,
       COUNT { MATCH ()-[i:INTERESTED_IN]->() } AS interests`;

// ---------------------------------------------------------------------------------------------
// Batched lookups by id (the adapter passes distinct ids and places the rows by id)

/**
 * Actors by id (unique-constraint index seek for the whole list). Each as the list of records.ts
 * ACTOR_ROW, not `properties(a)`: the driver decodes a map's keys for every record. Likewise the
 * actors, topics and collaborations of ACTOR_PANEL_PAGES, PARTICIPATION_PAGES_OF_ACTORS and the
 * actor lists (ACTOR_ROW, TOPIC_ROW, COLLABORATION_ROW), and the participants of ACTOR_PAGES and
 * PARTICIPATIONS_AND_ACTORS_OF_COLLABORATIONS (participations there as [actorId, role]: the
 * busiest actor's page reads 33k actors and 57k participations).
 */
export const GET_ACTORS = `
MATCH (a:Actor)
USING INDEX SEEK a:Actor(id)
WHERE a.id IN $ids
RETURN [a.id, a.name, a.kind, a.description, a.district, a.website, a.contact, a.createdAt, a.updatedAt, a.version] AS actor`;

/**
 * Actors' names by id (labels: the rest of each record is not read), as `[id, name]` pairs in one
 * row: 300 rows (an ego network's labels) cost Neo4j and the driver about twice what one list does.
 */
export const GET_ACTOR_NAMES = `
MATCH (a:Actor)
USING INDEX SEEK a:Actor(id)
WHERE a.id IN $ids
RETURN collect([a.id, a.name]) AS names`;

/** Topics by id. */
export const GET_TOPICS = `
MATCH (t:Topic)
WHERE t.id IN $ids
RETURN properties(t) AS topic`;

/** Collaborations by id. */
export const GET_COLLABORATIONS = `
MATCH (c:Collaboration)
WHERE c.id IN $ids
RETURN properties(c) AS collaboration`;

/** GET_ACTORS, GET_TOPICS and GET_COLLABORATIONS in one statement (getRecords): one round trip. */
export const GET_RECORDS = `
CALL () {
  MATCH (a:Actor)
  USING INDEX SEEK a:Actor(id)
  WHERE a.id IN $actorIds
  RETURN collect(properties(a)) AS actors
}
CALL () {
  MATCH (t:Topic)
  WHERE t.id IN $topicIds
  RETURN collect(properties(t)) AS topics
}
CALL () {
  MATCH (c:Collaboration)
  WHERE c.id IN $collaborationIds
  RETURN collect(properties(c)) AS collaborations
}
RETURN actors, topics, collaborations`;

// ---------------------------------------------------------------------------------------------
// Batched relations by key: one row per key that has any, the list collected in order

/** Per actor id: its interests, by topic nameKey then topic id. */
export const INTERESTS_OF_ACTORS = `
UNWIND $ids AS id
MATCH (a:Actor {id: id})-[r:INTERESTED_IN]->(t:Topic)
USING INDEX SEEK a:Actor(id)
WITH id, r, t
ORDER BY t.nameKey, t.id
RETURN id, collect({topicId: t.id, weight: r.weight}) AS interests`;

/** Per topic id: the interests in it, by actor nameKey then actor id. */
export const INTERESTS_IN_TOPICS = `
UNWIND $ids AS id
MATCH (a:Actor)-[r:INTERESTED_IN]->(:Topic {id: id})
WITH id, r, a
ORDER BY a.nameKey, a.id
RETURN id, collect({actorId: a.id, weight: r.weight}) AS interests`;

/** Per actor id: its participations, newest collaboration first (collaboration order). */
export const PARTICIPATIONS_OF_ACTORS = `
UNWIND $ids AS id
MATCH (:Actor {id: id})-[r:PARTICIPATED_IN]->(c:Collaboration)
WITH id, r, c
ORDER BY coalesce(c.startDate, '') DESC, c.id
RETURN id, collect({collaborationId: c.id, role: r.role}) AS participations`;

/** Per collaboration id: its participants as [actorId, role] rows, by actor nameKey then actor id. */
export const PARTICIPATIONS_OF_COLLABORATIONS = `
UNWIND $ids AS id
MATCH (a:Actor)-[r:PARTICIPATED_IN]->(:Collaboration {id: id})
WITH id, r, a
ORDER BY a.nameKey, a.id
RETURN id, collect([a.id, r.role]) AS participations`;

/** PARTICIPATIONS_OF_ACTORS and, in the same statement, the records of those collaborations (each once). */
export const PARTICIPATIONS_AND_COLLABORATIONS_OF_ACTORS = `
CALL () {
  UNWIND $ids AS id
  MATCH (:Actor {id: id})-[r:PARTICIPATED_IN]->(c:Collaboration)
  WITH id, r, c
  ORDER BY coalesce(c.startDate, '') DESC, c.id
  WITH id, collect({collaborationId: c.id, role: r.role}) AS participations
  RETURN collect({id: id, participations: participations}) AS lists
}
CALL () {
  UNWIND $ids AS id
  MATCH (:Actor {id: id})-[:PARTICIPATED_IN]->(c:Collaboration)
  WITH DISTINCT c
  RETURN collect(properties(c)) AS collaborations
}
RETURN lists, collaborations`;

/** INTERESTS_OF_ACTORS and, in the same statement, those topics' records (each once). */
export const INTERESTS_AND_TOPICS_OF_ACTORS = `
CALL () {
  UNWIND $ids AS id
  MATCH (:Actor {id: id})-[r:INTERESTED_IN]->(t:Topic)
  WITH id, r, t
  ORDER BY t.nameKey, t.id
  WITH id, collect({topicId: t.id, weight: r.weight}) AS interests
  RETURN collect({id: id, interests: interests}) AS lists
}
CALL () {
  UNWIND $ids AS id
  MATCH (:Actor {id: id})-[:INTERESTED_IN]->(t:Topic)
  WITH DISTINCT t
  RETURN collect(properties(t)) AS topics
}
RETURN lists, topics`;

/** PARTICIPATIONS_OF_COLLABORATIONS and, in the same statement, the participants' records (each once). */
export const PARTICIPATIONS_AND_ACTORS_OF_COLLABORATIONS = `
CALL () {
  UNWIND $ids AS id
  MATCH (a:Actor)-[r:PARTICIPATED_IN]->(:Collaboration {id: id})
  WITH id, r, a
  ORDER BY a.nameKey, a.id
  WITH id, collect([a.id, r.role]) AS participations
  RETURN collect({id: id, participations: participations}) AS lists
}
CALL () {
  UNWIND $ids AS id
  MATCH (a:Actor)-[:PARTICIPATED_IN]->(:Collaboration {id: id})
  WITH DISTINCT a
  RETURN collect([a.id, a.name, a.kind, a.description, a.district, a.website, a.contact, a.createdAt, a.updatedAt, a.version]) AS actors
}
RETURN lists, actors`;

/**
 * An actor page in one statement (one round trip instead of three, one per level of the page):
 * the actors, PARTICIPATIONS_OF_ACTORS, their collaborations (each once) with
 * PARTICIPATIONS_OF_COLLABORATIONS of each, and the participants' records (each once).
 */
export const ACTOR_PAGES = `
CALL () {
  UNWIND $ids AS id
  MATCH (a:Actor {id: id})
  RETURN collect(properties(a)) AS actors
}
CALL () {
  UNWIND $ids AS id
  MATCH (:Actor {id: id})-[r:PARTICIPATED_IN]->(c:Collaboration)
  WITH id, r, c
  ORDER BY coalesce(c.startDate, '') DESC, c.id
  WITH id, collect({collaborationId: c.id, role: r.role}) AS participations
  RETURN collect({id: id, participations: participations}) AS lists
}
CALL () {
  UNWIND $ids AS id
  MATCH (:Actor {id: id})-[:PARTICIPATED_IN]->(c:Collaboration)
  WITH DISTINCT c
  CALL (c) {
    MATCH (p:Actor)-[q:PARTICIPATED_IN]->(c)
    WITH p, q
    ORDER BY p.nameKey, p.id
    RETURN collect([p.id, q.role]) AS members
  }
  RETURN collect({collaboration: properties(c), members: members}) AS collaborations
}
CALL () {
  UNWIND $ids AS id
  MATCH (:Actor {id: id})-[:PARTICIPATED_IN]->(c:Collaboration)
  WITH DISTINCT c
  MATCH (p:Actor)-[:PARTICIPATED_IN]->(c)
  WITH DISTINCT p
  RETURN collect([p.id, p.name, p.kind, p.description, p.district, p.website, p.contact, p.createdAt, p.updatedAt, p.version]) AS participants
}
RETURN actors, lists, collaborations, participants`;

/**
 * An actor panel in one statement (one round trip instead of three, one per level of the panel):
 * the actors, INTERESTS_OF_ACTORS with those topics (each once) and
 * PARTICIPATIONS_AND_COLLABORATIONS_OF_ACTORS — not the collaborations' participants.
 */
export const ACTOR_PANELS = `
CALL () {
  UNWIND $ids AS id
  MATCH (a:Actor {id: id})
  RETURN collect(properties(a)) AS actors
}
CALL () {
  UNWIND $ids AS id
  MATCH (:Actor {id: id})-[r:INTERESTED_IN]->(t:Topic)
  WITH id, r, t
  ORDER BY t.nameKey, t.id
  WITH id, collect({topicId: t.id, weight: r.weight}) AS interests
  RETURN collect({id: id, interests: interests}) AS interestLists
}
CALL () {
  UNWIND $ids AS id
  MATCH (:Actor {id: id})-[:INTERESTED_IN]->(t:Topic)
  WITH DISTINCT t
  RETURN collect(properties(t)) AS topics
}
CALL () {
  UNWIND $ids AS id
  MATCH (:Actor {id: id})-[r:PARTICIPATED_IN]->(c:Collaboration)
  WITH id, r, c
  ORDER BY coalesce(c.startDate, '') DESC, c.id
  WITH id, collect({collaborationId: c.id, role: r.role}) AS participations
  RETURN collect({id: id, participations: participations}) AS lists
}
CALL () {
  UNWIND $ids AS id
  MATCH (:Actor {id: id})-[:PARTICIPATED_IN]->(c:Collaboration)
  WITH DISTINCT c
  RETURN collect(properties(c)) AS collaborations
}
RETURN actors, interestLists, topics, lists, collaborations`;

/**
 * Per actor id: one page of its participations in collaboration order after the collaboration
 * $after (null: from the newest), cut by `LIMIT $limit` per actor, each with its collaboration's
 * record. An actor that did not take part in $after has no row (the adapter answers null).
 */
export const PARTICIPATION_PAGES_OF_ACTORS = `
UNWIND $ids AS id
OPTIONAL MATCH (:Actor {id: id})-[:PARTICIPATED_IN]->(cursor:Collaboration {id: $after})
WITH id, cursor
WHERE $after IS NULL OR cursor IS NOT NULL
CALL (id, cursor) {
  MATCH (:Actor {id: id})-[r:PARTICIPATED_IN]->(c:Collaboration)
  WHERE cursor IS NULL
     OR coalesce(c.startDate, '') < coalesce(cursor.startDate, '')
     OR (coalesce(c.startDate, '') = coalesce(cursor.startDate, '') AND c.id > cursor.id)
  WITH r, c
  ORDER BY coalesce(c.startDate, '') DESC, c.id
  LIMIT $limit
  RETURN collect({role: r.role, collaboration: [c.id, c.title, c.kind, c.startDate, c.endDate, c.location, c.description, c.createdAt, c.updatedAt, c.version]}) AS rows
}
RETURN id, rows`;

/**
 * ACTOR_PANELS with PARTICIPATION_PAGES_OF_ACTORS (a page of each actor's participations) in place
 * of all of them. Its actors are `$recordIds`: the panel's own (`$ids`) and the others asked with
 * them (the top collaborators), read here rather than by GET_ACTORS in a second statement.
 */
export const ACTOR_PANEL_PAGES = `
CALL () {
  UNWIND $recordIds AS id
  MATCH (a:Actor {id: id})
  RETURN collect([a.id, a.name, a.kind, a.description, a.district, a.website, a.contact, a.createdAt, a.updatedAt, a.version]) AS actors
}
CALL () {
  UNWIND $ids AS id
  MATCH (:Actor {id: id})-[r:INTERESTED_IN]->(t:Topic)
  WITH id, r, t
  ORDER BY t.nameKey, t.id
  WITH id, collect({topicId: t.id, weight: r.weight}) AS interests
  RETURN collect({id: id, interests: interests}) AS interestLists
}
CALL () {
  UNWIND $ids AS id
  MATCH (:Actor {id: id})-[:INTERESTED_IN]->(t:Topic)
  WITH DISTINCT t
  RETURN collect([t.id, t.name, t.slug, t.aliases]) AS topics
}
CALL () {
  UNWIND $ids AS id
  OPTIONAL MATCH (:Actor {id: id})-[:PARTICIPATED_IN]->(cursor:Collaboration {id: $after})
  WITH id, cursor
  WHERE $after IS NULL OR cursor IS NOT NULL
  CALL (id, cursor) {
    MATCH (:Actor {id: id})-[r:PARTICIPATED_IN]->(c:Collaboration)
    WHERE cursor IS NULL
       OR coalesce(c.startDate, '') < coalesce(cursor.startDate, '')
       OR (coalesce(c.startDate, '') = coalesce(cursor.startDate, '') AND c.id > cursor.id)
    WITH r, c
    ORDER BY coalesce(c.startDate, '') DESC, c.id
    LIMIT $limit
    RETURN collect({role: r.role, collaboration: [c.id, c.title, c.kind, c.startDate, c.endDate, c.location, c.description, c.createdAt, c.updatedAt, c.version]}) AS rows
  }
  RETURN collect({id: id, rows: rows}) AS pages
}
RETURN actors, interestLists, topics, pages`;

/** Per collaboration id: ids of its topics, by topic nameKey then id. */
export const TOPICS_OF_COLLABORATIONS = `
UNWIND $ids AS id
MATCH (:Collaboration {id: id})-[:ABOUT]->(t:Topic)
WITH id, t
ORDER BY t.nameKey, t.id
RETURN id, collect(t.id) AS topicIds`;

/** Per topic id: ids of the collaborations about it, in collaboration order. */
export const COLLABORATIONS_OF_TOPICS = `
UNWIND $ids AS id
MATCH (c:Collaboration)-[:ABOUT]->(:Topic {id: id})
WITH id, c
ORDER BY coalesce(c.startDate, '') DESC, c.id
RETURN id, collect(c.id) AS collaborationIds`;

/** One page of a topic's interests in actor-id order after $after, with the actor's nameKey (a large topic read in parts). */
export const INTERESTS_IN_TOPIC_PAGE = `
MATCH (a:Actor)-[r:INTERESTED_IN]->(:Topic {id: $topicId})
WHERE a.id > $after
RETURN a.id AS actorId, r.weight AS weight, a.nameKey AS nameKey
ORDER BY a.id
LIMIT $limit`;

/** One page of an actor's participations in collaboration-id order after $after, with the collaborations (a busy actor read in parts). */
export const PARTICIPATIONS_OF_ACTOR_PAGE = `
MATCH (:Actor {id: $actorId})-[r:PARTICIPATED_IN]->(c:Collaboration)
WHERE c.id > $after
RETURN r.role AS role, properties(c) AS collaboration
ORDER BY c.id
LIMIT $limit`;

/** One page of the collaborations about a topic in id order after $after, with their start dates. */
export const COLLABORATIONS_OF_TOPIC_PAGE = `
MATCH (c:Collaboration)-[:ABOUT]->(:Topic {id: $topicId})
WHERE c.id > $after
RETURN c.id AS id, c.startDate AS startDate
ORDER BY c.id
LIMIT $limit`;

/** Per topic id: interested actors and collaborations about it (relationship degrees). */
export const TOPIC_STATS = `
UNWIND $ids AS id
MATCH (t:Topic {id: id})
RETURN id,
       COUNT { MATCH (t)<-[:INTERESTED_IN]-(:Actor) } AS actorCount,
       COUNT { MATCH (t)<-[:ABOUT]-(:Collaboration) } AS collaborationCount`;

/**
 * Per actor id: every other actor it shares a collaboration with, with the shared collaborations in
 * collaboration order; partners by number shared descending, then partner id.
 */
export const COLLABORATORS_OF_ACTORS = `
UNWIND $ids AS id
MATCH (a:Actor {id: id})-[:PARTICIPATED_IN]->(c:Collaboration)<-[:PARTICIPATED_IN]-(p:Actor)
USING INDEX SEEK a:Actor(id)
WHERE p <> a
WITH id, p, c
ORDER BY coalesce(c.startDate, '') DESC, c.id
WITH id, p.id AS partnerId, collect(c.id) AS collaborationIds
ORDER BY size(collaborationIds) DESC, partnerId
RETURN id, collect({partnerId: partnerId, collaborationIds: collaborationIds}) AS collaborators`;

// ---------------------------------------------------------------------------------------------
// Paged lists. The keyset is `$afterKey`/`$afterId` (the domain/paging cursor). For actors and topics
// the first page passes `$afterKey` = '' (every string is >= '') and `$afterId` = null, so one
// statement serves every page and `nameKey >= $afterKey` is always a range the planner can seek in
// the index and read in order. `$limit` is the page size + 1 (the extra row answers hasNextPage).
// Absent filters are null. totalCount of the topic, collaboration and participant lists is a
// separate statement sent beside it (lists.ts); without filters it is the COUNT_ALL_* statement,
// which the count store answers. The actor lists count in the page's own statement (below).
// The index hints (`USING … INDEX SEEK`) pin the plan that holds at 100k: without them the planner
// chose by the statistics of the moment, and on a small or just-emptied database it sometimes read
// the whole index in order and filtered, or scanned the label, instead of seeking. A plain
// `USING INDEX` still let it satisfy the hint with an ordered scan of the whole index (once in CI,
// right after the bulk-import tests); `SEEK` allows only a seek.

// The actor lists (the map's list and its name search) answer their page and its total in one
// statement — two subqueries, the total, then the page collected in order — so one Bolt round trip
// and one session: at 100k actors a name search took about half the time and half the client CPU
// of the page and the count sent at once as two statements (docs/performance.md). With
// `$withInterests` the same statement also reads the page's interests, in the order of
// INTERESTS_OF_ACTORS (by topic nameKey, id; grouped per actor by the adapter), and their topics
// (each once): a list that shows each actor's topics needs no second round trip. Without it that
// subquery reads nothing. Actors, interests and topics come as lists of values in a fixed order
// (records.ts ACTOR_ROW, TOPIC_ROW; an interest is [actorId, topicId, weight]), not as maps: the
// driver decodes every key of every map, and at 100k the page of 50 as maps (with each interest's
// topic) cost 1.7 ms of client CPU per statement, as lists 1.0 ms (the statement alone, load ~6).

/**
 * One page of actors by nameKey, id (the actor_name_key index read in order) and, from the count
 * store, how many actors there are: the list without filters.
 */
export const LIST_ALL_ACTORS = `
CALL () {
  MATCH (a:Actor)
  RETURN count(a) AS total
}
CALL () {
  MATCH (a:Actor)
  USING RANGE INDEX SEEK a:Actor(nameKey)
  WHERE a.nameKey >= $afterKey
    AND ($afterId IS NULL OR a.nameKey > $afterKey OR a.id > $afterId)
  WITH a ORDER BY a.nameKey, a.id LIMIT $limit
  RETURN collect(a) AS page
}
CALL (page) {
  UNWIND CASE WHEN $withInterests THEN page ELSE [] END AS a
  MATCH (a)-[r:INTERESTED_IN]->(t:Topic)
  WITH a, r, t
  ORDER BY t.nameKey, t.id
  RETURN collect([a.id, t.id, r.weight]) AS interests, collect(DISTINCT t) AS interestTopics
}
RETURN total,
  [a IN page | [a.id, a.name, a.kind, a.description, a.district, a.website, a.contact, a.createdAt, a.updatedAt, a.version]] AS actors,
  interests,
  [t IN interestTopics | [t.id, t.name, t.slug, t.aliases]] AS topics`;

/** One page of actors by nameKey, id under the filters (the index read in order), and their total. */
export const LIST_ACTORS = `
CALL () {
  MATCH (a:Actor)
  WHERE ($kinds IS NULL OR a.kind IN $kinds)
    AND ($nameContains IS NULL OR a.nameKey CONTAINS $nameContains)
    AND ($topicIds IS NULL OR EXISTS { MATCH (a)-[:INTERESTED_IN]->(t:Topic) WHERE t.id IN $topicIds })
  RETURN count(a) AS total
}
CALL () {
  MATCH (a:Actor)
  USING RANGE INDEX SEEK a:Actor(nameKey)
  WHERE a.nameKey >= $afterKey
    AND ($afterId IS NULL OR a.nameKey > $afterKey OR a.id > $afterId)
    AND ($kinds IS NULL OR a.kind IN $kinds)
    AND ($nameContains IS NULL OR a.nameKey CONTAINS $nameContains)
    AND ($topicIds IS NULL OR EXISTS { MATCH (a)-[:INTERESTED_IN]->(t:Topic) WHERE t.id IN $topicIds })
  WITH a ORDER BY a.nameKey, a.id LIMIT $limit
  RETURN collect(a) AS page
}
CALL (page) {
  UNWIND CASE WHEN $withInterests THEN page ELSE [] END AS a
  MATCH (a)-[r:INTERESTED_IN]->(t:Topic)
  WITH a, r, t
  ORDER BY t.nameKey, t.id
  RETURN collect([a.id, t.id, r.weight]) AS interests, collect(DISTINCT t) AS interestTopics
}
RETURN total,
  [a IN page | [a.id, a.name, a.kind, a.description, a.district, a.website, a.contact, a.createdAt, a.updatedAt, a.version]] AS actors,
  interests,
  [t IN interestTopics | [t.id, t.name, t.slug, t.aliases]] AS topics`;

/**
 * LIST_ACTORS for a name search: the text (trigram) index finds the actors whose nameKey contains
 * the term, and only those are counted and sorted — instead of reading the nameKey range index in
 * order and testing every actor (all 100k of them when the term is rare).
 */
export const SEARCH_ACTORS = `
CALL () {
  MATCH (a:Actor)
  USING TEXT INDEX a:Actor(nameKey)
  WHERE a.nameKey CONTAINS $nameContains
    AND ($kinds IS NULL OR a.kind IN $kinds)
    AND ($topicIds IS NULL OR EXISTS { MATCH (a)-[:INTERESTED_IN]->(t:Topic) WHERE t.id IN $topicIds })
  RETURN count(a) AS total
}
CALL () {
  MATCH (a:Actor)
  USING TEXT INDEX a:Actor(nameKey)
  WHERE a.nameKey CONTAINS $nameContains
    AND a.nameKey >= $afterKey
    AND ($afterId IS NULL OR a.nameKey > $afterKey OR a.id > $afterId)
    AND ($kinds IS NULL OR a.kind IN $kinds)
    AND ($topicIds IS NULL OR EXISTS { MATCH (a)-[:INTERESTED_IN]->(t:Topic) WHERE t.id IN $topicIds })
  WITH a ORDER BY a.nameKey, a.id LIMIT $limit
  RETURN collect(a) AS page
}
CALL (page) {
  UNWIND CASE WHEN $withInterests THEN page ELSE [] END AS a
  MATCH (a)-[r:INTERESTED_IN]->(t:Topic)
  WITH a, r, t
  ORDER BY t.nameKey, t.id
  RETURN collect([a.id, t.id, r.weight]) AS interests, collect(DISTINCT t) AS interestTopics
}
RETURN total,
  [a IN page | [a.id, a.name, a.kind, a.description, a.district, a.website, a.contact, a.createdAt, a.updatedAt, a.version]] AS actors,
  interests,
  [t IN interestTopics | [t.id, t.name, t.slug, t.aliases]] AS topics`;

/** One page of a collaboration's participants by actor nameKey, id (from the collaboration, by id). */
export const LIST_PARTICIPANTS = `
MATCH (a:Actor)-[r:PARTICIPATED_IN]->(:Collaboration {id: $id})
WHERE a.nameKey >= $afterKey
  AND ($afterId IS NULL OR a.nameKey > $afterKey OR a.id > $afterId)
RETURN a.id AS actorId, a.nameKey AS nameKey, r.role AS role
ORDER BY a.nameKey, a.id
LIMIT $limit`;

/** totalCount of LIST_PARTICIPANTS: the collaboration's degree (0 when it does not exist). */
export const COUNT_PARTICIPANTS = `
RETURN COUNT { MATCH (:Actor)-[:PARTICIPATED_IN]->(:Collaboration {id: $id}) } AS total`;

/** One page of topics by nameKey, id: reads the topic_name_key index in order. */
export const LIST_TOPICS = `
MATCH (t:Topic)
USING RANGE INDEX SEEK t:Topic(nameKey)
WHERE t.nameKey >= $afterKey
  AND ($afterId IS NULL OR t.nameKey > $afterKey OR t.id > $afterId)
  AND ($nameContains IS NULL OR t.nameKey CONTAINS $nameContains)
RETURN properties(t) AS topic
ORDER BY t.nameKey, t.id
LIMIT $limit`;

/** totalCount of LIST_TOPICS. */
export const COUNT_TOPICS = `
MATCH (t:Topic)
WHERE ($nameContains IS NULL OR t.nameKey CONTAINS $nameContains)
RETURN count(t) AS total`;

/** totalCount of LIST_TOPICS without filters (count store). */
export const COUNT_ALL_TOPICS = 'MATCH (t:Topic) RETURN count(t) AS total';

/**
 * One page of collaborations, newest first. `$afterId` null means the first page; otherwise the
 * keyset is d < $afterKey OR (d = $afterKey AND id > $afterId) with d = coalesce(startDate, '').
 * Date filter: overlaps [$from, $to]; without a startDate a collaboration never matches it.
 */
export const LIST_COLLABORATIONS = `
MATCH (c:Collaboration)
WITH c, coalesce(c.startDate, '') AS d
WHERE ($afterId IS NULL OR d < $afterKey OR (d = $afterKey AND c.id > $afterId))
  AND ($kinds IS NULL OR c.kind IN $kinds)
  AND ($topicIds IS NULL OR EXISTS { MATCH (c)-[:ABOUT]->(t:Topic) WHERE t.id IN $topicIds })
  AND ($to IS NULL OR (c.startDate IS NOT NULL AND c.startDate <= $to))
  AND ($from IS NULL OR (c.startDate IS NOT NULL AND coalesce(c.endDate, c.startDate) >= $from))
RETURN properties(c) AS collaboration
ORDER BY d DESC, c.id
LIMIT $limit`;

/** totalCount of LIST_COLLABORATIONS. */
export const COUNT_COLLABORATIONS = `
MATCH (c:Collaboration)
WHERE ($kinds IS NULL OR c.kind IN $kinds)
  AND ($topicIds IS NULL OR EXISTS { MATCH (c)-[:ABOUT]->(t:Topic) WHERE t.id IN $topicIds })
  AND ($to IS NULL OR (c.startDate IS NOT NULL AND c.startDate <= $to))
  AND ($from IS NULL OR (c.startDate IS NOT NULL AND coalesce(c.endDate, c.startDate) >= $from))
RETURN count(c) AS total`;

/** totalCount of LIST_COLLABORATIONS without filters (count store). */
export const COUNT_ALL_COLLABORATIONS = 'MATCH (c:Collaboration) RETURN count(c) AS total';

// ---------------------------------------------------------------------------------------------
// Snapshot for the in-memory projection: plain scans, no order needed

/** Every actor with its kind. */
export const SNAPSHOT_ACTORS = 'MATCH (a:Actor) RETURN a.id AS id, a.kind AS kind';
/** Every topic id. */
export const SNAPSHOT_TOPICS = 'MATCH (t:Topic) RETURN t.id AS id';
/** Every collaboration with what the projection needs of it. */
export const SNAPSHOT_COLLABORATIONS = `
MATCH (c:Collaboration)
RETURN c.id AS id, c.kind AS kind, c.startDate AS startDate, c.endDate AS endDate`;
/** Every participation as an id pair. */
export const SNAPSHOT_PARTICIPATIONS = `
MATCH (a:Actor)-[:PARTICIPATED_IN]->(c:Collaboration)
RETURN a.id AS actorId, c.id AS collaborationId`;
/** Every interest as an id pair. */
export const SNAPSHOT_INTERESTS = `
MATCH (a:Actor)-[:INTERESTED_IN]->(t:Topic)
RETURN a.id AS actorId, t.id AS topicId`;
/** Every ABOUT relationship as an id pair. */
export const SNAPSHOT_ABOUT = `
MATCH (c:Collaboration)-[:ABOUT]->(t:Topic)
RETURN c.id AS collaborationId, t.id AS topicId`;

// ---------------------------------------------------------------------------------------------
// Existence checks run first in every write transaction (the write throws before it changes
// anything when one of them finds an unknown or a taken id)

/** Which of `$ids` are actors. */
export const EXISTING_ACTOR_IDS = `
MATCH (a:Actor)
WHERE a.id IN $ids
RETURN a.id AS id`;

/** Which of `$ids` are topics. */
export const EXISTING_TOPIC_IDS = `
MATCH (t:Topic)
WHERE t.id IN $ids
RETURN t.id AS id`;

/** Which of `$ids` are collaborations. */
export const EXISTING_COLLABORATION_IDS = `
MATCH (c:Collaboration)
WHERE c.id IN $ids
RETURN c.id AS id`;

/** The id of the topic that has the slug `$slug`, if any. */
export const TOPIC_ID_BY_SLUG = `
MATCH (t:Topic {slug: $slug})
RETURN t.id AS id`;

// ---------------------------------------------------------------------------------------------
// mergeGraph: `UNWIND $rows` batches inside one transaction. MERGE by id, properties set only
// ON CREATE, so existing records and relationships stay as they are; the adapter counts what was
// created from the summary counters of each batch.

/** Topics: rows are full property maps (id, name, nameKey, slug, aliases). */
export const MERGE_TOPICS = `
UNWIND $rows AS r
MERGE (t:Topic {id: r.id})
ON CREATE SET t += r`;

/** Actors: rows are full property maps; a new actor starts at version 1. */
export const MERGE_ACTORS = `
UNWIND $rows AS r
MERGE (a:Actor {id: r.id})
ON CREATE SET a += r, a.version = 1`;

/** Collaborations: rows are full property maps. */
export const MERGE_COLLABORATIONS = `
UNWIND $rows AS r
MERGE (c:Collaboration {id: r.id})
ON CREATE SET c += r`;

/** Interests: rows {actorId, topicId, weight}; the weight of an existing interest is kept. */
export const MERGE_INTERESTS = `
UNWIND $rows AS r
MATCH (a:Actor {id: r.actorId})
MATCH (t:Topic {id: r.topicId})
MERGE (a)-[i:INTERESTED_IN]->(t)
ON CREATE SET i.weight = r.weight`;

/** Participations: rows {actorId, collaborationId, role}; the role of an existing one is kept. */
export const MERGE_PARTICIPATIONS = `
UNWIND $rows AS r
MATCH (a:Actor {id: r.actorId})
MATCH (c:Collaboration {id: r.collaborationId})
MERGE (a)-[p:PARTICIPATED_IN]->(c)
ON CREATE SET p.role = r.role`;

/** ABOUT relationships: rows {collaborationId, topicId}. */
export const MERGE_ABOUT = `
UNWIND $rows AS r
MATCH (c:Collaboration {id: r.collaborationId})
MATCH (t:Topic {id: r.topicId})
MERGE (c)-[:ABOUT]->(t)`;
