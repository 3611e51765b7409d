/**
 * Limits on the shape of a GraphQL document, enforced by graphql-armor: nesting depth, cost (fields
 * weighted by depth and by literal `first` page sizes), aliases and directives as validation rules,
 * tokens while parsing. A document over a limit is refused before anything runs, with HTTP 400 and
 * an error coded QUERY_TOO_COMPLEX that says which limit (`extensions.limit`) and its value
 * (`extensions.max`) — never graphql-armor's own message.
 */
import { costLimitRule } from '@escape.tech/graphql-armor-cost-limit';
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { maxDirectivesRule } from '@escape.tech/graphql-armor-max-directives';
import { MaxTokensParserWLexer } from '@escape.tech/graphql-armor-max-tokens';
import type { RequestHandler } from 'express';
import { GraphQLError, type ASTVisitor, type ValidationContext, type ValidationRule } from 'graphql';
import type { QueryLimits } from '../../config';
import { sendGraphQLError } from './request-errors';

export const QUERY_TOO_COMPLEX = 'QUERY_TOO_COMPLEX';

/**
 * graphql-armor's cost grows by this factor per level of nesting (its default is 1.5): our deep
 * selections are unpaginated lists (collaborators of collaborators of …), which its cost model
 * counts as one item each, so depth has to weigh more than by default.
 */
export const COST_DEPTH_FACTOR = 2;

export type QueryLimitName = 'depth' | 'cost' | 'aliases' | 'tokens' | 'directives' | 'exports';

const WHAT: Record<QueryLimitName, string> = {
  depth: 'nesting depth',
  cost: 'cost',
  aliases: 'number of aliases',
  tokens: 'number of tokens',
  directives: 'number of directives',
  exports: 'number of exports',
};

/** The refusal of a document over one of the limits. */
export class QueryLimitError extends GraphQLError {
  constructor(limit: QueryLimitName, max: number) {
    super(`The query exceeds the limit on its ${WHAT[limit]} (${max}); ask for less in one request`, {
      extensions: { code: QUERY_TOO_COMPLEX, limit, max },
    });
  }
}

/**
 * graphql-armor's callbacks: instead of its own error (which Apollo would answer with a 500, as it
 * does for anything thrown during validation), report ours to graphql-js like any validation error.
 */
function refuse(limit: QueryLimitName, max: number) {
  return {
    onReject: [(context: ValidationContext | null) => context?.reportError(new QueryLimitError(limit, max))],
    propagateOnRejection: false,
    exposeLimits: false,
  };
}

/** Fields that build a whole export: their cost is the network's size, not the document's. */
export const EXPORT_FIELDS = new Set(['exportNetwork']);

/**
 * At most one export per document (fragments included): 50 aliases of exportNetwork built a
 * 473 MB answer while the cost limit counted each as 1. A fragment spread twice is caught at run
 * time (the export runner allows one export per principal at a time).
 */
export function oneExportPerDocument(context: ValidationContext): ASTVisitor {
  let seen = 0;
  return {
    Field(node) {
      if (!EXPORT_FIELDS.has(node.name.value)) return;
      seen++;
      if (seen === 2) context.reportError(new QueryLimitError('exports', 1));
    },
  };
}

/**
 * The validation rules for Apollo's `validationRules` (they run beside graphql-js's own rules; the
 * token limit bounds what those cost on an abusive document). Apollo answers HTTP 400.
 */
export function queryLimitRules(limits: QueryLimits): ValidationRule[] {
  const rules = [
    maxDepthRule({ n: limits.maxDepth, ...refuse('depth', limits.maxDepth) }),
    costLimitRule({ maxCost: limits.maxCost, depthCostFactor: COST_DEPTH_FACTOR, ...refuse('cost', limits.maxCost) }),
    maxAliasesRule({ n: limits.maxAliases, ...refuse('aliases', limits.maxAliases) }),
    maxDirectivesRule({ n: limits.maxDirectives, ...refuse('directives', limits.maxDirectives) }),
    oneExportPerDocument,
  ];
  // graphql-armor's visitors implement the one hook they need (OperationDefinition); graphql-js
  // takes them as visitors, its types do not know them.
  return rules as unknown as ValidationRule[];
}

/** Documents kept as within the token limit (see WithinTokenLimit), and their characters at most. */
export const TOKEN_CHECKED_DOCUMENTS_KEPT = 500;
export const TOKEN_CHECKED_CHARACTERS_KEPT = 1_000_000;

/**
 * The texts of documents found within the token limit, the least recently used forgotten first. A
 * client sends the same few documents again and again (Apollo keeps their parsed form by their hash),
 * and counting a document's tokens gives the same answer every time: counted once, a document passes
 * on a lookup (counting took 10–50 µs of every request: the map page's panel ~50, the actor list ~25).
 */
export class WithinTokenLimit {
  private readonly kept = new Set<string>();
  private characters = 0;

  has(query: string): boolean {
    if (!this.kept.has(query)) return false;
    // Most recently used last.
    this.kept.delete(query);
    this.kept.add(query);
    return true;
  }

  add(query: string): void {
    if (query.length > TOKEN_CHECKED_CHARACTERS_KEPT) return;
    this.kept.add(query);
    this.characters += query.length;
    while (this.kept.size > TOKEN_CHECKED_DOCUMENTS_KEPT || this.characters > TOKEN_CHECKED_CHARACTERS_KEPT) {
      const oldest = this.kept.values().next().value as string;
      this.kept.delete(oldest);
      this.characters -= oldest.length;
    }
  }
}

/**
 * The token limit applies while parsing, before a huge document becomes a syntax tree. Apollo parses
 * by itself (no hook can replace its parser, and errors thrown from its parsing hooks become 500s),
 * so the request's query is run through graphql-armor's counting parser in front of Apollo, on the
 * Express route. Syntax errors are left to Apollo, which reports them.
 */
export function tokenLimit(maxTokens: number): RequestHandler {
  const options = {
    n: maxTokens,
    onReject: [
      () => {
        throw new QueryLimitError('tokens', maxTokens);
      },
    ],
    propagateOnRejection: false,
    exposeLimits: false,
  };
  const within = new WithinTokenLimit();
  return (req, res, next) => {
    const query: unknown =
      req.method === 'GET' ? req.query?.query : (req.body as { query?: unknown } | undefined)?.query;
    if (typeof query !== 'string' || within.has(query)) return next();
    try {
      new MaxTokensParserWLexer(query, options).parseDocument();
      within.add(query);
    } catch (error) {
      if (error instanceof QueryLimitError) {
        sendGraphQLError(res, 400, error.message, { code: QUERY_TOO_COMPLEX, limit: 'tokens', max: maxTokens });
        return;
      }
    }
    next();
  };
}
