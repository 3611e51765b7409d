/**
 * Builds the viewer into viewer/dist/ with esbuild: app.js (the page), layout-worker.js (fcose off
 * the main thread), index.html and styles.css; the update page into dist/update/; the query IDE
 * (GraphiQL with its Monaco editor and the editor's three workers, served at GET /graphql) into
 * dist/graphiql/ and dist/graphiql.html. Skips the work when dist/ is newer than every
 * source (so `npm start` can call it every time). `tsx viewer/build.ts [--force]`.
 */
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { build } from 'esbuild';

export const VIEWER_ROOT = __dirname;
export const VIEWER_DIST = path.join(VIEWER_ROOT, 'dist');
const STAMP = path.join(VIEWER_DIST, '.build-stamp');
const STATIC_FILES = ['index.html', 'styles.css'];
/** The update page (viewer/update/, served at /update/): its own small bundle, no map. */
const UPDATE_STATIC_FILES = ['update/index.html', 'update/update.css'];
/** The query IDE's page (viewer/graphiql/index.html): its script and styles come from dist/graphiql/. */
const GRAPHIQL_PAGE = 'graphiql/index.html';
export const GRAPHIQL_HTML = path.join(VIEWER_DIST, 'graphiql.html');
/** Monaco's workers (each its own bundle, started by viewer/src/graphiql/main.ts). */
const MONACO_WORKERS: Record<string, string> = {
  'editor.worker': 'monaco-editor/esm/vs/editor/editor.worker.js',
  'json.worker': 'monaco-editor/esm/vs/language/json/json.worker.js',
  'graphql.worker': 'monaco-graphql/esm/graphql.worker.js',
};

function sources(): string[] {
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else files.push(full);
    }
  };
  walk(path.join(VIEWER_ROOT, 'src'));
  files.push(
    ...[...STATIC_FILES, ...UPDATE_STATIC_FILES, GRAPHIQL_PAGE].map((f) => path.join(VIEWER_ROOT, f)),
    __filename,
    path.join(VIEWER_ROOT, '..', 'package-lock.json'),
  );
  return files.filter((f) => fs.existsSync(f)).sort();
}

/** A fingerprint of the sources: their paths, sizes and mtimes. */
function fingerprint(): string {
  const hash = createHash('sha256');
  for (const file of sources()) {
    const stat = fs.statSync(file);
    hash.update(`${path.relative(VIEWER_ROOT, file)}:${stat.size}:${stat.mtimeMs}\n`);
  }
  return hash.digest('hex');
}

export function isStale(): boolean {
  try {
    return (
      fs.readFileSync(STAMP, 'utf8') !== fingerprint() ||
      !fs.existsSync(path.join(VIEWER_DIST, 'app.js')) ||
      !fs.existsSync(GRAPHIQL_HTML)
    );
  } catch {
    return true;
  }
}

export interface BuildResult {
  built: boolean;
  files: Array<{ name: string; bytes: number; gzip: number }>;
}

function sizes(): BuildResult['files'] {
  return fs
    .readdirSync(VIEWER_DIST, { recursive: true, encoding: 'utf8' })
    .filter((name) => !path.basename(name).startsWith('.') && fs.statSync(path.join(VIEWER_DIST, name)).isFile())
    .map((name) => {
      const data = fs.readFileSync(path.join(VIEWER_DIST, name));
      return { name, bytes: data.length, gzip: zlib.gzipSync(data, { level: 9 }).length };
    });
}

let running: Promise<BuildResult> | null = null;

/** Builds when a source changed since the last build (or always with `force`). */
export function buildViewer(options: { force?: boolean } = {}): Promise<BuildResult> {
  running ??= doBuild(options.force ?? false).finally(() => {
    running = null;
  });
  return running;
}

async function doBuild(force: boolean): Promise<BuildResult> {
  if (!force && !isStale()) return { built: false, files: sizes() };
  const print = fingerprint();
  fs.mkdirSync(VIEWER_DIST, { recursive: true });
  const common = {
    bundle: true,
    minify: true,
    format: 'iife' as const,
    target: ['es2020', 'chrome100', 'firefox100', 'safari15'],
    platform: 'browser' as const,
    legalComments: 'none' as const,
    logLevel: 'warning' as const,
    define: { 'process.env.NODE_ENV': '"production"' },
  };
  await Promise.all([
    build({
      ...common,
      entryPoints: [path.join(VIEWER_ROOT, 'src/main.ts')],
      outfile: path.join(VIEWER_DIST, 'app.js'),
    }),
    build({
      ...common,
      entryPoints: [path.join(VIEWER_ROOT, 'src/layout.worker.ts')],
      outfile: path.join(VIEWER_DIST, 'layout-worker.js'),
    }),
    build({
      ...common,
      entryPoints: [path.join(VIEWER_ROOT, 'src/update/main.ts')],
      outfile: path.join(VIEWER_DIST, 'update/update.js'),
    }),
    build({
      ...common,
      entryPoints: [path.join(VIEWER_ROOT, 'src/graphiql/main.ts')],
      outfile: path.join(VIEWER_DIST, 'graphiql/graphiql.js'),
      // Monaco's icon font goes next to the styles (no font from a CDN).
      loader: { '.ttf': 'file' },
      assetNames: '[name]-[hash]',
    }),
    build({
      ...common,
      entryPoints: Object.fromEntries(
        Object.entries(MONACO_WORKERS).map(([name, module]) => [name, require.resolve(module)]),
      ),
      outdir: path.join(VIEWER_DIST, 'graphiql'),
    }),
  ]);
  fs.copyFileSync(path.join(VIEWER_ROOT, GRAPHIQL_PAGE), GRAPHIQL_HTML);
  fs.mkdirSync(path.join(VIEWER_DIST, 'update'), { recursive: true });
  for (const file of [...STATIC_FILES, ...UPDATE_STATIC_FILES])
    fs.copyFileSync(path.join(VIEWER_ROOT, file), path.join(VIEWER_DIST, file));
  fs.writeFileSync(STAMP, print);
  return { built: true, files: sizes() };
}

if (require.main === module) {
  const force = process.argv.includes('--force');
  buildViewer({ force })
    .then((result) => {
      const total = result.files.reduce((s, f) => s + f.gzip, 0);
      const list = result.files
        .map((f) => `${f.name} ${(f.bytes / 1024).toFixed(1)} kB (${(f.gzip / 1024).toFixed(1)} kB gzip)`)
        .join(', ');
      console.log(
        `Viewer ${result.built ? 'built' : 'up to date'}: ${list}; ${(total / 1024).toFixed(1)} kB gzip in all.`,
      );
    })
    .catch((error) => {
      console.error('The viewer could not be built:', error instanceof Error ? error.message : error);
      process.exit(1);
    });
}
