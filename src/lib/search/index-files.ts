import { closeSync, openSync, readdirSync, readFileSync, readSync, rmSync } from 'node:fs';
import path from 'node:path';
import { constants as zlibConstants, gunzipSync } from 'node:zlib';
import { searchIndexMessages } from '../messages.ts';

/**
 * Pagefind names every fragment, word-index chunk, filter and meta file by a hash of its
 * content, and does not write a hashed file again when one of that name exists. A rebuild
 * therefore writes the index into the folder the last build left, with its fragments: the
 * pages whose text did not change keep theirs, and only the rest are compressed and
 * written (at 1,000 teams, Pagefind took 5 s instead of 10). What the new index no longer
 * names is then deleted here, once the fragments it names are known to be the right ones.
 */

/** The folders of hashed files under the index folder. */
const hashedFolders = ['fragment', 'index', 'filter'];
/** Every file Pagefind compresses starts with this, inside the gzip stream. */
const marker = 'pagefind_dcd';

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
  const fail = (): never => {
    throw new Error(searchIndexMessages.notCbor(at));
  };
  const text = (content: Uint8Array): string => {
    try {
      return decoder.decode(content);
    } catch {
      return fail();
    }
  };
  const byte = () => {
    if (at >= bytes.length) fail();
    return bytes[at++]!;
  };
  /** The argument of an item head: a count, a length or a value; undefined when indefinite. */
  const argument = (info: number): number | undefined => {
    if (info < 24) return info;
    const size = { 24: 1, 25: 2, 26: 4, 27: 8 }[info];
    if (size === undefined) {
      if (info === 31) return undefined;
      return fail();
    }
    if (at + size > bytes.length) fail();
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
            if (chunkHead >> 5 !== major || length === undefined) return fail();
            chunks.push(bytes.subarray(at, (at += length)));
          }
          at++;
          if (major === 3) strings.add(chunks.map(text).join(''));
          return true;
        }
        if (at + count > bytes.length) fail();
        const content = bytes.subarray(at, (at += count));
        if (major === 3) strings.add(text(content));
        return true;
      }
      case 4:
      case 5: {
        const items = major === 5 ? 2 : 1;
        if (count === undefined) while (item());
        else for (let index = 0; index < count * items; index++) if (!item()) fail();
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
function liveIndexFiles(indexDir: string): { live: Set<string>; pages: number } {
  const entry = JSON.parse(readFileSync(path.join(indexDir, 'pagefind-entry.json'), 'utf8')) as { languages: Record<string, { hash: string; page_count: number }> };
  const live = new Set<string>();
  let pages = 0;
  for (const { hash, page_count } of Object.values(entry.languages)) {
    pages += page_count;
    live.add(`pagefind.${hash}`);
    const meta = gunzipSync(readFileSync(path.join(indexDir, `pagefind.${hash}.pf_meta`)));
    if (meta.subarray(0, marker.length).toString() !== marker) throw new Error(searchIndexMessages.notMeta(`pagefind.${hash}.pf_meta`));
    for (const name of cborStrings(meta.subarray(marker.length))) live.add(name);
  }
  return { live, pages };
}

function listFolder(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch (error) {
    // A folder Pagefind had nothing to write to (a site without filters); anything else is a real failure.
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
}

/** The hashed files in an index folder (fragments, word-index chunks, filters, meta files), relative to it. */
export function hashedIndexFiles(indexDir: string): string[] {
  return [
    ...listFolder(indexDir).filter((name) => name.endsWith('.pf_meta')),
    ...hashedFolders.flatMap((folder) => listFolder(path.join(indexDir, folder)).map((name) => `${folder}/${name}`)),
  ];
}

/**
 * Readies the last build's index folder for Pagefind to write into: its fragments stay
 * (one per page, 9,200 of 9,400 files at 1,000 teams), everything else goes. Word-index
 * chunks, filters and the meta file are few and are written afresh, so that only fragments
 * can be taken from the last build, and `pruneIndex` can vouch for each of those.
 */
export function keepFragmentsOnly(indexDir: string): void {
  for (const file of hashedIndexFiles(indexDir).filter((file) => !file.startsWith('fragment/'))) rmSync(path.join(indexDir, file), { force: true });
}

/**
 * The page file a fragment's URL is of: Pagefind gives `/teams/ledger/` for
 * `teams/ledger/index.html`, and a file's own name otherwise.
 */
function pageOfUrl(url: string): string {
  let file = url;
  try {
    // Component-wise: Pagefind writes a page path's # and ? as %23 and %3F.
    file = decodeURIComponent(url);
  } catch {
    // Not a URL Pagefind writes: left as it is, it names no page.
  }
  file = file.replace(/^\//, '');
  return file === '' || file.endsWith('/') ? `${file}index.html` : file;
}

/**
 * The URL a fragment is of. Pagefind writes it first, so only the start of the file is
 * read and inflated: at 1,000 teams, 9,200 fragments in a tenth of a second or two.
 */
function fragmentUrl(file: string, head: Buffer): string | undefined {
  const descriptor = openSync(file, 'r');
  let read: number;
  try {
    read = readSync(descriptor, head, 0, head.length, 0);
  } finally {
    closeSync(descriptor);
  }
  let text: string;
  try {
    text = gunzipSync(head.subarray(0, read), { finishFlush: zlibConstants.Z_SYNC_FLUSH }).toString('utf8');
  } catch {
    return undefined;
  }
  const literal = /^\{"url":("(?:[^"\\]|\\.)*")/.exec(text.startsWith(marker) ? text.slice(marker.length) : '')?.[1];
  return literal === undefined ? undefined : (JSON.parse(literal) as string);
}

/**
 * After Pagefind wrote into a folder readied by `keepFragmentsOnly`, deletes the fragments
 * the new index no longer refers to; returns how many. First it makes sure the fragments it
 * refers to are this build's, because a name is only the first 7 hex digits of a hash of
 * the content: a fragment left from the last build can bear the name Pagefind now gives to
 * another page's, and Pagefind would not write that page's own. So every fragment must be
 * of a page in `pages` (paths under the output folder), a different one each, one per page.
 * Throws when that does not hold or the index cannot be read, before deleting anything;
 * the caller then writes the index whole.
 */
export function pruneIndex(indexDir: string, pages: ReadonlySet<string>): number {
  const { live, pages: count } = liveIndexFiles(indexDir);
  const files = hashedIndexFiles(indexDir);
  const isLive = (file: string) => live.has(path.basename(file).replace(/\.pf_\w+$/, ''));
  const fragments = files.filter((file) => file.startsWith('fragment/') && isLive(file));
  if (fragments.length !== count) throw new Error(searchIndexMessages.fragmentsUnnamed(fragments.length, count));
  const seen = new Set<string>();
  const head = Buffer.alloc(1024);
  for (const fragment of fragments) {
    const url = fragmentUrl(path.join(indexDir, fragment), head);
    if (url === undefined) throw new Error(searchIndexMessages.notFragment(fragment));
    const page = pageOfUrl(url);
    if (!pages.has(page) || seen.has(page)) throw new Error(searchIndexMessages.fragmentNotThisBuilds(fragment, url));
    seen.add(page);
  }
  const stale = files.filter((file) => !isLive(file));
  for (const file of stale) rmSync(path.join(indexDir, file), { force: true });
  return stale.length;
}
