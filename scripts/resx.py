#!/usr/bin/env python3
"""Add or update UI strings in a Vietnamese/English resx pair, keeping both files in step.

usage: scripts/resx.py Resources/SharedResource "Key" "Vietnamese text" "English text"
       scripts/resx.py Resources/SharedResource --check     (every key in both files)
"""
import sys, xml.etree.ElementTree as ET
from pathlib import Path

HEADER = '''<?xml version="1.0" encoding="utf-8"?>
<root>
  <resheader name="resmimetype"><value>text/microsoft-resx</value></resheader>
  <resheader name="version"><value>2.0</value></resheader>
  <resheader name="reader"><value>System.Resources.ResXResourceReader, System.Windows.Forms, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089</value></resheader>
  <resheader name="writer"><value>System.Resources.ResXResourceWriter, System.Windows.Forms, Version=4.0.0.0, Culture=neutral, PublicKeyToken=b77a5c561934e089</value></resheader>
'''

def load(path):
    if not path.exists():
        return {}
    return {d.get('name'): (d.findtext('value') or '') for d in ET.parse(path).getroot().findall('data')}

def save(path, data):
    from xml.sax.saxutils import escape
    out = [HEADER]
    for k in sorted(data):
        out.append(f'  <data name="{escape(k, {chr(34): "&quot;"})}" xml:space="preserve"><value>{escape(data[k])}</value></data>\n')
    out.append('</root>\n')
    path.write_text(''.join(out), encoding='utf-8')

def main(args):
    if not args or args[0] in ('-h', '--help'):
        print(__doc__.strip())
        return 0 if args else 2
    # A flag is never a file name: "resx.py --check" once wrote --check.resx at the repository root.
    # (Texts may start with "-", so only "--word" and "-x" count as flags.)
    flags = [a for a in args if a != '--check' and (a.startswith('--') or (len(a) == 2 and a[0] == '-'))]
    if args[0].startswith('-') or flags or ('--check' in args and args[1:] != ['--check']):
        print(f'resx.py: unknown or misplaced option {(flags or [args[0]])[0]!r}\n\n{__doc__.strip()}', file=sys.stderr)
        return 2
    if len(args) == 1 or (args[1:] != ['--check'] and (len(args) - 1) % 3):
        print(f'resx.py: give the base path, then "Key" "vi" "en" triples (or --check)\n\n{__doc__.strip()}', file=sys.stderr)
        return 2
    base = Path(args[0])
    vi_path, en_path = base.with_suffix('.resx'), Path(str(base) + '.en.resx')
    vi, en = load(vi_path), load(en_path)
    if args[1:] == ['--check']:
        missing = sorted(set(vi) ^ set(en))
        print('\n'.join(missing) or 'ok')
        return 1 if missing else 0
    rest = args[1:]
    while rest:
        k, v, e, rest = rest[0], rest[1], rest[2], rest[3:]
        vi[k], en[k] = v, e
    save(vi_path, vi)
    save(en_path, en)
    return 0

if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
