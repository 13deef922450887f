import type { LineNormalizer } from './types.js';

/**
 * A plan forwarded in a chat (Zalo, Messenger) or typed in one: emoji for its
 * marks, and the message's time after its last line.
 *
 * - A keycap number opens an item: "2️⃣ Mục tiêu cụ thể:" → "2. Mục tiêu cụ thể:".
 * - An emoji before a heading goes: "📌 II. MỤC TIÊU" → "II. MỤC TIÊU". An emoji
 *   that opens any other line is a bullet (`EMOJI_BULLET`, read by the bullet
 *   detector); one inside a line is decoration and goes ("… hiệu lực. 👉 Chủ trì:").
 * - A time that ends a line after its text is the message's: "… đạt 100%. 08:42",
 *   "Võ Thành Nhân 09:12". Not one a sentence gives ("họp lúc 14:00").
 */

/** An emoji, as chats draw their marks: pictographs, symbols, arrows, squares (with its variation selector). */
export const EMOJI = String.raw`(?:[\u{1F300}-\u{1FAFF}\u{2600}-\u{27BF}\u{2B05}-\u{2B07}\u{2B50}\u{2B55}\u{25AA}\u{25AB}\u{25B6}\u{25C0}\u{25FB}-\u{25FE}]\u{FE0F}?)`;
/** An emoji bullet at a line's start, and the emoji (without its variation selector). */
export const EMOJI_BULLET = new RegExp(String.raw`^(${EMOJI})\s+`, 'u');

const KEYCAP = /^(\s*)(\d)\ufe0f?\u20e3\s*/gu;
const BEFORE_HEADING = new RegExp(String.raw`^\s*(?:${EMOJI}\s*)+(?=(?:[IVXLC]{1,6}|\d{1,2})[.)]\s|PHỤ LỤC|Phụ lục)`, 'gu');
const INSIDE = new RegExp(String.raw`(?<=\S)\s*(?:${EMOJI})+(?=\s|$)`, 'gu');
const ANY = new RegExp(String.raw`${EMOJI}|\u20e3|\d:\d\d\s*$`, 'u');
// (A time a sentence states follows a word that asks for one, a label's colon or a dash.)
const TIME_AT_END = /(?<![:–-])(?<!(?:^|\s)(?:lúc|giờ|từ|đến|vào|khoảng|trước|sau))\s+(?:[01]?\d|2[0-3]):[0-5]\d$/giu;
const ENDS_WITH_TIME = new RegExp(TIME_AT_END.source, 'iu');

export const chatMarks: LineNormalizer = {
  name: 'chat-marks',
  applies: (text) => ANY.test(text),
  apply: (m) => {
    m = m.replace(KEYCAP, (x) => `${x[1]}${x[2]}. `);
    m = m.replace(BEFORE_HEADING, () => '');
    m = m.replace(INSIDE, () => '');
    if (/\p{L}/u.test(m.text)) m = m.replace(TIME_AT_END, () => '');
    return m;
  },
};

/** Did the chat normalizer take a message's time off the end of this line? (`raw`: the line as written, `text`: as normalized.) */
export function endsMessage(raw: string, text: string): boolean {
  if (text.length === 0 || !/\d:\d\d\s*$/.test(raw)) return false;
  return ENDS_WITH_TIME.test(raw.trimEnd()) && !/\d:\d\d$/.test(text);
}
