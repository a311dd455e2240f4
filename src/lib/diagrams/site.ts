import type { Org } from '../org/build.ts';
import { decisionTimeline, decisionTimelineSource } from './decisions.ts';
import { layeredSvg } from './layered.ts';
import { orgChart, orgChartGroupLimit, orgOverview, podGroups, pods, type PodGroup } from './org.ts';
import { topologyChart, topologyOverview } from './topology.ts';

/**
 * The site's generated graphs, page by page. The org chart and the topology are drawn as
 * SVG by our layered layout while the page renders. The decisions timeline is Mermaid: the
 * page holds its source, and the build's early start (`mermaidSources`) draws it in the
 * background while Astro renders the pages, from the same function.
 */

/** A large organisation gets an overview and one chart per group; a small one, one chart. The org chart counts pods… */
export function splitOrgCharts(org: Org): boolean {
  return pods(org).length > orgChartGroupLimit;
}

/** …and the topology counts every team, the leadership team included. */
export function splitTopologyCharts(org: Org): boolean {
  return org.teams.size > orgChartGroupLimit;
}

/** The static paths of /org/<group>/ or /topology/<group>/: one page per group, when the charts are split. */
export function groupPagePaths(org: Org, split: boolean): { params: { group: string }; props: { group: PodGroup } }[] {
  return split ? podGroups(org).map((group) => ({ params: { group: group.key }, props: { group } })) : [];
}

export function orgOverviewSvg(org: Org, groups: PodGroup[]): string {
  return layeredSvg(orgOverview(org, groups));
}

export function orgGroupSvg(org: Org, group: PodGroup): string {
  return layeredSvg(orgChart(org, group.pods, `Org chart: ${group.label}`));
}

export function orgAllSvg(org: Org): string {
  return layeredSvg(orgChart(org, pods(org), 'Org chart'));
}

export function topologyOverviewSvg(org: Org, groups: PodGroup[]): string {
  return layeredSvg(topologyOverview(org, groups));
}

export function topologyGroupSvg(org: Org, group: PodGroup): string {
  return layeredSvg(topologyChart(org, `Team topology: ${group.label}`, group.pods));
}

export function topologyAllSvg(org: Org): string {
  return layeredSvg(topologyChart(org, 'Team topology'));
}

export function decisionsSource(org: Org): string | undefined {
  const timeline = decisionTimeline(org);
  return timeline && decisionTimelineSource(timeline);
}

/** Every generated Mermaid source the site will contain: the decisions timeline on /council/decisions/. */
export function mermaidSources(org: Org): string[] {
  const decisions = decisionsSource(org);
  return decisions ? [decisions] : [];
}
