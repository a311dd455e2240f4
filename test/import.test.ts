import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { checkContent } from '../src/lib/check/run.ts';
import { parseEntityRef, planImport, readCatalog } from '../src/lib/import/backstage.ts';
import { importMessages, messages } from '../src/lib/messages.ts';
import { buildSite, projectRoot, TEST_TODAY, type BuiltSite } from './helpers/site.ts';

const run = promisify(execFile);
const catalogDir = path.join(projectRoot, 'test/fixtures/backstage');
const catalog = readdirSync(catalogDir).map((name) => path.join(catalogDir, name));
const content = mkdtempSync(path.join(os.tmpdir(), 'handbook-import-'));
const importInto = () =>
  run(process.execPath, [path.join(projectRoot, 'src/cli/import-backstage.ts'), ...catalog, '--out', content], { cwd: projectRoot, env: { ...process.env, HANDBOOK_TODAY: TEST_TODAY } });
let firstRun = '';

beforeAll(async () => {
  firstRun = (await importInto()).stdout;
});

const read = (file: string) => readFileSync(path.join(content, file), 'utf8');
const frontmatter = (file: string) => parse(read(file).split('---\n')[1]!) as Record<string, unknown>;

describe('entity references', () => {
  it('are read in every written form', () => {
    for (const ref of ['team-a', 'group:team-a', 'default/team-a', 'group:default/team-a', 'Group:Default/Team-A']) {
      expect(parseEntityRef(ref, 'group'), ref).toEqual({ kind: 'group', namespace: 'default', name: 'team-a' });
    }
    expect(parseEntityRef('user:contractors/kari.hansen', 'group')).toEqual({ kind: 'user', namespace: 'contractors', name: 'kari.hansen' });
    expect(parseEntityRef('not a ref', 'group')).toBeUndefined();
  });
});

