/**
 * Writing Mermaid source safely. Labels come from content (team names, roadmap items),
 * so every character Mermaid's grammars treat as syntax is written as one of Mermaid's
 * own entity codes (`#quot;`, `#58;`), never passed through raw.
 */

/** Characters that end or change a label in some Mermaid grammar, as Mermaid entity codes. */
const entities: Record<string, string> = {
  '#': '#35;',
  '"': '#quot;',
  ':': '#58;',
  ';': '#59;',
  '<': '#lt;',
  '>': '#gt;',
  '[': '#91;',
  ']': '#93;',
  '{': '#123;',
  '}': '#125;',
  '(': '#40;',
  ')': '#41;',
  '|': '#124;',
  '`': '#96;',
  '%': '#37;',
};

/** One line of label text, every syntax character escaped; line breaks become spaces. */
export function escapeLabel(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[#":;<>[\]{}()|`%]/g, (char) => entities[char] ?? char);
}

/** A quoted label that may span lines (`<br/>` is Mermaid's line break in flowcharts). */
export function quoted(...lines: string[]): string {
  return `"${lines.filter((line) => line.trim() !== '').map(escapeLabel).join('<br/>')}"`;
}

/** `accTitle`/`accDescr` lines: Mermaid writes them into the SVG's `<title>` and `<desc>`. */
export function accessibility(title: string, description: string): string[] {
  return [`  accTitle: ${escapeLabel(title)}`, `  accDescr: ${escapeLabel(description)}`];
}

/** Node ids Mermaid cannot misread: content ids such as `end` or `o-team` are grammar in some positions. */
export class NodeIds {
  readonly #ids = new Map<string, string>();

  get(key: string): string {
    let id = this.#ids.get(key);
    if (id === undefined) {
      id = `n${this.#ids.size + 1}`;
      this.#ids.set(key, id);
    }
    return id;
  }
}
