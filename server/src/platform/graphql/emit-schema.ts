/** Writes schema/schema.graphql, the public contract, from the code (`npm run schema`). */
import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { printSchemaSdl, SCHEMA_FILE } from './sdl';

async function main() {
  const sdl = await printSchemaSdl();
  writeFileSync(resolve(SCHEMA_FILE), sdl);
  console.log(`wrote ${SCHEMA_FILE} (${sdl.length} characters)`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
