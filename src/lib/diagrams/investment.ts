import type { Phase } from '../../schemas/phases.ts';
import type { Team } from '../../schemas/teams.ts';
import type { Entry } from '../org/types.ts';
import { escapeXml, fitText, fontSize, n, svgDocument, textWidth } from './svg.ts';
import type { PodGroup } from './org.ts';

/**
 * Planned product investment against the current phase's recommended range. The
 * technical share is the rest (the two sum to 100), so one axis says it all.
 */

/** Above this many bars one chart is unreadable: the phases page then charts each group of pods. */
export const investmentBarLimit = 24;

/** The groups of pods to chart on the phases page: all at once, or one chart per group when there are many. */
export function investmentGroups(groups: PodGroup[]): { label: string; teams: Entry<Team>[] }[] {
  const planned = groups.map((group) => ({ label: group.label, teams: group.pods.filter((team) => team.data.investment) }));
  const all = planned.flatMap((group) => group.teams);
  if (all.length <= investmentBarLimit) return all.length > 0 ? [{ label: 'All pods', teams: all }] : [];
  return planned.filter((group) => group.teams.length > 0);
}

export interface InvestmentChart {
  title: string;
  description: string;
  /** Bar labels, left to right. */
  labels: string[];
  /** Product share of each bar, in percent. */
  values: number[];
  /** The phase's recommended product range, drawn as two lines across the bars. */
  range?: [number, number] | undefined;
}

/** Each team's planned product share; teams with no plan are left out (the table says so). */
export function investmentChart(teams: Entry<Team>[], phase: Entry<Phase> | undefined, title: string): InvestmentChart | undefined {
  const planned = teams.filter((team) => team.data.investment);
  if (planned.length === 0) return undefined;
  const range = phase?.data.investment?.product;
  return {
    title,
    description: range
      ? `Bars: each team's planned product work in percent; the rest is technical work. Lines: the ${phase?.data.name} phase's recommended range, ${range[0]}% to ${range[1]}%.`
      : "Bars: each team's planned product work in percent; the rest is technical work.",
    labels: planned.map((team) => team.data.name),
    values: planned.map((team) => team.data.investment?.product ?? 0),
    range,
  };
}

/** One team's plan beside the phase's minimum and maximum, for its charter page. */
export function teamInvestmentChart(team: Entry<Team>, phase: Entry<Phase> | undefined): InvestmentChart | undefined {
  const mix = team.data.investment;
  if (!mix) return undefined;
  const range = phase?.data.investment?.product;
  const name = phase?.data.name ?? 'current phase';
  return {
    title: `${team.data.name}: planned product investment`,
    description: range
      ? `${team.data.name} plans ${mix.product}% product work and ${mix.technical}% technical work; the ${name} phase recommends ${range[0]}% to ${range[1]}% product work.`
      : `${team.data.name} plans ${mix.product}% product work and ${mix.technical}% technical work.`,
    labels: range ? ['Planned', `${name} minimum`, `${name} maximum`] : ['Planned'],
    values: range ? [mix.product, range[0], range[1]] : [mix.product],
  };
}

/**
 * Horizontal bars of product share, 0 to 100%, with the phase's range as two dashed
 * lines. Drawn as SVG by our own code (see svg.ts).
 */
export function investmentSvg(chart: InvestmentChart): string {
  const pad = 8;
  const rowHeight = 26;
  const scale = 400;
  const labelWidth = Math.min(280, Math.max(...chart.labels.map((label) => textWidth(label, fontSize))) + 16);
  const left = pad + labelWidth;
  const x = (percent: number) => left + (percent / 100) * scale;
  const width = left + scale + 48 + pad;
  const parts: string[] = [];
  let y = pad;
  // The axis: 0, 20 … 100 %, with light grid lines down the chart.
  const axis = 18;
  const top = y + axis;
  const bottom = top + chart.labels.length * rowHeight;
  for (let tick = 0; tick <= 100; tick += 20) {
    parts.push(`<line x1="${n(x(tick))}" y1="${n(top)}" x2="${n(x(tick))}" y2="${n(bottom)}" stroke="#e5e7eb"/>`);
    parts.push(`<text x="${n(x(tick))}" y="${n(y + 12)}" text-anchor="middle" font-size="12" fill="#374151">${tick}%</text>`);
  }
  y = top;
  chart.labels.forEach((label, index) => {
    const value = chart.values[index] ?? 0;
    parts.push(
      `<g><title>${escapeXml(`${label}: ${value}% product work`)}</title>` +
        `<text x="${pad}" y="${n(y + 17)}" fill="#111">${escapeXml(fitText(label, labelWidth - 12, fontSize))}</text>` +
        `<rect x="${n(left)}" y="${n(y + 4)}" width="${n(Math.max(1, x(value) - left))}" height="18" fill="#bfe3f5" stroke="#2b7bb9"/>` +
        `<text x="${n(x(value) + 6)}" y="${n(y + 17)}" fill="#111">${value}%</text></g>`,
    );
    y += rowHeight;
  });
  if (chart.range) {
    for (const bound of chart.range) {
      parts.push(`<line x1="${n(x(bound))}" y1="${n(top - 2)}" x2="${n(x(bound))}" y2="${n(bottom + 2)}" stroke="#b45309" stroke-width="2" stroke-dasharray="5 3"/>`);
    }
    parts.push(`<text x="${n(left)}" y="${n(bottom + 16)}" font-size="12" fill="#111">Dashed lines: the recommended range, ${chart.range[0]}% to ${chart.range[1]}%</text>`);
    y += 20;
  }
  return svgDocument(width, y + pad, chart, parts.join(''));
}
