/**
 * The application service: every write goes through here, to the store first and then into the
 * projection, one at a time; questions about the shape of the network are answered from the
 * projection. It knows neither GraphQL nor the store's technology.
 */
import { NotFoundError } from '../domain/errors';
import type { Actor, Collaboration, Interest, Participation, ParticipationRole, Topic } from '../domain/model';
import { checkDateRange } from '../domain/validation';
import { networkView, networkViewSteps, type NetworkView, type NetworkViewOptions } from '../graph/network-view';
import { runNow, runSteps } from '../platform/util/run-in-slices';
import { shortestChain, type ActorChain } from '../graph/paths';
import { NetworkProjection } from '../graph/projection';
import type { ScopeFilter } from '../graph/scope';
import type {
  ActorPatch,
  ApiKeyRecord,
  CollaborationPatch,
  CreateActorInput,
  CreateCollaborationInput,
  CreatedCollaboration,
  CreateTopicInput,
  ErasureReport,
  GraphData,
  ImportCounts,
  ImportGraph,
  ImportOptions,
  InterestInput,
  MergeReport,
  NetworkStore,
  SuggestionFeedback,
  SuggestionVerdict,
  TopicPatch,
} from '../store/network-store';
import { SerialQueue } from '../platform/serial-queue';
import { settledWithin } from '../platform/util/settled-within';
import { MAX_NETWORK_ACTORS } from '../features/network/network.input';
import { checkViewSize, type ViewPositions, type ViewPositionsInput } from '../features/positions/positions-rules';
import type { Role } from '../domain/roles';
import { issueApiKey, type IssuedApiKey } from '../features/access/api-keys';
import type { StoreReads } from './store-reads';
import { FeedFollower } from '../features/live/feed-follower';
import type { FeedPage } from '../features/live/feed-rules';
import { FeedHub } from '../features/live/feed-hub';
import { InsightEngine } from '../features/insight/engine';
import { ContactSuggestions } from '../features/suggestions/contact-suggestions';
import { readableActorId, requireParticipants } from '../features/recording/readable-id';
import * as R from '../features/recording/recording-service';
import { SYSTEM_AUTHOR, type WriteMeta } from '../features/history/history-rules';
import {
  duplicateCandidates,
  undoLastActorChange,
  type DuplicateCandidates,
  type UndoResult,
} from '../features/history/history-service';

export type { FeedOptions, NetworkServiceOptions } from './service-options';
import type { FeedOptions, NetworkServiceOptions } from './service-options';
import { followOnTimers, type FeedTimers } from './feed-timers';

export class NetworkService {
  private readonly writes = new SerialQueue();
  /** Who writes through this object: "system" here; a request's principal on the view of actingAs(). */
  readonly author: string = SYSTEM_AUTHOR;

  /** Contact suggestions, scored on the projection (server/src/features/suggestions). */
  readonly suggestions: ContactSuggestions;

  /** Network insight, computed on the projection in a worker thread (server/src/features/insight). */
  readonly insight: InsightEngine;

  /** Follows the store's change feed into the projection (feed-follower.ts). */
  readonly feed: FeedFollower;

  /** The feed's events once applied to the projection, for subscribers (live/feed-hub.ts). */
  readonly changes = new FeedHub();

  /** Whether the first fit of the suggestion model has ended (or failed: the default serves). */
  firstFitDone = false;
  /** While true /readyz answers 503 "starting": the first fit runs and its readiness wait (fitReadyWaitMs) has not passed. */
  fitHoldsReadiness = true;
  private closing = false;

  /** The store's reads (lists, batched lookups, history, feed); writes go through the methods below. */
  get reads(): StoreReads {
    return this.store;
  }

  /** API keys: not part of the network (no projection, no history), but writes all the same. */
  readonly apiKeys = {
    list: (): Promise<ApiKeyRecord[]> => this.store.listApiKeys(),
    issue: (input: { name: string; role: Role }): Promise<IssuedApiKey> => issueApiKey(this.store, input),
    revoke: (id: string): Promise<ApiKeyRecord> => this.store.revokeApiKey(id),
  };

