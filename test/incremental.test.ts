import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { astroCacheDir } from '../src/lib/config.ts';
import { renderMessages } from '../src/lib/messages.ts';
import { projectRoot, rebuildSite, type BuiltSite } from './helpers/site.ts';

/**
 * Incremental rebuilds (src/lib/org/page-keys.ts) against cold builds: after edits that
 * reach across pages, every page of the rebuild must be byte for byte the page a cold
 * build of the same content writes. A key that misses an input shows up here as a stale
 * page. Every build goes into the same output folder, as on an author's machine, so a
 * rebuild leaves unchanged pages where they are (src/lib/output/keep.ts): a page kept that
 * should not have been shows up here too.
 */

const cacheOf = (content: string) => path.join(projectRoot, astroCacheDir(content));

function edit(file: string, change: (text: string) => string): void {
  const text = readFileSync(file, 'utf8');
  const changed = change(text);
  if (changed === text) throw new Error(`The edit to ${file} changed nothing; the sample content moved on.`);
  writeFileSync(file, changed);
}

/** The search index's files and a hash of each: what readers download. */
function searchIndex(outDir: string): Record<string, string> {
  const dir = path.join(outDir, 'pagefind');
  const files: Record<string, string> = {};
  for (const file of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!file.isFile()) continue;
    const relative = path.relative(dir, path.join(file.parentPath, file.name));
    files[relative] = createHash('sha256').update(readFileSync(path.join(dir, relative))).digest('hex');
  }
  return files;
}

