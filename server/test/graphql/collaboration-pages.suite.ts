/**
 * `Actor.collaborations(first, after)` through the whole request pipeline on the Batenbrock seed:
 * without arguments every collaboration, newest first, as always; with `first` a page cut in the
 * store, `after` (the last collaboration id of the previous page) continuing it — by the panel's
 * read-ahead (`actor(id)` asking collaborations, one store call) and by the field itself (an
 * actor list) alike. Walking the pages gives every row of the full list exactly once, in its
 * order (the seed's busiest actor has three collaborations on one day and five without a date:
 * ties broken by id); bad arguments and a cursor that is not (any more) the actor's are refused
 * with BAD_USER_INPUT naming the argument.
 */
import { batenbrock } from '../../../seed/batenbrock';
import { errorCodes, useSeededApi, type TestApi } from '../support/api';
import type { StoreHarness } from '../support/stores';

const BUSIEST = 'stadtteilagentur-batenbrock'; // 13 collaborations in the seed
const ROW = 'role collaboration { id startDate }';
const FULL = `query($id: ID!) { actor(id: $id) { collaborationCount collaborations { ${ROW} } } }`;
/** As the map page's panel asks it: read ahead with the actor in one store call. */
const PANEL_PAGE = `query($id: ID!, $first: Int, $after: ID) { actor(id: $id) {
  id collaborationCount topics { id } collaborations(first: $first, after: $after) { ${ROW} } } }`;
/** The field on its own, for several actors at once (no read-ahead: an actor list). */
const LIST_PAGES = `query($first: Int, $after: ID) { actors(first: 100) { nodes { id
  collaborations(first: $first, after: $after) { ${ROW} } } } }`;

type Row = { role: string; collaboration: { id: string; startDate: string | null } };

/** The seed's collaborations of an actor in the documented order, worked out here from the seed itself. */
function expectedOrder(actorId: string): Row[] {
  const rows = batenbrock.collaborations.flatMap((c) =>
    (c.participants ?? [])
      .filter((p) => p.actorId === actorId)
      .map((p) => ({ role: p.role, collaboration: { id: c.id, startDate: c.startDate ?? null } })),
  );
  const key = (r: Row) => r.collaboration.startDate ?? '';
  return rows.sort(
    (a, b) =>
      (key(a) < key(b) ? 1 : key(a) > key(b) ? -1 : 0) ||
      (a.collaboration.id < b.collaboration.id ? -1 : a.collaboration.id > b.collaboration.id ? 1 : 0),
  );
}

