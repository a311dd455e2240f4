/**
 * Edit distance counting a swap of two neighbouring letters as one edit (optimal string
 * alignment), because "titel" for "title" is the typo people make.
 */
export function distance(a: string, b: string): number {
  if (a === b) return 0;
  const rows: number[][] = [Array.from({ length: b.length + 1 }, (_, j) => j)];
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(rows[i - 1]![j]! + 1, row[j - 1]! + 1, rows[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, rows[i - 2]![j - 2]! + 1);
      row[j] = best;
    }
    rows.push(row);
  }
  return rows[a.length]![b.length]!;
}

/** Three rows reused by every call of distanceWithin, grown as needed: no allocation per pair. */
let scratch: [Int32Array, Int32Array, Int32Array] = [new Int32Array(64), new Int32Array(64), new Int32Array(64)];

/**
 * The distance between `a` and `b` when it is at most `bound`, else Infinity. Only cells
 * within `bound` of the diagonal can hold such a distance, so only those are worked out
 * (the rest of a row is set to "over the bound"), and it stops as soon as a whole row
 * exceeds the bound: a check that suggests an id for each of a thousand typos, among
 * thousands of ids, stays fast.
 */
export function distanceWithin(a: string, b: string, bound: number): number {
  if (Math.abs(a.length - b.length) > bound) return Infinity;
  if (a === b) return 0;
  // No distance exceeds the longer length; a larger bound would only risk overflowing the rows.
  bound = Math.min(bound, Math.max(a.length, b.length));
  const over = bound + 1;
  const width = b.length + 1;
  // The row before the previous one serves transpositions.
  if (scratch[0].length < width) scratch = [new Int32Array(width * 2), new Int32Array(width * 2), new Int32Array(width * 2)];
  let [before, previous, row] = scratch;
  for (let j = 0; j < width; j++) previous[j] = Math.min(j, over);
  for (let i = 1; i <= a.length; i++) {
    row.fill(over, 0, width);
    row[0] = Math.min(i, over);
    let rowMin = row[0];
    for (let j = Math.max(1, i - bound); j <= Math.min(b.length, i + bound); j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(previous[j]! + 1, row[j - 1]! + 1, previous[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, before[j - 2]! + 1);
      row[j] = Math.min(best, over);
      rowMin = Math.min(rowMin, row[j]!);
    }
    if (rowMin > bound) return Infinity;
    [before, previous, row] = [previous, row, before];
  }
  const result = previous[b.length]!;
  return result <= bound ? result : Infinity;
}

/** The closest candidate, if it is close enough to be a likely typo; the first of equals. */
export function closest(value: string, candidates: Iterable<string>): string | undefined {
  const limit = Math.max(1, Math.min(3, Math.floor(value.length / 3)));
  const wanted = value.toLowerCase();
  let best: string | undefined;
  let bestDistance = limit + 1;
  for (const candidate of candidates) {
    // Only a candidate nearer than the best so far can replace it.
    const d = distanceWithin(wanted, candidate.toLowerCase(), bestDistance - 1);
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
      if (d === 0) break;
    }
  }
  return best;
}

/** Whether one id's hyphenated words run, in order, inside the other's: "ledger" in "ledger-team". */
const wordsWithin = (short: string, long: string): boolean => short !== long && `-${long}-`.includes(`-${short}-`);

/**
 * The closest candidate, else the one candidate that holds the value's words or whose
 * words the value holds: a renamed entry ("ledger" → "ledger-team", "traction" →
 * "getting-traction") is too far for a typo, but plain to a reader. Ambiguous containment
 * suggests nothing.
 */
export function closestOrContaining(value: string, candidates: Iterable<string>): string | undefined {
  const near = closest(value, candidates);
  if (near !== undefined) return near;
  const wanted = value.toLowerCase();
  const within = [...candidates].filter((candidate) => wordsWithin(wanted, candidate.toLowerCase()) || wordsWithin(candidate.toLowerCase(), wanted));
  return within.length === 1 ? within[0] : undefined;
}