  private constructor(
    readonly store: NetworkStore,
    readonly projection: NetworkProjection,
    options: NetworkServiceOptions = {},
  ) {
    this.suggestions = new ContactSuggestions(projection, options.suggestionModel, {
      indexBuild: options.suggestionIndexBuild,
    });
    this.insight = new InsightEngine(projection, options.insight);
    this.feed = new FeedFollower(store, projection, {
      applied: (events) => this.changes.publish(events),
    });
  }

  /** Builds the projection from the store. */
  static async start(store: NetworkStore, options: NetworkServiceOptions = {}): Promise<NetworkService> {
    // The feed's head before the snapshot: what commits in between is applied again, harmlessly.
    const { head } = await store.feedHead();
    const service = new NetworkService(store, NetworkProjection.fromSnapshot(await store.loadSnapshot()), options);
    service.feed.startAt(head);
    // The first fit of the suggestion model, in slices (the event loop stays free). Awaited, the
    // service starts with the model fitted to its store's state, so equal states serve equal
    // suggestions; with firstFitWaitMs it goes on serving the default model while the fit ends in
    // the background (firstFitDone; /readyz answers 503 until then, at most fitReadyWaitMs).
    const firstFit = service.suggestions.fit().then(
      () => undefined,
      (error: unknown) => {
        // Stopped by close() during the fit: nothing failed.
        if (!service.closing) console.error('Fitting the suggestion model failed (the default serves):', error);
      },
    );
    void firstFit.then(() => (service.firstFitDone = true));
    void (options.fitReadyWaitMs === undefined ? firstFit : settledWithin(firstFit, options.fitReadyWaitMs)).then(
      () => (service.fitHoldsReadiness = false),
    );
    await (options.firstFitWaitMs === undefined ? firstFit : settledWithin(firstFit, options.firstFitWaitMs));
    return service;
  }

  /**
   * The safety net behind the feed: catches up, then compares the projection with a fresh snapshot
   * of the store and loads it when they differ (counted in feed.snapshot().differencesFound); a
   * projection equal to the store keeps its version and the caches keyed by it.
   */
  rebuildProjection(): Promise<void> {
    return this.writes.run(async () => {
      await this.feed.verify();
    });
  }

  /** Applies the feed's new events now (writes of other processes); answers how many. */
  followFeed(): Promise<number> {
    return this.writes.run(() => this.feed.catchUp());
  }

  private following: FeedTimers | null = null;

  /** Reads the feed every `pollMs` and prunes it (feed-timers.ts) until stopFollowing(). */
  startFollowing(options: FeedOptions): void {
    this.following ??= followOnTimers(
      () => this.followFeed(),
      (before) => this.store.pruneFeed(before),
      options,
    );
  }

  stopFollowing(): void {
    this.following?.stop();
    this.following = null;
  }

  /**
   * After a write of this service: its events (and any of others before them) into the projection,
   * from `read` when the write answered the feed itself. The write has committed; a failing feed
   * read is logged and left to the next poll.
   */
  private async follow(read?: { after: number; page: FeedPage }): Promise<void> {
    try {
      await this.feed.catchUp(read);
    } catch (error) {
      console.error('Reading the change feed after a write failed:', error instanceof Error ? error.message : error);
    }
  }

  // --- questions answered from the projection --------------------------------------------------

  shortestChain(fromId: string, toId: string, filter: ScopeFilter = {}): ActorChain | null {
    this.requireActor(fromId);
    this.requireActor(toId);
    return shortestChain(this.projection, fromId, toId, filter);
  }

  network(options: NetworkViewOptions): NetworkView {
    if (options.centreActorId) this.requireActor(options.centreActorId);
    return networkView(this.projection, options);
  }

