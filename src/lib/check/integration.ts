import type { AstroIntegration } from 'astro';
import { fileURLToPath } from 'node:url';
import type { ResolvedConfig } from '../config.ts';
import { messages } from '../messages.ts';
import { CheckCache } from './cache.ts';
import { formatPretty } from './format.ts';
import { checkContent, type CheckResult } from './run.ts';

/**
 * Runs `handbook check` before Astro reads any content, so that `astro build` and
 * `astro dev` never compile an MDX file the checker has not passed: MDX is code, and a
 * build may hold deploy secrets. `astro:config:setup` is the first hook, before the
 * content layer syncs.
 *
 * A build stops on any error. The dev server stops only on content-safety errors, so an
 * author can still preview a page while fixing a typo in it.
 */
export function handbookCheck(config: ResolvedConfig, options: { onBuildPassed?: (result: CheckResult) => void } = {}): AstroIntegration {
  return {
    name: 'handbook-check',
    hooks: {
      'astro:config:setup': async ({ command, config: astro }) => {
        if (command !== 'build' && command !== 'dev') return;
        const cache = CheckCache.open(fileURLToPath(astro.cacheDir), fileURLToPath(astro.root), config.contentDir);
        const result = await checkContent(config.contentDir, { settings: config.check, cache, publicDir: config.publicDir });
        const { problems, files } = result;
        if (problems.length > 0) process.stderr.write(`${formatPretty(problems, files, process.stderr.isTTY === true)}\n`);
        const errors = problems.filter((problem) => problem.severity === 'error');
        const blocking = command === 'build' ? errors : errors.filter((problem) => problem.rule.startsWith('safety/'));
        if (blocking.length === 0) {
          if (command === 'build') options.onBuildPassed?.(result);
          return;
        }
        const error = new Error(command === 'build' ? messages.buildStopped(blocking.length) : messages.devStopped(blocking.length));
        // The report above is what the author needs; a stack trace into the checker is not.
        error.stack = '';
        throw error;
      },
    },
  };
}
