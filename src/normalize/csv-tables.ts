import { Mapped } from '../text/mapped.js';
import { pipeRow } from './html-tables.js';
import { joinPieces } from './line-joins.js';
import { ROW_MARKER } from './labels.js';

/**
 * A table exported from a spreadsheet as CSV and pasted into the plan:
 *
 *   STT,Chỉ tiêu,Đơn vị tính,Chỉ tiêu năm 2026,Chỉ tiêu năm 2030,Cơ quan chủ trì
 *   I,CHÍNH QUYỀN SỐ,,,,
 *   3,"Tỷ lệ văn bản đi được ký số, gửi nhận trên môi trường mạng
 *   (trừ văn bản mật)",%,≥ 98%,100%,Văn phòng HĐND và UBND xã
 *
 * From a header line that opens with the number column's label (STT, TT) and
 * has four fields at least, every record (a quoted field may hold commas,
 * doubled quotes and line breaks) becomes one pipe row at its first line, each
 * cell mapped to where it stands; the table ends at a line that is no record of
 * as many fields. Excel in a Vietnamese locale separates the fields with ";"
 * (its decimal mark is ","): the header's first separator says which. The
 * sheet's title rows, padded with separators to the table's width ("PHỤ LỤC
 * I;;;;;"), lose the padding.
 */

const HEADER = /^\s*"?(?:stt|tt|số tt|số thứ tự)"?\s*([,;])/i;

interface Field {
  pieces: Mapped[];
}

/** The CSV record that starts at line i: its fields (each its pieces, one per line) and the line after it; null if it is none. */
function readRecord(raws: readonly { s: number; raw: string }[], i: number, sep: string): { fields: Field[]; next: number } | null {
  const fields: Field[] = [{ pieces: [] }];
  let line = i;
  let k = 0;
  let quoted = false;
  let pieceFrom = 0;
  const cut = (to: number) => {
    const { s, raw } = raws[line]!;
    const m = Mapped.identity(raw, s).slice(pieceFrom, to);
    if (m.length > 0) fields[fields.length - 1]!.pieces.push(quoteless(m));
  };
  for (;;) {
    const text = raws[line]!.raw;
    if (k >= text.length) {
      cut(text.length);
      if (!quoted) return { fields, next: line + 1 };
      // A quoted field goes on on the next line (three lines at most; a blank line between, as a
      // converter's paragraph spacing gives, says nothing).
      if (line + 1 < raws.length && raws[line + 1]!.raw.trim() === '') line++;
      if (line + 1 >= raws.length || line - i >= 6) return null;
      line++;
      k = 0;
      pieceFrom = 0;
      continue;
    }
    const c = text[k]!;
    if (quoted) {
      if (c === '"' && text[k + 1] === '"') k += 2;
      else {
        if (c === '"') quoted = false;
        k++;
      }
    } else if (c === '"' && text.slice(pieceFrom, k).trim() === '') {
      quoted = true;
      k++;
    } else if (c === sep) {
      cut(k);
      fields.push({ pieces: [] });
      k++;
      pieceFrom = k;
    } else k++;
  }
}

const filled = (f: Field) => f.pieces.some((p) => p.text.trim() !== '');

/**
 * Does this record, of the table's width, go on with the table? Not the header of another
 * table, nor a line of text padded to the width ("PHỤ LỤC II;;;;;", a note "Ghi chú: …;;;;;"):
 * a first field alone that is no row number. An empty row goes on when a row follows it.
 */
function inTable(rec: { fields: Field[]; next: number }, raws: readonly { s: number; raw: string }[], sep: string, n: number): boolean {
  const count = rec.fields.filter(filled).length;
  const first = joinPieces(rec.fields[0]!.pieces).text;
  if (HEADER.test(`${first}${sep}`)) return false;
  if (count === 1 && filled(rec.fields[0]!)) return ROW_MARKER.test(first);
  if (count > 0) return true;
  const after = rec.next < raws.length ? readRecord(raws, rec.next, sep) : null;
  return !!after && after.fields.length === n && after.fields.filter(filled).length >= 2 && !HEADER.test(`${joinPieces(after.fields[0]!.pieces).text}${sep}`);
}

/** A piece of a field without its quotes, a doubled quote read as one. */
function quoteless(m: Mapped): Mapped {
  return m.replace(/^\s*"|"\s*$|""/g, (x) => (x[0] === '""' ? '"' : '')).trim();
}

/** The CSV tables among `raws`: raw line index → the pipe rows to put there (none: the line is inside a record). */
export function csvTables(raws: readonly { s: number; raw: string }[]): Map<number, Mapped[]> {
  const at = new Map<number, Mapped[]>();
  const seps = new Set<string>();
  for (let i = 0; i < raws.length; i++) {
    const sep = HEADER.exec(raws[i]!.raw)?.[1];
    if (!sep) continue;
    const header = readRecord(raws, i, sep);
    if (!header || header.fields.length < 4) continue;
    seps.add(sep);
    const n = header.fields.length;
    let j = i;
    for (let rec: ReturnType<typeof readRecord> = header; rec && rec.fields.length === n; rec = j < raws.length ? readRecord(raws, j, sep) : null) {
      if (rec !== header && !inTable(rec, raws, sep, n)) break;
      const cells = rec.fields.map((f) => ({ m: joinPieces(f.pieces), carried: false }));
      at.set(j, [pipeRow(cells, raws[j]!.s)]);
      for (let k = j + 1; k < rec.next; k++) at.set(k, []);
      j = rec.next;
      // Blank lines between records (left as they are).
      while (j + 1 < raws.length && raws[j]!.raw.trim() === '' && raws[j + 1]!.raw.trim() !== '') j++;
    }
    i = j - 1;
  }
  for (const sep of seps) {
    const padded = new RegExp(`^(\\s*"?)([^"${sep}]*?)("?\\s*)(?:${sep}\\s*){2,}$`);
    raws.forEach(({ s, raw }, i) => {
      const m = at.has(i) ? null : padded.exec(raw);
      if (m) at.set(i, [Mapped.identity(raw, s).slice(m[1]!.length, m[1]!.length + m[2]!.length)]);
    });
  }
  return at;
}
