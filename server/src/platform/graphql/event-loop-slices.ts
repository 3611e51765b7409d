/**
 * Cooperative time slices for long answers. graphql-js resolves a large answer in one long run of
 * promise callbacks (microtasks), and the embedded store answers synchronously: without a break
 * the event loop would not see a health check or another request until the answer is complete
 * (8–15 s were measured for hub fan-outs at 10k actors).
 *
 * Every guarded resolver (and every part of a large loader batch) asks `takeTurn(owner)` first.
 * While the current turn of the event loop has run for less than SLICE_MS it goes on at once;
 * after that it waits in its owner's queue (one owner per request). Waiters are let go one at a
 * time, round-robin over the owners, and only while the slice of the turn lasts — so thousands of
 * waiting resolvers do not all resume together, and a small request is not stuck behind a large one.
 */
export const SLICE_MS = 20;

type Resume = () => void;

/** A FIFO without the O(n) cost of Array#shift on long queues. */
class Queue {
  private items: Resume[] = [];
  private head = 0;
  get size(): number {
    return this.items.length - this.head;
  }
  push(item: Resume): void {
    this.items.push(item);
  }
  shift(): Resume | undefined {
    if (this.head >= this.items.length) return undefined;
    const item = this.items[this.head];
    this.items[this.head++] = undefined as unknown as Resume;
    if (this.head > 1024 && this.head * 2 > this.items.length) {
      this.items = this.items.slice(this.head);
      this.head = 0;
    }
    return item;
  }
}

let turnStart = 0;
let turnMarked = false;
let draining = false;
/** Owners with waiters, in the order they are served (a Map keeps insertion order). */
const queues = new Map<object, Queue>();
/** Callbacks that wait until an owner has no waiters left (see whenOwnerIdle). */
const idleCallbacks = new Map<object, Array<() => void>>();

/** After the current promise jobs and ticks, as DataLoader schedules its batches by default. */
function afterPromiseJobs(callback: () => void): void {
  void Promise.resolve().then(() => process.nextTick(callback));
}

/**
 * Runs `callback` once none of the owner's resolvers waits for its turn any more: a DataLoader
 * batch dispatched then holds the keys of every resolver of the level, also of those resumed
 * over several turns (one store call per kind of lookup and level, as without turns).
 */
export function whenOwnerIdle(owner: object, callback: () => void): void {
  // Checked again when it is due: a resolver resumed just before may have had to wait again.
  const attempt = () => (queues.has(owner) ? whenOwnerIdle(owner, callback) : callback());
  if (!queues.has(owner)) return afterPromiseJobs(attempt);
  const waiting = idleCallbacks.get(owner);
  if (waiting) waiting.push(attempt);
  else idleCallbacks.set(owner, [attempt]);
}

function markTurn(now: number): void {
  turnStart = now;
  turnMarked = true;
  // Cleared when the event loop comes round: the next check starts a new slice.
  setImmediate(() => {
    turnMarked = false;
  });
}

function sliceSpent(now: number): boolean {
  if (!turnMarked) {
    markTurn(now);
    return false;
  }
  return now - turnStart >= SLICE_MS;
}

/** Resolves at once (returns nothing) while the slice lasts; otherwise when it is the owner's turn. */
export function takeTurn(owner: object): Promise<void> | void {
  if (!sliceSpent(performance.now())) return;
  return new Promise<void>((resolve) => {
    let queue = queues.get(owner);
    if (!queue) queues.set(owner, (queue = new Queue()));
    queue.push(resolve);
    if (!draining) {
      draining = true;
      setImmediate(drain);
    }
  });
}

function drain(): void {
  markTurn(performance.now());
  release();
}

/** Lets the next waiter go (round-robin over owners) while the slice lasts; then waits a turn. */
function release(): void {
  const next = queues.entries().next();
  if (next.done) {
    draining = false;
    return;
  }
  if (performance.now() - turnStart >= SLICE_MS) {
    setImmediate(drain);
    return;
  }
  const [owner, queue] = next.value;
  const resume = queue.shift()!;
  // The owner goes to the back of the line (or leaves it when it has no more waiters).
  queues.delete(owner);
  if (queue.size > 0) queues.set(owner, queue);
  resume();
  if (queue.size === 0) {
    const callbacks = idleCallbacks.get(owner);
    idleCallbacks.delete(owner);
    for (const callback of callbacks ?? []) afterPromiseJobs(callback);
  }
  // After the resumed continuation's first step (queued before this).
  queueMicrotask(release);
}
