import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { renderVersion } from './render.ts';

/**
 * Rendered SVGs on disk, by a hash of the diagram's source and of how we render (Mermaid
 * version, theme, settings): a rebuild redraws only diagrams whose source changed.
 */
export function diagramKey(source: string): string {
  return createHash('sha256').update(renderVersion).update('\0').update(source).digest('hex');
}

export class SvgCache {
  readonly dir: string;

  constructor(dir: string) {
    this.dir = dir;
  }

  #file(key: string): string {
    return path.join(this.dir, key.slice(0, 2), `${key}.svg`);
  }

  has(key: string): boolean {
    return existsSync(this.#file(key));
  }

  get(key: string): string | undefined {
    try {
      return readFileSync(this.#file(key), 'utf8');
    } catch {
      return undefined;
    }
  }

  set(key: string, svg: string): void {
    const file = this.#file(key);
    mkdirSync(path.dirname(file), { recursive: true });
    // Written whole then renamed: a build killed mid-write leaves no half SVG to serve next time.
    const temporary = `${file}.${process.pid}.tmp`;
    writeFileSync(temporary, svg);
    renameSync(temporary, file);
  }
}
