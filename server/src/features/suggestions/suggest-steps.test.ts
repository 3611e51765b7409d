/**
 * Lists computed in steps (suggest.ts `suggestContactsSteps`, driven by contact-suggestions.ts with
 * the caller's pause between steps): a hub's list is spread over several turns of the event loop,
 * lists asked for together never mix their steps on the shared signal workspace, a list stopped
 * between steps leaves nothing behind — and every list has the bits of one computation in one run
 * on an index of its own.
 */
import { generateNetwork } from '../../../../seed/generate';
import { snapshotOf } from '../../../../seed/snapshot';
import { NetworkProjection } from '../../graph/projection';
import { ContactSuggestions } from './contact-suggestions';
import { singleSignalModel } from './model';
import { sortedSteps } from '../../platform/util/sorted-steps';
import { threeStepEntries } from './bounded-rank';
import { suggestContacts } from './suggest';
import { buildSuggestionIndex } from './suggestion-index';
import { runNow } from '../../platform/util/run-in-slices';
import { COLD_START_MODEL, DEFAULT_MODEL } from './weights';
import { CHUNK_ACTORS, CHUNK_ENTRIES } from './work-chunks';

jest.setTimeout(120_000);

const data = generateNetwork({ actors: 10_000, hubs: 4, hubShare: 0.2, seed: 11 });
/** The reference: an index of its own, each list computed in one run. */
const reference = buildSuggestionIndex(NetworkProjection.fromSnapshot(snapshotOf(data)));
const { graph } = reference;
const byDegree = [...graph.ids.keys()].sort(
  (a, b) => graph.offsets[b + 1] - graph.offsets[b] - (graph.offsets[a + 1] - graph.offsets[a]) || a - b,
);
const hubs = byDegree.slice(0, 4).map((i) => graph.ids[i]);
const ordinary = [byDegree[500], byDegree[3000], byDegree[7000]].map((i) => graph.ids[i]);

function oneRun(actorId: string, model = DEFAULT_MODEL, first = 10, exclude: ReadonlySet<string> = new Set()) {
  return suggestContacts(reference, actorId, { first, model, exclude, coldStart: COLD_START_MODEL });
}

/** A pause that passes a turn of the event loop at every step, counting the steps and the turns. */
function countingPause() {
  const counts = { pauses: 0, turns: 0 };
  const pause = () => {
    counts.pauses++;
    return new Promise<void>((resolve) => setImmediate(resolve));
  };
  return { counts, pause };
}

function suggestions(model = DEFAULT_MODEL) {
  return new ContactSuggestions(NetworkProjection.fromSnapshot(snapshotOf(data)), model, { indexBuild: 'inline' });
}

