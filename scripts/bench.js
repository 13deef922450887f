// npm run bench: how fast plan-extract reads plans, beside baselines measured in the same run.
//
//   text   parsing the seed plans over and over, in this process, on one thread; beside the floor:
//          reading the same bytes, decoding, NFC and splitting lines (what any parser must do).
//
// Figures are medians of several timed rounds after a warm-up round.
import { readFileSync, readdirSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { parsePlanBytes } = await import(join(root, 'dist/input/file.js'));

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 7);
const MIN_ROUND_MS = Number(process.env.BENCH_ROUND_MS ?? 400);

const seeds = readdirSync(join(root, 'seeds'))
  .filter((f) => /\.(txt|md)$/.test(f))
  .sort()
  .map((f) => ({ name: f, bytes: readFileSync(join(root, 'seeds', f)) }));
const totalBytes = seeds.reduce((n, s) => n + s.bytes.length, 0);

/** Run `once` (one pass over the seeds) for at least MIN_ROUND_MS per round; passes per second, median. */
function measure(once) {
  once();
  const rates = [];
  for (let r = 0; r < ROUNDS; r++) {
    let passes = 0;
    const t0 = performance.now();
    let dt = 0;
    do {
      once();
      passes++;
      dt = performance.now() - t0;
    } while (dt < MIN_ROUND_MS);
    rates.push((passes * 1000) / dt);
  }
  rates.sort((a, b) => a - b);
  return rates[Math.floor(rates.length / 2)];
}

let sink = 0;
const floor = measure(() => {
  for (const s of seeds) {
    const text = new TextDecoder('utf-8').decode(s.bytes).normalize('NFC');
    sink += text.split(/\r\n|\r|\n/).length;
  }
});
const parse = measure(() => {
  for (const s of seeds) sink += parsePlanBytes(s.bytes, s.name).indicators.length;
});
const perDoc = seeds.map((s) => {
  const rate = measure(() => {
    sink += parsePlanBytes(s.bytes, s.name).tasks.length;
  });
  return { name: s.name, kb: s.bytes.length / 1024, ms: 1000 / rate, mbs: (rate * s.bytes.length) / 1e6 };
});

const mb = totalBytes / 1e6;
const row = (cells) => `| ${cells.join(' | ')} |`;
console.log(`plan-extract benchmark: node ${process.version}, ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB\n`);
console.log('Text: the five seeds, in process, one thread');
console.log(row(['measure', 'docs/s', 'MB/s', 'vs floor']));
console.log(row(['---', '---:', '---:', '---:']));
console.log(row(['floor: decode + NFC + split lines', (floor * seeds.length).toFixed(0), (floor * mb).toFixed(1), '1×']));
console.log(row(['plan-extract parse', (parse * seeds.length).toFixed(0), (parse * mb).toFixed(2), `${(floor / parse).toFixed(0)}× slower`]));
console.log('\nPer seed');
console.log(row(['seed', 'KB', 'ms', 'MB/s']));
console.log(row(['---', '---:', '---:', '---:']));
for (const d of perDoc) console.log(row([d.name, d.kb.toFixed(0), d.ms.toFixed(2), d.mbs.toFixed(2)]));
if (sink === 0.5) console.log(''); // keep the work from being optimised away
