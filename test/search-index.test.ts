import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import * as pagefind from 'pagefind';
import { afterAll, describe, expect, it } from 'vitest';
import { cborStrings, hashedIndexFiles, pruneIndex } from '../src/lib/search/index-files.ts';

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
    expect(() => cborStrings(Uint8Array.from([0x82, 0x67, 0x65]))).toThrow(/unexpected end/);
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

  it('is file for file the index an empty folder gets, once what it no longer names is pruned', async () => {
    write(pages);
    const reused = path.join(work, 'reused');
    await index(site, reused);
    const before = new Set(hashedIndexFiles(reused));

    // One page edited, one deleted.
    write({ ledger: pages.ledger, invoicing: page('Invoicing', 'Make invoices effortless for every team, each day.') });
    await index(site, reused);
    const removed = pruneIndex(reused);
    const fresh = path.join(work, 'fresh');
    await index(site, fresh);

    expect(snapshot(reused)).toEqual(snapshot(fresh));
    // The ledger's fragment stayed; the old invoicing and payroll fragments, the old meta
    // file and the word-index chunks that changed went.
    expect(hashedIndexFiles(reused).filter((file) => before.has(file)).some((file) => file.startsWith('fragment/'))).toBe(true);
    expect(removed).toBeGreaterThanOrEqual(4);
  }, 30_000);

  it('deletes nothing when the meta file does not read as the index it names', async () => {
    write(pages);
    const folder = path.join(work, 'unreadable');
    await index(site, folder);
    const files = hashedIndexFiles(folder);
    const meta = files.find((file) => file.endsWith('.pf_meta'))!;
    // A meta file that names none of its fragments, as a Pagefind of another format might write.
    writeFileSync(path.join(folder, meta), gzipSync(Buffer.concat([Buffer.from('pagefind_dcd'), Buffer.from([0x80])])));
    expect(() => pruneIndex(folder)).toThrow(/names 0 fragments for 3 pages/);
    expect(hashedIndexFiles(folder)).toEqual(files);
  }, 30_000);
});
