import type { AstroIntegration } from 'astro';
import { createHash } from 'node:crypto';
import type { ServerResponse } from 'node:http';
import { readFileSync, realpathSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Plugin, ViteDevServer } from 'vite';
import type { ResolvedConfig } from '../config.ts';
import { messages } from '../messages.ts';
import { userError } from '../user-error.ts';
import { CheckCache } from './cache.ts';
import { isFixedRule, isSchemaRule } from './catalogue.ts';
import type { Problem } from './problem.ts';
import { formatPretty } from './format.ts';
import { checkContent, type CheckResult } from './run.ts';

/**
 * Runs `handbook check` before Astro reads any content, so that `astro build` and
 * `astro dev` never compile an MDX file the checker has not passed: MDX is code, and a
 * build may hold deploy secrets. `astro:config:setup` is the first hook, before the
 * content layer syncs.
 *
 * A build stops on any error. The dev server stops on errors that mean content could run
 * unvetted (content safety, or a file the check could not read through: see `isFixedRule`),
 * so an author can still preview a page while fixing a typo in it. While it runs, an MDX
 * file is compiled only once its text is the text the check passed, and a change that
 * brings such an error stops it: a reviewer previewing a pull request, or switching
 * branches under a running server, compiles no MDX the check has not passed.
 */
export function handbookCheck(config: ResolvedConfig, options: { onBuildPassed?: (result: CheckResult) => void } = {}): AstroIntegration {
  return {
    name: 'handbook-check',
    hooks: {
      'astro:config:setup': async ({ command, config: astro, updateConfig }) => {
        if (command !== 'build' && command !== 'dev') return;
        const cache = CheckCache.open(fileURLToPath(astro.cacheDir), fileURLToPath(astro.root), config.contentDir);
        const run = () => checkContent(config.contentDir, { settings: config.check, cache, publicDir: config.publicDir });
        const result = await run();
        const blocking = report(result, command, { starting: true });
        if (blocking > 0) {
          // The report above is what the author needs; a stack trace into the checker is not.
          throw userError(command === 'build' ? messages.buildStopped(blocking) : messages.devStopped(blocking));
        }
        if (command === 'build') options.onBuildPassed?.(result);
        else updateConfig({ vite: { plugins: [vetWhileServing([config.contentDir, config.publicDir], result, run)] } });
      },
    },
  };
}

/**
 * Prints the problems and returns how many errors stop this command. The dev server also
 * cannot start on an entry that fails its schema: Astro's content layer throws at its first
 * sync. Once it runs, such an entry keeps its last good version, so only the fixed rules stop it.
 */
function report({ problems, files }: CheckResult, command: 'build' | 'dev', { quiet = false, starting = false } = {}): number {
  const stops = (rule: string) => command === 'build' || isFixedRule(rule) || (starting && isSchemaRule(rule));
  const blocking = problems.filter((problem) => problem.severity === 'error' && stops(problem.rule)).length;
  if (problems.length > 0 && (!quiet || blocking > 0)) process.stderr.write(`${formatPretty(problems, files, process.stderr.isTTY === true)}\n`);
  return blocking;
}

/** A problem as a key, to tell the errors a save brings from those already shown: not by line, which moves as lines are added above it. */
const problemKey = (problem: Problem) => `${problem.file}\0${problem.rule}\0${problem.message}`;

const textHash = (file: string): string | undefined => {
  try {
    return createHash('sha256').update(readFileSync(file)).digest('hex');
  } catch {
    return undefined;
  }
};

/** A path with its symbolic links resolved, as Vite names modules; the path itself when it does not exist. */
const real = (file: string): string => {
  try {
    return realpathSync(file);
  } catch {
    return path.resolve(file);
  }
};

/**
 * The dev server's guard: MDX compiles only as the check passed it; while a change is
 * being checked, pages wait; and a change with blocking errors stops the server.
 */
function vetWhileServing(watched: readonly string[], first: CheckResult, run: () => Promise<CheckResult>): Plugin {
  // Real paths: Vite names modules by them, and a content root reached through a link would match nothing.
  const roots = watched.map(real);
  const within = (file: string) => roots.some((root) => !path.relative(root, file).startsWith('..') && !path.isAbsolute(path.relative(root, file)));
  // By the bytes the check itself read, not read again after it: a file changed in between is not vetted.
  let vetted = new Map<string, string>();
  const remember = (result: CheckResult) => {
    vetted = new Map(result.sources.filter((source) => source.absolute.endsWith('.mdx')).map((source) => [real(source.absolute), source.digest]));
  };
  remember(first);
  let shown = new Set(first.problems.map(problemKey));
  // One check at a time: saves that come while one runs are seen by the next.
  let running: Promise<number> | undefined;
  let again = false;
  /** Errors the last check found that stop the server; while above 0, nothing is served. */
  let blocked = 0;
  const recheck = (): Promise<number> => {
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      try {
        let blocking = 0;
        do {
          again = false;
          const result = await run();
          // Said only when it stops the server: every save would otherwise print every warning again.
          blocking = report(result, 'dev', { quiet: true });
          // An error a save brings is said once, at its line: Astro's own note on it has none.
          const fresh = result.problems.filter((problem) => problem.severity === 'error' && !shown.has(problemKey(problem)));
          if (blocking === 0 && fresh.length > 0) process.stderr.write(`${formatPretty(fresh, result.files, process.stderr.isTTY === true, messages.devSavedError(fresh.length, fresh.every((problem) => isSchemaRule(problem.rule))))}\n`);
          shown = new Set(result.problems.map(problemKey));
          if (blocking === 0) remember(result);
          else vetted = new Map();
        } while (again);
        blocked = blocking;
        return blocking;
      } catch (error) {
        // Nothing is known to be safe once a check has failed.
        blocked = Math.max(blocked, 1);
        throw error;
      } finally {
        running = undefined;
      }
    })();
    return running;
  };
  const stop = async (server: ViteDevServer, message: string) => {
    process.stderr.write(`${message}\n`);
    await server.close();
    process.exit(1);
  };
  return {
    name: 'handbook-check-vet',
    enforce: 'pre',
    async transform(_code, id) {
      const file = real(id.split('?')[0]!);
      if (!file.endsWith('.mdx') || !within(file)) return null;
      if (vetted.has(file) && vetted.get(file) === textHash(file)) return null;
      const blocking = await recheck();
      if (blocking === 0 && vetted.get(file) === textHash(file)) return null;
      throw userError(blocking > 0 ? messages.devStoppedOnChange(blocking) : messages.devNotVetted(path.relative(process.cwd(), file)));
    },
    configureServer(server) {
      // A page asked for while a change is being checked waits for the verdict: Markdown is
      // rendered by the content layer, not compiled here, and must not reach a browser first.
      const serve = (response: ServerResponse, next: () => void) => {
        if (!blocked) return next();
        response.statusCode = 503;
        response.end(messages.devStoppedOnChange(blocked));
      };
      server.middlewares.use((_request, response, next) => {
        if (!running) return serve(response, next);
        running.then(
          () => serve(response, next),
          () => serve(response, next),
        );
      });
      const changed = (file: string) => {
        if (!within(real(file))) return;
        recheck().then(
          (blocking) => (blocking > 0 ? stop(server, messages.devStoppedOnChange(blocking)) : undefined),
          (error: unknown) => stop(server, messages.devCheckFailed(error instanceof Error ? error.message : String(error))),
        );
      };
      server.watcher.on('change', changed);
      server.watcher.on('add', changed);
    },
  };
}
