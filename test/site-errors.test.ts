import { cpSync, mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildSite, fixtureContent } from './helpers/site.ts';

describe('a handbook page that a built-in section would hide', () => {
  it('stops the build and names the file instead of silently losing the page', async () => {
    const content = path.join(mkdtempSync(path.join(tmpdir(), 'handbook-reserved-')), 'content');
    cpSync(fixtureContent('northwind'), content, { recursive: true });
    mkdirSync(path.join(content, 'handbook/teams'), { recursive: true });
    writeFileSync(path.join(content, 'handbook/teams/rotations.md'), '---\ntitle: Rotations\n---\nText.\n');
    const failure = await buildSite(content).then(
      () => '',
      (error: Error) => error.message,
    );
    const relative = path.relative(process.cwd(), path.join(content, 'handbook/teams/rotations.md'));
    expect(failure).toContain(
      `${relative} would be served at /teams/…, which the site's own teams pages use. Move it to another folder or rename it.`,
    );
  });
});
