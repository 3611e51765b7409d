/** The feed bench's Markdown table: one row per figure, a column per store and size, the targets beside. */
import type { FeedRun } from './run';

const ms = (n: number | undefined) => (n === undefined || Number.isNaN(n) ? '—' : `${Math.round(n)} ms`);
const num = (n: number, digits = 0) => n.toLocaleString('en-US', { maximumFractionDigits: digits });

interface Row {
  figure: string;
  target: string;
  value(run: FeedRun): string;
}

const ROWS: Row[] = [
  { figure: 'load of the network (store.mergeGraph)', target: '', value: (r) => `${num(r.loadSeconds, 1)} s` },
  {
    figure: 'replica start (A, B) until it listens',
    target: '',
    value: (r) => `${num(r.startSeconds[0]!, 1)} s, ${num(r.startSeconds[1]!, 1)} s`,
  },
  {
    figure: 'write on A → event on B, p50 / p95 / max',
    target: 'p95 < 1 s',
    value: (r) =>
      `${ms(r.propagation.event.p50)} / **${ms(r.propagation.event.p95)}** / ${ms(r.propagation.event.max)}`,
  },
  {
    figure: "write on A → B's query answers it, p50 / p95 / max",
    target: 'p95 < 1 s',
    value: (r) =>
      `${ms(r.propagation.query.p50)} / **${ms(r.propagation.query.p95)}** / ${ms(r.propagation.query.max)}`,
  },
  {
    figure: "the write's answer on A, p50 / p95",
    target: '',
    value: (r) => `${ms(r.propagation.writeAnswered.p50)} / ${ms(r.propagation.writeAnswered.p95)}`,
  },
  {
    figure: 'burst on A (concurrency 8): writes/s on A',
    target: '',
    value: (r) =>
      `${r.burst.writes} writes in ${num(r.burst.seconds, 1)} s = ${num(r.burst.writes / r.burst.seconds)}/s`,
  },
  {
    figure: "burst: events applied by B per s (B's lag after A's last answer)",
    target: '',
    value: (r) => `${r.burst.events} events, ${num(r.burst.eventsPerSecond)}/s (lag ${ms(r.burst.lagMs)})`,
  },
  {
    figure: 'apply one ordinary write in process (followFeed), p50 / p95',
    target: '< 5 ms',
    value: (r) =>
      `${ms1(r.apply.followFeed.p50)} / **${ms1(r.apply.followFeed.p95)}** (readFeed alone ${ms1(r.apply.readFeed.p50)}; ` +
      `round-trip floor ${ms1(r.apply.floor.p50)} / ${ms1(r.apply.floor.p95)})`,
  },
  {
    figure: 'of which in memory after the last store read, p50 / p95',
    target: '',
    value: (r) => `${ms1(r.apply.inMemory.p50)} / ${ms1(r.apply.inMemory.p95)}`,
  },
  {
    figure: 'in process: a batch of writes applied by one followFeed',
    target: '',
    value: (r) =>
      `${r.apply.batch.events} events in ${num(r.apply.batch.seconds, 3)} s = ${num(r.apply.batch.eventsPerSecond)}/s`,
  },
  {
    figure: 'idle: store calls per poll',
    target: '',
    value: (r) =>
      `${num(r.idle.queries.perPoll, 2)} (${Object.entries(r.idle.queries.storeCalls)
        .map(([k, v]) => `${k} ${v}`)
        .join(', ')} in ${r.idle.seconds} s)`,
  },
  {
    figure: 'idle: CPU (share of one core)',
    target: '',
    value: (r) =>
      `${r.idle.seconds} s: ` +
      Object.entries(r.idle.cpuShare)
        .map(([k, v]) => `${k} ${(v * 100).toFixed(2)} %`)
        .join(', '),
  },
  {
    figure: 'idle subscribers on B: RSS before → after, per subscriber',
    target: '',
    value: (r) =>
      `${r.subscribers.subscribers}: ${num(r.subscribers.rssBeforeMb)} → ${num(r.subscribers.rssAfterMb)} MB, ${num(r.subscribers.perSubscriberKb, 1)} KB`,
  },
  {
    figure: 'subscribers: errors; got the next event (p50 / max)',
    target: '0 errors, all',
    value: (r) =>
      `${r.subscribers.errors}; ${r.subscribers.received} / ${r.subscribers.subscribers} (${ms(r.subscribers.arrival.p50)} / ${ms(r.subscribers.arrival.max)})`,
  },
  {
    figure: 'catch-up: writes on A while B was down',
    target: '',
    value: (r) => `${r.catchUp.day.writes} writes (${r.catchUp.events} events) in ${num(r.catchUp.day.seconds, 1)} s`,
  },
  {
    figure: 'catch-up: B restarted until it answers like A',
    target: '',
    value: (r) => `${num(r.catchUp.sameAnswersSeconds, 1)} s (listening after ${num(r.catchUp.startSeconds, 1)} s)`,
  },
  {
    figure: 'load average (1 min) before → after',
    target: '',
    value: (r) => `${r.loadAverage[0].toFixed(2)} → ${r.loadAverage[1].toFixed(2)}`,
  },
];

function ms1(n: number): string {
  return Number.isNaN(n) ? '—' : `${n.toFixed(1)} ms`;
}

export function feedTable(runs: FeedRun[], cores: number, feedPollMs: number): string {
  const head = `| figure | ${runs.map((r) => `${r.store}, ${num(r.size)} actors`).join(' | ')} | target |`;
  const rule = `| --- | ${runs.map(() => '---').join(' | ')} | --- |`;
  const rows = ROWS.map((row) => `| ${row.figure} | ${runs.map((r) => row.value(r)).join(' | ')} | ${row.target} |`);
  const poll = `FEED_POLL_MS ${feedPollMs}`;
  return [`${cores} cores; ${poll}`, '', head, rule, ...rows].join('\n');
}
