/**
 * The page's access to the API: the API key of this tab and the role it holds. A key arrives in
 * the URL fragment (`/#key=qn_…`, the link the server prints at its first start), is kept in
 * sessionStorage (this tab only, gone when it closes) and removed from the address bar at once,
 * so it is neither bookmarked nor shown; the fragment never reaches the server's logs. Every
 * request sends it as `Authorization: Bearer`. The role (asked with `me`) decides whether the page
 * asks for contact data: only editors and admins may read it.
 */
const STORAGE_KEY = 'quartiernetz.apiKey';

export type Role = 'VIEWER' | 'EDITOR' | 'ADMIN';

function storage(): Storage | null {
  try {
    return window.sessionStorage;
  } catch {
    return null; // storage disabled: the key lives as long as the page
  }
}

let memoryKey: string | null = null;

export function apiKey(): string | null {
  return storage()?.getItem(STORAGE_KEY) ?? memoryKey;
}

export function setApiKey(key: string): void {
  memoryKey = key;
  storage()?.setItem(STORAGE_KEY, key);
}

export function forgetApiKey(): void {
  memoryKey = null;
  storage()?.removeItem(STORAGE_KEY);
}

/** Moves `#key=…` from the address into sessionStorage; other fragment parameters stay. */
export function takeKeyFromUrl(): void {
  const params = new URLSearchParams(location.hash.slice(1));
  const key = params.get('key');
  if (key === null) return;
  if (key.trim()) setApiKey(key.trim());
  params.delete('key');
  const rest = params.toString();
  history.replaceState(history.state, '', `${location.pathname}${location.search}${rest ? `#${rest}` : ''}`);
}

export function authHeaders(): Record<string, string> {
  const key = apiKey();
  return key ? { authorization: `Bearer ${key}` } : {};
}

let role: Promise<Role | null> = Promise.resolve(null);

/** The role of this page's principal, once `me` has answered (null: unknown, treated as a viewer). */
export function setRole(answer: Promise<Role | null>): void {
  role = answer.catch(() => null);
  void role.then((r) => {
    if (r) document.body.dataset.role = r;
    else delete document.body.dataset.role;
  });
}

/** Editors and admins write: they arrange the map for everyone (positions.ts). */
export async function canEdit(): Promise<boolean> {
  const r = await role;
  return r === 'EDITOR' || r === 'ADMIN';
}

export async function canSeeContact(): Promise<boolean> {
  const r = await role;
  return r === 'EDITOR' || r === 'ADMIN';
}
