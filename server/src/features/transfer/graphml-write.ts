/**
 * The GraphML export, for Gephi and Cytoscape desktop: actors and topics as nodes with their
 * attributes, undirected edges — COLLABORATES_WITH between two actors (weight = the number of
 * collaborations of the export they share, their ids in `collaborations`) and INTERESTED_IN from
 * an actor to a topic (weight = the interest's weight). Every attribute is declared as a <key> with
 * its attr.type; `label` and `weight` are the names both programs pick up as node label and edge
 * weight. Text is XML-escaped, characters XML 1.0 cannot carry are dropped.
 */
import { BadInputError } from '../../domain/errors';
import type { ExportDocument } from './export-document';

/**
 * Most collaborates-with edges one GraphML file may hold, counted as Σ k(k−1)/2 over the
 * collaborations (an upper bound of the distinct pairs). Each edge is ~250 bytes of XML and its pair
 * is kept in memory while the file is written: 500,000 edges are a ~125 MB file (a generated network
 * of 10,000 actors has 359,085); at 100,000 actors (3.6 million) the export worker ran out of heap
 * after a minute. Beyond it the export is refused at once, naming what to do instead.
 */
export const GRAPHML_MAX_TIES = 500_000;

/** Refuses a GraphML export whose collaborates-with edges would exceed GRAPHML_MAX_TIES. */
export function checkGraphmlSize(doc: ExportDocument, maxTies = GRAPHML_MAX_TIES): void {
  let ties = 0;
  for (const c of doc.collaborations) ties += (c.participants.length * (c.participants.length - 1)) / 2;
  if (ties > maxTies)
    throw new BadInputError(
      `GraphML of this network would hold up to ${ties.toLocaleString('en')} collaborates-with edges, ` +
        `more than ${maxTies.toLocaleString('en')} fit in one file: export a part of it (filter by district, ` +
        `topic, kind or dates) or use JSON or CSV`,
      'format',
    );
}

interface Key {
  id: string;
  for: 'node' | 'edge';
  name: string;
  type: 'string' | 'int' | 'double';
}

const NODE_KEYS: Key[] = [
  { id: 'label', for: 'node', name: 'label', type: 'string' },
  { id: 'type', for: 'node', name: 'type', type: 'string' },
  { id: 'kind', for: 'node', name: 'kind', type: 'string' },
  { id: 'district', for: 'node', name: 'district', type: 'string' },
  { id: 'website', for: 'node', name: 'website', type: 'string' },
  { id: 'description', for: 'node', name: 'description', type: 'string' },
  { id: 'contact', for: 'node', name: 'contact', type: 'string' },
  { id: 'aliases', for: 'node', name: 'aliases', type: 'string' },
  { id: 'collaborationCount', for: 'node', name: 'collaborationCount', type: 'int' },
];

const EDGE_KEYS: Key[] = [
  { id: 'edgeType', for: 'edge', name: 'type', type: 'string' },
  { id: 'weight', for: 'edge', name: 'weight', type: 'double' },
  { id: 'collaborations', for: 'edge', name: 'collaborations', type: 'string' },
];

/** Characters XML 1.0 allows (tab, line feed, carriage return and everything from U+0020 except surrogates, U+FFFE/F). */
const NOT_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

export function escapeXml(text: string): string {
  return text
    .replace(NOT_XML, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function data(values: Array<[string, string | number | null | undefined]>, indent: string): string {
  return values
    .filter(([, v]) => v !== null && v !== undefined && v !== '')
    .map(([key, v]) => `${indent}<data key="${key}">${escapeXml(String(v))}</data>\n`)
    .join('');
}

export function writeGraphml(doc: ExportDocument): string {
  checkGraphmlSize(doc);
  const keys = [...NODE_KEYS.filter((k) => k.id !== 'contact' || doc.includesContact), ...EDGE_KEYS];

  // Collaborates-with pairs: for each pair of participants of a collaboration, the shared ones.
  const pairs = new Map<string, { source: string; target: string; collaborations: string[] }>();
  const collaborationCount = new Map<string, number>();
  for (const c of doc.collaborations) {
    const ids = c.participants.map((p) => p.actorId).sort(compare);
    for (const id of ids) collaborationCount.set(id, (collaborationCount.get(id) ?? 0) + 1);
    for (let i = 0; i < ids.length; i++) {
      for (let j = i + 1; j < ids.length; j++) {
        const key = `${ids[i]}\u0000${ids[j]}`;
        const pair = pairs.get(key) ?? { source: ids[i], target: ids[j], collaborations: [] };
        pair.collaborations.push(c.id);
        pairs.set(key, pair);
      }
    }
  }

  const out: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>\n',
    '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"\n',
    '         xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">\n',
    ...keys.map((k) => `  <key id="${k.id}" for="${k.for}" attr.name="${k.name}" attr.type="${k.type}"/>\n`),
    '  <graph id="quartiernetz" edgedefault="undirected">\n',
  ];
  for (const a of doc.actors) {
    out.push(
      `    <node id="${escapeXml(`actor:${a.id}`)}">\n`,
      data(
        [
          ['label', a.name],
          ['type', 'actor'],
          ['kind', a.kind],
          ['district', a.district],
          ['website', a.website],
          ['description', a.description],
          ...(doc.includesContact ? ([['contact', a.contact]] as Array<[string, string | null | undefined]>) : []),
          ['collaborationCount', collaborationCount.get(a.id) ?? 0],
        ],
        '      ',
      ),
      '    </node>\n',
    );
  }
  for (const t of doc.topics) {
    out.push(
      `    <node id="${escapeXml(`topic:${t.id}`)}">\n`,
      data(
        [
          ['label', t.name],
          ['type', 'topic'],
          ['aliases', t.aliases.join('; ')],
        ],
        '      ',
      ),
      '    </node>\n',
    );
  }
  const edges = [...pairs.values()].sort((x, y) => compare(x.source, y.source) || compare(x.target, y.target));
  for (const e of edges) {
    out.push(
      `    <edge id="${escapeXml(`collaborates:${e.source}|${e.target}`)}" source="${escapeXml(`actor:${e.source}`)}" target="${escapeXml(`actor:${e.target}`)}">\n`,
      data(
        [
          ['edgeType', 'COLLABORATES_WITH'],
          ['weight', e.collaborations.length],
          ['collaborations', e.collaborations.sort(compare).join(' ')],
        ],
        '      ',
      ),
      '    </edge>\n',
    );
  }
  for (const a of doc.actors) {
    for (const i of a.interests) {
      out.push(
        `    <edge id="${escapeXml(`interested:${a.id}|${i.topicId}`)}" source="${escapeXml(`actor:${a.id}`)}" target="${escapeXml(`topic:${i.topicId}`)}">\n`,
        data(
          [
            ['edgeType', 'INTERESTED_IN'],
            ['weight', i.weight],
          ],
          '      ',
        ),
        '    </edge>\n',
      );
    }
  }
  out.push('  </graph>\n', '</graphml>\n');
  return out.join('');
}
