/**
 * type-graphql's AuthChecker for `@Authorized(role)`: the principal must hold `role` or a higher
 * one (roles are ordered, domain/roles.ts). Without a principal: UNAUTHENTICATED; with a role too
 * low: FORBIDDEN on that field. It throws its own coded errors rather than answering false, so the
 * codes do not depend on type-graphql's defaults.
 */
import type { AuthCheckerFn } from 'type-graphql';
import { parseRole, ROLES, roleAtLeast, type Role } from '../../domain/roles';
import type { GraphQLContext } from '../../platform/graphql/context';
import { forbiddenError, unauthenticatedError } from './access-errors';

export const authChecker: AuthCheckerFn<GraphQLContext, Role> = ({ context, info }, roles) => {
  const principal = context.principal;
  if (!principal) {
    throw unauthenticatedError(
      'Sign in: send "Authorization: Bearer <API key or token>" (this server allows no anonymous access)',
    );
  }
  // Fails closed: a misspelt role in a decorator is an error, never a pass.
  if (roles.some((r) => parseRole(r) !== r)) throw new Error(`@Authorized with an unknown role: ${roles.join(', ')}`);
  const required = roles.length === 0 ? ROLES[0] : roles.reduce((low, r) => (roleAtLeast(low, r) ? r : low));
  if (!roleAtLeast(principal.role, required)) {
    throw forbiddenError(
      `${info.parentType.name}.${info.fieldName} needs the role ${required}; "${principal.name}" has ${principal.role}`,
    );
  }
  return true;
};
