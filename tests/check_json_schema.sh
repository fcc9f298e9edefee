#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# docs/report.schema.json against the documents the library writes.
# Usage: check_json_schema.sh BUILD_DIR SOURCE_DIR
#  - the schema is a valid JSON Schema (draft 2020-12);
#  - documents saved by the library (tests/test_json run with GK_JSON_SAMPLES_DIR:
#    both editions; every cell state; with and without source lines; compact and
#    pretty) and examples/fenggang-2020.json are valid;
#  - the schema is exact: its per-edition table/row/column keys are the cells the
#    library writes for a report with every cell filled (so it follows the schema
#    declarations of lib/schema_tables.c), and it rejects what the reader rejects:
#    unknown keys at every level, derived rows, negative counts, bad amounts, a unit
#    outside an amount, an unknown edition.
# Needs python3 with the jsonschema module (Debian python3-jsonschema): without it
# this check FAILS, it does not skip.
set -euo pipefail
build=${1:?usage: check_json_schema.sh BUILD_DIR SOURCE_DIR}
src=${2:?usage: check_json_schema.sh BUILD_DIR SOURCE_DIR}

py=""
for cand in python3 /usr/bin/python3; do
  if command -v "$cand" > /dev/null 2>&1 && "$cand" -c 'import jsonschema' 2> /dev/null; then
    py=$cand
    break
  fi
done
if [ -z "$py" ]; then
  echo "check_json_schema: FAIL: no python3 with the jsonschema module" \
       "(apt-get install python3-jsonschema)" >&2
  exit 1
fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
if ! GK_JSON_SAMPLES_DIR=$tmp "$build/tests/test_json" > "$tmp/test_json.log" 2>&1; then
  cat "$tmp/test_json.log" >&2
  echo "check_json_schema: FAIL: tests/test_json failed while writing the documents" >&2
  exit 1
fi

"$py" - "$src/docs/report.schema.json" "$tmp" "$src/examples/fenggang-2020.json" << 'EOF'
import copy
import glob
import json
import os
import sys

import jsonschema

schema_path, sample_dir, example = sys.argv[1:4]
schema = json.load(open(schema_path, encoding='utf-8'))
jsonschema.Draft202012Validator.check_schema(schema)
validator = jsonschema.Draft202012Validator(schema)
passed = failed = 0


def check(ok, what):
    global passed, failed
    if ok:
        passed += 1
    else:
        failed += 1
        print('FAIL:', what)


def valid(doc):
    return not any(True for _ in validator.iter_errors(doc))


# 1. every document the library wrote is valid
samples = sorted(glob.glob(os.path.join(sample_dir, '*.json')))
check(len(samples) == 12, 'expected 12 sample documents, found %d' % len(samples))
for path in samples + [example]:
    doc = json.load(open(path, encoding='utf-8'))
    errors = list(validator.iter_errors(doc))
    check(not errors, '%s: %s' % (os.path.basename(path), [e.message[:160] for e in errors[:3]]))


def load(name):
    return json.load(open(os.path.join(sample_dir, name), encoding='utf-8'))


def deref(node):
    while '$ref' in node:
        node = schema['$defs'][node['$ref'].split('/')[-1]]
    return node


