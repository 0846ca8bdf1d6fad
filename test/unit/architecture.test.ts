// The floor plan of src/main (docs/ARCHITECTURE.md): folders in layers that only import downward, the
// lint that enforces it, the picture that draws it, and the contract's transaction policy that the
// handler table must match.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ESLint } from 'eslint';
import { LAYERS, FOLDERS } from '../../scripts/layers.mjs';
import { api } from '../../src/shared/api';
import { handlers } from '../../src/main/app/handlers';
import { ACCOUNT_ROL } from '../../src/shared/domain';

const repo = path.resolve(import.meta.dirname, '../..');
const main = path.join(repo, 'src/main');

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(p);
    return /\.tsx?$/.test(e.name) ? [p] : [];
  });
}

/** Every relative import of a file: static, type-only, re-exports and dynamic import(). */
function importsOf(file: string): string[] {
  const src = fs.readFileSync(file, 'utf8');
  const specs: string[] = [];
  const re = /(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|^import\s+['"]([^'"]+)['"]/gm;
  for (let m = re.exec(src); m; m = re.exec(src)) specs.push(m[1] ?? m[2] ?? m[3]);
  return specs.filter((s) => s.startsWith('.'));
}

const folderOf = (file: string): string | null => {
  const rel = path.relative(main, file);
  if (rel.startsWith('..')) return null;
  return rel.includes(path.sep) ? rel.split(path.sep)[0] : null;
};

describe('the layers of src/main', () => {
  it('every folder of src/main has its place in the order, and every place is a folder', () => {
    const folders = fs
      .readdirSync(main, { withFileTypes: true })
      .filter((e) => e.isDirectory())
      .map((e) => e.name)
      .sort();
    expect(folders).toEqual([...FOLDERS].sort());
    expect(new Set(FOLDERS).size).toBe(FOLDERS.length);
  });

  it('no import runs up the order (type-only and dynamic imports included), so the folders have no cycle', () => {
    const upward: string[] = [];
    for (const file of sourceFiles(main)) {
      const from = folderOf(file);
      if (from === null) continue; // src/main/index.ts, the Electron door's entry
      for (const spec of importsOf(file)) {
        const to = folderOf(path.resolve(path.dirname(file), spec));
        if (to === null || to === from) continue;
        if (FOLDERS.indexOf(to) > FOLDERS.indexOf(from)) upward.push(`${path.relative(main, file)} -> ${spec}`);
      }
    }
    expect(upward).toEqual([]);
  });

  it('the lint refuses an upward import and names what the folder may import', async () => {
    const eslint = new ESLint({ cwd: repo });
    const [people] = await eslint.lintText("import { x } from '../letters/store';\nexport const y = x;\n", {
      filePath: path.join(main, 'people/example.ts'),
    });
    const messages = people.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatch(/people\/ is in the layer "reference data" and may import only kernel \(errors, files, audit, db, context\)/);
    const [deep] = await eslint.lintText("import { x } from '../../dashboard/dashboard';\nexport const y = x;\n", {
      filePath: path.join(main, 'obligations/rules/example.ts'),
    });
    expect(deep.messages.some((m) => m.ruleId === 'no-restricted-imports')).toBe(true);
    const [down] = await eslint.lintText("import { x } from '../people/names';\nexport const y = x;\n", {
      filePath: path.join(main, 'letters/example.ts'),
    });
    expect(down.messages.filter((m) => m.ruleId === 'no-restricted-imports')).toEqual([]);
  });

  it('docs/ARCHITECTURE.md draws every layer with exactly its folders', () => {
    const doc = fs.readFileSync(path.join(repo, 'docs/ARCHITECTURE.md'), 'utf8');
    for (const layer of LAYERS) {
      const line = doc.split('\n').find((l) => l.trimStart().replace(/^[|│ ]+/, '').startsWith(layer.name));
      expect(line, `a diagram line for "${layer.name}"`).toBeDefined();
      const drawn = [...line!.matchAll(/([A-Za-z]+)\//g)].map((m) => m[1]);
      expect(drawn, layer.name).toEqual(layer.folders);
    }
  });
});

describe('the transaction policy is the contract’s', () => {
  const table = handlers as Record<string, unknown>;

  it('every method of the contract has a handler, and every handler a method', () => {
    expect(Object.keys(table).sort()).toEqual(Object.keys(api).sort());
  });

  it("a 'call' write never awaits (the core runs it in one transaction); a 'steps' write does (it commits its own steps)", () => {
    const wrong: string[] = [];
    for (const [method, def] of Object.entries(api)) {
      const isAsync = (table[method] as { constructor: { name: string } }).constructor.name === 'AsyncFunction';
      if (def.kind === 'write' && def.transaction === 'call' && isAsync) wrong.push(`${method}: awaits, but is a one-transaction write`);
      if (def.kind === 'write' && def.transaction === 'steps' && !isAsync) wrong.push(`${method}: writeInSteps, but does not await`);
    }
    expect(wrong).toEqual([]);
  });
});

describe('who may call a method is the contract’s (docs/SERVER.md, "Wat de rollen mogen")', () => {
  it('every method declares its roles, only known ones, and the school leader may call every method', () => {
    const wrong: string[] = [];
    for (const [method, def] of Object.entries(api)) {
      const rollen = (def as { rollen?: readonly string[] }).rollen;
      if (!Array.isArray(rollen) || rollen.length === 0) wrong.push(`${method}: declares no roles`);
      else {
        if (!rollen.includes('schoolleider')) wrong.push(`${method}: not for the schoolleider`);
        for (const r of rollen) if (!(ACCOUNT_ROL.codes as readonly string[]).includes(r)) wrong.push(`${method}: unknown role ${r}`);
      }
    }
    expect(wrong).toEqual([]);
  });
});
