import { Neo4jError } from 'neo4j-driver';
import { retryingTransient, retryPauseMs } from './retry';

const neo4jError = (message: string, code: string) =>
  new Neo4jError(message, code, '50N42', 'error: general processing exception');
const deadlock = () => neo4jError('deadlock', 'Neo.TransientError.Transaction.DeadlockDetected');
const syntax = () => neo4jError('bad statement', 'Neo.ClientError.Statement.SyntaxError');

/** A clock moved only by the pauses, and the pauses asked for. */
function fakeTime() {
  let now = 0;
  const pauses: number[] = [];
  return {
    pauses,
    clock: () => now,
    pause: async (ms: number) => {
      pauses.push(ms);
      now += ms;
    },
  };
}

describe('retryingTransient', () => {
  test('tries again after a retryable error, with a pause between, and answers what the attempt answers', async () => {
    const time = fakeTime();
    const errors = [deadlock(), deadlock()];
    let attempts = 0;
    const answer = await retryingTransient(
      async () => {
        attempts++;
        const error = errors.shift();
        if (error) throw error;
        return 'written';
      },
      5000,
      time.pause,
      time.clock,
    );
    expect(answer).toBe('written');
    expect(attempts).toBe(3);
    expect(time.pauses).toHaveLength(2);
    expect(time.pauses[0]).toBeGreaterThanOrEqual(40);
    expect(time.pauses[1]).toBeGreaterThanOrEqual(80);
  });

  test('throws any other error at once, untried', async () => {
    const time = fakeTime();
    const error = syntax();
    let attempts = 0;
    await expect(
      retryingTransient(
        async () => {
          attempts++;
          throw error;
        },
        5000,
        time.pause,
        time.clock,
      ),
    ).rejects.toBe(error);
    expect(attempts).toBe(1);
    expect(time.pauses).toEqual([]);
  });

  test('gives up when the next pause would end past the budget, throwing the last error', async () => {
    const time = fakeTime();
    const last: Error[] = [];
    const failing = retryingTransient(
      async () => {
        last.push(deadlock());
        throw last[last.length - 1];
      },
      1000,
      time.pause,
      time.clock,
    );
    await expect(failing).rejects.toBeInstanceOf(Neo4jError);
    await failing.catch((error: unknown) => expect(error).toBe(last[last.length - 1]));
    expect(time.clock()).toBeLessThanOrEqual(1000);
    // 50, 100, 200, 400 ms (±20 %) fit in 1 s; the fifth pause would not.
    expect(time.pauses.length).toBeGreaterThanOrEqual(3);
    expect(time.pauses.length).toBeLessThanOrEqual(4);
    expect(last).toHaveLength(time.pauses.length + 1);
  });
});

describe('retryPauseMs', () => {
  test('doubles from 50 ms up to 1 s, within ±20 %', () => {
    expect([0, 1, 2, 3, 4, 5, 9].map((n) => retryPauseMs(n, () => 0.5))).toEqual([50, 100, 200, 400, 800, 1000, 1000]);
    expect(retryPauseMs(0, () => 0)).toBeCloseTo(40);
    expect(retryPauseMs(0, () => 1)).toBeCloseTo(60);
  });
});
