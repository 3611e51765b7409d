/**
 * Starts the suggestion index worker thread (as insight-worker.cjs does for insight): loads the
 * compiled worker when there is one next to it, otherwise registers tsx's CommonJS loader first.
 */
const { existsSync } = require('node:fs');
const { join } = require('node:path');

const compiled = join(__dirname, 'suggestion-worker.js');
if (existsSync(compiled)) {
  require(compiled);
} else {
  require('tsx/cjs/api').register();
  require('./suggestion-worker.ts');
}
