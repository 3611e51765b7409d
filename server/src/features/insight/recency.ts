/**
 * Ties weighted by recency: a collaboration counts 1 when it ended on the date asked about, ½ one
 * half-life earlier — so a 2021 meeting counts less than last month's.
 */
import type { IsoDate } from '../../domain/model';
import type { ProjectedCollaboration } from '../../graph/projection';

export interface Recency {
  /** The date ages are measured from (YYYY-MM-DD). */
  asOf: IsoDate;
  /** A collaboration this many days old counts half. */
  halfLifeDays: number;
}

const DAY = 86_400_000;

/** The weight of one collaboration as of a date: 1 when it ended on that date, ½ one half-life earlier. */
export function recencyWeight(c: Pick<ProjectedCollaboration, 'startDate' | 'endDate'>, recency: Recency): number {
  const last = c.endDate ?? c.startDate;
  if (!last) return 0;
  const ageDays = Math.max(0, (Date.parse(recency.asOf) - Date.parse(last)) / DAY);
  return 0.5 ** (ageDays / recency.halfLifeDays);
}
