import { execFile } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isSchemaRule, ruleIds, rulesByGroup } from '../src/lib/check/catalogue.ts';
import { checkSchema } from '../src/lib/check/rules/schema.ts';
import { lineColumn, lineIndex, readSources } from '../src/lib/check/source.ts';
import { formatGithub, formatPretty, shownMessage } from '../src/lib/check/format.ts';
import type { Problem } from '../src/lib/check/problem.ts';
import { checkContent } from '../src/lib/check/run.ts';
import { closest, closestOrContaining, distance, distanceWithin } from '../src/lib/check/suggest.ts';
import { checkMessages, healthMessages, messages, publicMessages, ruleMessages } from '../src/lib/messages.ts';
import { fixtureContent, projectRoot, TEST_TODAY } from './helpers/site.ts';

const run = promisify(execFile);
const cli = path.join(projectRoot, 'src/cli/handbook.ts');

/** Runs `handbook …` as a user would, returning exit code and output. */
async function handbook(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const env = { ...process.env, HANDBOOK_TODAY: TEST_TODAY };
    const { stdout, stderr } = await run(process.execPath, [cli, ...args], { cwd: projectRoot, env });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const { code, stdout, stderr } = error as { code: number; stdout: string; stderr: string };
    return { code, stdout, stderr };
  }
}

const mistakes = fixtureContent('mistakes');

/** `file:line rule` for every line of the fixture marked `# expect: <rule>`. */
function markedMistakes(): string[] {
  const found: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const full = path.join(dir, name);
      if (statSync(full).isDirectory()) walk(full);
      else {
        readFileSync(full, 'latin1')
          .split('\n')
          .forEach((line, index) => {
            const match = /# expect: (\S+)(?: x(\d+))?/.exec(line);
            for (let n = 0; n < Number(match?.[2] ?? 1) && match; n++) found.push(`${path.relative(projectRoot, full)}:${index + 1} ${match[1]}`);
          });
      }
    }
  };
  walk(mistakes);
  return found;
}

// Files that cannot carry a comment: the problem is the file itself, reported at 1:1
// (or at the first bad byte).
const fileMistakes = [
  'notes.md:1 files/wrong-folder',
  'streams/delivery-journey.md:1 files/wrong-folder',
  'people/broken-yaml.yaml:3 yaml/syntax',
  'people/empty-file.yaml:1 files/empty',
  'people/latin1.yaml:1 files/encoding',
  'streams/no-frontmatter.md:1 files/frontmatter',
  'assets/logo.md:1 files/binary',
  'handbook/teams/rotations.md:1 files/reserved-path',
  'people/maggie.yaml:1 files/symlink',
  'handbook/guides/On Call Rota.md:1 files/name',
  'handbook/guides/faq.MD:1 files/name',
  'handbook/guides.md:1 files/duplicate-id',
].map((entry) => `${path.relative(projectRoot, mistakes)}/${entry}`);

