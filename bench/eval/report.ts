/** The evaluation's tables: markdown for the console and the README, and the reference check. */
import type { FeedbackEffect } from './feedback';
import type { Metrics } from './metrics';

export interface GroupResult {
  group: string;
  description: string;
  queries: number;
  methods: Array<{ name: string; label: string; metrics: Metrics }>;
  /** combined − best baseline in P@10: paired bootstrap 95 % interval over the query actors. */
  combinedVsBest?: { baseline: string; difference: number; interval95: [number, number] };
}

export interface DatasetResult {
  dataset: string;
  description: string;
  note?: string;
  groups: GroupResult[];
  /** The shipped model with the pairs of a simulated feedback log excluded (bench/eval/feedback.ts). */
  feedback?: FeedbackEffect;
}

/** The reference precision@10 on H2020 (actors with ties), measured with the same protocol. */
export const H2020_REFERENCE_P10: Record<string, string> = {
  katz: '0.064',
  popularity: '0.063',
  adamicAdar: '0.060',
  commonNeighbours: '0.055',
  topics: '0.0065',
  random: '0.0023',
};

/** Equal "within rounding": our value rounded to the reference's significant digits ("0.060": 2). */
export function reproduces(value: number, reference: string): boolean {
  const digits = reference.replace(/^0\.0*/, '').length;
  return Number(value.toPrecision(digits)) === Number(reference);
}

const f = (x: number) => x.toFixed(4);

export function markdownTable(group: GroupResult, reference?: Record<string, string>): string {
  const best = Math.max(
    ...group.methods.filter((m) => !m.name.startsWith('combined')).map((m) => m.metrics.precisionAt10),
  );
  const lines = [
    `| method | P@5 | P@10 | R@10 | MRR${reference ? ' | reference P@10' : ''} |`,
    `| --- | ---: | ---: | ---: | ---:${reference ? ' | ---:' : ''} |`,
  ];
  for (const m of group.methods) {
    const ref = reference?.[m.name];
    const refCell = reference
      ? ` | ${ref === undefined ? '' : `${ref} ${reproduces(m.metrics.precisionAt10, ref) ? '✓' : '✗'}`}`
      : '';
    const vsBest =
      m.name.startsWith('combined') && best > 0
        ? ` (${m.metrics.precisionAt10 >= best ? '+' : ''}${(((m.metrics.precisionAt10 - best) / best) * 100).toFixed(1)} % vs best baseline)`
        : '';
    lines.push(
      `| ${m.label} | ${f(m.metrics.precisionAt5)} | ${f(m.metrics.precisionAt10)}${vsBest} | ${f(m.metrics.recallAt10)} | ${f(m.metrics.mrr)}${refCell} |`,
    );
  }
  if (group.combinedVsBest) {
    const { baseline, difference, interval95 } = group.combinedVsBest;
    lines.push(
      '',
      `combined − ${baseline} in P@10: ${difference >= 0 ? '+' : ''}${f(difference)}, 95 % interval (paired bootstrap over the query actors) ${f(interval95[0])} … ${f(interval95[1])}`,
    );
  }
  return lines.join('\n');
}
