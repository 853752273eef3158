/**
 * Converts an OR-Library GAP file into one problem file per instance, for `solve`:
 *   npx tsx src/benchmarks/write-gap-problems.ts fixtures/benchmarks/or-library-gap/gap12.txt <folder>
 * writes <folder>/gap12-1.json … gap12-5.json (every participant needs exactly one mentor).
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { parseGapFile } from './or-library-gap.js';

const [source, folder] = process.argv.slice(2);
if (source === undefined || folder === undefined) {
  process.stderr.write('usage: write-gap-problems.ts <gap-file> <output-folder>\n');
  process.exit(1);
}
const problems = parseGapFile(await readFile(source, 'utf8'));
const name = basename(source).replace(/\.txt$/, '');
await mkdir(folder, { recursive: true });
for (const [index, problem] of problems.entries()) {
  const path = join(folder, `${name}-${index + 1}.json`);
  await writeFile(path, `${JSON.stringify(problem)}\n`);
  process.stdout.write(`${path}: ${problem.resources.length} mentors × ${problem.participants.length} participants\n`);
}
