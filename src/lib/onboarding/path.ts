import type { Org } from '../org/build.ts';
import { handbookUrl, withBase } from '../urls.ts';

/** One page on the new-hire path. */
export interface PathStep {
  /** Stable id, stored in the reader's browser to remember progress. */
  id: string;
  title: string;
  /** The page, with the site's base path (and a query the page reads, for the quiz). */
  href: string;
  /** One sentence on what to take from the page. */
  what: string;
}

/** The handbook page the path starts from, when the organisation has one. */
export const startHereId = 'start-here';

/**
 * The new-hire path, in reading order: from the value model to the quiz. Steps whose page
 * the organisation lacks (no start-here page, no current phase) are left out rather than
 * pointing at a missing page.
 */
export function newHirePath(org: Org): PathStep[] {
  // Every page's layout asks; the path depends only on the organisation, so work it out once.
  let path = paths.get(org);
  if (!path) {
    path = buildPath(org);
    paths.set(org, path);
  }
  return path;
}

const paths = new WeakMap<Org, PathStep[]>();

function buildPath(org: Org): PathStep[] {
  const startHere = org.handbook.find((page) => page.id === startHereId);
  const phase = org.currentPhase();
  const steps: (PathStep | undefined)[] = [
    startHere && {
      id: 'start-here',
      title: startHere.data.title,
      href: handbookUrl(startHere.id),
      what: 'What the company does, and how this handbook is organised.',
    },
    { id: 'value', title: 'How we create value', href: withBase('/assets/'), what: 'The value model: who our customers are and how we make money.' },
    phase && {
      id: 'phase',
      title: 'Where we are',
      href: withBase(`/phases/${phase.id}/`),
      what: `The current phase, ${phase.data.name}, and what it asks of every team.`,
    },
    { id: 'org', title: 'Who is who', href: withBase('/org/'), what: 'Find your pod on the org chart, with who leads it; your own page on People names your manager and teammates.' },
    {
      id: 'team',
      title: 'Your first team',
      href: withBase('/teams/'),
      what: "Open your pod's charter and read its mission, metrics and norms. Your own page on People names your first team.",
    },
    { id: 'council', title: 'The tech lead council', href: withBase('/council/'), what: 'How technical decisions are made: skim the last two meetings.' },
    { id: 'roadmap', title: 'Where we are heading', href: withBase('/roadmap/'), what: 'The product and technical roadmaps, side by side.' },
    // The quiz in its self-test form: the random-IC quiz would have a new hire ask a colleague.
    { id: 'quiz', title: 'Check yourself', href: withBase('/quiz/?self=1'), what: 'Quiz yourself: can you answer what the value model says, without looking?' },
  ];
  return steps.filter((step): step is PathStep => step !== undefined);
}

/** Where a page sits on the path: its position and neighbours, or undefined when it is not a step. */
export function pathPosition(
  path: PathStep[],
  pathname: string,
): { step: PathStep; number: number; total: number; start: PathStep; previous?: PathStep | undefined; next?: PathStep | undefined } | undefined {
  const index = path.findIndex((step) => step.href.split('?')[0] === pathname);
  if (index === -1) return undefined;
  return { step: path[index]!, number: index + 1, total: path.length, start: path[0]!, previous: path[index - 1], next: path[index + 1] };
}

/** The localStorage key of this handbook's reading progress; the base path keeps two handbooks on one host apart. */
export function progressKey(base: string): string {
  return `handbook-progress:${base}`;
}
