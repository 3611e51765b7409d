/**
 * What the service offers of contact suggestion: one object per service, holding the projection and
 * the scoring model. Every call works on a suggestion index at least as new as the projection was
 * when the call came, rebuilt after writes off the event loop (index-builder.ts): the calls are
 * asynchronous.
 *
 * The model fits itself (self-fit.ts): at start, and again when actors or collaborations changed by
 * a tenth since the last fit, in the background — the fit runs in slices of a few milliseconds
 * between other work on the event loop — while the previous model keeps serving. A service started
 * with an explicit model (`NetworkService.start(store, { suggestionModel })`) serves that one and
 * never fits. Actors without any partner get the cold-start model (weights.ts).
 *
 * A list is computed in steps (suggest.ts `walkForListSteps`, then `rankWalkSteps`) with the
 * caller's pause between them — a request passes its turn-taking — so a hub's list (at 100k actors its walk and ranking
 * read most of the graph: 100–400 ms in one piece) does not hold the event loop. The lists share
 * the index's signal workspace, so they are computed one after another (`queue`). Chosen over a
 * worker thread: the worker would need its own copy of the index (the CSR and topic tables, ~100 MB
 * at 100k actors, or shared buffers built there) and of each index after every write, and the
 * lists would have to be computed there from ids and filters read on this thread; the steps keep
 * one index and one code path, and the answers have the bits of one computation by construction.
 */
import type { NetworkProjection } from '../../graph/projection';
import { explainPair, MAX_MUTUAL_COLLABORATORS, type ConnectingMemo, type Explanation } from './explain';
import { checkModel, type ScoringModel } from './model';
import { changedEnough, selfFitSteps, type FitResult } from './self-fit';
import { rankWalkSteps, usesCounts, walkForListSteps, type SuggestOptions, type Suggestion } from './suggest';
import { runSteps, slicePause } from '../../platform/util/run-in-slices';
import { IndexBuilder, type IndexBuildMode } from './index-builder';
import type { SuggestionIndex } from './suggestion-index';
import { keptWalksOf } from './kept-walks';
import { WalkKeeper } from './walk-keeper';
import { matchActors, similarActors, type TopicMatch } from './topic-match';
import { COLD_START_MODEL, DEFAULT_MODEL } from './weights';

/** How long one slice of a background fit may take before it lets other work run. */
export const FIT_SLICE_MS = 8;

/** Between two steps of a list: nothing (go on) or a promise to wait for (e.g. a request's turn). */
export type Pause = () => Promise<void> | void;

/** The actors an actor's feedback dismissed, or the store's read of them under way. */
export type Dismissed = readonly string[] | ReadonlySet<string> | Promise<readonly string[]>;

/**
 * After a turn of the event loop when the dismissed pairs are still being read: the store's
 * request goes out then (the Neo4j driver sends it a few promise jobs later), before a walk holds
 * the thread; its answer comes while the actor is walked and ranked.
 */
function sentOff(dismissed: Dismissed): Promise<void> | void {
  if (dismissed instanceof Promise) return new Promise((resolve) => setImmediate(resolve));
}

/**
 * The dismissed pairs once they are known, null while the store's read of them is under way (its
 * failure is the list's: awaited there).
 */
function dismissedSoFar(dismissed: Dismissed): () => ReadonlySet<string> | null {
  if (!(dismissed instanceof Promise)) {
    const known = new Set(dismissed);
    return () => known;
  }
  let known: ReadonlySet<string> | null = null;
  dismissed.then(
    (ids) => {
      known = new Set(ids);
    },
    () => undefined,
  );
  return () => known;
}

export interface ModelStatus {
  /** FITTED / DEFAULT: from the last fit (DEFAULT before the first one ends); CONFIGURED: given at start. */
  source: 'FITTED' | 'DEFAULT' | 'CONFIGURED';
  model: ScoringModel;
  /** A fit is running now (the model shown serves meanwhile). */
  fitting: boolean;
  fittedAt: Date | null;
  fit: FitResult | null;
}

