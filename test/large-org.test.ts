import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { orgChartGroupLimit, podGroups } from '../src/lib/diagrams/org.ts';
import { generateOrganisation } from '../src/lib/generate/organisation.ts';
import { writeContent } from '../src/lib/generate/write.ts';
import { readOrg } from '../src/lib/org/read.ts';
import { buildSite, TEST_TODAY, type BuiltSite } from './helpers/site.ts';

/**
 * An organisation past one chart's limit: /org/ and /topology/ show an overview and link
 * to one page per group, so neither page carries hundreds of charts.
 */
describe('an organisation too large for one org chart', () => {
  const root = mkdtempSync(path.join(tmpdir(), 'handbook-large-'));
  const content = path.join(root, 'content');
  let site: BuiltSite;
  let groups: ReturnType<typeof podGroups>;
  beforeAll(async () => {
    writeContent(content, generateOrganisation({ teams: orgChartGroupLimit + 8, minutes: 4, assets: 4, seed: 2 }));
    groups = podGroups(readOrg(content, new Date(TEST_TODAY)));
    site = await buildSite(content);
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('has more than one group, so the charts are split', () => {
    expect(groups.length).toBeGreaterThan(1);
  });

  for (const section of ['org', 'topology'] as const) {
    it(`gives each group its own /${section}/ page, linked from the overview`, () => {
      const index = site.page(`/${section}/`);
      expect(index.querySelectorAll('.diagram-svg svg')).toHaveLength(1);
      const links = index.querySelectorAll('.diagram-text a').map((link) => link.getAttribute('href'));
      expect(links).toEqual(groups.map((group) => `/${section}/${group.key}/`));
      for (const group of groups) {
        const page = site.page(`/${section}/${group.key}/`);
        expect(page.querySelector('h1')?.textContent).toContain(group.label);
        expect(page.querySelector('.diagram-svg svg title')?.textContent).toContain(group.label);
        // The chart's text equivalent: one row per pod (org), or the group's interactions (topology).
        const rows = page.querySelectorAll('.diagram table tbody tr');
        if (section === 'org') expect(rows).toHaveLength(group.pods.length);
        else expect(rows.length).toBeGreaterThan(0);
        if (section === 'org') for (const pod of group.pods) expect(page.querySelector('.diagram table')?.textContent).toContain(pod.data.name);
      }
    });
  }
});
