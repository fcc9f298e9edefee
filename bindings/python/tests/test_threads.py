# SPDX-License-Identifier: MIT
import threading
import unittest
from decimal import Decimal

from gkreport import Report

import gkreport

from .util import consistent, crafted_2019, needs

THREADS = 8
ROUNDS = 300


def run_threads(fn):
    """Run fn() in THREADS threads; return their results (exceptions re-raised)."""
    results = [None] * THREADS
    errors = []
    barrier = threading.Barrier(THREADS)

    def worker(i):
        try:
            barrier.wait()
            results[i] = fn()
        except BaseException as exc:  # noqa: BLE001 - reported below
            errors.append(exc)
    ts = [threading.Thread(target=worker, args=(i,)) for i in range(THREADS)]
    for t in ts:
        t.start()
    for t in ts:
        t.join()
    if errors:
        raise errors[0]
    return results


def shared_report():
    r = Report.new("2019", 2020, agency="凤岗镇")
    r["requests/new/natural"] = 3402
    r["requests/new/total"] = 3511
    r["requests/denied.state_secret/total"] = 3
    r["requests/denied.query/total"] = 4
    r["active/procurement/amount"] = "498742.4"
    r["active/licensing/delta"] = "减4"
    return r


class ThreadTest(unittest.TestCase):
    def test_shared_reads_identical(self):
        r = shared_report()

        def read():
            out = None
            for _ in range(ROUNDS):
                snap = (r["requests/new/total"], r["requests/denied/total"],
                        r["active/procurement/amount"], r.table_values("requests"),
                        r.to_dict()["cells"])
                if out is not None and snap != out:
                    raise AssertionError("results differ between rounds")
                out = snap
            return out
        results = run_threads(read)
        self.assertEqual(results[0][:3], (3511, 7, Decimal("498742.4")))
        for x in results[1:]:
            self.assertEqual(x, results[0])

    def test_validate_shared(self):
        r = crafted_2019()
        r["requests/granted/natural"] = 4
        r["review/reconsideration/upheld"] = 2
        expected = r.validate(waive=[("review.total", None, "merger")])

        def check():
            out = None
            for _ in range(ROUNDS):
                f = r.validate(waive=[("review.total", None, "merger")])
                if out is not None and f != out:
                    raise AssertionError("findings differ between rounds")
                out = f
            return out
        results = run_threads(check)
        self.assertEqual(expected.rules(), ["requests.row_total", "requests.outcome_total",
                                            "review.total"])
        for x in results:
            self.assertEqual(x, expected)

    @needs("gk_aggregate_result", "gk_series_validate")
    def test_aggregate_and_series_shared(self):
        reports = [consistent("2019", 2020, new=5 + i, granted=3, name="镇%d" % i)
                   for i in range(6)]
        years = [consistent("2019", 2020, 5, 3), consistent("2021", 2021, 4, 4, 2),
                 consistent("2021", 2022, 6, 5, 1)]

        def work():
            out = None
            for _ in range(ROUNDS // 10):
                total = gkreport.aggregate(reports, name="县")
                snap = (total.to_dict(), total.validate(),
                        gkreport.Series(years).validate(), total.indicators())
                if out is not None and snap != out:
                    raise AssertionError("results differ between rounds")
                out = snap
            return out
        results = run_threads(work)
        self.assertEqual(results[0][0]["cells"]["requests/new/total"], sum(range(5, 11)))
        self.assertEqual(results[0][1], [])
        self.assertEqual(results[0][2].rules(), ["series.carry", "series.carry"])
        for x in results[1:]:
            self.assertEqual(x, results[0])

    def test_private_objects_in_threads(self):
        def build():
            total = 0
            for i in range(ROUNDS):
                with shared_report().copy() as c:
                    c["requests/new/total"] = i
                    total += c["requests/new/total"] + c["requests/denied/total"]
            return total
        results = run_threads(build)
        self.assertEqual(results, [sum(range(ROUNDS)) + 7 * ROUNDS] * THREADS)

    def test_close_while_in_use(self):
        """close() in one thread while others validate, read and export the same
        report: every call either completes or raises ValueError (closed); the C
        object is freed once, after the calls in flight (issue 14: this crashed)."""
        for _ in range(20):
            r = shared_report()
            started = threading.Barrier(4)
            outcomes = []

            def use():
                started.wait()
                try:
                    for _ in range(200):
                        r.validate()
                        r.to_json()
                        r["requests/new/total"]
                        list(r.cells())
                    outcomes.append("done")
                except ValueError as exc:
                    self.assertIn("closed", str(exc))
                    outcomes.append("closed")
            ts = [threading.Thread(target=use) for _ in range(3)]
            for t in ts:
                t.start()
            started.wait()
            r.close()
            self.assertTrue(r.closed)
            for t in ts:
                t.join()
            self.assertEqual(len(outcomes), 3)
            with self.assertRaises(ValueError):
                r.validate()
            r.close()  # idempotent

    def test_close_inside_own_call(self):
        """A close from inside a loop over the report's own generator is deferred
        to the end of the step; the next step says the report is closed."""
        r = shared_report()
        it = r.cells()
        next(it)
        r.close()
        try:  # the rest of the table already read, or "closed": never a crash
            list(it)
        except ValueError as exc:
            self.assertIn("closed", str(exc))
        with self.assertRaises(ValueError):
            r["requests/new/total"]
        a = gkreport.Aggregate()
        a.add(shared_report())
        a.close()
        with self.assertRaises(ValueError):
            a.count


if __name__ == "__main__":
    unittest.main()
