// `pnpm bench [name]`: runs the benchmark scripts in bench/<name>/index.ts and prints their figures.
// Benchmarks run on demand, never in CI; results go to BENCHMARKS.md with the command used.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const dir = path.dirname(fileURLToPath(import.meta.url));
const available = readdirSync(dir, { withFileTypes: true })
  .filter((e) => e.isDirectory() && existsSync(path.join(dir, e.name, 'index.ts')))
  .map((e) => e.name);
const wanted = process.argv[2];

if (!available.length) {
  console.log(
    'No benchmarks yet: bench/sessions, bench/gateway, bench/pipeline and bench/provisioning arrive with issues #3–#6.',
  );
  process.exit(0);
}
if (wanted && !available.includes(wanted)) {
  console.error(`Unknown benchmark "${wanted}". Available: ${available.join(', ')}`);
  process.exit(2);
}
for (const name of wanted ? [wanted] : available) {
  console.log(`\n== bench/${name}`);
  const run = spawnSync(process.execPath, [path.join(dir, name, 'index.ts'), ...process.argv.slice(3)], {
    stdio: 'inherit',
  });
  if (run.status !== 0) process.exit(run.status ?? 1);
}
