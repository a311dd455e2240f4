import { cpSync, existsSync, mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkContent } from '../src/lib/check/run.ts';
import { readSources } from '../src/lib/check/source.ts';
import { rewriteRawHtml } from '../src/lib/links/plugin.ts';
import { builtHref, filesUnder, linkTarget } from '../src/lib/links/resolve.ts';
import { sitePages } from '../src/lib/links/routes.ts';
import { bodyMessages, linkMessages } from '../src/lib/messages.ts';
import { readOrg } from '../src/lib/org/read.ts';
import { anchorsTheCheckMisses, buildSite, fixtureContent, projectRoot, TEST_TODAY } from './helpers/site.ts';

describe('how a link written in a body is read', () => {
  it('tells other sites, the page itself, site paths and content files apart', () => {
    const from = 'handbook/guides/on-call.md';
    expect(linkTarget('https://example.com/x.md', from)).toEqual({ kind: 'external' });
    expect(linkTarget('mailto:ops@example.com', from)).toEqual({ kind: 'external' });
    expect(linkTarget('//cdn.example.com/a.png', from)).toEqual({ kind: 'external' });
    expect(linkTarget('#paging', from)).toEqual({ kind: 'same-page', suffix: '#paging' });
    expect(linkTarget('/teams/ledger/#mission', from)).toEqual({ kind: 'site', path: '/teams/ledger/', suffix: '#mission', relative: false });
    // A content file is read from the folder of the file, as GitHub and editors read it…
    expect(linkTarget('../../teams/ledger.md?x=1#mission', from)).toEqual({ kind: 'file', file: 'teams/ledger.md', suffix: '?x=1#mission' });
    expect(linkTarget('./escalation.mdx', from)).toEqual({ kind: 'file', file: 'handbook/guides/escalation.mdx', suffix: '' });
    // …any other relative link from the page's address, as the browser reads it.
    expect(linkTarget('../escalation/', from)).toEqual({ kind: 'site', path: '/guides/escalation/', suffix: '', relative: true });
    expect(linkTarget('../ledger/', 'teams/runway.md')).toEqual({ kind: 'site', path: '/teams/ledger/', suffix: '', relative: true });
    expect(linkTarget('/a/../teams/%C3%A5/', from)).toMatchObject({ path: '/teams/å/' });
  });

  it('puts every site link under the base path, ending in "/" when it names a page, and turns a file into its page', () => {
    const from = 'handbook/start-here.md';
    expect(builtHref('/teams/', from, '/handbook')).toBe('/handbook/teams/');
    expect(builtHref('/teams/ledger#mission', from, '/handbook/')).toBe('/handbook/teams/ledger/#mission');
    expect(builtHref('/images/map.png', from, '/handbook')).toBe('/handbook/images/map.png');
    expect(builtHref('../teams/ledger.md#mission', from, '/')).toBe('/teams/ledger/#mission');
    expect(builtHref('../people/ada-lovelace.yaml', from, '/hb')).toBe('/hb/people/ada-lovelace/');
    expect(builtHref('guides/index.md', from, '/hb')).toBe('/hb/guides/');
    expect(builtHref('../guides/', from, '/hb')).toBe('/hb/guides/');
    for (const kept of ['https://example.com/', '#welcome', '?q=x', 'mailto:a@b.c']) expect(builtHref(kept, from, '/hb')).toBe(kept);
    // A file the site has no page for keeps its text; the check reports it.
    expect(builtHref('../../README.md', from, '/hb')).toBe('../../README.md');
  });

  it('rewrites the links of raw HTML tags and leaves everything else of the HTML as written', () => {
    const rewrite = (url: string) => builtHref(url, 'handbook/start-here.md', '/hb');
    expect(rewriteRawHtml('<p class="x"><a href="/teams/" title="/teams/">Teams</a> <img src=/favicon.svg alt=""></p>', rewrite)).toBe(
      '<p class="x"><a href="/hb/teams/" title="/teams/">Teams</a> <img src="/hb/favicon.svg" alt=""></p>',
    );
    expect(rewriteRawHtml("<!-- <a href='/x/'> --><a href='/search/?q=a&amp;b'>s</a></a>", rewrite)).toBe(
      '<!-- <a href=\'/x/\'> --><a href="/hb/search/?q=a&amp;b">s</a></a>',
    );
    expect(rewriteRawHtml('<a href="https://example.com/">x</a>', rewrite)).toBe('<a href="https://example.com/">x</a>');
    expect(rewriteRawHtml('<img srcset="/a.png 1x, /b.png 2x" src="/a.png" alt="">', rewrite)).toBe('<img srcset="/hb/a.png 1x, /hb/b.png 2x" src="/hb/a.png" alt="">');
    // Character references read as a browser reads them, and written back escaped.
    expect(rewriteRawHtml('<a href="/search/?q=a&#38;b=&quot;c&quot;">s</a>', rewrite)).toBe('<a href="/hb/search/?q=a&amp;b=&quot;c&quot;">s</a>');
  });
});

