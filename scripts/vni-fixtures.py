#!/usr/bin/env python3
"""Make the VNI fixtures in fixtures/legacy/ from two seeds, with a VNI table written
out here by hand from public references, not with plan-extract's own table, so the
test reads bytes the project did not write.

VNI (VNI for Windows, the "VNI-Times" fonts) is an 8-bit encoding that stores most
Vietnamese letters as a base ASCII letter followed by a separate byte for the marks;
a few letters are a single byte. Seen through Windows-1252 "Kế hoạch" reads
"Keá hoaïch" and "CỘNG HÒA" reads "COÄNG HOØA".

Where the table comes from (both agree on every one of the 134 letters):
  - Unikey's VnConv library (Pham Kim Long), table "VNI-WIN" (DoubleByteTables[0],
    one 16-bit word per letter: low byte = base letter, high byte = mark), read
    together with UnicodeTable in the same file for the letter order:
      fcitx/fcitx5-unikey  unikey/data.cpp
    the same table split out in
      hoangduytran/ibus-unikey  ukengine/tables/doublebytes/vni_win.cpp
  - duydev/vietnamese-conversion  src/charsets.ts  (arrays UNICODE and VNI)
Checked as well against VNI text found in public pages and code:
"COÄNG HOØA XAÕ HOÄI CHUÛ NGHÓA VIEÄT NAM", "Ñoäc laäp - Töï do - Haïnh phuùc",
"Xin chaøo caùc baïn", "Ñaøo ñaát coâng trình" (see SELF_TEST below).

The mark bytes (lower case / upper case letter):
  acute F9/D9 (ù/Ù)  grave F8/D8 (ø/Ø)  hook FB/DB (û/Û)  tilde F5/D5 (õ/Õ)  dot EF/CF (ï/Ï)
  circumflex E2/C2 (â/Â), with acute E1/C1 grave E0/C0 hook E5/C5 tilde E3/C3 dot E4/C4
  breve EA/CA (ê/Ê), with acute E9/C9 grave E8/C8 hook FA/DA tilde FC/DC dot EB/CB
An upper-case letter takes the upper-case mark byte (lower-case byte - 0x20).
Single-byte letters: í ì ỉ ĩ ị = ED EC E6 F3 F2, Í Ì Ỉ Ĩ Ị = CD CC C6 D3 D2,
ơ ư = F4 F6, Ơ Ư = D4 D6 (these take the tone marks after them), ỵ Ỵ = EE CE,
đ Đ = F1 D1.

Text is NFC-normalized first. Characters VNI cannot hold become ASCII as a typist would
write them: ≥ → ">=", ≤ → "<=", “ ” „ → '"', ‘ ’ → "'", – — − → "-", … → "...", and
the rest of the Windows-1252 extras (0x80-0x9F: € ‚ ƒ † ‡ ˆ ‰ Š ‹ Œ Ž • ˜ ™ š › œ ž Ÿ)
likewise (see ASCII below). Unikey itself would keep “ ” – — … as the cp1252 bytes
93 94 96 97 85; they are written as ASCII here on purpose, so no output byte lies in
0x80-0x9F. Latin-1 letters 0xC0-0xFF that are not Vietnamese (ü ç ñ ö ä ß æ ø × ÷ ...)
would be read as VNI marks or letters (ü = FC is the breve-tilde mark, ñ = F1 is đ,
ö = F6 is ư), so they become ASCII too (NFKD without the accents, or the ASCII table).
Latin-1 symbols 0xA1-0xBF (° ± § « » ½ ...) stay as they are: VNI uses none of those
bytes and cp1252 and Latin-1 agree on them. NBSP becomes a space, the soft hyphen is
dropped. Anything else becomes "?" (counted and printed; the two seeds have none).

It writes, into fixtures/legacy/:
  002_vni_bytes.txt     seeds/002_1bbb573728a091bc.txt as raw VNI bytes (the .txt saved
                        from a VNI-Times document), line ends as in the seed;
  004_vni_mojibake.txt  seeds/004_655a6051acb334a3.txt as VNI bytes, those bytes read
                        as Windows-1252 and saved as UTF-8 (what copying out of a
                        VNI-Times Word document or PDF gives: "Keá hoaïch").
For the mojibake the bytes are decoded as cp1252; a byte cp1252 leaves undefined
(81 8D 8F 90 9D) would be taken as Latin-1. The table uses no byte in 0x80-0x9F and
the ASCII step removes the cp1252 extras, so neither case occurs (the script checks).

  python3 scripts/vni-fixtures.py    (run from the repository root)

Python 3 standard library only.
"""
import pathlib
import sys
import unicodedata

