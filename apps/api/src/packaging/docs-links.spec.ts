import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

// The README and the docs travel with the code: every link in them must reach a file of this
// repository (and a heading in it, when it names one), never a path outside the checkout.
const root = fileURLToPath(new URL('../../../../', import.meta.url));
const SKIP = new Set(['node_modules', 'dist', '.git', '.nx', '.ledger-data', 'e2e']);

function markdownFiles(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    if (SKIP.has(name)) return [];
    if (statSync(path).isDirectory()) return markdownFiles(path);
    return name.endsWith('.md') ? [path] : [];
  });
}

/** Inline links outside code: `[text](target)`; code fences and `code spans` are not links. */
function linksOf(markdown: string): string[] {
  const prose = markdown.replace(/^```[\s\S]*?^```/gm, '').replace(/`[^`\n]*`/g, '');
  return [...prose.matchAll(/\]\(([^)\s]+)\)/g)].map((m) => m[1]!);
}

/** GitHub's anchor for a heading: lower case, punctuation dropped, spaces to hyphens. */
const slug = (heading: string) =>
  heading
    .trim()
    .toLowerCase()
    .replace(/[`*_]/g, '')
    .replace(/[^\p{L}\p{N}\s-]/gu, '')
    .replace(/\s/g, '-');
const anchorsOf = (markdown: string) => new Set([...markdown.replace(/^```[\s\S]*?^```/gm, '').matchAll(/^#{1,6} (.+)$/gm)].map((m) => slug(m[1]!)));

const files = markdownFiles(root);

describe('the documentation links', () => {
  it('finds the README and the docs', () => {
    const names = files.map((f) => relative(root, f));
    expect(names).toEqual(expect.arrayContaining(['README.md', 'docs/README.md', 'docs/domain.md', 'docs/api.md', 'docs/configuration.md', 'docs/operations.md']));
  });

  it.each(files.map((f) => [relative(root, f), f]))('%s links only to files (and headings) inside the repository', (_, file) => {
    const markdown = readFileSync(file, 'utf8');
    for (const link of linksOf(markdown)) {
      if (/^(https?|mailto):/.test(link)) continue;
      const [path, anchor] = link.split('#') as [string, string | undefined];
      const target = path ? resolve(dirname(file), decodeURI(path)) : file;
      expect(relative(root, target).startsWith('..'), `${link} leaves the repository`).toBe(false);
      expect(existsSync(target), `${link} does not exist`).toBe(true);
      if (anchor && target.endsWith('.md')) expect([...anchorsOf(readFileSync(target, 'utf8'))], `${link}: no such heading`).toContain(anchor);
    }
  });
});
