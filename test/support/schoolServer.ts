// A real school server (src/main/server/server.ts) for tests: a fresh encrypted database in a temp
// folder, on 127.0.0.1 at a free port, with the names localhost and 127.0.0.1, the accounts'
// login, no automatic backup and no log. The integration tests and the end-to-end harness share it.
//
//   const cert = await testCertificate();          // self-signed, with a one-page renderer build
//   const { server, close } = await startTestServer({ certificate: cert.certificate, staticDir: cert.staticDir });
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { startServer } from '../../src/main/server/server';
import type { SchoolServer, ServerOptions } from '../../src/main/server/server';
import { selfSignedCertificate } from '../../src/main/server/tls';
import type { ServerCertificate } from '../../src/main/server/tls';
import { accountsAuthenticator, sessionStillValid } from '../../src/main/server/accountsLink';

export const TEST_HOST_NAMES = ['127.0.0.1', 'localhost'];

/** A self-signed certificate for the test host names and a minimal renderer build beside it; remove() deletes both. */
export async function testCertificate(
  prefix = 'sp-test-cert-',
): Promise<{ certificate: ServerCertificate; staticDir: string; dir: string; remove(): void }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  const certificate = await selfSignedCertificate(dir, TEST_HOST_NAMES);
  const staticDir = path.join(dir, 'renderer');
  fs.mkdirSync(staticDir);
  fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><html><head><title>t</title></head><body></body></html>');
  return { certificate, staticDir, dir, remove: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

/** Starts a school server on a new database; close() stops it and removes the database folder. */
export async function startTestServer(
  opts: Pick<ServerOptions, 'certificate' | 'staticDir'> & Partial<ServerOptions> & { prefix?: string },
): Promise<{ server: SchoolServer; dir: string; close(): Promise<void> }> {
  const { prefix, ...extra } = opts;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix ?? 'sp-test-server-'));
  const server = await startServer({
    dbPath: path.join(dir, 'schoolprotocol.db'),
    key: randomBytes(32).toString('hex'),
    create: true,
    port: 0,
    listen: '127.0.0.1',
    hostNames: TEST_HOST_NAMES,
    authenticate: accountsAuthenticator,
    stillValid: sessionStillValid,
    log: () => {},
    automaticBackups: false,
    ...extra,
  });
  return {
    server,
    dir,
    async close() {
      await server.close();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