  /**
   * The same view in steps, `pause` between them (a request's turn-taking): a large view does not
   * hold the event loop. A write applied meanwhile (the projection's version moved) starts it
   * again, on the new state; after two such starts it runs at once, so a stream of writes cannot
   * keep it from answering.
   */
  networkInSteps(options: NetworkViewOptions, pause: () => Promise<void> | void): Promise<NetworkView> {
    // eslint-disable-next-line require-yield -- no steps after the view's own: the view is the answer
    return this.networkShapedInSteps(options, pause, function* (view) {
      return view;
    });
  }

  /**
   * The view and then `shape`'s steps over it (e.g. the answer's nodes and edges), all under the
   * same rule: `shape` may read the projection in every step, because a write applied meanwhile
   * starts the whole again. `chosen` is told the view's actors as soon as they are known (e.g. to
   * start reading their names); a start again tells it again.
   */
  async networkShapedInSteps<T>(
    options: NetworkViewOptions,
    pause: () => Promise<void> | void,
    shape: (view: NetworkView, projection: NetworkProjection) => Generator<void, T, void>,
    chosen?: (actorIds: readonly string[]) => void,
  ): Promise<T> {
    const projection = this.projection;
    for (let attempt = 0; attempt < 2; attempt++) {
      if (options.centreActorId) this.requireActor(options.centreActorId);
      const version = projection.version;
      const stale = () => projection.version !== version;
      let toldChosen = false;
      const tell =
        chosen &&
        ((actorIds: readonly string[]) => {
          toldChosen = true;
          chosen(actorIds);
        });
      const steps = (function* () {
        const view = yield* networkViewSteps(projection, options, tell);
        return yield* shape(view, projection);
      })();
      // After `chosen` was told, one turn of the event loop: a store read it started goes out then
      // (the Neo4j driver sends it a few promise jobs later) and is answered while the edges are
      // found and the answer shaped, instead of after.
      const pauseOrSendOff = () => {
        if (!toldChosen) return pause();
        toldChosen = false;
        return new Promise<void>((resolve) => setImmediate(resolve)).then(pause);
      };
      const shaped = await runSteps(steps, pauseOrSendOff, stale);
      if (shaped !== null) return shaped;
    }
    return runNow(shape(this.network(options), projection));
  }

  private requireActor(id: string): void {
    if (!this.projection.actors.has(id)) throw new NotFoundError('Actor', id);
  }

  // --- writes ----------------------------------------------------------------------------------

  createActor(input: CreateActorInput): Promise<Actor> {
    return this.writes.run(async () => {
      const id = input.id ?? (await readableActorId(this.store, input.name));
      const actor = await this.store.createActor(id ? { ...input, id } : input, this.meta());
      await this.follow();
      return actor;
    });
  }

  /** Fields, `interests` and `newTopics` (checked as recordActor checks them) in one write. */
  updateActor(
    id: string,
    patch: ActorPatch,
    expectedVersion?: number | null,
    interests?: InterestInput[] | null,
    newTopics?: readonly string[] | null,
  ): Promise<Actor> {
    return this.writes.run(async () => {
      const edit = { patch, interests, newTopics: await R.newTopicRecords(this.store, newTopics ?? []) };
      const actor = await this.store.editActor(id, edit, expectedVersion, this.meta());
      await this.follow();
      return actor;
    });
  }

  deleteActor(id: string): Promise<void> {
    return this.writes.run(async () => {
      await this.store.deleteActor(id, this.meta());
      await this.follow();
    });
  }

  setActorInterests(actorId: string, interests: InterestInput[]): Promise<Interest[]> {
    return this.writes.run(async () => {
      const stored = await this.store.setActorInterests(actorId, interests, this.meta());
      await this.follow();
      return stored;
    });
  }

  createTopic(input: CreateTopicInput): Promise<Topic> {
    return this.writes.run(async () => {
      const topic = await this.store.createTopic(input, this.meta());
      await this.follow();
      return topic;
    });
  }

