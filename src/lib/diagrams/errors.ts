/**
 * Where in a diagram a Mermaid drawing error most likely is. Errors raised while drawing
 * (not parsing) carry no line, but most name what they stumbled on: "Invalid
 * date:2026-13-45", "Columns must be an integer !== 0." A word of the message (three
 * characters or more) found, as a whole word, on exactly one line of the source points
 * there; when the words that do so point at different lines, or none does ("circular
 * link", or a name written on several lines), nothing is claimed.
 */
export function errorLine(source: string, error: string): { line: number; word: string } | undefined {
  const lines = source.split('\n').map((line) => line.toLowerCase());
  const found = new Map<number, string>();
  const words = [...new Set(error.split('\n')[0]!.split(/[^\p{L}\p{N}_.-]+/u))].map((word) => word.replace(/^[.-]+|[.-]+$/g, '')).filter((word) => word.length >= 3);
  // A value the error quotes (a date, an id) says more than its prose ("Invalid", "must"):
  // when it names one, only such words count, so a task called "Reject invalid invoices" is not taken for it.
  const values = words.filter((word) => /[\p{N}_.-]/u.test(word));
  for (const bare of values.length > 0 ? values : words) {
    const pattern = new RegExp(`(?<![\\p{L}\\p{N}_-])${bare.toLowerCase().replace(/[.]/g, '\\.')}(?![\\p{L}\\p{N}_-])`, 'u');
    const at = lines.flatMap((line, index) => (pattern.test(line) ? [index] : []));
    if (at.length === 1 && !found.has(at[0]!)) found.set(at[0]!, bare);
  }
  const [only, ...others] = [...found];
  return only && others.length === 0 ? { line: only[0] + 1, word: only[1] } : undefined;
}
