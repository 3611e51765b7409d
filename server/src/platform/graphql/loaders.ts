/**
 * Per-request DataLoaders: every nested field that needs the store goes through one of these, so a
 * request costs one store call per kind of lookup and level of nesting, whatever the number of rows.
 * A new set is made for every request: answers are never cached across requests or users.
 */
import DataLoader from 'dataloader';
import type { Actor, Collaboration, Interest, Participation, Topic, TopicStats } from '../../domain/model';
import type { NetworkStore, SuggestionFeedback } from '../../store/network-store';
import { takeTurn, whenOwnerIdle } from './event-loop-slices';
import { collaborationSortKey, compareAscending, compareNewestFirst } from '../../domain/ordering';
import { collaborationPageKey, loadByPage } from './collaboration-pages';
import { partsOf, readInPages, ROWS_PER_CALL, type LoadSizes } from './load-parts';

export interface Loaders {
  readonly actor: RequestLoader<Actor | null>;
  /** An actor's name alone (labels: a network's nodes), null for an unknown id. */
  readonly actorName: RequestLoader<string | null>;
  readonly topic: RequestLoader<Topic | null>;
  readonly collaboration: RequestLoader<Collaboration | null>;
  readonly interestsOfActor: RequestLoader<Interest[]>;
  readonly interestsInTopic: RequestLoader<Interest[]>;
  readonly participationsOfActor: RequestLoader<Participation[]>;
  readonly participationsOfCollaboration: RequestLoader<Participation[]>;
  readonly topicsOfCollaboration: RequestLoader<string[]>;
  readonly collaborationsOfTopic: RequestLoader<string[]>;
  readonly topicStats: RequestLoader<TopicStats>;
  readonly suggestionFeedbackOfActor: RequestLoader<SuggestionFeedback[]>;
  /** An actor with its page (collaborations, their participants) in one store call, primed into the others. */
  readonly actorPage: RequestLoader<Actor | null>;
  /** An actor with its panel (topics, collaborations without participants) in one store call, primed into the others. */
  readonly actorPanel: RequestLoader<Actor | null>;
  /**
   * One page of an actor's collaborations (key: collaboration-pages.ts), null when the page's
   * `after` is not one of the actor's collaborations; the collaborations primed.
   */
  readonly participationPageOfActor: RequestLoader<Participation[] | null>;
  /** actorPanel with one page of the actor's collaborations (the same key), primed into participationPageOfActor. */
  readonly actorPanelPage: RequestLoader<Actor | null>;
  /**
   * Asks the next batch of `actorPanelPage` to read these actors' records in its own store call and
   * prime them into `actor` (the panel's top collaborators: one round trip on Neo4j instead of two).
   */
  readWithPanelPage(actorIds: readonly string[]): void;
  /** Whether resolvers read ahead what the query asks below them (./read-ahead.ts); off only to measure without. */
  readonly readAhead: boolean;
  /** Forgets everything the loaders hold (after a write that may touch any record: an import). */
  clearAll(): void;
}

/**
 * A DataLoader that also answers `value(key)`: the loaded value itself once it is known, else one
 * promise per key shared by every asker. DataLoader answers each repeated `load` of a key with a
 * promise of its own, resolved with the cached promise in one synchronous loop when the batch
 * settles: a fan-out asks for the same hubs tens of thousands of times (collaborators of
 * collaborators), and that loop alone held the event loop ~300 ms (measured in the abuse suite);
 * a value returned as it is costs graphql-js no promise at all.
 */
export class RequestLoader<V> extends DataLoader<string, V> {
  private readonly settled = new Map<string, V>();
  private readonly pending = new Map<string, Promise<V>>();
  /** The dispatch of the batch gathering keys now, while one is (with a batchScheduleFn). */
  private readonly gathering: { dispatch: (() => void) | null };

  constructor(
    batch: DataLoader.BatchLoadFn<string, V>,
    options?: DataLoader.Options<string, V>,
    /** The request it loads for: whose turns its long loads take (loadExisting). */
    readonly owner?: LoaderOwner,
  ) {
    const gathering: { dispatch: (() => void) | null } = { dispatch: null };
    const schedule = options?.batchScheduleFn;
    super(
      batch,
      schedule && {
        ...options,
        // DataLoader dispatches a batch each time this callback is called: once, whoever is first.
        batchScheduleFn: (dispatch) => {
          const once = () => {
            if (gathering.dispatch !== once) return;
            gathering.dispatch = null;
            dispatch();
          };
          gathering.dispatch = once;
          schedule(once);
        },
      },
    );
    this.gathering = gathering;
  }

