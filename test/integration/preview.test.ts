// The browser preview door against a real encrypted database: token, Host and Origin checks,
// body limit, methods, static files with the CSP, and a real API call through HTTP.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import http from 'node:http';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startPreview, MAX_BODY_BYTES } from '../../src/main/preview/server';
import type { Preview } from '../../src/main/preview/server';
import { contentSecurityPolicy } from '../../src/main/web/csp';

interface Res {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** A raw request, so tests can set Host and Origin freely (fetch would not). */
function request(port: number, opts: { method?: string; path: string; headers?: Record<string, string | number>; body?: string | Buffer; chunks?: Buffer[] }): Promise<Res> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, method: opts.method ?? 'GET', path: opts.path, headers: opts.headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    if (opts.chunks) {
      // Written piece by piece without Content-Length: Node sends it chunked.
      for (const c of opts.chunks) req.write(c);
      req.end();
    } else if (opts.body !== undefined) req.end(opts.body);
    else req.end();
  });
}

describe('browser preview server', () => {
  let dir: string;
  let preview: Preview;
  let host: string;
  const api = (method: string, body: unknown, headers: Record<string, string> = {}) =>
    request(preview.port, {
      method: 'POST',
      path: `/api/${method}`,
      headers: { host, 'content-type': 'application/json', authorization: `Bearer ${preview.token}`, ...headers },
      body: JSON.stringify(body),
    });

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sp-preview-'));
    const staticDir = path.join(dir, 'renderer');
    fs.mkdirSync(path.join(staticDir, 'assets'), { recursive: true });
    fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>Schoolprotocol</title>');
    fs.writeFileSync(path.join(staticDir, 'assets', 'app.js'), 'console.log(1)');
    fs.writeFileSync(path.join(dir, 'secret.txt'), 'geheim');
    preview = await startPreview({
      dbPath: path.join(dir, 'schoolprotocol.db'),
      key: randomBytes(32).toString('hex'),
      staticDir,
      now: () => new Date('2026-11-16T09:00:00Z'),
      log: () => {},
    });
    host = `127.0.0.1:${preview.port}`;
  });
  afterAll(async () => {
    await preview?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('listens on 127.0.0.1 with a random port and a 64-hex token in the URL', () => {
    expect(preview.port).toBeGreaterThan(0);
    expect(preview.token).toMatch(/^[0-9a-f]{64}$/);
    expect(preview.url).toBe(`http://127.0.0.1:${preview.port}/?token=${preview.token}`);
  });

  it('answers a real method call with the core result', async () => {
    const r = await api('app.status', {});
    expect(r.status).toBe(200);
    const body = JSON.parse(r.body);
    expect(body.ok).toBe(true);
    expect(body.value.hasSchool).toBe(false);
    expect(body.value.vandaag).toBe('2026-11-16');
    expect(r.headers['cache-control']).toBe('no-store');
  });

  it('passes validation errors through as Dutch results', async () => {
    const r = await api('school.save', { naam: '' });
    expect(r.status).toBe(200);
    const body = JSON.parse(r.body);
    expect(body.ok).toBe(false);
    expect(body.error.code).toBe('VALIDATIE');
    expect(body.error.fields.naam).toBe('Vul dit veld in.');
  });

  it('answers an unknown method with ONBEKENDE_METHODE', async () => {
    const r = await api('bestaat.niet', {});
    expect(JSON.parse(r.body).error.code).toBe('ONBEKENDE_METHODE');
  });

  it('refuses a missing or wrong token with 401', async () => {
    const none = await request(preview.port, { method: 'POST', path: '/api/app.status', headers: { host, 'content-type': 'application/json' }, body: '{}' });
    expect(none.status).toBe(401);
    expect(JSON.parse(none.body).error.code).toBe('GEEN_TOEGANG');
    const wrong = await api('app.status', {}, { authorization: `Bearer ${'0'.repeat(64)}` });
    expect(wrong.status).toBe(401);
    const almost = await api('app.status', {}, { authorization: `Bearer ${preview.token}x` });
    expect(almost.status).toBe(401);
  });

  it('refuses another Host (DNS rebinding) with 403, also for static files', async () => {
    for (const h of [`evil.example:${preview.port}`, `localhost:${preview.port}`, '127.0.0.1', `127.0.0.1:${preview.port + 1}`]) {
      expect((await api('app.status', {}, { host: h })).status).toBe(403);
      expect((await request(preview.port, { path: '/', headers: { host: h } })).status).toBe(403);
    }
  });

  it('refuses another Origin with 403 and accepts its own', async () => {
    expect((await api('app.status', {}, { origin: 'http://evil.example' })).status).toBe(403);
    expect((await api('app.status', {}, { origin: `http://localhost:${preview.port}` })).status).toBe(403);
    expect((await api('app.status', {}, { origin: 'null' })).status).toBe(403);
    expect((await api('app.status', {}, { 'sec-fetch-site': 'cross-site' })).status).toBe(403);
    expect((await api('app.status', {}, { origin: `http://${host}` })).status).toBe(200);
  });

  it('refuses non-POST API calls with 405', async () => {
    for (const method of ['GET', 'PUT', 'DELETE']) {
      const r = await request(preview.port, { method, path: '/api/app.status', headers: { host, authorization: `Bearer ${preview.token}` } });
      expect(r.status).toBe(405);
    }
  });

  it('refuses bodies over 40 MB with 413 without reaching the core', async () => {
    const declared = await request(preview.port, {
      method: 'POST',
      path: '/api/school.save',
      headers: { host, 'content-type': 'application/json', authorization: `Bearer ${preview.token}`, 'content-length': MAX_BODY_BYTES + 1 },
      body: Buffer.alloc(0),
    }).catch(() => ({ status: 413 }) as Res);
    expect(declared.status).toBe(413);
    // Chunked (no Content-Length): counted while reading.
    const piece = Buffer.alloc(1024 * 1024, 0x20);
    const chunked = await request(preview.port, {
      method: 'POST',
      path: '/api/school.save',
      headers: { host, 'content-type': 'application/json', authorization: `Bearer ${preview.token}` },
      chunks: Array.from({ length: 41 }, () => piece),
    }).catch(() => ({ status: 413 }) as Res);
    expect(chunked.status).toBe(413);
    const status = JSON.parse((await api('app.status', {})).body);
    expect(status.value.hasSchool).toBe(false);
  });

  it('refuses bad JSON (400) and non-JSON content types (415)', async () => {
    const bad = await request(preview.port, {
      method: 'POST',
      path: '/api/app.status',
      headers: { host, 'content-type': 'application/json', authorization: `Bearer ${preview.token}` },
      body: '{nee',
    });
    expect(bad.status).toBe(400);
    expect(JSON.parse(bad.body).error.message).toBe('De gegevens zijn geen geldige JSON.');
    const form = await request(preview.port, {
      method: 'POST',
      path: '/api/app.status',
      headers: { host, 'content-type': 'application/x-www-form-urlencoded', authorization: `Bearer ${preview.token}` },
      body: 'a=1',
    });
    expect(form.status).toBe(415);
  });

  it('serves the renderer with the strict CSP and never a file outside it', async () => {
    const index = await request(preview.port, { path: '/?token=abc', headers: { host } });
    expect(index.status).toBe(200);
    expect(index.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(index.headers['content-security-policy']).toBe(contentSecurityPolicy());
    expect(index.headers['x-content-type-options']).toBe('nosniff');
    const js = await request(preview.port, { path: '/assets/app.js', headers: { host } });
    expect(js.status).toBe(200);
    expect(js.headers['content-type']).toBe('text/javascript; charset=utf-8');
    for (const p of ['/../secret.txt', '/%2e%2e/secret.txt', '/assets/..%2f..%2fsecret.txt', '/%00', '/..%5csecret.txt']) {
      const r = await request(preview.port, { path: p, headers: { host } });
      expect(r.status, p).not.toBe(200);
      expect(r.body).not.toContain('geheim');
    }
    expect((await request(preview.port, { method: 'POST', path: '/index.html', headers: { host } })).status).toBe(405);
  });
});
