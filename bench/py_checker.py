#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""The plain-Python baseline of bench/validate_vs.sh: for each published-text
report given, check four identities of table 三 with regular expressions (no
library, no schema): the row total of the new requests, of the requests carried
over and of the outcome total (six applicant columns sum to 总计), and the
balance new + carried over = handled + carried forward in the 总计 column.
Prints one line per failed identity and a summary; exit 1 if any failed."""
import re
import sys

NUM = r"\s+(\d+)"
ROWS = {
    "new": re.compile("本年新收政府信息公开申请数量" + NUM * 7),
    "carried": re.compile("上年结转政府信息公开申请数量" + NUM * 7),
    "total": re.compile("（七）总计" + NUM * 7),
    "forward": re.compile("结转下年度继续办理" + NUM * 7),
}


def check(path):
    with open(path, encoding="utf-8", errors="replace") as f:
        text = f.read()
    rows = {}
    for key, rx in ROWS.items():
        m = rx.search(text)
        if m:
            rows[key] = [int(x) for x in m.groups()]
    bad = []
    for key in ("new", "carried", "total"):
        r = rows.get(key)
        if r and sum(r[:6]) != r[6]:
            bad.append("%s: row %s: %d != %d" % (path, key, sum(r[:6]), r[6]))
    if len(rows) == 4:
        lhs = rows["new"][6] + rows["carried"][6]
        rhs = rows["total"][6] + rows["forward"][6]
        if lhs != rhs:
            bad.append("%s: balance: %d != %d" % (path, lhs, rhs))
    return len(rows) == 4, bad


def main(paths):
    checked = failed = 0
    for p in paths:
        complete, bad = check(p)
        checked += complete
        failed += len(bad)
        for line in bad:
            print(line)
    print("%d files, %d with all four rows, %d identities failed" % (len(paths), checked, failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
