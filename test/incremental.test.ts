import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { astroCacheDir } from '../src/lib/config.ts';
import { projectRoot, rebuildSite, type BuiltSite } from './helpers/site.ts';

/**
 * Incremental rebuilds (src/lib/org/page-keys.ts) against cold builds: after edits that
 * reach across pages, every page of the rebuild must be byte for byte the page a cold
 * build of the same content writes. A key that misses an input shows up here as a stale
 * page.
 */

const cacheOf = (content: string) => path.join(projectRoot, astroCacheDir(content));

function edit(file: string, change: (text: string) => string): void {
  const text = readFileSync(file, 'utf8');
  const changed = change(text);
  if (changed === text) throw new Error(`The edit to ${file} changed nothing; the sample content moved on.`);
  writeFileSync(file, changed);
}

describe('an incremental rebuild', () => {
  const content = path.join(mkdtempSync(path.join(tmpdir(), 'handbook-incremental-')), 'content');
  /** An incremental rebuild after some edits, and a cold build of the same content to hold it against. */
  const rounds: { incremental: BuiltSite; cold: BuiltSite }[] = [];
  const round = async () => {
    const incremental = await rebuildSite(content);
    rmSync(cacheOf(content), { recursive: true, force: true });
    const cold = await rebuildSite(content);
    rounds.push({ incremental, cold });
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
    await rebuildSite(content);

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
  }, 300_000);

  afterAll(() => {
    rmSync(cacheOf(content), { recursive: true, force: true });
    rmSync(path.dirname(content), { recursive: true, force: true });
  });

  it('copies the pages an edit does not reach instead of rendering them', () => {
    const copied = rounds[0]!.incremental.log.match(/\((cached|restored)\)/g) ?? [];
    expect(copied.length).toBeGreaterThan(40);
    expect(rounds[0]!.cold.log).not.toMatch(/\((cached|restored)\)/);
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
  });
});
