import { mermaidConfig } from '../../diagrams/render.ts';
import { diagramMessages } from '../../messages.ts';
import { cacheKey, CheckCache } from '../cache.ts';
import type { Problem } from '../problem.ts';

/** A fenced ```mermaid block found in a page body. */
export interface MermaidBlock {
  file: string;
  /** File line of the block's first source line (the line after the fence). */
  line: number;
  /** Column the block's content is indented to, 1-based. */
  column: number;
  source: string;
}

interface MermaidLike {
  parse(text: string): Promise<unknown>;
  initialize(config: Record<string, unknown>): void;
}

let mermaid: Promise<MermaidLike> | undefined;

/**
 * Mermaid's parser, loaded only when some page has a diagram. Parsing needs no browser,
 * but Mermaid installs DOMPurify hooks on load, which need a DOM: outside a browser
 * DOMPurify is an empty shell, given no-op hooks here. Nothing is rendered, so nothing
 * is sanitised; the build's renderer runs the real DOMPurify in Chromium.
 */
function loadMermaid(): Promise<MermaidLike> {
  mermaid ??= (async () => {
    const { default: purify } = await import('dompurify');
    const shell = purify as unknown as Record<string, unknown>;
    if (typeof shell['addHook'] !== 'function') {
      Object.assign(shell, { addHook() {}, removeHook() {}, removeHooks() {}, removeAllHooks() {}, sanitize: (text: unknown) => String(text) });
    }
    const { default: loaded } = await import('mermaid');
    const parser = loaded as unknown as MermaidLike;
    // The build's limits, so the check neither refuses a chart the build draws (601 edges) nor passes one it would not.
    parser.initialize({ maxEdges: mermaidConfig.maxEdges, maxTextSize: mermaidConfig.maxTextSize });
    return parser;
  })();
  return mermaid;
}

/**
 * Mermaid drops comment and directive lines, leading blank lines and a frontmatter block before it
 * parses, so its line numbers count only what is left. This maps them back: the
 * original line (1-based) of each line Mermaid kept.
 */
function keptLines(source: string): number[] {
  const lines = source.split('\n');
  const kept: number[] = [];
  let index = 0;
  if (/^---\s*$/.test(lines[0] ?? '')) {
    const close = lines.findIndex((line, at) => at > 0 && /^---\s*$/.test(line));
    if (close > 0) index = close + 1;
  }
  for (; index < lines.length; index++) {
    const line = lines[index]!;
    // Comments, and %%{init}%% directives, which Mermaid also takes out before it parses.
    if (/^\s*%%./.test(line)) continue;
    if (kept.length === 0 && line.trim() === '') continue;
    kept.push(index + 1);
  }
  return kept;
}

/** Shortens Mermaid's "Expecting 'A', 'B', … got 'C'" to a readable length. */
function expectation(text: string): string {
  const match = /Expecting (.*), got (.*)$/.exec(text);
  if (!match) return text;
  const expected = match[1]!.split(', ');
  const list = expected.length > 4 ? `${expected.slice(0, 4).join(', ')}, …` : expected.join(', ');
  return `expected ${list} but found ${match[2]}`;
}

/** Where in the block Mermaid says the error is (1-based line, column when known), and what it says. */
export function mermaidError(error: unknown, source: string): { line: number; column: number; detail: string; unknownType: boolean } {
  const lines = source.split('\n');
  const kept = keptLines(source);
  const original = (line: number) => kept[Math.min(Math.max(line, 1), kept.length) - 1] ?? 1;
  const message = error instanceof Error ? error.message : String(error);
  const name = error instanceof Error ? error.name || error.constructor.name : '';
  if (name === 'UnknownDiagramError' || /No diagram type detected/.test(message)) {
    return { line: original(1), column: 1, detail: message, unknownType: true };
  }
  const hash = (error as { hash?: { line?: number; loc?: { first_line?: number; first_column?: number } } }).hash;
  let line: number;
  let column: number;
  let said: string;
  if (hash) {
    // Jison-based grammars (flowchart, sequence, gantt, …): the message's last line says what was expected.
    line = original(hash.loc?.first_line ?? (hash.line ?? 0) + 1);
    column = (hash.loc?.first_column ?? 0) + 1;
    said = expectation(message.split('\n').filter((text) => text.trim() !== '').at(-1) ?? message);
  } else {
    // Langium-based grammars (pie, architecture, …): "… on line 3, column 7: …".
    const at = /line (\d+), column (\d+)/.exec(message);
    line = original(Number(at?.[1] ?? 1));
    column = Number(at?.[2] ?? 1);
    said = message.replace(/^Parsing failed:\s*/, '').split(/\n|\.\s/)[0] ?? message;
  }
  const text = (lines[line - 1] ?? '').trim();
  return { line, column, detail: `${text ? `at "${text}": ` : ''}${said.replace(/\.$/, '')}`, unknownType: false };
}

