/* SPDX-License-Identifier: MIT */
/* Benchmark: in-memory validation of N synthetic reports (valid ones and ones
 * with a planted defect), in reports per second, against a baseline measured in
 * the same run: a hand-written loop that checks only the balance identity with
 * gk_report_row. The valid reports are also timed as a small set that
 * stays in the cache (the N reports hold ~6 KiB of cells each: at the default N
 * the loop over all of them also measures memory traffic). Also counts the
 * allocations per validation when the C library's malloc can be wrapped (glibc,
 * no sanitizer).
 *
 * usage: bench_validate [N [rounds [valid|defect]]]   (defaults 2000 reports, 5 rounds)
 * With a third argument, only those reports are validated, `rounds` times, and
 * nothing is timed: a run to profile, e.g.
 *   valgrind --tool=callgrind --toggle-collect=gk_report_validate \
 *            ./bench_validate 1000 1 valid */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include "gkreport/gkreport.h"

/* ---------------------------------------------------------------- allocation count */
#if defined(__has_feature)
#  if __has_feature(address_sanitizer) || __has_feature(memory_sanitizer)
#    define NO_MALLOC_WRAP 1
#  endif
#endif
#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_THREAD__)
#  define NO_MALLOC_WRAP 1
#endif
#if defined(__GLIBC__) && !defined(NO_MALLOC_WRAP)
#  define COUNT_ALLOCS 1
extern void *__libc_malloc(size_t);
extern void *__libc_calloc(size_t, size_t);
extern void *__libc_realloc(void *, size_t);
extern void __libc_free(void *);
static unsigned long n_allocs; /* this program's own counter, single-threaded */
void *malloc(size_t n) { n_allocs++; return __libc_malloc(n); }
void *calloc(size_t c, size_t n) { n_allocs++; return __libc_calloc(c, n); }
void *realloc(void *p, size_t n) { n_allocs++; return __libc_realloc(p, n); }
void free(void *p) { __libc_free(p); }
#endif