  updateTopic(id: string, patch: TopicPatch): Promise<Topic> {
    return this.writes.run(async () => {
      const topic = await this.store.updateTopic(id, patch, this.meta());
      await this.follow();
      return topic;
    });
  }

  deleteTopic(id: string): Promise<void> {
    return this.writes.run(async () => {
      await this.store.deleteTopic(id, this.meta());
      await this.follow();
    });
  }

  async createCollaboration(input: CreateCollaborationInput): Promise<Collaboration> {
    return (await this.createCollaborationWithParticipants(input)).collaboration;
  }

  /** createCollaboration, answering its participations and participants' records as written. */
  createCollaborationWithParticipants(input: CreateCollaborationInput): Promise<CreatedCollaboration> {
    checkDateRange(input.startDate, input.endDate);
    return this.writes.run(async () => {
      // The store checks the participants inside its write; only a refused write reads them again,
      // so that an unknown participant is still named by its place (participants[i].actorId) and
      // comes before the store's other refusals, as when this check ran first (one read less per write).
      // The store may hand back the feed page after the projection's seq (read in its write, no read
      // after it); without one, follow() reads it.
      const after = this.feed.seq;
      const { feed, ...created } = await this.store
        .createCollaborationWithParticipants(input, this.meta(), after)
        .catch(async (error: unknown) => {
          await requireParticipants(this.store, input.participants ?? []);
          throw error;
        });
      await this.follow(feed && { after, page: feed });
      return created;
    });
  }

  updateCollaboration(id: string, patch: CollaborationPatch, expectedVersion?: number | null): Promise<Collaboration> {
    return this.writes.run(async () => {
      const [current] = await this.store.getCollaborations([id]);
      if (!current) throw new NotFoundError('Collaboration', id);
      checkDateRange(
        patch.startDate !== undefined ? patch.startDate : current.startDate,
        patch.endDate !== undefined ? patch.endDate : current.endDate,
      );
      const collaboration = await this.store.updateCollaboration(id, patch, expectedVersion, this.meta());
      await this.follow();
      return collaboration;
    });
  }

  /** Fields, topics, the complete participant list and the new topics and actors of an edit in one write. */
  editCollaboration(id: string, edit: R.EditRequest, expectedVersion?: number | null): Promise<Collaboration> {
    checkDateRange(edit.startDate ?? null, edit.endDate ?? null);
    return this.writes.run(async () => {
      const full = await R.collaborationEditWithCreates(this.store, edit);
      const collaboration = await this.store.editCollaboration(id, full, expectedVersion, this.meta());
      await this.follow();
      return collaboration;
    });
  }

  deleteCollaboration(id: string): Promise<void> {
    return this.writes.run(async () => {
      await this.store.deleteCollaboration(id, this.meta());
      await this.follow();
    });
  }

  addParticipant(collaborationId: string, actorId: string, role: ParticipationRole): Promise<Participation> {
    return this.writes.run(async () => {
      const participation = await this.store.addParticipant(collaborationId, actorId, role, this.meta());
      await this.follow();
      return participation;
    });
  }

  removeParticipant(collaborationId: string, actorId: string): Promise<boolean> {
    return this.writes.run(async () => {
      const removed = await this.store.removeParticipant(collaborationId, actorId, this.meta());
      await this.follow();
      return removed;
    });
  }

  /** Bulk merge (seed, import); the projection is rebuilt from the store afterwards. */
  mergeGraph(data: GraphData): Promise<MergeReport> {
    for (const [i, c] of data.collaborations.entries()) checkDateRange(c.startDate, c.endDate, `collaborations[${i}].`);
    return this.writes.run(async () => {
      const report = await this.store.mergeGraph(data, this.meta());
      await this.follow(); // its "Network" event rebuilds the projection
      return report;
    });
  }

  // --- import and GDPR (server/src/features/transfer) ---------------------------------------------------

