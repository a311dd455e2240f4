import { technicalKindLabels } from '../labels.ts';
import { humanDate } from '../dates.ts';
import type { Org } from '../org/build.ts';
import { sortRoadmap } from '../roadmap.ts';
import { escapeXml, fitText, fontSize, n, svgDocument, textWidth } from './svg.ts';

/**
 * The product roadmap (from streams) and the technical roadmap (from council minutes,
 * each id at its latest version) on one time axis.
 */

/** How far ahead the roadmap chart looks, in months from the start of the build's month. */
export const roadmapMonths = 12;

/** Past this many streams, /roadmap/ adds one chart per stream below the combined one. */
export const roadmapStreamLimit = 6;

export type BarState = 'done' | 'active' | 'crit' | undefined;

export interface RoadmapBar {
  label: string;
  /** Start and end within the chart's window (work that started earlier starts at the window): where the bar is drawn. */
  from: Date;
  to: Date;
  /** The item's own start and end, which readers are told (in the table and the bar's tooltip). */
  start: Date;
  end: Date;
  state: BarState;
  /** Product items: the status the stream gave it. */
  status?: string | undefined;
  /** Technical items: the teams doing the work, by id and by name. */
  teams?: string[] | undefined;
  teamNames?: string[] | undefined;
}

export interface RoadmapSection {
  label: string;
  /** `product` for a stream's roadmap, `technical` for council items. */
  track: 'product' | 'technical';
  bars: RoadmapBar[];
}

export interface RoadmapChart {
  title: string;
  description: string;
  from: Date;
  to: Date;
  today: Date;
  sections: RoadmapSection[];
}

export interface RoadmapScope {
  /** Streams whose product roadmap is shown; all when omitted. */
  streams?: string[];
  /** Only technical items that name one of these teams; all when omitted. */
  teams?: string[];
}

const productStates: Record<string, BarState> = { done: 'done', 'in-progress': 'active', 'at-risk': 'crit' };

/** The window the chart covers: from the first of the build's month, `roadmapMonths` ahead. */
export function roadmapWindow(today: Date): { from: Date; to: Date } {
  const from = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), 1));
  const to = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth() + roadmapMonths, 0));
  return { from, to };
}

/** Clips a bar to the window; undefined when it lies wholly outside. */
function clip(from: Date, to: Date, window: { from: Date; to: Date }): { from: Date; to: Date } | undefined {
  if (to < window.from || from > window.to) return undefined;
  return { from: from < window.from ? window.from : from, to: to > window.to ? window.to : to };
}

/** The roadmap chart for a scope; undefined when nothing falls in the window. */
export function roadmapChart(org: Org, title: string, scope: RoadmapScope = {}): RoadmapChart | undefined {
  const window = roadmapWindow(org.today);
  const sections: RoadmapSection[] = [];
  const streams = scope.streams ? scope.streams.flatMap((id) => org.streams.get(id) ?? []) : [...org.streams.values()];
  for (const stream of streams) {
    const bars = sortRoadmap(stream.data.roadmap).flatMap((item): RoadmapBar[] => {
      // Dropped work is not on the roadmap; the stream's page still lists it under every item.
      if (item.status === 'dropped') return [];
      const span = clip(item.from, item.to, window);
      return span ? [{ label: item.item, ...span, start: item.from, end: item.to, state: productStates[item.status ?? ''], status: item.status }] : [];
    });
    if (bars.length > 0) sections.push({ label: `Product: ${stream.data.name}`, track: 'product', bars });
  }
  const teams = scope.teams ? new Set(scope.teams) : undefined;
  const technical = org.technicalRoadmap.filter((item) => !teams || item.teams.some((team) => teams.has(team)));
  for (const kind of Object.keys(technicalKindLabels) as (keyof typeof technicalKindLabels)[]) {
    const bars = technical.flatMap((item): RoadmapBar[] => {
      if (item.kind !== kind) return [];
      const span = clip(item.start, item.end, window);
      const when = item.start <= org.today && org.today <= item.end ? 'active' : item.end < org.today ? 'done' : undefined;
      return span
        ? [{ label: item.item, ...span, start: item.start, end: item.end, state: when, teams: item.teams, teamNames: item.teams.map((team) => org.ref('team', team).label) }]
        : [];
    });
    if (bars.length > 0) sections.push({ label: `Technical: ${technicalKindLabels[kind]}`, track: 'technical', bars });
  }
  if (sections.length === 0) return undefined;
  return {
    title,
    description: `Product roadmap items by value stream and technical roadmap items by kind, from ${humanDate(window.from)} to ${humanDate(window.to)}.`,
    ...window,
    today: org.today,
    sections,
  };
}

const day = 24 * 60 * 60 * 1000;

/** A bar's label on the chart: technical work names its teams, so the chart says who does it. */
function barText(bar: RoadmapBar): string {
  return bar.teamNames && bar.teamNames.length > 0 ? `${bar.label} (${bar.teamNames.join(', ')})` : bar.label;
}

