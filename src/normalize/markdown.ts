import type { LineNormalizer } from './types.js';

// Markdown left by PDF converters: "**ĐẢNG ỦY XÃ**", "(*Kế hoạch số …*)",
// "## II. NHIỆM VỤ", "1\. Mục đích", "[text](url)", "<br>" inside table cells.
// A line-leading "* " is a bullet and stays; so do an escaped "\*" and "(*)" footnote marks
// (kept through the emphasis rules as U+0000).
const RULES: [RegExp, (m: RegExpExecArray) => string][] = [
  [/^(\s{0,3})#{1,6}[ \t]+/g, (m) => m[1] ?? ''],
  // "> quoted text"; not "> 95%" or ">01", which are comparisons.
  [/^(\s{0,3})>[ \t]+(?=\p{L})/gu, (m) => m[1] ?? ''],
  [/^(\s*)\*[ \t]+(?=\S)/g, (m) => `${m[1] ?? ''}\u0000 `],
  [/!?\[([^\]\n]{0,300})\]\([^)\s]{0,500}\)/g, (m) => m[1] ?? ''],
  [/<br\s*\/?>/gi, () => ' '],
  [/<\/?(?:b|i|u|em|strong|sup|sub|span|p|div|font|mark|s|del|ins|small)(?:\s[^>]{0,200})?>/gi, () => ''],
  [/\\\*/g, () => '\u0000'],
  [/\*\*|__/g, () => ''],
  [/\((\*+)\)/g, (m) => `(${'\u0000'.repeat(m[1]!.length)})`],
  [/\*/g, () => ''],
  [/\u0000/g, () => '*'],
  [/\\$/g, () => ''], // pandoc's hard line break: "Ban Thường vụ Tỉnh ủy (b/c),\"
  [/\\([\\`*_{}[\]()#+\-.!|>~])/g, (m) => m[1] ?? ''],
  [/`/g, () => ''],
];

export const markdown: LineNormalizer = {
  name: 'markdown',
  applies: (text) => /[*_#>`\\[<]/.test(text),
  apply(m) {
    let out = m;
    for (const [re, rep] of RULES) out = out.replace(re, rep);
    return out;
  },
};
