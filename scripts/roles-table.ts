// The table of docs/SERVER.md, "Wat de rollen mogen", made from the contract: which role may call
// which method (src/shared/api/roles.ts). `npx tsx scripts/roles-table.ts` writes it between the
// markers in docs/SERVER.md; test/integration/roles.test.ts fails when the two differ.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { api } from '../src/shared/api';
import { ACCOUNT_ROL } from '../src/shared/domain';

export const BEGIN = '<!-- rollen:begin (made by scripts/roles-table.ts) -->';
export const END = '<!-- rollen:end -->';
export const SERVER_MD = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'docs', 'SERVER.md');

/**
 * One row per area (the method name's first part) and set of roles, in the contract's order: the
 * methods of "people" that the same roles may call share a row.
 */
export function rolesTable(): string {
  const roles = ACCOUNT_ROL.codes;
  const rows: { area: string; key: string; methods: string[]; rollen: readonly string[] }[] = [];
  for (const [name, def] of Object.entries(api)) {
    const dot = name.indexOf('.');
    const area = name.slice(0, dot);
    const key = roles.filter((r) => def.rollen.includes(r)).join(',');
    const row = rows.find((r) => r.area === area && r.key === key);
    if (row) row.methods.push(name.slice(dot + 1));
    else rows.push({ area, key, methods: [name.slice(dot + 1)], rollen: def.rollen });
  }
  const head = `| Area | Methods | ${roles.join(' | ')} |`;
  const rule = `|${' --- |'.repeat(roles.length + 2)}`;
  const body = rows.map(
    (r) => `| ${r.area} | ${r.methods.join(', ')} | ${roles.map((role) => (r.rollen.includes(role) ? '✓' : '')).join(' | ')} |`,
  );
  return [head, rule, ...body].join('\n');
}

/** docs/SERVER.md with the table between the markers replaced by `table`. */
export function withTable(doc: string, table: string): string {
  const a = doc.indexOf(BEGIN);
  const b = doc.indexOf(END);
  if (a < 0 || b < a) throw new Error(`docs/SERVER.md mist de markeringen ${BEGIN} … ${END}`);
  return `${doc.slice(0, a + BEGIN.length)}\n${table}\n${doc.slice(b)}`;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  fs.writeFileSync(SERVER_MD, withTable(fs.readFileSync(SERVER_MD, 'utf8'), rolesTable()));
  console.log(`Tabel van de rollen bijgewerkt in ${SERVER_MD}`);
}
