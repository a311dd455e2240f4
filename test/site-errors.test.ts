import { cpSync, existsSync, mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildSite, fixtureContent } from './helpers/site.ts';

describe('a handbook page that a built-in section would hide', () => {
  it('stops the build and names the file instead of silently losing the page', async () => {
    const content = path.join(mkdtempSync(path.join(tmpdir(), 'handbook-reserved-')), 'content');
    cpSync(fixtureContent('northwind'), content, { recursive: true });
    mkdirSync(path.join(content, 'handbook/teams'), { recursive: true });
    writeFileSync(path.join(content, 'handbook/teams/rotations.md'), '---\ntitle: Rotations\n---\nText.\n');
    const failure = await buildSite(content).then(
      () => '',
      (error: Error) => error.message,
    );
    const relative = path.relative(process.cwd(), path.join(content, 'handbook/teams/rotations.md'));
    expect(failure).toContain(
      `${relative} would be served at /teams/…, which the site's own teams pages use. Move it to another folder or rename it.`,
    );
  });
});

describe('a pull request that adds code to a page', () => {
  it('stops `astro build` before the code runs, with the check report instead of a stack trace', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'handbook-unsafe-'));
    const content = path.join(dir, 'content');
    const marker = path.join(dir, 'the-page-ran');
    cpSync(fixtureContent('northwind'), content, { recursive: true });
    writeFileSync(
      path.join(content, 'handbook/exfiltrate.mdx'),
      `---\ntitle: Harmless\n---\nimport { writeFileSync } from 'node:fs';\n\n{writeFileSync(${JSON.stringify(marker)}, String(process.env.DEPLOY_TOKEN))}\n`,
    );
    // A module disguised as an image: the build would import it.
    writeFileSync(path.join(content, 'handbook/.diagram.mjs'), `import { writeFileSync } from 'node:fs';\nwriteFileSync(${JSON.stringify(marker)}, 'ran');\nexport default {};\n`);
    writeFileSync(path.join(content, 'handbook/diagram.mdx'), '---\ntitle: Diagram\n---\n![The diagram](./.diagram.mjs)\n');
    const failure = await buildSite(content).then(
      () => '',
      (error: Error) => error.message,
    );
    expect(existsSync(marker)).toBe(false);
    expect(failure).toMatch(/4:1 +error +"\.\/\.diagram\.mjs" is a relative image path/);
    const relative = path.relative(process.cwd(), path.join(content, 'handbook/exfiltrate.mdx'));
    expect(failure).toContain(relative);
    expect(failure).toMatch(/4:1 +error +Content may import only from "@handbook\/components", not "node:fs"/);
    expect(failure).toMatch(/6:2 +error +Only a literal value/);
    expect(failure).toContain('handbook check found 4 errors (listed above), so the site was not built.');
    expect(failure).not.toMatch(/^\s+at /m);
  });
});

describe('a handbook without a start-here page, and a folder without a page of its own', () => {
  it('builds with no link that leads nowhere', async () => {
    const content = path.join(mkdtempSync(path.join(tmpdir(), 'handbook-links-')), 'content');
    cpSync(fixtureContent('northwind'), content, { recursive: true });
    rmSync(path.join(content, 'handbook/start-here.md'));
    mkdirSync(path.join(content, 'handbook/policies'));
    writeFileSync(path.join(content, 'handbook/policies/leave.md'), '---\ntitle: Leave\n---\nHow to take time off.\n');
    const site = await buildSite(content, { HANDBOOK_CHROMIUM: 'off' });
    const pages = new Set(site.urls);
    const broken: string[] = [];
    for (const url of site.urls) {
      for (const link of site.page(url).querySelectorAll('a[href^="/"]')) {
        const target = link.getAttribute('href')!.replace(/[?#].*$/, '');
        // Files (the search index, feeds, images) are not pages.
        if (!/\.\w+$/.test(target) && !pages.has(target)) broken.push(`${url} → ${target}`);
      }
    }
    expect(broken).toEqual([]);
    expect(site.page('/policies/leave/').querySelector('.breadcrumbs')!.textContent).toContain('policies');
  });
});
