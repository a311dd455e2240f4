import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import * as pagefind from 'pagefind';
import { afterAll, describe, expect, it } from 'vitest';
import { cborStrings, hashedIndexFiles, keepFragmentsOnly, pruneIndex } from '../src/lib/search/index-files.ts';
import { writeIndex, type IndexPlan } from '../src/lib/search/integration.ts';

/**
 * A rebuild writes the search index into the folder the last build left, and Pagefind
 * skips the hashed files already there (src/lib/search/index-files.ts). What readers
 * download must then be exactly what a build into an empty folder writes: nothing missing
 * (a search that fails), nothing stale (a folder that grows with every build).
 */

const work = mkdtempSync(path.join(tmpdir(), 'handbook-search-index-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

const page = (title: string, text: string) =>
  `<!doctype html><html lang="en"><head><title>${title}</title></head><body><main data-pagefind-body><h1>${title}</h1><p>${text}</p><p data-pagefind-filter="type">team</p></main></body></html>`;

async function index(site: string, output: string): Promise<void> {
  const { index } = await pagefind.createIndex({ forceLanguage: 'en' });
  await index!.addDirectory({ path: site });
  const written = await index!.writeFiles({ outputPath: output });
  expect(written.errors).toEqual([]);
  await pagefind.close();
}

/** Every file of an index folder with its bytes, to compare two folders whole. */
function snapshot(dir: string): Record<string, string> {
  const files: Record<string, string> = {};
  const visit = (at: string) => {
    for (const entry of readdirSync(path.join(dir, at), { withFileTypes: true })) {
      const relative = path.join(at, entry.name);
      if (entry.isDirectory()) visit(relative);
      else files[relative] = readFileSync(path.join(dir, relative)).toString('base64');
    }
  };
  visit('');
  return files;
}

describe('cborStrings', () => {
  it('finds the text strings of definite and indefinite items, nested in arrays and maps', () => {
    // ["en_1a2b", {"k": 1.5}, (_ "ab" "cd"), h'00ff', -2, true, tag 1 "x"]
    const bytes = Uint8Array.from([
      0x87, 0x67, ...Buffer.from('en_1a2b'), 0xa1, 0x61, 0x6b, 0xf9, 0x3e, 0x00, 0x7f, 0x62, 0x61, 0x62, 0x62, 0x63, 0x64, 0xff, 0x42, 0x00, 0xff, 0x21, 0xf5, 0xc1, 0x61, 0x78,
    ]);
    expect([...cborStrings(bytes)].sort()).toEqual(['abcd', 'en_1a2b', 'k', 'x']);
  });

  it('refuses a truncated document instead of reading past its end', () => {
    expect(() => cborStrings(Uint8Array.from([0x82, 0x67, 0x65]))).toThrow(/does not read as CBOR at byte 2/);
  });
});

describe('an index written into the last build’s folder', () => {
  const site = path.join(work, 'site');
  const pages = {
    ledger: page('Ledger', 'We keep the books balanced and publish ledger events.'),
    invoicing: page('Invoicing', 'Make invoices effortless for every team, every day.'),
    payroll: page('Payroll', 'People are paid on time, every time.'),
  };
  const write = (contents: Record<string, string>) => {
    rmSync(site, { recursive: true, force: true });
    for (const [name, html] of Object.entries(contents)) {
      const file = path.join(site, name, 'index.html');
      mkdirSync(path.dirname(file), { recursive: true });
      writeFileSync(file, html);
    }
  };
  const pageFiles = (contents: Record<string, string>) => new Set(Object.keys(contents).map((name) => `${name}/index.html`));
  /** The fragment file of each page in an index folder, by URL. */
  const fragmentsByUrl = (folder: string) =>
    new Map(
      readdirSync(path.join(folder, 'fragment')).map((name) => {
        const text = gunzipSync(readFileSync(path.join(folder, 'fragment', name))).toString('utf8');
        return [(JSON.parse(text.slice('pagefind_dcd'.length)) as { url: string }).url, path.join(folder, 'fragment', name)];
      }),
    );
  /**
   * What a clash of Pagefind's 7-digit names leaves: the file Pagefind will name for the
   * invoicing page holds another page's fragment, so Pagefind does not write the invoicing one.
   */
  const plantClash = (folder: string) => {
    const fragments = fragmentsByUrl(folder);
    copyFileSync(fragments.get('/payroll/')!, fragments.get('/invoicing/')!);
  };

  it('is file for file the index an empty folder gets, once what it no longer names is pruned', async () => {
    write(pages);
    const reused = path.join(work, 'reused');
    await index(site, reused);
    const before = new Set(hashedIndexFiles(reused));

    // One page edited, one deleted.
    const edited = { ledger: pages.ledger, invoicing: page('Invoicing', 'Make invoices effortless for every team, each day.') };
    write(edited);
    keepFragmentsOnly(reused);
    expect(hashedIndexFiles(reused).every((file) => file.startsWith('fragment/'))).toBe(true);
    await index(site, reused);
    const removed = pruneIndex(reused, pageFiles(edited));
    const fresh = path.join(work, 'fresh');
    await index(site, fresh);

    expect(snapshot(reused)).toEqual(snapshot(fresh));
    // The ledger's fragment stayed; the old invoicing and payroll fragments went.
    expect(hashedIndexFiles(reused).filter((file) => before.has(file))).toEqual([expect.stringMatching(/^fragment\//)]);
    expect(removed).toBe(2);
  }, 30_000);

  it('deletes nothing when the meta file does not read as the index it names', async () => {
    write(pages);
    const folder = path.join(work, 'unreadable');
    await index(site, folder);
    const files = hashedIndexFiles(folder);
    const meta = files.find((file) => file.endsWith('.pf_meta'))!;
    // A meta file that names none of its fragments, as a Pagefind of another format might write.
    writeFileSync(path.join(folder, meta), gzipSync(Buffer.concat([Buffer.from('pagefind_dcd'), Buffer.from([0x80])])));
    expect(() => pruneIndex(folder, pageFiles(pages))).toThrow(/names 0 fragments for 3 pages/);
    expect(hashedIndexFiles(folder)).toEqual(files);
  }, 30_000);

  it('refuses a fragment of the last build that bears the name Pagefind now gives another page', async () => {
    write(pages);
    const folder = path.join(work, 'clash');
    await index(site, folder);
    plantClash(folder);
    keepFragmentsOnly(folder);
    await index(site, folder);
    const files = hashedIndexFiles(folder);
    expect(() => pruneIndex(folder, pageFiles(pages))).toThrow(/holds the page \/payroll\/, which is not this build's or has another fragment/);
    expect(hashedIndexFiles(folder)).toEqual(files);
  }, 30_000);

  it('is written whole instead, with a warning, when the last index cannot be trusted', async () => {
    write(pages);
    const output = path.join(site, 'pagefind');
    await index(site, output);
    plantClash(output);
    const warnings: string[] = [];
    const logger = { info: () => {}, warn: (message: string) => warnings.push(message) };
    const plan: IndexPlan = { hashes: new Map([...pageFiles(pages)].map((file) => [file, 'hash'])), digest: 'digest', unchanged: false, reuse: true };
    await writeIndex(site, plan, logger);
    expect(warnings).toEqual([expect.stringMatching(/^Search: the last build's index could not be updated in place \(fragment\/en_\w+\.pf_fragment holds the page \/payroll\/.*\); writing it whole\.$/)]);
    const fresh = path.join(work, 'fresh-whole');
    await index(site, fresh);
    expect(snapshot(output)).toEqual(snapshot(fresh));
    expect(fragmentsByUrl(output).size).toBe(3);
  }, 30_000);
});
