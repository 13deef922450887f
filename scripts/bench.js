// npm run bench: how fast plan-extract reads plans, each figure beside a baseline measured in
// the same run, on this machine.
//
//   text   the seeds parsed over and over in this process, one thread; beside the floor:
//          reading the same bytes, decoding them, NFC and splitting lines. Then the time
//          of each stage of the parse (ParseOptions.timings).
//   pdf    the seeds laid out as PDFs (scripts/pdf-plans.js), parsed over and over; beside
//          pdf-parse's getText() alone on the same files.
//   batch  the CLI over 1,000 plan files (copies of the seeds) with --jobs 1 and with --jobs
//          = cores, writing --out-dir; wall time, speed-up and the process's peak RSS. Beside
//          it, the ceiling this machine sets: the bare parse in 1 and in `cores` processes.
//
// Figures are medians of timed rounds after a warm-up; a figure and its baseline are timed
// in alternate rounds. BENCH_ROUNDS, BENCH_ROUND_MS,
// BENCH_FILES, BENCH_BATCH_ROUNDS and BENCH_ONLY=text,pdf,batch tune a run.
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, tmpdir, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { parsePlanBytes, parsePlanInput } = await import(join(root, 'dist/input/file.js'));

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 7);
const MIN_ROUND_MS = Number(process.env.BENCH_ROUND_MS ?? 400);
const BATCH_FILES = Number(process.env.BENCH_FILES ?? 1000);
const BATCH_ROUNDS = Number(process.env.BENCH_BATCH_ROUNDS ?? 2);
const ONLY = new Set((process.env.BENCH_ONLY ?? 'text,pdf,batch').split(','));

const seeds = readdirSync(join(root, 'seeds'))
  .filter((f) => /\.(txt|md)$/.test(f))
  .sort()
  .map((f) => ({ name: f, bytes: readFileSync(join(root, 'seeds', f)) }));
const totalBytes = seeds.reduce((n, s) => n + s.bytes.length, 0);

/**
 * Passes per second of each of `fns` (sync or async): the median of ROUNDS rounds of at least
 * MIN_ROUND_MS each, the rounds of the functions taken in turn, so that a slow spell of a
 * shared machine falls on all of them alike.
 */
async function measure(...fns) {
  for (const once of fns) await once();
  const rates = fns.map(() => []);
  for (let r = 0; r < ROUNDS; r++) {
    for (let f = 0; f < fns.length; f++) {
      let passes = 0;
      const t0 = performance.now();
      let dt = 0;
      do {
        await fns[f]();
        passes++;
        dt = performance.now() - t0;
      } while (dt < MIN_ROUND_MS);
      rates[f].push((passes * 1000) / dt);
    }
  }
  return rates.map((list) => list.sort((a, b) => a - b)[Math.floor(list.length / 2)]);
}

const row = (cells) => `| ${cells.join(' | ')} |`;
const out = [];
const say = (s = '') => {
  out.push(s);
  console.log(s);
};
const cpu = cpus()[0]?.model?.replace(/\s+/g, ' ').trim() ?? 'cpu';
say(`Machine: ${availableParallelism()} cores (${cpu}), ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, ${process.platform}.`);
let sink = 0;