describe('handbook check: links in bodies (links/broken)', () => {
  const root = mkdtempSync(path.join(tmpdir(), 'handbook-links-check-'));
  let sites = 0;
  /** The link problems of one handbook page written beside a charter and a guide. */
  async function check(body: string, extension: 'md' | 'mdx' = 'md', rule = 'links/broken'): Promise<string[]> {
    const dir = path.join(root, `site-${sites++}`);
    for (const folder of ['teams', 'handbook/guides', 'public/images']) mkdirSync(path.join(dir, folder), { recursive: true });
    writeFileSync(path.join(dir, 'teams/ledger.md'), '---\nname: Ledger\ntype: leadership\n---\n');
    writeFileSync(path.join(dir, 'handbook/guides/escalation.md'), '---\ntitle: Escalation\n---\n## Paging on call\nPage.\n');
    writeFileSync(path.join(dir, 'public/images/map.png'), 'png');
    writeFileSync(path.join(dir, `handbook/guides/on-call.${extension}`), `---\ntitle: On call\n---\n${body}\n`);
    const problems = (await checkContent(dir, { cwd: dir })).problems.filter((problem) => problem.rule === rule);
    return problems.map((problem) => `${problem.line}:${problem.column} ${problem.message}`);
  }

  it('reports a reference-style link or footnote whose label nothing defines, and a footnote nothing uses (links/reference)', async () => {
    const fine = 'Ask [the team][] or [Ledger][LEDGER  team], [sic], \\[not\\]\\[a link\\] and `[code][x]`[^1].\n\n[the team]: /teams/ledger/\n[ledger team]: /teams/ledger/\n[^1]: A note.';
    expect(await check(fine, 'md', 'links/reference')).toEqual([]);
    // Brackets that are not references: after a word, citations, a pattern's classes, a bracketed word or a task.
    expect(await check('Names match [^a-z0-9-] and [a-z][a-z0-9-]*, cells are matrix[i][j], see [1][2] and [3] [sic].\n\n- [x] Done', 'md', 'links/reference')).toEqual([]);
    // In a page that defines no labels at all, the full and collapsed forms are still references that lost their definition.
    expect(await check('Ask [the team][runwy] or [Ledger][] first, or [the A-team][a-team].', 'md', 'links/reference')).toEqual([
      `4:5 ${bodyMessages.referenceUndefined('[the team][runwy]', 'the team', 'runwy', undefined)}`,
      `4:26 ${bodyMessages.referenceUndefined('[Ledger][]', 'Ledger', 'ledger', undefined)}`,
      `4:47 ${bodyMessages.referenceUndefined('[the A-team][a-team]', 'the A-team', 'a-team', undefined)}`,
    ]);
    expect(await check('Cells are matrix[i][j][^1].\n\n[^1]: In rows.\n[x]: /teams/', 'md', 'links/reference')).toEqual([]);
    // A footnote on a page with none defined: the page would show "[^1]" as written.
    expect(await check('Text with a note[^1] here.', 'md', 'links/reference')).toEqual([`4:17 ${bodyMessages.footnoteUndefined('1', undefined)}`]);
    expect(await check('Ask [the team][ledgr] first[^nots].\n\n[ledger]: /teams/ledger/\n[^note]: Unused.', 'md', 'links/reference')).toEqual([
      `4:5 ${bodyMessages.referenceUndefined('[the team][ledgr]', 'the team', 'ledgr', 'ledger')}`,
      `4:28 ${bodyMessages.footnoteUndefined('nots', 'note')}`,
      `7:1 ${bodyMessages.footnoteUnused('note')}`,
    ]);
  });

  it('reports a space between "]" and "(", which leaves brackets and address as text, when the parentheses hold an address (links/spaced)', async () => {
    const page = [
      'Ask [the team] (https://example.com/teams/) or [Ledger]  (/teams/ledger/ "Ledger").',
      'See ![the map] (/images/map.png), [escalation] (./escalation.md#paging-on-call) and [mail us]',
      '(mailto:ops@example.com).',
    ].join('\n');
    expect(await check(page, 'md', 'links/spaced')).toEqual([
      `4:5 ${bodyMessages.spacedLink('[the team] (https://example.com/teams/)', '[the team](https://example.com/teams/)', 'link', false)}`,
      `4:48 ${bodyMessages.spacedLink('[Ledger] (/teams/ledger/ "Ledger")', '[Ledger](/teams/ledger/ "Ledger")', 'link', false)}`,
      `5:5 ${bodyMessages.spacedLink('![the map] (/images/map.png)', '![the map](/images/map.png)', 'image', false)}`,
      `5:35 ${bodyMessages.spacedLink('[escalation] (./escalation.md#paging-on-call)', '[escalation](./escalation.md#paging-on-call)', 'link', false)}`,
      `5:85 ${bodyMessages.spacedLink('[mail us] (mailto:ops@example.com)', '[mail us](mailto:ops@example.com)', 'link', true)}`,
    ]);
    expect((await check('Ask [the team] (/teams/ledger/).', 'mdx', 'links/spaced')).length).toBe(1);
    // Prose in parentheses, escaped brackets, code, a task, and brackets that are a link already.
    const prose = [
      'It was [sic] (see above), [1] (page 4) and \\[not a link\\] (/teams/), `[code] (/teams/)`.',
      '',
      '- [ ] (https://example.com/) to read',
      '',
      'The [Ledger] (/teams/) charter and [the team][ledger] (/teams/ledger/) say so.',
      '',
      '[ledger]: /teams/ledger/',
    ].join('\n');
    expect(await check(prose, 'md', 'links/spaced')).toEqual([]);
  });

  it('warns about a link to a section its page does not have, with the closest one (links/fragment)', async () => {
    const passing = [
      '## Welcome',
      '## Welcome',
      'Text[^1] <span id="pager-rota">rota</span>. [a](#welcome) [b](#welcome-1) [c](#top) [d](#) [e](#pager-rota) [f](#user-content-fn-1)',
      '[g](/teams/ledger/#mission) [h](../../teams/ledger.md#members) [i](./escalation.md#paging-on-call) [j](/health/#stale-charters) [k](/guides/on-call/#main)',
      '',
      '[^1]: A note.',
    ].join('\n');
    expect(await check(passing, 'md', 'links/fragment')).toEqual([]);
    expect(
      await check(
        "import { Ref as Team } from '@handbook/components';\n\n## Talk to <Team kind=\"team\" id=\"ledger\" />\n\n<h3 id=\"rota\">Rota</h3>\n\n[a](#talk-to-ledger) [b](#rota) [c](#talk-to-)",
        'mdx',
        'links/fragment',
      ),
    ).toEqual([`10:33 ${linkMessages.noAnchor('#talk-to-', '/guides/on-call/', 'talk-to-', 'talk-to-ledger')}`]);
    expect(await check('## Welcome\n[a](#welcom) [b](/teams/ledger/#mision) [c](./escalation.md#paging) [d](/teams/ledger/#%7Bnothing-like-it%7D)', 'md', 'links/fragment')).toEqual([
      `5:1 ${linkMessages.noAnchor('#welcom', '/guides/on-call/', 'welcom', 'welcome')}`,
      `5:14 ${linkMessages.noAnchor('/teams/ledger/#mision', '/teams/ledger/', 'mision', 'mission')}`,
      `5:41 ${linkMessages.noAnchor('./escalation.md#paging', '/guides/escalation/', 'paging', 'paging-on-call')}`,
      `5:69 ${linkMessages.noAnchor('/teams/ledger/#%7Bnothing-like-it%7D', '/teams/ledger/', '{nothing-like-it}', undefined)}`,
    ]);
  });

  it("takes a decision's id for its place on its meeting's page and on the decisions log, and on no other meeting (links/fragment)", async () => {
    const dir = path.join(root, `site-${sites++}`);
    for (const folder of ['council', 'handbook']) mkdirSync(path.join(dir, folder), { recursive: true });
    const minutes = (date: string, decision: string) => `---\ndate: ${date}\ndecisions:\n  - { id: ${decision}, title: ${decision}, kind: architecture, status: accepted }\n---\n`;
    writeFileSync(path.join(dir, 'council/2026-10-07.md'), minutes('2026-10-07', 'use-postgres'));
    // A heading of the minutes with the decision's words does not take its id.
    writeFileSync(path.join(dir, 'council/2026-10-21.md'), `${minutes('2026-10-21', 'use-postgis')}## Use PostGIS\nWhy.\n`);
    const links = [
      '[a](/council/2026-10-07/#use-postgres) [b](../council/2026-10-21.md#use-postgis) [c](/council/decisions/#use-postgres) [d](/council/2026-10-21/#use-postgis-1)',
      '[e](/council/2026-10-21/#use-postgres)',
    ];
    writeFileSync(path.join(dir, 'handbook/route-data.md'), `---\ntitle: Route data\n---\n${links.join('\n')}\n`);
    const problems = (await checkContent(dir, { cwd: dir })).problems.filter((problem) => problem.rule === 'links/fragment');
    expect(problems.map((problem) => `${problem.line}:${problem.column} ${problem.message}`)).toEqual([
      `5:1 ${linkMessages.noAnchor('/council/2026-10-21/#use-postgres', '/council/2026-10-21/', 'use-postgres', 'use-postgis')}`,
    ]);
  });

  it('passes links to pages, files in public/, content files, other sites and the page itself', async () => {
    const body = [
      '[a](/teams/ledger/) [b](/teams/ledger) [c](/teams/) [d](/checks/links/broken/) [e](/quiz/) [f](/search/?q=ledger)',
      '[g](../../teams/ledger.md#mission) [h](./escalation.md) [i](../escalation/) [j](/images/map.png) [k](https://example.com) [l](#top)',
      '![map](/images/map.png) <a href="/council/decisions/">decisions</a> [m][def]',
      '',
      '[def]: /health/',
    ].join('\n');
    expect(await check(body)).toEqual([]);
    expect(await check('<a href="/teams/ledger/">Ledger</a> and <a href={"../../teams/ledger.md"}>again</a>', 'mdx')).toEqual([]);
  });

  it('reports a link to no page at its place, with the page it likely meant', async () => {
    expect(await check('See [the ledger](/teams/ledgr/).')).toEqual([`4:5 ${linkMessages.noPage('/teams/ledgr/', '/teams/ledgr/', undefined, '/teams/ledger/')}`]);
    expect(await check('\nSee <a href="/peopel/">everyone</a>.')).toEqual([`5:8 ${linkMessages.noPage('/peopel/', '/peopel/', undefined, '/people/')}`]);
    expect(await check('<a href="/nowhere-at-all/">x</a>', 'mdx')).toEqual([`4:4 ${linkMessages.noPage('/nowhere-at-all/', '/nowhere-at-all/', undefined, undefined)}`]);
    expect(await check('<a title="a > b" href="/nowhere-at-all/">x</a>', 'mdx')).toEqual([`4:18 ${linkMessages.noPage('/nowhere-at-all/', '/nowhere-at-all/', undefined, undefined)}`]);
    // A reference-style link, at its definition; a definition nothing uses is no link.
    expect(await check('See [the pager][pager].\n\n[pager]: /pager/\n[unused]: /unused/')).toEqual([
      `6:1 ${linkMessages.noPage('/pager/', '/pager/', undefined, undefined)}`,
    ]);
  });

  it('reports a link with a non-breaking space or byte-order mark at its edge, which the page keeps, naming the character', async () => {
    const [nbsp] = await check('See [the ledger](/teams/ledger/\u00a0).');
    expect(nbsp).toContain('"/teams/ledger/\u00a0" contains a non-breaking space (U+00A0) at the end: delete it.');
    expect(await check('See [the ledger](\ufeff/teams/ledger/).')).toHaveLength(1);
    expect(await check('See [the ledger](../../teams/ledger.md\u00a0).')).toHaveLength(1);
    // A fragment too: the browser looks for the id with the space in it, and opens the page at the top.
    const [fragment] = await check('See [the ledger](../escalation/#paging-on-call\u00a0).', 'md', 'links/fragment');
    expect(fragment).toContain('contains a non-breaking space (U+00A0) at the end: delete it.');
    // The page keeps it as written, as a browser would: the check and the page read one address.
    expect(builtHref('/teams/ledger/\u00a0', 'handbook/a.md', '/')).toBe('/teams/ledger/%C2%A0/');
    // Plain spaces and tabs around an address are Markdown's to drop, and pass.
    expect(await check('<a href=" /teams/ledger/\t">x</a>')).toEqual([]);
  });

  it('says where a relative link was read from when it leads nowhere, and what was likely meant', async () => {
    expect(await check('[escalation](escalation/)')).toEqual([
      `4:1 ${linkMessages.noPage('escalation/', '/guides/on-call/escalation/', '/guides/on-call/', '../escalation/')}`,
    ]);
    expect(await check('[Ledger](/teams/ledger.md)')).toEqual([`4:1 ${linkMessages.rootFile('/teams/ledger.md', '/teams/ledger/', '../../teams/ledger.md')}`]);
    expect(await check('[Ledger](teams\\ledger.md)')).toEqual([`4:1 ${linkMessages.backslash('teams\\ledger.md')}`]);
  });

  it('suggests a relative address without its "./" and "../" noise, and the page near the one a step up would be', async () => {
    // Read from /guides/on-call/: "./" and "../" that cancel out are not written back.
    expect(await check('[escalation](./escalation/#paging-on-call)')).toEqual([
      `4:1 ${linkMessages.noPage('./escalation/#paging-on-call', '/guides/on-call/escalation/', '/guides/on-call/', '../escalation/#paging-on-call')}`,
    ]);
    expect(await check('[ledger](./../teams/ledger/)')).toEqual([
      `4:1 ${linkMessages.noPage('./../teams/ledger/', '/guides/teams/ledger/', '/guides/on-call/', '../../teams/ledger/')}`,
    ]);
    // A typo in a link written from the file's folder: the page a step up is the one it nearly names.
    expect(await check('[ledger](./../../teams/ledgr/)')).toEqual([
      `4:1 ${linkMessages.noPage('./../../teams/ledgr/', '/teams/ledgr/', '/guides/on-call/', '/teams/ledger/')}`,
    ]);
  });

  it('tells an address written in MDX as a number, true or null, which the page would link to as written, to be text', async () => {
    expect(await check('<a href={-1}>back</a> <a href={true}>here</a> <a href={null}>nowhere</a> <img src={2} alt="map" width={-1} />', 'mdx')).toEqual([
      `4:4 ${bodyMessages.addressNotText('href', '-1', '-1')}`,
      `4:26 ${bodyMessages.addressNotText('href', 'true', 'true')}`,
      `4:50 ${bodyMessages.addressNotText('href', 'null', undefined)}`,
      `4:79 ${bodyMessages.addressNotText('src', '2', '2')}`,
    ]);
    expect(bodyMessages.addressNotText('href', '-1', '-1')).toBe(
      'href={-1} is not an address: the page would get href="-1", which leads nowhere. Write the address as text, in quotes: href="/teams/<id>/", or href="https://…" for another site.',
    );
    // Numbers are fine in text and in attributes that are not addresses; an address in quotes is followed as usual.
    expect(await check('Page {-1} of {2}. <a href={"/teams/ledger/"} title={1}>Ledger</a> <a href>top</a>', 'mdx')).toEqual([]);
  });

  it('tells an address written without https:// (www.…, github.com/…) how to reach the other site', async () => {
    expect(await check('[the status page](www.example.com/status) and <a href="github.com/acme/ledger#readme">code</a>')).toEqual([
      `4:1 ${linkMessages.noScheme('www.example.com/status', '/guides/on-call/www.example.com/status/', 'https://www.example.com/status')}`,
      `4:50 ${linkMessages.noScheme('github.com/acme/ledger#readme', '/guides/on-call/github.com/acme/ledger/', 'https://github.com/acme/ledger#readme')}`,
    ]);
    expect(linkMessages.noScheme('www.example.com/status', '/guides/on-call/www.example.com/status/', 'https://www.example.com/status')).toBe(
      '"www.example.com/status" has no "https://", so it is read as an address on this site, /guides/on-call/www.example.com/status/, which leads nowhere. For the other site, write https://www.example.com/status.',
    );
    // A file in public/ with a dot in its name is no host.
    expect(await check('[map](../../images/map.png)')).toEqual([]);
  });

  it('takes a file in public/ as it is, named exactly, and a folder by its index.html', async () => {
    const dir = path.join(root, 'public-files');
    mkdirSync(path.join(dir, 'handbook'), { recursive: true });
    mkdirSync(path.join(dir, 'public/downloads'), { recursive: true });
    mkdirSync(path.join(dir, 'public/slides'), { recursive: true });
    writeFileSync(path.join(dir, 'public/downloads/handbook-pdf'), 'pdf');
    writeFileSync(path.join(dir, 'public/slides/index.html'), '<p>slides</p>');
    const body = '[a](/downloads/handbook-pdf) [b](/slides/) [c](/search/index.html) [d](/Downloads/handbook-pdf) [e](/slides) [f](/slide/)';
    writeFileSync(path.join(dir, 'handbook/page.md'), `---\ntitle: Files\n---\n${body}\n`);
    const problems = (await checkContent(dir, { cwd: dir })).problems.filter((problem) => problem.rule === 'links/broken');
    expect(problems.map((problem) => problem.message)).toEqual([
      linkMessages.noPage('/Downloads/handbook-pdf', '/Downloads/handbook-pdf/', undefined, undefined),
      linkMessages.noPage('/slide/', '/slide/', undefined, undefined),
    ]);
    // A relative link meant one level up is suggested so when it leads to a public file too.
    writeFileSync(path.join(dir, 'handbook/page.md'), '---\ntitle: Files\n---\n[g](downloads/handbook-pdf)\n');
    const [relative] = (await checkContent(dir, { cwd: dir })).problems.filter((problem) => problem.rule === 'links/broken');
    expect(relative!.message).toBe(linkMessages.noPage('downloads/handbook-pdf', '/page/downloads/handbook-pdf/', '/page/', '../downloads/handbook-pdf'));
    expect(builtHref('/downloads/handbook-pdf', 'handbook/page.md', '/hb', filesUnder(path.join(dir, 'public')))).toBe('/hb/downloads/handbook-pdf');
  });

  it('reports a content file that is not there, outside the content folder, or has no page', async () => {
    const [missing, outside] = await check('[a](./escalaton.md) [b](../../../README.md)');
    expect(missing).toMatch(/^4:1 "\.\/escalaton\.md" names no file: there is no .*handbook\/guides\/escalaton\.md\. Did you mean \.\/escalation\.md\?$/);
    expect(outside).toBe(`4:21 ${linkMessages.outside('../../../README.md')}`);
  });

  it('reports an image or file that is not in public/, in src and in each srcset candidate', async () => {
    expect(await check('![route](/images/route.png)')).toEqual([`4:1 ${linkMessages.noPublicFile('/images/route.png', 'public/images/route.png')}`]);
    expect(await check('<img src="/images/map.png" srcset="/images/map.png 1x, /images/map@2x.png 2x" alt="">')).toEqual([
      `4:28 ${linkMessages.noPublicFile('/images/map@2x.png', 'public/images/map@2x.png')}`,
    ]);
    expect(await check('<picture><source srcSet="/images/map.webp" /><img src="/images/map.png" alt="" /></picture>', 'mdx')).toEqual([
      `4:18 ${linkMessages.noPublicFile('/images/map.webp', 'public/images/map.webp')}`,
    ]);
  });

  it('quotes a long or odd URL readably', () => {
    expect(linkMessages.noPage(`/${'a'.repeat(300)}/`, '/x/', undefined, undefined)).toMatch(/^"\/a{118}…" leads to no page/);
    expect(linkMessages.noPublicFile('/a\u0000.png', 'public/a\u0000.png')).toBe(
      '"/a\\u0000.png" names no file: there is no public/a\\u0000.png. Files the site serves as they are go in public/: public/images/map.png is /images/map.png.',
    );
  });

  it('leaves a tag refused for safety to its safety rule', async () => {
    expect(await check('<a href="/nowhere/" onclick="x()">x</a>')).toEqual([]);
  });
});

