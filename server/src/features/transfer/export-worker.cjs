/**
 * Starts the export worker thread: the compiled worker when there is one next to this file,
 * otherwise tsx's CommonJS loader first (as ../insight/insight-worker.cjs does).
 */
const { existsSync } = require('node:fs');
const { join } = require('node:path');

const compiled = join(__dirname, 'export-worker.js');
if (existsSync(compiled)) {
  require(compiled);
} else {
  require('tsx/cjs/api').register();
  require('./export-worker.ts');
}
