/**
 * Sending update links by e-mail (SMTP_URL) against an SMTP server started inside the test
 * (smtp-server), never a real one: each actor with an e-mail address gets one message holding its
 * own link; without SMTP_URL, `send: true` is refused and no link is made.
 */
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { batenbrock } from '../../../seed/batenbrock';
import { createEmbeddedStore } from '../../src/store/embedded';
import type { NetworkStore } from '../../src/store/network-store';
import { startHttpApi, type HttpApi } from '../support/http-api';

const CREATE = `mutation($input: CreateUpdateLinksInput!) { createUpdateLinks(input: $input) { links { url email link { actorId } } mail { sent withoutEmail failedActorIds } } }`;

interface Received {
  to: string[];
  raw: string;
}

describe('update links sent by e-mail', () => {
  let smtp: SMTPServer;
  let received: Received[];
  let store: NetworkStore;
  let api: HttpApi | undefined;

  beforeEach(async () => {
    received = [];
    smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onData(stream, session, callback) {
        let raw = '';
        stream.setEncoding('utf8');
        stream.on('data', (chunk: string) => (raw += chunk));
        stream.on('end', () => {
          received.push({ to: session.envelope.rcptTo.map((r) => r.address), raw });
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
    store = createEmbeddedStore({ filename: ':memory:' });
    await store.init();
  });

  afterEach(async () => {
    await api?.stop();
    api = undefined;
    await store.close();
    await new Promise<void>((resolve) => smtp.close(() => resolve()));
    delete process.env.SMTP_URL;
    delete process.env.MAIL_FROM;
  });

  const ask = async (input: Record<string, unknown>) =>
    (await (await api!.post({ query: CREATE, variables: { input } })).json()) as { data: any; errors?: any[] };

  test('each actor with an e-mail address gets its own link; the others are counted', async () => {
    process.env.SMTP_URL = `smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}`;
    process.env.MAIL_FROM = 'Quartiersmanagement <quartier@stadt.example>';
    api = await startHttpApi(store, { seed: batenbrock });
    await store.updateActor('bobbie-ev', { contact: 'Gartenbüro, garten@bobbie-ev.example' });
    await store.updateActor('repair-cafe-batenbrock', { contact: 'Tel. 0201 123, mailto:hallo@repair.example' });
    const { data, errors } = await ask({
      actorIds: ['bobbie-ev', 'repair-cafe-batenbrock', 'stadt-bottrop'],
      send: true,
    });
    expect(errors).toBeUndefined();
    expect(data.createUpdateLinks.mail).toEqual({ sent: 2, withoutEmail: 1, failedActorIds: [] });
    const links = data.createUpdateLinks.links as Array<{
      url: string;
      email: string | null;
      link: { actorId: string };
    }>;
    expect(links.map((l) => l.email)).toEqual(['garten@bobbie-ev.example', 'hallo@repair.example', null]);
    expect(received.map((m) => m.to)).toEqual([['garten@bobbie-ev.example'], ['hallo@repair.example']]);
    for (const [i, message] of received.entries()) {
      const body = message.raw.replace(/=\r?\n/g, '').replace(/=3D/g, '=');
      expect(body).toContain(links[i]!.url);
      expect(body).not.toContain(links[1 - i]!.url);
      expect(message.raw).toMatch(/^From: Quartiersmanagement <quartier@stadt\.example>/m);
    }
  });

  test('without SMTP_URL, send: true is refused and no link is made', async () => {
    api = await startHttpApi(store, { seed: batenbrock });
    const { errors } = await ask({ actorIds: ['bobbie-ev'], send: true });
    expect(errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.send' });
    expect(await store.updateLinks({})).toEqual([]);
    expect(received).toEqual([]);
  });
});