  /**
   * `loadMany`, its batch sent to the store at once instead of when the request's resolvers are
   * idle: a read started before the fields that need it are resolved (e.g. a network's names while
   * its edges are found); they find its answer in the cache.
   */
  loadManyNow(keys: readonly string[]): Promise<Array<V | Error>> {
    const loading = this.loadMany(keys);
    this.gathering.dispatch?.();
    return loading;
  }

  value(key: string): V | Promise<V> {
    if (this.settled.has(key)) return this.settled.get(key)!;
    const waiting = this.pending.get(key);
    if (waiting) return waiting;
    const loading = this.load(key).then(
      (value) => {
        // Unless it was cleared (or primed anew) meanwhile.
        if (this.pending.get(key) === loading) {
          this.pending.delete(key);
          this.settled.set(key, value);
        }
        return value;
      },
      (error: unknown) => {
        if (this.pending.get(key) === loading) this.pending.delete(key);
        throw error;
      },
    );
    this.pending.set(key, loading);
    return loading;
  }

  override prime(key: string, value: V | PromiseLike<V> | Error): this {
    // DataLoader keeps the first primed value of a key: so do we.
    if (!this.settled.has(key) && !this.pending.has(key) && !(value instanceof Error) && !isPromiseLike(value))
      this.settled.set(key, value);
    return super.prime(key, value);
  }

  override clear(key: string): this {
    this.settled.delete(key);
    this.pending.delete(key);
    return super.clear(key);
  }

  override clearAll(): this {
    this.settled.clear();
    this.pending.clear();
    return super.clearAll();
  }
}

function isPromiseLike(value: unknown): value is PromiseLike<unknown> {
  return typeof (value as PromiseLike<unknown> | null)?.then === 'function';
}

/** `then` for a value that may already be there: no promise when it is. */
export function whenLoaded<V, R>(value: V | Promise<V>, then: (loaded: V) => R): R | Promise<R> {
  return value instanceof Promise ? value.then(then) : then(value);
}

export { KEYS_PER_PART, MAX_KEYS_PER_CALL, ROWS_PER_CALL } from './load-parts';

/** Why a batch is not loaded: the request's refusal (its answer), else a plain stop (nobody reads it). */
function stoppedError(owner: LoaderOwner): Error {
  return owner.refusal ?? new RequestStoppedError();
}

/** Waits for the owner's next turn (event-loop-slices.ts), then stops when its request was stopped meanwhile. */
async function nextTurnOf(owner: LoaderOwner): Promise<void> {
  await takeTurn(owner);
  if (owner.stopped) throw stoppedError(owner);
}

export class RequestStoppedError extends Error {
  constructor() {
    super('the request was stopped');
    this.name = 'RequestStoppedError';
  }
}

/** How a batched loader reads beyond one call of its store method. */
interface BatchOptions<V> {
  /** Answers a batch that fits in one call (it may read more with it and prime other loaders). */
  loadInOneCall?: (keys: readonly string[]) => Promise<V[]>;
  /** The rows of each key, known before the store is asked (exact, or an upper bound with `exactRowsOf`). */
  rowsOf?: (key: string) => number;
  /** The exact rows of each key, asked when `rowsOf` (then an upper bound) says a batch may be too large; each row is an item of the answer. */
  exactRowsOf?: (keys: readonly string[]) => Promise<number[]>;
  /** Reads one key with more rows than ROWS_PER_CALL in pages, `between` them a turn and a check of the request. */
  loadInPages?: (key: string, between: () => Promise<void>) => Promise<V>;
}

