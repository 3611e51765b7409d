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

/**
 * The spellings accepted for each role, compared exactly: the name in capitals (as the schema
 * writes it) or in small letters (as identity providers and the CLI write it). No case mapping is
 * applied — `toUpperCase()` would turn "admın" (dotless ı) into "ADMIN" — so "Admin", " admin",
 * "ADMİN" and any other spelling name no role.
 */
const SPELLINGS: ReadonlyMap<string, Role> = new Map(
  ROLES.flatMap(
    (role) =>
      [
        [role, role],
        [role.toLowerCase(), role],
      ] as Array<[string, Role]>,
  ),
);

/** `viewer` or `VIEWER`, `editor` or `EDITOR`, `admin` or `ADMIN` → the Role; anything else → null. */
export function parseRole(value: unknown): Role | null {
  return typeof value === 'string' ? (SPELLINGS.get(value) ?? null) : null;
}

/** The highest of the given roles, null when there is none. */
export function highestRole(roles: readonly Role[]): Role | null {
  let best: Role | null = null;
  for (const role of roles) if (best === null || roleAtLeast(role, best)) best = role;
  return best;
}
