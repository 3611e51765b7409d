/**
 * Retrying a statement that Neo4j refused for a passing reason (a deadlock between two writes, a
 * lost connection, a cluster's leader switch): what `executeWrite` does for a managed transaction,
 * for the auto-commit statements that do without one (connection.ts writeStatement).
 */
import { isRetryableError } from 'neo4j-driver';

/** The pause before attempt `n + 1` (n from 0): 50, 100, 200 … ms, at most 1 s, ±20 % so that two writers that collided do not collide again. */
export function retryPauseMs(n: number, random: () => number = Math.random): number {
  return Math.min(50 * 2 ** n, 1000) * (0.8 + 0.4 * random());
}

/**
 * Runs `attempt` until it succeeds; after a retryable error (isRetryableError) again after a pause,
 * as long as the pause ends within `budgetMs` of the first attempt; any other error, or the last
 * one, is thrown as it came.
 */
export async function retryingTransient<T>(
  attempt: () => Promise<T>,
  budgetMs: number,
  pause: (ms: number) => Promise<void> = (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  clock: () => number = Date.now,
): Promise<T> {
  const start = clock();
  for (let n = 0; ; n++) {
    try {
      return await attempt();
    } catch (error) {
      const wait = retryPauseMs(n);
      if (!isRetryableError(error) || clock() - start + wait > budgetMs) throw error;
      await pause(wait);
    }
  }
}
