#!/usr/bin/env node
/**
 * `npm run import:backstage -- FILE... [--out DIR]`: people files and draft charters from a
 * Backstage catalog's Group and User entities. Files edited since an earlier import are kept.
 */
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { contentDirProblem, loadConfigOrExit } from '../lib/config.ts';
import { isoDay, today } from '../lib/dates.ts';
import { planImport, readCatalog, untouchedImport } from '../lib/import/backstage.ts';
import { importMessages } from '../lib/messages.ts';

const { values, positionals } = parseArgs({ options: { out: { type: 'string' } }, allowPositionals: true });
if (positionals.length === 0) {
  console.error(importMessages.usage);
  process.exit(1);
}
const missing = positionals.filter((file) => !existsSync(file) || !statSync(file).isFile());
if (missing.length > 0) {
  for (const file of missing) console.error(importMessages.missingFile(file));
  process.exit(1);
}
/** The other file names the same entry could have. */
function siblings(file: string): string[] {
  const others: Record<string, string[]> = { '.md': ['.mdx'], '.yaml': ['.yml'] };
  const extension = path.extname(file);
  return (others[extension] ?? []).map((other) => file.slice(0, -extension.length) + other);
}

const out = values.out ? path.resolve(values.out) : loadConfigOrExit().contentDir;
// --out may name a folder still to be made, but not a file.
const unreadable = values.out && !existsSync(out) ? undefined : contentDirProblem(out);
if (unreadable) {
  console.error(unreadable);
  process.exit(1);
}
const { entities, unmapped } = readCatalog(positionals.map((file) => ({ path: file, text: readFileSync(file, 'utf8') })));
const plan = planImport(entities, isoDay(today()));
let written = 0;
let kept = 0;
for (const [relative, text] of plan.files) {
  const target = path.join(out, relative);
  // The same entry written by hand under the other extension (ledger.mdx, ana-costa.yml) is the team's: keep it.
  const sibling = siblings(target).find((file) => existsSync(file));
  if (sibling) {
    console.log(importMessages.kept(path.relative(process.cwd(), sibling)));
    kept++;
    continue;
  }
  if (existsSync(target)) {
    const existing = readFileSync(target, 'utf8');
    if (existing === text) continue;
    if (!untouchedImport(existing)) {
      console.log(importMessages.kept(path.relative(process.cwd(), target)));
      kept++;
      continue;
    }
  }
  mkdirSync(path.dirname(target), { recursive: true });
  writeFileSync(target, text);
  written++;
}
const all = [...unmapped, ...plan.unmapped];
for (const item of all) console.log(`Not mapped: ${item.where}  ${item.what}: ${item.why}`);
console.log(importMessages.summary(plan.people, plan.charters, written, kept, all.length));
