/**
 * Serves the viewer (viewer/dist, built by `viewer/build.ts`; `npm start` builds it when stale) at
 * `/`. The page reads everything through the public `/graphql`; this only hands out static files.
 */
import fs from 'node:fs';
import path from 'node:path';
import express from 'express';

export const DEFAULT_VIEWER_DIR = path.resolve(__dirname, '../../../../viewer/dist');

export function viewerRouter(dir: string = DEFAULT_VIEWER_DIR): express.Router {
  const router = express.Router();
  router.use(
    express.static(dir, {
      index: 'index.html',
      dotfiles: 'ignore',
      setHeaders: (res, file) => {
        // The files keep their names across builds: let browsers revalidate rather than cache blindly.
        res.setHeader('cache-control', 'no-cache');
        if (file.endsWith('.html')) res.setHeader('x-content-type-options', 'nosniff');
      },
    }),
  );
  router.get('/', (_req, res) => {
    // Only reached when the build is missing.
    const built = fs.existsSync(path.join(dir, 'index.html'));
    res
      .status(built ? 404 : 503)
      .type('text/plain')
      .send(
        built
          ? 'Not found'
          : 'The viewer is not built: run `npm run build:viewer` (npm start does it), then reload. The API is at /graphql.',
      );
  });
  return router;
}
