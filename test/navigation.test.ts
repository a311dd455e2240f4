import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateOrganisation } from '../src/lib/generate/organisation.ts';
import { writeContent } from '../src/lib/generate/write.ts';
import { handbookCrumbs } from '../src/lib/urls.ts';
import { buildSite, type BuiltSite } from './helpers/site.ts';

async function organisationWith(teams: number): Promise<BuiltSite> {
  const dir = path.join(mkdtempSync(path.join(tmpdir(), 'handbook-nav-')), 'content');
  writeContent(dir, generateOrganisation({ teams, engineersPerTeam: 1, minutes: teams === 10 ? 2 : 20, assets: 3 }));
  // Hundreds of charters: drawing their diagrams would only slow a test about navigation.
  return buildSite(dir, { HANDBOOK_CHROMIUM: 'off' });
}

let small: BuiltSite;
let large: BuiltSite;

beforeAll(async () => {
  small = await organisationWith(10);
  large = await organisationWith(500);
});

const header = (site: BuiltSite, url: string) => site.page(url).querySelector('header.site-header')!.outerHTML;

describe('navigation', () => {
  it('is the same HTML for 10 teams and for 500 teams', () => {
    expect(large.urls.filter((url) => url.startsWith('/teams/'))).toHaveLength(501 + 1);
    for (const url of ['/', '/teams/', '/teams/team-0003/', '/council/', '/people/ceo/']) {
      expect(header(large, url).length, url).toBe(header(small, url).length);
      expect(header(large, url), url).toBe(header(small, url));
    }
  });

  it('lists sections, never entries', () => {
    const links = small.page('/teams/team-0003/').querySelectorAll('nav[aria-label="Sections"] a').map((a) => a.getAttribute('href'));
    expect(links).toEqual(['/start-here/', '/teams/', '/people/', '/org/', '/topology/', '/streams/', '/roadmap/', '/assets/', '/quiz/', '/phases/', '/council/', '/health/']);
  });

  it('marks the current section', () => {
    const current = small.page('/teams/team-0003/').querySelector('nav[aria-label="Sections"] a[aria-current]');
    expect(current?.getAttribute('href')).toBe('/teams/');
  });
});

describe('breadcrumbs of a handbook page', () => {
  it('name each folder by its page, and link only to folders that have one', () => {
    const titles = new Map([['policies/people', 'People policies']]);
    expect(handbookCrumbs('policies/people/leave', titles)).toEqual([{ label: 'policies' }, { label: 'People policies', href: '/policies/people/' }]);
    expect(handbookCrumbs('start-here', titles)).toEqual([]);
  });
});
