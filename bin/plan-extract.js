#!/usr/bin/env node
// plan-extract command line: see `plan-extract --help`.
import { existsSync } from 'node:fs';

const cli = new URL('../dist/cli.js', import.meta.url);
if (!existsSync(cli)) {
  process.stderr.write('plan-extract: dist/ is missing; run `npm install` (it builds the package) or `npm run build`\n');
  process.exit(2);
}
process.stdout.on('error', (err) => {
  // `plan-extract file | head`: the reader went away; that is not an error.
  if (err.code === 'EPIPE') process.exit(0);
  throw err;
});
const { main } = await import(cli.href);
process.exitCode = await main(process.argv);
