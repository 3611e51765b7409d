/**
 * Personal update links (docs/update-links.md): one UpdateLinkService per store, shared by the
 * GraphQL resolvers (editors) and the update page's endpoints (http.ts).
 */
import type { NetworkService } from '../../service/network-service';
import type { NetworkStore } from '../../store/network-store';
import { mailConfigFromEnv } from './mail';
import { UpdateLinkService } from './service';

export { UpdateLinkService } from './service';
export { updateApiRouter, DEFAULT_PER_TOKEN } from './http';

const services = new WeakMap<NetworkStore, UpdateLinkService>();

/** Where the links point: PUBLIC_URL, else this machine on PORT. */
export function publicBaseUrl(env: NodeJS.ProcessEnv = process.env): string {
  return env.PUBLIC_URL?.trim() || `http://localhost:${env.PORT ?? 4000}`;
}

/** The update-link service of the service's store (created on first use; PUBLIC_URL, SMTP_URL and MAIL_FROM read then). */
export function updateLinksFor(service: NetworkService): UpdateLinkService {
  let links = services.get(service.store);
  if (!links)
    services.set(
      service.store,
      (links = new UpdateLinkService(service, { baseUrl: publicBaseUrl(), mail: mailConfigFromEnv() })),
    );
  return links;
}
