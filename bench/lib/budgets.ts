import { kb, type Weights } from './weights.ts';

export interface Budget {
  what: string;
  limit: number;
  actual: number | undefined;
  /** How to print the limit and the actual value. */
  format: (value: number) => string;
}

/** What a reader downloads (issues 5 and 7). */
export function weightBudgets(weights: Weights): Budget[] {
  const page = (name: string) => weights.pages.find((row) => row.name === name);
  return [
    { what: 'charter JavaScript before searching', limit: 2 * 1024, actual: page('charter')?.js, format: kb },
    { what: 'charter HTML', limit: 30 * 1024, actual: page('charter')?.html, format: kb },
    { what: 'quiz page JavaScript', limit: 20 * 1024, actual: page('quiz')?.js, format: kb },
    { what: 'first search, all bytes', limit: 200 * 1024, actual: weights.firstSearch.total, format: kb },
  ];
}

/** Prints each budget as ok or OVER; true when all hold. */
export function reportBudgets(budgets: Budget[]): boolean {
  console.log('\nBudgets:');
  let ok = true;
  for (const { what, limit, actual, format } of budgets) {
    const holds = actual !== undefined && actual <= limit;
    ok &&= holds;
    console.log(`  ${holds ? 'ok  ' : 'OVER'} ${what}: ${actual === undefined ? 'not measured' : format(actual)} (budget ${format(limit)})`);
  }
  return ok;
}
