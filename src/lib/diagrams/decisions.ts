import type { Org } from '../org/build.ts';
import type { DecisionRecord } from '../org/types.ts';
import { accessibility, escapeLabel } from './mermaid.ts';

/** How many meetings with decisions the timeline shows; the log below it has every decision. */
export const decisionTimelineMeetings = 8;

export interface DecisionTimeline {
  title: string;
  description: string;
  /** Oldest meeting first. */
  meetings: { date: string; decisions: DecisionRecord[] }[];
}

/** The latest meetings that recorded decisions, with each decision's id, title and status. */
export function decisionTimeline(org: Org): DecisionTimeline | undefined {
  const byMeeting = new Map<string, DecisionRecord[]>();
  for (const decision of org.decisions) byMeeting.set(decision.meeting, [...(byMeeting.get(decision.meeting) ?? []), decision]);
  const meetings = [...byMeeting.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .slice(-decisionTimelineMeetings)
    .map(([date, decisions]) => ({ date, decisions }));
  if (meetings.length === 0) return undefined;
  const total = byMeeting.size;
  return {
    title: 'Decisions of the tech lead council',
    description:
      total > meetings.length
        ? `Decisions of the latest ${meetings.length} of ${total} meetings that made any, with their status.`
        : 'Every decision by meeting, with its status.',
    meetings,
  };
}

/** A status that no longer holds reads as such: a superseded decision names its successor. */
function decisionText(decision: DecisionRecord): string {
  const status = decision.supersededBy.length > 0 ? `superseded by ${decision.supersededBy.join(', ')}` : decision.status;
  return `${decision.id} ${decision.title} (${status})`;
}

export function decisionTimelineSource(timeline: DecisionTimeline): string {
  const lines = ['timeline', ...accessibility(timeline.title, timeline.description)];
  for (const meeting of timeline.meetings) {
    lines.push(`  ${meeting.date} : ${meeting.decisions.map((decision) => escapeLabel(decisionText(decision))).join(' : ')}`);
  }
  return `${lines.join('\n')}\n`;
}