if (ONLY.has('text')) {
  const [floor, parse] = await measure(
    () => {
      for (const s of seeds) sink += new TextDecoder('utf-8').decode(s.bytes).normalize('NFC').split(/\r\n|\r|\n/).length;
    },
    () => {
      for (const s of seeds) sink += parsePlanBytes(s.bytes, s.name).indicators.length;
    },
  );
  const mb = totalBytes / 1e6;
  say('\nText: the five seeds, in process, one thread');
  say(row(['measure', 'docs/s', 'MB/s', 'time vs floor']));
  say(row(['---', '---:', '---:', '---:']));
  say(row(['floor: decode + NFC + split lines', (floor * seeds.length).toFixed(0), (floor * mb).toFixed(1), '1×']));
  say(row(['plan-extract', (parse * seeds.length).toFixed(0), (parse * mb).toFixed(2), `${(floor / parse).toFixed(1)}×`]));
  say('\nPer seed');
  say(row(['seed', 'KB', 'ms', 'MB/s']));
  say(row(['---', '---:', '---:', '---:']));
  for (const s of seeds) {
    const [rate] = await measure(() => {
      sink += parsePlanBytes(s.bytes, s.name).tasks.length;
    });
    say(row([s.name, (s.bytes.length / 1024).toFixed(0), (1000 / rate).toFixed(2), ((rate * s.bytes.length) / 1e6).toFixed(2)]));
  }
  // Where the time goes: parsePlan's own stage timings (ParseOptions.timings) over the same passes.
  const timings = {};
  const passes = Math.max(20, ROUNDS * 5);
  for (let i = 0; i < passes; i++) for (const s of seeds) parsePlanBytes(s.bytes, s.name, { timings });
  const staged = Object.values(timings).reduce((a, b) => a + b, 0);
  say(`\nWhere the time goes (the five seeds, ${passes} passes; ms per document)`);
  say(row(['stage', 'ms', 'share']));
  say(row(['---', '---:', '---:']));
  for (const [stage, ms] of Object.entries(timings).sort((a, b) => b[1] - a[1])) {
    say(row([stage, (ms / passes / seeds.length).toFixed(2), `${((100 * ms) / staged).toFixed(0)}%`]));
  }
}

if (ONLY.has('pdf')) {
  const { planToPdf } = await import(join(root, 'scripts/pdf-plans.js'));
  const { PDFParse } = await import('pdf-parse');
  const pdfs = [];
  for (const s of seeds) pdfs.push(await planToPdf(s.bytes.toString('utf8')));
  const pageCounts = [];
  for (const p of pdfs) pageCounts.push((await parsePlanInput(p, 'x.pdf')).source.pages);
  const pages = pageCounts.reduce((a, b) => a + b, 0);
  const [getText, ours] = await measure(
    async () => {
      for (const p of pdfs) {
        const parser = new PDFParse({ data: Buffer.from(p) });
        sink += (await parser.getText()).text.length;
        await parser.destroy();
      }
    },
    async () => {
      for (const p of pdfs) sink += (await parsePlanInput(p, 'x.pdf')).tasks.length;
    },
  );
  say(`\nPDF: the five seeds laid out as PDFs (${pages} pages), in process, one thread`);
  say(row(['measure', 'pages/s', 'time vs getText']));
  say(row(['---', '---:', '---:']));
  say(row(['pdf-parse getText() alone', (getText * pages).toFixed(0), '1×']));
  say(row(['plan-extract', (ours * pages).toFixed(0), `${(getText / ours).toFixed(2)}×`]));
}