export function describeCollaborationPages(label: string, harness: StoreHarness): void {
  describe(`Actor.collaborations(first, after) on the Batenbrock seed (${label})`, () => {
    let api: TestApi;
    useSeededApi(harness, batenbrock, (started) => (api = started), 'test');

    async function walkPanel(id: string, first: number) {
      const rows: Row[] = [];
      const sizes: number[] = [];
      let after: string | null = null;
      for (;;) {
        const data: any = await api.data(PANEL_PAGE, { id, first, after });
        const page = data.actor.collaborations as Row[];
        rows.push(...page);
        sizes.push(page.length);
        if (page.length < first) return { rows, sizes };
        after = page.at(-1)!.collaboration.id;
      }
    }

    test('without arguments: every collaboration, newest first, no date last, ties by id', async () => {
      const expected = expectedOrder(BUSIEST);
      expect(expected).toHaveLength(13);
      // The seed has the ties the order must break: one day thrice, five without a date.
      expect(expected.filter((r) => r.collaboration.startDate === '2021-09-22')).toHaveLength(3);
      expect(expected.filter((r) => r.collaboration.startDate === null)).toHaveLength(5);
      const data = await api.data(FULL, { id: BUSIEST });
      expect(data.actor.collaborationCount).toBe(13);
      expect(data.actor.collaborations).toEqual(expected);
    });

    test.each([1, 3, 4, 5, 12, 13, 20])('pages of %i walk every row once, in the full order', async (first) => {
      const { rows, sizes } = await walkPanel(BUSIEST, first);
      expect(rows).toEqual(expectedOrder(BUSIEST));
      expect(sizes.slice(0, -1).every((n) => n === first)).toBe(true);
      expect(sizes.at(-1)).toBe(13 % first === 0 ? 0 : 13 % first);
    });

    test("the field's own pages (an actor list, many actors in one store call) are the full lists' heads and continue likewise", async () => {
      const firstPages: any = await api.data(LIST_PAGES, { first: 2 });
      const nodes = firstPages.actors.nodes as Array<{ id: string; collaborations: Row[] }>;
      expect(nodes.length).toBeGreaterThan(20);
      for (const node of nodes) expect(node.collaborations).toEqual(expectedOrder(node.id).slice(0, 2));
      // The field's own path continues a page too, and refuses a cursor that is not the actor's.
      const ONE = `query($after: ID) { actors(filter: { nameContains: "Stadtteilagentur" }, first: 1) { nodes { id
        collaborations(first: 4, after: $after) { ${ROW} } } } }`;
      const after = expectedOrder(BUSIEST)[5]!.collaboration.id;
      const next: any = await api.data(ONE, { after });
      expect(next.actors.nodes).toEqual([{ id: BUSIEST, collaborations: expectedOrder(BUSIEST).slice(6, 10) }]);
      const refused = await api.run(ONE, { after: 'fruhjahrsputz-volkspark-2022' });
      expect([errorCodes(refused), refused.errors?.[0]?.extensions?.field]).toEqual([['BAD_USER_INPUT'], 'after']);
    });

    test('bad first and after are refused with the argument named', async () => {
      const cases: Array<[Record<string, unknown>, string]> = [
        [{ first: 0 }, 'first'],
        [{ first: 501 }, 'first'],
        [{ after: expectedOrder(BUSIEST)[0]!.collaboration.id }, 'first'], // after needs first
        [{ first: 5, after: 'no-such-collaboration' }, 'after'],
        [{ first: 5, after: 'fruhjahrsputz-volkspark-2022' }, 'after'], // another actor's
        [{ first: 5, after: '' }, 'after'],
      ];
      for (const [variables, field] of cases) {
        const answer = await api.run(PANEL_PAGE, { id: BUSIEST, ...variables });
        expect([errorCodes(answer), answer.errors?.[0]?.extensions?.field]).toEqual([['BAD_USER_INPUT'], field]);
      }
      // The largest page is allowed.
      const all: any = await api.data(PANEL_PAGE, { id: BUSIEST, first: 500 });
      expect(all.actor.collaborations).toEqual(expectedOrder(BUSIEST));
    });

    test('a cursor whose collaboration was deleted meanwhile is refused as stale; a new collaboration heads the first page', async () => {
      const page: any = await api.data(PANEL_PAGE, { id: BUSIEST, first: 4 });
      const last = page.actor.collaborations.at(-1).collaboration.id;
      await api.data(`mutation($id: ID!) { deleteCollaboration(id: $id) }`, { id: last });
      const stale = await api.run(PANEL_PAGE, { id: BUSIEST, first: 4, after: last });
      expect(errorCodes(stale)).toEqual(['BAD_USER_INPUT']);
      expect(stale.errors?.[0]?.extensions?.field).toBe('after');
      expect(stale.errors?.[0]?.message).toMatch(/first page/);

      const created: any = await api.data(
        `mutation($a: ID!) { createCollaboration(input: { title: "Neues Treffen", kind: MEETING, startDate: "2030-01-02",
          participants: [{ actorId: $a, role: HOST }] }) { id } }`,
        { a: BUSIEST },
      );
      const fresh: any = await api.data(PANEL_PAGE, { id: BUSIEST, first: 2 });
      expect(fresh.actor.collaborationCount).toBe(13);
      expect(fresh.actor.collaborations[0]).toEqual({
        role: 'HOST',
        collaboration: { id: created.createCollaboration.id, startDate: '2030-01-02' },
      });
      const { rows } = await walkPanel(BUSIEST, 5);
      expect(rows).toEqual((await api.data(FULL, { id: BUSIEST })).actor.collaborations);
    });
  });
}