/** Fill and border per bar state; the legend under the chart names them. Text on each fill passes 4.5:1. */
const barStyles: Record<NonNullable<BarState> | 'planned', { fill: string; stroke: string; legend: string }> = {
  active: { fill: '#bfe3f5', stroke: '#2b7bb9', legend: 'In progress' },
  planned: { fill: '#fde9a9', stroke: '#8f7400', legend: 'Planned' },
  crit: { fill: '#b42318', stroke: '#7a1a12', legend: 'At risk' },
  done: { fill: '#d9d9d9', stroke: '#6b7280', legend: 'Done' },
};

const monthNames = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * The roadmap as a timeline: one row per item under its section, month columns, the build
 * date as a dashed line. Drawn as SVG by our own code (see svg.ts).
 */
export function roadmapSvg(chart: RoadmapChart): string {
  const pad = 8;
  const rowHeight = 24;
  const sectionHeight = 26;
  const monthWidth = 72;
  const labels = chart.sections.flatMap((section) => [textWidth(section.label, fontSize, true), ...section.bars.map((bar) => textWidth(barText(bar), fontSize))]);
  const labelWidth = Math.min(360, Math.max(160, ...labels) + 16);
  const months: Date[] = [];
  for (let month = new Date(chart.from); month <= chart.to; month = new Date(Date.UTC(month.getUTCFullYear(), month.getUTCMonth() + 1, 1))) months.push(month);
  const left = pad + labelWidth;
  const timeline = months.length * monthWidth;
  const start = chart.from.getTime();
  const span = chart.to.getTime() + day - start;
  const x = (date: Date) => left + ((date.getTime() - start) / span) * timeline;
  const width = left + timeline + pad;

  const parts: string[] = [];
  let y = pad;
  // Month labels and the grid.
  const axisHeight = 22;
  months.forEach((month, index) => {
    const mx = x(month);
    const next = index + 1 < months.length ? x(months[index + 1]!) : left + timeline;
    parts.push(`<text x="${n((mx + next) / 2)}" y="${n(y + 15)}" text-anchor="middle" font-size="12" fill="#374151">${monthNames[month.getUTCMonth()]} ${month.getUTCFullYear()}</text>`);
  });
  y += axisHeight;
  const top = y;
  for (const section of chart.sections) {
    parts.push(`<rect x="${pad}" y="${n(y)}" width="${n(width - 2 * pad)}" height="${sectionHeight}" fill="#f1f5f9"/>`);
    parts.push(`<text x="${pad + 6}" y="${n(y + 18)}" font-weight="bold" fill="#111">${escapeXml(fitText(section.label, labelWidth + timeline - 12, fontSize, true))}</text>`);
    y += sectionHeight;
    for (const bar of section.bars) {
      const style = barStyles[bar.state ?? 'planned'];
      const x1 = x(bar.from);
      const x2 = Math.max(x1 + 3, x(new Date(bar.to.getTime() + day)));
      const text = barText(bar);
      parts.push(
        `<g><title>${escapeXml(`${text}: ${humanDate(bar.start)} to ${humanDate(bar.end)}${bar.status ? `, ${bar.status}` : ''}`)}</title>` +
          `<text x="${pad + 6}" y="${n(y + 16)}" fill="#111">${escapeXml(fitText(text, labelWidth - 16, fontSize))}</text>` +
          `<rect x="${n(x1)}" y="${n(y + 4)}" width="${n(x2 - x1)}" height="16" rx="3" fill="${style.fill}" stroke="${style.stroke}"/></g>`,
      );
      y += rowHeight;
    }
  }
  const bottom = y;
  const grid = months.map((month) => `<line x1="${n(x(month))}" y1="${n(top)}" x2="${n(x(month))}" y2="${n(bottom)}" stroke="#d1d5db"/>`).join('');
  const today = x(chart.today);
  parts.push(`<line x1="${n(today)}" y1="${n(top - 4)}" x2="${n(today)}" y2="${n(bottom + 4)}" stroke="#111" stroke-width="1.5" stroke-dasharray="4 3"/>`);
  y += 8;
  const todayLabel = `Build date ${humanDate(chart.today)}`;
  const todayX = Math.min(Math.max(today, left + textWidth(todayLabel, 12) / 2), width - pad - textWidth(todayLabel, 12) / 2);
  parts.push(`<text x="${n(todayX)}" y="${n(y + 12)}" text-anchor="middle" font-size="12" fill="#111">${escapeXml(todayLabel)}</text>`);
  y += 22;
  // The legend: states by name, not by colour alone.
  let lx = pad;
  for (const style of Object.values(barStyles)) {
    parts.push(`<rect x="${n(lx)}" y="${n(y + 2)}" width="14" height="12" rx="2" fill="${style.fill}" stroke="${style.stroke}"/><text x="${n(lx + 20)}" y="${n(y + 12)}" font-size="12" fill="#111">${style.legend}</text>`);
    lx += 28 + textWidth(style.legend, 12);
  }
  y += 18 + pad;
  return svgDocument(width, y, chart, grid + parts.join(''));
}