/**
 * Impossible days in a gantt chart whose dates are written YYYY-MM-DD (the default):
 * Mermaid parses "2026-13-45" and only fails when it draws the chart, in the build. Each is
 * reported at its line and column in the block (1-based). Other date formats are left to
 * the build, which names the line.
 */
export function impossibleGanttDates(source: string): { line: number; column: number; written: string }[] {
  const lines = source.split('\n');
  const kept = keptLines(source);
  if (!/^\s*gantt\b/.test(lines[(kept[0] ?? 1) - 1] ?? '')) return [];
  const format = lines.map((line) => /^\s*dateFormat\s+(\S+)/.exec(line)?.[1]).find(Boolean) ?? 'YYYY-MM-DD';
  if (format !== 'YYYY-MM-DD') return [];
  const found: { line: number; column: number; written: string }[] = [];
  for (const number of kept) {
    const line = lines[number - 1]!;
    // Only where a task's dates go ("Name : id, 2026-01-05, 3d"), not a title's words.
    if (!line.includes(':') || /^\s*(title|section|accTitle|accDescr)\b/.test(line)) continue;
    const data = line.slice(line.indexOf(':'));
    for (const match of data.matchAll(/(?<![\w-])(\d{4})-(\d{1,2})-(\d{1,2})(?![\w-])/g)) {
      const [written, year, month, day] = match as unknown as [string, string, string, string];
      const date = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day)));
      if (date.getUTCMonth() !== Number(month) - 1 || date.getUTCDate() !== Number(day)) found.push({ line: number, column: line.length - data.length + match.index + 1, written });
    }
  }
  return found;
}

/**
 * Parses every Mermaid block with Mermaid itself; a block that does not parse is an error
 * at its line. Blocks the cache saw parse are not parsed again, and when no block is left
 * Mermaid is not even loaded.
 */
export async function checkDiagrams(blocks: MermaidBlock[], cache: CheckCache = CheckCache.none()): Promise<Problem[]> {
  const problems: Problem[] = [];
  for (const block of blocks) {
    for (const { line, column, written } of impossibleGanttDates(block.source)) {
      problems.push({ file: block.file, line: block.line + line - 1, column: block.column - 1 + column, severity: 'error', rule: 'diagrams/syntax', message: diagramMessages.ganttDate(written) });
    }
  }
  const unseen = blocks.map((block) => ({ block, key: cacheKey('mermaid', block.source) })).filter(({ key }) => !cache.diagramParsed(key));
  if (unseen.length === 0) return problems;
  const parser = await loadMermaid();
  for (const { block, key } of unseen) {
    try {
      await parser.parse(block.source);
      cache.storeDiagram(key);
    } catch (error) {
      const found = mermaidError(error, block.source);
      const first = block.source.split('\n')[found.line - 1]?.trim().split(/\s/)[0] ?? '';
      problems.push({
        file: block.file,
        line: block.line + found.line - 1,
        column: block.column - 1 + (found.line === 1 ? 1 : found.column),
        severity: 'error',
        rule: 'diagrams/syntax',
        message: found.unknownType ? diagramMessages.unknownType(first) : diagramMessages.syntax(found.detail),
      });
    }
  }
  return problems;
}
