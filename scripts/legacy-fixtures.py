#!/usr/bin/env python3
"""Make fixtures/legacy/ from two seeds with glibc's iconv (TCVN5712-1), not with
plan-extract's own table, so the test reads bytes the project did not write.

TCVN3 (.VnTime fonts) has no upper-case toned letters: a heading set in the upper-case
font (.VnTimeH) holds the lower-case codes. So those letters are written lower case
first, as such a file would hold them. Characters TCVN3 lacks become ASCII (≥ → >=,
“ ” → ", – → -, … → ...), as a typist of such a file would write them.

  python3 scripts/legacy-fixtures.py    (run from the repository root)
"""
import subprocess
import unicodedata

ASCII = {'≥': '>=', '≤': '<=', '“': '"', '”': '"', '–': '-', '—': '-', '…': '...'}
UPPER_TONED = set('ÀẢÃÁẠẶẬÈẺẼÉẸỆÌỈĨÍỊÒỎÕÓỌỘỜỞỠỚỢÙỦŨÚỤỪỬỮỨỰỲỶỸÝỴẰẲẴẮẦẨẪẤỀỂỄẾỒỔỖỐ')


def vn3(text):
    text = unicodedata.normalize('NFC', text)
    text = ''.join(ASCII.get(c, c.lower() if c in UPPER_TONED else c) for c in text)
    return subprocess.run(['iconv', '-f', 'UTF-8', '-t', 'TCVN5712-1'], input=text.encode(), capture_output=True, check=True).stdout


for seed, name, mode in [('001_c25c8dd93d6926f9', '001_tcvn3_bytes.txt', 'bytes'), ('003_6546f7b9f46ac644', '003_tcvn3_mojibake.txt', 'mojibake')]:
    data = vn3(open(f'seeds/{seed}.txt', encoding='utf-8').read())
    # mojibake: the bytes read as Latin-1 and saved as UTF-8 (what copying out of a .VnTime document gives)
    out = data if mode == 'bytes' else data.decode('latin-1').encode('utf-8')
    open(f'fixtures/legacy/{name}', 'wb').write(out)
    print(name, len(out), 'bytes')
