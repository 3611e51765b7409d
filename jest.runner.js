/**
 * The test runner of both Jest projects (jest.config.js): Jest's own runner, with the files of the
 * `neo4j` project in a lane of their own. Neo4j Community has one database and every Neo4j harness
 * empties it, so two `*.neo4j.test.ts` files must never run at the same time.
 *
 * A file named `*.alone.test.ts` runs last, after both pools, with no other file beside it: it
 * measures latency (the abuse suite's /healthz answers within 200 ms), which on a 2-core machine
 * running two other test files and Neo4j is mostly the time spent waiting for a core.
 *
 * Jest hands one runner all the files of every project that names it. This one runs the `neo4j`
 * files in a pool of ONE worker (one file after another, at any --maxWorkers) while the other files
 * share the remaining workers, so the Neo4j lane runs alongside the rest as before. Both pools are
 * Jest's own TestRunner, so workerIdleMemoryLimit, bail and interrupts work as usual. With one worker
 * (or --runInBand) the two groups simply run one after the other.
 */
// eslint-disable-next-line @typescript-eslint/no-require-imports -- Jest loads runners as CommonJS
const TestRunner = require('jest-runner').default;

const NEO4J_PROJECT = 'neo4j';

const isNeo4jFile = (test) => test.context.config.displayName?.name === NEO4J_PROJECT;
const runsAlone = (test) => test.path.endsWith('.alone.test.ts');

class OneNeo4jFileAtATimeRunner {
  supportsEventEmitters = true;
  isSerial = false;

  constructor(globalConfig, context, runnerOptions) {
    this.globalConfig = globalConfig;
    this.context = context;
    this.runnerOptions = runnerOptions;
    this.listeners = [];
  }

  /** Jest subscribes once, before runTests: the listeners go to every pool created below. */
  on(eventName, listener) {
    const entry = [eventName, listener];
    this.listeners.push(entry);
    return () => {
      this.listeners = this.listeners.filter((e) => e !== entry);
    };
  }

  pool(maxWorkers) {
    const runner = new TestRunner({ ...this.globalConfig, maxWorkers }, this.context, this.runnerOptions);
    for (const [eventName, listener] of this.listeners) runner.on(eventName, listener);
    return runner;
  }

  async runTests(tests, watcher, options) {
    const alone = tests.filter(runsAlone);
    await this.runSideBySide(
      tests.filter((test) => !runsAlone(test)),
      watcher,
      options,
    );
    if (alone.length > 0 && !watcher.isInterrupted()) await this.pool(1).runTests(alone, watcher, options);
  }

  /** The Neo4j files one at a time, beside the other files. */
  async runSideBySide(tests, watcher, options) {
    if (tests.length === 0) return;
    const neo4j = tests.filter(isNeo4jFile);
    const rest = tests.filter((test) => !isNeo4jFile(test));
    const workers = this.globalConfig.maxWorkers;
    if (options.serial || workers <= 1) {
      // In band or one worker: every file runs alone anyway.
      await this.pool(workers).runTests([...rest, ...neo4j], watcher, options);
      return;
    }
    if (neo4j.length === 0) {
      await this.pool(workers).runTests(rest, watcher, options);
      return;
    }
    await Promise.all([
      this.pool(1).runTests(neo4j, watcher, options),
      rest.length > 0 ? this.pool(workers - 1).runTests(rest, watcher, options) : undefined,
    ]);
  }
}

module.exports = OneNeo4jFileAtATimeRunner;
module.exports.NEO4J_PROJECT = NEO4J_PROJECT;
