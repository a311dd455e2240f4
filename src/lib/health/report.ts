import { daysBetween, humanDate, isoDay } from '../dates.ts';
import { healthMessages } from '../messages.ts';
import { assetUpdated, type Org } from '../org/build.ts';
import { entryUrl, withBase } from '../urls.ts';

/** One thing that needs attention, with the page where it shows and the file to change. */
export interface HealthItem {
  label: string;
  detail: string;
  /** The site page to look at. */
  href: string;
  /** The content file to change, when one file fixes it. */
  file?: string | undefined;
}

export interface HealthSection {
  id: string;
  title: string;
  /** What to do about the items, in a sentence. */
  fix: string;
  items: HealthItem[];
}

export interface HealthSettings {
  reviewIntervalDays: number;
  councilCadenceDays: number;
  /** Days after which an asset counts as not updated; a year by default. */
  assetStaleDays?: number;
}

/**
 * What needs attention in the organisation, in the order `/health/` and `npm run check`
 * list it. Every section is always present, so an empty one reads as "nothing to do".
 */
export function healthReport(org: Org, settings: HealthSettings): HealthSection[] {
  const { reviewIntervalDays, councilCadenceDays, assetStaleDays = 365 } = settings;
  const teams = [...org.teams.values()];
  const section = (id: keyof typeof healthMessages.sections, items: HealthItem[]): HealthSection => ({ id, ...healthMessages.sections[id], items });

  // A draft is not yet an agreement to revisit: it is listed with what it still lacks.
  const stale = teams.flatMap((team) => {
    if (team.data.status === 'draft') return [];
    const days = org.daysSinceReview(team);
    if (days !== undefined && days <= reviewIntervalDays) return [];
    return [{ label: team.data.name, detail: days === undefined ? healthMessages.neverReviewed : healthMessages.reviewedDaysAgo(days), href: entryUrl('team', team.id), file: team.filePath }];
  });

  const drafts = teams
    .filter((team) => team.data.status === 'draft')
    .map((team) => {
      // What an active charter must have (the check's org/active-charter, org/tech-lead and org/stream-aligned-*).
      const { mission, techLead, productManager, metrics, type, stream } = team.data;
      const lacks = [
        ...(mission ? [] : ['a mission']),
        ...(techLead || type === 'leadership' ? [] : ['a tech lead']),
        ...(metrics.length > 0 ? [] : ['metrics']),
        ...(type === 'stream-aligned' && !stream ? ['a stream'] : []),
        ...(type === 'stream-aligned' && !productManager ? ['a product manager'] : []),
      ];
      return { label: team.data.name, detail: lacks.length > 0 ? healthMessages.draftLacks(lacks) : healthMessages.draftComplete, href: entryUrl('team', team.id), file: team.filePath };
    });

  const unowned = org.systems().flatMap(([system, owners]) => {
    if (owners.length === 1 && owners[0]!.data.status !== 'draft') return [];
    const names = owners.map((team) => team.data.name);
    return [{ label: system, detail: owners.length > 1 ? healthMessages.systemShared(names) : healthMessages.systemDraftOnly(names[0]!), href: entryUrl('team', owners[0]!.id), file: owners[0]!.filePath }];
  });

  const noLead = teams
    .filter((team) => team.data.type !== 'leadership' && !team.data.techLead)
    .map((team) => ({ label: team.data.name, detail: healthMessages.noTechLead, href: entryUrl('team', team.id), file: team.filePath }));

  const loose = [...org.people.values()]
    .filter((person) => org.membershipsOf(person.id).length === 0 && !org.headsTheOrganisation(person.id))
    .map((person) => ({ label: person.data.name, detail: healthMessages.onNoTeam, href: entryUrl('person', person.id), file: person.filePath }));

  const oldAssets = [...org.assets.values()].flatMap((asset) => {
    const updated = assetUpdated(asset.data);
    const days = updated ? daysBetween(updated, org.today) : undefined;
    if (days !== undefined && days <= assetStaleDays) return [];
    return [{ label: asset.data.title, detail: updated ? healthMessages.assetUpdated(humanDate(updated)) : healthMessages.assetNeverUpdated, href: entryUrl('asset', asset.id), file: asset.filePath }];
  });

  const overdue = org
    .openActions()
    .filter((action) => action.overdue)
    .map((action) => ({
      label: action.what,
      detail: healthMessages.actionOverdue(org.people.get(action.owner)?.data.name ?? action.owner, humanDate(action.due!), org.ref('council', action.meeting).label),
      href: withBase('/council/actions/'),
      file: org.meetings.find((meeting) => meeting.id === action.meeting)?.filePath,
    }));

  // Oldest first: each gap is between a meeting and the one after it, and the last meeting and today.
  const dates = [...org.meetings].reverse().map((meeting) => meeting.data.date);
  const gaps: HealthItem[] = [];
  dates.forEach((date, index) => {
    const next = dates[index + 1] ?? org.today;
    const days = daysBetween(date, next);
    if (days > councilCadenceDays * 2) {
      gaps.push({
        label: dates[index + 1] ? `${humanDate(date)} → ${humanDate(next)}` : healthMessages.sinceLastMeeting(humanDate(date)),
        detail: healthMessages.cadenceGap(days, councilCadenceDays),
        href: entryUrl('council', isoDay(date)),
      });
    }
  });

  return [
    section('stale-charters', stale),
    section('draft-charters', drafts),
    section('unowned-systems', unowned),
    section('no-tech-lead', noLead),
    section('people-on-no-team', loose),
    section('stale-assets', oldAssets),
    section('overdue-actions', overdue),
    section('council-gaps', gaps),
  ];
}

/** The same report as plain text, for the end of `npm run check`. */
export function healthSummary(report: HealthSection[]): string {
  const total = report.reduce((sum, section) => sum + section.items.length, 0);
  const lines = [healthMessages.summaryTitle(total)];
  for (const section of report) {
    if (section.items.length === 0) continue;
    lines.push(`  ${section.title} (${section.items.length})`);
    for (const item of section.items.slice(0, 5)) lines.push(`    ${item.file ?? item.href}  ${item.label}: ${item.detail}`);
    if (section.items.length > 5) lines.push(`    ${healthMessages.more(section.items.length - 5)}`);
  }
  return lines.join('\n');
}
