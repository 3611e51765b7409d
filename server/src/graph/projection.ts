/**
 * The in-memory projection of the network's structure: which actors took part in which
 * collaborations, with the collaborations' kinds, dates and topics and the actors' kinds and
 * interests. Built once from the store (`loadSnapshot`) and kept current by the service's writes.
 *
 * Questions about the shape of the network (paths, neighbourhoods, the viewer's network) run here,
 * the same code for every store, so both stores give the same answers by construction. Names and
 * other details come from the store.
 *
 * Iteration is in id order wherever the result depends on it, so answers never depend on the order
 * in which a store returned its rows.
 */
import type { ActorKind, CollaborationKind, IsoDate } from '../domain/model';
import type { GraphSnapshot } from '../store/network-store';
import { snapshotFingerprint } from './snapshot-fingerprint';

export interface ProjectedActor {
  kind: ActorKind;
  topics: Set<string>;
  collaborations: Set<string>;
}

export interface ProjectedCollaboration {
  kind: CollaborationKind;
  startDate: IsoDate | null;
  endDate: IsoDate | null;
  topics: Set<string>;
  actors: Set<string>;
}

/**
 * What changed in a projection since the journal was opened: readers that copy it in slices (the
 * suggestion index, features/suggestions/index-input.ts) copy again what a write touched in between
 * instead of starting over. Topics are not journaled (such a reader reads the topic list last).
 */
export interface ProjectionJournal {
  /** Actors added, removed, or whose kind or interests changed. */
  readonly actors: Set<string>;
  /** Collaborations added, removed, or whose fields, topics or members changed. */
  readonly collaborations: Set<string>;
  /** The whole state was replaced (load): copy it all again. */
  reloaded: boolean;
  close(): void;
}

export class NetworkProjection {
  readonly actors = new Map<string, ProjectedActor>();
  readonly collaborations = new Map<string, ProjectedCollaboration>();
  readonly topics = new Set<string>();
  /** When the projection was last built from the store as a whole. */
  builtAt = new Date();
  /**
   * Bumped by every change of what the projection holds (load, and every write that changes an
   * actor's kind, a collaboration's kind, dates, topics or members, interests, topics), so caches of
   * results computed on it (server/src/features/insight, suggestions) know when they are stale. A write that
   * changes only what the projection does not hold (names, descriptions, contacts) leaves it.
   */
  version = 0;
  /**
   * Bumped by every write applied to the projection, also those that leave `version` (e.g. a new
   * actor name): for caches of what is read from the store (duplicate candidates).
   */
  revision = 0;

  private readonly journals = new Set<ProjectionJournal>();

  /** Records the writes from now on until `close()`. */
  openJournal(): ProjectionJournal {
    const journal: ProjectionJournal = {
      actors: new Set(),
      collaborations: new Set(),
      reloaded: false,
      close: () => this.journals.delete(journal),
    };
    this.journals.add(journal);
    return journal;
  }

  private touch(kind: 'actors' | 'collaborations', id: string): void {
    for (const journal of this.journals) journal[kind].add(id);
  }

  static fromSnapshot(snapshot: GraphSnapshot): NetworkProjection {
    const projection = new NetworkProjection();
    projection.load(snapshot);
    return projection;
  }

  /** The fingerprint of the last snapshot loaded and the version right after loading it. */
  private loaded: { fingerprint: string; version: number } | null = null;

  /**
   * Loads the snapshot unless it is what was loaded last and no write changed the projection
   * since: then only `builtAt` moves and the version — and every cache keyed by it — stays.
   * Answers whether the state was replaced.
   */
  refresh(snapshot: GraphSnapshot): boolean {
    const fingerprint = snapshotFingerprint(snapshot);
    if (this.loaded && this.loaded.version === this.version && this.loaded.fingerprint === fingerprint) {
      this.builtAt = new Date();
      return false;
    }
    this.load(snapshot, fingerprint);
    return true;
  }

  /** Replaces the whole state with a snapshot of the store. */
  load(snapshot: GraphSnapshot, fingerprint: string = snapshotFingerprint(snapshot)): void {
    this.actors.clear();
    this.collaborations.clear();
    this.topics.clear();
    for (const t of snapshot.topics) this.topics.add(t.id);
    for (const a of snapshot.actors) this.upsertActor(a.id, a.kind);
    for (const c of snapshot.collaborations) this.upsertCollaboration(c.id, c);
    for (const p of snapshot.participations) this.addParticipant(p.collaborationId, p.actorId);
    for (const i of snapshot.interests) this.actors.get(i.actorId)?.topics.add(i.topicId);
    for (const a of snapshot.about) this.collaborations.get(a.collaborationId)?.topics.add(a.topicId);
    this.builtAt = new Date();
    this.version++;
    this.revision++;
    this.loaded = { fingerprint, version: this.version };
    for (const journal of this.journals) journal.reloaded = true;
  }

