/** The update recipe on Neo4j. */
import { describeUpdateRecipeContract } from './update-recipe.suite';
import { describeNeo4j, neo4jHarness } from '../support/stores';

describeNeo4j('neo4j store: the update recipe', (config) =>
  describeUpdateRecipeContract('neo4j', neo4jHarness(config)),
);