if (ONLY.has('batch')) {
  const dir = mkdtempSync(join(tmpdir(), 'pe-bench-'));
  try {
    const plans = join(dir, 'plans');
    mkdirSync(plans);
    for (let i = 0; i < BATCH_FILES; i++) {
      const s = seeds[i % seeds.length];
      writeFileSync(join(plans, `${String(i).padStart(4, '0')}-${s.name}`), s.bytes);
    }
    const bytes = seeds.reduce((n, s, i) => n + s.bytes.length * Math.ceil((BATCH_FILES - i) / seeds.length), 0);
    // The CLI in a child process; it reports its peak RSS (worker threads included) on exit.
    const run = (jobs) => {
      const outDir = join(dir, `out-${jobs}`);
      const script = `const { main } = await import(${JSON.stringify(join(root, 'dist/cli.js'))}); const t0 = performance.now(); const code = await main(['node', 'plan-extract', ${JSON.stringify(plans)}, '--out-dir', ${JSON.stringify(outDir)}, '--jobs', '${jobs}', '--quiet']); process.stderr.write(JSON.stringify({ code, ms: performance.now() - t0, rss: process.resourceUsage().maxRSS }));`;
      const { stderr } = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8', stdio: ['ignore', 'ignore', 'pipe'], maxBuffer: 64 * 1024 * 1024 });
      return JSON.parse(stderr.slice(stderr.lastIndexOf('{')));
    };
    const cores = availableParallelism();
    // Rounds in turn (1 job, then `cores`): each figure is its round with the least wall time,
    // the peak RSS the highest of its rounds.
    const best = (runs) => ({ ...runs.reduce((a, b) => (b.ms < a.ms ? b : a)), rss: Math.max(...runs.map((r) => r.rss)) });
    const ones = [];
    const manys = [];
    for (let r = 0; r < BATCH_ROUNDS; r++) {
      ones.push(run(1));
      manys.push(run(cores));
    }
    const one = best(ones);
    const many = best(manys);
    // The machine's own ceiling for this work: the same parse in `n` separate processes at once
    // (no threads, files or JSON), each parsing the seeds in turn as many times as a batch job's share.
    const apart = (n) => {
      const docs = Math.ceil(BATCH_FILES / cores);
      const script = `import { readFileSync, readdirSync } from 'node:fs'; const { parsePlanBytes } = await import(${JSON.stringify(join(root, 'dist/input/file.js'))}); const dir = ${JSON.stringify(join(root, 'seeds'))}; const seeds = readdirSync(dir).filter((f) => /\\.(txt|md)$/.test(f)).sort().map((f) => readFileSync(dir + '/' + f)); for (let i = 0; i < ${docs}; i++) parsePlanBytes(seeds[i % seeds.length], 'x.txt');`;
      const t0 = performance.now();
      const children = Array.from({ length: n }, () => spawn(process.execPath, ['--input-type=module', '-e', script], { stdio: 'ignore' }));
      return Promise.all(children.map((c) => new Promise((resolve) => c.on('exit', resolve)))).then(() => ({ ms: performance.now() - t0, docs: docs * n }));
    };
    const apartOnes = [];
    const apartManys = [];
    for (let r = 0; r < BATCH_ROUNDS; r++) {
      apartOnes.push(await apart(1));
      apartManys.push(await apart(cores));
    }
    const fastest = (runs) => runs.reduce((a, b) => (b.ms < a.ms ? b : a));
    const apartOne = fastest(apartOnes);
    const apartMany = fastest(apartManys);
    say(`\nBatch: the CLI over ${BATCH_FILES} plan files (${(bytes / 1e6).toFixed(1)} MB), --out-dir; best of ${BATCH_ROUNDS} rounds taken in turn`);
    say(row(['--jobs', 'docs/s', 'wall time', 'speed-up', 'peak RSS']));
    say(row(['---', '---:', '---:', '---:', '---:']));
    for (const [jobs, r] of [
      [1, one],
      [cores, many],
    ]) {
      say(row([String(jobs), ((BATCH_FILES * 1000) / r.ms).toFixed(0), `${(r.ms / 1000).toFixed(1)} s`, `${(one.ms / r.ms).toFixed(2)}×`, `${(r.rss / 1024).toFixed(0)} MB`]));
    }
    const rate = (r) => (r.docs * 1000) / r.ms;
    say(`\nCeiling: the parse alone (no worker threads, files or JSON) in 1 and in ${cores} separate processes at once, ${Math.ceil(BATCH_FILES / cores)} documents each`);
    say(row(['processes', 'docs/s', 'speed-up']));
    say(row(['---', '---:', '---:']));
    say(row(['1', rate(apartOne).toFixed(0), '1.00×']));
    say(row([String(cores), rate(apartMany).toFixed(0), `${(rate(apartMany) / rate(apartOne)).toFixed(2)}×`]));
    if (one.code !== 0 || many.code !== 0) say(`(exit codes ${one.code}, ${many.code}: some files failed)`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
if (sink === 0.5) console.log(''); // keeps the work from being optimised away
