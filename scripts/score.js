// npm run score -- [dir …]: how much of each golden file the parser gets right, record by
// record and field by field. With no argument: the seeds and every hold-out batch.
//
//   node scripts/score.js fixtures/holdout3
//
// A record counts as found when the parser has a record on the golden record's line; exact
// when every field listed below agrees. Plan metadata is compared field by field.
//
//   node scripts/score.js --pdf [dir …]
//
// reads each input laid out as a ruled PDF (scripts/pdf-plans.js) instead: a PDF's lines are
// not the text's, so a record counts as exact when the PDF gives one with the same numbering
// and fields, wherever it stands.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { parsePlanBytes, parsePlanInput } = await import(join(root, 'dist/input/file.js'));
const { decodeText } = await import(join(root, 'dist/input/text.js'));
const { planToPdf } = await import(join(root, 'scripts/pdf-plans.js'));

const FIELDS = {
  indicators: ['name', 'group', 'unit', 'target', 'targetYear', 'lead'],
  tasks: ['name', 'group', 'lead', 'support', 'output', 'timeline'],
};
const J = (x) => JSON.stringify(x);

/** [input, golden file] pairs in a folder (the seeds' golden files live in fixtures/). */
function pairsIn(dir) {
  const abs = join(root, dir);
  return readdirSync(abs)
    .filter((f) => /\.(txt|md)$/.test(f))
    .sort()
    .map((f) => {
      const base = f.replace(/\.(txt|md)$/, '');
      const golden = dir === 'seeds' ? join(root, 'fixtures', `${base}.expected.json`) : join(abs, `${base}.expected.json`);
      return [join(abs, f), golden];
    })
    .filter(([, g]) => existsSync(g));
}

const pdf = process.argv.includes('--pdf');
const dirs = process.argv.slice(2).filter((a) => a !== '--pdf');
const folders = dirs.length > 0 ? dirs : ['seeds', ...readdirSync(join(root, 'fixtures')).filter((d) => d.startsWith('holdout')).sort().map((d) => `fixtures/${d}`)];
const total = { indicators: { read: 0, golden: 0, found: 0, exact: 0 }, tasks: { read: 0, golden: 0, found: 0, exact: 0 }, meta: { ok: 0, all: 0 } };
for (const folder of folders) {
  for (const [input, goldenPath] of pairsIn(folder)) {
    const golden = JSON.parse(readFileSync(goldenPath, 'utf8'));
    const bytes = readFileSync(input);
    const doc = pdf ? await parsePlanInput(await planToPdf(decodeText(bytes).text.replace(/^\uFEFF/, ''), { ruled: true }), `${input}.pdf`) : parsePlanBytes(bytes, input);
    const lines = [relative(root, input)];
    if (pdf) {
      for (const kind of ['indicators', 'tasks']) {
        const key = (r) => J(['numbering', ...FIELDS[kind]].map((f) => r[f]));
        const left = new Map();
        for (const r of doc[kind]) left.set(key(r), (left.get(key(r)) ?? 0) + 1);
        let exact = 0;
        for (const g of golden[kind]) if (left.get(key(g)) > 0) (exact++, left.set(key(g), left.get(key(g)) - 1));
        Object.assign(total[kind], { read: total[kind].read + doc[kind].length, golden: total[kind].golden + golden[kind].length, exact: total[kind].exact + exact });
        lines.push(`  ${kind.padEnd(10)} ${exact}/${golden[kind].length} exact, ${doc[kind].length} read`);
      }
      console.log(lines.join('\n'));
      continue;
    }
    for (const kind of ['indicators', 'tasks']) {
      const read = doc[kind].map(({ id: _id, position, ...r }) => ({ line: position.start.line, ...r }));
      const byLine = new Map();
      for (const r of read) byLine.set(r.line, [...(byLine.get(r.line) ?? []), r]);
      const ok = Object.fromEntries(FIELDS[kind].map((f) => [f, 0]));
      let found = 0;
      let exact = 0;
      for (const g of golden[kind]) {
        const r = byLine.get(g.line)?.shift();
        if (!r) continue;
        found++;
        let all = true;
        for (const f of FIELDS[kind]) {
          if (J(r[f]) === J(g[f])) ok[f]++;
          else all = false;
        }
        if (all) exact++;
      }
      const t = total[kind];
      t.read += read.length;
      t.golden += golden[kind].length;
      t.found += found;
      t.exact += exact;
      lines.push(`  ${kind.padEnd(10)} ${exact}/${golden[kind].length} exact, ${found} found, ${read.length} read; ${FIELDS[kind].map((f) => `${f} ${ok[f]}`).join(', ')}`);
    }
    const { legalBases: _a, ...plan } = doc.plan;
    const { legalBases: _b, ...gplan } = golden.plan;
    const keys = Object.keys(gplan);
    const wrong = keys.filter((k) => J(plan[k]) !== J(gplan[k]));
    total.meta.ok += keys.length - wrong.length;
    total.meta.all += keys.length;
    lines.push(`  ${'metadata'.padEnd(10)} ${keys.length - wrong.length}/${keys.length}${wrong.length ? ` (wrong: ${wrong.join(', ')})` : ''}`);
    console.log(lines.join('\n'));
  }
}
const pct = (a, b) => (b ? `${((100 * a) / b).toFixed(0)}%` : '-');
console.log(`\ntotal: indicators ${total.indicators.exact}/${total.indicators.golden} exact (${pct(total.indicators.exact, total.indicators.golden)}), tasks ${total.tasks.exact}/${total.tasks.golden} exact (${pct(total.tasks.exact, total.tasks.golden)}), ${pdf ? 'metadata not compared (laid out as PDFs)' : `metadata fields ${total.meta.ok}/${total.meta.all}`}`);