export class ContactSuggestions {
  private readonly configured: ScoringModel | null;
  private lastFit: FitResult | null = null;
  private fittedAt: Date | null = null;
  private running: Promise<FitResult> | null = null;
  private closed = false;
  /** The projection version last checked for a refit (the check runs once per version). */
  private checkedVersion = -1;
  private readonly indexes: IndexBuilder;
  /** The end of the last list queued: lists run one after another (they share the signal workspace). */
  private queue: Promise<unknown> = Promise.resolve();
  /** Keeps the walks of expensive actors in the background after their first list (kept-walks.ts). */
  readonly keeper = new WalkKeeper((index) => this.closed || index.version < this.projection.version);

  constructor(
    readonly projection: NetworkProjection,
    model?: ScoringModel,
    options: { indexBuild?: IndexBuildMode } = {},
  ) {
    this.configured = model ? checkModel(model) : null;
    this.indexes = new IndexBuilder(projection, options.indexBuild);
  }

  /** The model that serves now. */
  get model(): ScoringModel {
    return this.configured ?? this.lastFit?.model ?? DEFAULT_MODEL;
  }

  status(): ModelStatus {
    return {
      source: this.configured ? 'CONFIGURED' : (this.lastFit?.source ?? 'DEFAULT'),
      model: this.model,
      fitting: this.running !== null,
      fittedAt: this.fittedAt,
      fit: this.lastFit,
    };
  }

  /**
   * Fits now in the background unless a fit runs already (or the model is configured); resolves
   * with the result, or null. The result is a function of the projection's state when it started.
   */
  fit(): Promise<FitResult | null> {
    if (this.configured || this.closed) return Promise.resolve(null);
    if (this.running) return this.running;
    const steps = selfFitSteps(this.projection);
    this.checkedVersion = this.projection.version;
    this.running = new Promise<FitResult>((resolve, reject) => {
      const slice = () => {
        if (this.closed) {
          steps.return(undefined as never);
          return reject(new Error('suggestions closed while fitting'));
        }
        const until = performance.now() + FIT_SLICE_MS;
        try {
          for (;;) {
            const next = steps.next();
            if (next.done) {
              this.lastFit = next.value;
              this.fittedAt = new Date();
              return resolve(next.value);
            }
            if (next.value) {
              // The index of the past: its arrays built off the event loop, then the steps go on.
              const job = next.value;
              return void this.indexes.buildArrays(job.input).then((built) => {
                job.built = built;
                setImmediate(slice);
              }, reject);
            }
            if (performance.now() >= until) break;
          }
        } catch (error) {
          return reject(error);
        }
        setImmediate(slice);
      };
      setImmediate(slice);
    }).finally(() => {
      this.running = null;
    });
    return this.running;
  }

  /** Starts a refit when the network changed enough since the last one (checked once per version). */
  refitIfChanged(): void {
    if (this.configured || this.running || !this.lastFit || this.checkedVersion === this.projection.version) return;
    this.checkedVersion = this.projection.version;
    if (changedEnough(this.lastFit, this.projection)) void this.fit().catch(() => undefined);
  }

  /** Stops a running fit and the index worker (shutdown). */
  close(): void {
    this.closed = true;
    void this.indexes.close();
  }

  /** The index builder (tests and benches look at its counts). */
  get builder(): IndexBuilder {
    return this.indexes;
  }

  /** The index the answers are computed on: at least as new as the projection is now. */
  index(): Promise<SuggestionIndex> {
    return this.indexes.ready();
  }

  /**
   * The actor's suggestions; `dismissed`: the actors its feedback dismissed (the store's
   * dismissedSuggestionsOf, read per request so a verdict given through any replica holds) — or
   * the read of them, still under way: the actor is walked and ranked meanwhile (listSteps), and
   * ranked again only when the list names one of them. `pause` runs between steps (default: a turn
   * of the event loop every few ms).
   */
  async suggest(
    actorId: string,
    options: Omit<SuggestOptions, 'model' | 'exclude'>,
    dismissed: Dismissed = [],
    pause: Pause = slicePause(),
  ): Promise<Suggestion[]> {
    const index = await this.index();
    await sentOff(dismissed);
    return this.inTurn(() => this.listSteps(index, actorId, options, dismissed, pause, () => null));
  }

