import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { astroCacheDir } from '../src/lib/config.ts';
import { messages } from '../src/lib/messages.ts';
import { fixtureContent, projectRoot, TEST_TODAY, userEnv } from './helpers/site.ts';

/**
 * `npm run dev` previewing content that is not vetted: a reviewer trying a pull request,
 * or switching branches under a running server. Nothing in it may run before the check
 * has passed it (src/lib/check/integration.ts).
 */

const work = mkdtempSync(path.join(tmpdir(), 'handbook-dev-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** MDX whose module writes `marker` when it is evaluated, with `before` ahead of its frontmatter. */
const writesMarker = (marker: string, before = '') =>
  `${before}---\ntitle: "Evil"\n---\nimport fs from "node:fs";\nexport const ran = fs.writeFileSync(${JSON.stringify(marker)}, "ran");\n\nText\n`;

interface Dev {
  output: () => string;
  /** The address once the server listens; undefined when it exited first. */
  ready: Promise<string | undefined>;
  exited: Promise<number | null>;
  stop: () => void;
}

function startDev(content: string): Dev {
  let output = '';
  const child = spawn(process.execPath, [path.join(projectRoot, 'node_modules/astro/bin/astro.mjs'), 'dev', '--port', String(4500 + Math.floor(Math.random() * 400))], {
    cwd: projectRoot,
    // Under Vitest's NODE_ENV=test or VITEST=true, astro dev routes nothing: every page is a 404.
    env: { ...userEnv(), NODE_ENV: 'development', VITEST: '', HANDBOOK_CONTENT: content, HANDBOOK_TODAY: TEST_TODAY, HANDBOOK_CHROMIUM: 'off', ASTRO_TELEMETRY_DISABLED: '1', NO_COLOR: '1' },
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
  const ready = new Promise<string | undefined>((resolve) => {
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      const address = /(http:\/\/localhost:\d+)\//.exec(output.replace(/\x1b\[[0-9;]*m/g, ''));
      if (address) resolve(address[1]);
    };
    child.stdout.on('data', read);
    child.stderr.on('data', read);
    void exited.then(() => resolve(undefined));
  });
  return { output: () => output, ready, exited, stop: () => child.kill() };
}

function copyOf(name: string): string {
  const content = path.join(work, name);
  cpSync(fixtureContent('northwind'), content, { recursive: true });
  rmSync(path.join(projectRoot, astroCacheDir(content)), { recursive: true, force: true });
  return content;
}

/** Starts the dev server on content it must refuse, for one error of `rule`; returns what it printed. */
async function refusedOn(content: string, rule: string): Promise<string> {
  const dev = startDev(content);
  try {
    expect(await dev.ready).toBeUndefined();
    expect(await dev.exited).not.toBe(0);
    expect(dev.output()).toContain(rule);
    expect(dev.output()).toContain(messages.devStopped(1));
    return dev.output();
  } finally {
    dev.stop();
    await dev.exited;
  }
}

describe('the dev server', () => {
  it('refuses to start when the check could not read a file through, so its body was never vetted', async () => {
    const content = copyOf('unread');
    const marker = path.join(work, 'ran-at-start');
    // A blank first line: the check reads no frontmatter, stops at files/frontmatter, and never reaches the imports.
    writeFileSync(path.join(content, 'handbook/evil.mdx'), writesMarker(marker, '\n'));
    await refusedOn(content, 'files/frontmatter');
    expect(existsSync(marker)).toBe(false);
  }, 120_000);

  it('stops, without running it, when unvetted MDX arrives while it runs', async () => {
    const content = copyOf('live');
    const marker = path.join(work, 'ran-live');
    const dev = startDev(content);
    try {
      const address = await dev.ready;
      expect(address, dev.output()).toBeDefined();
      writeFileSync(path.join(content, 'handbook/evil.mdx'), writesMarker(marker));
      // Asked for at once, before the check of the change could have finished.
      const response = await fetch(`${address}/evil/`).catch(() => undefined);
      expect(response?.ok ?? false).toBe(false);
      expect(await dev.exited).toBe(1);
      expect(dev.output()).toContain('safety/import');
      expect(dev.output()).toContain(messages.devStoppedOnChange(2));
      expect(existsSync(marker)).toBe(false);
    } finally {
      dev.stop();
      await dev.exited;
    }
  }, 120_000);

  it("does not start on a field that fails its schema, in words rather than Astro's stack trace; once running, reports one at its line and keeps serving", async () => {
    const content = copyOf('typo');
    const charter = path.join(content, 'teams/runway.md');
    const good = readFileSync(charter, 'utf8');
    const typo = good.replace('\nmission:', '\nmision: typo\nmission:');
    writeFileSync(charter, typo);
    expect(await refusedOn(content, 'schema/unknown-key')).not.toMatch(/InvalidContentEntryDataError|\n\s+at /);
    writeFileSync(charter, good);
    const dev = startDev(content);
    try {
      const address = await dev.ready;
      expect(address, dev.output()).toBeDefined();
      const status = async () => (await fetch(`${address}/teams/runway/`)).status;
      expect(await status()).toBe(200);
      writeFileSync(charter, typo);
      await expect.poll(() => dev.output(), { timeout: 30_000 }).toContain(messages.devSavedError(1, true));
      expect(dev.output()).toMatch(/teams\/runway\.md\n\s+4:1\s+error\s+Unknown field "mision"/);
      expect(await status()).toBe(200);
    } finally {
      dev.stop();
      await dev.exited;
    }
  }, 180_000);
});
