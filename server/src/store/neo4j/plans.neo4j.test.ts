/**
 * Plan checks against a real Neo4j: `EXPLAIN` the statements whose speed depends on the planner
 * choosing an index, and assert the plan shape. A page of actors must be read from the nameKey
 * range index in index order and stop after one page (a PartialTop orders only the ties on nameKey
 * by id) — never a Sort/Top over every actor, which is what made a generated GraphQL layer 24×
 * slower at 100k actors when measured on a real Neo4j.
 *
 * What Neo4j 5.26 shows for LIST_ACTORS (a page, its total and with `$withInterests` the page's
 * interests; here with filters):
 *   ProduceResults
 *     Projection            [a IN page | properties(a)] AS actors
 *       Apply               (its second branch: the page's interests, sorted by topic)
 *         CartesianProduct
 *           EagerAggregation    count(a) AS total     (the total's subquery; LIST_ALL_ACTORS: NodeCountFromCountStore)
 *           EagerAggregation    collect(a) AS page
 *             PartialTop          `a.nameKey` ASC, `a.id` ASC LIMIT $limit
 *               Projection
 *                 SelectOrSemiApply   $topicIds IS NULL
 *                   Filter            ($nameContains IS NULL OR …) AND ($afterId IS NULL OR …)
 *                     NodeIndexSeekByRange   RANGE INDEX a:Actor(nameKey) WHERE nameKey >= $afterKey   order a.nameKey ASC
 *                   (the EXISTS branch for topicIds: Expand from the actor)
 * (PROFILE of the page at 20k actors: 53 index entries read for a page of 50.) A filtered total
 * reads every actor of the label, as a count with those filters always did; the checks below look
 * at the page's subquery.
 *
 * The statements pin these plans with index seek hints: without them the planner once chose, in a
 * CI run on a database other tests had just filled and emptied, an ordered scan of the whole
 * nameKey index for a later page and no unique seek for a batched lookup; with `USING INDEX` (no
 * SEEK) it did the same once more, right after the bulk-import tests.
 *
 * A Neo4j test (`*.neo4j.test.ts`, docs/testing.md): it needs NEO4J_URI. EXPLAIN never runs the
 * query, so the checks neither need nor touch data; they only need the schema, which init() creates.
 */
import neo4j, { type Driver } from 'neo4j-driver';

import * as Q from './cypher';
import { describeNeo4j } from '../../../test/support/stores';
import { createNeo4jStore } from './index';

interface PlanCheckConfig {
  uri: string;
  user?: string;
  password?: string;
  database?: string;
}

/** One operator of a plan, flattened. */
interface PlanOperator {
  /** Without the runtime suffix: `NodeIndexSeekByRange`, not `NodeIndexSeekByRange@neo4j`. */
  operator: string;
  details: string;
  /** The order the operator's output is known to have (`a.nameKey ASC`), '' when none. */
  order: string;
  depth: number;
}

interface RawPlan {
  operatorType: string;
  arguments: { [key: string]: unknown };
  children: RawPlan[];
}

/** Every operator of a plan tree, depth-first. */
function flattenPlan(plan: RawPlan, depth = 0): PlanOperator[] {
  const args = plan.arguments ?? {};
  const op: PlanOperator = {
    operator: plan.operatorType.replace(/@.*$/, ''),
    details: typeof args.Details === 'string' ? args.Details : '',
    order: typeof args.Order === 'string' ? args.Order : '',
    depth,
  };
  return [op, ...plan.children.flatMap((child) => flattenPlan(child, depth + 1))];
}

/** Operators that sort their whole input (the partial ones sort only ties of an ordered input). */
const FULL_SORTS = ['Sort', 'Top', 'Top1WithTies'];
/** Operators that read every node of a label or the whole graph. */
const FULL_SCANS = ['NodeByLabelScan', 'AllNodesScan'];
/** Index reads that can provide the nameKey order (a scan in order is fine too: it stops at LIMIT). */
const ORDERED_INDEX_READS = ['NodeIndexSeekByRange', 'NodeIndexScan'];

