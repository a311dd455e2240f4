import { existsSync } from 'node:fs';
import path from 'node:path';
import { messages } from '../messages.ts';
import { sortProblems, type Problem } from './problem.ts';
import { checkReferences, knownIds } from './rules/references.ts';
import { checkSchema } from './rules/schema.ts';
import { readSources } from './source.ts';

export interface CheckResult {
  problems: Problem[];
  files: number;
}

/** Checks a whole content root and returns every problem found, in file order. */
export function checkContent(contentDir: string, cwd: string = process.cwd()): CheckResult {
  if (!existsSync(contentDir)) throw new Error(messages.contentDirMissing(contentDir));
  const { sources, problems, existing } = readSources(contentDir, cwd);
  const ids = knownIds(sources, existing);
  const contentLabel = path.relative(cwd, contentDir) || '.';
  for (const source of sources) {
    problems.push(...checkSchema(source), ...checkReferences(source, ids, contentLabel));
  }
  return {
    problems: sortProblems(problems),
    files: new Set([...sources.map((source) => source.file), ...problems.map((problem) => problem.file)]).size,
  };
}