describe('handbook check on an organisation with a mistake in each of twenty-odd files', () => {
  it('reports every mistake in one run, at its file and line, and exits 1', async () => {
    const { code, stdout } = await handbook('check', '--content', mistakes, '--format', 'json');
    expect(code).toBe(1);
    const problems = JSON.parse(stdout) as Problem[];
    const reported = problems.map((p) => `${p.file}:${p.line} ${p.rule}`);
    const expected = [...markedMistakes(), ...fileMistakes];
    expect(expected.length).toBeGreaterThanOrEqual(20);
    // The handbook page that misspells "title" is told "did you mean title?", once: not also that the title is missing.
    expect(reported.sort()).toEqual([...expected].sort());
    for (const problem of problems) {
      expect(Object.keys(problem)).toEqual(['file', 'line', 'column', 'severity', 'rule', 'message']);
      expect(problem.column).toBeGreaterThanOrEqual(1);
    }
  });

  it('passes the same organisation without the mistakes, with exit 0', async () => {
    const { code, stdout } = await handbook('check', '--content', fixtureContent('northwind'), '--format', 'json');
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual([]);
  });

  it('exercises every rule in the catalogue, and reports no rule the catalogue lacks', async () => {
    const reported = new Set((await checkContent(mistakes, { cwd: projectRoot, today: new Date(`${TEST_TODAY}T00:00:00Z`) })).problems.map((p) => p.rule));
    // files/codeowners needs a repository root with a generated CODEOWNERS: codeowners.test.ts exercises it.
    // safety/public-file needs a public/ folder beside the content: the test below exercises it.
    expect([...reported, 'files/codeowners', 'safety/public-file'].sort()).toEqual([...ruleIds].sort());
  });

  it('names the first of two people given one GitHub account, however its case is written', async () => {
    const { problems } = await checkContent(mistakes, { cwd: projectRoot, today: new Date(`${TEST_TODAY}T00:00:00Z`) });
    const shared = problems.filter((problem) => problem.file.endsWith('people/ken-thompson.yaml') && problem.rule === 'org/contradiction');
    expect(shared.map((problem) => problem.message)).toEqual([
      `${path.relative(projectRoot, mistakes)}/people/alan-turing.yaml has this GitHub handle too ("aturing": GitHub ignores case): CODEOWNERS would ask one person to review for both. Check whose account "ATuring" is, and correct the other.`,
    ]);
    // Written with the "@" the schema strips, it is the same handle.
    const dir = mkdtempSync(path.join(tmpdir(), 'handbook-handles-'));
    cpSync(fixtureContent('northwind'), dir, { recursive: true });
    writeFileSync(path.join(dir, 'people/ken-thompson.yaml'), `${readFileSync(path.join(dir, 'people/ken-thompson.yaml'), 'utf8')}github: "@aturing"\n`);
    const withAt = await checkContent(dir, { cwd: dir, today: new Date(`${TEST_TODAY}T00:00:00Z`) });
    rmSync(dir, { recursive: true, force: true });
    expect(withAt.problems.map((problem) => `${problem.file} ${problem.rule}`)).toEqual(['people/ken-thompson.yaml org/contradiction']);
  });

  it('lets a product manager serve two pods, and still asks a member of two to pick a first team', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'handbook-two-pods-'));
    cpSync(fixtureContent('northwind'), dir, { recursive: true });
    const runway = path.join(dir, 'teams/runway.md');
    writeFileSync(runway, readFileSync(runway, 'utf8').replace('techLead: ken-thompson\n', 'techLead: ken-thompson\nproductManager: katherine-johnson\n'));
    const today = new Date(`${TEST_TODAY}T00:00:00Z`);
    expect((await checkContent(dir, { cwd: dir, today })).problems).toEqual([]);
    writeFileSync(runway, readFileSync(runway, 'utf8').replace('members: []', 'members: [edsger-dijkstra]'));
    const { problems } = await checkContent(dir, { cwd: dir, today });
    rmSync(dir, { recursive: true, force: true });
    expect(problems.map((problem) => `${problem.file} ${problem.rule}`)).toEqual(['people/edsger-dijkstra.yaml warn/two-teams']);
  });

  it('judges council attendance by the latest minutes only, and leaves an id that names no one to references/person', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'handbook-attendance-'));
    cpSync(fixtureContent('northwind'), dir, { recursive: true });
    const today = new Date(`${TEST_TODAY}T00:00:00Z`);
    const edit = (file: string, change: (text: string) => string) => writeFileSync(path.join(dir, file), change(readFileSync(path.join(dir, file), 'utf8')));
    // Runway gets a new tech lead: the minutes of 7 October rightly list the lead of their day.
    edit('teams/runway.md', (text) => text.replace('techLead: ken-thompson', 'techLead: grace-hopper').replace('members: []', 'members: [ken-thompson]'));
    edit('teams/leadership.md', (text) => text.replace('members: [ada-lovelace, grace-hopper]', 'members: [ada-lovelace]'));
    edit('teams/runway.md', (text) => text.replace(/owner: ken-thompson/g, 'owner: grace-hopper'));
    const rules = async () => (await checkContent(dir, { cwd: dir, today })).problems.map((problem) => `${problem.file}:${problem.line} ${problem.rule}`);
    expect(await rules()).toEqual([]);
    // In the latest minutes, a misspelt attendee is one error, not also a warning; someone who leads no team is a warning.
    edit('council/2026-10-21.md', (text) => text.replace('attendees: [alan-turing]', 'attendees: [alan-turin, edsger-dijkstra]'));
    expect(await rules()).toEqual(['council/2026-10-21.md:3 references/person', 'council/2026-10-21.md:3 warn/attendee-not-tech-lead']);
    rmSync(dir, { recursive: true, force: true });
  });

  it('says once that an empty tech lead is missing', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'handbook-empty-lead-'));
    cpSync(fixtureContent('northwind'), dir, { recursive: true });
    const runway = path.join(dir, 'teams/runway.md');
    writeFileSync(runway, readFileSync(runway, 'utf8').replace('techLead: ken-thompson', 'techLead: ""'));
    const { problems } = await checkContent(dir, { cwd: dir, today: new Date(`${TEST_TODAY}T00:00:00Z`) });
    rmSync(dir, { recursive: true, force: true });
    expect(problems.filter((problem) => problem.file === 'teams/runway.md').map((problem) => `${problem.line} ${problem.rule}`)).toEqual(['5 org/tech-lead']);
  });

  it("does not blame other files for a charter whose people fields it cannot read: one mistake, one problem", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'handbook-people-fields-'));
    cpSync(fixtureContent('northwind'), dir, { recursive: true });
    const shipping = path.join(dir, 'teams/shipping.md');
    const original = readFileSync(shipping, 'utf8');
    const today = new Date(`${TEST_TODAY}T00:00:00Z`);
    const found = async (text: string) => {
      writeFileSync(shipping, text);
      return (await checkContent(dir, { cwd: dir, today })).problems.map((problem) => `${problem.file}:${problem.line} ${problem.rule} ${problem.message}`);
    };
    // A misspelt techLead: its lead attends the council, and would be "no team's tech lead" there.
    const misspelt = await found(original.replace('techLead: alan-turing', 'tech_lead: alan-turing'));
    // Members written as text: the owners of its responsibilities would be "not on the team".
    const asText = await found(original.replace('members: [edsger-dijkstra, barbara-liskov, margaret-hamilton]', 'members: edsger-dijkstra, barbara-liskov, margaret-hamilton'));
    // Its lead named by a misspelt id, or by name: "did you mean alan-turing?" says it, once.
    const typo = await found(original.replace('techLead: alan-turing', 'techLead: alan-turin'));
    const byName = await found(original.replace('techLead: alan-turing', 'techLead: Alan Turing'));
    rmSync(dir, { recursive: true, force: true });
    expect(typo.map((line) => line.split(' ').slice(0, 2).join(' '))).toEqual(['teams/shipping.md:7 references/person']);
    expect(byName.map((line) => line.split(' ').slice(0, 2).join(' '))).toEqual(['teams/shipping.md:7 references/person']);
    expect(misspelt).toEqual([`teams/shipping.md:7 schema/unknown-key ${checkMessages.unknownKey('tech_lead', 'a charter', 'techLead', [])}`]);
    expect(asText).toEqual([
      'teams/shipping.md:8 schema/type "members" should be a list, not string "edsger-dijkstra, barbara-liskov, margaret-hamilton". Write it in square brackets: members: [edsger-dijkstra, barbara-liskov, margaret-hamilton]',
    ]);
  });

  it('reports a value the schema refuses once, not also what a rule would read from it', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'handbook-derived-'));
    const today = new Date(`${TEST_TODAY}T00:00:00Z`);
    const found = async (file: string, change: (text: string) => string) => {
      rmSync(dir, { recursive: true, force: true });
      cpSync(fixtureContent('northwind'), dir, { recursive: true });
      writeFileSync(path.join(dir, file), change(readFileSync(path.join(dir, file), 'utf8')));
      return (await checkContent(dir, { cwd: dir, today })).problems.map((problem) => `${problem.file}:${problem.line} ${problem.severity} ${problem.rule}`);
    };
    // The current phase written "yes", or under a misspelt name: not also "no phase is current".
    expect(await found('phases/getting-traction.md', (text) => text.replace('current: true', 'current: yes'))).toEqual(['phases/getting-traction.md:4 error schema/type']);
    expect(await found('phases/getting-traction.md', (text) => text.replace('current: true', 'curent: true'))).toEqual(['phases/getting-traction.md:4 error schema/unknown-key']);
    // A misspelt "leadership": its members' pods are not also their second team.
    const leadership = (type: string) => (text: string) => text.replace('type: leadership', `type: ${type}`).replace('members: [ada-lovelace, grace-hopper]', 'members: [ada-lovelace, grace-hopper, alan-turing]');
    expect(await found('teams/leadership.md', leadership('leadershp'))).toEqual(['teams/leadership.md:3 error schema/enum']);
    expect(await found('teams/leadership.md', leadership('platform'))).toEqual(['teams/leadership.md:3 error org/tech-lead', 'people/alan-turing.yaml:1 warning warn/two-teams'].sort());
    // A value metric written "Value": not also "no value metric".
    expect(await found('teams/runway.md', (text) => text.replace('kind: value', 'kind: Value'))).toEqual(['teams/runway.md:8 error schema/enum']);
    // "status: Draft": a draft needs no "reviewed", and its missing product manager is a draft's warning, not an error.
    const drafted = (text: string) => text.replace(/^mission: .*$/m, 'status: Draft').replace(/^reviewed: .*\n/m, '').replace(/^productManager: .*\n/m, '');
    expect(await found('teams/shipping.md', drafted)).toEqual(['teams/shipping.md:3 warning org/stream-aligned-pm', 'teams/shipping.md:5 error schema/enum']);
    rmSync(dir, { recursive: true, force: true });
  });

  it('names a field written twice, and a field with no space after its colon', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'handbook-twice-'));
    cpSync(fixtureContent('northwind'), dir, { recursive: true });
    const runway = path.join(dir, 'teams/runway.md');
    writeFileSync(runway, readFileSync(runway, 'utf8').replace('investment:', 'reviewed: 2026-09-01\ninvestment:'));
    writeFileSync(path.join(dir, 'people/ada-lovelace.yaml'), 'name: Ada Lovelace\nrole:engineer\n');
    const { problems } = await checkContent(dir, { cwd: dir, today: new Date(`${TEST_TODAY}T00:00:00Z`) });
    rmSync(dir, { recursive: true, force: true });
    expect(problems.map((problem) => `${problem.file}:${problem.line} ${problem.rule} ${problem.message}`)).toEqual([
      'people/ada-lovelace.yaml:2 yaml/syntax "role:" needs a space after the colon, or YAML reads the whole line as one word: write "role: engineer".',
      'teams/runway.md:14 yaml/syntax "reviewed" is written a second time here: a field has one value. Keep the one that holds, and delete the other.',
    ]);
  });

  it('lets an ended interaction stand beside the one that followed it, and names a pair only one charter says has ended', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'handbook-ended-'));
    cpSync(fixtureContent('northwind'), dir, { recursive: true });
    const shipping = path.join(dir, 'teams/shipping.md');
    const runway = path.join(dir, 'teams/runway.md');
    const today = new Date(`${TEST_TODAY}T00:00:00Z`);
    const found = async () => (await checkContent(dir, { cwd: dir, today })).problems.map((problem) => `${problem.file} ${problem.rule} ${problem.message}`);
    // Collaboration first, X-as-a-service since: history, not a contradiction.
    writeFileSync(shipping, readFileSync(shipping, 'utf8').replace('  - { team: runway, mode: x-as-a-service }', '  - { team: runway, mode: collaboration, until: 2026-10-01 }\n  - { team: runway, mode: x-as-a-service }'));
    writeFileSync(runway, readFileSync(runway, 'utf8').replace('reviewed:', 'interactions:\n  - { team: shipping, mode: x-as-a-service }\nreviewed:'));
    const history = await found();
    // Shipping says the service ended; runway still states it.
    writeFileSync(shipping, readFileSync(shipping, 'utf8').replace('  - { team: runway, mode: collaboration, until: 2026-10-01 }\n  - { team: runway, mode: x-as-a-service }', '  - { team: runway, mode: x-as-a-service, until: 2026-10-01 }'));
    const oneSided = await found();
    rmSync(dir, { recursive: true, force: true });
    expect(history).toEqual([`teams/shipping.md warn/interaction-ended ${ruleMessages.interactionEnded('runway', 'collaboration', '2026-10-01', 50)}`]);
    expect(oneSided).toEqual([`teams/shipping.md warn/interaction-ended ${ruleMessages.interactionEndedHereOnly('runway', 'x-as-a-service', '2026-10-01', 'teams/runway.md')}`]);
  });

  it('reads a content folder kept as a git submodule: its .git is git\'s, not a hidden content file', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'handbook-submodule-'));
    cpSync(fixtureContent('northwind'), dir, { recursive: true });
    writeFileSync(path.join(dir, '.git'), 'gitdir: ../.git/modules/content\n');
    const { problems } = await checkContent(dir, { cwd: dir, today: new Date(`${TEST_TODAY}T00:00:00Z`) });
    rmSync(dir, { recursive: true, force: true });
    expect(problems).toEqual([]);
  });

  it('says where a file in the folder of another kind of entry goes, once, instead of a line per field', async () => {
    const { problems } = await checkContent(mistakes, { cwd: projectRoot, today: new Date(`${TEST_TODAY}T00:00:00Z`) });
    expect(problems.filter((problem) => problem.file.endsWith('streams/delivery-journey.md')).map((problem) => problem.message)).toEqual([
      checkMessages.misplacedEntry('streams/delivery-journey.md', 'an asset', ['category', 'kind', 'owner'], 'a stream', 'assets/delivery-journey.md'),
    ]);
    // Minutes saved under another name in teams/ go to council/, named by their date; nothing else is said of them.
    const dir = mkdtempSync(path.join(tmpdir(), 'handbook-misplaced-'));
    cpSync(fixtureContent('northwind'), dir, { recursive: true });
    renameSync(path.join(dir, 'council/2026-10-21.md'), path.join(dir, 'teams/october-council.md'));
    // A charter written as YAML among the people: it moves as Markdown.
    writeFileSync(path.join(dir, 'people/search.yaml'), 'name: Search\ntype: platform\ntechLead: alan-turing\nmission: Find things.\n');
    // Not moved: a handbook page with fields of its own invention, whose body is still
    // checked, and a stream whose author wrote a phase's "order" beside its own fields.
    writeFileSync(path.join(dir, 'handbook/rota.md'), '---\ntitle: Rota\nowner: runway\nupdated: 2026-10-01\ntags: [on-call]\n---\nSee [the team](../teams/nowhere.md).\n');
    const stream = path.join(dir, 'streams/deliveries.md');
    writeFileSync(stream, readFileSync(stream, 'utf8').replace('---\n', '---\norder: 2\ncurrent: true\n'));
    const moved = await checkContent(dir, { cwd: dir, today: new Date(`${TEST_TODAY}T00:00:00Z`) });
    rmSync(dir, { recursive: true, force: true });
    const wrongFolder = moved.problems.filter((problem) => problem.rule === 'files/wrong-folder');
    expect(wrongFolder.map((problem) => `${problem.file}:${problem.line} ${problem.message}`)).toEqual([
      `people/search.yaml:1 ${checkMessages.misplacedEntry('people/search.yaml', 'a charter', ['type', 'techLead', 'mission'], 'a person file', 'teams/search.md (its fields between "---" lines at the top)')}`,
      `teams/october-council.md:1 ${checkMessages.misplacedEntry('teams/october-council.md', 'council minutes', ['date', 'attendees', 'absent'], 'a charter', 'council/2026-10-21.md')}`,
    ]);
    expect(moved.problems.filter((problem) => problem.file === 'handbook/rota.md').map((problem) => problem.rule).sort()).toEqual(['links/broken', 'schema/unknown-key', 'schema/unknown-key', 'schema/unknown-key']);
    expect(moved.problems.filter((problem) => problem.file === 'streams/deliveries.md').map((problem) => problem.rule)).toEqual(['schema/unknown-key', 'schema/unknown-key']);
    // Minutes written as YAML in their own folder: written as Markdown, or moved if they are a person.
    expect(checkMessages.wrongKind('council/2026-11-30.yaml', 'council', '.md or .mdx')).toBe(
      'council/2026-11-30.yaml: files in council/ must be .md or .mdx files, so this one is not read. Write it as council/2026-11-30.md, its fields between "---" lines at the top; or, if it describes a person, move it to people/2026-11-30.yaml.',
    );
    expect(checkMessages.misplacedEntry('streams/parcel-lockers.md', 'a charter', ['type', 'mission', 'techLead'], 'a stream', 'teams/parcel-lockers.md')).toBe(
      'streams/parcel-lockers.md has the fields of a charter ("type", "mission", "techLead"), not of a stream: each folder holds one kind of entry. Move it to teams/parcel-lockers.md.',
    );
  });

  it('holds every rule the schemas report to an error that check.rules cannot lower (isSchemaRule)', async () => {
    const { sources } = readSources(mistakes, projectRoot);
    const fromSchemas = new Set(sources.flatMap((source) => checkSchema(source).map((problem) => problem.rule)));
    expect(fromSchemas.size).toBeGreaterThan(10);
    for (const rule of fromSchemas) expect(isSchemaRule(rule), rule).toBe(true);
    // And every rule a schema's refinement names in src/schemas/.
    for (const file of readdirSync(path.join(projectRoot, 'src/schemas'))) {
      for (const [, rule] of readFileSync(path.join(projectRoot, 'src/schemas', file), 'utf8').matchAll(/rule: '([^']+)'/g)) expect(isSchemaRule(rule!), rule).toBe(true);
    }
    expect(ruleIds.filter((rule) => !isSchemaRule(rule) && rule.startsWith('schema/'))).toEqual(['schema/markup', 'schema/curly-quotes']);
  });

  it('passes the sample organisation', async () => {
    const found = (await checkContent(path.join(projectRoot, 'content'), { cwd: projectRoot, today: new Date('2026-11-20T00:00:00Z') })).problems;
    expect(found.filter((p) => p.severity === 'error')).toEqual([]);
  });
});