static double now(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static unsigned long long rng = 88172645463325252ull;
static unsigned rnd(unsigned n) {
  rng ^= rng << 13;
  rng ^= rng >> 7;
  rng ^= rng << 17;
  return (unsigned)(rng % n);
}

/* A consistent 2021 report with random counts; with `defect`, one stored
 * requests or review cell is then changed. */
static gk_report *make_report(int defect) {
  const int ed = GK_EDITION_2021;
  gk_report *r;
  if (gk_report_new(&r, ed, 2023)) return NULL;
  size_t nrows = gk_schema_nrows(ed, GK_TABLE_REQUESTS), ncols = gk_schema_ncols(ed, GK_TABLE_REQUESTS);
  size_t rnew, rco, rtot, rcf, ctot;
  gk_schema_row_find(&rnew, ed, GK_TABLE_REQUESTS, "new");
  gk_schema_row_find(&rco, ed, GK_TABLE_REQUESTS, "carried_over");
  gk_schema_row_find(&rtot, ed, GK_TABLE_REQUESTS, "total");
  gk_schema_row_find(&rcf, ed, GK_TABLE_REQUESTS, "carried_forward");
  gk_schema_col_find(&ctot, ed, GK_TABLE_REQUESTS, "total");
  int64_t coltot[32] = {0};
  int64_t tot_co = 0, tot_cf = 0, tot_new = 0;
  for (size_t c = 0; c < ncols; c++) {
    if (c == ctot) continue;
    int64_t sum = 0;
    for (size_t row = 0; row < nrows; row++) {
      uint32_t f = gk_schema_row_flags(ed, GK_TABLE_REQUESTS, row);
      if (!(f & GK_ROW_LEAF)) continue;
      int64_t v = rnd(4) ? (int64_t)rnd(50) : -1;
      if (v < 0) continue; /* leave some cells blank */
      gk_report_set_value(r, GK_TABLE_REQUESTS, row, c, v);
      sum += v;
      coltot[row] += v;
    }
    int64_t co = rnd(10), cf = rnd(10);
    gk_report_set_value(r, GK_TABLE_REQUESTS, rtot, c, sum);
    gk_report_set_value(r, GK_TABLE_REQUESTS, rco, c, co);
    gk_report_set_value(r, GK_TABLE_REQUESTS, rcf, c, cf);
    gk_report_set_value(r, GK_TABLE_REQUESTS, rnew, c, sum + cf - co);
    tot_co += co;
    tot_cf += cf;
    tot_new += sum + cf - co;
    coltot[rtot] += sum;
  }
  for (size_t row = 0; row < nrows; row++) {
    uint32_t f = gk_schema_row_flags(ed, GK_TABLE_REQUESTS, row);
    if ((f & GK_ROW_LEAF) || row == rtot) gk_report_set_value(r, GK_TABLE_REQUESTS, row, ctot, coltot[row]);
  }
  gk_report_set_value(r, GK_TABLE_REQUESTS, rco, ctot, tot_co);
  gk_report_set_value(r, GK_TABLE_REQUESTS, rcf, ctot, tot_cf);
  gk_report_set_value(r, GK_TABLE_REQUESTS, rnew, ctot, tot_new);
  for (size_t row = 0; row < 3; row++) {
    int64_t s = 0;
    for (size_t c = 0; c < 4; c++) {
      int64_t v = rnd(5);
      gk_report_set_value(r, GK_TABLE_REVIEW, row, c, v);
      s += v;
    }
    gk_report_set_value(r, GK_TABLE_REVIEW, row, 4, s);
  }
  if (defect) {
    size_t row;
    do row = rnd((unsigned)nrows);
    while (gk_schema_row_flags(ed, GK_TABLE_REQUESTS, row) & GK_ROW_DERIVED);
    gk_report_set_value(r, GK_TABLE_REQUESTS, row, rnd((unsigned)ncols), 60 + rnd(20));
  }
  return r;
}

/* Baseline: only requests.balance, by hand, through gk_report_row. */
static size_t balance_only(const gk_report *r, const size_t rows[4]) {
  int64_t v[4][16];
  int st[4][16];
  size_t n = gk_schema_ncols(GK_EDITION_2021, GK_TABLE_REQUESTS), bad = 0;
  for (int k = 0; k < 4; k++) gk_report_row(st[k], v[k], n, r, GK_TABLE_REQUESTS, rows[k]);
  for (size_t c = 0; c < n; c++)
    bad += v[0][c] + v[1][c] != v[2][c] + v[3][c];
  return bad;
}

int main(int argc, char **argv) {
  size_t n = argc > 1 ? (size_t)strtoul(argv[1], NULL, 10) : 2000;
  int rounds = argc > 2 ? atoi(argv[2]) : 5;
  if (n == 0 || rounds <= 0) return 2;
  gk_report **reps = malloc(n * sizeof *reps);
  if (!reps) return 1;
  for (size_t i = 0; i < n; i++)
    if (!(reps[i] = make_report(i % 2))) return 1;
  size_t rows[4];
  gk_schema_row_find(&rows[0], GK_EDITION_2021, GK_TABLE_REQUESTS, "new");
  gk_schema_row_find(&rows[1], GK_EDITION_2021, GK_TABLE_REQUESTS, "carried_over");
  gk_schema_row_find(&rows[2], GK_EDITION_2021, GK_TABLE_REQUESTS, "total");
  gk_schema_row_find(&rows[3], GK_EDITION_2021, GK_TABLE_REQUESTS, "carried_forward");
  gk_diags *d;
  if (gk_diags_new(&d)) return 1;
  if (argc > 3) { /* profile one kind of report */
    size_t first = strcmp(argv[3], "defect") == 0 ? 1 : 0, total = 0;
    for (int k = 0; k < rounds; k++)
      for (size_t i = first; i < n; i += 2) {
        gk_diags_clear(d);
        if (gk_report_validate(reps[i], NULL, d) != GK_OK) return 1;
        total += gk_diags_count(d);
      }
    printf("bench_validate: %zu %s reports validated %d times, %zu findings\n", (n + 1 - first) / 2,
           first ? "defective" : "valid", rounds, total);
    gk_diags_free(d);
    for (size_t i = 0; i < n; i++) gk_report_free(reps[i]);
    free(reps);
    return 0;
  }

  double best_v = 1e30, best_b = 1e30, best_ok = 1e30, best_bad = 1e30, best_hot = 1e30;
  /* the first HOT valid reports over and over: their cells stay in the cache
   * (the N reports together are about 6 KiB each, more than the caches hold) */
  enum { HOT = 64 };
  size_t nhot = n / 2 < HOT ? (n + 1) / 2 : HOT, hot_reps = n / 2 / nhot + 1;
  size_t findings = 0, bad = 0, valid_quiet = 0;
#ifdef COUNT_ALLOCS
  unsigned long allocs_valid = 0, allocs_defect = 0;
#endif
  for (int k = 0; k < rounds; k++) {
    /* valid and defective reports apart, then all of them */
    for (int part = 0; part < 2; part++) {
      double ta = now();
      for (size_t i = (size_t)part; i < n; i += 2) {
        gk_diags_clear(d);
        if (gk_report_validate(reps[i], NULL, d) != GK_OK) return 1;
      }
      double tb = now() - ta;
      double *best = part ? &best_bad : &best_ok;
      if (tb < *best) *best = tb;
    }
    double th = now();
    for (size_t rep = 0; rep < hot_reps; rep++)
      for (size_t i = 0; i < nhot; i++) {
        gk_diags_clear(d);
        if (gk_report_validate(reps[2 * i], NULL, d) != GK_OK) return 1;
      }
    th = now() - th;
    if (th < best_hot) best_hot = th;
    double t0 = now();
    findings = 0;
    valid_quiet = 0;
    for (size_t i = 0; i < n; i++) {
      gk_diags_clear(d);
#ifdef COUNT_ALLOCS
      unsigned long a0 = n_allocs;
#endif
      if (gk_report_validate(reps[i], NULL, d) != GK_OK) return 1;
#ifdef COUNT_ALLOCS
      if (k == 0) *(i % 2 ? &allocs_defect : &allocs_valid) += n_allocs - a0;
#endif
      findings += gk_diags_count(d);
      valid_quiet += (i % 2 == 0) && gk_diags_count(d) == 0;
    }
    double t1 = now();
    bad = 0;
    for (size_t i = 0; i < n; i++) bad += balance_only(reps[i], rows);
    double t2 = now();
    if (t1 - t0 < best_v) best_v = t1 - t0;
    if (t2 - t1 < best_b) best_b = t2 - t1;
  }
  size_t half = (n + 1) / 2, defects = n / 2;
  printf("bench_validate: %zu synthetic 2021 reports (%zu valid, %zu with a planted defect), "
         "best of %d rounds\n", n, half, defects, rounds);
  printf("  gk_report_validate (every rule):  %10.0f reports/s  %8.2f us/report  "
         "(%zu findings; %zu/%zu valid reports quiet)\n",
         (double)n / best_v, best_v * 1e6 / (double)n, findings, valid_quiet, half);
  printf("    valid reports only:            %10.0f reports/s  %8.2f us/report\n",
         (double)half / best_ok, best_ok * 1e6 / (double)half);
  printf("    valid, %3zu reports in cache:   %10.0f reports/s  %8.2f us/report\n", nhot,
         (double)(nhot * hot_reps) / best_hot, best_hot * 1e6 / (double)(nhot * hot_reps));
  if (defects)
    printf("    reports with a defect only:    %10.0f reports/s  %8.2f us/report\n",
           (double)defects / best_bad, best_bad * 1e6 / (double)defects);
  printf("  baseline balance-only loop:       %10.0f reports/s  %8.2f us/report  "
         "(%zu failing columns)\n", (double)n / best_b, best_b * 1e6 / (double)n, bad);
  printf("  ratio validate / baseline time:   %10.1f\n", best_v / best_b);
#ifdef COUNT_ALLOCS
  printf("  allocations per validation: %.2f (valid reports), %.2f (with a defect, findings "
         "included)\n", (double)allocs_valid / (double)half,
         defects ? (double)allocs_defect / (double)defects : 0.0);
#else
  printf("  allocations per validation: not counted in this build\n");
#endif
  gk_diags_free(d);
  for (size_t i = 0; i < n; i++) gk_report_free(reps[i]);
  free(reps);
  return 0;
}
