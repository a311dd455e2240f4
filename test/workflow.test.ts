import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { projectRoot } from './helpers/site.ts';

// The workflow adopters run on every pull request. It cannot be run here, so this reads it
// as GitHub would and pins what it must do.
interface Step {
  name?: string;
  uses?: string;
  run?: string;
  if?: string;
  id?: string;
  with?: Record<string, unknown>;
  env?: Record<string, string>;
}
interface Job {
  if?: string;
  needs?: string;
  permissions?: Record<string, string>;
  steps: Step[];
  environment?: { name: string };
}
const workflow = parse(readFileSync(path.join(projectRoot, '.github/workflows/handbook.yml'), 'utf8'), { strict: true, uniqueKeys: true }) as {
  on: Record<string, unknown>;
  permissions: Record<string, string>;
  concurrency: { group: string; 'cancel-in-progress': boolean };
  jobs: Record<string, Job>;
};
const check = workflow.jobs['check']!;
const deploy = workflow.jobs['deploy']!;
const onMain = "github.event_name != 'pull_request' && github.ref == 'refs/heads/main'";

describe('the GitHub workflow shipped for adopters', () => {
  it('runs on pull requests and on pushes to main', () => {
    expect(Object.keys(workflow.on)).toEqual(expect.arrayContaining(['pull_request', 'push']));
    expect(workflow.on['push']).toEqual({ branches: ['main'] });
  });

  it('installs, checks with annotations, tests and builds, in that order', () => {
    const runs = check.steps.flatMap((step) => (step.run ? [step.run] : []));
    expect(runs).toEqual(['npm ci', 'npm run check -- --format github', 'npm test', 'npm run build']);
    expect(check.steps[0]?.uses).toMatch(/^actions\/checkout@v\d+$/);
    // Full history: "last updated" comes from git log.
    expect(check.steps[0]?.with?.['fetch-depth']).toBe(0);
  });

  it('reads only the repository (and the Pages settings), except the deploy job, which may write to Pages and nothing else', () => {
    expect(workflow.permissions).toEqual({ contents: 'read' });
    // Reading the Pages site (for its base path) needs pages: read on private repositories.
    expect(check.permissions).toEqual({ contents: 'read', pages: 'read' });
    expect(deploy.permissions).toEqual({ pages: 'write', 'id-token': 'write' });
  });

  it('cancels a run that a newer push to the same pull request or branch supersedes', () => {
    expect(workflow.concurrency['cancel-in-progress']).toBe(true);
    expect(workflow.concurrency.group).toContain('github.event.pull_request.number || github.ref');
  });

  it('deploys from main only, after the checks, with the base path Pages serves the site from', () => {
    expect(deploy.if).toBe(onMain);
    expect(deploy.needs).toBe('check');
    expect(deploy.environment?.name).toBe('github-pages');
    expect(deploy.steps.map((step) => step.uses)).toEqual([expect.stringMatching(/^actions\/deploy-pages@v\d+$/)]);
    const pages = check.steps.find((step) => step.id === 'pages');
    expect(pages?.uses).toMatch(/^actions\/configure-pages@v\d+$/);
    expect(pages?.if).toBe(onMain);
    const build = check.steps.find((step) => step.run === 'npm run build');
    expect(build?.env).toEqual({ HANDBOOK_BASE: '${{ steps.pages.outputs.base_path }}', HANDBOOK_SITE: '${{ steps.pages.outputs.base_url }}' });
    const upload = check.steps.find((step) => step.uses?.startsWith('actions/upload-pages-artifact@'));
    expect(upload?.with).toEqual({ path: 'dist' });
    expect(upload?.if).toBe(onMain);
  });

  it('pins every action to a major version', () => {
    for (const job of Object.values(workflow.jobs)) {
      for (const step of job.steps) if (step.uses) expect(step.uses).toMatch(/^actions\/[a-z-]+@v\d+$/);
    }
  });
});
