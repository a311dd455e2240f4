import { loadConfig } from './config.ts';
import { findRepository } from './repo/repository.ts';

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

/** The handbook's name, description and check settings, read once per build. */
export const site = (() => {
  const { name, description, check, onboarding, quiz, repository, root, contentDir } = loadConfig();
  return { name, description, check, onboarding, quiz, root, contentDir, repository: findRepository(repository, root) };
})();
