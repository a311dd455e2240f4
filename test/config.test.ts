import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { messages } from '../src/lib/messages.ts';
import { loadConfig } from '../src/lib/config.ts';
import { entryId } from '../src/lib/content/collections.ts';
import { quarterRange, today } from '../src/lib/dates.ts';

function projectWith(config?: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'handbook-config-'));
  if (config !== undefined) writeFileSync(path.join(dir, 'handbook.config.json'), config);
  return dir;
}

describe('configuration', () => {
  it('uses defaults without a config file', () => {
    const root = projectWith();
    expect(loadConfig(root, {})).toMatchObject({ name: 'Team Handbook', content: 'content', contentDir: path.join(root, 'content') });
  });

  it('lets HANDBOOK_CONTENT override the content root', () => {
    const root = projectWith('{"content": "handbook"}');
    expect(loadConfig(root, {}).contentDir).toBe(path.join(root, 'handbook'));
    expect(loadConfig(root, { HANDBOOK_CONTENT: '/srv/other-org' }).contentDir).toBe('/srv/other-org');
  });

  it('lets a deploy set the base path and site URL from where the host serves it', () => {
    const root = projectWith('{"base": "/handbook", "site": "https://example.com"}');
    expect(loadConfig(root, {})).toMatchObject({ base: '/handbook', site: 'https://example.com' });
    expect(loadConfig(root, { HANDBOOK_BASE: '/acme-handbook', HANDBOOK_SITE: 'https://acme.github.io' })).toMatchObject({
      base: '/acme-handbook',
      site: 'https://acme.github.io',
    });
    // GitHub Actions passes an empty string on pull requests, where no Pages output exists.
    expect(loadConfig(root, { HANDBOOK_BASE: '', HANDBOOK_SITE: '' })).toMatchObject({ base: '/handbook', site: 'https://example.com' });
    expect(() => loadConfig(root, { HANDBOOK_BASE: 'handbook' })).toThrow(
      'HANDBOOK_BASE is "handbook": expected a path that starts with "/" and holds only letters, digits, "-", "_", ".", "~" and single "/" between its parts, none starting with ".", for example /handbook.',
    );
    // "//host" is another site to a browser: every page would load its scripts from there.
    for (const base of ['//evil.example', '/a//b', '/../x', '/./x']) expect(() => loadConfig(root, { HANDBOOK_BASE: base }), base).toThrow(/HANDBOOK_BASE is/);
    for (const base of ['/', '/handbook', '/handbook/', '/acme.github.io', '/team_a/v2']) expect(loadConfig(root, { HANDBOOK_BASE: base }).base).toBe(base);
    // The base path goes into inline scripts too: nothing that could end one, in the file or the environment.
    expect(() => loadConfig(root, { HANDBOOK_BASE: '/x</script><script>alert(1)</script>/' })).toThrow(/HANDBOOK_BASE is/);
    expect(() => loadConfig(projectWith('{"base": "/a\\"b"}'), {})).toThrow(/base: Expected a path that starts with "\/"/);
    // Every page's canonical link: held to what "site" in the file is held to.
    expect(() => loadConfig(root, { HANDBOOK_SITE: 'javascript:alert(1)' })).toThrow('HANDBOOK_SITE is "javascript:alert(1)": expected a web address starting with https:// (or http://).');
  });

  it('refuses a diagram cache holding committed files, whose drawings the build would put into pages as they are', () => {
    const root = projectWith('{"diagrams": {"cacheDir": "cache"}}');
    const git = (...args: string[]) => execFileSync('git', ['-c', 'user.name=Test', '-c', 'user.email=test@example.com', ...args], { cwd: root });
    git('init', '-q');
    mkdirSync(path.join(root, 'cache', '4b'), { recursive: true });
    writeFileSync(path.join(root, 'cache', '4b', 'key.svg'), '<svg><script>alert(1)</script></svg>');
    // Written by builds, not committed: the cache as it should be.
    expect(loadConfig(root, {}).diagrams.cacheDir).toBe(path.join(root, 'cache'));
    git('add', '-f', 'cache');
    git('commit', '-qm', 'A drawing');
    expect(() => loadConfig(root, {})).toThrow(messages.cacheDirCommitted('cache', 'cache/4b/key.svg'));
    // Nor through a committed link to the folder, behind which git lists nothing.
    symlinkSync('cache', path.join(root, 'link'));
    git('add', 'link');
    git('commit', '-qm', 'A link');
    writeFileSync(path.join(root, 'handbook.config.json'), '{"diagrams": {"cacheDir": "link/4b"}}');
    expect(() => loadConfig(root, {})).toThrow(messages.cacheDirCommitted('link/4b', 'cache/4b/key.svg'));
  });

  it('explains malformed JSON and unknown settings', () => {
    expect(() => loadConfig(projectWith('{"name": '), {})).toThrow(/handbook.config.json is not valid JSON/);
    expect(() => loadConfig(projectWith('{"nmae": "x"}'), {})).toThrow(/settings the handbook does not understand[\s\S]*nmae/);
  });

  it('refuses a severity setting for a rule that does not exist, naming the likely one', () => {
    expect(() => loadConfig(projectWith('{"check": {"rules": {"warn/stale-charters": "error"}}}'), {})).toThrow(
      'check.rules.warn/stale-charters: There is no rule "warn/stale-charters". Did you mean "warn/stale-charter"?',
    );
  });

  it('takes only http and https addresses for the site and the repository, which become links on every page', () => {
    expect(() => loadConfig(projectWith('{"repository": {"url": "javascript:alert(document.domain)//"}}'), {})).toThrow(/repository\.url: Expected a web address starting with https:\/\/ \(or http:\/\/\)/);
    expect(() => loadConfig(projectWith('{"site": "data:text/html,x"}'), {})).toThrow(/site: Expected a web address/);
  });

  it('refuses to lower or switch off the rules that keep content from running code: a pull request edits the config too', () => {
    for (const rule of ['safety/expression', 'mdx/syntax', 'files/symlink']) {
      expect(() => loadConfig(projectWith(`{"check": {"rules": {"${rule}": "off"}}}`), {})).toThrow(`check.rules.${rule}: ${messages.fixedRule(rule)}`);
      expect(() => loadConfig(projectWith(`{"check": {"rules": {"${rule}": "warning"}}}`), {})).toThrow(messages.fixedRule(rule));
    }
    expect(loadConfig(projectWith('{"check": {"rules": {"safety/expression": "error", "warn/stale-charter": "off"}}}'), {}).check.rules).toEqual({ 'safety/expression': 'error', 'warn/stale-charter': 'off' });
  });

  it("refuses to lower the rules the content schemas hold: the build applies the schemas, and would stop on the entry with Astro's stack trace", () => {
    for (const rule of ['schema/unknown-key', 'schema/enum', 'org/tech-lead']) {
      expect(() => loadConfig(projectWith(`{"check": {"rules": {"${rule}": "warning"}}}`), {})).toThrow(`check.rules.${rule}: ${messages.schemaRule(rule)}`);
    }
    // Rules of the organisation that no schema holds, and the markup warning, stay the config's to set.
    expect(loadConfig(projectWith('{"check": {"rules": {"schema/markup": "off", "org/stream-aligned-pm": "warning"}}}'), {}).check.rules).toEqual({ 'schema/markup': 'off', 'org/stream-aligned-pm': 'warning' });
  });
});

describe('ids and dates', () => {
  it('makes ids from file names, and folder index pages take the folder URL', () => {
    expect(entryId('cash-insights.md')).toBe('cash-insights');
    expect(entryId('ada.yaml')).toBe('ada');
    expect(entryId('guides/on-call.mdx')).toBe('guides/on-call');
    expect(entryId('guides/index.md')).toBe('guides');
  });

  it('turns quarters into their first and last day', () => {
    const { start, end } = quarterRange('2026-Q4');
    expect(start.toISOString().slice(0, 10)).toBe('2026-10-01');
    expect(end.toISOString().slice(0, 10)).toBe('2026-12-31');
  });

  it('pins today with HANDBOOK_TODAY', () => {
    expect(today({ HANDBOOK_TODAY: '2026-01-02' }).toISOString()).toBe('2026-01-02T00:00:00.000Z');
    // Not a day: refused, rather than the real date used, or every rule that counts days silenced.
    for (const value of ['2026-3-5', 'yesterday', '2026-02-31', '2026-13-45']) expect(() => today({ HANDBOOK_TODAY: value })).toThrow(messages.todayInvalid(value));
    expect(today({ HANDBOOK_TODAY: '' }).getTime()).toBe(today({}).getTime());
  });
});
