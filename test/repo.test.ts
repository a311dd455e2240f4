import { mkdtempSync, utimesSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { codeOwners } from '../src/lib/repo/codeowners.ts';
import { maintainersOf, pageSource } from '../src/lib/repo/maintainers.ts';
import { lastUpdated } from '../src/lib/repo/history.ts';
import { editUrl, findRepository, webUrl } from '../src/lib/repo/repository.ts';
import { readOrg } from '../src/lib/org/read.ts';
import { projectRoot } from './helpers/site.ts';

const sample = readOrg(path.join(projectRoot, 'content'), new Date('2026-11-20T00:00:00Z'));

describe('the repository behind "Edit this page"', () => {
  it('turns any form of a git remote into its web address', () => {
    for (const remote of ['git@github.com:acme/handbook.git', 'ssh://git@github.com/acme/handbook.git', 'https://github.com/acme/handbook.git', 'https://token@github.com/acme/handbook/']) {
      expect(webUrl(remote), remote).toBe('https://github.com/acme/handbook');
    }
    expect(webUrl('/srv/git/handbook')).toBeUndefined();
  });

  it('prefers the configured address, then GitHub Actions, and says nothing rather than guess', () => {
    const outside = mkdtempSync(path.join(os.tmpdir(), 'handbook-norepo-'));
    expect(findRepository({ url: 'https://gitlab.com/acme/handbook/', branch: 'trunk' }, outside, {})).toEqual({ url: 'https://gitlab.com/acme/handbook', branch: 'trunk' });
    expect(findRepository({}, outside, { GITHUB_SERVER_URL: 'https://github.com', GITHUB_REPOSITORY: 'acme/handbook' })).toEqual({ url: 'https://github.com/acme/handbook', branch: 'main' });
    expect(findRepository({}, outside, {})).toBeUndefined();
  });

  it('links a file inside the repository, and no file outside it', () => {
    const repository = { url: 'https://github.com/acme/handbook', branch: 'main' };
    expect(editUrl(repository, '/repo', 'content/teams/ledger.md')).toBe('https://github.com/acme/handbook/edit/main/content/teams/ledger.md');
    expect(editUrl(repository, '/repo', '../elsewhere/teams/ledger.md')).toBeUndefined();
    expect(editUrl(undefined, '/repo', 'content/teams/ledger.md')).toBeUndefined();
  });
});

describe('last updated', () => {
  it('is the last commit of a committed file', () => {
    const date = lastUpdated(path.join(projectRoot, 'content/teams/ledger.md'), path.join(projectRoot, 'content'));
    expect(date).toBeInstanceOf(Date);
    // A commit date, not the checkout's file time: a fresh clone would otherwise say "today" for everything.
    expect(date!.getTime()).toBeLessThanOrEqual(Date.now());
  });

  it("falls back to the file's time when git has no history for it", () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'handbook-history-'));
    const file = path.join(dir, 'page.md');
    writeFileSync(file, 'x');
    utimesSync(file, new Date('2025-01-02T03:04:05Z'), new Date('2025-01-02T03:04:05Z'));
    expect(lastUpdated(file, dir)?.toISOString()).toBe('2025-01-02T03:04:05.000Z');
  });
});

describe('maintained by', () => {
  it('is the team for a charter, the owner for an asset, the first team for a person, the council for minutes', () => {
    expect(maintainersOf(sample, 'team', 'ledger').map((ref) => ref.label)).toEqual(['Ledger']);
    expect(maintainersOf(sample, 'asset', 'customer-retention-model').map((ref) => ref.id)).toEqual([sample.assets.get('customer-retention-model')!.data.owner]);
    expect(maintainersOf(sample, 'person', 'maya-patel').map((ref) => ref.label)).toEqual(['Invoicing']);
    expect(maintainersOf(sample, 'council', sample.meetings[0]!.id).map((ref) => ref.label)).toEqual(['The tech lead council']);
    expect(maintainersOf(sample, 'stream', 'get-paid').length).toBeGreaterThan(0);
    expect(maintainersOf(sample, 'handbook', 'glossary')).toEqual([]);
  });

  it('names the GitHub handles CODEOWNERS asks to review the file, linked to their profiles', () => {
    const owners = (collection: 'teams' | 'assets' | 'people', id: string) => codeOwners(sample, [{ file: 'x', collection, id }])[0]!.owners;
    for (const [kind, collection, id] of [['team', 'teams', 'invoicing'], ['asset', 'assets', 'customer-retention-model'], ['person', 'people', 'maya-patel']] as const) {
      const reviewers = pageSource(sample, kind, { id, filePath: 'x' })!.reviewers;
      expect(reviewers.map((ref) => ref.label), id).toEqual(owners(collection, id));
      expect(reviewers.length, id).toBeGreaterThan(0);
    }
    expect(pageSource(sample, 'person', { id: 'maya-patel', filePath: 'x' })!.reviewers[0]?.href).toMatch(/^https:\/\/github\.com\/[A-Za-z0-9-]+$/);
    // Minutes: "the tech lead council" says it, and a thousand handles would not help.
    expect(pageSource(sample, 'council', { id: sample.meetings[0]!.id, filePath: 'x' })!.reviewers).toEqual([]);
    expect(pageSource(sample, 'handbook', { id: 'glossary', filePath: 'x' })!.reviewers).toEqual([]);
  });
});
