/**
 * Starts a helper thread of `paths-pool.ts`: the compiled helper when there is one next to this
 * file, else tsx's CommonJS loader first (as `insight-worker.cjs`).
 */
const { existsSync } = require('node:fs');
const { join } = require('node:path');

const compiled = join(__dirname, 'paths-helper.js');
if (existsSync(compiled)) {
  require(compiled);
} else {
  require('tsx/cjs/api').register();
  require('./paths-helper.ts');
}
