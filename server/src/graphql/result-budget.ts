/**
 * A budget of list items per request. The cost limit (graphql-armor, ../http/limits) sees only a
 * literal `first`; lists without one — an actor's collaborators and collaborations, a topic's actors,
 * a network edge's collaborations — can fan out through a hub: three levels of collaborators below
 * an actor with ~33,000 partners are billions of objects, which no static limit short of forbidding
 * ordinary queries can tell in advance. So every list these resolvers return is counted against the
 * request's budget (`@UseMiddleware(CountListItems)` on the resolver classes that return such
 * lists); past it the request answers one QUERY_TOO_COMPLEX error (limit "results") and no data.
 */
import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError } from 'graphql';
import type { MiddlewareFn } from 'type-graphql';
import { DEFAULT_LIMITS } from '../config';

/** List items one answer may hold (QUERY_MAX_RESULTS): the busiest actor's page at 100k actors is ~55,000. */
export const DEFAULT_MAX_RESULTS = DEFAULT_LIMITS.query.maxResults;

export const RESULT_LIMIT = 'results';

export class ResultBudget {
  private used = 0;

  constructor(readonly max: number = DEFAULT_MAX_RESULTS) {}

  get exceeded(): boolean {
    return this.used > this.max;
  }

  /** Counts `items` more; throws once the budget is spent (and for every list after that). */
  spend(items: number): void {
    this.used += items;
    if (this.exceeded) throw resultBudgetError(this.max);
  }
}

export function resultBudgetError(max: number): GraphQLError {
  return new GraphQLError(`The answer would hold more than ${max} list items: ask for less (first, fewer levels, a filter).`, {
    extensions: { code: 'QUERY_TOO_COMPLEX', limit: RESULT_LIMIT, max },
  });
}

/** Counts the items of every list a resolver returns against the request's budget. */
export const CountListItems: MiddlewareFn<{ budget: ResultBudget }> = async ({ context }, next) => {
  const result = await next();
  if (Array.isArray(result)) context.budget.spend(result.length);
  return result;
};

/**
 * A spent budget makes the whole answer one error: the partial data would be misleading and the
 * list fields refused after the budget ran out would each carry the same error.
 */
export function refuseOverBudgetAnswers(): ApolloServerPlugin<{ budget: ResultBudget }> {
  return {
    async requestDidStart() {
      return {
        async willSendResponse({ response, contextValue }) {
          if (response.body.kind !== 'single' || !contextValue.budget?.exceeded) return;
          const { max } = contextValue.budget;
          const error = response.body.singleResult.errors?.find((e) => e.extensions?.limit === RESULT_LIMIT);
          response.body.singleResult.data = null;
          response.body.singleResult.errors = [error ?? { message: resultBudgetError(max).message, extensions: { code: 'QUERY_TOO_COMPLEX', limit: RESULT_LIMIT, max } }];
          response.http.status = 400;
        },
      };
    },
  };
}
