import type { AssetCategory } from '../schemas/assets.ts';
import type { TechnicalRoadmapItem } from '../schemas/council.ts';
import type { Role } from '../schemas/people.ts';
import type { InteractionMode, TeamType } from '../schemas/teams.ts';

/** `jobs-forces-diagram` → `Jobs forces diagram`. */
export function humanize(value: string): string {
  const words = value.replace(/-/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export const teamTypeLabels: Record<TeamType, string> = {
  'stream-aligned': 'Stream-aligned',
  platform: 'Platform',
  enabling: 'Enabling',
  'complicated-subsystem': 'Complicated subsystem',
  leadership: 'Leadership',
};

export const teamTypeBlurbs: Record<TeamType, string> = {
  'stream-aligned': 'Own a slice of a value stream end to end, from idea to production.',
  platform: 'Provide internal services that stream-aligned teams use as a self-service product.',
  enabling: 'Help other teams pick up new skills and practices, then step back.',
  'complicated-subsystem': 'Own a part that needs deep specialist knowledge.',
  leadership: 'The first team of the people who lead the teams.',
};

export const roleLabels: Record<Role, string> = {
  engineer: 'Engineer',
  'tech-lead': 'Tech lead',
  'product-manager': 'Product manager',
  'engineering-manager': 'Engineering manager',
  designer: 'Designer',
  data: 'Data',
  director: 'Director',
  vp: 'VP',
  cto: 'CTO',
  cpo: 'CPO',
  ceo: 'CEO',
  other: 'Other',
};

export const categoryLabels: Record<AssetCategory, string> = {
  'customer-value': 'Customer value',
  'economic-model': 'Economic model',
  strategy: 'Strategy',
};

export const categoryBlurbs: Record<AssetCategory, string> = {
  'customer-value': 'Who our customers are and what they get from us.',
  'economic-model': 'How the value we create turns into a sustainable business.',
  strategy: 'Where we are going and the bets we make to get there.',
};

export const modeLabels: Record<InteractionMode, string> = {
  collaboration: 'Collaboration',
  'x-as-a-service': 'X-as-a-service',
  facilitating: 'Facilitating',
};

export const technicalKindLabels: Record<TechnicalRoadmapItem['kind'], string> = {
  architecture: 'Architecture',
  platform: 'Platform',
  tooling: 'Tooling',
  debt: 'Debt',
};
