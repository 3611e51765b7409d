/**
 * The published SDL is the API's contract: it must equal what the code builds (run `npm run schema`
 * after changing the API), and a client holding only that file must be able to run every sample
 * operation in schema/examples.graphql — checked against the SDL alone, then run on the server.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSchema, validate } from 'graphql';
import { batenbrock } from '../../seed/batenbrock';
import { printSchemaSdl, SCHEMA_FILE } from '../src/platform/graphql/sdl';
import { startTestApi } from './support/api';
import { exampleOperations, examples, examplesText, PREPARE } from './support/examples';
import { embeddedHarness } from './support/stores';

const root = join(__dirname, '..', '..');
const sdl = readFileSync(join(root, SCHEMA_FILE), 'utf8');

describe('schema contract', () => {
  test('schema/schema.graphql is what the code builds (run `npm run schema` if this fails)', async () => {
    expect(sdl).toBe(await printSchemaSdl());
  });

  test('every sample operation is valid against the published SDL alone', () => {
    const published = buildSchema(sdl);
    expect(validate(published, examples).map((e) => e.message)).toEqual([]);
  });

  test('every sample operation runs on the server without errors', async () => {
    const harness = embeddedHarness();
    const api = await startTestApi(await harness.fresh(), batenbrock);
    try {
      expect(exampleOperations.length).toBeGreaterThanOrEqual(15);
      const answers: Record<string, any> = {};
      for (const { name, kind, variables } of exampleOperations) {
        // Subscriptions run over WebSocket: server/test/live/subscriptions.test.ts runs them.
        if (kind === 'subscription') continue;
        await PREPARE[name]?.(api, answers);
        const single = await api.run(examplesText, variables(answers), name);
        expect({ name, errors: single.errors }).toEqual({ name, errors: undefined });
        expect(single.data).toBeTruthy();
        answers[name] = single.data;
      }
    } finally {
      await api.stop();
      await harness.teardown();
    }
  });
});
