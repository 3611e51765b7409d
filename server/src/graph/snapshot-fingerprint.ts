/**
 * A fingerprint of a store snapshot that does not depend on the order of its rows (Neo4j returns
 * them in no fixed order): per table the row count and two sums of 32-bit FNV-1a hashes of the rows
 * (with different offsets). The projection compares it at a periodic refresh, so a refresh that
 * finds nothing new keeps the projection's version — and with it every cache keyed by the version
 * (insight, suggestion index) — instead of recomputing seconds of work every five minutes.
 */
import type { GraphSnapshot } from '../store/network-store';

function fnv1a(text: string, offset: number): number {
  let hash = offset;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

function tableFingerprint(rows: readonly unknown[], row: (r: never) => string): string {
  let a = 0;
  let b = 0;
  for (const r of rows) {
    const text = row(r as never);
    a = (a + fnv1a(text, 0x811c9dc5)) >>> 0;
    b = (b + fnv1a(text, 0x2f3b1d7a)) >>> 0;
  }
  return `${rows.length}:${a.toString(16)}:${b.toString(16)}`;
}

// Fields joined with a separator no id, kind or date contains.
const SEP = '\u0001';

export function snapshotFingerprint(s: GraphSnapshot): string {
  return [
    tableFingerprint(s.actors, (r: GraphSnapshot['actors'][number]) => r.id + SEP + r.kind),
    tableFingerprint(s.collaborations, (r: GraphSnapshot['collaborations'][number]) =>
      [r.id, r.kind, r.startDate ?? '', r.endDate ?? ''].join(SEP),
    ),
    tableFingerprint(
      s.participations,
      (r: GraphSnapshot['participations'][number]) => r.actorId + SEP + r.collaborationId,
    ),
    tableFingerprint(s.interests, (r: GraphSnapshot['interests'][number]) => r.actorId + SEP + r.topicId),
    tableFingerprint(s.about, (r: GraphSnapshot['about'][number]) => r.collaborationId + SEP + r.topicId),
    tableFingerprint(s.topics, (r: GraphSnapshot['topics'][number]) => r.id),
  ].join('|');
}