describe('the rules pages', () => {
  it('list every rule under a heading written for readers, not its id prefix', () => {
    const labels = rulesByGroup().map((group) => group.label);
    expect(labels.filter((label) => /^[a-z]+$/.test(label))).toEqual([]);
    expect(labels).toContain('HTML in Markdown');
  });
});

describe('messages authors read', () => {
  let problems: Problem[] = [];
  beforeAll(async () => {
    problems = (await checkContent(mistakes, { cwd: projectRoot, today: new Date(`${TEST_TODAY}T00:00:00Z`) })).problems;
  });
  const at = (file: string, line: number) => problems.find((p) => p.file.endsWith(file) && p.line === line)?.message;

  it('tells a sentence with ": " in a list of text to go in quotes, and an empty list how to be empty', () => {
    expect(checkMessages.wrongType('norms[2]', 'text', 'a set of fields', { 'Core hours': '10:00-15:00 Europe/London' })).toBe(
      '"norms[2]" should be text, not a set of fields. The ": " in it makes YAML read a field: put the whole text in quotes, "Core hours: 10:00-15:00 Europe/London".',
    );
    expect(checkMessages.wrongType('owns', 'a list', 'empty', null)).toBe('"owns" should be a list, not empty. Write owns: [] for none, or list them under it, one "- " per line.');
  });

  it('names a misspelt key and the key it probably meant', () => {
    expect(at('teams/shipping.md', 5)).toBe('Unknown field "mision" in a charter. Did you mean "mission"?');
    const onCall = problems.filter((p) => p.file.endsWith('on-call.mdx')).map((p) => p.message);
    expect(onCall).toEqual(['Unknown field "titel" in a handbook page. Did you mean "title"?']);
  });

  it('says a missing choice is missing, with the choices, rather than that "undefined" is not one', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'handbook-required-'));
    mkdirSync(path.join(dir, 'teams'));
    mkdirSync(path.join(dir, 'people'));
    writeFileSync(path.join(dir, 'teams/ledger.md'), '---\nname: Ledger\nmission: Keep the books.\nmetrics:\n  - name: Days to close\n---\n');
    writeFileSync(path.join(dir, 'people/ada.yaml'), 'name: Ada\n');
    const found = (await checkContent(dir, { cwd: dir })).problems.filter((p) => p.rule.startsWith('schema/'));
    rmSync(dir, { recursive: true, force: true });
    expect(found.map((p) => `${p.file}:${p.line} ${p.rule} ${p.message}`)).toEqual([
      'people/ada.yaml:1 schema/required A person file needs "role", and it is missing. Use one of: engineer, tech-lead, product-manager, engineering-manager, designer, data, director, vp, cto, cpo, ceo, other.',
      'teams/ledger.md:2 schema/required A charter needs "type", and it is missing. Use one of: stream-aligned, platform, enabling, complicated-subsystem, leadership.',
      'teams/ledger.md:5 schema/required "metrics[1]" needs "kind", and it is missing. Use one of: value, activity.',
    ]);
  });

  it('names an unknown id, the likely one, and the file that is missing', () => {
    expect(at('teams/shipping.md', 6)).toBe(
      'No person has the id "katherine-jonson" (in productManager). Did you mean "katherine-johnson"? There is no test/fixtures/mistakes/content/people/katherine-jonson.yaml.',
    );
    // Too far for a typo, but the one person whose id holds the word: a first name for a full id.
    expect(at('council/2026-10-21.md', 12)).toBe(
      'No person has the id "edsger" (in actions[1].owner). Did you mean "edsger-dijkstra"? There is no test/fixtures/mistakes/content/people/edsger.yaml.',
    );
  });

  it('lists the allowed values of an enum', () => {
    expect(at('teams/shipping.md', 11)).toBe('"activty" is not a valid metrics[2].kind. Did you mean "activity"? Use one of: value, activity.');
  });

  it('refuses a handbook page that a section of the site would hide, before the build', () => {
    expect(at('handbook/teams/rotations.md', 1)).toBe(
      "test/fixtures/mistakes/content/handbook/teams/rotations.md would be served at /teams/…, which the site's own teams pages use. Move it to another folder or rename it.",
    );
  });

  it('names a file the build would drop or mangle, and the name to give it', () => {
    expect(at('handbook/guides/On Call Rota.md', 1)).toBe(
      'handbook/guides/On Call Rota.md: "On Call Rota" is not an id. File names are ids in kebab-case (lowercase letters, digits and single dashes): entries refer to each other by id, and page addresses are made from them. Rename it to handbook/guides/on-call-rota.md.',
    );
    expect(at('handbook/guides/faq.MD', 1)).toBe(
      'handbook/guides/faq.MD: the build reads only files ending in lowercase .md, so this one would be missing from the site. Rename it to handbook/guides/faq.md.',
    );
  });

  it('names the two files that would make one page', () => {
    expect(at('handbook/guides.md', 1)).toBe(
      'handbook/guides.md and handbook/guides/index.md both make the entry "guides", and the site would show only one of them. Merge them into one file, or rename one.',
    );
  });

  it('names a reporting line that goes round in a circle', async () => {
    expect(at('people/tim-berners-lee.yaml', 3)).toBe(
      '"tim-berners-lee" reports to themselves. A reporting line ends at someone who reports to no one (usually the CEO): name their manager, or remove "reportsTo".',
    );
    const dir = mkdtempSync(path.join(tmpdir(), 'handbook-cycle-'));
    mkdirSync(path.join(dir, 'people'));
    writeFileSync(path.join(dir, 'people/alan.yaml'), 'name: Alan\nrole: cto\nreportsTo: ken\n');
    writeFileSync(path.join(dir, 'people/ken.yaml'), 'name: Ken\nrole: ceo\nreportsTo: alan\n');
    const cycles = (await checkContent(dir, { cwd: dir })).problems.filter((p) => p.rule === 'org/reporting-cycle');
    rmSync(dir, { recursive: true, force: true });
    expect(cycles.map((p) => `${p.file}:${p.line} ${p.message}`)).toEqual([
      'people/alan.yaml:3 This reporting line goes round in a circle: alan → ken → alan. It must end at someone who reports to no one (usually the CEO): change one "reportsTo".',
    ]);
  });

  it('refuses an alias of a list at once, so a ten-line file cannot expand to billions of values', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'handbook-aliases-'));
    mkdirSync(path.join(dir, 'people'));
    const levels = Array.from({ length: 10 }, (_, level) => `x${level}: &x${level} [${Array(10).fill(level === 0 ? '"<b>lol</b>"' : `*x${level - 1}`).join(', ')}]`);
    writeFileSync(path.join(dir, 'people/lol.yaml'), `name: Lol\nrole: engineer\n${levels.join('\n')}\n`);
    const started = performance.now();
    const found = (await checkContent(dir, { cwd: dir })).problems;
    rmSync(dir, { recursive: true, force: true });
    // It once took hours at ten levels, or ran out of stack.
    expect(performance.now() - started).toBeLessThan(10_000);
    expect(found.map((p) => `${p.file}:${p.line}:${p.column} ${p.rule}`)).toEqual(['people/lol.yaml:4:10 yaml/alias']);
  });

  it("refuses files in public/ that would run as the site's own pages or scripts, and SVGs that script or track", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'handbook-public-'));
    mkdirSync(path.join(dir, 'content/people'), { recursive: true });
    writeFileSync(path.join(dir, 'content/people/ada.yaml'), 'name: Ada\nrole: engineer\n');
    mkdirSync(path.join(dir, 'public/images'), { recursive: true });
    const files: Record<string, string> = {
      'images/map.svg': '<svg xmlns="http://www.w3.org/2000/svg">\n  <script>alert(document.domain)</script>\n</svg>',
      'images/pixel.svg': '<svg xmlns="http://www.w3.org/2000/svg"><image href="https://evil.example/p.gif"/></svg>',
      'images/button.svg': '<svg xmlns="http://www.w3.org/2000/svg">\n<rect\n onclick="x()"/></svg>',
      'login.html': '<form action="https://evil.example">',
      'images/team.png': 'png',
      // A review got past a list of what to refuse with these: so types are allowed by name, and an SVG may link only within itself or the site.
      'page.shtml': '<p>x</p>',
      'images/ns.svg': '<svg xmlns="http://www.w3.org/2000/svg"><html:script xmlns:html="http://www.w3.org/1999/xhtml">x()</html:script></svg>',
      'images/ref.svg': '<svg xmlns="http://www.w3.org/2000/svg"><a href="javascript&#58;x()"><text>x</text></a></svg>',
      'images/slash.svg': '<svg xmlns="http://www.w3.org/2000/svg"><image href="https:/evil.example/p.gif"/></svg>',
      'images/wide.svg': '\ufeff',
      'images/clean.svg': '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"><use href="#a"/><rect id="a" fill="#fff"/></svg>',
      'docs/agreement.pdf': '%PDF',
    };
    for (const [file, text] of Object.entries(files)) {
      mkdirSync(path.dirname(path.join(dir, 'public', file)), { recursive: true });
      writeFileSync(path.join(dir, 'public', file), text);
    }
    // UTF-16, as Windows tools save it: read as UTF-8 the script would be hidden between NUL bytes.
    writeFileSync(path.join(dir, 'public/images/wide.svg'), Buffer.from('\ufeff<svg><script>x()</script></svg>', 'utf16le'));
    symlinkSync('/etc/hostname', path.join(dir, 'public/images/tmp.svg'));
    const found = (await checkContent(path.join(dir, 'content'), { cwd: dir })).problems.filter((p) => p.rule === 'safety/public-file');
    rmSync(dir, { recursive: true, force: true });
    expect(found.map((p) => `${p.file}:${p.line}:${p.column}`)).toEqual([
      'public/images/button.svg:3:2',
      'public/images/map.svg:2:3',
      'public/images/ns.svg:1:41',
      'public/images/pixel.svg:1:48',
      'public/images/ref.svg:1:44',
      'public/images/slash.svg:1:48',
      'public/images/tmp.svg:1:1',
      'public/images/wide.svg:1:1',
      'public/login.html:1:1',
      'public/page.shtml:1:1',
    ]);
    expect(found[1]!.message).toBe(publicMessages.svg('<script>alert(document.domain)</script>'));
    expect(found[8]!.message).toBe(publicMessages.runnable('login.html'));
    expect(found[6]!.message).toBe(publicMessages.symlink('images/tmp.svg'));
  });

  it('points at a byte that is not UTF-8 by its column as an editor counts it, after multi-byte letters', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'handbook-latin1-'));
    mkdirSync(path.join(dir, 'handbook'));
    // "日本語 😀 text" before it: 3 + 1 + 2 (a surrogate pair) + 6 characters, 16 bytes.
    writeFileSync(path.join(dir, 'handbook/cafe.md'), Buffer.concat([Buffer.from('---\ntitle: Café\n---\n\n日本語 😀 text caf'), Buffer.from([0xe9]), Buffer.from(' here\n')]));
    const [found] = (await checkContent(dir, { cwd: dir })).problems;
    rmSync(dir, { recursive: true, force: true });
    expect(found).toMatchObject({ file: 'handbook/cafe.md', line: 5, column: 16, rule: 'files/encoding' });
  });

  it('names a file saved as UTF-16, and frontmatter that is never closed, instead of "binary" and "no frontmatter"', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'handbook-utf16-'));
    mkdirSync(path.join(dir, 'people'));
    mkdirSync(path.join(dir, 'handbook'));
    const person = 'name: José Díaz\ngithub: jdiaz\nrole: Engineer\n';
    // As Notepad saves "Unicode": a byte-order mark, then two bytes per letter.
    writeFileSync(path.join(dir, 'people/jose.yaml'), Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(person, 'utf16le')]));
    writeFileSync(path.join(dir, 'people/zoe.yaml'), Buffer.from(person.replace('José Díaz', 'Zoë Li'), 'utf16le'));
    writeFileSync(path.join(dir, 'handbook/logo.md'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0, 0, 1, 0]));
    writeFileSync(path.join(dir, 'handbook/open.md'), '---\ntitle: On call\n\nWe rotate weekly.\n');
    const found = (await checkContent(dir, { cwd: dir })).problems.filter((p) => p.rule.startsWith('files/'));
    rmSync(dir, { recursive: true, force: true });
    expect(found.map((p) => `${p.file}:${p.line} ${p.rule} ${p.message}`).sort()).toEqual([
      `handbook/logo.md:1 files/binary ${checkMessages.binary}`,
      `handbook/open.md:1 files/frontmatter ${checkMessages.frontmatterUnclosed}`,
      `people/jose.yaml:1 files/encoding ${checkMessages.utf16}`,
      `people/zoe.yaml:1 files/encoding ${checkMessages.utf16}`,
    ]);
  });

  it('explains limits in plain words', () => {
    expect(at('phases/optimizing.md', 3)).toBe('"order" must be at most 4.');
  });

  it('holds the phases to the four of the content model, each in its place', async () => {
    expect(at('phases/scaling.md', 2)).toBe(
      '"scaling" is not one of the four phases (experimenting, getting-traction, hyper-growth, optimizing). Rename the file to the phase it describes.',
    );
    expect(at('phases/experimenting.md', 2)).toBe('The phases page shows the four phases side by side, but "getting-traction" has no file. Add phases/getting-traction.md.');
    expect(at('phases/hyper-growth.md', 3)).toBe('"hyper-growth" is phase 3 of the four (experimenting, getting-traction, hyper-growth, optimizing), but its order is 2. Write "order: 3".');
    // A misspelt or shortened phase is one mistake, with the phase it meant, not also a missing phase.
    const phasesNamed = async (files: Record<string, number>) => {
      const dir = mkdtempSync(path.join(tmpdir(), 'handbook-phases-'));
      mkdirSync(path.join(dir, 'phases'));
      for (const [file, order] of Object.entries(files)) writeFileSync(path.join(dir, 'phases', file), `---\nname: A phase\norder: ${order}\ncurrent: ${order === 1}\n---\n`);
      const found = (await checkContent(dir, { cwd: dir })).problems.filter((p) => p.file.startsWith('phases/'));
      rmSync(dir, { recursive: true, force: true });
      return found.map((p) => `${p.file}:${p.line} ${p.rule} ${p.message}`);
    };
    expect(await phasesNamed({ 'experimenting.md': 1, 'traction.mdx': 2, 'hyper-growth.md': 3, 'optimising.md': 4 })).toEqual([
      'phases/optimising.md:2 org/phase-set "optimising" is not one of the four phases (experimenting, getting-traction, hyper-growth, optimizing). Did you mean "optimizing"? Rename the file to phases/optimizing.md.',
      'phases/traction.mdx:2 org/phase-set "traction" is not one of the four phases (experimenting, getting-traction, hyper-growth, optimizing). Did you mean "getting-traction"? Rename the file to phases/getting-traction.mdx.',
    ]);
    // Two phases swapped: each is told its own place, and neither is told about the other.
    expect(await phasesNamed({ 'experimenting.md': 1, 'getting-traction.md': 3, 'hyper-growth.md': 2, 'optimizing.md': 4 })).toEqual([
      'phases/getting-traction.md:3 org/phase-order "getting-traction" is phase 2 of the four (experimenting, getting-traction, hyper-growth, optimizing), but its order is 3. Write "order: 2".',
      'phases/hyper-growth.md:3 org/phase-order "hyper-growth" is phase 3 of the four (experimenting, getting-traction, hyper-growth, optimizing), but its order is 2. Write "order: 3".',
    ]);
    expect(await phasesNamed({ 'hyper-growth.md': 3 })).toEqual([
      'phases/hyper-growth.md:2 org/current-phase No phase is marked "current: true". Mark the phase the organisation is in now.',
      'phases/hyper-growth.md:2 warn/missing-phase The phases page shows the four phases side by side, but "experimenting", "getting-traction" and "optimizing" have no file. Add phases/experimenting.md, phases/getting-traction.md and phases/optimizing.md.',
    ]);
  });
});