# Vietnamese letter -> VNI bytes. 132 vowel forms + đ Đ = 134 entries.
VNI = {
    # a  ă  â
    'á': b'a\xf9', 'à': b'a\xf8', 'ả': b'a\xfb', 'ã': b'a\xf5', 'ạ': b'a\xef',
    'ă': b'a\xea', 'ắ': b'a\xe9', 'ằ': b'a\xe8', 'ẳ': b'a\xfa', 'ẵ': b'a\xfc', 'ặ': b'a\xeb',
    'â': b'a\xe2', 'ấ': b'a\xe1', 'ầ': b'a\xe0', 'ẩ': b'a\xe5', 'ẫ': b'a\xe3', 'ậ': b'a\xe4',
    'Á': b'A\xd9', 'À': b'A\xd8', 'Ả': b'A\xdb', 'Ã': b'A\xd5', 'Ạ': b'A\xcf',
    'Ă': b'A\xca', 'Ắ': b'A\xc9', 'Ằ': b'A\xc8', 'Ẳ': b'A\xda', 'Ẵ': b'A\xdc', 'Ặ': b'A\xcb',
    'Â': b'A\xc2', 'Ấ': b'A\xc1', 'Ầ': b'A\xc0', 'Ẩ': b'A\xc5', 'Ẫ': b'A\xc3', 'Ậ': b'A\xc4',
    # e  ê
    'é': b'e\xf9', 'è': b'e\xf8', 'ẻ': b'e\xfb', 'ẽ': b'e\xf5', 'ẹ': b'e\xef',
    'ê': b'e\xe2', 'ế': b'e\xe1', 'ề': b'e\xe0', 'ể': b'e\xe5', 'ễ': b'e\xe3', 'ệ': b'e\xe4',
    'É': b'E\xd9', 'È': b'E\xd8', 'Ẻ': b'E\xdb', 'Ẽ': b'E\xd5', 'Ẹ': b'E\xcf',
    'Ê': b'E\xc2', 'Ế': b'E\xc1', 'Ề': b'E\xc0', 'Ể': b'E\xc5', 'Ễ': b'E\xc3', 'Ệ': b'E\xc4',
    # i (single bytes)
    'í': b'\xed', 'ì': b'\xec', 'ỉ': b'\xe6', 'ĩ': b'\xf3', 'ị': b'\xf2',
    'Í': b'\xcd', 'Ì': b'\xcc', 'Ỉ': b'\xc6', 'Ĩ': b'\xd3', 'Ị': b'\xd2',
    # o  ô  ơ
    'ó': b'o\xf9', 'ò': b'o\xf8', 'ỏ': b'o\xfb', 'õ': b'o\xf5', 'ọ': b'o\xef',
    'ô': b'o\xe2', 'ố': b'o\xe1', 'ồ': b'o\xe0', 'ổ': b'o\xe5', 'ỗ': b'o\xe3', 'ộ': b'o\xe4',
    'ơ': b'\xf4', 'ớ': b'\xf4\xf9', 'ờ': b'\xf4\xf8', 'ở': b'\xf4\xfb', 'ỡ': b'\xf4\xf5', 'ợ': b'\xf4\xef',
    'Ó': b'O\xd9', 'Ò': b'O\xd8', 'Ỏ': b'O\xdb', 'Õ': b'O\xd5', 'Ọ': b'O\xcf',
    'Ô': b'O\xc2', 'Ố': b'O\xc1', 'Ồ': b'O\xc0', 'Ổ': b'O\xc5', 'Ỗ': b'O\xc3', 'Ộ': b'O\xc4',
    'Ơ': b'\xd4', 'Ớ': b'\xd4\xd9', 'Ờ': b'\xd4\xd8', 'Ở': b'\xd4\xdb', 'Ỡ': b'\xd4\xd5', 'Ợ': b'\xd4\xcf',
    # u  ư
    'ú': b'u\xf9', 'ù': b'u\xf8', 'ủ': b'u\xfb', 'ũ': b'u\xf5', 'ụ': b'u\xef',
    'ư': b'\xf6', 'ứ': b'\xf6\xf9', 'ừ': b'\xf6\xf8', 'ử': b'\xf6\xfb', 'ữ': b'\xf6\xf5', 'ự': b'\xf6\xef',
    'Ú': b'U\xd9', 'Ù': b'U\xd8', 'Ủ': b'U\xdb', 'Ũ': b'U\xd5', 'Ụ': b'U\xcf',
    'Ư': b'\xd6', 'Ứ': b'\xd6\xd9', 'Ừ': b'\xd6\xd8', 'Ử': b'\xd6\xdb', 'Ữ': b'\xd6\xd5', 'Ự': b'\xd6\xcf',
    # y (ỵ is a single byte)
    'ý': b'y\xf9', 'ỳ': b'y\xf8', 'ỷ': b'y\xfb', 'ỹ': b'y\xf5', 'ỵ': b'\xee',
    'Ý': b'Y\xd9', 'Ỳ': b'Y\xd8', 'Ỷ': b'Y\xdb', 'Ỹ': b'Y\xd5', 'Ỵ': b'\xce',
    # đ
    'đ': b'\xf1', 'Đ': b'\xd1',
}

