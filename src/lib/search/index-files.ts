import { readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { searchMessages } from '../messages.ts';

/**
 * Pagefind names every fragment, word-index chunk, filter and meta file by a hash of its
 * content, and does not write a hashed file again when one of that name exists. A rebuild
 * therefore writes the index into the folder the last build left: the pages that did not
 * change keep their fragments, and only what changed is compressed and written (at 1,000
 * teams, 2 s instead of 6). What the new index no longer names is then deleted here.
 */

/** The folders of hashed files under the index folder. */
const hashedFolders = ['fragment', 'index', 'filter'];

/**
 * Every text string in a CBOR document: the meta file names the files of its index by
 * their hashes (`en_1a2b3c4`), among a few other strings. Definite and indefinite lengths
 * are both read; anything unexpected throws, and the caller then writes the index whole.
 */
export function cborStrings(bytes: Uint8Array): Set<string> {
  const strings = new Set<string>();
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let at = 0;
  const byte = () => {
    if (at >= bytes.length) throw new Error('CBOR: unexpected end');
    return bytes[at++]!;
  };
  /** The argument of an item head: a count, a length or a value; undefined when indefinite. */
  const argument = (info: number): number | undefined => {
    if (info < 24) return info;
    const size = { 24: 1, 25: 2, 26: 4, 27: 8 }[info];
    if (size === undefined) {
      if (info === 31) return undefined;
      throw new Error(`CBOR: reserved length ${info}`);
    }
    if (at + size > bytes.length) throw new Error('CBOR: unexpected end');
    const value = size === 1 ? view.getUint8(at) : size === 2 ? view.getUint16(at) : size === 4 ? view.getUint32(at) : Number(view.getBigUint64(at));
    at += size;
    return value;
  };
  const item = (): boolean => {
    const head = byte();
    const major = head >> 5;
    const info = head & 0x1f;
    if (head === 0xff) return false;
    const count = argument(info);
    switch (major) {
      case 0:
      case 1:
        return true;
      case 2:
      case 3: {
        if (count === undefined) {
          // An indefinite string is a run of definite chunks up to a break.
          const chunks: Uint8Array[] = [];
          for (let next = bytes[at]; next !== 0xff; next = bytes[at]) {
            const chunkHead = byte();
            const length = argument(chunkHead & 0x1f);
            if (chunkHead >> 5 !== major || length === undefined) throw new Error('CBOR: bad string chunk');
            chunks.push(bytes.subarray(at, (at += length)));
          }
          at++;
          if (major === 3) strings.add(chunks.map((chunk) => decoder.decode(chunk)).join(''));
          return true;
        }
        if (at + count > bytes.length) throw new Error('CBOR: unexpected end');
        const content = bytes.subarray(at, (at += count));
        if (major === 3) strings.add(decoder.decode(content));
        return true;
      }
      case 4:
      case 5: {
        const items = major === 5 ? 2 : 1;
        if (count === undefined) while (item());
        else for (let index = 0; index < count * items; index++) if (!item()) throw new Error('CBOR: break inside a definite item');
        return true;
      }
      case 6:
        return item();
      default:
        // Simple values and floats: their bytes were read as the argument.
        return true;
    }
  };
  while (at < bytes.length) item();
  return strings;
}

/** The hashed files the index in `indexDir` refers to, by name without extension, from its entry and meta files; and its page count. */
export function liveIndexFiles(indexDir: string): { live: Set<string>; pages: number } {
  const entry = JSON.parse(readFileSync(path.join(indexDir, 'pagefind-entry.json'), 'utf8')) as { languages: Record<string, { hash: string; page_count: number }> };
  const live = new Set<string>();
  let pages = 0;
  for (const { hash, page_count } of Object.values(entry.languages)) {
    pages += page_count;
    live.add(`pagefind.${hash}`);
    const meta = gunzipSync(readFileSync(path.join(indexDir, `pagefind.${hash}.pf_meta`)));
    const prefix = 'pagefind_dcd';
    if (meta.subarray(0, prefix.length).toString() !== prefix) throw new Error(`pagefind.${hash}.pf_meta is not a Pagefind meta file`);
    for (const name of cborStrings(meta.subarray(prefix.length))) live.add(name);
  }
  return { live, pages };
}

/** The hashed files in an index folder (fragments, word-index chunks, filters, meta files), relative to it. */
export function hashedIndexFiles(indexDir: string): string[] {
  const files = readdirSync(indexDir).filter((name) => name.endsWith('.pf_meta'));
  for (const folder of hashedFolders) {
    try {
      files.push(...readdirSync(path.join(indexDir, folder)).map((name) => `${folder}/${name}`));
    } catch {
      // A folder Pagefind had nothing to write to (a site without filters).
    }
  }
  return files;
}

/**
 * Deletes the hashed files the index in `indexDir` no longer refers to; returns how many.
 * Throws when the index cannot be read, before anything is deleted.
 */
export function pruneIndex(indexDir: string): number {
  const { live, pages } = liveIndexFiles(indexDir);
  const files = hashedIndexFiles(indexDir);
  const isLive = (file: string) => live.has(path.basename(file).replace(/\.pf_\w+$/, ''));
  // Every page has a fragment (its URL is in it, so no two are alike): fewer named means the
  // meta file was not read as Pagefind meant it, and deleting by it would break search.
  const fragments = files.filter((file) => file.startsWith('fragment/') && isLive(file)).length;
  if (fragments !== pages) throw new Error(searchMessages.fragmentsUnnamed(fragments, pages));
  const stale = files.filter((file) => !isLive(file));
  for (const file of stale) rmSync(path.join(indexDir, file), { force: true });
  return stale.length;
}
