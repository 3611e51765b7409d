/**
 * Child process of server/test/embedded-durability.test.ts: opens the embedded store on the file
 * given as the only argument and creates actors `actor-0`, `actor-1`, … one after another, printing
 * each id on stdout only after its write resolved (= was acknowledged). It runs until it is killed
 * (the test sends SIGKILL mid-stream); a time limit keeps an orphan from running forever.
 *
 *   node -r tsx/cjs server/test/support/embedded-writer.ts <file>
 */
import { createEmbeddedStore } from '../../src/store/embedded';

const MAX_RUNTIME_MS = 60_000;

async function main(): Promise<void> {
  const filename = process.argv[2];
  if (!filename) throw new Error('usage: embedded-writer.ts <database file>');
  // The reader went away (the test failed): stop instead of writing into a closed pipe.
  process.stdout.on('error', () => process.exit(2));

  const store = createEmbeddedStore({ filename });
  await store.init();
  const deadline = Date.now() + MAX_RUNTIME_MS;
  for (let i = 0; Date.now() < deadline; i++) {
    const actor = await store.createActor({ id: `actor-${i}`, name: `Actor ${i}`, kind: 'PERSON' });
    // stdout to a pipe is synchronous on Linux: once written, the line reaches the parent even if
    // this process is killed right after.
    process.stdout.write(`${actor.id}\n`);
  }
  await store.close();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
