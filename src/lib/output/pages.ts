import { readdirSync } from 'node:fs';
import path from 'node:path';

/** Every HTML page under the output folder, as paths relative to it: what the diagram and search steps read. */
export function htmlPages(outDir: string): string[] {
  return readdirSync(outDir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.html'))
    .map((entry) => path.relative(outDir, path.join(entry.parentPath, entry.name)).split(path.sep).join('/'));
}