describe('suggestions in steps', () => {
  test("a hub's list is computed over several turns of the event loop, with the bits of one run", async () => {
    const service = suggestions();
    for (const actorId of hubs) {
      const { counts, pause } = countingPause();
      // Another task of the event loop, counting the turns it gets while the list is computed.
      let running = true;
      const tick = () => {
        if (!running) return;
        counts.turns++;
        setImmediate(tick);
      };
      setImmediate(tick);
      const list = await service.suggest(actorId, { first: 10 }, new Set(), pause);
      running = false;
      expect(list).toEqual(oneRun(actorId));
      expect(counts.pauses).toBeGreaterThanOrEqual(3);
      expect(counts.turns).toBeGreaterThanOrEqual(3);
    }
    service.close();
  });

  test('the full walk (a model of walk counts) is computed in steps too, with the same bits', async () => {
    const katz = singleSignalModel('katz');
    const service = suggestions(katz);
    for (const actorId of [...hubs, ...ordinary]) {
      const { counts, pause } = countingPause();
      expect(await service.suggest(actorId, { first: 10 }, new Set(), pause)).toEqual(oneRun(actorId, katz));
      if (hubs.includes(actorId)) expect(counts.pauses).toBeGreaterThanOrEqual(3);
    }
    service.close();
  });

  test('lists asked for together run one after another: each equals its list of one run', async () => {
    const service = suggestions();
    const asked = [...hubs, ...ordinary, ...hubs];
    const exclude = new Set([oneRun(hubs[0])[1].actorId]);
    const lists = await Promise.all(
      asked.map((actorId, k) =>
        service.suggestExplained(actorId, { first: 5 + k }, exclude, () => new Promise((r) => setImmediate(r))),
      ),
    );
    lists.forEach((list, k) =>
      expect(list.map((x) => x.suggestion)).toEqual(oneRun(asked[k], DEFAULT_MODEL, 5 + k, exclude)),
    );
    service.close();
  });

  test('dismissed pairs read while the list is ranked: the same list as with them known before', async () => {
    for (const model of [DEFAULT_MODEL, singleSignalModel('katz')]) {
      const service = suggestions(model);
      for (const actorId of [hubs[0], ...ordinary]) {
        const plain = oneRun(actorId, model);
        // None dismissed, ones the list does not name, and the list's second and last (ranked again).
        const cases = [
          [],
          ['no-such-actor', oneRun(actorId, model, 40)[30].actorId],
          [plain[1].actorId, plain[9].actorId],
        ];
        for (const ids of cases) {
          const late = new Promise<readonly string[]>((resolve) => setTimeout(() => resolve(ids), 30));
          const list = await service.suggestExplained(
            actorId,
            { first: 10 },
            late,
            () => new Promise((r) => setImmediate(r)),
          );
          expect(list.map((x) => x.suggestion)).toEqual(oneRun(actorId, model, 10, new Set(ids)));
        }
      }
      // The read failed: so does the list.
      const failed = new Promise<readonly string[]>((_, reject) =>
        setTimeout(() => reject(new Error('read failed')), 30),
      );
      await expect(service.suggest(ordinary[0], { first: 10 }, failed)).rejects.toThrow('read failed');
      service.close();
    }
  });

  test('a list stopped between its steps (its request was stopped) leaves nothing behind for the next', async () => {
    // Actors reaching few actors in two steps but many entries in three (the workspace clears only
    // what a finished query listed when it reached few): stopped within their three-step walk.
    const small = byDegree
      .map((i) => graph.ids[i])
      .filter((id) => {
        const reached = reference.signals.computeTwoSteps(graph.index.get(id)!).reached;
        return reached.length < graph.ids.length / 8 && threeStepEntries(graph, reached) > 2 * CHUNK_ENTRIES;
      })
      .slice(0, 3);
    expect(small.length).toBe(3);
    const katz = singleSignalModel('katz');
    for (const model of [DEFAULT_MODEL, katz]) {
      const service = suggestions(model);
      for (const stopped of [hubs[1], ...small])
        for (const stopAt of [1, 2, 3, 5]) {
          let pauses = 0;
          const stopping = () => {
            if (++pauses === stopAt) return Promise.reject(new Error('stopped'));
            return new Promise<void>((resolve) => setImmediate(resolve));
          };
          await service.suggest(stopped, { first: 10 }, new Set(), stopping).then(
            () => expect(pauses).toBeLessThan(stopAt),
            (error: Error) => expect(error.message).toBe('stopped'),
          );
          for (const actorId of [small[(small.indexOf(stopped) + 1) % small.length], ordinary[0], stopped])
            expect(await service.suggest(actorId, { first: 10 })).toEqual(oneRun(actorId, model));
        }
      service.close();
    }
  });

  test('the sort in steps gives the order of one sort (ties broken by index)', () => {
    const n = 3 * CHUNK_ACTORS + 17;
    let seed = 7;
    const scores = Float64Array.from({ length: n }, () => ((seed = (seed * 16807) % 2147483647) % 50) / 7);
    const compare = (a: number, b: number) => scores[b] - scores[a] || a - b;
    const steps = sortedSteps(n, compare);
    let yields = 0;
    let next = steps.next();
    for (; !next.done; next = steps.next()) yields++;
    expect(yields).toBeGreaterThan(4);
    expect(Array.from(next.value)).toEqual(Array.from({ length: n }, (_, i) => i).sort(compare));
    expect(Array.from(runNow(sortedSteps(5, compare)))).toEqual([0, 1, 2, 3, 4].sort(compare));
  });
});