function describePlanChecks(config: PlanCheckConfig): void {
  describe('Neo4j plans (EXPLAIN)', () => {
    let driver: Driver;

    async function explain(statement: string, params: Record<string, unknown>): Promise<PlanOperator[]> {
      const session = driver.session({ database: config.database, defaultAccessMode: neo4j.session.READ });
      try {
        const result = await session.executeRead((tx) => tx.run(`EXPLAIN ${statement}`, params));
        const plan = result.summary.plan;
        if (!plan) throw new Error('EXPLAIN gave no plan');
        return flattenPlan(plan as unknown as RawPlan);
      } finally {
        await session.close();
      }
    }

    function describePlan(ops: PlanOperator[]): string {
      return ops
        .map((o) => `${'  '.repeat(o.depth)}${o.operator} ${o.details}${o.order ? ` [${o.order}]` : ''}`)
        .join('\n');
    }

    /** The plan reads the `label(nameKey)` index in ascending order and sorts nothing whole. */
    function expectOrderedNameKeyPage(ops: PlanOperator[], label: string, variable: string): void {
      const plan = describePlan(ops);
      const seek = ops.find((o) => ORDERED_INDEX_READS.includes(o.operator) && o.details.includes(`${label}(nameKey)`));
      expect({ seek: seek ?? null, plan }).toMatchObject({
        seek: { order: expect.stringContaining(`${variable}.nameKey ASC`) },
      });
      expect({ fullSorts: ops.filter((o) => FULL_SORTS.includes(o.operator)), plan }).toMatchObject({ fullSorts: [] });
      expect({ fullScans: ops.filter((o) => FULL_SCANS.includes(o.operator)), plan }).toMatchObject({ fullScans: [] });
      // The LIMIT is applied to the ordered stream: a PartialTop (ties by id) or a plain Limit.
      expect(ops.some((o) => o.operator === 'PartialTop' || o.operator === 'Limit')).toBe(true);
    }

    /**
     * The operators of the subquery that reads the `label(nameKey)` index (a list statement's page,
     * beside its total and the page's interests): the branch right below the nearest join
     * (CartesianProduct, Apply) above that index read; the whole plan when there is none.
     */
    function pageBranch(ops: PlanOperator[], label: string): PlanOperator[] {
      const read = ops.findIndex(
        (o) => ORDERED_INDEX_READS.includes(o.operator) && o.details.includes(`${label}(nameKey)`),
      );
      if (read < 0) return ops;
      let root = read;
      for (let i = read - 1; i >= 0; i--) {
        if (ops[i].depth !== ops[root].depth - 1) continue;
        if (ops[i].operator === 'CartesianProduct' || ops[i].operator === 'Apply') break;
        root = i;
      }
      let end = root + 1;
      while (end < ops.length && ops[end].depth > ops[root].depth) end++;
      return ops.slice(root, end);
    }

    beforeAll(async () => {
      const store = createNeo4jStore(config);
      try {
        await store.init();
      } finally {
        await store.close();
      }
      driver = neo4j.driver(
        config.uri,
        config.user != null ? neo4j.auth.basic(config.user, config.password ?? '') : undefined,
      );
    });

    afterAll(async () => {
      await driver?.close();
    });

    test('the first page of actors reads the nameKey index in order (no Sort/Top over all actors)', async () => {
      const ops = await explain(Q.LIST_ALL_ACTORS, {
        afterKey: '',
        afterId: null,
        limit: neo4j.int(51),
        withInterests: true,
      });
      expectOrderedNameKeyPage(pageBranch(ops, 'Actor'), 'Actor', 'a');
    });

    test('a later page of actors seeks the index from the cursor key', async () => {
      const ops = await explain(Q.LIST_ALL_ACTORS, {
        afterKey: 'burgerhaus nord',
        afterId: 'a2',
        limit: neo4j.int(51),
        withInterests: false,
      });
      expectOrderedNameKeyPage(pageBranch(ops, 'Actor'), 'Actor', 'a');
      // A string matcher, so that a failure prints the whole plan.
      expect(describePlan(ops)).toMatch(
        /NodeIndexSeekByRange RANGE INDEX a:Actor\(nameKey\) WHERE nameKey >= \$afterKey/,
      );
    });

    test('a filtered page of actors still reads the nameKey index in order', async () => {
      const ops = await explain(Q.LIST_ACTORS, {
        kinds: ['ASSOCIATION', 'GROUP'],
        nameContains: null,
        topicIds: ['urban-gardening'],
        afterKey: '',
        afterId: null,
        limit: neo4j.int(11),
        withInterests: true,
      });
      expectOrderedNameKeyPage(pageBranch(ops, 'Actor'), 'Actor', 'a');
    });

    test('a name search and its total both read the text index for CONTAINS (no scan of every actor)', async () => {
      const params = {
        kinds: null,
        nameContains: '2345',
        topicIds: null,
        afterKey: '',
        afterId: null,
        limit: neo4j.int(21),
        withInterests: false,
      };
      const ops = await explain(Q.SEARCH_ACTORS, params);
      const plan = describePlan(ops);
      expect({
        plan,
        containsScans: ops.filter((o) => o.operator === 'NodeIndexContainsScan' && o.details.includes('TEXT INDEX'))
          .length,
      }).toMatchObject({ containsScans: 2 });
      expect({ plan, scans: ops.filter((o) => FULL_SCANS.includes(o.operator)) }).toMatchObject({ scans: [] });
    });

    test('a page of topics reads the topic nameKey index in order', async () => {
      const ops = await explain(Q.LIST_TOPICS, {
        nameContains: null,
        afterKey: '',
        afterId: null,
        limit: neo4j.int(51),
      });
      expectOrderedNameKeyPage(ops, 'Topic', 't');
    });

    test('unfiltered totals come from the count store', async () => {
      const firstPage = { afterKey: '', afterId: null, limit: neo4j.int(51), withInterests: true };
      for (const statement of [Q.LIST_ALL_ACTORS, Q.COUNT_ALL_TOPICS, Q.COUNT_ALL_COLLABORATIONS, Q.COUNTS]) {
        const ops = await explain(statement, statement === Q.LIST_ALL_ACTORS ? firstPage : {});
        expect({ statement, scans: ops.filter((o) => FULL_SCANS.includes(o.operator)) }).toMatchObject({ scans: [] });
        expect(ops.some((o) => o.operator === 'NodeCountFromCountStore')).toBe(true);
      }
    });

    test('batched lookups seek the unique id index', async () => {
      for (const statement of [Q.GET_ACTORS, Q.GET_ACTOR_NAMES, Q.INTERESTS_OF_ACTORS, Q.COLLABORATORS_OF_ACTORS]) {
        const ops = await explain(statement, { ids: ['a1', 'a2'] });
        const plan = describePlan(ops);
        expect(`${statement}\n${plan}`).toMatch(/^\s*NodeUniqueIndexSeek UNIQUE a:Actor\(id\)/m);
        expect({ statement, plan, scans: ops.filter((o) => FULL_SCANS.includes(o.operator)) }).toMatchObject({
          scans: [],
        });
      }
    });

    test("the paged panel reads its actors and their top collaborators' records by the unique id index", async () => {
      const ops = await explain(Q.ACTOR_PANEL_PAGES, {
        ids: ['a1'],
        recordIds: ['a1', 'a2', 'a3'],
        after: null,
        limit: neo4j.int(20),
      });
      const plan = describePlan(ops);
      expect(plan).toMatch(/^\s*NodeUniqueIndexSeek UNIQUE a:Actor\(id\)/m);
      expect({ plan, scans: ops.filter((o) => FULL_SCANS.includes(o.operator)) }).toMatchObject({ scans: [] });
    });
  });
}

describeNeo4j('neo4j query plans', (config) => describePlanChecks(config));
