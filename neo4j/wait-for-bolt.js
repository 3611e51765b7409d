#!/usr/bin/env node
/*
 * Waits until a Neo4j server answers on Bolt, then prints the server version it sees.
 * Used by neo4j/neo4j.sh (never a fixed sleep); usable on its own:
 *
 *   node neo4j/wait-for-bolt.js [--uri bolt://127.0.0.1:7687] [--timeout 120] [--pid N] [--version-only]
 *
 *   --uri           Bolt URI (default: $NEO4J_URI, else bolt://127.0.0.1:$NEO4J_BOLT_PORT, port 7687)
 *   --timeout       seconds to keep trying (default: $NEO4J_WAIT_TIMEOUT, else 120)
 *   --pid           give up at once when this process has exited (the server we are waiting for)
 *   --version-only  print only the version, e.g. "5.26.31" (for scripts)
 *
 * Authentication: none by default (the project's server runs with auth disabled); set
 * NEO4J_USER and NEO4J_PASSWORD for a server with auth on.
 * Exit status: 0 answered, 1 timed out or the process died, 2 usage error or neo4j-driver missing.
 */
'use strict';

function fail(code, message) {
  process.stderr.write(`wait-for-bolt: ${message}\n`);
  process.exit(code);
}

function parseArgs(argv) {
  const port = process.env.NEO4J_BOLT_PORT || '7687';
  const opts = {
    uri: process.env.NEO4J_URI || `bolt://127.0.0.1:${port}`,
    timeout: Number(process.env.NEO4J_WAIT_TIMEOUT || 120),
    pid: undefined,
    versionOnly: false,
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = () => {
      if (i + 1 >= argv.length) fail(2, `${arg} needs a value`);
      return argv[++i];
    };
    if (arg === '--uri') opts.uri = value();
    else if (arg === '--timeout') opts.timeout = Number(value());
    else if (arg === '--pid') opts.pid = Number(value());
    else if (arg === '--version-only') opts.versionOnly = true;
    else if (arg === '-h' || arg === '--help') {
      process.stdout.write('usage: node neo4j/wait-for-bolt.js [--uri URI] [--timeout S] [--pid N] [--version-only]\n');
      process.exit(0);
    } else fail(2, `unknown argument ${arg}`);
  }
  if (!Number.isFinite(opts.timeout) || opts.timeout <= 0) fail(2, 'timeout must be a positive number of seconds');
  if (opts.pid !== undefined && !(Number.isInteger(opts.pid) && opts.pid > 0))
    fail(2, 'pid must be a positive integer');
  return opts;
}

function processAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return err.code === 'EPERM';
  }
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

async function main() {
  const opts = parseArgs(process.argv.slice(2));
  let neo4j;
  try {
    neo4j = require('neo4j-driver');
  } catch (err) {
    fail(2, `cannot load neo4j-driver (${err.code || err.message}); run "npm ci" in the project first`);
  }
  const auth =
    process.env.NEO4J_USER && process.env.NEO4J_PASSWORD
      ? neo4j.auth.basic(process.env.NEO4J_USER, process.env.NEO4J_PASSWORD)
      : undefined;

  const started = Date.now();
  const deadline = started + opts.timeout * 1000;
  let lastError = 'no attempt made';
  for (;;) {
    const driver = neo4j.driver(opts.uri, auth, {
      connectionTimeout: 2000,
      connectionAcquisitionTimeout: 3000,
      maxConnectionPoolSize: 1,
      userAgent: 'quartiernetz-wait-for-bolt',
    });
    try {
      await driver.verifyConnectivity();
      const info = await driver.getServerInfo();
      const agent = info.agent || 'Neo4j/unknown';
      const version = agent.replace(/^Neo4j\//, '');
      const seconds = ((Date.now() - started) / 1000).toFixed(1);
      process.stdout.write(
        opts.versionOnly
          ? `${version}\n`
          : `${agent} (Bolt ${info.protocolVersion}) answers at ${opts.uri} after ${seconds} s\n`,
      );
      return;
    } catch (err) {
      // The driver's ServiceUnavailable text is a paragraph; its cause is the useful part.
      const cause = String(err.message).split('Caused by: ').pop();
      lastError = err.code ? `${err.code}: ${cause}` : cause;
      // A server that answered but refused us will not change its mind: stop at once.
      if (/Security/.test(err.code || '')) fail(1, `${opts.uri} refused the connection: ${lastError}`);
    } finally {
      await driver.close().catch(() => {});
    }
    if (opts.pid !== undefined && !processAlive(opts.pid)) {
      fail(1, `process ${opts.pid} exited before ${opts.uri} answered (last error: ${lastError})`);
    }
    if (Date.now() >= deadline)
      fail(1, `${opts.uri} did not answer within ${opts.timeout} s (last error: ${lastError})`);
    await sleep(250);
  }
}

main().catch((err) => fail(1, err.stack || String(err)));