# What VNI cannot hold, as a typist of such a file would write it.
ASCII = {
    '≥': '>=', '≤': '<=', '≠': '!=', '“': '"', '”': '"', '„': '"', '‘': "'", '’': "'", '‚': ',',
    '–': '-', '—': '-', '−': '-', '…': '...', '•': '-', '€': 'EUR', '™': '(TM)', '‰': '%o',
    '‹': '<', '›': '>', 'ˆ': '^', '˜': '~', '†': '+', '‡': '+', 'ƒ': 'f', 'Œ': 'OE', 'œ': 'oe',
    '\u00a0': ' ', '\u00ad': '', '×': 'x', '÷': '/', 'ß': 'ss', 'æ': 'ae', 'Æ': 'AE',
    'ø': 'o', 'Ø': 'O', 'ð': 'd', 'Ð': 'D', 'þ': 'th', 'Þ': 'Th',
}

SELF_TEST = [  # Unicode -> VNI as Windows-1252 text, from public pages and code
    ('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'COÄNG HOØA XAÕ HOÄI CHUÛ NGHÓA VIEÄT NAM'),
    ('Cộng hòa xã hội chủ nghĩa Việt Nam', 'Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam'),
    ('Độc lập - Tự do - Hạnh phúc', 'Ñoäc laäp - Töï do - Haïnh phuùc'),
    ('Kế hoạch', 'Keá hoaïch'),
    ('Xin chào các bạn', 'Xin chaøo caùc baïn'),
    ('Đào đất công trình', 'Ñaøo ñaát coâng trình'),
    ('Đắp cát nền đường dày 10cm  độ chặt K95', 'Ñaép caùt neàn ñöôøng daøy 10cm  ñoä chaët K95'),
    ('BÊ TÔNG', 'BEÂ TOÂNG'),
]


def to_vni(text, unknown=None):
    """Unicode text -> VNI bytes (NFC first; see the module docstring for what is not Vietnamese)."""
    out = bytearray()
    for c in unicodedata.normalize('NFC', text):
        if c in VNI:
            out += VNI[c]
        elif ord(c) < 0x80:
            out += c.encode('ascii')
        elif c in ASCII:
            out += ASCII[c].encode('ascii')
        elif 0xA1 <= ord(c) <= 0xBF:
            out.append(ord(c))
        else:
            plain = ''.join(ch for ch in unicodedata.normalize('NFKD', c) if not unicodedata.combining(ch))
            if plain and plain.isascii():
                out += plain.encode('ascii')
            else:
                out += b'?'
                if unknown is not None:
                    unknown[c] = unknown.get(c, 0) + 1
    return bytes(out)


def cp1252_view(data):
    """VNI bytes as Windows-1252 text; a byte cp1252 leaves undefined is taken as Latin-1."""
    chars = []
    for b in data:
        try:
            chars.append(bytes([b]).decode('cp1252'))
        except UnicodeDecodeError:
            chars.append(chr(b))
    return ''.join(chars)


def main():
    root = pathlib.Path(__file__).resolve().parent.parent
    assert len(VNI) == 134 and len(set(VNI.values())) == 134, 'table must hold 134 distinct letters'
    assert all(unicodedata.normalize('NFC', k) == k for k in VNI)
    assert not any(0x80 <= b <= 0x9F for v in VNI.values() for b in v), 'table uses 0x80-0x9F'
    for uni, seen in SELF_TEST:
        got = cp1252_view(to_vni(uni))
        assert got == seen, (uni, got, seen)

    outdir = root / 'fixtures' / 'legacy'
    outdir.mkdir(parents=True, exist_ok=True)
    jobs = [('002_1bbb573728a091bc', '002_vni_bytes.txt', 'bytes'),
            ('004_655a6051acb334a3', '004_vni_mojibake.txt', 'mojibake')]
    for seed, name, mode in jobs:
        with open(root / 'seeds' / f'{seed}.txt', encoding='utf-8', newline='') as f:
            text = f.read()  # newline='' keeps the seed's line ends as they are
        unknown = {}
        data = to_vni(text, unknown)
        if unknown:
            print(f'{name}: written as "?": {unknown}', file=sys.stderr)
        c1 = sorted({b for b in data if 0x80 <= b <= 0x9F})
        assert not c1, f'{name}: bytes in 0x80-0x9F: {c1}'
        out = data if mode == 'bytes' else cp1252_view(data).encode('utf-8')
        (outdir / name).write_bytes(out)
        high = sorted({b for b in data if b >= 0x80})
        print(f'{name}: {len(out)} bytes written ({len(data)} VNI bytes, {len(high)} distinct high bytes)')


if __name__ == '__main__':
    main()
