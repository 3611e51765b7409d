import { lexicographicSortSchema, printSchema } from 'graphql';
import { getSchema } from './schema';

/** Where the published SDL lives, relative to the repository root. */
export const SCHEMA_FILE = 'schema/schema.graphql';

const HEADER = `# Quartiernetz GraphQL API — the public contract.
# Generated from the code by \`npm run schema\`; a test fails when this file is stale.
`;

/** The schema as SDL, sorted so that the file changes only when the API does. */
export async function printSchemaSdl(): Promise<string> {
  return `${HEADER}\n${printSchema(lexicographicSortSchema(await getSchema()))}\n`;
}
