/**
 * `npm run keys -- <command>`: API keys of the configured store (NEO4J_URI, else the embedded
 * store under DATA_DIR), the same as the admin mutations do.
 *   create --name NAME --role viewer|editor|admin   prints the key once (only its hash is stored)
 *   list                                            every key, revoked ones too
 *   revoke ID                                       refused from the next request on
 * Exit codes: 0 done, 1 refused (unknown id, name taken, bad input), 2 wrong usage.
 */
import { parseArgs } from 'node:util';
import { loadConfig } from '../../platform/config';
import { DomainError } from '../../domain/errors';
import { createStore, describeStore } from '../../store/create-store';
import type { ApiKeyRecord, NetworkStore } from '../../store/network-store';
import { issueApiKey } from './api-keys';
import { parseRole } from '../../domain/roles';

export const USAGE = `Usage:
  npm run keys -- create --name NAME --role viewer|editor|admin
  npm run keys -- list
  npm run keys -- revoke ID`;

class UsageError extends Error {}

function table(keys: readonly ApiKeyRecord[]): string {
  const rows = [
    ['id', 'name', 'role', 'created', 'revoked', 'last used'],
    ...keys.map((k) => [k.id, k.name, k.role, k.createdAt, k.revokedAt ?? '–', k.lastUsedAt ?? '–']),
  ];
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  return rows
    .map((r) =>
      r
        .map((cell, i) => cell.padEnd(widths[i]!))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

/** Runs one command and answers what to print. */
export async function runKeysCommand(store: NetworkStore, args: readonly string[]): Promise<string> {
  const [command, ...rest] = args;
  if (command === 'create') {
    const { values } = parseArgs({
      args: [...rest],
      options: { name: { type: 'string' }, role: { type: 'string' } },
      strict: true,
    });
    const role = parseRole(values.role);
    if (!values.name || !role) throw new UsageError('create needs --name NAME and --role viewer|editor|admin');
    const { key, record } = await issueApiKey(store, { name: values.name, role });
    return [
      `Created the API key "${record.name}" (${record.role}), id ${record.id}.`,
      'It is shown only this once (only its hash is stored); send it as "Authorization: Bearer <key>" or open the map at /#key=<key>:',
      key,
    ].join('\n');
  }
  if (command === 'list') {
    if (rest.length) throw new UsageError('list takes no arguments');
    const keys = await store.listApiKeys();
    return keys.length ? table(keys) : 'No API keys.';
  }
  if (command === 'revoke') {
    if (rest.length !== 1) throw new UsageError('revoke needs the id of one key (see list)');
    const record = await store.revokeApiKey(rest[0]!);
    return `Revoked the API key "${record.name}" (${record.id}) at ${record.revokedAt}.`;
  }
  throw new UsageError(command ? `unknown command "${command}"` : 'no command given');
}

async function main(): Promise<number> {
  const config = loadConfig();
  const store = createStore(config);
  try {
    await store.init();
    console.log(await runKeysCommand(store, process.argv.slice(2)));
    console.error(`(${describeStore(config)})`);
    return 0;
  } catch (error) {
    if (error instanceof UsageError || (error as { code?: string }).code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION') {
      console.error(`${(error as Error).message}\n${USAGE}`);
      return 2;
    }
    if (error instanceof DomainError) {
      console.error(`Refused (${error.code}${error.field ? `, ${error.field}` : ''}): ${error.message}`);
      return 1;
    }
    throw error;
  } finally {
    await store.close();
  }
}

if (require.main === module) {
  main().then(
    (code) => process.exit(code),
    (error) => {
      console.error('npm run keys failed:', error instanceof Error ? error.message : error);
      process.exit(1);
    },
  );
}
