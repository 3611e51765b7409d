/**
 * The roles of Quartiernetz, ordered: every role can do what the roles below it can.
 * - VIEWER: read the network (no personal contact data);
 * - EDITOR: also write, and read contact data and the history;
 * - ADMIN: also delete, merge, undo, rebuild the projection and manage API keys.
 */
export const ROLES = ['VIEWER', 'EDITOR', 'ADMIN'] as const;
export type Role = (typeof ROLES)[number];

/** Whether `role` is `required` or above it. */
export function roleAtLeast(role: Role, required: Role): boolean {
  return ROLES.indexOf(role) >= ROLES.indexOf(required);
}

/** `viewer`, `Editor`, `ADMIN` … → the Role; anything else → null. */
export function parseRole(value: unknown): Role | null {
  if (typeof value !== 'string') return null;
  const upper = value.trim().toUpperCase();
  return (ROLES as readonly string[]).includes(upper) ? (upper as Role) : null;
}

/** The highest of the given roles, null when there is none. */
export function highestRole(roles: readonly Role[]): Role | null {
  let best: Role | null = null;
  for (const role of roles) if (best === null || roleAtLeast(role, best)) best = role;
  return best;
}
