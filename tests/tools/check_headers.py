#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""The public headers keep the conventions of include/gkreport/common.h (issue 12).

Usage: check_headers.py INCLUDE_DIR     check include/gkreport/*.h
       check_headers.py --self-test     show that every rule catches its breach

Rules (each breach is named FILE: function: what):
  enum      no anonymous enum: every enum has a typedef name;
  typed     a parameter that holds an enumerated value (edition, table, section,
            lang, severity, unit, level, field) has its enum type, not int
            (the few that also take other values are listed in INT_OK);
  out       out-parameters come first: no parameter named out or *_out follows
            one that is neither an out-parameter nor the capacity of one;
  getter    no getter named gk_*_get_*: getters are gk_<object>_<attribute>;
  forward   no forward declaration of a struct (include the header instead);
  threads   every header has a "Threads:" paragraph in its leading comment.
"""
import glob
import os
import re
import sys

ENUM_PARAMS = {'edition': 'gk_edition', 'table': 'gk_table', 'section': 'gk_section',
               'lang': 'gk_lang', 'severity': 'gk_severity', 'min_severity': 'gk_severity',
               'unit': 'gk_unit', 'level': 'gk_level', 'field': 'gk_agency_field'}
# (function, parameter) that take an int on purpose: any int is asked about,
# or a value outside the enum (-1 for "no table") is meaningful.
INT_OK = {('gk_schema_edition_valid', 'edition'), ('gk_report_set_completeness', 'table')}
CAPS = re.compile(r'^(cap|n|\w+_cap)$')


def strip_comments(text):
    return re.sub(r'/\*.*?\*/', ' ', text, flags=re.S)


def prototypes(code):
    """(name, [(type, param name)...]) of every GK_API declaration."""
    for m in re.finditer(r'GK_API\s+[^;(]*?\b(gk_\w+)\s*\(([^;]*?)\)\s*;', code, re.S):
        params = []
        for p in m.group(2).split(','):
            p = ' '.join(p.split())
            pm = re.match(r'(.*?)(\w+)$', p)
            if p and p != 'void' and pm:
                params.append((pm.group(1).strip(), pm.group(2)))
        yield m.group(1), params


def is_out(name):
    return name == 'out' or name.endswith('_out')


def check_text(fname, text):
    errors = []
    code = strip_comments(text)
    for m in re.finditer(r'\benum\s*\{', code):
        errors.append('%s: enum: an anonymous enum (line %d): give it a typedef name'
                      % (fname, code.count('\n', 0, m.start()) + 1))
    for m in re.finditer(r'^\s*struct\s+\w+\s*;', code, re.M):
        errors.append('%s: forward: %s' % (fname, m.group(0).strip()))
    head = text.split('\n#', 1)[0]  # the comments before the include guard
    if not re.search(r'^\s*(/\*|\*)?\s*Threads:', head, re.M):
        errors.append('%s: threads: no "Threads:" paragraph in the leading comment' % fname)
    for name, params in prototypes(code):
        if re.match(r'gk_\w+?_get_', name):
            errors.append('%s: %s: getter: named with "get"' % (fname, name))
        seen_in = None
        for i, (ptype, pname) in enumerate(params):
            if is_out(pname):
                if seen_in is not None:
                    errors.append('%s: %s: out: %s comes after the input %s'
                                  % (fname, name, pname, seen_in))
                    break
            elif not (i > 0 and CAPS.match(pname) and is_out(params[i - 1][1])):
                seen_in = seen_in or pname
            want = ENUM_PARAMS.get(pname)
            if want and ptype == 'int' and (name, pname) not in INT_OK:
                errors.append('%s: %s: typed: parameter %s is int, not %s'
                              % (fname, name, pname, want))
    return errors


def check_dir(inc):
    files = sorted(glob.glob(os.path.join(inc, '*.h')))
    if not files:
        return ['%s: no headers' % inc], 0
    errors = []
    for f in files:
        with open(f, encoding='utf-8') as fh:
            errors += check_text(os.path.basename(f), fh.read())
    return errors, len(files)


GOOD = '''/* x.h: fine.
 *
 * Threads: pure.
 */
typedef enum gk_thing { GK_A = 0 } gk_thing;
GK_API int gk_x_cell(int *state_out, char *buf_out, size_t cap, const gk_x *x, gk_table table);
'''
BAD = {
    'enum': GOOD + 'enum { GK_B = 1 };\n',
    'typed': GOOD + 'GK_API int gk_x_label(const gk_x *x, int lang);\n',
    'out': GOOD + 'GK_API int gk_x_find(const gk_x *x, int *index_out);\n',
    'getter': GOOD + 'GK_API int gk_x_get_year(const gk_x *x);\n',
    'forward': GOOD + 'struct gk_validate_opts;\n',
    'threads': GOOD.replace('Threads: pure.', 'Pure.'),
}


def self_test():
    fails = 0
    if check_text('good.h', GOOD):
        print('self-test: the good header is refused: %s' % check_text('good.h', GOOD))
        fails += 1
    for rule, text in sorted(BAD.items()):
        found = [e for e in check_text('bad.h', text) if (': %s:' % rule) in e]
        if len(found) != 1 or len(check_text('bad.h', text)) != 1:
            print('self-test: rule %s: want exactly one breach, got %s'
                  % (rule, check_text('bad.h', text)))
            fails += 1
    print('%d passed, %d failed' % (len(BAD) + 1 - fails, fails))
    return 1 if fails else 0


def main(argv):
    if argv == ['--self-test']:
        return self_test()
    if len(argv) != 1:
        sys.stderr.write(__doc__)
        return 2
    errors, n = check_dir(argv[0])
    for e in errors:
        print('check_headers: ' + e, file=sys.stderr)
    if errors:
        return 1
    print('check_headers: OK: %d headers keep the conventions' % n)
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
