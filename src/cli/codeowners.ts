#!/usr/bin/env node
/**
 * `npm run codeowners`: writes .github/CODEOWNERS from the content, so the right people
 * review each pull request. `handbook check` warns when the committed file is out of date.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { contentDirProblem, loadConfigOrExit } from '../lib/config.ts';
import { today } from '../lib/dates.ts';
import { codeownersMessages } from '../lib/messages.ts';
import { CODEOWNERS_FILE, codeownersText } from '../lib/repo/codeowners.ts';

const config = loadConfigOrExit();
const unreadable = contentDirProblem(config.contentDir);
if (unreadable) {
  console.error(unreadable);
  process.exit(1);
}
const relative = path.relative(config.root, config.contentDir);
if (relative.startsWith('..') || path.isAbsolute(relative)) {
  console.error(codeownersMessages.outsideRepository(CODEOWNERS_FILE, config.contentDir));
  process.exit(1);
}
const written = codeownersText(config.contentDir, config.root, today());
if ('leftOut' in written) {
  console.error(codeownersMessages.leftOut(CODEOWNERS_FILE, written.leftOut));
  process.exit(1);
}
const { text } = written;
const file = path.join(config.root, CODEOWNERS_FILE);
// A CODEOWNERS written by hand holds rules this program cannot rebuild: leave it alone.
if (existsSync(file) && !readFileSync(file, 'utf8').replace(/\r\n/g, '\n').startsWith(codeownersMessages.generated)) {
  console.error(codeownersMessages.handWritten(CODEOWNERS_FILE));
  process.exit(1);
}
mkdirSync(path.dirname(file), { recursive: true });
writeFileSync(file, text);
console.log(codeownersMessages.written(CODEOWNERS_FILE, text.split('\n').filter((line) => line.startsWith('/') && !line.split(' ')[0]!.endsWith('/')).length));
