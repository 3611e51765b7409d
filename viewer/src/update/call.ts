/**
 * The update page's requests: only /update-api/* with the token in the Authorization header. The
 * token is taken out of the address bar at once (kept for this tab in sessionStorage, so a reload
 * works).
 */
const TOKEN_KEY = 'quartiernetz-update-token';
let token = '';

/** Reads the token from the fragment (and removes it there) or from this tab's storage. */
export function takeToken(): string {
  const match = /(?:^#|&)token=([^&]+)/.exec(location.hash);
  if (match) {
    sessionStorage.setItem(TOKEN_KEY, decodeURIComponent(match[1]!));
    history.replaceState(null, '', location.pathname + location.search);
  }
  token = sessionStorage.getItem(TOKEN_KEY) ?? '';
  return token;
}

// The answer of each endpoint is read field by field where it is used.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Json = any;

export async function call(
  path: 'entry' | 'answer' | 'withdraw-consent',
  body: unknown = {},
): Promise<{ status: number; json: Json }> {
  const response = await fetch(`/update-api/${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify(body),
    credentials: 'omit',
    referrerPolicy: 'no-referrer',
  });
  let json: unknown = null;
  try {
    json = await response.json();
  } catch {
    json = null;
  }
  return { status: response.status, json };
}
