import type { Line } from './lines.js';

// Digital-signature stamps that PDF text extraction leaves behind:
//   "\t2025-08-07T21:50:31+0700", "\tSigner's office", "\tSigning document",
//   "Ký bởi: Ủy ban nhân dân xã …", "Thời gian ký: 07.08.2025 09:00:00 +07:00".
const STRONG = [
  /^\d{4}-\d{2}-\d{2}t\d{2}:\d{2}(?::\d{2})?(?:\.\d+)?(?:z|[+-]\d{2}:?\d{2})?$/,
  /^signer'?s? office$/,
  /^signing (?:document|time|date)$/,
  /^(?:digitally )?signed by\b/,
  /^(?:ky boi|nguoi ky|thoi gian ky|ngay ky|co quan ky)\s*:/,
  /^email\s*:\s*\S+@\S+$/,
  /^signature (?:valid|not verified)/,
];

// The first characters those stamps open with: other lines are not tried against them.
const STRONG_FIRST = /^[\dsdkntce]/;

function isStrong(line: Line): boolean {
  return STRONG_FIRST.test(line.key) && STRONG.some((re) => re.test(line.key));
}

// Right next to a stamp: the signer's name in capitals ("PHẠM QUỐC VƯƠNG"), the office.
// Only a name that opens with a Vietnamese family name: a heading in capitals ("PHỤ LỤC I",
// "CHỦ TỊCH UBND XÃ") belongs to the document, not to the stamp.
const FAMILY_NAMES = new Set([
  'nguyen', 'tran', 'le', 'pham', 'hoang', 'huynh', 'phan', 'vu', 'vo', 'dang', 'bui', 'do', 'ho', 'ngo', 'duong',
  'ly', 'dinh', 'mai', 'trinh', 'truong', 'ha', 'lam', 'luong', 'luu', 'cao', 'ta', 'chu', 'kieu', 'quach', 'thai',
  'tong', 'van', 'vuong', 'la', 'lai', 'tang', 'trieu', 'doan', 'to', 'khuat', 'nong', 'hua', 'giang', 'thach',
]);
function isWeak(line: Line): boolean {
  if (/^co quan\s*:/.test(line.key)) return true;
  const words = line.key.split(/\s+/);
  return words.length >= 2 && words.length <= 5 && /^[\p{Lu}\s]+$/u.test(line.text) && FAMILY_NAMES.has(words[0]!);
}

/** Marks digital-signature stamp lines (and the name lines inside them) as 'trailer'. */
export function markSignatureTrailers(lines: Line[]): number {
  const content = lines.filter((l) => l.role === 'content');
  for (let i = 0; i < content.length; i++) {
    const line = content[i]!;
    if (!isStrong(line)) continue;
    line.role = 'trailer';
    // Spread to the weak lines that touch it on either side.
    for (const dir of [-1, 1]) {
      for (let j = i + dir; j >= 0 && j < content.length; j += dir) {
        const n = content[j]!;
        if (n.role === 'trailer') continue;
        if (!isStrong(n) && !isWeak(n)) break;
        n.role = 'trailer';
      }
    }
  }
  return lines.filter((l) => l.role === 'trailer').length;
}
