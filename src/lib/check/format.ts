import { checkMessages, plural } from '../messages.ts';
import type { Problem } from './problem.ts';

export const formats = ['pretty', 'json', 'github'] as const;
export type Format = (typeof formats)[number];

/** `{file, line, column, severity, rule, message}` for every problem, and nothing else. */
export function formatJson(problems: Problem[]): string {
  return JSON.stringify(
    problems.map(({ file, line, column, severity, rule, message }) => ({ file, line, column, severity, rule, message })),
    null,
    2,
  );
}

// GitHub workflow commands: properties and data each have their own escaping.
const escapeData = (text: string) => text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const escapeProperty = (text: string) => escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');

/**
 * A message as a terminal or a pull request may show it: a right-to-left override or isolate
 * pasted into a value would reorder the rest of the line, so each is written as its code.
 */
export function shownMessage(message: string): string {
  return message.replace(/[\u202a-\u202e\u2066-\u2069]/g, (character) => `<U+${character.codePointAt(0)!.toString(16).toUpperCase()}>`);
}

/** One annotation per problem, shown on the changed line of a pull request. */
export function formatGithub(problems: Problem[]): string {
  const lines = problems.map(
    (p) => `::${p.severity} file=${escapeProperty(p.file)},line=${p.line},col=${p.column},title=${escapeProperty(p.rule)}::${escapeData(shownMessage(p.message))}`,
  );
  // GitHub shows the first ten errors and ten warnings of a step beside the code; say where the rest are.
  const errors = problems.filter((p) => p.severity === 'error').length;
  if (errors > githubShown || problems.length - errors > githubShown) lines.push(checkMessages.githubMore(errors, problems.length - errors, githubShown));
  return lines.join('\n');
}

/** Annotations of each severity GitHub shows for one step. */
const githubShown = 10;

function summary(problems: Problem[], files: number): string {
  const errors = problems.filter((p) => p.severity === 'error').length;
  const warnings = problems.length - errors;
  return `${plural(errors, 'error')}, ${plural(warnings, 'warning')} in ${plural(files, 'file')} checked.`;
}

/** For people: problems grouped by file, `line:column`, severity, message, rule; colour only when asked. */
export function formatPretty(problems: Problem[], files: number, colour = false, closing?: string): string {
  const paint = (code: number, text: string) => (colour ? `\u001b[${code}m${text}\u001b[0m` : text);
  const lines: string[] = [];
  let current: string | undefined;
  for (const p of problems) {
    if (p.file !== current) {
      if (current !== undefined) lines.push('');
      lines.push(paint(1, p.file));
      current = p.file;
    }
    const severity = p.severity === 'error' ? paint(31, 'error  ') : paint(33, 'warning');
    lines.push(`  ${`${p.line}:${p.column}`.padEnd(8)} ${severity}  ${shownMessage(p.message)}  ${paint(2, p.rule)}`);
  }
  if (lines.length > 0) lines.push('');
  lines.push(closing ?? (problems.length === 0 ? paint(32, `No problems: ${plural(files, 'file')} checked.`) : summary(problems, files)));
  return lines.join('\n');
}