describe('an incremental rebuild', () => {
  const work = mkdtempSync(path.join(tmpdir(), 'handbook-incremental-'));
  const content = path.join(work, 'content');
  const outDir = path.join(work, 'dist');
  /** An incremental rebuild after some edits, and a cold build of the same content to hold it against. */
  const rounds: { incremental: BuiltSite; cold: BuiltSite; index: { incremental: Record<string, string>; cold: Record<string, string> } }[] = [];
  let unchanged: { first: BuiltSite; again: BuiltSite; entry: string; entryAgain: string } | undefined;
  let rendered: (typeof rounds)[number] | undefined;
  let forced: BuiltSite | undefined;
  const round = async () => {
    const incremental = await rebuildSite(content, {}, outDir);
    // Read now: the cold build below writes into the same folder.
    for (const url of incremental.urls) incremental.html(url);
    const incrementalIndex = searchIndex(outDir);
    rmSync(cacheOf(content), { recursive: true, force: true });
    const cold = await rebuildSite(content, {}, outDir);
    for (const url of cold.urls) cold.html(url);
    rounds.push({ incremental, cold, index: { incremental: incrementalIndex, cold: searchIndex(outDir) } });
  };

  beforeAll(async () => {
    cpSync(path.join(projectRoot, 'content'), content, { recursive: true });
    // Committed, as in a real checkout: "last updated" then comes from git, and the edits
    // below stay uncommitted, as they are in a local build before the commit.
    const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.com', ...args], { cwd: path.dirname(content), stdio: 'ignore' });
    git('init', '-q');
    git('add', '.');
    git('commit', '-q', '-m', 'content');
    rmSync(cacheOf(content), { recursive: true, force: true });
    const first = await rebuildSite(content, {}, outDir);
    const entry = readFileSync(path.join(outDir, 'pagefind/pagefind-entry.json'), 'utf8');
    for (const url of first.urls) first.html(url);
    // Nothing changed: every page stays, and so does the search index.
    const again = await rebuildSite(content, {}, outDir);
    for (const url of again.urls) again.html(url);
    unchanged = { first, again, entry, entryAgain: readFileSync(path.join(outDir, 'pagefind/pagefind-entry.json'), 'utf8') };

    // A page the edits below do not reach, changed in the output folder by something else: it must not be kept.
    edit(path.join(outDir, 'people/yuki-tanaka/index.html'), (text) => text.replace('</main>', '<p>Left by another tool.</p></main>'));
    // Round 1. An interaction changed in one charter: the other team's page shows it as incoming.
    edit(path.join(content, 'teams/ledger.md'), (text) => text.replace('  - team: developer-platform\n    mode: x-as-a-service', '  - team: developer-platform\n    mode: facilitating'));
    // Only the body of a Markdown charter and of minutes, not committed.
    edit(path.join(content, 'teams/delivery-enablement.md'), (text) => `${text}\nWe added a second demo slot on Fridays.\n`);
    edit(path.join(content, 'council/2026-08-26.md'), (text) => `${text}\nAdded after the meeting: the notes were checked.\n`);
    // Later minutes restate a roadmap item with other teams and close an earlier action: pages of
    // teams that left the item, and earlier minutes' actions, change without their files changing.
    edit(path.join(content, 'council/2026-11-18.md'), (text) =>
      text
        .replace('    teams: [ledger, cash-insights, partner-portal, invoicing, developer-platform]', '    teams: [ledger, invoicing]')
        .replace('    owner: olga-ivanova\n    due: 2026-12-02\n    done: false', '    owner: olga-ivanova\n    due: 2026-12-02\n    done: true'),
    );
    await round();

    // Round 2. A teammate renamed: charters, other people's pages, minutes they attended, welcome lists.
    edit(path.join(content, 'people/wei-zhang.yaml'), (text) => text.replace('name: "Wei Zhang"', 'name: "Wei Zhang-Okafor"'));
    await round();

    // Round 3. Minutes deleted: their page must leave the output folder, and the search index.
    rmSync(path.join(content, 'council/2026-11-18.md'));
    // Those minutes superseded dec-003, which stands again (org/decision-status).
    edit(path.join(content, 'council/2026-09-09.md'), (text) => text.replace('    status: superseded\n    rationale: "Every committed posting', '    status: accepted\n    rationale: "Every committed posting'));
    await round();

    // Round 4. The handbook's rendering code changed (an upgrade), no content file did. Astro
    // trusts the bodies it rendered before; here one of them stands for the old renderer's
    // output, and the record of the renderer for another one.
    const store = path.join(cacheOf(content), 'data-store.json');
    edit(store, (text) => text.replace('id=\\"your-first-team\\"', 'id=\\"from-the-old-renderer\\"'));
    writeFileSync(path.join(cacheOf(content), 'handbook-renderer.json'), JSON.stringify({ fingerprint: 'an older renderer' }));
    await round();
    // No page differs from round 3's, so it is not one of the rounds of edits above.
    rendered = rounds.pop();

    // `npm run build -- --force` over the last output: every page rendered again.
    forced = await rebuildSite(content, {}, outDir, ['--force']);
    for (const url of forced.urls) forced.html(url);
  }, 580_000);

  afterAll(() => {
    rmSync(cacheOf(content), { recursive: true, force: true });
    rmSync(work, { recursive: true, force: true });
  });

  it('keeps every page and the search index when nothing changed', () => {
    const { first, again, entry, entryAgain } = unchanged!;
    expect(again.urls).toEqual(first.urls);
    expect(again.urls.filter((url) => again.html(url) !== first.html(url))).toEqual([]);
    expect(again.log).toMatch(/Search: no page changed since the last build; the index of \d+ pages was kept\./);
    expect(entryAgain).toBe(entry);
  });

  it('leaves the pages an edit does not reach where they are instead of rendering them', () => {
    const { incremental, cold } = rounds[0]!;
    const kept = incremental.log.match(/\(cached\)/g) ?? [];
    expect(kept.length).toBeGreaterThan(40);
    expect(incremental.log).toMatch(/Output: \d+ unchanged pages left in place from the last build\./);
    expect(cold.log).not.toMatch(/\((cached|restored)\)/);
    // Changed in the folder since the last build: copied back from Astro's cache, as into an empty folder.
    // Without colours, which the build log has in CI.
    expect(incremental.log.replace(/\x1b\[[0-9;]*m/g, '')).toMatch(/\/people\/yuki-tanaka\/index\.html \(restored\)/);
    expect(incremental.html('/people/yuki-tanaka/')).not.toContain('Left by another tool');
  });

  it('writes every page exactly as a cold build of the same content does', () => {
    for (const { incremental, cold } of rounds) {
      expect(incremental.urls).toEqual(cold.urls);
      const stale = incremental.urls.filter((url) => incremental.html(url) !== cold.html(url));
      expect(stale).toEqual([]);
    }
  });

  it('shows each edit where it reaches', () => {
    const [first, second] = rounds.map((built) => built.incremental);
    expect(first!.html('/teams/delivery-enablement/')).toContain('second demo slot');
    expect(first!.html('/council/2026-08-26/')).toContain('the notes were checked');
    expect(first!.html('/teams/partner-portal/')).not.toContain('Publish ledger events from the outbox');
    expect(second!.html('/teams/ledger/')).toContain('Wei Zhang-Okafor');
    // Each round changed pages readers search, so each wrote the index again.
    for (const { incremental } of rounds) expect(incremental.log).toMatch(/Search: indexed \d+ pages/);
  });

  it('writes into the last search index only what changed, and leaves it as a cold build writes it', () => {
    for (const { incremental, cold, index } of rounds) {
      // Fragments of pages no edit reached stay as they are; the cold build writes everything.
      expect(incremental.log).toMatch(/Search: indexed \d+ pages in [\d.]+ s; the fragments of \d+ unchanged pages were left as they were\./);
      expect(cold.log).not.toMatch(/were left as they were/);
      // Nothing stale left behind, nothing missing.
      expect(index.incremental).toEqual(index.cold);
    }
  });

  it('renders bodies afresh when the rendering code changed, not from what Astro cached', () => {
    const { incremental, cold } = rendered!;
    expect(incremental.log).toContain(renderMessages.rendererChanged);
    expect(incremental.html('/how-we-work/')).toContain('id="your-first-team"');
    expect(incremental.urls.filter((url) => incremental.html(url) !== cold.html(url))).toEqual([]);
    // Only then: a build by the same renderer keeps Astro's caches.
    expect(rounds[0]!.incremental.log).not.toContain(renderMessages.rendererChanged);
  });

  it('renders every page again with --force, leaving none in place, as a cold build writes them', () => {
    const { cold } = rendered!;
    expect(forced!.log).not.toMatch(/left in place|\((cached|restored)\)/);
    expect(forced!.urls).toEqual(cold.urls);
    expect(forced!.urls.filter((url) => forced!.html(url) !== cold.html(url))).toEqual([]);
  });

  it("takes a deleted entry's page out of the site and out of the search index", () => {
    const third = rounds[2]!.incremental;
    expect(third.log).toMatch(/Output: \d+ unchanged pages left in place/);
    expect(rounds[1]!.incremental.urls).toContain('/council/2026-11-18/');
    expect(third.urls).not.toContain('/council/2026-11-18/');
    expect(existsSync(path.join(third.outDir, 'council/2026-11-18'))).toBe(false);
    expect(third.log).toMatch(/Search: indexed \d+ pages/);
  });
});
