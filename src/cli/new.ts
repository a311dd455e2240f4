#!/usr/bin/env node
/**
 * `npm run new -- <team|person|stream|asset|minutes> <id>`: creates a content file from a
 * template that passes `handbook check` as written.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { closest } from '../lib/check/suggest.ts';
import { contentDirProblem, loadConfigOrExit } from '../lib/config.ts';
import { daysBetween, isoDay, today } from '../lib/dates.ts';
import { isId } from '../lib/ids.ts';
import { newMessages } from '../lib/messages.ts';
import { readOrg } from '../lib/org/read.ts';
import { newFile, templateKinds, type TemplateKind } from '../lib/repo/templates.ts';

function fail(message: string): never {
  console.error(message);
  process.exit(1);
}

const [kind, givenId] = process.argv.slice(2);
if (!kind) fail(newMessages.usage);
const kinds = Object.keys(templateKinds);
if (!kinds.includes(kind)) fail(newMessages.unknownKind(kind, closest(kind, kinds)));
const config = loadConfigOrExit();
const unreadable = contentDirProblem(config.contentDir);
if (unreadable) fail(unreadable);
const org = readOrg(config.contentDir, today());
const id = givenId ?? (kind === 'minutes' ? isoDay(org.today) : fail(newMessages.usage));
/** A real calendar day written YYYY-MM-DD (not 2026-02-30). */
const realDay = (value: string) => /^\d{4}-\d{2}-\d{2}$/.test(value) && !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) && isoDay(new Date(`${value}T00:00:00Z`)) === value;
if (kind === 'minutes' ? !realDay(id) : !isId(id)) fail(kind === 'minutes' ? newMessages.badDate(id) : newMessages.badId(id));
// The check allows minutes one cadence ahead (the next meeting's), and no further (org/future-date).
if (kind === 'minutes' && daysBetween(org.today, new Date(`${id}T00:00:00Z`)) > config.check.councilCadenceDays) fail(newMessages.tooFarAhead(id, config.check.councilCadenceDays));

const file = newFile(kind as TemplateKind, id, org);
const target = path.join(config.contentDir, file.path);
const shown = path.relative(process.cwd(), target);
// The same entry under its other extension (runway.mdx for runway.md, .yml for .yaml) would make two files for one id.
const siblings = ['.md', '.mdx', '.yaml', '.yml'].map((extension) => target.replace(/\.(md|mdx|yaml|yml)$/, extension));
const existing = siblings.find((candidate) => existsSync(candidate));
if (existing) fail(newMessages.exists(path.relative(process.cwd(), existing)));
mkdirSync(path.dirname(target), { recursive: true });
writeFileSync(target, file.text);
console.log(newMessages.created(shown));
