import type { LineNormalizer } from './types.js';

// NBSP and the other odd spaces become plain spaces; zero-width characters,
// soft hyphens and stray BOMs go; control characters become spaces. Tabs stay:
// they separate table cells and are read as spaces everywhere else.
const ODD = /[\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000\u000b\u000c\u0000-\u0008\u000e-\u001f\u007f]|[\u200b-\u200d\u2060\ufeff\u00ad]/g;

export const oddSpaces: LineNormalizer = {
  name: 'odd-spaces',
  applies: (text) => /[\u00a0\u1680\u2000-\u200d\u202f\u205f\u2060\u3000\ufeff\u00ad\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(text),
  apply: (m) => m.replace(ODD, (x) => (/[\u200b-\u200d\u2060\ufeff\u00ad]/.test(x[0]) ? '' : ' ')),
};
