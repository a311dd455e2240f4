import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { checkContent } from '../src/lib/check/run.ts';
import { anchorsTheCheckMisses, buildSite, isoDatesShown, projectRoot, scriptKinds, TEST_TODAY, type BuiltSite } from './helpers/site.ts';

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

  it("says who reviews a charter on GitHub: the first six of its team's handles, and the rest behind how many more, which opens without JavaScript", () => {
    const meta = site.page('/teams/invoicing/').querySelector('.page-meta')!;
    const dt = meta.querySelectorAll('dt').find((term) => term.textContent === 'On GitHub')!;
    const dd = dt.nextElementSibling!;
    const shown = dd.querySelectorAll(':scope > a').map((link) => link.textContent);
    expect(shown).toHaveLength(6);
    const more = dd.querySelector('details')!;
    expect(more.querySelector('summary')!.textContent).toBe('and 2 more');
    const rest = more.querySelectorAll(':scope > a').map((link) => link.textContent);
    expect(rest).toHaveLength(2);
    // Every handle of the team is there to read, each once, each linked to its profile.
    const handles = [...shown, ...rest];
    expect(new Set(handles).size).toBe(8);
    expect(handles.every((handle) => /^@[A-Za-z0-9-]+$/.test(handle))).toBe(true);
    expect(dd.querySelectorAll('a').map((link) => link.getAttribute('href'))).toEqual(handles.map((handle) => `https://github.com/${handle.slice(1)}`));
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

  it('ships no JavaScript beyond the search loader, except where a reader feature needs it', () => {
    for (const url of site.urls) {
      const kinds = scriptKinds(site.page(url));
      if (url.startsWith('/quiz/')) expect(kinds, url).toEqual(['search-loader', 'data', 'quiz'].concat(url === '/quiz/' ? ['progress'] : []));
      else if (url === '/search/') expect(kinds, url).toEqual(['search-loader', 'page']);
      else if (kinds.includes('progress')) expect(kinds, url).toEqual(['search-loader', 'progress']);
      else expect(kinds, url).toEqual(['search-loader']);
    }
    // The inline progress script is only on the new-hire path and a new hire's page.
    const progress = site.urls.filter((url) => scriptKinds(site.page(url)).includes('progress'));
    expect(progress).toEqual(['/assets/', '/council/', '/org/', '/people/maya-patel/', '/phases/hyper-growth/', '/quiz/', '/roadmap/', '/start-here/', '/teams/']);
  });
});

describe('dates', () => {
  it('are written for readers ("20 Nov 2026") on every page, charts included; YYYY-MM-DD stays in <time datetime> and addresses', () => {
    expect(isoDatesShown(site)).toEqual([]);
    // Where the ISO form was shown before: the roadmap's and health's "as of", a stream's roadmap dates, the chart's build date.
    expect(site.page('/roadmap/').querySelector('.lede time')!.getAttribute('datetime')).toBe(TEST_TODAY);
    expect(site.page('/roadmap/').querySelector('.lede')!.textContent).toContain('(as of 20 Nov 2026)');
    expect(site.page('/health/').querySelector('.lede')!.textContent).toMatch(/as of 20 Nov 2026\./);
  });
});

describe('links to a section of a page (links/fragment)', () => {
  it('may name every id the sample site has, outside drawings: the check knows each page\'s sections', async () => {
    const { anchors } = await checkContent(content, { cwd: projectRoot, today: new Date(`${TEST_TODAY}T00:00:00Z`) });
    expect(anchorsTheCheckMisses(site, anchors)).toEqual([]);
  });
});

interface DOMRectLike {
  x: number;
  y: number;
  width: number;
  height: number;
}