# 2. exactness: the schema's cells of an edition are the cells the library writes
for ed in ('2019', '2021'):
    full = load('%s-full-plain.json' % ed)
    written = {(t, r, c) for t, rows in full['tables'].items()
               for r, cols in rows.items() for c in cols}
    tables = deref({'$ref': '#/$defs/tables_' + ed})['properties']
    declared = {(t, r, c) for t, tdef in tables.items()
                for r, rdef in deref(tdef)['properties'].items()
                for c in deref(rdef)['properties']}
    check(written == declared, 'edition %s: schema cells differ from the library: %s'
          % (ed, sorted(written ^ declared)[:10]))
    lines = load('%s-full-lines.json' % ed)
    check(set(lines) == set(schema['properties']),
          'edition %s: top-level keys %s' % (ed, sorted(set(lines) ^ set(schema['properties']))))
    check(set(lines['agency']) == set(deref(schema['properties']['agency'])['properties']),
          'edition %s: agency keys' % ed)
    check(set(lines['sections']) == set(deref(schema['properties']['sections'])['properties']),
          'edition %s: section keys' % ed)

    # 3. it rejects what the reader rejects, cell by cell
    empty = load('%s-empty-plain.json' % ed)

    def with_cell(t, r, c, cell):
        d = copy.deepcopy(empty)
        d['tables'] = {t: {r: {c: cell}}}
        return d

    for t, r, c in sorted(written):
        v = full['tables'][t][r][c]
        v = v['value'] if isinstance(v, dict) else v
        where = '%s %s/%s/%s' % (ed, t, r, c)
        check(valid(with_cell(t, r, c, None)), where + ': null')
        check(valid(with_cell(t, r, c, {'literal': '-', 'line': 3})), where + ': literal')
        check(not valid(with_cell(t, r, c, {'literal': ''})), where + ': empty literal')
        check(not valid(with_cell(t, r, c, True)), where + ': boolean')
        check(not valid(with_cell(t, r, c, {'value': None, 'line': 0})), where + ': line 0')
        check(not valid(with_cell(t, r, c, {'value': None, 'colour': 1})), where + ': unknown key')
        if isinstance(v, str):  # amount
            check(valid(with_cell(t, r, c, '59237.2449')), where + ': amount')
            check(valid(with_cell(t, r, c, {'value': '251000', 'unit': '元', 'line': 9})),
                  where + ': amount with unit')
            check(not valid(with_cell(t, r, c, '1.1234567')), where + ': 7 decimals')
            check(not valid(with_cell(t, r, c, 'abc')), where + ': not a decimal')
            check(not valid(with_cell(t, r, c, {'value': '1', 'unit': '美元'})), where + ': unit')
            check(not valid(with_cell(t, r, c, {'value': None, 'unit': '元'})),
                  where + ': unit without value')
        else:
            check(valid(with_cell(t, r, c, 9223372036854775807)), where + ': int64 max')
            check(not valid(with_cell(t, r, c, 9223372036854775808)), where + ': over int64')
            check(not valid(with_cell(t, r, c, '3')), where + ': string')
            check(not valid(with_cell(t, r, c, {'value': 1, 'unit': '元'})), where + ': unit')
            check(valid(with_cell(t, r, c, -1)) == (v < 0), where + ': negative')

    # unknown keys at every level, derived rows, a cell of another row
    bad = []
    for t in ('active', 'requests', 'review'):
        bad.append(('tables.%s.nope' % t, {'tables': {t: {'nope': {}}}}))
    bad.append(('tables.nope', {'tables': {'nope': {}}}))
    for r in ('denied', 'unavailable', 'not_processed'):
        bad.append(('derived ' + r, {'tables': {'requests': {r: {'natural': 1}}}}))
    bad.append(('fees/decisions', {'tables': {'active': {'fees': {'decisions': 1}}}}))
    bad.append(('top-level key', {'nope': 1}))
    bad.append(('agency key', {'agency': {'nope': 'x'}}))
    bad.append(('agency level', {'agency': {'level': 'village'}}))
    bad.append(('section key', {'sections': {'summary': 'x'}}))
    bad.append(('section object key', {'sections': {'other': {'text': 'x', 'nope': 1}}}))
    bad.append(('year 0', {'year': 0}))
    bad.append(('year 10000', {'year': 10000}))
    bad.append(('edition 2020', {'edition': '2020'}))
    bad.append(('edition as number', {'edition': int(ed)}))
    bad.append(('version 2', {'gkreport': 2}))
    for what, patch in bad:
        d = copy.deepcopy(empty)
        d.update(patch)
        check(not valid(d), '%s: accepts %s' % (ed, what))
    d = copy.deepcopy(empty)
    del d['edition']
    check(not valid(d), ed + ': accepts a document without edition')

# the other edition's rows are refused: 2021 other.* in a 2019 document, 2019 procurement in 2021
d = load('2019-empty-plain.json')
d['tables'] = {'requests': {'other.misc': {'natural': 1}}}
check(not valid(d), '2019 accepts other.misc')
d = load('2021-empty-plain.json')
d['tables'] = {'active': {'procurement': {'projects': 1}}}
check(not valid(d), '2021 accepts procurement')

print('check_json_schema: %d passed, %d failed' % (passed, failed))
sys.exit(1 if failed else 0)
EOF
