/**
 * The query IDE: a browser's GET of `/graphql` (asking for HTML, without a `query`) gets GraphiQL,
 * built with the viewer into viewer/dist (viewer/build.ts: graphiql.html, graphiql/*), so the page
 * loads nothing from the internet. It is static and holds no key (the user puts one into its
 * headers editor, or the map's key in this tab fills it), so it answers before authentication.
 * Served when introspection is on (GRAPHQL_INTROSPECTION; on in development, opt-in in
 * production): without the schema the IDE could neither complete nor document. Everything else at
 * `/graphql` goes on to the API.
 */
import fs from 'node:fs';
import path from 'node:path';
import type express from 'express';
import { DEFAULT_VIEWER_DIR } from './viewer';

export const QUERY_IDE_OFF =
  'The query IDE is switched off on this server (GRAPHQL_INTROSPECTION=true switches it on). The API answers POST requests at this address.';

/** A browser navigating to the address: GET, HTML preferred over JSON, no query in the URL. */
function wantsPage(req: express.Request): boolean {
  return (
    (req.method === 'GET' || req.method === 'HEAD') &&
    req.query.query === undefined &&
    req.accepts(['application/json', 'application/graphql-response+json', 'text/html']) === 'text/html'
  );
}

export function queryIde(enabled: boolean, dir: string = DEFAULT_VIEWER_DIR): express.RequestHandler {
  const page = path.join(dir, 'graphiql.html');
  return (req, res, next) => {
    if (!wantsPage(req)) return next();
    res.setHeader('cache-control', 'no-cache');
    if (!enabled) return void res.status(404).type('text/plain').send(QUERY_IDE_OFF);
    if (!fs.existsSync(page))
      return void res
        .status(503)
        .type('text/plain')
        .send('The query IDE is not built: run `npm run build:viewer` (npm start does it), then reload.');
    res.setHeader('x-content-type-options', 'nosniff');
    res.sendFile(page);
  };
}

/** The IDE's files (dist/graphiql/*, dist/graphiql.html) are not handed out while it is off. */
export function queryIdeFiles(enabled: boolean): express.RequestHandler {
  return (req, res, next) => {
    if (!enabled && (req.path === '/graphiql.html' || req.path.startsWith('/graphiql/')))
      return void res.status(404).type('text/plain').send(QUERY_IDE_OFF);
    next();
  };
}
