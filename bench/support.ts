/** What the benchmarks share: settings from the environment, medians, Markdown tables, and their sections of docs/performance.md. */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = fileURLToPath(new URL('../', import.meta.url));
export const docPath = join(repoRoot, 'docs', 'performance.md');

/** An integer setting from the environment, within bounds (a typo stops the run, never measures something else). */
export function intFromEnv(name: string, fallback: number, min: number, max: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new Error(`${name} must be an integer between ${min} and ${max} (got "${raw}")`);
  }
  return value;
}

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** A Markdown table with its columns padded, each left- or right-aligned. */
export function table(header: string[], rows: string[][], align: ('l' | 'r')[]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length), 3));
  const cell = (text: string, i: number) => (align[i] === 'r' ? text.padStart(widths[i]!) : text.padEnd(widths[i]!));
  const line = (cells: string[]) => `| ${cells.map(cell).join(' | ')} |`;
  const rule = `| ${widths.map((w, i) => (align[i] === 'r' ? `${'-'.repeat(w - 1)}:` : '-'.repeat(w))).join(' | ')} |`;
  return [line(header), rule, ...rows.map(line)].join('\n');
}

/** "commit `abc1234`", saying so when the measured paths had uncommitted changes. */
export function codeVersion(paths: string[]): string {
  const git = (...args: string[]) => execFileSync('git', args, { cwd: repoRoot, encoding: 'utf8' }).trim();
  try {
    const commit = `commit \`${git('rev-parse', '--short', 'HEAD')}\``;
    const dirty = git('status', '--porcelain', '--', ...paths) !== '';
    return dirty ? `${commit} plus uncommitted changes in ${paths.map((p) => `\`${p}\``).join(', ')}` : commit;
  } catch {
    return 'an unknown commit';
  }
}

/**
 * Replaces this benchmark's section of docs/performance.md (between `<!-- bench:<name>:start -->`
 * and `…:end -->`), appending it when missing. The file is read right before writing: other
 * benchmarks own the other sections.
 */
export function writeDocSection(name: string, command: string, content: string): void {
  const markerStart = `<!-- bench:${name}:start -->`;
  const markerEnd = `<!-- bench:${name}:end -->`;
  const note = `<!-- Written by bench/${name}.ts (\`${command}\`): edits between these markers are overwritten. -->`;
  const block = `${markerStart}\n${note}\n\n${content}\n\n${markerEnd}`;
  let doc = existsSync(docPath) ? readFileSync(docPath, 'utf8') : '# Performance\n';
  const start = doc.indexOf(markerStart);
  const end = doc.indexOf(markerEnd);
  if (start !== -1 && end > start) doc = doc.slice(0, start) + block + doc.slice(end + markerEnd.length);
  else doc = `${doc.trimEnd()}\n\n${block}\n`;
  writeFileSync(docPath, doc);
}
