/**
 * Export downloads (Content-Disposition: attachment), for a browser link or `curl -OJ`:
 *   GET /export/network.json · /export/network.graphml · /export/{topics,actors,collaborations,participations}.csv
 *   · /export/network.xlsx (the four tables as sheets of one Excel workbook, German headers: xlsx-write.ts)
 * `excel=true` on a CSV: German Excel's dialect (`;`, UTF-8 with BOM, German headers and words).
 * Filters as query parameters, lists comma-separated: topicIds, actorKinds, collaborationKinds,
 * from, to (YYYY-MM-DD). Bad parameters answer 400 with {error: {code, field, message}}.
 * Contact data only with `includeContact=true` AND when `contactAllowed(req)` says the caller may
 * see it (app.ts: role EDITOR, as for Actor.contact) — else 403. Authentication happens before (app.ts).
 */
import express from 'express';
import type { Request, Response } from 'express';
import { DomainError } from '../../domain/errors';
import { ACTOR_KINDS, COLLABORATION_KINDS, type ActorKind, type CollaborationKind } from '../../domain/model';
import { isCalendarDate } from '../../domain/validation';
import type { ScopeFilter } from '../../graph/scope';
import { QueueFullError } from '../../domain/errors';
import { toGermanExcel } from './csv-excel';
import type { CsvFile } from './csv-write';
import { writeXlsx, XLSX_MEDIA_TYPE } from './xlsx-write';
import type { ExportRunner } from './export-runner';
import type { ExportFormat } from './model';

export interface ExportRouterOptions {
  /** Whether this request may receive contact data (personal data). */
  contactAllowed?: (req: Request, res: Response) => boolean;
}

class ParameterError extends Error {
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(message);
  }
}

function list(req: Request, name: string): string[] | null {
  const raw = req.query[name];
  if (raw === undefined) return null;
  const values = (Array.isArray(raw) ? raw : [raw]).flatMap((v) => String(v).split(','));
  return values.map((v) => v.trim()).filter(Boolean);
}

function enumList<T extends string>(req: Request, name: string, allowed: readonly T[]): T[] | null {
  const values = list(req, name);
  const wrong = values?.find((v) => !allowed.includes(v as T));
  if (wrong !== undefined) throw new ParameterError(name, `"${wrong}" is not one of ${allowed.join(', ')}`);
  return values as T[] | null;
}

function day(req: Request, name: string): string | null {
  const value = req.query[name];
  if (value === undefined) return null;
  if (typeof value !== 'string' || !isCalendarDate(value))
    throw new ParameterError(name, `${name} must be a date YYYY-MM-DD`);
  return value;
}

function filterOf(req: Request): ScopeFilter {
  return {
    topicIds: list(req, 'topicIds'),
    actorKinds: enumList<ActorKind>(req, 'actorKinds', ACTOR_KINDS),
    collaborationKinds: enumList<CollaborationKind>(req, 'collaborationKinds', COLLABORATION_KINDS),
    from: day(req, 'from'),
    to: day(req, 'to'),
  };
}

export function exportRouter(runner: ExportRunner, options: ExportRouterOptions = {}): express.Router {
  const contactAllowed = options.contactAllowed ?? (() => false);
  const router = express.Router();

  const send = (format: ExportFormat, fileName: string) => async (req: Request, res: Response) => {
    try {
      const includeContact = req.query.includeContact === 'true';
      if (includeContact && !contactAllowed(req, res)) {
        res.status(403).json({
          error: {
            code: 'FORBIDDEN',
            field: 'includeContact',
            message: 'contact data may not be exported by this caller',
          },
        });
        return;
      }
      const principalId = (res.locals as { principal?: { id: string } }).principal?.id ?? 'anonymous';
      const files = await runner.run(principalId, { format, filter: filterOf(req), includeContact });
      if (fileName === 'network.xlsx') {
        const workbook = await writeXlsx(
          files.map((f) => ({
            table: f.name.replace(/\.csv$/, '') as CsvFile['table'],
            name: f.name,
            content: Buffer.from(f.bytes).toString('utf8'),
          })),
        );
        res.setHeader('Content-Disposition', 'attachment; filename="quartiernetz.xlsx"');
        res.setHeader('Content-Type', XLSX_MEDIA_TYPE);
        res.setHeader('Content-Length', String(workbook.byteLength));
        res.end(workbook);
        return;
      }
      const file = files.find((f) => f.name === fileName)!;
      const bytes = Buffer.from(file.bytes.buffer, file.bytes.byteOffset, file.bytes.byteLength);
      res.setHeader('Content-Disposition', `attachment; filename="quartiernetz-${file.name}"`);
      if (format === 'CSV' && req.query.excel === 'true') {
        // German Excel's dialect: `;`, UTF-8 with BOM, German headers and words (csv-excel.ts).
        const table = fileName.replace(/\.csv$/, '') as CsvFile['table'];
        res.setHeader('Content-Type', 'text/csv; charset=utf-8');
        res.send(toGermanExcel({ table, name: fileName, content: bytes.toString('utf8') }).content);
        return;
      }
      res.setHeader('Content-Type', file.mediaType);
      // res.end, not res.send: Express would hash the whole file (~90 MB of GraphML at 10k actors)
      // on the event loop for an ETag nobody uses for a download.
      res.setHeader('Content-Length', String(bytes.byteLength));
      res.end(bytes);
    } catch (error) {
      if (error instanceof QueueFullError) {
        res.setHeader('Retry-After', String(error.retryAfterSeconds));
        res
          .status(429)
          .json({ error: { code: error.code, message: error.message, retryAfterSeconds: error.retryAfterSeconds } });
        return;
      }
      if (error instanceof ParameterError || error instanceof DomainError) {
        const code = error instanceof DomainError ? error.code : 'BAD_USER_INPUT';
        res
          .status(code === 'NOT_FOUND' ? 404 : 400)
          .json({ error: { code, field: error.field, message: error.message } });
        return;
      }
      console.error('Export failed:', error);
      res.status(500).json({ error: { code: 'INTERNAL_SERVER_ERROR', message: 'Internal server error' } });
    }
  };

  router.get('/network.json', send('JSON', 'network.json'));
  router.get('/network.graphml', send('GRAPHML', 'network.graphml'));
  router.get('/network.xlsx', send('CSV', 'network.xlsx'));
  for (const table of ['topics', 'actors', 'collaborations', 'participations'])
    router.get(`/${table}.csv`, send('CSV', `${table}.csv`));
  return router;
}
