import type { LineNormalizer } from './types.js';

// "ÐẢNG ỦY" typed with U+00D0 (Icelandic eth) instead of U+0110 (Đ).
export const dStroke: LineNormalizer = {
  name: 'd-stroke',
  applies: (text) => /[\u00d0\u00f0]/.test(text),
  apply: (m) => m.replace(/[\u00d0\u00f0]/g, (x) => (x[0] === '\u00d0' ? '\u0110' : '\u0111')),
};
