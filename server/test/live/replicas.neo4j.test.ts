import { describeNeo4j, neo4jHarness } from '../support/stores';
import { describeReplicas } from './replicas.suite';

describeNeo4j('replicas on Neo4j', (config) =>
  describeReplicas('Neo4j', async () => {
    const harness = neo4jHarness(config);
    await harness.setup();
    return {
      store: await harness.fresh(),
      env: { NEO4J_URI: config.uri, NEO4J_USER: config.user, NEO4J_PASSWORD: config.password },
      teardown: () => harness.teardown(),
    };
  }),
);
