#!/usr/bin/env node
// Size limits the formatter cannot enforce: no line over 120 characters, no file over 200 lines.
// Files listed in style-baseline.json are known offenders being split; the list may only shrink.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

const MAX_LINE = 120;
const MAX_LINES = 200;
const SOURCE = /\.(ts|mts|js|mjs|cjs|vue|css|html|json|yml|yaml|sh)$/;
const SKIP = /(^|\/)(package-lock\.json|docs\/reproduction\/)/;

const baseline = new Set(JSON.parse(readFileSync(new URL('./style-baseline.json', import.meta.url), 'utf8')));
const files = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard'], { encoding: 'utf8' })
  .split('\n')
  .filter((f) => SOURCE.test(f) && !SKIP.test(f));

const problems = [];
for (const file of files) {
  let text;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    continue; // deleted in the work tree but still in the index
  }
  const lines = text.split('\n');
  const long = lines.map((l, i) => [i + 1, l.length]).filter(([, n]) => n > MAX_LINE);
  const tooLong = lines.length - (text.endsWith('\n') ? 1 : 0) > MAX_LINES;
  if (baseline.has(file)) continue;
  for (const [line, n] of long) problems.push(`${file}:${line}: ${n} characters (at most ${MAX_LINE})`);
  if (tooLong) problems.push(`${file}: ${lines.length} lines (at most ${MAX_LINES}; split it by concern)`);
}
if (problems.length) {
  console.error(problems.join('\n'));
  console.error(`check-style: ${problems.length} problem(s)`);
  process.exit(1);
}
console.log(`check-style: ${files.length} files within ${MAX_LINE} columns and ${MAX_LINES} lines`);
