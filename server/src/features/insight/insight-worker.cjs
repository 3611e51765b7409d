/**
 * Starts the insight worker thread. The service runs TypeScript through tsx (npm start) or ts-jest
 * (tests); neither reaches into a worker thread, so this small CommonJS file loads the compiled
 * worker when there is one next to it and otherwise registers tsx's CommonJS loader first.
 */
const { existsSync } = require('node:fs');
const { join } = require('node:path');

const compiled = join(__dirname, 'insight-worker.js');
if (existsSync(compiled)) {
  require(compiled);
} else {
  require('tsx/cjs/api').register();
  require('./insight-worker.ts');
}