  // --- kept current by the service's writes -------------------------------------------------

  private changed(): void {
    this.version++;
    this.revision++;
  }

  /** A new actor or a new kind; the same kind again (a name or description edit) leaves `version`. */
  upsertActor(id: string, kind: ActorKind): void {
    this.revision++;
    const existing = this.actors.get(id);
    if (existing?.kind === kind) return;
    this.version++;
    this.touch('actors', id);
    if (existing) existing.kind = kind;
    else this.actors.set(id, { kind, topics: new Set(), collaborations: new Set() });
  }

  removeActor(id: string): void {
    this.changed();
    this.touch('actors', id);
    const actor = this.actors.get(id);
    if (!actor) return;
    for (const c of actor.collaborations) {
      this.collaborations.get(c)?.actors.delete(id);
      this.touch('collaborations', c);
    }
    this.actors.delete(id);
  }

  setInterests(actorId: string, topicIds: Iterable<string>): void {
    this.changed();
    this.touch('actors', actorId);
    const actor = this.actors.get(actorId);
    if (actor) actor.topics = new Set(topicIds);
  }

  addTopic(id: string): void {
    this.changed();
    this.topics.add(id);
  }

  removeTopic(id: string): void {
    this.changed();
    this.topics.delete(id);
    for (const [actorId, a] of this.actors) if (a.topics.delete(id)) this.touch('actors', actorId);
    // A new set rather than deleting from it: encoded projections (insight) hold the old one.
    for (const [collaborationId, c] of this.collaborations)
      if (c.topics.has(id)) {
        c.topics = new Set([...c.topics].filter((t) => t !== id));
        this.touch('collaborations', collaborationId);
      }
  }

  upsertCollaboration(
    id: string,
    fields: { kind: CollaborationKind; startDate: IsoDate | null; endDate: IsoDate | null },
    topicIds?: Iterable<string>,
  ): void {
    this.revision++;
    let collaboration = this.collaborations.get(id);
    const topics = topicIds ? new Set(topicIds) : null;
    if (
      collaboration &&
      collaboration.kind === fields.kind &&
      collaboration.startDate === fields.startDate &&
      collaboration.endDate === fields.endDate &&
      (!topics || sameSet(topics, collaboration.topics))
    ) {
      return; // only its title or description changed
    }
    this.version++;
    this.touch('collaborations', id);
    if (!collaboration) {
      collaboration = { ...pickDates(fields), kind: fields.kind, topics: new Set(), actors: new Set() };
      this.collaborations.set(id, collaboration);
    } else {
      Object.assign(collaboration, pickDates(fields), { kind: fields.kind });
    }
    if (topics) collaboration.topics = topics;
  }

  removeCollaboration(id: string): void {
    this.changed();
    this.touch('collaborations', id);
    const collaboration = this.collaborations.get(id);
    if (!collaboration) return;
    for (const a of collaboration.actors) this.actors.get(a)?.collaborations.delete(id);
    this.collaborations.delete(id);
  }

  addParticipant(collaborationId: string, actorId: string): void {
    this.changed();
    this.touch('collaborations', collaborationId);
    const collaboration = this.collaborations.get(collaborationId);
    const actor = this.actors.get(actorId);
    if (!collaboration || !actor) return;
    collaboration.actors.add(actorId);
    actor.collaborations.add(collaborationId);
  }

  removeParticipant(collaborationId: string, actorId: string): void {
    this.changed();
    this.touch('collaborations', collaborationId);
    this.collaborations.get(collaborationId)?.actors.delete(actorId);
    this.actors.get(actorId)?.collaborations.delete(collaborationId);
  }
}

function sameSet<T>(a: ReadonlySet<T>, b: ReadonlySet<T>): boolean {
  if (a.size !== b.size) return false;
  for (const x of a) if (!b.has(x)) return false;
  return true;
}

function pickDates(fields: { startDate: IsoDate | null; endDate: IsoDate | null }) {
  return { startDate: fields.startDate, endDate: fields.endDate };
}