  /** Applies a resolved import in one store transaction; the projection is rebuilt after a real one. */
  importGraph(doc: ImportGraph, options: ImportOptions = {}): Promise<ImportCounts> {
    return this.writes.run(async () => {
      const counts = await this.store.importGraph(doc, options, this.meta());
      if (!options.dryRun) await this.follow(); // its "Network" event rebuilds the projection
      return counts;
    });
  }

  /** Erases a PERSON with its personal data (store rules: store/gdpr-rules.ts); the projection follows. */
  eraseActor(id: string): Promise<ErasureReport> {
    return this.writes.run(async () => {
      const report = await this.store.eraseActor(id, this.meta());
      await this.follow(); // the feed names the person by a pseudonym: it rebuilds the projection
      return report;
    });
  }

  /**
   * This service (same store, projection and write queue) writing as `author`: one per request,
   * made by the GraphQL context from the request's principal (auth/principal.ts authorOf).
   */
  actingAs(author: string): NetworkService {
    const view = Object.create(this) as NetworkService;
    Object.defineProperty(view, 'author', { value: author, enumerable: true });
    return view;
  }

  private meta(extra: Omit<WriteMeta, 'author'> = {}): WriteMeta {
    return { author: this.author, ...extra };
  }

  // --- duplicates, merge, history (history-service.ts) -----------------------------------------

  /** Likely duplicate actors, computed once per projection version. */
  duplicateCandidates(): Promise<DuplicateCandidates> {
    return duplicateCandidates(this.store, this.projection, (actors) => this.insight.duplicates(actors));
  }

  /**
   * Folds `mergeIds` into `keepId` (store rules: store/merge-actors-rules.ts); the projection
   * follows (the store moves the merged actors' suggestion feedback to the kept one).
   */
  mergeActors(keepId: string, mergeIds: readonly string[]): Promise<Actor> {
    return this.writes.run(async () => {
      const kept = await this.store.mergeActors(keepId, mergeIds, this.meta());
      await this.follow();
      return kept;
    });
  }

  /** Reverts the actor's last field update (see history-service.ts for what undo covers). */
  /** `ownChangesOnly`: refuse (FORBIDDEN) when the change to undo is not this service's author's. */
  undoLastChange(actorId: string, ownChangesOnly = false): Promise<UndoResult> {
    return this.writes.run(async () => {
      const result = await undoLastActorChange(
        this.store,
        actorId,
        (undoes) => this.meta({ undoes }),
        ownChangesOnly ? this.author : null,
      );
      await this.follow();
      return result;
    });
  }

  /** Saves a view's map positions (features/positions): no more nodes than the largest view; no projection, no history. */
  saveViewPositions(input: Omit<ViewPositionsInput, 'author'>): Promise<ViewPositions> {
    checkViewSize(input.positions.length, MAX_NETWORK_ACTORS + this.projection.topics.size);
    return this.store.saveViewPositions({ ...input, author: this.author });
  }

  // --- suggestion feedback -------------------------------------------------------------------

  /**
   * Records a verdict on the suggestion `suggestedId` made to `actorId`. NOT_USEFUL: `suggestedId`
   * is no longer suggested to `actorId` (that direction only); INTRODUCED allows it again. Every
   * suggestion request reads the actor's dismissed pairs from the store, so the verdict holds on
   * every replica from the next request.
   */
  giveSuggestionFeedback(
    actorId: string,
    suggestedId: string,
    verdict: SuggestionVerdict,
    note?: string | null,
  ): Promise<SuggestionFeedback> {
    return this.writes.run(() =>
      this.store.recordSuggestionFeedback({ actorId, suggestedId, verdict, note, author: this.author }),
    );
  }

  /** Resolves when every write queued so far is done (graceful shutdown). */
  drain(): Promise<void> {
    return this.writes.idle();
  }

  /** Drains the writes and stops the insight worker thread (shutdown; the store stays open). */
  async close(): Promise<void> {
    this.closing = true;
    this.stopFollowing();
    this.suggestions.close();
    await this.drain();
    await this.insight.close();
  }
}
