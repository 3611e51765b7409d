/** What the import and export command lines share: argument parsing, file decoding, progress. */
import iconv from 'iconv-lite';
import type { ImportProgress } from './model';

export interface ParsedArgs {
  positional: string[];
  flags: Map<string, string | true>;
}

/** `--name value`, `--name=value`, `--flag` (when `booleans` names it) and positional arguments. */
export function parseArgs(argv: readonly string[], booleans: readonly string[]): ParsedArgs {
  const positional: string[] = [];
  const flags = new Map<string, string | true>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (!arg.startsWith('--')) {
      positional.push(arg);
      continue;
    }
    const [name, inline] = arg.slice(2).split(/=(.*)/s, 2);
    if (booleans.includes(name)) flags.set(name, true);
    else if (inline !== undefined) flags.set(name, inline);
    else if (i + 1 < argv.length) flags.set(name, argv[++i]);
    else throw new UsageError(`--${name} needs a value`);
  }
  return { positional, flags };
}

export class UsageError extends Error {}

/**
 * A file's text: UTF-8 (with or without BOM) when the bytes are valid UTF-8, else Windows-1252 —
 * what German Excel writes for "CSV (Trennzeichen-getrennt)" — which `onFallback` is told about.
 * Windows-1252 is decoded by iconv-lite: Node's TextDecoder('windows-1252') decodes like Latin-1
 * and turns „ “ – € (0x84, 0x93, 0x96, 0x80) into C1 control characters.
 */
export function decodeText(bytes: Uint8Array, onFallback: () => void = () => {}): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    onFallback();
    return iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), 'windows-1252');
  }
}

const PHASES: Record<ImportProgress['phase'], string> = {
  read: 'files read',
  validate: 'rows validated',
  apply: 'writes applied',
};

/**
 * Progress lines on a stream: on a terminal one line per phase, rewritten in place at every
 * percent; elsewhere (a log, a pipe) a line at every tenth.
 */
export function progressPrinter(stream: NodeJS.WriteStream): (p: ImportProgress) => void {
  let phase: string | null = null;
  let shown = -1;
  return (p) => {
    if (p.phase !== phase) {
      if (phase !== null && stream.isTTY) stream.write('\n');
      phase = p.phase;
      shown = -1;
    }
    const percent = p.total === 0 ? 100 : Math.floor((100 * p.done) / p.total);
    const step = stream.isTTY ? 1 : 10;
    if (Math.floor(percent / step) === Math.floor(shown / step) && shown >= 0) return;
    shown = percent;
    const line = `${PHASES[p.phase]}: ${p.done}/${p.total} (${percent}%)`;
    if (stream.isTTY) stream.write(`\r${line}${p.done === p.total ? '\n' : ''}`);
    else stream.write(`${line}\n`);
  };
}

/**
 * Runs a CLI's main and sets the exit code it answers — exitCode, not exit(): a large export
 * written to a pipe must be flushed first. A UsageError prints the usage; any other error
 * "<what> failed: …"; both exit 2.
 */
export function runCli(main: () => Promise<number>, usage: string, what: string): void {
  main().then(
    (code) => {
      process.exitCode = code;
    },
    (error) => {
      process.stderr.write(
        `${error instanceof UsageError ? `${error.message}\n${usage}` : `${what} failed: ${error instanceof Error ? error.message : String(error)}`}\n`,
      );
      process.exitCode = 2;
    },
  );
}
