import { stringify } from 'yaml';
import { isoDay } from '../dates.ts';
import type { Org } from '../org/build.ts';

/** What `npm run new` can create, and the content folder each lives in. */
export const templateKinds = { team: 'teams', person: 'people', stream: 'streams', asset: 'assets', minutes: 'council' } as const;
export type TemplateKind = keyof typeof templateKinds;

/** `cash-insights` → `Cash Insights`: a starting name the author will likely keep or adjust. */
export function titleFromId(id: string): string {
  return id
    .split('-')
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join(' ');
}

function frontmatter(data: Record<string, unknown>, body: string): string {
  return `---\n${stringify(data, { lineWidth: 0 })}---\n\n${body}`;
}

/**
 * A new file's path (relative to the content root) and text. Every template passes
 * `handbook check` as written: a new charter is a draft (the check then says what to fill
 * in), and new minutes start from the council as it is today.
 */
export function newFile(kind: TemplateKind, id: string, org: Org): { path: string; text: string } {
  const today = isoDay(org.today);
  const name = titleFromId(id);
  switch (kind) {
    case 'person':
      return {
        path: `people/${id}.yaml`,
        text: stringify({ name, role: 'engineer', joined: today }, { lineWidth: 0 }) + '# Optional: title, reportsTo (your manager\'s person id), github (your handle, for CODEOWNERS).\n',
      };
    case 'team': {
      const stream = org.streams.keys().next().value as string | undefined;
      return {
        path: `teams/${id}.md`,
        text: frontmatter(
          {
            name,
            type: stream ? 'stream-aligned' : 'platform',
            ...(stream ? { stream } : {}),
            status: 'draft',
            members: [],
            responsibilities: [],
            skills: [],
            norms: [],
            owns: [],
            interactions: [],
            reviewed: today,
          },
          `## How we work\n\nOur rituals, how to reach us, and what we expect of each other.\n`,
        ),
      };
    }
    case 'stream':
      return {
        path: `streams/${id}.md`,
        text: frontmatter({ name, customer: 'Who this stream creates value for.', summary: 'How it creates value.', roadmap: [] }, `## How this stream creates value\n\nThe customer, the journey, and the teams that serve it.\n`),
      };
    case 'asset':
      return {
        path: `assets/${id}.md`,
        text: frontmatter(
          { title: name, category: 'customer-value', kind: 'other', updated: today, changes: [{ date: today, summary: 'First version.', why: 'The value model needed it.' }], questions: [] },
          `## What this asset says\n\nThe asset itself: a canvas, a map, a model. Add questions any individual contributor should be able to answer without looking, so it becomes part of the quiz.\n`,
        ),
      };
    case 'minutes': {
      const last = org.meetings[0];
      // Every action still open, wherever it was recorded: carried over, it counts once (see Org.actions).
      const open = org.openActions();
      return {
        path: `council/${id}.md`,
        text: frontmatter(
          {
            date: id,
            attendees: org.techLeads(),
            absent: [],
            podUpdates: [],
            unplanned: [],
            decisions: [],
            roadmap: [],
            actions: open.map(({ what, owner, due }) => ({ what, owner, ...(due ? { due: isoDay(due) } : {}) })),
          },
          last ? `Open actions carried over from earlier minutes, the last on ${last.id}: mark each done, or keep it with a new due date.\n` : 'The first meeting of the council.\n',
        ),
      };
    }
  }
}
