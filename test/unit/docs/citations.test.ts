// Every document the source cites is in the repository: a comment that points to docs/… names a
// file (and heading) that exists, and nothing points to the notes the project was first written
// from, which were never part of it. docs/architecture.md names real files, so a newcomer who
// follows it finds them.
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, resolve, dirname } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../../..');
const SOURCE_DIRS = ['main', 'shared', 'renderer', 'preload', 'scripts', 'test', 'bin', 'bench', 'build'];
const SOURCE_EXT = /\.(ts|tsx|js|mjs|cjs|mts)$/;
// Built from parts so this file does not cite them itself.
const OUTSIDE_NOTES = new RegExp(`\\b(${['protocol', 'palette', 'ARCHITECTURE', 'user-needs', 'machine-recipes'].join('|')})\\.md\\b`);
const ISSUE_NUMBER = new RegExp(`\\b${'[Ii]ssues?'} #?\\d+`);
const DOCS_CITATION = /(?<![\w/.-])docs\/[\w./-]+\.md(?:#[\w-]+)?/g;

function walk(dir: string, keep: (path: string) => boolean, found: string[] = []): string[] {
  if (!existsSync(dir)) return found;
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name.startsWith('.')) continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) walk(path, keep, found);
    else if (keep(path)) found.push(path);
  }
  return found;
}

function sourceFiles(): string[] {
  const topLevel = readdirSync(root).filter((name) => SOURCE_EXT.test(name) || name === 'eslint.config.js');
  return [...topLevel.map((name) => join(root, name)), ...SOURCE_DIRS.flatMap((dir) => walk(join(root, dir), (p) => SOURCE_EXT.test(p)))];
}

/** GitHub's heading anchors: lower case, punctuation dropped, spaces to hyphens. */
export function headingSlug(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .replace(/\s/g, '-');
}

function anchorsOf(markdownPath: string): Set<string> {
  const headings = readFileSync(markdownPath, 'utf8')
    .split('\n')
    .filter((line) => /^#{1,6} /.test(line));
  return new Set(headings.map((line) => headingSlug(line.replace(/^#+ /, ''))));
}

/** Why `target` (a path from the repository root, maybe with #anchor) does not resolve, or null. */
export function brokenTarget(target: string): string | null {
  const [path = '', anchor] = target.split('#');
  const file = join(root, path);
  if (!existsSync(file)) return 'no such file';
  if (anchor && !anchorsOf(file).has(anchor)) return `no heading #${anchor}`;
  return null;
}

function linesMatching(files: string[], pattern: RegExp): string[] {
  return files.flatMap((file) =>
    readFileSync(file, 'utf8')
      .split('\n')
      .flatMap((line, index) => (pattern.test(line) ? [`${relative(root, file)}:${index + 1}: ${line.trim()}`] : [])),
  );
}

describe('documents the source cites', () => {
  const files = sourceFiles();

  it('finds the source files (a walk that found nothing would pass everything)', () => {
    expect(files.length).toBeGreaterThan(300);
    expect(files.map((f) => relative(root, f))).toContain('main/ipc/register.ts');
  });

  it('cites no document outside the repository', () => {
    expect(linesMatching(files, OUTSIDE_NOTES)).toEqual([]);
  });

  it('cites no issue by number: the comment says what the behaviour is, or links docs/', () => {
    expect(linesMatching(files, ISSUE_NUMBER)).toEqual([]);
  });

  it('cites only docs/ files and headings that exist', () => {
    const broken = files.flatMap((file) =>
      [...readFileSync(file, 'utf8').matchAll(DOCS_CITATION)].flatMap(([target]) => {
        const reason = brokenTarget(target);
        return reason ? [`${relative(root, file)}: ${target} (${reason})`] : [];
      }),
    );
    expect(broken).toEqual([]);
  });
});

describe('links in README.md and docs/', () => {
  const markdown = [join(root, 'README.md'), ...walk(join(root, 'docs'), (p) => p.endsWith('.md'))];

  it('every relative link to a Markdown file resolves, heading included', () => {
    const broken = markdown.flatMap((file) =>
      [...readFileSync(file, 'utf8').matchAll(/\]\(((?!https?:)[^)\s]*?\.md(?:#[\w-]+)?)\)/g)].flatMap(([, link = '']) => {
        const [path = '', anchor] = link.split('#');
        const target = relative(root, resolve(dirname(file), path)) + (anchor ? `#${anchor}` : '');
        const reason = brokenTarget(target);
        return reason ? [`${relative(root, file)}: ${link} (${reason})`] : [];
      }),
    );
    expect(broken).toEqual([]);
  });

  it('README.md links docs/architecture.md', () => {
    expect(readFileSync(join(root, 'README.md'), 'utf8')).toContain('](docs/architecture.md)');
  });

  it('every repository path docs/architecture.md names exists', () => {
    const text = readFileSync(join(root, 'docs/architecture.md'), 'utf8');
    const paths = [...text.matchAll(/`((?:main|shared|renderer|preload|test|scripts)\/[\w./-]*)`/g)].map(([, path = '']) => path);
    expect(paths.length).toBeGreaterThan(30);
    expect(paths.filter((path) => !existsSync(join(root, path)))).toEqual([]);
  });
});

describe('headingSlug', () => {
  it('follows GitHub: punctuation dropped, spaces to hyphens', () => {
    expect(headingSlug('Operations (Spec)')).toBe('operations-spec');
    expect(headingSlug("Linux: Chromium's sandbox")).toBe('linux-chromiums-sandbox');
    expect(headingSlug('The Add Registry form')).toBe('the-add-registry-form');
  });
});
