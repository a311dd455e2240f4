import type { Phase } from '../../schemas/phases.ts';
import type { Team } from '../../schemas/teams.ts';
import type { Entry } from '../org/types.ts';
import { accessibility, xyString } from './mermaid.ts';
import type { PodGroup } from './org.ts';

/**
 * Planned product investment against the current phase's recommended range: a Mermaid
 * XY chart. The technical share is the rest (the two sum to 100), so one axis says it all.
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

export function investmentSource(chart: InvestmentChart): string {
  const lines = [
    'xychart',
    ...accessibility(chart.title, chart.description),
    `  x-axis [${chart.labels.map(xyString).join(', ')}]`,
    `  y-axis ${xyString('Product work (%)')} 0 --> 100`,
    `  bar [${chart.values.join(', ')}]`,
  ];
  if (chart.range) {
    for (const bound of chart.range) lines.push(`  line [${chart.labels.map(() => bound).join(', ')}]`);
  }
  return `${lines.join('\n')}\n`;
}
