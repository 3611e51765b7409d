/**
 * Keeps the projection (graph/projection.ts) current by following the store's change feed
 * (store/feed-rules.ts): the events after the last seq applied are read — every FEED_POLL_MS and
 * right after each of this service's own writes — together with the entities they touch as the store
 * holds them (readFeedPage: one statement, one round trip on Neo4j; a collaboration write on Neo4j
 * reads that page in its own statement and hands it over: catchUp(read)), which are reconciled into the
 * projection through its own update methods, which bump `version` only when what it holds changed
 * (so the caches keyed by it — insight, suggestions, duplicates — are invalidated exactly then). Writes of every process on the store (other replicas on
 * one Neo4j, `npm run import`, the keys CLI, scripts on the same SQLite file) arrive the same way.
 *
 * State-based rather than diff-based: an event says which entity changed, the store says what it is
 * now. Applying an event twice, or after a later state was already read, changes nothing, so a
 * projection built from a snapshot can start following from the head read before the snapshot.
 *
 * A full rebuild from the store happens only for bulk events (a mergeGraph / import summary on
 * "Network", an erasure whose person is a pseudonym in the feed), when this process is further behind
 * than the oldest retained event (pruned), and as the periodic safety net (`verify`), which counts
 * how often it finds a difference.
 */
import type { GraphSnapshot, NetworkStore } from '../../store/network-store';
import type { TouchedIds, TouchedState } from '../../domain/records';
import type { FeedEvent, FeedPage } from './feed-rules';
import { MAX_FEED_PAGE } from './feed-rules';
import type { NetworkProjection } from '../../graph/projection';
import { snapshotFingerprint } from '../../graph/snapshot-fingerprint';

export interface FeedStatus {
  /** The seq of the last event applied. */
  seq: number;
  /** Events applied since start. */
  eventsApplied: number;
  /** Full rebuilds for bulk events or a pruned gap. */
  feedRebuilds: number;
  /** Safety-net comparisons run, and how many found the projection different from the store. */
  verifications: number;
  differencesFound: number;
  /** When the feed was last read without error (ISO-8601), null before. */
  lastReadAt: string | null;
}

export interface FeedFollowerHooks {
  /** The projection was replaced as a whole. */
  reloaded?(): void;
  /** Events were applied (for subscriptions and logging). */
  applied?(events: readonly FeedEvent[]): void;
}

export class FeedFollower {
  private status: FeedStatus = {
    seq: 0,
    eventsApplied: 0,
    feedRebuilds: 0,
    verifications: 0,
    differencesFound: 0,
    lastReadAt: null,
  };

  constructor(
    private readonly store: NetworkStore,
    private readonly projection: NetworkProjection,
    private readonly hooks: FeedFollowerHooks = {},
  ) {}

  get seq(): number {
    return this.status.seq;
  }

  snapshot(): FeedStatus {
    return { ...this.status };
  }

  /** Sets the starting point: call with the head read BEFORE the snapshot the projection was built from. */
  startAt(seq: number): void {
    this.status.seq = seq;
  }

  /**
   * Applies every event committed after the last one applied. The caller serialises calls (the
   * service runs them in its write queue), so the projection changes one batch at a time. `read`:
   * a page already read after a seq (a write's own, CreatedCollaboration.feed), taken as the first
   * readFeedPage when it was read after the last seq applied, and ignored otherwise.
   */
  async catchUp(read?: { after: number; page: FeedPage }): Promise<number> {
    let applied = 0;
    let given = read?.after === this.status.seq ? read.page : undefined;
    for (;;) {
      // The events, the head and the entities the events touch: one round trip on Neo4j.
      const page = given ?? (await this.store.readFeedPage(this.status.seq, MAX_FEED_PAGE));
      given = undefined;
      const { events } = page;
      this.status.lastReadAt = new Date().toISOString();
      // A gap below the first event, or nothing at all: events this process never saw may have been
      // pruned. (A gap may also be a rolled-back Neo4j write: the watermark tells which.) With nothing
      // read, the page's head suffices (a prune it missed is found by the next read); a gap is checked
      // against a head read after the events for sure, before the events after it are applied.
      if (events.length === 0 || events[0]!.seq !== this.status.seq + 1) {
        const head =
          events.length === 0 || page.head.prunedThrough > this.status.seq ? page.head : await this.store.feedHead();
        if (head.prunedThrough > this.status.seq) {
          await this.reload(head.head);
          continue;
        }
      }
      if (events.length === 0) return applied;
      await this.apply(page);
      applied += events.length;
      if (events.length < MAX_FEED_PAGE) return applied;
    }
  }

