import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { ContentFiles } from './organisation.ts';

/** Replaces `dir` with the generated files. */
export function writeContent(dir: string, files: ContentFiles): void {
  rmSync(dir, { recursive: true, force: true });
  for (const [relative, text] of files) {
    const file = path.join(dir, relative);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, text);
  }
}
