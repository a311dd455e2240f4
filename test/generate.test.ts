import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkContent } from '../src/lib/check/run.ts';
import { generateOrganisation, minimumPeople } from '../src/lib/generate/organisation.ts';
import { writeContent } from '../src/lib/generate/write.ts';

/** The generator feeds every benchmark: what it writes must pass the check as it stands, at any size. */
describe('a generated organisation', () => {
  it.each([
    { teams: 0, minutes: 2 },
    { teams: 1, minutes: 1 },
    { teams: 2, minutes: 3 },
    { teams: 13, minutes: 4, people: 60 },
  ])('passes the check with no problems at all: %o', async (size) => {
    const dir = path.join(mkdtempSync(path.join(tmpdir(), 'handbook-generate-')), 'content');
    try {
      const files = generateOrganisation({ ...size, assets: 6 });
      writeContent(dir, files);
      const { problems } = await checkContent(dir, { cwd: dir });
      expect(problems).toEqual([]);
      if (size.people) expect([...files.keys()].filter((file) => file.startsWith('people/'))).toHaveLength(size.people);
    } finally {
      rmSync(path.dirname(dir), { recursive: true, force: true });
    }
  });

  it('refuses a roster too small for its pods, and says how small it may be', () => {
    expect(() => generateOrganisation({ teams: 12, people: 10 })).toThrow(`12 teams need at least ${minimumPeople(12)} people`);
  });

  it('writes the same files for the same seed', () => {
    expect([...generateOrganisation({ teams: 7, seed: 3 })]).toEqual([...generateOrganisation({ teams: 7, seed: 3 })]);
  });
});