  /**
   * The safety net: catches up, reads a snapshot and compares it with the projection. Answers
   * whether they differed (then the snapshot is loaded). Skipped (false) while others write.
   */
  async verify(): Promise<boolean> {
    await this.catchUp();
    const before = await this.store.feedHead();
    if (before.head !== this.status.seq) return false;
    const snapshot = await this.store.loadSnapshot();
    const after = await this.store.feedHead();
    if (after.head !== before.head) return false; // a write in between: try again next time
    this.status.verifications++;
    const differs = snapshotFingerprint(snapshot) !== snapshotFingerprint(projectionSnapshot(this.projection));
    if (differs) {
      this.status.differencesFound++;
      console.warn(`Projection safety net: the projection differed from the store at seq ${after.head}; rebuilt.`);
      this.projection.load(snapshot);
      this.hooks.reloaded?.();
    } else {
      this.projection.builtAt = new Date();
    }
    return differs;
  }

  private async reload(head: number): Promise<void> {
    // The head first: events committed after it are applied again later, which changes nothing.
    const snapshot = await this.store.loadSnapshot();
    this.projection.load(snapshot);
    this.status.seq = Math.max(this.status.seq, head);
    this.status.feedRebuilds++;
    this.hooks.reloaded?.();
  }

  private async apply({ events, ids, touched }: FeedPage): Promise<void> {
    const last = events[events.length - 1]!.seq;
    if (events.some((e) => e.entityType === 'Network' || e.operation === 'ERASE')) {
      // Up to `last` only: events after it are read, applied (again, harmlessly) and published next.
      await this.reload(last);
    } else {
      this.reconcile(ids, touched);
      this.status.seq = last;
    }
    this.status.eventsApplied += events.length;
    this.hooks.applied?.(events);
  }

  /** Brings the projection to what the store holds now of the entities the events touched. */
  private reconcile(ids: TouchedIds, { topics, collaborations, actors }: TouchedState): void {
    const p = this.projection;
    const { topicIds: tIds, collaborationIds: cIds, actorIds: aIds } = ids;

    // What is gone first; removing a topic also takes it out of interests and collaborations.
    tIds.forEach((id, i) => {
      if (!topics[i] && p.topics.has(id)) p.removeTopic(id);
      else if (topics[i] && !p.topics.has(id)) p.addTopic(id);
    });
    cIds.forEach((id, i) => {
      if (!collaborations[i] && p.collaborations.has(id)) p.removeCollaboration(id);
    });
    aIds.forEach((id, i) => {
      if (!actors[i] && p.actors.has(id)) p.removeActor(id);
    });
    // Then what exists: kinds, dates, topics (upsert* bump `version` only on a real change).
    cIds.forEach((id, i) => {
      const c = collaborations[i];
      if (c) p.upsertCollaboration(id, c, c.topicIds);
    });
    aIds.forEach((id, i) => {
      const a = actors[i];
      if (!a) return;
      p.upsertActor(id, a.kind);
      const wanted = new Set(a.topicIds);
      if (!sameSet(wanted, p.actors.get(id)!.topics)) p.setInterests(id, wanted);
    });
    // Then who takes part in what, from both ends.
    cIds.forEach((id, i) => {
      const c = p.collaborations.get(id);
      const stored = collaborations[i];
      if (c && stored)
        reconcileMembers(
          c.actors,
          new Set(stored.actorIds),
          (a) => p.addParticipant(id, a),
          (a) => p.removeParticipant(id, a),
        );
    });
    aIds.forEach((id, i) => {
      const a = p.actors.get(id);
      const stored = actors[i];
      if (a && stored) {
        reconcileMembers(
          a.collaborations,
          new Set(stored.collaborationIds),
          (c) => p.addParticipant(c, id),
          (c) => p.removeParticipant(c, id),
        );
      }
    });
  }
}

function reconcileMembers(
  current: ReadonlySet<string>,
  wanted: ReadonlySet<string>,
  add: (id: string) => void,
  remove: (id: string) => void,
): void {
  for (const id of [...current]) if (!wanted.has(id)) remove(id);
  for (const id of wanted) if (!current.has(id)) add(id);
}

function sameSet<T>(a: ReadonlySet<T>, b: ReadonlySet<T>): boolean {
  if (a.size !== b.size) return false;
  for (const x of a) if (!b.has(x)) return false;
  return true;
}

/** The projection as a snapshot (for the fingerprint comparison of the safety net). */
export function projectionSnapshot(p: NetworkProjection): GraphSnapshot {
  const snapshot: GraphSnapshot = {
    actors: [],
    collaborations: [],
    participations: [],
    interests: [],
    about: [],
    topics: [],
  };
  for (const id of p.topics) snapshot.topics.push({ id });
  for (const [id, a] of p.actors) {
    snapshot.actors.push({ id, kind: a.kind });
    for (const t of a.topics) snapshot.interests.push({ actorId: id, topicId: t });
  }
  for (const [id, c] of p.collaborations) {
    snapshot.collaborations.push({ id, kind: c.kind, startDate: c.startDate, endDate: c.endDate });
    for (const t of c.topics) snapshot.about.push({ collaborationId: id, topicId: t });
    for (const a of c.actors) snapshot.participations.push({ actorId: a, collaborationId: id });
  }
  return snapshot;
}
