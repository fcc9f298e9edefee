# SPDX-License-Identifier: MIT
"""Overhead of the Python bindings over the bare C calls (a benchmark, not a test).

    GKREPORT_LIBRARY=build/libgkreport.so.0 PYTHONPATH=bindings/python \\
        python3 bindings/python/bench_bindings.py [REPORT]

Prints microseconds per operation through gkreport and through raw ctypes calls
of the same C functions, so the difference is what the wrapper costs.
"""

import ctypes
import os
import sys
import time

import gkreport
from gkreport._lib import lib

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT = os.path.join(HERE, "..", "..", "tests", "data", "real",
                       "2024_huaian-municipal-government.txt")


def per_call(fn, n):
    t = time.perf_counter()
    for _ in range(n):
        fn()
    return (time.perf_counter() - t) / n * 1e6


def main():
    r = gkreport.load(sys.argv[1] if len(sys.argv) > 1 else DEFAULT)
    js = r.to_json().encode()
    h, d = ctypes.c_void_p(), ctypes.c_void_p()

    def raw_load():
        lib.gk_diags_new(ctypes.byref(d))
        lib.gk_report_from_json(ctypes.byref(h), js, len(js), None, d)
        lib.gk_report_free(h)
        lib.gk_diags_free(d)

    def raw_validate():
        lib.gk_diags_new(ctypes.byref(d))
        lib.gk_report_validate(r._h, None, d)
        lib.gk_diags_free(d)

    n = 3000
    print("%-34s %10s %10s" % ("operation (us)", "gkreport", "raw ctypes"))
    print("%-34s %10.1f %10.1f" % ("loads(JSON) + free", per_call(lambda: gkreport.loads(js), n),
                                   per_call(raw_load, n)))
    print("%-34s %10.1f %10.1f" % ("validate()", per_call(r.validate, n),
                                   per_call(raw_validate, n)))
    paths = list(r.schema.table("requests").cells())
    print("%-34s %10.1f" % ("table_values('requests') (bulk)",
                             per_call(lambda: r.table_values("requests"), 1000)))
    print("%-34s %10.1f" % ("%d x r[path] (per cell)" % len(paths),
                             per_call(lambda: [r[p] for p in paths], 200)))
    print("%-34s %10.1f" % ("to_csv()", per_call(r.to_csv, 1000)))


if __name__ == "__main__":
    main()
