/**
 * Parity of the stores: the same GraphQL operations, run on the embedded store and on Neo4j loaded
 * with the same network, must give the same answers, field by field.
 */
import type { GraphData } from '../../src/store/network-store';
import { startTestApi, type TestApi } from './api';
import { embeddedHarness, neo4jHarness, type Neo4jTestConfig } from './stores';

/** Named GraphQL operations: [name, document]. */
export type Operations = Array<[string, string]>;

export interface ParityCase {
  name: string;
  data: GraphData;
  operations: Operations;
}

async function answers(api: TestApi, operations: Operations): Promise<Record<string, unknown>> {
  const result: Record<string, unknown> = {};
  for (const [name, query] of operations) result[name] = await api.run(query);
  return result;
}

/** One describe per case, each with one test that compares every operation's answer. */
export function describeParity(config: Neo4jTestConfig, title: string, testName: string, cases: ParityCase[]): void {
  describe.each(cases.map((c) => [c.name, c] as const))(`${title}: %s`, (_name, { data, operations }) => {
    const embedded = embeddedHarness();
    const neo4j = neo4jHarness(config);
    beforeAll(async () => {
      await embedded.setup();
      await neo4j.setup();
    });
    afterAll(async () => {
      await embedded.teardown();
      await neo4j.teardown();
    });

    test(testName, async () => {
      const onEmbedded = await answers(await startTestApi(await embedded.fresh(), data), operations);
      const onNeo4j = await answers(await startTestApi(await neo4j.fresh(), data), operations);
      for (const [name] of operations) {
        expect((onEmbedded[name] as { errors?: unknown }).errors).toBeUndefined();
        expect({ [name]: onNeo4j[name] }).toEqual({ [name]: onEmbedded[name] });
      }
    });
  });
}