describe('links in bodies on a site served under a base path', () => {
  it('lead to built pages, from Markdown, MDX, raw HTML and content file paths alike, through a linked content folder too', async () => {
    const content = path.join(mkdtempSync(path.join(tmpdir(), 'handbook-base-')), 'content');
    cpSync(fixtureContent('northwind'), content, { recursive: true });
    writeFileSync(
      path.join(content, 'handbook/start-here.md'),
      [
        '---',
        'title: Start here',
        'order: 1',
        '---',
        '## Welcome',
        'Read [the teams](/teams/), [Runway](../teams/runway.md#mission), [the guides](../guides/), [on call](./guides/on-call.mdx),',
        'the [roster](/people) and <a href="/teams/shipping/">Shipping</a>, or [search](/search/?q=pager). [Back up](#welcome).',
        '',
        '![The logo](/favicon.svg)',
      ].join('\n'),
    );
    writeFileSync(
      path.join(content, 'handbook/guides/index.md'),
      '---\ntitle: Guides\n---\nStart with [on call](./on-call.mdx), then [the streams](/streams/).\n',
    );
    writeFileSync(
      path.join(content, 'handbook/guides/on-call.mdx'),
      "---\ntitle: On-call guide\n---\nimport { Callout } from '@handbook/components';\n\nBack to [the start](../start-here.md), the <a href=\"/assets/\">value model</a> and <a href={\"../../teams/runway.md\"}>Runway</a>.\n\n<img src=\"/favicon.svg\" srcSet=\"/favicon.svg 1x, /favicon.svg 2x\" alt=\"\" />\n\n<Callout type=\"tip\" title=\"\">Page the tech lead.</Callout>\n",
    );
    // Through a symbolic link, as macOS's /tmp is: Vite names MDX files by their real path.
    const linked = `${content}-link`;
    symlinkSync(content, linked);
    const site = await buildSite(linked, { HANDBOOK_CHROMIUM: 'off', HANDBOOK_BASE: '/handbook' });
    // The body's links: not the new-hire path's, which the start-here page shows above the text.
    const hrefs = (url: string) =>
      site
        .page(url)
        .querySelectorAll('main .prose a, main .prose img')
        .filter((node) => !node.closest('.path-card'))
        .map((node) => node.getAttribute('href') ?? node.getAttribute('src'));
    expect(hrefs('/start-here/')).toEqual([
      '/handbook/teams/',
      '/handbook/teams/runway/#mission',
      '/handbook/guides/',
      '/handbook/guides/on-call/',
      '/handbook/people/',
      '/handbook/teams/shipping/',
      '/handbook/search/?q=pager',
      '#welcome',
      '/handbook/favicon.svg',
    ]);
    expect(hrefs('/guides/on-call/')).toEqual(['/handbook/start-here/', '/handbook/assets/', '/handbook/teams/runway/', '/handbook/favicon.svg']);
    expect(site.page('/guides/on-call/').querySelector('main .prose img')!.getAttribute('srcset')).toBe('/handbook/favicon.svg 1x, /handbook/favicon.svg 2x');
    // A callout with an empty title is named by its type, not left unnamed.
    expect(site.page('/guides/on-call/').querySelector('aside.callout-tip')!.getAttribute('aria-label')).toBe('Tip');

    // Nothing on any page leads outside the base path, or to a page that was not built.
    const pages = new Set(site.urls);
    const broken: string[] = [];
    for (const url of site.urls) {
      for (const node of site.page(url).querySelectorAll('a[href^="/"], img[src^="/"]')) {
        const target = (node.getAttribute('href') ?? node.getAttribute('src')!).replace(/[?#].*$/, '');
        const inside = target.startsWith('/handbook/') ? target.slice('/handbook'.length) : undefined;
        if (inside === undefined || !(pages.has(inside) || existsSync(path.join(site.outDir, inside)))) broken.push(`${url} → ${target}`);
      }
    }
    expect(broken).toEqual([]);

    // What the check takes for the site's pages, and their sections, is what the build wrote.
    const org = readOrg(content, new Date(`${TEST_TODAY}T00:00:00Z`));
    expect([...sitePages(org, readSources(content, projectRoot).existing)].sort()).toEqual(site.urls);
    const { anchors } = await checkContent(content, { cwd: projectRoot, today: new Date(`${TEST_TODAY}T00:00:00Z`) });
    expect(anchorsTheCheckMisses(site, anchors)).toEqual([]);
  });
});
