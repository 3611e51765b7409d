/**
 * The query IDE at `/graphql` (a browser's GET; the API answers everything else there): GraphiQL,
 * bundled by viewer/build.ts into dist/graphiql/ with its Monaco editor and the editor's workers,
 * so the page loads nothing from outside the service (works on an intranet without internet).
 * The page holds no key: a key the map already holds in this tab (or `#key=` in the address, taken
 * as the map does) fills the headers editor; else it starts with `{"Authorization": "Bearer "}`
 * for the user to complete. Headers are not kept in the browser's storage.
 */
import { createGraphiQLFetcher } from '@graphiql/toolkit';
import { GraphiQL } from 'graphiql';
import 'graphiql/style.css';
import { createElement } from 'react';
import { createRoot } from 'react-dom/client';
import { apiKey, takeKeyFromUrl } from '../auth';

/** The workers are built next to the page's script (viewer/build.ts), named by Monaco's label. */
const WORKERS: Record<string, string> = { json: 'json.worker.js', graphql: 'graphql.worker.js' };

// Monaco asks this for its workers (monaco-editor's documented hook).
Object.assign(globalThis, {
  MonacoEnvironment: {
    getWorker: (_workerId: string, label: string) =>
      new Worker(new URL(`graphiql/${WORKERS[label] ?? 'editor.worker.js'}`, document.baseURI)),
  },
});

function headersText(): string {
  takeKeyFromUrl();
  return JSON.stringify({ Authorization: `Bearer ${apiKey() ?? ''}` }, null, 2);
}

const endpoint = new URL(location.pathname, location.href);
const socket = new URL(endpoint);
socket.protocol = endpoint.protocol === 'https:' ? 'wss:' : 'ws:';
const fetcher = createGraphiQLFetcher({ url: endpoint.href, subscriptionUrl: socket.href });
const headers = headersText();
const container = document.getElementById('graphiql')!;

createRoot(container).render(
  createElement(GraphiQL, {
    fetcher,
    defaultHeaders: headers,
    initialHeaders: headers,
    shouldPersistHeaders: false,
    defaultEditorToolsVisibility: 'headers',
    defaultQuery: '# Quartiernetz: docs/api.md\n{\n  me {\n    name\n    role\n  }\n}\n',
  }),
);
container.dataset.state = 'ready';
