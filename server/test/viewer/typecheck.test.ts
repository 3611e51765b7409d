/** The viewer's TypeScript (DOM, bundler resolution) is checked apart from the server's; CI runs only Jest, so check it here. */
import { execFileSync } from 'node:child_process';
import path from 'node:path';

test('the viewer type-checks (tsc -p viewer/tsconfig.json)', () => {
  const root = path.resolve(__dirname, '../../..');
  const tsc = require.resolve('typescript/bin/tsc');
  let output = '';
  try {
    execFileSync(process.execPath, [tsc, '--noEmit', '-p', path.join(root, 'viewer/tsconfig.json')], {
      cwd: root,
      encoding: 'utf8',
    });
  } catch (error) {
    output = String((error as { stdout?: string }).stdout ?? error);
  }
  expect(output).toBe('');
}, 60_000);
