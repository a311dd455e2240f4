import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, renameSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { checkContent } from '../src/lib/check/run.ts';
import { newMessages } from '../src/lib/messages.ts';
import { readOrg } from '../src/lib/org/read.ts';
import { projectRoot, TEST_TODAY } from './helpers/site.ts';

const run = promisify(execFile);
const content = mkdtempSync(path.join(os.tmpdir(), 'handbook-new-'));
const env = { ...process.env, HANDBOOK_CONTENT: content, HANDBOOK_TODAY: TEST_TODAY };
const npmNew = (...args: string[]) => run(process.execPath, [path.join(projectRoot, 'src/cli/new.ts'), ...args], { cwd: projectRoot, env });
const day = new Date(`${TEST_TODAY}T00:00:00Z`);

beforeAll(async () => {
  cpSync(path.join(projectRoot, 'content'), content, { recursive: true });
  for (const [kind, id] of [['team', 'new-pod'], ['person', 'jo-bloggs'], ['stream', 'new-stream'], ['asset', 'new-canvas'], ['minutes']] as const) {
    await npmNew(kind, ...(id ? [id] : []));
  }
});

describe('npm run new', () => {
  it('creates files from templates that pass handbook check as written', async () => {
    const { problems } = await checkContent(content, { cwd: content, today: day });
    const created = ['teams/new-pod.md', 'people/jo-bloggs.yaml', 'streams/new-stream.md', 'assets/new-canvas.md', `council/${TEST_TODAY}.md`];
    for (const file of created) expect(readFileSync(path.join(content, file), 'utf8').length, file).toBeGreaterThan(0);
    expect(problems.filter((problem) => problem.severity === 'error')).toEqual([]);
    // A new charter is a draft, and the check says exactly what to fill in.
    expect(problems.filter((problem) => problem.file === 'teams/new-pod.md' && problem.rule === 'draft/missing').map((problem) => problem.message)).toHaveLength(3);
  });

  it('dates new minutes today, lists the current tech leads and carries over the open actions', () => {
    const sample = readOrg(path.join(projectRoot, 'content'), day);
    const minutes = parse(readFileSync(path.join(content, `council/${TEST_TODAY}.md`), 'utf8').split('---')[1]!) as Record<string, unknown>;
    expect(minutes['date']).toBe(TEST_TODAY);
    const leads = [...new Set([...sample.teams.values()].flatMap((team) => (team.data.techLead ? [team.data.techLead] : [])))];
    expect([...(minutes['attendees'] as string[])].sort()).toEqual(leads.sort());
    const open = sample.openActions();
    expect(open.length).toBeGreaterThan(sample.actionsOf(sample.meetings[0]!.id).filter((action) => !action.done).length);
    expect((minutes['actions'] as { what: string }[]).map((action) => action.what)).toEqual(open.map((action) => action.what));
    // Carried over, each action still counts once: the new minutes add no open action.
    expect(readOrg(content, day).openActions()).toHaveLength(open.length);
  });

  it('never overwrites a file, and explains a bad kind or id', async () => {
    await expect(npmNew('team', 'ledger')).rejects.toMatchObject({ stderr: expect.stringContaining(newMessages.exists(path.relative(projectRoot, path.join(content, 'teams/ledger.md')))) });
    // The same entry under its other extension: a second file for one id (files/duplicate-id).
    renameSync(path.join(content, 'people/maya-patel.yaml'), path.join(content, 'people/maya-patel.yml'));
    await expect(npmNew('person', 'maya-patel')).rejects.toMatchObject({ stderr: expect.stringContaining(newMessages.exists(path.relative(projectRoot, path.join(content, 'people/maya-patel.yml')))) });
    renameSync(path.join(content, 'people/maya-patel.yml'), path.join(content, 'people/maya-patel.yaml'));
    await expect(npmNew('tema', 'x')).rejects.toMatchObject({ stderr: expect.stringContaining(newMessages.unknownKind('tema', 'team')) });
    await expect(npmNew('team', 'New Pod')).rejects.toMatchObject({ stderr: expect.stringContaining(newMessages.badId('New Pod')) });
    await expect(npmNew('minutes', '2026-02-30')).rejects.toMatchObject({ stderr: expect.stringContaining(newMessages.badDate('2026-02-30')) });
    await expect(npmNew('minutes', '2027-03-01')).rejects.toMatchObject({ stderr: expect.stringContaining(newMessages.tooFarAhead('2027-03-01', 14)) });
    await expect(npmNew('minutes', 'next-week')).rejects.toMatchObject({ stderr: expect.stringContaining(newMessages.badDate('next-week')) });
  });
});
