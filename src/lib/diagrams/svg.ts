/**
 * SVG drawn by our own code, for charts whose layout is fixed: bars, a timeline, a team's
 * neighbourhood; and, with a layered layout (layered.ts), the org chart and the topology.
 * Mermaid in a headless browser takes 10 to 30 ms a chart; at a thousand charters with
 * three charts each that was most of the build (65 s of 97 s, measured by `npm run
 * bench`). These take microseconds, need no browser, and are part of the page from the
 * moment it is rendered. Every diagram an author writes, and the decisions timeline,
 * still go through Mermaid.
 *
 * Every text that reaches the SVG passes through `escapeXml`; nothing from content is
 * ever written as markup.
 */
/** Text for HTML or SVG, in content or in a quoted attribute. */
export function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

/** Arial's advance widths (1/1000 em) for printable ASCII, from its metrics; Liberation Sans matches them. */
const asciiWidths = [
  278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278, 556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556, 1015, 667, 667, 722,
  722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778, 667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556, 333, 556, 556, 500, 556, 556, 278, 556, 556,
  222, 222, 500, 222, 833, 556, 556, 556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584,
];

/** The width of a line of text in the charts' font, in pixels; generous for letters outside ASCII. */
export function textWidth(text: string, fontSize: number, bold = false): number {
  let units = 0;
  for (const char of text) {
    const code = char.codePointAt(0)!;
    units += code >= 32 && code <= 126 ? asciiWidths[code - 32]! : code >= 0x2e80 ? 1000 : 620;
  }
  return (units / 1000) * fontSize * (bold ? 1.08 : 1);
}

/** Shortens a label to fit `width`, ending it with an ellipsis; the full text goes in a tooltip and the table beside the chart. */
export function fitText(text: string, width: number, fontSize: number, bold = false): string {
  if (textWidth(text, fontSize, bold) <= width) return text;
  const chars = [...text];
  while (chars.length > 1 && textWidth(`${chars.join('')}…`, fontSize, bold) > width) chars.pop();
  return `${chars.join('').trimEnd()}…`;
}

/** The charts' font, Mermaid's and ours alike: fonts every build machine and reader has. */
export const fontFamily = 'Arial, Helvetica, "Liberation Sans", sans-serif';
export const fontSize = 14;

/**
 * A style string such as `fill:#fff,stroke:#111,stroke-width:2px` (the same strings the
 * Mermaid charts use) as SVG presentation attributes, ready to write; `text` (from
 * `color`) and `stroke` come back as plain values for the caller to use.
 */
export function styleAttributes(style: string): { shape: string; text: string; stroke: string } {
  const shape: string[] = [];
  let text = '#111';
  let stroke = '#333';
  for (const part of style.split(',')) {
    const [name, value] = part.split(':').map((piece) => piece.trim());
    if (!name || !value || !/^[a-z-]+$/.test(name)) continue;
    if (name === 'color') text = value;
    else shape.push(`${name}="${escapeXml(value.replace(/px$/, ''))}"`);
    if (name === 'stroke') stroke = value;
  }
  return { shape: shape.join(' '), text, stroke };
}

/** The outer element: sized in pixels, scaled down by CSS only when the reader's screen is narrower. */
export function svgDocument(width: number, height: number, chart: { title: string; description: string }, body: string): string {
  const w = Math.ceil(width);
  const h = Math.ceil(height);
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}" font-family="${escapeXml(fontFamily)}" font-size="${fontSize}" class="chart">` +
    `<title>${escapeXml(chart.title)}</title><desc>${escapeXml(chart.description)}</desc>${body}</svg>`
  );
}

/** A number for an SVG attribute: one decimal at most, so output stays small and stable. */
export const n = (value: number): string => String(Math.round(value * 10) / 10);

export interface Point {
  x: number;
  y: number;
}

/** A filled arrowhead at `tip`, pointing along the line from `from`; no marker ids, so many charts can share a page. */
export function arrowHead(from: Point, tip: Point, colour: string): string {
  const angle = Math.atan2(tip.y - from.y, tip.x - from.x);
  const size = 9;
  const point = (a: number) => `${n(tip.x - size * Math.cos(angle + a))},${n(tip.y - size * Math.sin(angle + a))}`;
  return `<polygon points="${n(tip.x)},${n(tip.y)} ${point(0.45)} ${point(-0.45)}" fill="${escapeXml(colour)}"/>`;
}
