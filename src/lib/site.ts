import { loadConfig } from './config.ts';
import { findRepository } from './repo/repository.ts';
import type { Org } from './org/build.ts';

/**
 * The sections of the site, in navigation order. Navigation lists these and nothing else,
 * so its size never depends on how many teams or minutes there are.
 */
export const sections = [
  { path: '/teams/', label: 'Teams' },
  { path: '/people/', label: 'People' },
  { path: '/org/', label: 'Org chart' },
  { path: '/topology/', label: 'Topology' },
  { path: '/streams/', label: 'Streams' },
  { path: '/roadmap/', label: 'Roadmap' },
  { path: '/assets/', label: 'Value model' },
  { path: '/quiz/', label: 'Quiz' },
  { path: '/phases/', label: 'Phases' },
  { path: '/council/', label: 'Council' },
  { path: '/health/', label: 'Health' },
] as const;

/**
 * What the handbook holds, each kind of entry with its list page: the home page's overview,
 * and where the search page sends a reader whose browser cannot search.
 */
export function holdings(org: Org): { href: string; label: string; count: number; what: string }[] {
  return [
    { href: '/teams/', label: 'Teams', count: org.teams.size, what: 'charters: mission, metrics, responsibilities, skills, norms' },
    { href: '/people/', label: 'People', count: org.people.size, what: 'who is on which team, and the reporting lines' },
    { href: '/streams/', label: 'Value streams', count: org.streams.size, what: 'who we create value for, and the product roadmaps' },
    { href: '/assets/', label: 'Value model', count: org.assets.size, what: 'assets that say how we create value' },
    { href: '/phases/', label: 'Maturity phases', count: org.phases.length, what: 'where we are as a company, and what that asks of us' },
    { href: '/council/', label: 'Tech lead council', count: org.meetings.length, what: 'minutes, decisions and open actions' },
  ];
}

/** The handbook's name, description and check settings, read once per build. */
export const site = (() => {
  const { name, description, check, onboarding, quiz, repository, root, contentDir } = loadConfig();
  return { name, description, check, onboarding, quiz, root, contentDir, repository: findRepository(repository, root) };
})();
