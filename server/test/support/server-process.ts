/**
 * The real server as a child process, as it runs in production: `server/main.ts` through tsx,
 * configured by environment, on a free port it picks itself (PORT=0; the address is read from its
 * start-up line). For tests that must kill it (`kill -9`) and start it again on the same data.
 *
 * Requests carry `Authorization: Bearer <ADMIN_API_KEY>`: the server is given the same key as its
 * bootstrap admin key (stored hashed at its first start).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { generateApiKey } from '../../src/features/access/api-keys';

const ROOT = join(__dirname, '../../..');

export interface ServerProcess {
  /** `http://127.0.0.1:<port>` */
  base: string;
  child: ChildProcess;
  /** Everything it printed so far (stdout and stderr). */
  output(): string;
  /** POSTs a GraphQL request with the admin key. */
  graphql(query: string, variables?: Record<string, unknown>): Promise<Response>;
  /** Resolves with the exit code or signal once the process is gone. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** One key per test run, unless the environment names one. */
export const ADMIN_API_KEY = process.env.ADMIN_API_KEY || generateApiKey();

export function authorization(): Record<string, string> {
  return { authorization: `Bearer ${ADMIN_API_KEY}` };
}

/**
 * The environment of a service a test starts: production mode, loopback, a free port, no seed, the
 * admin key above; `env` on top. NEO4J_URI of the test run (for the Neo4j suites) must not turn the
 * service to Neo4j: the embedded store unless the test names a database itself.
 */
export function testServiceEnv(env: Record<string, string>): NodeJS.ProcessEnv {
  return {
    ...process.env,
    NODE_ENV: 'production',
    HOST: '127.0.0.1',
    PORT: '0',
    SEED: 'none',
    NEO4J_URI: '',
    ADMIN_API_KEY,
    ...env,
  };
}

export async function startServerProcess(env: Record<string, string>, timeoutMs = 60_000): Promise<ServerProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: ROOT,
    env: testServiceEnv(env),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (output += chunk));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal })),
  );

  // "Quartiernetz on … — map at http://127.0.0.1:PORT/, GraphQL at http://127.0.0.1:PORT/graphql"
  const base = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`the server did not start within ${timeoutMs} ms:\n${output}`));
    }, timeoutMs);
    const look = () => {
      const match = /GraphQL at (http:\/\/[^\s/]+)\/graphql/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout!.on('data', look);
    void exited.then(({ code, signal }) => {
      clearTimeout(timer);
      reject(new Error(`the server exited (${code ?? signal}) before it was ready:\n${output}`));
    });
  });

  return {
    base,
    child,
    output: () => output,
    exited,
    graphql: (query, variables = {}) =>
      fetch(`${base}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...authorization() },
        body: JSON.stringify({ query, variables }),
      }),
  };
}

/** SIGTERM (graceful: running requests and queued writes finish), SIGKILL after `graceMs`. */
export async function stopServerProcess(server: ServerProcess, graceMs = 20_000): Promise<void> {
  if (server.child.exitCode !== null || server.child.signalCode !== null) return;
  server.child.kill('SIGTERM');
  const timer = setTimeout(() => server.child.kill('SIGKILL'), graceMs);
  await server.exited;
  clearTimeout(timer);
}