describe('a file the check cannot read', () => {
  it('is reported once, in its own file: other files are not blamed for what it may hold', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'handbook-unreadable-'));
    cpSync(fixtureContent('northwind'), dir, { recursive: true });
    // A charter whose tech lead attends the council, the minutes whose decision a later one
    // supersedes, and the current phase: unread, each would set off warnings elsewhere.
    for (const file of ['teams/runway.md', 'council/2026-10-07.md', 'phases/getting-traction.md']) {
      const text = readFileSync(path.join(dir, file), 'utf8');
      writeFileSync(path.join(dir, file), text.replace('---\n', '---\nbroken: [never closed\n'));
    }
    const { code, stdout } = await handbook('check', '--content', dir);
    const json = await handbook('check', '--content', dir, '--format', 'json');
    rmSync(dir, { recursive: true, force: true });
    expect(code).toBe(1);
    const label = path.relative(projectRoot, dir);
    expect((JSON.parse(json.stdout) as Problem[]).map((p) => `${path.relative(label, p.file)}:${p.line} ${p.rule}`)).toEqual([
      'council/2026-10-07.md:3 yaml/syntax',
      'phases/getting-traction.md:3 yaml/syntax',
      'teams/runway.md:3 yaml/syntax',
    ]);
    // The health summary would list Runway's tech lead as on no team.
    expect(stdout).toContain(healthMessages.summaryWithheld(['council/', 'teams/']));
    expect(stdout).not.toContain('People on no team');
  });

  it('holds back the health summary while an entry fails its schema, as the site leaves it out', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'handbook-left-out-'));
    cpSync(fixtureContent('northwind'), dir, { recursive: true });
    const runway = path.join(dir, 'teams/runway.md');
    writeFileSync(runway, readFileSync(runway, 'utf8').replace('\nmission:', '\nmision: typo\nmission:'));
    const { stdout } = await handbook('check', '--content', dir);
    rmSync(dir, { recursive: true, force: true });
    // One error, in the charter; the rules still read its fields, so nothing else is blamed.
    expect(stdout).toContain('1 error, 0 warnings');
    expect(stdout).toContain(healthMessages.summaryWithheld(['teams/']));
  });
});