describe('npm run import:backstage', () => {
  it('names a catalog file that does not exist, without a stack trace', async () => {
    const failed = await run(process.execPath, [path.join(projectRoot, 'src/cli/import-backstage.ts'), 'no-such-catalog.yaml'], { cwd: projectRoot }).catch((error: { code: number; stderr: string }) => error);
    expect('code' in failed && failed.code).toBe(1);
    expect((failed as { stderr: string }).stderr.trim()).toBe(importMessages.missingFile('no-such-catalog.yaml'));
  });

  it('names an --out that is a file, without a stack trace', async () => {
    const file = path.join(content, '..', `not-a-folder-${process.pid}`);
    writeFileSync(file, '');
    const failed = await run(process.execPath, [path.join(projectRoot, 'src/cli/import-backstage.ts'), ...catalog, '--out', file], { cwd: projectRoot }).catch((error: { code: number; stderr: string }) => error);
    rmSync(file);
    expect('code' in failed && failed.code).toBe(1);
    expect((failed as { stderr: string }).stderr.trim()).toBe(messages.contentDirNotFolder(file));
  });

  it('writes a person per user and a draft charter per group with members', () => {
    expect(readdirSync(path.join(content, 'people')).sort()).toEqual(['contractors-kari-hansen.yaml', 'kari-hansen.yaml', 'lost-soul.yaml', 'ola-nordmann.yaml']);
    expect(readdirSync(path.join(content, 'teams')).sort()).toEqual(['payments.md', 'search-team.md']);
    expect(parse(read('people/ola-nordmann.yaml'))).toEqual({ name: 'Ola Nordmann', role: 'engineer', github: 'olanordmann' });
    // No display name: a name from the user name.
    expect(parse(read('people/kari-hansen.yaml'))['name']).toBe('Kari Hansen');
    expect(frontmatter('teams/search-team.md')).toMatchObject({ name: 'Search Team', type: 'stream-aligned', status: 'draft', members: ['contractors-kari-hansen'] });
    // Kari is in both teams: her first team is the first by id (payments), and search-team is listed as not mapped.
    expect(frontmatter('teams/payments.md')['members']).toEqual(['kari-hansen', 'ola-nordmann']);
    expect(read('teams/payments.md')).toContain('part of engineering (department), part of northwind-co (organization)');
  });

  it('lists everything it could not map, with where and why', () => {
    const lines = firstRun.split('\n').filter((line) => line.startsWith('Not mapped: '));
    expect(lines.some((line) => line.includes('location:all-groups') && line.includes(importMessages.otherKind('Location')))).toBe(true);
    expect(lines.some((line) => line.includes('component:checkout'))).toBe(true);
    expect(lines.some((line) => line.includes(importMessages.unknownGroup('group:default/no-such-team')))).toBe(true);
    expect(lines.some((line) => line.includes('group:default/engineering') && line.includes(importMessages.groupWithoutMembers('department')))).toBe(true);
    expect(lines.some((line) => line.includes('user:default/kari.hansen in group:default/search-team') && line.includes(importMessages.secondTeam('payments')))).toBe(true);
    expect(firstRun).toContain(importMessages.summary(4, 2, 6, 0, lines.length));
  });

  it('keeps catalog text from becoming HTML or MDX', () => {
    expect(read('teams/payments.md')).toContain('Moves \\<script\\>alert(1)\\</script\\> money \\{fast\\}');
  });

  it('produces content that passes the check, with warnings that say what to fill in', async () => {
    const { problems } = await checkContent(content, { cwd: content, today: new Date(`${TEST_TODAY}T00:00:00Z`) });
    expect(problems.filter((problem) => problem.severity === 'error')).toEqual([]);
    const missing = problems.filter((problem) => problem.file === 'teams/payments.md' && problem.rule === 'draft/missing').map((problem) => problem.message);
    expect(missing.map((message) => /"(\w+)"/.exec(message)?.[1])).toEqual(['mission', 'techLead', 'metrics', 'stream']);
  });

  it('writes what the check accepts from awkward catalogs: a date-like name, two groups of one name, a tree given by children only', async () => {
    const catalogText = [
      'kind: Group\nmetadata: { name: acme }\nspec: { type: organization, children: [billing, billing-eu, dates] }',
      'kind: Group\nmetadata: { name: billing }\nspec: { type: team, profile: { displayName: Billing }, members: [ana] }',
      'kind: Group\nmetadata: { name: billing-eu }\nspec: { type: team, profile: { displayName: billing }, members: [ben] }',
      'kind: Group\nmetadata: { name: dates }\nspec: { type: team, profile: { displayName: "2026-01-01" }, members: [cai] }',
      ...['ana', 'ben', 'cai'].map((user) => `kind: User\nmetadata: { name: ${user} }\nspec: {}`),
    ].join('\n---\n');
    const plan = planImport(readCatalog([{ path: 'acme.yaml', text: catalogText }]).entities, TEST_TODAY);
    const dir = mkdtempSync(path.join(os.tmpdir(), 'handbook-import-awkward-'));
    for (const [file, text] of plan.files) {
      mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
      writeFileSync(path.join(dir, file), text);
    }
    const { problems } = await checkContent(dir, { cwd: dir, today: new Date(`${TEST_TODAY}T00:00:00Z`) });
    const names = ['billing', 'billing-eu', 'dates'].map((id) => parse(readFileSync(path.join(dir, `teams/${id}.md`), 'utf8').split('---\n')[1]!)['name']);
    const billing = readFileSync(path.join(dir, 'teams/billing.md'), 'utf8');
    rmSync(dir, { recursive: true, force: true });
    expect(problems.filter((problem) => problem.severity === 'error')).toEqual([]);
    expect(names).toEqual(['Billing', 'billing (billing-eu)', '2026-01-01']);
    expect(plan.unmapped.map(({ what, why }) => `${what}: ${why}`)).toContain(`displayName billing: ${importMessages.sameTeamName('billing (billing-eu)')}`);
    expect(billing).toContain('In the organisation: part of acme (organization).');
  });

  it('builds into a site', async () => {
    const site: BuiltSite = await buildSite(content);
    expect(site.page('/teams/search-team/').querySelector('h1')?.textContent).toBe('Search Team');
    expect(site.page('/people/ola-nordmann/').querySelector('h1')?.textContent).toBe('Ola Nordmann');
  });

  it('runs again without overwriting a file a team has edited, and restores what was deleted', async () => {
    const edited = `${read('teams/payments.md').replace('status: draft', 'status: draft\nmission: Move money fast.')}`;
    writeFileSync(path.join(content, 'teams/payments.md'), edited);
    rmSync(path.join(content, 'people/lost-soul.yaml'));
    const untouched = read('teams/search-team.md');
    const { stdout } = await importInto();
    expect(read('teams/payments.md')).toBe(edited);
    expect(stdout).toContain(importMessages.kept(path.relative(projectRoot, path.join(content, 'teams/payments.md'))));
    expect(read('teams/search-team.md')).toBe(untouched);
    expect(read('people/lost-soul.yaml')).toContain('name: Lost Soul');
  });

  it('reads several documents per file and reports YAML it cannot read', () => {
    const { entities, unmapped } = readCatalog([{ path: 'x.yaml', text: 'kind: User\nmetadata: {name: a}\n---\nkind: [\n' }]);
    expect(entities.map((entity) => entity.ref.name)).toEqual(['a']);
    expect(unmapped[0]).toMatchObject({ where: 'x.yaml#2', what: 'document' });
    expect(planImport(entities, TEST_TODAY).files.has('people/a.yaml')).toBe(true);
  });

  it('copes with what real catalogs hold: accents, names without letters, string memberOf, @handles, parent loops, alias bombs', () => {
    const user = (name: string, extra = '') => `kind: User\nmetadata: {name: ${name}${extra}}\nspec: {memberOf: loop-a}\n`;
    const { entities, unmapped } = readCatalog([
      {
        path: 'odd.yaml',
        text: [
          user('José.Núñez', ', annotations: {github.com/user-login: "@jnunez"}'),
          user('山田'),
          'kind: Group\nmetadata: {name: loop-a}\nspec: {type: team, parent: loop-b}\n',
          'kind: Group\nmetadata: {name: loop-b}\nspec: {type: team, parent: loop-a}\n',
          'just a string\n',
          'a: &a [x, x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]\ne: [*d, *d, *d, *d, *d, *d, *d, *d, *d, *d]\n',
        ].join('---\n'),
      },
    ]);
    const plan = planImport(entities, TEST_TODAY);
    const all = [...unmapped, ...plan.unmapped];
    expect(parse(plan.files.get('people/jose-nunez.yaml')!)).toMatchObject({ github: 'jnunez' });
    expect(all.find((item) => item.what.includes('山田'))?.why).toBe(importMessages.noId);
    expect(all.filter((item) => item.where === 'odd.yaml#5' || item.where === 'odd.yaml#6').map((item) => item.what)).toEqual(['document', 'document']);
    // memberOf written as a plain string still counts, and a loop of parents stops where it started.
    expect(plan.files.get('teams/loop-a.md')).toContain('members:\n  - jose-nunez');
    expect(plan.files.get('teams/loop-a.md')).toContain('part of loop-b (team).');
    expect(plan.files.has('people/.yaml')).toBe(false);
  });

  it('keeps a hand-written file under the other extension instead of adding a second one', async () => {
    writeFileSync(path.join(content, 'teams/payments.mdx'), read('teams/payments.md'));
    rmSync(path.join(content, 'teams/payments.md'));
    const { stdout } = await importInto();
    expect(readdirSync(path.join(content, 'teams')).sort()).toEqual(['payments.mdx', 'search-team.md']);
    expect(stdout).toContain(importMessages.kept(path.relative(projectRoot, path.join(content, 'teams/payments.mdx'))));
  });
});

