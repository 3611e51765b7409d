/**
 * Step 1 of the self-fit (self-fit.ts): the network's own history split at a date into the past
 * (the collaborations that started before it, as a projection of their own) and the answers (the
 * pairs that first worked together on or after it). Runs in steps on a copy of the projection.
 */
import { NetworkProjection } from '../../graph/projection';
import type { ProjectionCopy } from './index-input';

export interface HistorySplit {
  cutoff: string;
  past: NetworkProjection;
  /** Per actor of the past: the actors it first works with on/after the cut-off. */
  answers: Map<string, Set<string>>;
}

/** Units of work (collaborations, actors, participations) between two yields of the split. */
const SPLIT_STEP = 2048;

/**
 * Step 1 on a copy of the projection (index-input.ts `copySteps`), yielding every SPLIT_STEP units
 * of work so the fit never holds the event loop for the split (~2.9 s in one go at 100k actors). The
 * past is loaded as `NetworkProjection.load` loads a snapshot — the same calls in the same order —
 * so it holds the same maps in the same order.
 */
export function* historySplitSteps(
  copy: ProjectionCopy,
  answerShare: number,
  minDatedCollaborations: number,
): Generator<void, HistorySplit | null, unknown> {
  let work = 0;
  const due = (units: number) => (work += units) >= SPLIT_STEP && ((work = 0), true);
  const dated = [...copy.collaborations.entries()]
    .filter(([, c]) => c.startDate !== null)
    .map(([id, c]) => ({ id, date: c.startDate! }))
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.id < b.id ? -1 : 1));
  if (dated.length < minDatedCollaborations) return null;
  const cutoff = dated[Math.floor(dated.length * (1 - answerShare))].date;
  if (cutoff <= dated[0].date) return null;
  yield;

  const collaborationIds = [...copy.collaborations.keys()].sort();
  const pastIds = collaborationIds.filter((id) => {
    const d = copy.collaborations.get(id)!.startDate;
    return d === null || d < cutoff;
  });
  yield;
  const present = new Set<string>();
  for (const id of pastIds) {
    const members = copy.collaborations.get(id)!.actors;
    for (const a of members) present.add(a);
    if (due(members.length + 1)) yield;
  }
  const actors = [...present].sort();
  yield;

  // The past as NetworkProjection.load(snapshot) would hold it (topics, actors, collaborations,
  // participations, interests, about — each list sorted as the snapshot of it was).
  const past = new NetworkProjection();
  for (const t of copy.topics) past.topics.add(t);
  for (const id of actors) {
    past.upsertActor(id, copy.actors.get(id)!.kind);
    if (due(1)) yield;
  }
  for (const id of pastIds) {
    const { kind, startDate, endDate } = copy.collaborations.get(id)!;
    past.upsertCollaboration(id, { kind, startDate, endDate });
    if (due(1)) yield;
  }
  for (const id of pastIds) {
    const members = [...copy.collaborations.get(id)!.actors].sort();
    for (const actorId of members) past.addParticipant(id, actorId);
    if (due(members.length + 1)) yield;
  }
  for (const id of actors) {
    const topics = [...copy.actors.get(id)!.topics].sort();
    for (const topicId of topics) past.actors.get(id)?.topics.add(topicId);
    if (due(topics.length + 1)) yield;
  }
  for (const id of pastIds) {
    const topics = [...copy.collaborations.get(id)!.topics].sort();
    for (const topicId of topics) past.collaborations.get(id)?.topics.add(topicId);
    if (due(topics.length + 1)) yield;
  }

  const partnersBefore = (a: string, b: string) => {
    const mine = past.actors.get(a)!.collaborations;
    for (const c of past.actors.get(b)!.collaborations) if (mine.has(c)) return true;
    return false;
  };
  const answers = new Map<string, Set<string>>();
  for (const id of collaborationIds) {
    const c = copy.collaborations.get(id)!;
    if (c.startDate === null || c.startDate < cutoff) continue;
    const members = c.actors.filter((a) => present.has(a));
    for (const a of members) {
      for (const b of members) {
        if (a === b || answers.get(a)?.has(b) || partnersBefore(a, b)) continue;
        let set = answers.get(a);
        if (!set) answers.set(a, (set = new Set()));
        set.add(b);
      }
    }
    if (due(members.length * members.length + 1)) yield;
  }
  return { cutoff, past, answers };
}