/** A loader over a batched store method (which already answers in key order), cut by load-parts.ts. */
function batched<V>(
  owner: LoaderOwner,
  load: (keys: readonly string[]) => Promise<V[]>,
  options: BatchOptions<V> = {},
): RequestLoader<V> {
  const { loadInOneCall = load, rowsOf, exactRowsOf, loadInPages } = options;
  const batchScheduleFn = (dispatch: () => void) => whenOwnerIdle(owner, dispatch);
  const between = () => nextTurnOf(owner);
  return new RequestLoader<V>(
    async (keys) => {
      // A batch dispatched after its request was stopped (refused, client gone) is not loaded.
      if (owner.stopped) throw stoppedError(owner);
      let parts = partsOf(keys, rowsOf);
      let rowsByKey: Map<string, number> | null = null;
      if (exactRowsOf && rowsOf && keys.reduce((sum, key) => sum + rowsOf(key), 0) > ROWS_PER_CALL) {
        // May be too large for one call (the estimate is an upper bound): counted first, cut by those.
        const rows = await exactRowsOf(keys);
        // Each row is an item of the answer: refused here when they cannot fit, before they are read.
        owner.expectItems?.(rows.reduce((sum, n) => sum + n, 0));
        rowsByKey = new Map(keys.map((key, i) => [key, rows[i] ?? 0]));
        parts = partsOf(keys, (key) => rowsByKey!.get(key) ?? 0);
      }
      // The rows of a key: counted, else as known beforehand (exact unless `exactRowsOf` is given, and
      // then no key of a batch that was not counted can exceed the rows of a call).
      const rowsOfKey = rowsByKey ? (key: string) => rowsByKey!.get(key) ?? 0 : rowsOf;
      const inPages = (part: readonly string[]) =>
        loadInPages !== undefined &&
        rowsOfKey !== undefined &&
        part.length === 1 &&
        rowsOfKey(part[0]!) > ROWS_PER_CALL;
      if (parts.length === 1 && !inPages(parts[0]!)) return loadInOneCall(keys);
      const values: V[] = [];
      for (const part of parts) {
        if (owner.stopped) throw stoppedError(owner);
        if (inPages(part)) values.push(await loadInPages!(part[0]!, between));
        else values.push(...(await load(part)));
        await takeTurn(owner);
      }
      return values;
    },
    { batchScheduleFn },
    owner,
  );
}

/** Whose turn a large batch waits for (./event-loop-slices.ts), and whether it was stopped: the request's guard. */
export interface LoaderOwner {
  readonly stopped: boolean;
  /** The error that stopped it, when it was refused (its answer). */
  readonly refusal?: Error | null;
  /** Told the items a batch is about to read (each an item of the answer); throws when they cannot fit. */
  expectItems?(items: number): void;
}

/** What a request's loaders read from, and how: one set of these per request. */
interface LoaderSources {
  store: NetworkStore;
  owner: LoaderOwner;
  sizes?: LoadSizes;
}

type LoaderName = Exclude<keyof Loaders, 'readAhead' | 'clearAll' | 'readWithPanelPage'>;

