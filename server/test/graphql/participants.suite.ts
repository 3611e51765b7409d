/**
 * A collaboration's participants in the cheap forms beside the full list, through the whole request
 * pipeline on the Batenbrock seed: `participantCount` (answered by the projection) and
 * `participantPage(first, after)` (one page from the store, with totalCount). Both must agree
 * with `participants` — same actors, roles and order — also right after a write, and bad paging
 * input is refused with its field.
 */
import { batenbrock } from '../../../seed/batenbrock';
import { errorCodes, useSeededApi, type TestApi } from '../support/api';
import type { StoreHarness } from '../support/stores';

const FULL = `query($id: ID!) { collaboration(id: $id) { participantCount participants { role actor { id name } } } }`;
const PAGE = `query($id: ID!, $first: Int!, $after: String) { collaboration(id: $id) {
  participantPage(first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor } edges { cursor node { role actor { id name } } } nodes { role }
  } } }`;
const COUNTS = `{ collaborations(first: 100) { nodes { id participantCount participants { role } } } }`;
const ADD = `mutation($c: ID!, $a: ID!) { addParticipant(collaborationId: $c, actorId: $a, role: ORGANISER) {
  participantCount participantPage(first: 100) { totalCount nodes { role actor { id } } } } }`;

const BIGGEST = 'stadtteilkonferenz-2022'; // 16 participants in the seed
const OUTSIDER = 'planungsgruppe-stadtburo'; // takes no part in it

type Row = { role: string; actor: { id: string; name: string } };

export function describeParticipants(label: string, harness: StoreHarness): void {
  describe(`participantCount and participantPage on the Batenbrock seed (${label})`, () => {
    let api: TestApi;
    useSeededApi(harness, batenbrock, (started) => (api = started), 'test');

    /** Every page of `first`, following endCursor; the pages' rows and what each page said. */
    async function walk(id: string, first: number) {
      const rows: Row[] = [];
      const pages: Array<{ totalCount: number; hasNextPage: boolean; size: number }> = [];
      let after: string | null = null;
      for (;;) {
        const data: any = await api.data(PAGE, { id, first, after });
        const page = data.collaboration.participantPage;
        expect(page.nodes).toEqual(page.edges.map((e: { node: Row }) => ({ role: e.node.role })));
        expect(page.pageInfo.endCursor).toBe(page.edges.at(-1)?.cursor ?? null);
        rows.push(...page.edges.map((e: { node: Row }) => e.node));
        pages.push({ totalCount: page.totalCount, hasNextPage: page.pageInfo.hasNextPage, size: page.edges.length });
        if (!page.pageInfo.hasNextPage) return { rows, pages };
        after = page.pageInfo.endCursor;
      }
    }

    test('participantCount equals the length of participants for every collaboration', async () => {
      const data = await api.data(COUNTS);
      const nodes = data.collaborations.nodes as Array<{ participantCount: number; participants: unknown[] }>;
      expect(nodes).toHaveLength(batenbrock.collaborations.length);
      for (const c of nodes) expect(c.participantCount).toBe(c.participants.length);
      const seeded = new Map(batenbrock.collaborations.map((c) => [c.id, c.participants?.length ?? 0]));
      expect(Object.fromEntries(nodes.map((c: any) => [c.id, c.participantCount]))).toEqual(Object.fromEntries(seeded));
    });

    test('pages of 5 walk the same participants, roles and order as the full list', async () => {
      const full = (await api.data(FULL, { id: BIGGEST })).collaboration;
      expect(full.participantCount).toBe(16);
      const { rows, pages } = await walk(BIGGEST, 5);
      expect(rows).toEqual(full.participants);
      expect(pages).toEqual([
        { totalCount: 16, hasNextPage: true, size: 5 },
        { totalCount: 16, hasNextPage: true, size: 5 },
        { totalCount: 16, hasNextPage: true, size: 5 },
        { totalCount: 16, hasNextPage: false, size: 1 },
      ]);
      // One page holding all of them says there is no next one.
      expect((await walk(BIGGEST, 16)).pages).toEqual([{ totalCount: 16, hasNextPage: false, size: 16 }]);
    });

    test('an added participant is counted and paged in its place right after the write', async () => {
      const added: any = await api.data(ADD, { c: BIGGEST, a: OUTSIDER });
      expect(added.addParticipant.participantCount).toBe(17);
      expect(added.addParticipant.participantPage.totalCount).toBe(17);
      const full = (await api.data(FULL, { id: BIGGEST })).collaboration;
      expect(full.participantCount).toBe(17);
      expect(added.addParticipant.participantPage.nodes).toEqual(
        full.participants.map((p: Row) => ({ role: p.role, actor: { id: p.actor.id } })),
      );
      expect(full.participants.find((p: Row) => p.actor.id === OUTSIDER)?.role).toBe('ORGANISER');
      expect((await walk(BIGGEST, 4)).rows).toEqual(full.participants);
    });

    test('bad paging input is refused with its field; a collaboration without participants has an empty page', async () => {
      const tooMany = await api.run(PAGE, { id: BIGGEST, first: 501 });
      expect(errorCodes(tooMany)).toEqual(['BAD_USER_INPUT']);
      expect(tooMany.errors?.[0].extensions?.field).toBe('first');
      const badCursor = await api.run(PAGE, { id: BIGGEST, first: 5, after: 'kaputt' });
      expect(errorCodes(badCursor)).toEqual(['BAD_USER_INPUT']);
      expect(badCursor.errors?.[0].extensions?.field).toBe('after');

      const created: any = await api.data(
        `mutation { createCollaboration(input: { title: "Leeres Treffen", kind: MEETING }) { id participantCount } }`,
      );
      expect(created.createCollaboration.participantCount).toBe(0);
      const empty: any = await api.data(PAGE, { id: created.createCollaboration.id, first: 5 });
      expect(empty.collaboration.participantPage).toEqual({
        totalCount: 0,
        pageInfo: { hasNextPage: false, endCursor: null },
        edges: [],
        nodes: [],
      });
    });
  });
}
