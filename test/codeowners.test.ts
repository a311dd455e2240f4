import { execFile } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { promisify } from 'node:util';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkContent } from '../src/lib/check/run.ts';
import { codeownersMessages } from '../src/lib/messages.ts';
import { readOrg } from '../src/lib/org/read.ts';
import { CODEOWNERS_FILE, codeownersText } from '../src/lib/repo/codeowners.ts';
import { projectRoot } from './helpers/site.ts';

const day = new Date('2026-11-20T00:00:00Z');
const content = path.join(projectRoot, 'content');
const sample = readOrg(content, day);
const written = codeownersText(content, projectRoot, day);
const text = 'text' in written ? written.text : '';
const ownersOf = (file: string) => text.split('\n').find((line) => line.startsWith(`/${file} `))?.split(' ').slice(1);
const handleOf = (id: string) => `@${sample.people.get(id)!.data.github!}`;
const teamHandles = (team: string) => sample.membersOf(sample.teams.get(team)!).map(({ id }) => handleOf(id)).sort();

describe('CODEOWNERS from the sample content', () => {
  it('gives a charter to its team: product manager, tech lead and members', () => {
    expect(ownersOf('content/teams/ledger.md')).toEqual(teamHandles('ledger'));
    expect(ownersOf('content/teams/ledger.md')).toContain(handleOf(sample.teams.get('ledger')!.data.techLead!));
  });

  it('gives an asset to its owner team', () => {
    const asset = sample.assets.get('customer-retention-model')!;
    expect(ownersOf('content/assets/customer-retention-model.md')).toEqual(teamHandles(asset.data.owner!));
  });

  it('gives council minutes to the tech leads', () => {
    const leads = [...new Set([...sample.teams.values()].flatMap((team) => (team.data.techLead ? [handleOf(team.data.techLead)] : [])))].sort();
    expect(ownersOf(`content/council/${sample.meetings[0]!.id}.md`)).toEqual(leads);
  });

  it('gives a file a pull request adds to its folder\'s owners: minutes the tech leads, a charter, asset or person the leadership team', () => {
    const leads = [...new Set([...sample.teams.values()].flatMap((team) => (team.data.techLead ? [handleOf(team.data.techLead)] : [])))].sort();
    // GitHub reads the base branch, where a new file has no line: the folder's line catches it.
    expect(ownersOf('content/council/')).toEqual(leads);
    for (const folder of ['teams', 'assets', 'people']) expect(ownersOf(`content/${folder}/`)).toEqual(teamHandles('product-tech-leadership'));
    // The later line wins in CODEOWNERS, so the folders come before the files.
    const lines = text.split('\n');
    expect(lines.findIndex((line) => line.startsWith('/content/teams/ '))).toBeLessThan(lines.findIndex((line) => line.startsWith('/content/assets/') && line.includes('.md ')));
  });

  it("gives a person's file to them and their manager", () => {
    expect(ownersOf('content/people/maya-patel.yaml')).toEqual([handleOf('maya-patel'), handleOf('grace-mensah')].sort());
  });

  it('is committed up to date, and handbook check says so when it is not', async () => {
    expect(readFileSync(path.join(projectRoot, CODEOWNERS_FILE), 'utf8')).toBe(text);
    const repo = mkdtempSync(path.join(os.tmpdir(), 'handbook-codeowners-'));
    cpSync(content, path.join(repo, 'content'), { recursive: true });
    cpSync(path.join(projectRoot, '.github'), path.join(repo, '.github'), { recursive: true });
    const warnings = async () => (await checkContent(path.join(repo, 'content'), { cwd: repo, today: day })).problems.filter((p) => p.rule === 'files/codeowners');
    expect(await warnings()).toEqual([]);
    const maya = path.join(repo, 'content/people/maya-patel.yaml');
    writeFileSync(maya, readFileSync(maya, 'utf8').replace('github: mpatel', 'github: maya-p'));
    expect(await warnings()).toEqual([
      { file: '.github/CODEOWNERS', line: 1, column: 1, severity: 'warning', rule: 'files/codeowners', message: codeownersMessages.stale('.github/CODEOWNERS') },
    ]);
  });

  it('is neither rewritten nor called stale while an entry is left out for its errors: its team would lose its reviewers', async () => {
    const repo = mkdtempSync(path.join(os.tmpdir(), 'handbook-codeowners-'));
    cpSync(content, path.join(repo, 'content'), { recursive: true });
    cpSync(path.join(projectRoot, '.github'), path.join(repo, '.github'), { recursive: true });
    const ledger = path.join(repo, 'content/teams/ledger.md');
    writeFileSync(ledger, readFileSync(ledger, 'utf8').replace('\nmission:', '\nmision: typo\nmission:'));
    const { problems } = await checkContent(path.join(repo, 'content'), { cwd: repo, today: day });
    expect(problems.filter((p) => p.severity === 'error').map((p) => p.rule)).toEqual(['schema/unknown-key']);
    expect(problems.filter((p) => p.rule === 'files/codeowners')).toEqual([]);
    await expect(promisify(execFile)(process.execPath, [path.join(projectRoot, 'src/cli/codeowners.ts')], { cwd: repo })).rejects.toMatchObject({
      stderr: expect.stringContaining(codeownersMessages.leftOut(CODEOWNERS_FILE, ['teams/ledger.md'])),
    });
    expect(readFileSync(path.join(repo, CODEOWNERS_FILE), 'utf8')).toBe(text);
    // A handbook page has no reviewers to lose: its errors hold nothing back.
    writeFileSync(ledger, readFileSync(ledger, 'utf8').replace('\nmision: typo', ''));
    const glossary = path.join(repo, 'content/handbook/glossary.md');
    writeFileSync(glossary, readFileSync(glossary, 'utf8').replace(/\ntitle: [^\n]*/, ''));
    await promisify(execFile)(process.execPath, [path.join(projectRoot, 'src/cli/codeowners.ts')], { cwd: repo });
    expect(readFileSync(path.join(repo, CODEOWNERS_FILE), 'utf8')).toBe(text);
  });

  it('never replaces a CODEOWNERS written by hand', async () => {
    const repo = mkdtempSync(path.join(os.tmpdir(), 'handbook-codeowners-'));
    cpSync(content, path.join(repo, 'content'), { recursive: true });
    mkdirSync(path.join(repo, '.github'));
    writeFileSync(path.join(repo, CODEOWNERS_FILE), '* @acme/handbook-admins\n');
    await expect(promisify(execFile)(process.execPath, [path.join(projectRoot, 'src/cli/codeowners.ts')], { cwd: repo })).rejects.toMatchObject({
      stderr: expect.stringContaining(codeownersMessages.handWritten(CODEOWNERS_FILE)),
    });
    expect(readFileSync(path.join(repo, CODEOWNERS_FILE), 'utf8')).toBe('* @acme/handbook-admins\n');
  });
});

