import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseFrontmatter } from '@astrojs/internal-helpers/frontmatter';
import { blockedScheme } from '../src/lib/check/rules/body.ts';
import { splitFrontmatter } from '../src/lib/check/source.ts';
import { checkContent } from '../src/lib/check/run.ts';
import { contentComponents } from '../src/lib/content/components.ts';
import { bodyMessages, checkMessages, ruleMessages } from '../src/lib/messages.ts';

const root = mkdtempSync(path.join(os.tmpdir(), 'handbook-body-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

let pages = 0;
/** The problems `handbook check` finds in one handbook page, as `line:column rule`. */
async function check(extension: 'md' | 'mdx', body: string): Promise<{ at: string[]; messages: string[] }> {
  const dir = path.join(root, `site-${pages++}`);
  mkdirSync(path.join(dir, 'handbook'), { recursive: true });
  mkdirSync(path.join(dir, 'teams'), { recursive: true });
  writeFileSync(path.join(dir, 'teams', 'ledger.md'), '---\nname: Ledger\ntype: leadership\n---\n');
  // The images the pages below show, where the site serves them from (links/broken checks they are there).
  mkdirSync(path.join(dir, 'public', 'images'), { recursive: true });
  for (const image of ['logo.png', 'a.png', 'images/team.png']) writeFileSync(path.join(dir, 'public', image), '');
  writeFileSync(path.join(dir, 'handbook', `page.${extension}`), `---\ntitle: A page\n---\n${body}`);
  const problems = (await checkContent(dir, { cwd: dir })).problems.filter((problem) => problem.file.startsWith('handbook/'));
  return { at: problems.map((p) => `${p.line}:${p.column} ${p.rule}`), messages: problems.map((p) => p.message) };
}

describe('content safety: what a page may contain', () => {
  it('lets through Markdown, plain HTML, the allow-listed components with literal props, and comments', async () => {
    const page = [
      "import { Callout, Ref as TeamLink } from '@handbook/components';",
      '',
      '## Welcome',
      '',
      '<Callout type="tip" title={"Read this"}>See <TeamLink kind="team" id="ledger" /> and [the docs](https://example.com).</Callout>',
      '',
      '<details><summary>More</summary><a href="/teams/">teams</a> <img src="/logo.png" alt="" /></details>',
      '',
      '{/* a note to editors */} {"literal text"} {42} {-1} {true} <>fragment</>',
      '',
      '```html',
      '<script>code in a code block is text</script>',
      '```',
      '',
    ].join('\n');
    expect((await check('mdx', page)).at).toEqual([]);
    expect((await check('md', 'Plain *Markdown* with <kbd>Ctrl</kbd>, [a link](mailto:team@example.com) and `<script>` in code.\n')).at).toEqual([]);
  });

  it('refuses every import but the components, and every export, at the statement', async () => {
    const { at, messages } = await check(
      'mdx',
      "import { Callout } from '@handbook/components';\nimport Chart from '../components/Chart.astro';\nimport '@handbook/components';\nexport const title = 'x';\n\nText\n",
    );
    expect(at).toEqual(['5:1 safety/import', '6:1 safety/import', '7:1 safety/export']);
    expect(messages[0]).toBe(
      'Content may import only from "@handbook/components", not "../components/Chart.astro": whatever a page imports runs during the build. The components are: Callout, Ref.',
    );
    expect(messages[1]).toBe("Import components by name, for example: import { Callout, Ref } from '@handbook/components';");
  });

  it('refuses an import the build could not compile: a name imported twice, or one the page declares itself (mdx/syntax)', async () => {
    const twice = "import { Callout } from '@handbook/components';\n\nText\n\nimport { Callout } from '@handbook/components';\n\n<Callout>x</Callout>\n";
    expect((await check('mdx', twice)).at).toEqual(['8:10 mdx/syntax']);
    const { at, messages } = await check('mdx', "import { Callout as frontmatter, Ref as _Fragment } from '@handbook/components';\n\nText\n");
    expect(at).toEqual(['4:21 mdx/syntax', '4:41 mdx/syntax']);
    expect(messages[0]).toBe(bodyMessages.importNameTaken('frontmatter', 'Callout'));
  });

  it('refuses expressions that are code, in text and in attributes, but not literals', async () => {
    const { at, messages } = (await check('mdx', 'Built on {process.env.DEPLOY_KEY}.\n\n<a href={`/x/${1}`} title={"ok"}>x</a>\n'));
    expect(at).toEqual(['4:11 safety/expression', '6:4 safety/expression']);
    expect(messages[0]).toBe(bodyMessages.expression);
    // Lists and objects are refused: Astro prints an unknown object as raw HTML, via a string form __proto__ can set.
    expect((await check('mdx', 'Hi {{__proto__: ["<img src=x onerror=alert(1)>"]}}\n\n<a href={["javascript:alert(1)"]}>x</a>\n')).at).toEqual([
      '4:5 safety/expression',
      '6:4 safety/expression',
    ]);
  });

  it('reads an expression as the build compiles it, a module: `<!--` hides no code from the check', async () => {
    // A review ran code in the build with these: as a script, acorn read `<!--` as a comment to the end of the line.
    const hidden = 'Asked a lot: {1 <!--globalThis[import("node:fs").then((f) => f.writeFileSync("/tmp/x", "ran"))]}\n\n<span title={"x" <!--y[import("node:fs")]}>z</span>\n';
    expect((await check('mdx', hidden)).at).toEqual(['4:15 safety/expression', '6:7 safety/expression']);
    expect((await check('mdx', '{-->import("node:fs")\n}\n\n{1\n-->x}\n')).at.every((at) => / (safety\/expression|mdx\/syntax)$/.test(at))).toBe(true);
    expect((await check('mdx', '{-->import("node:fs")\n}\n\n{1\n-->x}\n')).at).not.toEqual([]);
    // Literals and comments as authors write them still pass.
    expect((await check('mdx', '{" "} {\'it\\\'s\'} {`plain`} {1_000} {-2.5e3} {/* a */ /* b */}\n\n{// a line\n}\n')).at).toEqual([]);
  });

  it('refuses script-bearing tags, handlers and URLs in MDX and in Markdown raw HTML, wherever they hide', async () => {
    expect((await check('mdx', '<svg><script>alert(1)</script></svg>\n')).at).toEqual(['4:1 safety/element', '4:6 safety/element']);
    expect((await check('mdx', '<object data="x.swf" />\n\n<embed src="x" />\n')).at).toEqual(['4:1 safety/element', '6:1 safety/element']);
    expect((await check('md', 'Hi\n\n<SCRIPT>alert(1)</SCRIPT>\n\n<!-- <script>commented out</script> -->\n')).at).toEqual(['6:1 safety/element']);
    expect((await check('md', '<a href="#" onmouseover="steal()">x</a>\n')).at).toEqual(['4:13 safety/attribute']);
    expect((await check('md', '[x](&#106;avascript:alert(1))\n\n[ref]: JAVASCRIPT:alert(1)\n')).at).toEqual(['4:1 safety/url', '6:1 safety/url']);
    expect((await check('mdx', '<div set:html="<b>x</b>" />\n')).at).toEqual(['4:6 safety/attribute']);
  });

  it("refuses the attributes the site's search, path and quiz read, so a page cannot retitle its result or redirect the path", async () => {
    // A review showed a page retitling its search result and adding a step to the new-hire path with these.
    expect((await check('md', '<span data-pagefind-meta="title:Reset your password here"></span>\n')).at).toEqual(['4:7 safety/attribute']);
    expect((await check('mdx', '<li data-path-step="payroll">x</li>\n')).at).toEqual(['4:5 safety/attribute']);
    expect((await check('md', '<span data-pagefind-filter="section:Team"></span>\n')).messages).toEqual([bodyMessages.siteAttribute('data-pagefind-filter')]);
    expect((await check('md', '<span data-note="fine">x</span>\n')).at).toEqual([]);
  });

  it('reports a link with no text, but not an <a> that only marks a place, or one named by aria-label (html/no-name)', async () => {
    const places = '<a id="old-faq"></a> <a name="legacy"></a> <a href="/teams/" aria-label="All teams"></a> [back](#old-faq) [older](#legacy)\n\n<a id="block"></a>\n';
    expect((await check('md', places)).at).toEqual([]);
    expect((await check('mdx', '<a id="mdx-anchor" /> <a href="/teams/" title="All teams"></a>\n')).at).toEqual([]);
    expect((await check('md', 'See <a href="/teams/"></a> and\n\n<a href="/people/"> </a>\n')).at).toEqual(['4:5 html/no-name', '6:1 html/no-name']);
  });

  it('refuses a style that could cover the page with a fake one or load from elsewhere, and keeps plain styling', async () => {
    const cover = '<div style="position:fixed;inset:0;z-index:9999;background:white">Sign in again</div>\n';
    expect((await check('md', cover)).messages).toEqual([bodyMessages.style('"position"')]);
    expect((await check('mdx', '<span style="background-color: URL(https://tracker.example/p.gif)">x</span>\n')).messages).toEqual([
      bodyMessages.style('"background-color: url(https://tracker.example/p.gif)"'),
    ]);
    expect((await check('md', '<span style="posit\\69on: fixed">x</span>\n')).messages).toEqual([bodyMessages.style('escapes or comments')]);
    // A review covered the page, header included, past a list of what to refuse: so styles are an allow-list.
    const bypasses = [
      '<div style="--p:fixed;position:var(--p);top:0;left:0;width:100vw;height:100vh">x</div>',
      '<div style="width:100vw;margin-top:-12rem;min-height:150vh;background-color:#fff">x</div>',
      '<div style="padding:0;transform:translateY(-200px)">x</div>',
      '<div style="width:calc(100vw - -5px)">x</div>',
      '<div style="color:var(--accent)">x</div>',
    ];
    for (const html of bypasses) expect((await check('md', `${html}\n`)).at, html).toEqual(['4:6 safety/attribute']);
    expect((await check('md', '<span style="color: rgb(200 0 0); font-weight: 600; text-align: right; padding: 0 4px; border: 1px solid #ccc">x</span>\n')).at).toEqual([]);
  });

  it("refuses classes, which borrow the site's own styles and diagrams, and attributes that report to other sites", async () => {
    // The site's search panel is positioned over the page; a raw <code class="language-mermaid"> was drawn unchecked.
    expect((await check('md', '<div class="site-search-panel">Sign in again</div>\n\n<pre><code class="language-mermaid">flowchart TD\n  B --></code></pre>\n')).at).toEqual([
      '4:6 safety/attribute',
      '6:12 safety/attribute',
    ]);
    expect((await check('mdx', '<code className="language-mermaid">{"flowchart TD"}</code>\n')).messages).toEqual([bodyMessages.reachingAttribute('className')]);
    // Astro writes class:list as class.
    expect((await check('mdx', '<div class:list="site-search-panel">x</div>\n')).at).toEqual(['4:6 safety/attribute']);
    expect((await check('md', '<a href="/teams/" ping="https://evil.example/p">x</a> <img src="/logo.png" alt="" referrerpolicy="unsafe-url">\n')).at).toEqual([
      '4:19 safety/attribute',
      '4:83 safety/attribute',
    ]);
    // Each srcset candidate is a URL of its own.
    expect((await check('md', '<img alt="" src="/logo.png" srcset="/logo.png 1x, data:image/svg+xml,<svg/> 2x">\n')).at).toEqual(['4:29 safety/url']);
  });

  it('reads raw HTML as a browser would, and refuses what it cannot read exactly (fails closed)', async () => {
    const payloads = [
      '<!--> <img src=x onerror="alert(1)"> -->', // a browser ends this comment at once
      '<div>\n<img src="x"onerror="alert(2)">\n</div>', // attributes run together
      '<div>\n<script/x>alert(3)</script>\n</div>',
      '<div>\n<img src=`x` onerror="alert(4)">\n</div>',
      '<svg><a><animate attributeName="href" values="javascript:alert(5)"/></a></svg>',
      '<div>\n<img src=x onerror="alert(6)"', // left open, to swallow the layout's next tag
    ];
    for (const payload of payloads) expect((await check('md', `${payload}\n`)).at.length, payload).toBeGreaterThan(0);
    expect((await check('md', '<div>\n<img src="x"onerror="alert(2)">\n</div>\n')).at).toEqual(['5:1 safety/html']);
    expect((await check('md', '<details><summary>More</summary>\n\n<!-- a note -->\n\nText, a < b, <3.\n\n</details>\n')).at).toEqual([]);
  });

  it('refuses relative image paths, which the build would import as modules', async () => {
    expect((await check('mdx', '![x](./.payload.mjs)\n\n![y](pkg/bin.js)\n\n![ok](/images/team.png) ![ok](https://example.com/a.png)\n')).at).toEqual([
      '4:1 safety/image',
      '6:1 safety/image',
    ]);
    expect((await check('md', '![z][diagram]\n\n[diagram]: ../src/evil.js\n')).at).toEqual(['4:1 safety/image']);
  });

  it('refuses an image address with a stray "%", which drops a Markdown page\'s text and stops an MDX build', async () => {
    const md = await check('md', '![Coverage](https://img.shields.io/badge/coverage-95%-green.png) ![ok](https://example.com/a%20b.png)\n\n<img src="https://example.com/50%off.png" alt="">\n');
    // The build decodes only Markdown's own images: raw HTML reaches the page as written.
    expect(md.at).toEqual(['4:1 mdx/syntax']);
    expect(md.messages[0]).toBe(
      '"https://img.shields.io/badge/coverage-95%-green.png" is an image address the build cannot read: it would drop this page\'s text, or stop. "%" starts an escape of two hex digits (%20 is a space). Write %25 for a percent sign: "https://img.shields.io/badge/coverage-95%25-green.png".',
    );
    expect((await check('mdx', '![Rate](/images/rate-95%.png)\n\n<img src="https://example.com/50%off.png" alt="" /> ![Ref][badge]\n\n[badge]: https://example.com/100%passing.png\n')).messages).toEqual([
      bodyMessages.imageEscape('/images/rate-95%.png', '/images/rate-95%25.png'),
      bodyMessages.imageEscape('https://example.com/100%passing.png', 'https://example.com/100%25passing.png'),
    ]);
  });

  it('refuses a link inside a link, either way round, and a slot, which the build drops with its text', async () => {
    const { at, messages } = await check(
      'mdx',
      [
        "import { Ref } from '@handbook/components';",
        '',
        '<Ref kind="team" id="ledger">the [ledger docs](/teams/) page</Ref>',
        '',
        '<a href="/teams/">outer <a href="/people/">inner</a></a>',
        '',
        '<p slot="x">Top-level slotted paragraph.</p> <Ref kind="team" id="ledger"><span slot="y">label</span></Ref>',
        '',
      ].join('\n'),
    );
    expect(at).toEqual(['6:34 components/ref-in-link', '8:25 components/ref-in-link', '10:4 safety/attribute', '10:81 safety/attribute']);
    expect(messages.slice(0, 3)).toEqual([bodyMessages.linkInRef('Ref'), bodyMessages.linkInLink, bodyMessages.slot]);
  });

  it('says a tag whose attribute has curly quotes, pasted from a word processor, needs straight ones, in Markdown and MDX', async () => {
    const md = await check('md', 'See <a href=\u201dhttps://example.com/x\u201d>the doc</a> and <img src=\u201d/logo.svg\u201d alt=\u201dx\u201d>.\n');
    expect(md.messages).toEqual([bodyMessages.curlyQuotes('href', '\u201d'), bodyMessages.curlyQuotes('src', '\u201d'), bodyMessages.curlyQuotes('alt', '\u201d')]);
    expect(md.at).toEqual(['4:8 mdx/syntax', '4:58 mdx/syntax', '4:74 mdx/syntax']);
    // Straight quotes that smart punctuation turns curly on the page are what the author wrote: not reported.
    const fine = await check('md', 'Write \\<a href="/teams/">teams\\</a> or &lt;img src="x.png"&gt;. Keep latency <p95 when mode="fast" is on.\n');
    expect(fine.messages).toEqual([]);
    const mdx = await check('mdx', "import { Callout } from '@handbook/components';\n\n<Callout type=\u201ctip\u201d>Hi</Callout>\n");
    expect(mdx.at).toEqual(['6:15 mdx/syntax']);
    expect(mdx.messages).toEqual([bodyMessages.curlyQuotes('type', '\u201c')]);
    // Curly quotes in the prose of a line that breaks for another reason are not blamed.
    const other = await check('mdx', 'Set x=\u201cy\u201d and then <div\n');
    expect(other.messages).toHaveLength(1);
    expect(other.messages[0]).toMatch(/^This MDX cannot be read: /);
  });

  it('tells a ```Mermaid block, which the build shows as code, to be ```mermaid', async () => {
    const { at, messages } = await check('md', '```Mermaid\nflowchart LR\n  A --> B\n```\n');
    expect(at).toEqual(['4:1 diagrams/syntax']);
    expect(messages).toEqual(['The build draws only blocks marked ```mermaid, in lowercase: this ```Mermaid block would show its source as code. Write ```mermaid.']);
  });

  it('refuses rel="opener", which hands the reader\'s tab to the page a link opens, and autofocus, in Markdown and MDX', async () => {
    const md = await check('md', '<a href="https://example.com/" target="_blank" rel="noreferrer opener">x</a> <a href="/teams/" autofocus>y</a>\n');
    expect(md.messages).toEqual([bodyMessages.opener, bodyMessages.autofocus]);
    const mdx = await check('mdx', '<a href="https://example.com/" rel="opener">x</a>\n');
    expect(mdx.at).toEqual(['4:32 safety/attribute']);
    expect(mdx.messages).toEqual([bodyMessages.opener]);
    // rel="noopener" and others are fine.
    expect((await check('md', '<a href="https://example.com/" rel="noopener noreferrer">x</a>\n')).messages).toEqual([]);
  });

  it('reports a body nested thousands deep at its file, instead of crashing the whole check', async () => {
    for (const extension of ['md', 'mdx'] as const) {
      const { at, messages } = await check(extension, `${'>'.repeat(12_000)} x\n`);
      expect(at).toEqual([`${extension === 'md' ? 4 : 1}:1 mdx/syntax`]);
      expect(messages).toEqual([bodyMessages.tooDeep]);
    }
  });

  it('says which component is meant, and checks its props and the ids it links to', async () => {
    const { at, messages } = await check(
      'mdx',
      "import { Callout, Ref } from '@handbook/components';\n\n<Callot>x</Callot>\n\n<Callout tpye=\"tip\">x</Callout>\n\n<Ref kind=\"team\" id=\"ledgr\" />\n\n<Ref id=\"ledger\" />\n",
    );
    expect(at).toEqual(['6:1 safety/component', '8:10 components/props', '10:18 references/team', '12:1 components/props']);
    expect(messages).toEqual([
      '<Callot> is not a component content may use. Did you mean <Callout>? The components are: Callout, Ref; HTML tags are written in lowercase.',
      '<Callout> has no "tpye". Did you mean "type"? It takes: type, title.',
      `No team has the id "ledgr" (in <Ref id>). Did you mean "ledger"? There is no teams/ledgr.md.`,
      '<Ref> needs "kind", and it is missing.',
    ]);
    expect((await check('mdx', '<Ref kind="team" id="ledger" />\n')).messages).toEqual([
      "<Ref> is used but not imported. Add this line below the frontmatter: import { Ref } from '@handbook/components';",
    ]);
  });

  it('reports MDX that cannot be read at its line in the file, not a crash', async () => {
    expect((await check('mdx', 'Fine.\n\nA <b>bold\n\nclaim.\n')).at).toEqual(['6:3 mdx/syntax']);
    expect((await check('mdx', "import { Callout from '@handbook/components';\n")).at).toEqual(['4:18 mdx/syntax']);
    expect((await check('mdx', 'Costs {less than 5 € a month\n')).messages[0]).toMatch(/^This MDX cannot be read: .*brace.*write \\< or \\\{ for the character itself\.$/);
    // HTML's habit of leaving <br> open: the fix is to close it.
    expect((await check('mdx', 'Line one<br>line two\n')).messages[0]).toMatch(/^This MDX cannot be read: .*<br>.* In MDX every tag is closed, <br> too: write <br \/> \(with its attributes before the "\/>"\)\.$/);
  });
});

describe('top headings in the text', () => {
  it('warns at a "#" heading or an <h1>, in Markdown and MDX: the page already has its title as h1', async () => {
    const { at, messages } = await check('md', 'Intro.\n\n# Who to call\n\n<h1>Again</h1>\n\n## Fine\n');
    expect(at).toEqual(['6:1 mdx/h1', '8:1 mdx/h1']);
    expect(messages[0]).toBe(bodyMessages.secondH1);
    expect((await check('mdx', '<h1>Title</h1>\n')).at).toEqual(['4:1 mdx/h1']);
  });

  it('warns at a heading written in HTML without an id, which no link can reach (html/heading)', async () => {
    const { at, messages } = await check('md', '## Fine\n\n<h2>Rota</h2>\n\n<h4 id="pager">Pager</h4>\n');
    expect(at).toEqual(['6:1 html/heading']);
    expect(messages).toEqual([bodyMessages.htmlHeadingNoId(2)]);
    expect(messages[0]).toContain('Write it in Markdown: "## …", or give it an id.');
    expect((await check('mdx', 'Text with <h3>Inline</h3> and <h3 id={"named"}>Named</h3>.\n')).at).toEqual(['4:11 html/heading']);
  });

  it('warns at any heading written in HTML in a charter, whose page sets the text a level down', async () => {
    const dir = path.join(root, 'nested');
    mkdirSync(path.join(dir, 'teams'), { recursive: true });
    writeFileSync(path.join(dir, 'teams', 'ledger.md'), '---\nname: Ledger\ntype: leadership\n---\n## How we work\n\n<h2 id="rota">Rota</h2>\n');
    const problems = (await checkContent(dir, { cwd: dir })).problems.filter((problem) => problem.rule === 'html/heading');
    expect(problems.map((p) => `${p.line}:${p.column} ${p.message}`)).toEqual([`7:1 ${bodyMessages.htmlHeadingNested(2)}`]);
  });
});

describe('raw HTML left open', () => {
  it('reports a tag never closed, at the tag, and lets through void, self-closing and optional-end tags', async () => {
    const page = 'The <s>old sheet is gone.\n\nOut of order, <b><i>closed</b></i> all the same.\n\n<details><summary>More</summary>\n\nPress <kbd>Ctrl</kbd>,<br> then <img src="/a.png" alt="">.\n\n<ul><li>one<li>two</ul>\n\n</details>\n\n<span><a href="https://example.com">partner</span>\n';
    const { at, messages } = await check('md', page);
    expect(at).toEqual(['4:5 html/unclosed', '16:7 html/unclosed']);
    expect(messages[0]).toBe("<s> is opened here and never closed, so what follows would be inside it, up to the end of the page and the page's own sections below the text. Close it with </s>.");
    expect(messages[1]).toContain('<a> is opened here and never closed');
  });
});

describe('Markdown inside an HTML block', () => {
  it('warns at the first Markdown a .md page would show as written, once a block, with where the blank lines go', async () => {
    const details = '<details>\n<summary>More</summary>\n**Bold** and a [link](/teams/ledger/).\n- and a list\n</details>\n';
    const { at, messages } = await check('md', details);
    expect(at).toEqual(['6:1 html/markdown']);
    expect(messages[0]).toBe(
      '"**Bold**" shows as written, marks and all: in a .md file, a block that starts with an HTML tag (here <details>) is HTML up to the next blank line, and Markdown inside it is not read. Put the Markdown on lines of its own, with a blank line above it and one below it, before </details>; or write it in HTML: <strong>, <em>, <a href="…">, <code>.',
    );
    const blocks = [
      '<div>\n- one\n- two\n</div>',
      '<div>\n## Rota\n</div>',
      '> <div>\n> Read [the charter](/teams/ledger/).\n> </div>',
      '<p>Use **bold** here.</p>',
      '<div>\nRun `make` now.\n</div>',
      '<img src="/a.png" alt="">\n_Figure 1_',
    ].join('\n\n');
    const found = await check('md', `${blocks}\n`);
    expect(found.at).toEqual(['5:1 html/markdown', '10:1 html/markdown', '14:8 html/markdown', '17:8 html/markdown', '20:5 html/markdown', '24:1 html/markdown']);
    expect(found.messages[0]).toBe(bodyMessages.markdownInHtml('- one', 'div', true));
    expect(found.messages[5]).toBe(bodyMessages.markdownInHtml('_Figure 1_', 'img', false));
  });

  it('lets through Markdown set apart by blank lines, text meant as written, inline HTML, plain words, and MDX', async () => {
    const page = [
      '<details>',
      '<summary>More</summary>',
      '',
      '**Bold** and a [link](/teams/ledger/).',
      '',
      '</details>',
      '',
      '<pre>',
      '*literal*',
      '</pre>',
      '',
      '<div title="**not text**">',
      '<code>*ptr*</code> and <kbd>**</kbd> are code; 5 * 3 = 15, snake_case_name and a*b*c are words.',
      '</div>',
      '',
      '<!--',
      '**a note to editors**',
      '-->',
      '',
      'Text <span>**bold**</span> in a paragraph is read as Markdown.',
      '',
    ].join('\n');
    expect((await check('md', page)).at).toEqual([]);
    // MDX reads Markdown inside its tags: the bold and the link render.
    expect((await check('mdx', '<details>\n<summary>More</summary>\n**Bold** and a [link](/teams/ledger/).\n</details>\n')).at).toEqual([]);
  });
});

describe('code blocks left open', () => {
  it('reports a fence nothing closes, at the fence, with the fence to write: the rest of the page would be code', async () => {
    const { at, messages } = await check('md', 'Build it:\n\n```sh\nmake build\n\n## After the build\n\nSee [the team](/teams/ledger/).\n');
    expect(at).toEqual(['6:1 mdx/unclosed-fence']);
    expect(messages[0]).toBe(
      'This code block is never closed, so everything after it, to the end of the text, shows as code: headings, links and lists too. Add ``` on a line of its own where the code ends.',
    );
    // The fence to close it with is the one it was opened with: a ``` line inside ~~~ or ```` is code.
    expect(await check('md', 'Text\n\n~~~\nx\n```\n\nMore\n')).toEqual({ at: ['6:1 mdx/unclosed-fence'], messages: [bodyMessages.unclosedFence('~~~')] });
    expect((await check('md', 'Text\n\n  ````md\n```\nx\n```\n')).messages).toEqual([bodyMessages.unclosedFence('````')]);
    expect((await check('mdx', 'Text\n\n```ts\nconst a = 1;\n\n## After\n')).at).toEqual(['6:1 mdx/unclosed-fence']);
    // In a list item that runs to the end of the text, the rest of the text is code too.
    expect((await check('md', '- Run:\n\n  ```sh\n  make\n\n  Then deploy.\n')).at).toEqual(['6:3 mdx/unclosed-fence']);
  });

  it('lets through fences closed as Markdown allows, indented code, and a fence the end of its list item or quote closes', async () => {
    const page = [
      '~~~',
      '```',
      '~~~~',
      '',
      '````md',
      '```sh',
      'make',
      '```',
      '````',
      '',
      '  ```',
      '  indented by two, closed by three',
      '   ```   ',
      '',
      '    ```',
      '    an indented code block, fence and all',
      '',
      '- one',
      '',
      '  ```',
      '  left open, closed by the item',
      '- two',
      '',
      '> ```',
      '> in a quote',
      '> ```',
      '',
      'The end.',
    ].join('\n');
    expect((await check('md', page)).at).toEqual([]);
  });

  it('reports an open Mermaid block as open, not as a diagram that does not parse', async () => {
    expect((await check('md', 'The flow:\n\n```mermaid\nflowchart LR\n  a --> b\n\n## After\n\nMore text.\n')).at).toEqual(['6:1 mdx/unclosed-fence']);
  });
});

describe('ids the page itself uses', () => {
  it('refuses an HTML id the layout already gives, at the attribute, with a free one; a heading of that name gets its own', async () => {
    const dir = path.join(root, `site-${pages++}`);
    mkdirSync(path.join(dir, 'teams'), { recursive: true });
    mkdirSync(path.join(dir, 'handbook'), { recursive: true });
    const fields = 'type: platform\nmission: Pave the road.\ntechLead: ada\nmetrics: [{ name: Lead time, kind: value }]\nreviewed: 2026-11-01\nowns: [route-planner]';
    // A charter: its Mission and Members sections, and one anchor per system it owns, are the layout's.
    writeFileSync(
      path.join(dir, 'teams', 'runway.md'),
      `---\nname: Runway\n${fields}\n---\n<h2 id="mission">Our mission</h2>\n\n<div id="system-route-planner">Routes</div> <div id="system-billing">Not ours</div>\n\n## Mission\n\n## Members\n`,
    );
    writeFileSync(path.join(dir, 'teams', 'shipping.mdx'), `---\nname: Shipping\n${fields.replace('route-planner', 'tracking')}\n---\n<p title="x" id={"members"}>We are four.</p>\n`);
    // On every page: the skip link's target.
    writeFileSync(path.join(dir, 'handbook', 'page.md'), '---\ntitle: A page\n---\nText.\n\n<p id="main">Main</p> <p id="mission">A handbook page has no mission section.</p>\n');
    mkdirSync(path.join(dir, 'people'));
    writeFileSync(path.join(dir, 'people', 'ada.yaml'), 'name: Ada\nrole: tech-lead\n');
    const problems = (await checkContent(dir, { cwd: dir, today: new Date('2026-11-21T00:00:00Z') })).problems.filter((p) => p.rule === 'html/id-taken');
    expect(problems.map((p) => `${p.file}:${p.line}:${p.column} ${p.message}`)).toEqual([
      `handbook/page.md:6:4 ${bodyMessages.idTaken('main', true, 'main-1')}`,
      // "## Mission" below is #mission-2 on the page, and stays so once this one is #mission-1.
      `teams/runway.md:10:5 ${bodyMessages.idTaken('mission', false, 'mission-1')}`,
      `teams/runway.md:12:6 ${bodyMessages.idTaken('system-route-planner', false, 'system-route-planner-1')}`,
      `teams/shipping.mdx:10:14 ${bodyMessages.idTaken('members', false, 'members-1')}`,
    ]);
    expect(bodyMessages.idTaken('mission', false, 'mission-1')).toBe(
      'id="mission" is taken: this page\'s layout gives it to a section of its own. An id names one element, so links to #mission, the page\'s own included, would lead to only one of the two. Use another id, such as id="mission-1".',
    );
  });
});

describe('frontmatter the build would read differently', () => {
  it('refuses YAML merge and complex keys, through which a "layout" import could slip past the schema', async () => {
    const page = async (frontmatter: string) => {
      const dir = mkdtempSync(path.join(root, 'fm-'));
      mkdirSync(path.join(dir, 'handbook'));
      writeFileSync(path.join(dir, 'handbook', 'page.mdx'), `---\ntitle: A\n${frontmatter}\n---\nBody\n`);
      return (await checkContent(dir, { cwd: dir })).problems.filter((p) => p.file.startsWith('handbook/')).map((p) => `${p.line} ${p.rule}: ${p.message}`);
    };
    expect(await page('<<: { layout: ./evil.mjs }')).toEqual([
      '2 yaml/syntax: The build reads this frontmatter differently (it also sees "layout"). Avoid YAML merge keys ("<<") and complex keys ("? …"): write each field out.',
    ]);
    expect((await page('? [layout]\n: ./evil.mjs'))[0]).toMatch(/^2 yaml\/syntax: .*"layout"/);
    expect((await page('layout: ./evil.mjs'))[0]).toMatch(/^3 schema\/unknown-key: Unknown field "layout"/);
  });

  it('refuses a review date after today, with a day of grace for time zones ahead of UTC (org/future-date)', async () => {
    const dir = mkdtempSync(path.join(root, 'fm-'));
    mkdirSync(path.join(dir, 'teams'));
    const charter = (reviewed: string) => `---\nname: Board\ntype: leadership\nmission: Lead.\nmetrics: [{ name: Growth, kind: value }]\nreviewed: ${reviewed}\n---\n`;
    const future = async (reviewed: string) => {
      writeFileSync(path.join(dir, 'teams', 'board.md'), charter(reviewed));
      return (await checkContent(dir, { cwd: dir, today: new Date('2026-11-21T00:00:00Z') })).problems.filter((p) => p.rule === 'org/future-date').map((p) => p.message);
    };
    expect(await future('2026-11-22')).toEqual([]);
    expect(await future('2062-11-21')).toEqual(['"reviewed" is 2062-11-21, after today (2026-11-21): it says when something happened, so it cannot be later than today. Check the year and the month.']);
  });

  it('refuses a person who joined after today, whom the roster would count in while their welcome waits (org/future-date)', async () => {
    const dir = mkdtempSync(path.join(root, 'people-'));
    mkdirSync(path.join(dir, 'people'));
    const joined = async (day: string) => {
      writeFileSync(path.join(dir, 'people', 'ada.yaml'), `name: Ada\nrole: cto\njoined: ${day}\n`);
      return (await checkContent(dir, { cwd: dir, today: new Date('2026-11-21T00:00:00Z') })).problems.map((p) => `${p.line}:${p.column} ${p.rule} ${p.message}`);
    };
    expect(await joined('2026-11-21')).toEqual([]);
    expect(await joined('2026-11-22')).toEqual([]);
    expect(await joined('2027-11-21')).toEqual([`3:9 org/future-date ${ruleMessages.joinedAhead('2027-11-21', '2026-11-21')}`]);
  });

  it('holds decision statuses to their supersedes, so the decisions log shows what stands (org/decision-status)', async () => {
    const dir = mkdtempSync(path.join(root, 'decisions-'));
    mkdirSync(path.join(dir, 'council'));
    const decision = (id: string, status: string, supersedes?: string) => `  - { id: ${id}, title: ${id}, kind: other, status: ${status}${supersedes ? `, supersedes: ${supersedes}` : ''} }`;
    writeFileSync(path.join(dir, 'council', '2026-10-07.md'), ['---', 'date: 2026-10-07', 'decisions:', decision('use-postgres', 'accepted'), decision('orphan', 'superseded'), decision('time-travel', 'accepted', 'use-mongo'), decision('stays', 'accepted'), '---', ''].join('\n'));
    // A rejected decision and a proposal keep the "supersedes" they were written with, and a
    // decision that reverses a rejection leaves it rejected: none of that is reported.
    const later = [decision('use-postgis', 'accepted', 'use-postgres'), decision('use-mongo', 'rejected', 'stays'), decision('maybe', 'proposed', 'stays'), decision('mongo-after-all', 'accepted', 'use-mongo')];
    writeFileSync(path.join(dir, 'council', '2026-10-21.md'), ['---', 'date: 2026-10-21', 'decisions:', ...later, '---', ''].join('\n'));
    const statusProblems = async () => (await checkContent(dir, { cwd: dir, today: new Date('2026-11-21T00:00:00Z') })).problems.filter((p) => p.rule === 'org/decision-status');
    expect((await statusProblems()).map((p) => `${p.file}:${p.line} ${p.severity} ${p.message}`)).toEqual([
      `council/2026-10-07.md:4 warning ${ruleMessages.notMarkedSuperseded('use-postgres', 'use-postgis', 'accepted')}`,
      `council/2026-10-07.md:5 warning ${ruleMessages.supersededByNothing('orphan')}`,
      `council/2026-10-07.md:6 warning ${ruleMessages.supersedesLater('time-travel', 'use-mongo', '2026-10-21')}`,
    ]);
    // Minutes that cannot be read may hold what replaced a "superseded" decision: nothing is said about it then.
    writeFileSync(path.join(dir, 'council', '2026-11-04.md'), '---\ndate: 2026-11-04\nbroken: [never closed\n---\n');
    expect((await statusProblems()).map((p) => `${p.file}:${p.line}`)).toEqual(['council/2026-10-07.md:4', 'council/2026-10-07.md:6']);
  });

  it('refuses two charters that state different modes for one pair, and an attendee listed twice (org/contradiction)', async () => {
    const dir = mkdtempSync(path.join(root, 'contradiction-'));
    mkdirSync(path.join(dir, 'teams'));
    mkdirSync(path.join(dir, 'council'));
    const charter = (name: string, interactions: string) => `---\nname: ${name}\ntype: leadership\ninteractions: ${interactions}\n---\n`;
    writeFileSync(path.join(dir, 'teams', 'runway.md'), charter('Runway', '[{ team: shipping, mode: collaboration }]'));
    writeFileSync(path.join(dir, 'teams', 'shipping.md'), charter('Shipping', '[{ team: runway, mode: x-as-a-service }]'));
    // The same mode on both sides is the same interaction, said twice: fine.
    writeFileSync(path.join(dir, 'teams', 'ledger.md'), charter('Ledger', '[{ team: payments, mode: facilitating }]'));
    writeFileSync(path.join(dir, 'teams', 'payments.md'), charter('Payments', '[{ team: ledger, mode: facilitating }]'));
    writeFileSync(path.join(dir, 'council', '2026-11-18.md'), '---\ndate: 2026-11-18\nattendees: [ada, bob, ada]\n---\n');
    const problems = (await checkContent(dir, { cwd: dir, today: new Date('2026-11-21T00:00:00Z') })).problems.filter((p) => p.rule === 'org/contradiction');
    expect(problems.map((p) => `${p.file}:${p.line} ${p.message}`)).toEqual([
      `council/2026-11-18.md:3 ${ruleMessages.attendeeTwice('ada')}`,
      `teams/shipping.md:4 ${ruleMessages.interactionModesDiffer('runway', 'x-as-a-service', 'collaboration', 'teams/runway.md')}`,
    ]);
  });

  it("refuses a decision id its meeting's page already gives a section, where a link to the decision would land elsewhere (ids/decision-unique)", async () => {
    const dir = mkdtempSync(path.join(root, 'decision-id-'));
    mkdirSync(path.join(dir, 'council'));
    const decisions = ['main', 'roadmap', 'use-postgres'].map((id) => `  - { id: ${id}, title: T, kind: other, status: accepted }`);
    writeFileSync(path.join(dir, 'council', '2026-11-18.md'), `---\ndate: 2026-11-18\ndecisions:\n${decisions.join('\n')}\n---\n`);
    const problems = (await checkContent(dir, { cwd: dir, today: new Date('2026-11-21T00:00:00Z') })).problems.filter((p) => p.rule === 'ids/decision-unique');
    expect(problems.map((p) => `${p.line}:${p.column} ${p.message}`)).toEqual([`4:11 ${ruleMessages.decisionIdTaken('main')}`, `5:11 ${ruleMessages.decisionIdTaken('roadmap')}`]);
  });

  it('refuses minutes dated more than a cadence ahead, which would stand as the latest and hide overdue actions, and reports no gap for them', async () => {
    const dir = mkdtempSync(path.join(root, 'council-'));
    mkdirSync(path.join(dir, 'council'));
    writeFileSync(path.join(dir, 'council', '2026-11-18.md'), '---\ndate: 2026-11-18\n---\n');
    // The next meeting's minutes, started ahead: fine.
    writeFileSync(path.join(dir, 'council', '2026-12-02.md'), '---\ndate: 2026-12-02\n---\n');
    writeFileSync(path.join(dir, 'council', '2062-11-04.md'), '---\ndate: 2062-11-04\n---\n');
    const problems = (await checkContent(dir, { cwd: dir, today: new Date('2026-11-21T00:00:00Z') })).problems.filter((p) => p.file.startsWith('council/'));
    expect(problems.map((p) => `${p.file}:${p.line} ${p.rule}`)).toEqual(['council/2062-11-04.md:2 org/future-date']);
  });

  it('warns about Markdown or HTML in a field, and leaves text that only looks like it (schema/markup)', async () => {
    const dir = mkdtempSync(path.join(root, 'fm-'));
    mkdirSync(path.join(dir, 'teams'));
    const fields = [
      "skills: ['Rust Option<T>', 'std::vector<int>', 'Python (__init__ files)', 'a < b > c']",
      "norms: ['Reviews within **four** hours', 'See [the guide](/how-we-work/)', 'Run `npm test` first', '<em>Always</em> pair']",
    ];
    writeFileSync(path.join(dir, 'teams', 'board.md'), `---\nname: Board\ntype: leadership\nmission: Lead.\nmetrics: [{ name: Growth, kind: value }]\nreviewed: 2026-11-01\n${fields.join('\n')}\n---\n`);
    const found = (await checkContent(dir, { cwd: dir, today: new Date('2026-11-21T00:00:00Z') })).problems.filter((p) => p.rule === 'schema/markup');
    expect(found.map((p) => `${p.line} ${p.message.slice(0, p.message.indexOf(' would'))}`)).toEqual([
      '8 "norms[1]" is shown as plain text, so "**four**"',
      '8 "norms[2]" is shown as plain text, so "[the guide](/how-we-work/)"',
      '8 "norms[3]" is shown as plain text, so "`npm test`"',
      '8 "norms[4]" is shown as plain text, so "<em>"',
    ]);
  });

  it('reports a value an unquoted " #" cuts short, at the "#", with the value to write; a comment written "# …" is left alone', async () => {
    const dir = mkdtempSync(path.join(root, 'fm-'));
    mkdirSync(path.join(dir, 'teams'));
    const fields = [
      'mission: We are the #1 invoicing team # as of 2026',
      'norms:',
      '  - Decide in writing in #team-ledger, after 48 hours',
      '  - "Ask in #help-ledger" # quoted, with a comment',
      '  - #ledger-oncall is where we talk',
      // One word and "#…" after it is an id or a date with a comment on it: quoting would break it.
      'productManager: ada #interim',
    ];
    writeFileSync(path.join(dir, 'teams', 'board.md'), `---\nname: Board # the team's name\ntype: leadership\nmetrics: [{ name: Growth, kind: value }]\nreviewed: 2026-11-01\n${fields.join('\n')}\n---\n`);
    const found = (await checkContent(dir, { cwd: dir, today: new Date('2026-11-21T00:00:00Z') })).problems.filter((p) => p.rule === 'yaml/comment');
    expect(found.map((p) => `${p.line}:${p.column} ${p.message}`)).toEqual([
      `6:21 ${checkMessages.cutByComment('mission', 'We are the', '"We are the #1 invoicing team"')}`,
      `8:26 ${checkMessages.cutByComment('norms[0]', 'Decide in writing in', '"Decide in writing in #team-ledger, after 48 hours"')}`,
      `10:5 ${checkMessages.cutByComment('norms[2]', '', '"#ledger-oncall is where we talk"')}`,
    ]);
    expect(found[0]!.message).toBe('YAML reads "#" and everything after it as a comment, so "mission" is only "We are the". Put the whole value in quotes: "We are the #1 invoicing team". (A comment is written "# ", with a space.)');
    expect(found[2]!.message).toContain('so "norms[2]" is empty.');
  });

  it('says how to fix the YAML slips authors make most, in their words, once per slip', async () => {
    const dir = mkdtempSync(path.join(root, 'fm-'));
    mkdirSync(path.join(dir, 'people'));
    const people = {
      colon: 'name: Ada\nrole: cto\ntitle: Head of data: platform and insights\n',
      at: 'name: Ada\nrole: cto\ngithub: @ada\n',
      tick: 'name: Ada\nrole: cto\ntitle: `cto` of the year\n',
      quote: 'name: Ada\nrole: cto\ntitle: "Chief" technology officer\n',
      apostrophe: "name: Ada\nrole: cto\ntitle: 'It's the CTO'\n",
      // A list with a bracket too many is YAML's to describe: it is not a sentence to quote.
      bracket: 'name: Ada\nrole: cto\ntitle: CTO\njoined: [2026-01-05]]\n',
      nbsp: 'name: Ada\nrole: cto\ntitle:\u00a0CTO\n',
      // One field out of line: the parser loses its way and reports several errors; the first is the one to fix.
      indent: 'name: Ada\nrole: cto\ntitle: CTO\n    joined: 2026-01-05\n',
    };
    for (const [name, text] of Object.entries(people)) writeFileSync(path.join(dir, 'people', `${name}.yaml`), text);
    const found = (await checkContent(dir, { cwd: dir })).problems.filter((p) => p.rule === 'yaml/syntax').map((p) => `${p.file}:${p.line} ${p.message}`);
    expect(found).toEqual([
      `people/apostrophe.yaml:3 ${checkMessages.valueStart("'", 'title: "It\'s the CTO"')}`,
      `people/at.yaml:3 ${checkMessages.githubAt('github: ada')}`,
      expect.stringMatching(/^people\/bracket\.yaml:4 The YAML here cannot be read: /),
      `people/colon.yaml:3 ${checkMessages.colonInValue('title', 'title: "Head of data: platform and insights"')}`,
      expect.stringMatching(/^people\/indent\.yaml:\d The YAML here cannot be read: /),
      `people/nbsp.yaml:3 "title:" needs an ordinary space after the colon, or YAML does not see a field. "title:\u00a0CTO" contains a non-breaking space (U+00A0) after "title:", where a plain space was probably meant: retype it.`,
      `people/quote.yaml:3 ${checkMessages.valueStart('"', `title: '"Chief" technology officer'`)}`,
      `people/tick.yaml:3 ${checkMessages.valueStart('`', 'title: "`cto` of the year"')}`,
    ]);
    expect(checkMessages.colonInValue('title', 'title: "a: b"')).toBe('The value of "title" holds ": ", which YAML reads as the start of another field. Put the whole value in quotes: title: "a: b".');
  });

  it('says what to do about a people file written like frontmatter, between "---" lines', async () => {
    const dir = mkdtempSync(path.join(root, 'fm-'));
    mkdirSync(path.join(dir, 'people'));
    writeFileSync(path.join(dir, 'people', 'ada.yaml'), '---\nname: Ada\nrole: cto\n---\n');
    const problems = (await checkContent(dir, { cwd: dir })).problems.filter((p) => p.file.startsWith('people/'));
    expect(problems.map((p) => `${p.line} ${p.rule}: ${p.message}`)).toEqual([`4 yaml/syntax: ${checkMessages.yamlSyntax('Source contains multiple documents')}`]);
    expect(checkMessages.yamlSyntax('Source contains multiple documents')).toMatch(/^A "---" line here starts a second YAML document/);
  });

  it('reports a date that is not a real day, or has a time, though the build reads both as dates', async () => {
    const dir = mkdtempSync(path.join(root, 'fm-'));
    mkdirSync(path.join(dir, 'people'));
    writeFileSync(path.join(dir, 'people', 'ada.yaml'), 'name: Ada\nrole: cto\njoined: 2026-02-30\n');
    writeFileSync(path.join(dir, 'people', 'alan.yaml'), 'name: Alan\nrole: ceo\njoined: 2026-10-01 14:30:00\n');
    const found = (await checkContent(dir, { cwd: dir })).problems.map((p) => `${p.file}:${p.line}:${p.column} ${p.rule}: ${p.message}`);
    expect(found).toEqual([
      'people/ada.yaml:3:9 schema/date: 2026-02-30 is not a real day: the build would read it as 2026-03-02. Write the date as YYYY-MM-DD, for example 2026-05-14.',
      'people/alan.yaml:3:9 schema/date: "2026-10-01 14:30:00" has a time of day; dates here are days: write 2026-10-01.',
    ]);
  });

  it('vets the values the build reads: an unquoted date is a date, not a title', async () => {
    const dir = mkdtempSync(path.join(root, 'fm-'));
    mkdirSync(path.join(dir, 'handbook'));
    mkdirSync(path.join(dir, 'people'));
    writeFileSync(path.join(dir, 'handbook', 'release.md'), '---\ntitle: 2026-05-14\n---\nNotes\n');
    writeFileSync(path.join(dir, 'handbook', 'quoted.md'), '---\ntitle: "2026-05-14"\n---\nNotes\n');
    writeFileSync(path.join(dir, 'handbook', 'tagged.md'), "---\ntitle: A\nx: !!js/function 'function () {}'\n---\nBody\n");
    writeFileSync(path.join(dir, 'people', 'ada.yaml'), 'name: Ada\nrole: engineer\njoined: 2026-01-05\ngithub: 1815\n');
    writeFileSync(path.join(dir, 'people', 'grace.yaml'), 'name: Grace\nrole: cto\ntitle: !important Chief Technology Officer\n');
    const found = (await checkContent(dir, { cwd: dir })).problems.filter((p) => p.severity === 'error').map((p) => `${p.file}:${p.line}:${p.column} ${p.rule}: ${p.message}`);
    expect(found).toEqual([
      'handbook/release.md:2:8 schema/type: "title" should be text, not a date. Without quotes, YAML reads the value that way: put it in quotes to make it text.',
      expect.stringMatching(/^handbook\/tagged.md:3:\d+ yaml\/syntax: The build cannot read this frontmatter \(unknown tag .*js\/function.*\)/),
      'people/ada.yaml:4:9 schema/type: "github" should be text, not number 1815. Without quotes, YAML reads the value that way: put it in quotes to make it text.',
      expect.stringMatching(/^people\/grace.yaml:3:\d+ yaml\/syntax: The YAML here cannot be read: unknown tag !<!important>\. A value that starts with "!" is read as a YAML tag: put it in quotes\.$/),
    ]);
  });
});

describe('the allow-list and the components module', () => {
  it('allow exactly the components @handbook/components exports, so a page the check passes never fails the build', async () => {
    const index = readFileSync(path.join(import.meta.dirname, '../src/components/content/index.ts'), 'utf8');
    const exported = [...index.matchAll(/export \{ default as (\w+) \}/g)].map((match) => match[1]);
    expect(exported.sort()).toEqual(Object.keys(contentComponents).sort());
  });
});

describe('blockedScheme', () => {
  it('sees through the spellings browsers accept', async () => {
    for (const url of ['javascript:alert(1)', ' JavaScript:x', 'java\tscript:x', '&#x6A;avascript:x', 'javascript&colon;x', 'data:text/html,x', 'VBScript:x']) {
      expect(blockedScheme(url), url).toBeDefined();
    }
    for (const url of ['https://example.com', '/teams/', 'mailto:a@example.com', '#data:x', 'guide.md']) expect(blockedScheme(url), url).toBeUndefined();
  });
});

describe('splitting frontmatter', () => {
  it('gives the body exactly as Astro compiles it: MDX whole with the frontmatter blanked, Markdown trimmed', async () => {
    for (const text of ['---\ntitle: A\n---\nBody\n', '---\n---\nBody', '---\ntitle: A\n---   \n\n    import x from "y"\n', '---\na: |\n  ---x\n---\nB\n']) {
      const astro = parseFrontmatter(text, { frontmatter: 'empty-with-spaces' });
      for (const kind of ['md', 'mdx'] as const) {
        const ours = splitFrontmatter(text, kind);
        expect(ours, text).toMatchObject({ body: kind === 'md' ? astro.content.trim() : astro.content, yaml: astro.rawFrontmatter.slice(1, -1) });
      }
    }
  });

  it('sees what trimming does to an indented first line, and a second frontmatter block the build drops', async () => {
    expect((await check('md', '\n    <img src=x onerror=alert(1)>\n')).at).toEqual(['5:16 safety/attribute']);
    expect((await check('md', '---\n```x\n---\n<img src=x onerror=alert(1)>\n```\n')).at).toEqual(['4:1 files/frontmatter', '7:12 safety/attribute']);
  });

  it('refuses every file Astro would split differently from how it reads', async () => {
    const refused = [
      ['---#\ntitle: A\n---\n{code}\n---\n', 1], // Astro opens on "---#"
      ['---\ntitle: A\n+++\nimport fs from "node:fs"\n---\n', 3], // and closes on "+++"
      ['---\ntitle: A\n---import fs from "node:fs"\n', 3],
      ['\n---\ntitle: A\n---\n', 1],
      ['+++\ntitle = "A"\n+++\n', 1],
    ] as const;
    for (const [text, line] of refused) expect(splitFrontmatter(text), text).toMatchObject({ line });
  });
});