describe('file names the build would drop without a word', () => {
  const root = mkdtempSync(path.join(tmpdir(), 'handbook-names-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  const charter = '---\nname: Ledger\ntype: leadership\n---\n';
  const person = 'name: Ada Lovelace\nrole: engineer\n';

  /** `file rule: message` for each file-level problem in a content root made of these files. */
  async function namesIn(files: Record<string, string>): Promise<string[]> {
    const dir = mkdtempSync(path.join(root, 'site-'));
    for (const [file, text] of Object.entries(files)) {
      mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
      writeFileSync(path.join(dir, file), text);
    }
    const { problems } = await checkContent(dir, { cwd: dir });
    return problems.filter((p) => p.rule.startsWith('files/')).map((p) => `${p.file} ${p.rule}: ${p.message}`);
  }

  it('refuses "#" and "?", which Astro cannot open, and suggests the kebab-case name', async () => {
    const found = await namesIn({ 'teams/ops#2.md': charter, 'teams/LedgerOps.md': charter, 'teams/???.md': charter });
    expect(found).toEqual([
      'teams/???.md files/name: teams/???.md: "???" is not an id. File names are ids in kebab-case (lowercase letters, digits and single dashes): entries refer to each other by id, and page addresses are made from them. The build cannot even read a name with "#" or "?", so this page would be missing from the site. Rename it in kebab-case, such as cash-insights.',
      'teams/LedgerOps.md files/name: teams/LedgerOps.md: "LedgerOps" is not an id. File names are ids in kebab-case (lowercase letters, digits and single dashes): entries refer to each other by id, and page addresses are made from them. Rename it to teams/ledger-ops.md.',
      'teams/ops#2.md files/name: teams/ops#2.md: "ops#2" is not an id. File names are ids in kebab-case (lowercase letters, digits and single dashes): entries refer to each other by id, and page addresses are made from them. The build cannot even read a name with "#" or "?", so this page would be missing from the site. Rename it to teams/ops-2.md.',
    ]);
  });

  it('names a misnamed charter once, with the name it was meant to have, and does not make the files that refer to it wrong', async () => {
    for (const [name, rule, message] of [
      ['Shipping.md', 'files/name', checkMessages.fileNameNotId('teams/Shipping.md', 'Shipping', false, 'teams/shipping.md')],
      ['shipping (1).md', 'files/name', checkMessages.fileNameNotId('teams/shipping (1).md', 'shipping (1)', false, 'teams/shipping.md')],
      ['shipping.md.md', 'files/name', checkMessages.fileNameNotId('teams/shipping.md.md', 'shipping.md', false, 'teams/shipping.md')],
      ['shipping.markdown', 'files/wrong-folder', checkMessages.markdownExtension('teams/shipping.markdown', 'teams/shipping.md')],
    ] as const) {
      const dir = mkdtempSync(path.join(root, 'renamed-'));
      cpSync(fixtureContent('northwind'), dir, { recursive: true });
      renameSync(path.join(dir, 'teams/shipping.md'), path.join(dir, 'teams', name));
      const { problems } = await checkContent(dir, { cwd: dir, today: new Date(`${TEST_TODAY}T00:00:00Z`) });
      // Minutes and an asset name "shipping": before, each was an unknown team that suggested the bad name.
      expect(problems.filter((p) => p.severity === 'error').map((p) => `${p.file} ${p.rule}: ${p.message}`), name).toEqual([`teams/${name} ${rule}: ${message}`]);
    }
  });

  it('tells a second copy beside its original to merge, and keeps a word such as "Copy" that is part of a name', async () => {
    expect(await namesIn({ 'teams/ledger.md': charter, 'teams/ledger (1).md': charter, 'handbook/UX Copy.md': '---\ntitle: UX copy\n---\n' })).toEqual([
      `handbook/UX Copy.md files/name: ${checkMessages.fileNameNotId('handbook/UX Copy.md', 'UX Copy', false, 'handbook/ux-copy.md')}`,
      `teams/ledger (1).md files/name: ${checkMessages.copyOf('teams/ledger (1).md', 'teams/ledger.md', 'ledger')}`,
    ]);
  });

  it('refuses a handbook page named 404, which the not-found page would hide, but not a folder of that name', async () => {
    expect(await namesIn({ 'handbook/404.md': '---\ntitle: Lost\n---\n', 'handbook/404/notes.md': '---\ntitle: Notes\n---\n' })).toEqual([
      'handbook/404.md files/reserved-path: handbook/404.md would be the not-found page, which the handbook makes itself. Rename it.',
    ]);
    expect(await namesIn({ 'handbook/index.mdx': '---\ntitle: Welcome\n---\n' })).toEqual([
      'handbook/index.mdx files/reserved-path: handbook/index.mdx would be the home page, which the handbook makes itself (what it holds, Start here, the current phase). Rename it, such as handbook/welcome.md; start-here.md is the page the home page points new hires to.',
    ]);
  });

  it('checks the file the build reads when a name differs only by the case of its extension', async () => {
    const found = await namesIn({ 'people/grace.YAML': person, 'people/grace.yaml': person, 'council/???.MD': '---\ndate: 2026-11-04\n---\n' });
    expect(found).toEqual([
      'council/???.MD files/name: council/???.MD: the build reads only files ending in lowercase .md, so this one would be missing from the site. Rename it to council/???.md.',
      'people/grace.YAML files/duplicate-id: people/grace.YAML and people/grace.yaml both make the entry "grace", and the site would show only one of them. Merge them into one file, or rename one.',
      'people/grace.YAML files/name: people/grace.YAML: the build reads only files ending in lowercase .yaml, so this one would be missing from the site. Rename it to people/grace.yaml.',
    ]);
  });

  it('refuses an uppercase extension, and a person in two files', async () => {
    const found = await namesIn({ 'people/ada.YML': person, 'people/grace.yaml': person, 'people/grace.yml': person, 'council/2026-11-04.Md': '---\ndate: 2026-11-04\n---\n' });
    expect(found).toEqual([
      'council/2026-11-04.Md files/name: council/2026-11-04.Md: the build reads only files ending in lowercase .md, so this one would be missing from the site. Rename it to council/2026-11-04.md.',
      'people/ada.YML files/name: people/ada.YML: the build reads only files ending in lowercase .yml, so this one would be missing from the site. Rename it to people/ada.yml.',
      'people/grace.yml files/duplicate-id: people/grace.yml and people/grace.yaml both make the entry "grace", and the site would show only one of them. Merge them into one file, or rename one.',
    ]);
  });
});

describe('messages on a terminal or a pull request', () => {
  it('writes a pasted right-to-left override as its code, so it cannot reorder the rest of the line', () => {
    const problem: Problem = { file: 'people/ada.yaml', line: 3, column: 12, severity: 'error', rule: 'references/person', message: 'No person has the id "ada\u202Eecilg" (in reportsTo).' };
    expect(shownMessage(problem.message)).toBe('No person has the id "ada<U+202E>ecilg" (in reportsTo).');
    expect(formatPretty([problem], 1)).toContain('"ada<U+202E>ecilg"');
    expect(formatGithub([problem])).toContain('"ada<U+202E>ecilg"');
  });
});

describe('positions in a body', () => {
  it('places every offset where reading from the start would, found once per body', () => {
    const text = '\nfirst line\n\n  [a link](/x/) here\nlast';
    const positionOf = lineIndex(text);
    for (let offset = 0; offset <= text.length; offset++) expect(positionOf(offset), String(offset)).toEqual(lineColumn(text, offset));
  });
});

describe('output formats', () => {
  const sample: Problem[] = [
    { file: 'content/teams/a, b.md', line: 3, column: 5, severity: 'error', rule: 'schema/enum', message: 'Bad: 100%\nnext' },
    { file: 'content/teams/c.md', line: 1, column: 1, severity: 'warning', rule: 'org/stale', message: 'Old.' },
  ];

  it('github: one escaped workflow annotation per problem', () => {
    expect(formatGithub(sample).split('\n')).toEqual([
      '::error file=content/teams/a%2C b.md,line=3,col=5,title=schema/enum::Bad: 100%25%0Anext',
      '::warning file=content/teams/c.md,line=1,col=1,title=org/stale::Old.',
    ]);
    // Past ten of a kind GitHub marks no more in the files: the last line says so, and where they are.
    const many = Array.from({ length: 11 }, (_, at) => ({ ...sample[0]!, line: at + 1 }));
    expect(formatGithub(many).split('\n')).toHaveLength(12);
    expect(formatGithub(many).split('\n').at(-1)).toBe(checkMessages.githubMore(11, 0, 10));
  });

  it('pretty: grouped by file, no colour unless asked, with a summary', () => {
    const text = formatPretty(sample, 2);
    expect(text).not.toContain('\u001b[');
    expect(text).toContain('content/teams/a, b.md\n  3:5      error    Bad: 100%\nnext  schema/enum');
    expect(text.endsWith('1 error, 1 warning in 2 files checked.')).toBe(true);
    expect(formatPretty(sample, 2, true)).toContain('\u001b[31m');
    expect(formatPretty([], 7)).toBe('No problems: 7 files checked.');
    expect(formatPretty([], 1)).toBe('No problems: 1 file checked.');
  });

  it('exits 2 with the usage for bad usage', async () => {
    const badFormat = await handbook('check', '--format', 'xml');
    expect(badFormat.code).toBe(2);
    expect(badFormat.stderr).toContain('Unknown format "xml". Use pretty, json or github.');
    expect((await handbook('publish')).code).toBe(2);
    const missing = await handbook('check', '--content', '/nonexistent/handbook');
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('The content folder /nonexistent/handbook does not exist.');
    // A file given for the folder is named as such, not as ENOTDIR.
    const file = await handbook('check', '--content', path.join(projectRoot, 'README.md'));
    expect(file.code).toBe(2);
    expect(file.stderr.trim()).toBe(`handbook: ${messages.contentDirNotFolder(path.join(projectRoot, 'README.md'))}`);
  });
});

describe('suggestions', () => {
  it('counts a swap of neighbouring letters as one edit', () => {
    expect(distance('titel', 'title')).toBe(1);
    expect(distance('mision', 'mission')).toBe(1);
  });

  it('bounds the distance without changing it: the same within the bound, Infinity beyond', () => {
    const words = ['', 'a', 'ab', 'ba', 'abc', 'acb', 'bca', 'title', 'titel', 'tilte', 'mission', 'mision', 'ledger', 'ledgr', 'team-0001-lead', 'team-0010-lead', 'teem-0001-lead'];
    for (const a of words) {
      for (const b of words) {
        for (const bound of [0, 1, 2, 3]) expect(distanceWithin(a, b, bound), `${a} ${b} ${bound}`).toBe(distance(a, b) <= bound ? distance(a, b) : Infinity);
      }
    }
  });

  it('suggests only likely typos', () => {
    expect(closest('katherine-jonson', ['katherine-johnson', 'alan-turing'])).toBe('katherine-johnson');
    expect(closest('edsger', ['edsger-dijkstra', 'alan-turing'])).toBeUndefined();
  });

  it('names a renamed entry by its words when no typo is near, and only when one entry fits', () => {
    expect(closestOrContaining('ledger', ['ledger-team', 'payments'])).toBe('ledger-team');
    expect(closestOrContaining('payments-platform', ['ledger-team', 'payments'])).toBe('payments');
    expect(closestOrContaining('edsger', ['edsger-dijkstra', 'alan-turing'])).toBe('edsger-dijkstra');
    // Two teams hold the word: a guess would be as likely wrong as right.
    expect(closestOrContaining('ledger', ['ledger-team', 'ledger-ops'])).toBeUndefined();
    // Words, not letters: "pay" is not a word of "payments".
    expect(closestOrContaining('pay', ['payments', 'ledger-team'])).toBeUndefined();
    expect(closestOrContaining('ledgr', ['ledger', 'ledger-team'])).toBe('ledger');
  });
});
