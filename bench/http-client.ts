/** A small GraphQL-over-HTTP client: keep-alive connections, JSON in and out, errors thrown. */
import http from 'node:http';

export interface GraphQLClient {
  request<T = unknown>(query: string, variables?: Record<string, unknown>): Promise<T>;
  close(): void;
}

/**
 * `headers` go with every request (e.g. bench/auth.ts benchHeaders()); `onText`, when given, sees each
 * answer's whole text as it arrives, before it is parsed (bench/busy-page-after.ts times that moment).
 */
export function graphqlClient(
  url: string,
  maxSockets = 64,
  headers: Record<string, string> = {},
  onText?: (text: string) => void,
): GraphQLClient {
  const agent = new http.Agent({ keepAlive: true, maxSockets });
  const target = new URL(url);
  return {
    request<T>(query: string, variables: Record<string, unknown> = {}): Promise<T> {
      const body = JSON.stringify({ query, variables });
      return new Promise<T>((resolve, reject) => {
        const req = http.request(
          {
            agent,
            host: target.hostname,
            port: target.port,
            path: target.pathname,
            method: 'POST',
            headers: { ...headers, 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
          },
          (res) => {
            const chunks: Buffer[] = [];
            res.on('data', (c: Buffer) => chunks.push(c));
            res.on('end', () => {
              const text = Buffer.concat(chunks).toString('utf8');
              onText?.(text);
              let parsed: { data?: T; errors?: Array<{ message: string }> };
              try {
                parsed = JSON.parse(text);
              } catch {
                reject(new Error(`HTTP ${res.statusCode}: ${text.slice(0, 200)}`));
                return;
              }
              if (parsed.errors?.length) reject(new Error(parsed.errors.map((e) => e.message).join('; ')));
              else if (res.statusCode !== 200) reject(new Error(`HTTP ${res.statusCode}`));
              else resolve(parsed.data as T);
            });
            res.on('error', reject);
          },
        );
        req.on('error', reject);
        req.end(body);
      });
    },
    close: () => agent.destroy(),
  };
}
