/**
 * mergeGraph for the embedded store: validate every reference of the document first, then insert
 * what is missing with ON CONFLICT DO NOTHING, counting the rows each insert really created.
 * Runs inside the caller's transaction.
 */
import { nameKey, slugify } from '../../domain/text';
import type { GraphData, MergeReport } from '../network-store';
import { opt } from './rows';
import type { Sql, Table } from './sql';
import { checkInterests, checkParticipants, MissingReferenceError, topicIdOf } from '../../domain/input-rules';

export function mergeGraph(sql: Sql, data: GraphData, now: string): MergeReport {
  const topicIds = data.topics.map((t) => topicIdOf(t));
  checkReferences(sql, data, new Set(topicIds));

  const report: MergeReport = {
    actorsCreated: 0,
    topicsCreated: 0,
    collaborationsCreated: 0,
    interestsCreated: 0,
    participationsCreated: 0,
    aboutCreated: 0,
  };

  data.topics.forEach((t, i) => {
    report.topicsCreated += sql.run(
      `INSERT INTO topic (id, name, name_key, slug, aliases) VALUES (?, ?, ?, ?, ?)
       ON CONFLICT (id) DO NOTHING`,
      topicIds[i],
      t.name,
      nameKey(t.name),
      slugify(t.name),
      JSON.stringify(t.aliases ?? []),
    );
  });

  for (const a of data.actors) {
    report.actorsCreated += sql.run(
      `INSERT INTO actor (id, name, name_key, kind, description, district, website, contact,
                          created_at, updated_at, version)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)
       ON CONFLICT (id) DO NOTHING`,
      a.id,
      a.name,
      nameKey(a.name),
      a.kind,
      opt(a.description),
      opt(a.district),
      opt(a.website),
      opt(a.contact),
      now,
      now,
    );
    for (const interest of a.interests ?? []) {
      report.interestsCreated += sql.run(
        `INSERT INTO interest (actor_id, topic_id, weight) VALUES (?, ?, ?)
         ON CONFLICT (actor_id, topic_id) DO NOTHING`,
        a.id,
        interest.topicId,
        interest.weight ?? 1,
      );
    }
  }

  for (const c of data.collaborations) {
    report.collaborationsCreated += sql.run(
      `INSERT INTO collaboration (id, title, kind, start_date, end_date, location, description,
                                  created_at, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (id) DO NOTHING`,
      c.id,
      c.title,
      c.kind,
      opt(c.startDate),
      opt(c.endDate),
      opt(c.location),
      opt(c.description),
      now,
      now,
    );
    for (const topicId of c.topicIds ?? []) {
      report.aboutCreated += sql.run(
        `INSERT INTO about (collaboration_id, topic_id) VALUES (?, ?)
         ON CONFLICT (collaboration_id, topic_id) DO NOTHING`,
        c.id,
        topicId,
      );
    }
    for (const p of c.participants ?? []) {
      report.participationsCreated += sql.run(
        `INSERT INTO participation (actor_id, collaboration_id, role) VALUES (?, ?, ?)
         ON CONFLICT (actor_id, collaboration_id) DO NOTHING`,
        p.actorId,
        c.id,
        p.role,
      );
    }
  }
  return report;
}

/** Every topic and actor the document refers to must be in the document or already stored. */
function checkReferences(sql: Sql, data: GraphData, topicIds: ReadonlySet<string>): void {
  const actorIds = new Set(data.actors.map((a) => a.id));
  const refs: Array<{ table: Table; id: string; field: string }> = [];
  for (const a of data.actors) {
    checkInterests(a.interests ?? []);
    for (const i of a.interests ?? [])
      if (!topicIds.has(i.topicId)) refs.push({ table: 'topic', id: i.topicId, field: 'interests' });
  }
  for (const c of data.collaborations) {
    for (const t of c.topicIds ?? []) if (!topicIds.has(t)) refs.push({ table: 'topic', id: t, field: 'topicIds' });
    const participants = c.participants ?? [];
    checkParticipants(participants, ` in collaboration "${c.id}"`);
    for (const p of participants)
      if (!actorIds.has(p.actorId)) refs.push({ table: 'actor', id: p.actorId, field: 'participants' });
  }

  // One query per table for everything that is not in the document itself.
  for (const table of ['topic', 'actor'] as const) {
    const missing = new Set(
      sql.missing(
        table,
        refs.filter((r) => r.table === table).map((r) => r.id),
      ),
    );
    const first = refs.find((r) => r.table === table && missing.has(r.id));
    if (first) throw new MissingReferenceError(table === 'topic' ? 'Topic' : 'Actor', first.id, first.field);
  }
}
