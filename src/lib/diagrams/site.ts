import type { Org } from '../org/build.ts';
import { decisionTimeline, decisionTimelineSource } from './decisions.ts';
import { flowchartSource } from './flowchart.ts';
import { orgChart, orgChartGroupLimit, orgOverview, podGroups, pods, type PodGroup } from './org.ts';
import { topologyChart, topologyOverview } from './topology.ts';

/**
 * The Mermaid sources of the site's generated graphs, page by page. The pages draw from
 * these functions, and so does the build's early start (`mermaidSources`), which renders
 * them in the background while Astro renders the pages: one definition of each chart.
 */

/** A large organisation gets an overview and one chart per group; a small one, one chart. The org chart counts pods… */
export function splitOrgCharts(org: Org): boolean {
  return pods(org).length > orgChartGroupLimit;
}

/** …and the topology counts every team, the leadership team included. */
export function splitTopologyCharts(org: Org): boolean {
  return org.teams.size > orgChartGroupLimit;
}

export function orgOverviewSource(org: Org, groups: PodGroup[]): string {
  return flowchartSource(orgOverview(org, groups));
}

export function orgGroupSource(org: Org, group: PodGroup): string {
  return flowchartSource(orgChart(org, group.pods, `Org chart: ${group.label}`));
}

export function orgAllSource(org: Org): string {
  return flowchartSource(orgChart(org, pods(org), 'Org chart'));
}

export function topologyOverviewSource(org: Org, groups: PodGroup[]): string {
  return flowchartSource(topologyOverview(org, groups));
}

export function topologyGroupSource(org: Org, group: PodGroup): string {
  return flowchartSource(topologyChart(org, `Team topology: ${group.label}`, group.pods));
}

export function topologyAllSource(org: Org): string {
  return flowchartSource(topologyChart(org, 'Team topology'));
}

export function decisionsSource(org: Org): string | undefined {
  const timeline = decisionTimeline(org);
  return timeline && decisionTimelineSource(timeline);
}

/** Every generated Mermaid source the site will contain: /org/, /topology/ and /council/decisions/. */
export function mermaidSources(org: Org): string[] {
  const groups = podGroups(org);
  const sources = [
    ...(splitOrgCharts(org) ? [orgOverviewSource(org, groups), ...groups.map((group) => orgGroupSource(org, group))] : [orgAllSource(org)]),
    ...(splitTopologyCharts(org) ? [topologyOverviewSource(org, groups), ...groups.map((group) => topologyGroupSource(org, group))] : [topologyAllSource(org)]),
  ];
  const decisions = decisionsSource(org);
  return decisions ? [...sources, decisions] : sources;
}