  /** The suggestions with each one's explanation, both from one index. */
  async suggestExplained(
    actorId: string,
    options: Omit<SuggestOptions, 'model' | 'exclude'>,
    dismissed: Dismissed = [],
    pause: Pause = slicePause(),
  ): Promise<Array<{ suggestion: Suggestion; explanation: Explanation }>> {
    const index = await this.index();
    const explained = function* (list: Suggestion[]) {
      const out: Array<{ suggestion: Suggestion; explanation: Explanation }> = [];
      const memo: ConnectingMemo = new Map();
      for (const suggestion of list) {
        out.push({
          suggestion,
          explanation: explainPair(index, actorId, suggestion.actorId, MAX_MUTUAL_COLLABORATORS, memo),
        });
        yield;
      }
      return out;
    };
    await sentOff(dismissed);
    return this.inTurn(() => this.listSteps(index, actorId, options, dismissed, pause, (list) => explained(list)));
  }

  /** Runs `compute` after the lists queued before it have ended (steps of two lists never interleave). */
  private inTurn<T>(compute: () => Promise<T>): Promise<T> {
    const result = this.queue.then(compute);
    this.queue = result.catch(() => undefined);
    return result;
  }

  /**
   * A list on the index's workspace: the walk, then the ranking (with the dismissed pairs excluded
   * when they are there by then; else without, checked once they are), then `after`'s steps on it
   * (null: the list itself). One model for both parts.
   */
  private async listSteps<T>(
    index: SuggestionIndex,
    actorId: string,
    options: Omit<SuggestOptions, 'model' | 'exclude'>,
    dismissed: Dismissed,
    pause: Pause,
    after: (list: Suggestion[]) => Generator<void, T, void> | null,
  ): Promise<T> {
    this.refitIfChanged();
    const model = this.model;
    const listOptions = { ...options, model, coldStart: COLD_START_MODEL, kept: keptWalksOf(index) };
    const readSoFar = dismissedSoFar(dismissed);
    // runSteps answers null only when stale, and these steps never are.
    const walk = (await runSteps(walkForListSteps(index, actorId, listOptions), pause))!;
    const known = readSoFar();
    // Still being read: ranked meanwhile as if nothing were dismissed. Exclusions only take actors
    // out of the candidates, and every score is the actor's own, so a list that names none of the
    // dismissed actors is the list with them excluded; one that names any is made again with them.
    let list = (await runSteps(rankWalkSteps(index, walk, { ...listOptions, exclude: known }), pause))!;
    if (!known) {
      const exclude = new Set(await dismissed);
      if (list.some((s) => exclude.has(s.actorId))) {
        // The workspace of the first ranking was changed by it: walked again from the start.
        const again = (await runSteps(walkForListSteps(index, actorId, listOptions), pause))!;
        list = (await runSteps(rankWalkSteps(index, again, { ...listOptions, exclude }), pause))!;
      }
    }
    // Only walks without the counts are kept (the ones such models rank from).
    if (!usesCounts(model) && !usesCounts(COLD_START_MODEL)) this.keeper.ask(index, walk.q);
    const next = after(list);
    return next ? (await runSteps(next, pause))! : (list as T);
  }

  async explain(actorId: string, suggestedId: string): Promise<Explanation> {
    return explainPair(await this.index(), actorId, suggestedId);
  }

  async matchActors(topicIds: readonly string[], first: number): Promise<TopicMatch[]> {
    return matchActors(await this.index(), topicIds, first);
  }

  async similarActors(actorId: string, first: number): Promise<TopicMatch[]> {
    return similarActors(await this.index(), actorId, first);
  }
}
