/** One thing wrong (or worth a look) in the content, at a place an author can go to. */
export interface Problem {
  /** Path relative to the working directory. */
  file: string;
  /** 1-based line. */
  line: number;
  /** 1-based column. */
  column: number;
  severity: 'error' | 'warning';
  /** Stable rule id, e.g. `schema/unknown-key`; each has a page explaining it. */
  rule: string;
  message: string;
}

/** Files first, then position, so a report reads top to bottom like the files do. */
export function sortProblems(problems: Problem[]): Problem[] {
  return [...problems].sort(
    (a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column || a.rule.localeCompare(b.rule),
  );
}