/** How each loader is made (from the request's sources; `loaders` is the set it primes into). */
const MAKE_LOADER: { [K in LoaderName]: (sources: LoaderSources, loaders: RequestLoaders) => Loaders[K] } = {
  actor: ({ store, owner }) => batched(owner, (ids) => store.getActors(ids)),
  actorName: ({ store, owner }) => batched(owner, (ids) => store.actorNames(ids)),
  topic: ({ store, owner }) => batched(owner, (ids) => store.getTopics(ids)),
  collaboration: ({ store, owner }) => batched(owner, (ids) => store.getCollaborations(ids)),
  // An actor's `topics` asks the topics' records next: read with the interests and primed (one
  // store round trip per level instead of two; the actor list on Neo4j: 2 calls instead of 3).
  interestsOfActor: ({ store, owner }, loaders) =>
    batched(owner, (ids) => store.interestsOfActors(ids), {
      loadInOneCall: async (ids) => {
        const { interests, topics } = await store.interestsAndTopicsOfActors(ids);
        primeTopics(loaders, topics);
        return interests;
      },
    }),
  interestsInTopic: ({ store, owner, sizes }) =>
    batched(owner, (ids) => store.interestsInTopics(ids), {
      rowsOf: sizes && ((id) => sizes.interestsInTopic(id)),
      exactRowsOf: async (ids) => (await store.topicStats(ids)).map((stats) => stats.actorCount),
      loadInPages: async (id, between) => {
        const rows = await readInPages(
          (after, limit) => store.interestsInTopicPage(id, after, limit),
          (row) => row.interest.actorId,
          (row) => [row.nameKey, row.interest.actorId],
          compareAscending,
          between,
        );
        return rows.map((row) => row.interest);
      },
    }),
  // A participation's other end is nearly always asked next (actor page, participant lists): read
  // with it and primed, one store round trip per level instead of two (actor page on Neo4j: 3
  // calls instead of 5). Not for a batch of several calls (a hub's fan-out): each call would
  // bring its records again, where the actor loader reads each once per request — measured at
  // 100k actors, the busiest actor's page 3.6 s of store time that way, 5.0 s joined.
  participationsOfActor: ({ store, owner, sizes }, loaders) =>
    batched(owner, (ids) => store.participationsOfActors(ids), {
      loadInOneCall: async (ids) => {
        const { participations, collaborations } = await store.participationsAndCollaborationsOfActors(ids);
        primeCollaborations(loaders, collaborations);
        return participations;
      },
      rowsOf: sizes && ((id) => sizes.participationsOfActor(id)),
      loadInPages: async (id, between) => {
        const rows = await readInPages(
          (after, limit) => store.participationsOfActorPage(id, after, limit),
          (row) => row.collaboration.id,
          (row) => collaborationSortKey(row.collaboration),
          compareNewestFirst,
          between,
        );
        primeCollaborations(
          loaders,
          rows.map((row) => row.collaboration),
        );
        return rows.map((row) => row.participation);
      },
    }),
  participationsOfCollaboration: ({ store, owner, sizes }, loaders) =>
    batched(owner, (ids) => store.participationsOfCollaborations(ids), {
      loadInOneCall: async (ids) => {
        const { participations, actors } = await store.participationsAndActorsOfCollaborations(ids);
        primeActors(loaders, actors);
        return participations;
      },
      rowsOf: sizes && ((id) => sizes.participationsOfCollaboration(id)),
    }),
  topicsOfCollaboration: ({ store, owner }) => batched(owner, (ids) => store.topicsOfCollaborations(ids)),
  collaborationsOfTopic: ({ store, owner, sizes }) =>
    batched(owner, (ids) => store.collaborationsOfTopics(ids), {
      rowsOf: sizes && ((id) => sizes.collaborationsOfTopic(id)),
      exactRowsOf: async (ids) => (await store.topicStats(ids)).map((stats) => stats.collaborationCount),
      loadInPages: async (id, between) => {
        const rows = await readInPages(
          (after, limit) => store.collaborationsOfTopicPage(id, after, limit),
          (row) => row.id,
          collaborationSortKey,
          compareNewestFirst,
          between,
        );
        return rows.map((row) => row.id);
      },
    }),
  topicStats: ({ store, owner }) => batched(owner, (ids) => store.topicStats(ids)),
  suggestionFeedbackOfActor: ({ store, owner }) => batched(owner, (ids) => store.suggestionFeedback(ids)),
  actorPage: ({ store, owner }, loaders) =>
    batched(owner, async (ids) => {
      const page = await store.actorPages(ids);
      primeActors(loaders, page.participants);
      primeCollaborations(loaders, page.collaborations);
      page.collaborations.forEach((c, i) => loaders.participationsOfCollaboration.prime(c.id, page.members[i]));
      ids.forEach((id, i) => loaders.participationsOfActor.prime(id, page.participations[i]));
      return page.actors;
    }),
  actorPanel: ({ store, owner }, loaders) =>
    batched(owner, async (ids) => {
      const panel = await store.actorPanels(ids);
      primeTopics(loaders, panel.topics);
      primeCollaborations(loaders, panel.collaborations);
      ids.forEach((id, i) => {
        loaders.interestsOfActor.prime(id, panel.interests[i]);
        loaders.participationsOfActor.prime(id, panel.participations[i]);
      });
      return panel.actors;
    }),
  participationPageOfActor: ({ store, owner }, loaders) =>
    batched(owner, (keys) =>
      loadByPage(keys, async (actorIds, page) => {
        const { participations, collaborations } = await store.participationPagesOfActors(actorIds, page);
        primeCollaborations(loaders, collaborations);
        return participations;
      }),
    ),
  actorPanelPage: ({ store, owner }, loaders) =>
    batched(owner, (keys) =>
      loadByPage(keys, async (actorIds, page) => {
        const withActorIds = loaders.takeReadWithPanelPage();
        const panel = await store.actorPanelPages(actorIds, page, withActorIds);
        withActorIds.forEach((id, i) => loaders.actor.prime(id, panel.withActors[i] ?? null));
        primeTopics(loaders, panel.topics);
        primeCollaborations(loaders, panel.collaborations);
        actorIds.forEach((id, i) => {
          loaders.interestsOfActor.prime(id, panel.interests[i]);
          loaders.participationPageOfActor.prime(collaborationPageKey(id, page), panel.participations[i]);
        });
        return panel.actors;
      }),
    ),
};

