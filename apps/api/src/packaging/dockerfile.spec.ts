import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// No Docker engine runs on the development machines or in CI, so the image is checked by reading it:
// what `docker build` would trip over first is a workspace the lockfile names but the image lacks.
const root = fileURLToPath(new URL('../../../../', import.meta.url));
const dockerfile = readFileSync(`${root}apps/api/Dockerfile`, 'utf8');
const stages = dockerfile.split(/^FROM /m).slice(1);
const copies = (stage: string) => [...stage.matchAll(/^COPY (?!--from)(.+) \S+$/gm)].flatMap((m) => m[1]!.split(' '));

describe('the API image (apps/api/Dockerfile)', () => {
  it('installs from every workspace package.json the lockfile knows, so npm ci can run', () => {
    const { workspaces } = JSON.parse(readFileSync(`${root}package.json`, 'utf8')) as { workspaces: string[] };
    const lock = JSON.parse(readFileSync(`${root}package-lock.json`, 'utf8')) as { packages: Record<string, { name?: string }> };
    const folders = Object.keys(lock.packages).filter((path) => path && !path.includes('node_modules'));
    expect(folders.length).toBeGreaterThanOrEqual(workspaces.length);
    const deps = copies(stages[0]!);
    for (const folder of folders) expect(deps, `${folder}/package.json`).toContain(`${folder}/package.json`);
  });

  it('copies only what exists', () => {
    for (const source of stages.flatMap(copies)) expect(existsSync(`${root}${source}`), source).toBe(true);
  });

  it('runs as the unprivileged node user, with the dashboard next to the API', () => {
    const runtime = stages.at(-1)!;
    expect(runtime).toMatch(/^USER node$/m);
    expect(runtime.indexOf('USER node')).toBeLessThan(runtime.indexOf('CMD '));
    expect(runtime).toContain('apps/dashboard/dist');
    expect(stages.length).toBeGreaterThanOrEqual(3);
  });
});
