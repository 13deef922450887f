import type { LineNormalizer } from './types.js';

// PDF-to-Markdown converters write comparisons as LaTeX math:
// "$\geq 80\%$" → "≥ 80%", "$15-17\%$" → "15-17%", "$\text{Top } 20$" → "Top 20".
const COMMANDS: Record<string, string> = {
  geq: '≥', ge: '≥', geqslant: '≥', leq: '≤', le: '≤', leqslant: '≤',
  gt: '>', lt: '<', neq: '≠', ne: '≠', approx: '≈', sim: '~', times: '×',
  pm: '±', cdot: '·', div: '÷', rightarrow: '→', to: '→', leftarrow: '←',
  infty: '∞', circ: '°', degree: '°', ldots: '…', dots: '…', cdots: '…',
  quad: ' ', qquad: ' ', left: '', right: '', displaystyle: '',
};
const WRAPPERS = /\\(?:text|mathrm|textbf|textit|mathbf|mbox|operatorname|textrm|mathit)\s*\{([^{}]*)\}/g;

export function latexToText(src: string): string {
  let s = src.replace(WRAPPERS, '$1');
  s = s.replace(/\\([%$&#_{}])/g, '$1');
  s = s.replace(/\\([,;:! ])/g, ' ');
  s = s.replace(/\\([a-zA-Z]+)\s?/g, (whole, name: string) => {
    const rep = COMMANDS[name];
    if (rep === undefined) return name;
    // Keep one space after an operator so "\geq 80" reads "≥ 80".
    return /\s$/.test(whole) && rep.length > 0 ? rep + ' ' : rep;
  });
  s = s.replace(/[{}]/g, '').replace(/\^|~/g, (c) => (c === '~' ? ' ' : ''));
  return s.replace(/\s+/g, ' ').trim();
}

// $…$ (not $$), $$…$$ and \( … \); a lone "$" is left alone.
const MATH = /\$\$([^$]{1,400})\$\$|\$([^$\n]{1,200})\$|\\\((.{1,200}?)\\\)/g;

export const latexMath: LineNormalizer = {
  name: 'latex-math',
  applies: (text) => text.includes('$') || text.includes('\\(') || text.includes('\\%'),
  apply(m) {
    let out = m.replace(MATH, (x) => {
      const body = x[1] ?? x[2] ?? x[3] ?? '';
      // "$5 và $10" is money, not math: math has a command, a sub- or superscript, or braces.
      if (!/[\\^_{}]/.test(body)) return x[0];
      return latexToText(body);
    });
    out = out.replace(/\\%/g, () => '%');
    return out;
  },
};