/**
 * A request's loaders, each made the first time the request uses it (or primes it). Most requests
 * use two or three of them; making all sixteen for every request was ~40 µs of each request's
 * fixed cost (DataLoader's set-up, their closures), more than the rest of the context together.
 */
class RequestLoaders implements Loaders {
  private readonly made: { [K in LoaderName]?: Loaders[K] } = {};
  private withPanelPage: string[] = [];

  constructor(
    private readonly sources: LoaderSources,
    readonly readAhead: boolean,
  ) {}

  private use<K extends LoaderName>(name: K): Loaders[K] {
    return (this.made[name] ??= MAKE_LOADER[name](this.sources, this));
  }

  get actor() {
    return this.use('actor');
  }
  get actorName() {
    return this.use('actorName');
  }
  get topic() {
    return this.use('topic');
  }
  get collaboration() {
    return this.use('collaboration');
  }
  get interestsOfActor() {
    return this.use('interestsOfActor');
  }
  get interestsInTopic() {
    return this.use('interestsInTopic');
  }
  get participationsOfActor() {
    return this.use('participationsOfActor');
  }
  get participationsOfCollaboration() {
    return this.use('participationsOfCollaboration');
  }
  get topicsOfCollaboration() {
    return this.use('topicsOfCollaboration');
  }
  get collaborationsOfTopic() {
    return this.use('collaborationsOfTopic');
  }
  get topicStats() {
    return this.use('topicStats');
  }
  get suggestionFeedbackOfActor() {
    return this.use('suggestionFeedbackOfActor');
  }
  get actorPage() {
    return this.use('actorPage');
  }
  get actorPanel() {
    return this.use('actorPanel');
  }
  get participationPageOfActor() {
    return this.use('participationPageOfActor');
  }
  get actorPanelPage() {
    return this.use('actorPanelPage');
  }

  readWithPanelPage(actorIds: readonly string[]): void {
    this.withPanelPage.push(...actorIds);
  }

  /** The actors asked by readWithPanelPage since the last batch of actorPanelPage (each once). */
  takeReadWithPanelPage(): string[] {
    const ids = [...new Set(this.withPanelPage)];
    this.withPanelPage = [];
    return ids;
  }

  clearAll(): void {
    for (const loader of Object.values(this.made)) loader.clearAll();
  }
}

export function createLoaders(
  store: NetworkStore,
  owner: LoaderOwner = { stopped: false },
  readAhead = true,
  sizes?: LoadSizes,
): Loaders {
  return new RequestLoaders({ store, owner, sizes }, readAhead);
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

/**
 * Ids per slice of a long loadExisting: asking a loader for 26,015 actors (the largest topic of the
 * 100k network) held the event loop ~70 ms in DataLoader's bookkeeping alone, before any store call.
 */
export const IDS_PER_SLICE = 2500;

/**
 * Loads records by id and drops the ones deleted between two reads; a failed load throws. Answers
 * at once (no promise) when every record is already loaded. A long list is asked for in slices of
 * IDS_PER_SLICE with a turn of the event loop between them, its request checked after each.
 */
export function loadExisting<V>(loader: RequestLoader<V | null>, ids: readonly string[]): V[] | Promise<V[]> {
  const owner = loader.owner;
  if (owner && ids.length > IDS_PER_SLICE) return loadExistingInSlices(loader, owner, ids);
  const values = ids.map((id) => loader.value(id));
  const existing = (loaded: ReadonlyArray<V | null>) => loaded.filter((v): v is V => v !== null);
  return values.some((v) => v instanceof Promise)
    ? Promise.all(values).then(existing)
    : existing(values as Array<V | null>);
}

async function loadExistingInSlices<V>(
  loader: RequestLoader<V | null>,
  owner: LoaderOwner,
  ids: readonly string[],
): Promise<V[]> {
  const existing: V[] = [];
  for (let start = 0; start < ids.length; start += IDS_PER_SLICE) {
    if (start > 0) await nextTurnOf(owner);
    else if (owner.stopped) throw stoppedError(owner);
    const loaded = await Promise.all(ids.slice(start, start + IDS_PER_SLICE).map((id) => loader.value(id)));
    for (const value of loaded) if (value !== null) existing.push(value);
  }
  return existing;
}
