// The file hash used for backups and restores: read in pieces (a school board's database copy is
// gigabytes), and exactly the same digest and size as hashing the whole file at once.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { sha256, sha256File } from '../../src/main/files/fileStore';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sp-sha-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

describe('sha256File', () => {
  it.each([0, 1, 1024 * 1024 - 1, 1024 * 1024, 2.5 * 1024 * 1024])('matches the whole-file digest for %i bytes', (size) => {
    const file = path.join(dir, `f-${size}`);
    const bytes = randomBytes(size);
    fs.writeFileSync(file, bytes);
    expect(sha256File(file)).toEqual({ sha256: sha256(bytes), grootte: size });
  });
});
