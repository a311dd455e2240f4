import { technicalKindLabels } from '../labels.ts';
import { isoDay } from '../dates.ts';
import type { Org } from '../org/build.ts';
import { sortRoadmap } from '../roadmap.ts';
import { accessibility, escapeLabel } from './mermaid.ts';

/**
 * The product roadmap (from streams) and the technical roadmap (from council minutes,
 * each id at its latest version) on one time axis: a Mermaid Gantt chart.
 */

/** How far ahead the roadmap chart looks, in months from the start of the build's month. */
export const roadmapMonths = 12;

/** Past this many streams, /roadmap/ adds one chart per stream below the combined one. */
export const roadmapStreamLimit = 6;

export type BarState = 'done' | 'active' | 'crit' | undefined;

export interface RoadmapBar {
  label: string;
  /** Start and end within the chart's window (work that started earlier starts at the window). */
  from: Date;
  to: Date;
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
      // Dropped work is not on the roadmap; the table beside the chart still lists it.
      if (item.status === 'dropped') return [];
      const span = clip(item.from, item.to, window);
      return span ? [{ label: item.item, ...span, state: productStates[item.status ?? ''], status: item.status }] : [];
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
      return span ? [{ label: item.item, ...span, state: when, teams: item.teams, teamNames: item.teams.map((team) => org.ref('team', team).label) }] : [];
    });
    if (bars.length > 0) sections.push({ label: `Technical: ${technicalKindLabels[kind]}`, track: 'technical', bars });
  }
  if (sections.length === 0) return undefined;
  return {
    title,
    description: `Product roadmap items by value stream and technical roadmap items by kind, from ${isoDay(window.from)} to ${isoDay(window.to)}.`,
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

export function roadmapSource(chart: RoadmapChart): string {
  const lines = [
    'gantt',
    ...accessibility(chart.title, chart.description),
    '  dateFormat YYYY-MM-DD',
    '  axisFormat %b %Y',
    '  tickInterval 1month',
    // The build's date is drawn as a milestone instead: a today marker would be the day the SVG was rendered.
    '  todayMarker off',
  ];
  for (const section of chart.sections) {
    lines.push(`  section ${escapeLabel(section.label)}`);
    for (const bar of section.bars) {
      // Gantt end dates are exclusive; the roadmap's are the last day of the work.
      const end = new Date(bar.to.getTime() + day);
      lines.push(`    ${escapeLabel(barText(bar))} :${bar.state ? `${bar.state}, ` : ''}${isoDay(bar.from)}, ${isoDay(end)}`);
    }
  }
  lines.push('  section Today', `    Build date ${escapeLabel(isoDay(chart.today))} :milestone, ${isoDay(chart.today)}, 0d`);
  return `${lines.join('\n')}\n`;
}
