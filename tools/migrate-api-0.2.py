#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Rewrite calls of the libgkreport 0.1.0 API to the 0.2.0 API ("the API in one voice").

Usage: tools/migrate-api-0.2.py [--check] FILE_OR_DIR...

Rewrites C sources (*.c, *.h, *.cc, *.cpp) in place:

  gk_report_get_cell(r, t, row, col, &st, &v)  -> gk_report_cell(&st, &v, r, t, row, col)
  gk_report_get_row(r, t, row, st, v, n)       -> gk_report_row(st, v, n, r, t, row)
  gk_report_get_text(r, path, buf, cap)        -> gk_report_text(buf, cap, r, path, GK_NUL_TERMINATED)
  gk_report_locate(r, path, &t, &row, &col)    -> gk_report_path_find(&t, &row, &col, r, path,
                                                                      GK_NUL_TERMINATED)
  gk_report_get_literal / _get_unit / _get_line -> gk_report_literal / _unit / _line
  gk_diags_add(d, &i, sev, ...)                -> gk_diags_add(&i, d, sev, ...)

It is idempotent: a renamed call no longer matches, and a gk_diags_add call is
swapped only when its second argument is the index (NULL, 0, &x or a name
ending in _out/idx/index) and its first is not; a call it cannot tell is left
as it is and named on stderr (the compiler then rejects a gk_diags * where a
size_t * is expected). A 0.1.0 call with a NULL list and an index,
gk_diags_add(NULL, &i, ...), already reads as the new order and is left alone:
the compiler rejects it (a size_t * where a gk_diags * is expected). Declarations and definitions of these names (a type
before the name) are left alone and named on stderr. --check rewrites nothing
and exits 1 when a file would change. A file that holds the words
"migrate-api-0.2: keep" (a fixture of 0.1.0 code) is skipped.
"""
import os
import re
import sys

SUFFIXES = ('.c', '.h', '.cc', '.cpp', '.cxx', '.hh', '.hpp')
NUL = 'GK_NUL_TERMINATED'

# old name -> (new name, permutation of the old arguments, appended arguments)
RULES = {
    'gk_report_get_cell': ('gk_report_cell', [4, 5, 0, 1, 2, 3], []),
    'gk_report_get_row': ('gk_report_row', [3, 4, 5, 0, 1, 2], []),
    'gk_report_get_text': ('gk_report_text', [2, 3, 0, 1], [NUL]),
    'gk_report_locate': ('gk_report_path_find', [2, 3, 4, 0, 1], [NUL]),
    'gk_report_get_literal': ('gk_report_literal', None, []),
    'gk_report_get_unit': ('gk_report_unit', None, []),
    'gk_report_get_line': ('gk_report_line', None, []),
    'gk_diags_add': ('gk_diags_add', 'diags_add', []),
}
CALL = re.compile(r'\b(' + '|'.join(RULES) + r')(\s*)\(')
DECL_BEFORE = re.compile(r'(\b(?!return\b|sizeof\b|else\b|case\b)[A-Za-z_]\w*|\*)\s*$')
INDEX_ARG = re.compile(r'^(NULL|0|&.*|.*(_out|idx|index))$', re.S)


def split_args(text, start):
    """Arguments of the call whose '(' is at text[start-1]: (pieces, seps, end).

    pieces are the arguments with their surrounding white space, seps the
    commas between them, end the index just past the closing ')'; None when the
    parentheses do not close (a macro, a broken file)."""
    depth, i, pieces, cur = 0, start, [], start
    while i < len(text):
        ch = text[i]
        if ch in '"\'':
            j = i + 1
            while j < len(text) and text[j] != ch:
                j += 2 if text[j] == '\\' else 1
            i = j + 1
            continue
        if text.startswith('/*', i):
            j = text.find('*/', i + 2)
            i = len(text) if j < 0 else j + 2
            continue
        if text.startswith('//', i):
            j = text.find('\n', i)
            i = len(text) if j < 0 else j
            continue
        if ch in '([{':
            depth += 1
        elif ch in ')]}':
            if depth == 0:
                pieces.append(text[cur:i])
                return pieces, i + 1
            depth -= 1
        elif ch == ',' and depth == 0:
            pieces.append(text[cur:i])
            cur = i + 1
        i += 1
    return None


def reorder(pieces, perm, extra):
    """Put the stripped arguments in the new order into the old slots, keeping
    the white space (line breaks, indentation) of each slot; appended arguments
    follow the last one after ", "."""
    new = [pieces[k].strip() for k in perm] + list(extra)
    last = pieces[-1]
    final_trail = last[len(last.rstrip()):]
    out = []
    for n, arg in enumerate(new):
        if n < len(pieces):
            slot = pieces[n]
            lead = slot[:len(slot) - len(slot.lstrip())]
            trail = slot[len(slot.rstrip()):] if n < len(pieces) - 1 else ''
        else:
            lead, trail = ' ', ''
        out.append(lead + arg + trail)
    return ','.join(out) + final_trail


def line_of(text, pos):
    return text.count('\n', 0, pos) + 1


def rewrite(text, path):
    out, pos, notes = [], 0, []
    for m in CALL.finditer(text):
        if m.start() < pos:
            continue
        name = m.group(1)
        new, perm, extra = RULES[name]
        before = text[max(0, m.start() - 200):m.start()]
        stmt = re.split(r'[;{}]', before)[-1]
        if DECL_BEFORE.search(stmt) and not re.search(r'[=(,]\s*$', stmt):
            if name != 'gk_diags_add':
                notes.append('%s:%d: declaration of %s left alone'
                             % (path, line_of(text, m.start()), name))
            continue
        parsed = split_args(text, m.end())
        if parsed is None:
            continue
        pieces, end = parsed
        if perm == 'diags_add':
            a = [p.strip() for p in pieces]
            if len(a) != 9 or INDEX_ARG.match(a[0]) or not INDEX_ARG.match(a[1]):
                if len(a) == 9 and not INDEX_ARG.match(a[0]):
                    notes.append('%s:%d: gk_diags_add(%s, %s, ...) left alone: cannot tell'
                                 % (path, line_of(text, m.start()), a[0], a[1]))
                continue
            perm = [1, 0] + list(range(2, 9))
        elif perm is not None and len(pieces) != len(perm):
            notes.append('%s:%d: %s with %d arguments left alone'
                         % (path, line_of(text, m.start()), name, len(pieces)))
            continue
        body = ','.join(pieces) if perm is None else reorder(pieces, perm, extra)
        out.append(text[pos:m.start()] + new + m.group(2) + '(' + body + ')')
        pos = end
    out.append(text[pos:])
    return ''.join(out), notes


def files(paths):
    for p in paths:
        if os.path.isdir(p):
            for root, dirs, names in os.walk(p):
                dirs[:] = [d for d in dirs if not d.startswith(('.', 'build'))]
                for n in sorted(names):
                    if n.endswith(SUFFIXES):
                        yield os.path.join(root, n)
        else:
            yield p


def main(argv):
    check = '--check' in argv
    paths = [a for a in argv if a != '--check']
    if not paths:
        sys.stderr.write(__doc__)
        return 2
    changed = 0
    for f in files(paths):
        with open(f, encoding='utf-8', errors='surrogateescape') as fh:
            text = fh.read()
        if 'migrate-api-0.2: keep' in text:
            continue
        new, notes = rewrite(text, f)
        for n in notes:
            sys.stderr.write(n + '\n')
        if new != text:
            changed += 1
            if check:
                print('would rewrite', f)
            else:
                with open(f, 'w', encoding='utf-8', errors='surrogateescape') as fh:
                    fh.write(new)
                print('rewrote', f)
    return 1 if check and changed else 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
