import { stat } from 'node:fs/promises';
import { basename, dirname, extname, join, relative, resolve } from 'node:path';
import fg from 'fast-glob';

/** The files a directory argument stands for: plan texts and PDFs, at any depth. */
export const PLAN_FILES = '**/*.{txt,md,markdown,pdf}';

export interface InputFile {
  /** As given, or as the directory or glob expanded it. */
  path: string;
  /** The folder its output name mirrors the path from (the directory or the glob's fixed part). */
  base: string;
}

export interface Expanded {
  files: InputFile[];
  /** Arguments that name no plan file, and why. */
  unmatched: { arg: string; reason: string }[];
}

/**
 * Files, directories and globs ("plans/**\/*.{txt,md,pdf}") to the files they
 * name, in the order given; a directory's and a glob's files sorted by path.
 * A file named twice is read once. `pattern`: what a directory stands for.
 */
export async function expandInputs(args: readonly string[], pattern: string = PLAN_FILES): Promise<Expanded> {
  const files: InputFile[] = [];
  const unmatched: Expanded['unmatched'] = [];
  const seen = new Set<string>();
  const add = (path: string, base: string) => {
    const key = resolve(path);
    if (seen.has(key)) return;
    seen.add(key);
    files.push({ path, base });
  };
  for (const arg of args) {
    const kind = await stat(arg).then(
      (s) => (s.isDirectory() ? 'dir' : 'file'),
      () => null,
    );
    if (kind === 'file') add(arg, dirname(arg));
    else if (kind === 'dir') {
      const found = await fg(pattern, { cwd: arg, onlyFiles: true, caseSensitiveMatch: false, followSymbolicLinks: false });
      for (const f of found.sort()) add(join(arg, f), arg);
      if (found.length === 0) unmatched.push({ arg, reason: `a directory with no ${pattern === PLAN_FILES ? '.txt, .md or .pdf' : 'plan or JSON'} file in it` });
    } else if (fg.isDynamicPattern(arg)) {
      const found = await fg(arg, { onlyFiles: true, caseSensitiveMatch: false });
      const base = fg.generateTasks([arg])[0]?.base ?? '.';
      for (const f of found.sort()) add(f, base);
      if (found.length === 0) unmatched.push({ arg, reason: 'no file matches this pattern' });
    } else unmatched.push({ arg, reason: 'no such file' });
  }
  return { files, unmatched };
}

/**
 * Where each input's JSON goes under `outDir`: its path below its base, the
 * extension replaced by ".json" ("plans/xa/a.pdf" from "plans" → "xa/a.json");
 * two inputs that would share a name keep their extension ("a.txt.json", "a.pdf.json").
 */
export function outputPaths(files: readonly InputFile[], outDir: string): string[] {
  const rel = files.map((f) => {
    const r = relative(f.base, f.path);
    return r.startsWith('..') || r === '' ? basename(f.path) : r;
  });
  const plain = rel.map((r) => r.slice(0, r.length - extname(r).length));
  const count = new Map<string, number>();
  for (const p of plain) count.set(p, (count.get(p) ?? 0) + 1);
  return rel.map((r, i) => join(outDir, `${count.get(plain[i]!)! > 1 ? r : plain[i]}.json`));
}
