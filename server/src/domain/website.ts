/**
 * One rule for a website, for the API and the import: an http(s) address as given, or a bare host
 * as spreadsheets and people write it ("lesepaten-batenbrock.de", "www.bobbie.de") with https://
 * added. Anything else (another scheme, no host) is not a website: null.
 */
import { isURL } from 'class-validator';

const OPTIONS = { protocols: ['http', 'https'], require_protocol: true };

export function websiteAddress(text: string): string | null {
  const trimmed = text.trim();
  if (isURL(trimmed, OPTIONS)) return trimmed;
  if (!/^[a-z][a-z0-9+.-]*:/i.test(trimmed) && isURL(`https://${trimmed}`, OPTIONS)) return `https://${trimmed}`;
  return null;
}
