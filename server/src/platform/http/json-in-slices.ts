/**
 * An answer's JSON text written in slices of the event loop. Apollo turns a result into one string
 * with one JSON.stringify call: the busiest actor's page with every participant at 100k actors
 * (5.1 MB) held the loop 114–200 ms in that call alone, measured with the event-loop watch. Here the
 * tree is walked in order and written piece by piece; after SLICE_MS of work the walk waits for the
 * next turn, so health checks and other requests are answered meanwhile.
 *
 * The text is the one JSON.stringify writes (without indentation): objects whose values are all
 * scalars — most of an answer — and values with a toJSON method are handed to JSON.stringify whole.
 */
import { setImmediate as nextTurn } from 'node:timers/promises';

/** Work per turn of the event loop while an answer is written (half a resolvers' slice, graphql/event-loop-slices.ts). */
export const SLICE_MS = 10;

/**
 * Entries (keys and items, nested ones counted) that one JSON.stringify call writes: a value of at
 * most this many is written whole, and consecutive items of a large array are written together up to
 * this many (one native call per few thousand entries, where a call per item cost 5× the CPU).
 */
const ENTRIES_PER_CALL = 4096;

/** Steps of the walk between two looks at the clock. */
const STEPS_PER_CHECK = 8;

/** An object or array being written: its keys (null for an array), the next entry, how many written. */
interface Frame {
  value: object;
  keys: string[] | null;
  next: number;
  written: number;
}

export async function stringifyInSlices(value: unknown, sliceMs = SLICE_MS): Promise<string> {
  const out: string[] = [];
  const stack: Frame[] = [];
  /** Writes a small value whole, or opens a large one (its entries follow step by step). */
  const begin = (item: unknown, inArray: boolean) => {
    if (isComposite(item) && !hasToJSON(item) && entriesUpTo(item, ENTRIES_PER_CALL) > ENTRIES_PER_CALL) {
      out.push(Array.isArray(item) ? '[' : '{');
      stack.push({ value: item, keys: Array.isArray(item) ? null : Object.keys(item), next: 0, written: 0 });
      return;
    }
    const text = JSON.stringify(item) as string | undefined;
    // JSON.stringify writes null for an array item it cannot write (undefined, a function).
    if (text !== undefined) out.push(text);
    else if (inArray) out.push('null');
  };
  /** Writes the array's next items together while they are small, else opens the next one. */
  const continueArray = (frame: Frame, items: unknown[]) => {
    let end = frame.next;
    let entries = 0;
    while (end < items.length) {
      const size = entriesUpTo(items[end], ENTRIES_PER_CALL - entries);
      if (entries + size > ENTRIES_PER_CALL) break;
      entries += size;
      end++;
    }
    if (frame.next > 0) out.push(',');
    if (end === frame.next) return begin(items[frame.next++], true);
    // The run's text without its brackets (a slice, not a copy).
    out.push(JSON.stringify(items.slice(frame.next, end)).slice(1, -1));
    frame.next = end;
  };

  begin(value, false);
  // An answer large enough to be written in pieces starts in a turn of its own: the turn that
  // finished executing it (graphql-js completes a long list in one go) already held the loop.
  if (stack.length > 0) await nextTurn();
  let sliceStart = performance.now();
  let steps = 0;
  while (stack.length > 0) {
    const frame = stack[stack.length - 1]!;
    if (frame.keys === null) {
      const items = frame.value as unknown[];
      if (frame.next === items.length) {
        out.push(']');
        stack.pop();
      } else continueArray(frame, items);
    } else {
      const fields = frame.value as Record<string, unknown>;
      // JSON.stringify leaves out the properties it cannot write.
      while (frame.next < frame.keys.length && !isWritten(fields[frame.keys[frame.next]!])) frame.next++;
      if (frame.next === frame.keys.length) {
        out.push('}');
        stack.pop();
      } else {
        const key = frame.keys[frame.next++]!;
        out.push(`${frame.written++ > 0 ? ',' : ''}${JSON.stringify(key)}:`);
        begin(fields[key], false);
      }
    }
    if (++steps % STEPS_PER_CHECK === 0 && performance.now() - sliceStart >= sliceMs) {
      await nextTurn();
      sliceStart = performance.now();
    }
  }
  return out.join('');
}

function isComposite(value: unknown): value is object {
  return typeof value === 'object' && value !== null;
}

function hasToJSON(value: object): boolean {
  return typeof (value as { toJSON?: unknown }).toJSON === 'function';
}

/** The entries of a value (1 for a scalar or a value with toJSON), counted up to just over `cap`. */
function entriesUpTo(value: unknown, cap: number): number {
  if (!isComposite(value) || hasToJSON(value)) return 1;
  let count = 1;
  if (Array.isArray(value)) {
    for (const item of value) {
      count += entriesUpTo(item, cap - count);
      if (count > cap) return count;
    }
    return count;
  }
  for (const key in value) {
    count += entriesUpTo((value as Record<string, unknown>)[key], cap - count);
    if (count > cap) return count;
  }
  return count;
}

/** Whether JSON.stringify writes an object's property with this value (it skips these). */
function isWritten(value: unknown): boolean {
  return value !== undefined && typeof value !== 'function' && typeof value !== 'symbol';
}
