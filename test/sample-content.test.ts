import { readdirSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildSite, projectRoot, type BuiltSite } from './helpers/site.ts';

// The repository's own sample organisation: it must build, and stay the realistic
// hyper-growth scale-up that new adopters read to learn the model.
const content = path.join(projectRoot, 'content');
let site: BuiltSite;

beforeAll(async () => {
  site = await buildSite(content);
});

const ids = (folder: string) => readdirSync(path.join(content, folder)).map((file) => file.replace(/\.(mdx?|ya?ml)$/, ''));

describe('the sample organisation', () => {
  it('builds a page for every entry at its site-map URL', () => {
    const sections = { people: 'people', teams: 'teams', streams: 'streams', assets: 'assets', phases: 'phases', council: 'council' };
    for (const [folder, section] of Object.entries(sections)) {
      for (const id of ids(folder)) expect(site.urls, `${folder}/${id}`).toContain(`/${section}/${id}/`);
    }
    for (const id of ids('handbook')) expect(site.urls).toContain(`/${id}/`);
  });

  it('is a scale-up of the promised shape', () => {
    expect(ids('people').length).toBeGreaterThanOrEqual(40);
    expect(ids('people').length).toBeLessThanOrEqual(50);
    expect(ids('streams')).toHaveLength(3);
    expect(ids('assets').length).toBeGreaterThanOrEqual(12);
    expect(ids('phases')).toHaveLength(4);
    expect(ids('council').length).toBeGreaterThanOrEqual(6);
    expect(ids('handbook')).toEqual(expect.arrayContaining(['start-here', 'how-we-work', 'glossary']));

    const teams = site.page('/teams/').querySelectorAll('section h3').map((h) => h.textContent);
    for (const type of ['Stream-aligned', 'Platform', 'Enabling', 'Complicated subsystem', 'Leadership']) {
      expect(teams.some((heading) => heading.startsWith(type)), type).toBe(true);
    }
    expect(site.page('/phases/').querySelector('[aria-current="step"]')?.textContent).toContain('Hyper-growth');
  });

  it('gives every asset at least three questions and marks superseded decisions', () => {
    for (const id of ids('assets')) {
      expect(site.page(`/assets/${id}/`).querySelectorAll('.questions > li').length, id).toBeGreaterThanOrEqual(3);
    }
    const decisions = site.page('/council/decisions/');
    expect(decisions.querySelectorAll('.chain').length).toBeGreaterThanOrEqual(2);
  });

  it('ships no JavaScript on any page', () => {
    for (const url of site.urls) expect(site.page(url).querySelectorAll('script, link[rel="modulepreload"]').length, url).toBe(0);
  });
});