describe('diagrams on the sample site, drawn at build time', () => {
  const squash = (text: string) => text.replace(/\s+/g, '');
  const svgText = (url: string) => site.page(url).querySelectorAll('.diagram-svg svg').map((svg) => squash(svg.textContent));
  const teamNames = () =>
    ids('teams').map((id) => squash(site.page(`/teams/${id}/`).querySelector('h1')?.textContent ?? id));

  it('leaves every edge label readable: none covers another or a team, or leaves the drawing, on the topology, the org chart or a charter', () => {
    const pages = ['/topology/', '/org/', ...ids('teams').map((id) => `/teams/${id}/`)];
    const covered: string[] = [];
    const overlap = (a: DOMRectLike, b: DOMRectLike) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
    for (const url of pages) {
      for (const svg of site.page(url).querySelectorAll('.diagram-svg svg')) {
        const [, , right, bottom] = (svg.getAttribute('viewBox') ?? '').split(' ').map(Number);
        const area = (rect: { getAttribute(name: string): string | undefined }, text: string) => {
          const [x, y, width, height] = ['x', 'y', 'width', 'height'].map((name) => Number(rect.getAttribute(name)));
          return { x: x!, y: y!, width: width!, height: height!, text };
        };
        // Edge labels are drawn on a white box, each followed by its text; teams are the other boxes.
        const labels = svg.querySelectorAll('rect[opacity="0.92"]').map((rect) => area(rect, rect.nextElementSibling?.textContent ?? ''));
        const teams = svg.querySelectorAll('rect:not([opacity])').map((rect) => area(rect, rect.parentNode?.querySelector('title')?.textContent ?? 'a team'));
        labels.forEach((a, i) => {
          for (const b of [...labels.slice(i + 1), ...teams]) if (overlap(a, b)) covered.push(`${url}: "${a.text}" and "${b.text}"`);
          if (a.x < 0 || a.y < 0 || a.x + a.width > right! || a.y + a.height > bottom!) covered.push(`${url}: "${a.text}" outside the drawing`);
        });
      }
    }
    expect(covered).toEqual([]);
  });

  it('puts an inline SVG org chart on /org/ naming every pod, and a topology on /topology/ naming every team', () => {
    const org = svgText('/org/').join(' ');
    const topology = svgText('/topology/').join(' ');
    expect(org).not.toBe('');
    for (const name of teamNames()) {
      expect(topology, name).toContain(name);
      expect(org, name).toContain(name);
    }
    // The council node is on the chart; the leadership team is people, not a pod.
    expect(org).toContain('Techleadcouncil');
  });

  it('puts every stream and every roadmap item of the next twelve months on /roadmap/, with the table beside it', () => {
    const [chart] = svgText('/roadmap/');
    const page = site.page('/roadmap/');
    const items = page.querySelectorAll('.diagram-text tbody tr td:first-child').map((cell) => squash(cell.textContent));
    expect(items.length).toBeGreaterThan(10);
    for (const item of items) expect(chart, item).toContain(item);
    expect(chart).toBeDefined();
    for (const stream of ['Getpaid', 'Managecash', 'Partnernetwork']) expect(chart).toContain(stream);
    // Every team with technical work on it is named on the chart and in the table.
    const named = squash(page.querySelector('.diagram-text')?.textContent ?? '');
    for (const name of teamNames().filter((name) => name !== squash('Product and Technology Leadership'))) {
      expect(chart, name).toContain(name);
      expect(named, name).toContain(name);
    }
  });

  it('draws the other charts where the issue puts them, and an author’s fenced mermaid block', () => {
    expect(svgText('/council/decisions/')[0]).toContain('dec-015');
    expect(svgText('/phases/')).toHaveLength(1);
    const ledger = site.page('/teams/ledger/');
    expect(ledger.querySelectorAll('.diagram-svg').map((figure) => figure.getAttribute('aria-label'))).toEqual([
      'Ledger: interactions and systems',
      'Ledger: planned product investment',
      'Roadmap: Ledger',
    ]);
    expect(svgText('/streams/get-paid/')).toHaveLength(1);
    const howWeWork = site.page('/how-we-work/');
    expect(howWeWork.querySelector('.diagram-authored .diagram-svg')?.getAttribute('aria-label')).toBe('How a charter changes');
    expect(howWeWork.querySelector('.diagram-authored details pre')?.textContent).toContain('flowchart LR');
  });

  it('loads no Mermaid: no diagram left to the browser, and no Mermaid files in the site', () => {
    for (const url of site.urls) expect(site.page(url).querySelectorAll('pre[data-diagram]').length, url).toBe(0);
    expect(existsSync(path.join(site.outDir, '_handbook/mermaid'))).toBe(false);
    // A cold cache: every diagram is drawn while the pages render, then put in place from the cache.
    const drawn = /Diagrams: (\d+) diagrams? drawn while the pages rendered\./.exec(site.log);
    expect(site.log).toMatch(new RegExp(`Diagrams: ${drawn?.[1]} on \\d+ pages; 0 rendered, ${drawn?.[1]} from cache\\.`));
  });
});

describe('the build log', () => {
  it("is free of Vite's warning about Astro's own marker in MDX pages (one per MDX file otherwise)", () => {
    expect(site.log).not.toContain('MODULE_LEVEL_DIRECTIVE');
  });
});

describe('charters past their review date', () => {
  it('carry a banner that says how long ago the team reviewed them', () => {
    // delivery-enablement was reviewed on 2026-03-02, 263 days before the test build's today; the interval is 180.
    expect(site.page('/teams/delivery-enablement/').querySelector('.notice.stale')?.textContent.replace(/\s+/g, ' ')).toMatch(/last reviewed this agreement 263 days ago, more than the 180-day review interval/);
    expect(site.page('/teams/ledger/').querySelector('.notice.stale')).toBeNull();
  });
});

describe('/health/', () => {
  it('lists what needs attention by section, each item linked to its page', () => {
    const health = site.page('/health/');
    const headings = health.querySelectorAll('main h2').map((h) => h.textContent.replace(/\s+/g, ' ').trim());
    expect(headings).toContain('Charters past their review date (1)');
    expect(headings).toContain('Overdue council actions (3)');
    expect(headings).toContain('Gaps in the council\'s cadence (0)');
    expect(health.querySelector('#stale-charters + p + ul a')?.getAttribute('href')).toBe('/teams/delivery-enablement/');
    expect(site.page('/').querySelector('nav[aria-label="Sections"] a[href="/health/"]')).not.toBeNull();
  });

  it('does not count the CEO, at the top of the organisation, as someone left off a team', () => {
    expect(site.page('/health/').querySelector('#people-on-no-team')?.textContent).toContain('(0)');
    const facts = site.page('/people/amara-okafor/').querySelector('.facts')!.textContent.replace(/\s+/g, ' ');
    expect(facts).toContain('First team none: at the top of the organisation');
    expect(site.page('/people/maya-patel/').querySelector('.facts')!.textContent).not.toContain('top of the organisation');
  });
});

