/* SPDX-License-Identifier: MIT */
/* bench_load: load + validate throughput against a bare cJSON_Parse of the same
 * bytes, in-memory validation alone, and how the cost grows with N (issue 8).
 *   bench_load [N]    (default 100000; BENCH_QUICK=1 in the environment: 10000)
 * Input: N synthetic reports (bench_common.h; 10% with a planted defect) as JSON
 * Lines in memory. Every timing is the best of 3 runs. */
#include <stdlib.h>
#include <cjson/cJSON.h>
#include "bench_common.h"

#if !defined(GK_HAVE_JSON) || !defined(GK_HAVE_VALIDATE)
int main(void) {
  puts("bench_load: skipped (this build has no JSON reader/writer or validator yet)");
  return 0;
}
#else

typedef struct {
  char *data;
  size_t len, cap;
  size_t *off; /* line k is data[off[k] .. off[k+1]-1], newline excluded */
  size_t n;
} lines;

static int lines_push(lines *L, const char *s, size_t n) {
  if (L->len + n + 1 > L->cap) {
    size_t cap = L->cap ? L->cap : 1 << 20;
    while (cap < L->len + n + 1)
      cap *= 2;
    char *d = realloc(L->data, cap);
    if (d == NULL)
      return -1;
    L->data = d;
    L->cap = cap;
  }
  memcpy(L->data + L->len, s, n);
  L->len += n;
  L->data[L->len++] = '\n';
  L->off[++L->n] = L->len;
  return 0;
}
static const char *line_at(const lines *L, size_t k, size_t *len) {
  *len = L->off[k + 1] - L->off[k] - 1;
  return L->data + L->off[k];
}

static int generate(lines *L, size_t n) {
  L->off = malloc((n + 1) * sizeof *L->off);
  if (L->off == NULL)
    return -1;
  L->off[0] = 0;
  for (size_t k = 0; k < n; k++) {
    gk_report *r = NULL;
    char *out = NULL;
    size_t len = 0;
    uint64_t seed = k + 1;
    if (bench_gen_report(&r, seed, bench_has_defect(seed, 10)) != GK_OK ||
        gk_report_to_json(&out, &len, r, 0) != GK_OK || lines_push(L, out, len) != 0) {
      gk_report_free(r);
      gk_free(out);
      return -1;
    }
    gk_report_free(r);
    gk_free(out);
  }
  return 0;
}

/* One pass of a workload over lines [0, n) (cycling over the pool). */
enum { W_CJSON, W_LOAD, W_LOAD_VALIDATE };
typedef struct {
  size_t flagged_defective, flagged_clean, failed;
} tally;

static double run(const lines *L, size_t n, int what, gk_diags *d, tally *t) {
  double t0 = bench_now();
  for (size_t k = 0; k < n; k++) {
    size_t len;
    size_t i = k % L->n;
    const char *s = line_at(L, i, &len);
    if (what == W_CJSON) {
      cJSON *doc = cJSON_ParseWithLength(s, len);
      t->failed += doc == NULL;
      cJSON_Delete(doc);
      continue;
    }
    gk_report *r = NULL;
    if (gk_report_from_json(&r, s, len, NULL, d) != GK_OK) {
      t->failed++;
      gk_diags_clear(d);
      continue;
    }
    if (what == W_LOAD_VALIDATE) {
      if (gk_report_validate(r, NULL, d) != GK_OK)
        t->failed++;
      size_t found = gk_diags_count_severity(d, GK_SEV_WARNING);
      if (bench_has_defect(i + 1, 10))
        t->flagged_defective += found > 0;
      else
        t->flagged_clean += found > 0;
      gk_diags_clear(d);
    }
    gk_report_free(r);
  }
  return bench_now() - t0;
}

static double best_of_3(const lines *L, size_t n, int what, gk_diags *d, tally *t) {
  double best = 1e300;
  for (int i = 0; i < 3; i++) {
    tally one = {0, 0, 0};
    double s = run(L, n, what, d, &one);
    if (s < best)
      best = s;
    *t = one;
  }
  return best;
}

static void row(const char *what, size_t n, double secs, size_t bytes) {
  printf("  %-34s %8.3f s  %11.0f reports/s  %8.1f MB/s\n", what, secs, (double)n / secs,
         (double)bytes / secs / 1e6);
}

int main(int argc, char **argv) {
  size_t n = getenv("BENCH_QUICK") ? 10000 : 100000;
  setvbuf(stdout, NULL, _IOLBF, 0); /* progress shows when piped */
  if (argc > 1)
    n = (size_t)strtoull(argv[1], NULL, 10);
  if (n == 0)
    n = 1;
  lines L = {0};
  gk_diags *d = NULL;
  tally t = {0, 0, 0};
  double g0 = bench_now();
  if (generate(&L, n) != 0 || gk_diags_new(&d) != GK_OK) {
    fputs("bench_load: generation failed\n", stderr);
    return 1;
  }
  size_t defective = 0;
  for (size_t k = 0; k < n; k++)
    defective += (size_t)bench_has_defect(k + 1, 10);
  printf("bench_load: %zu synthetic reports, %.1f MB of JSON Lines (%zu B/report), "
         "%zu with a planted defect; generated in %.2f s (not timed below)\n",
         n, (double)L.len / 1e6, L.len / n, defective, bench_now() - g0);

  double base = best_of_3(&L, n, W_CJSON, d, &t);
  row("cJSON_ParseWithLength (floor)", n, base, L.len);
  double load = best_of_3(&L, n, W_LOAD, d, &t);
  row("gk_report_from_json", n, load, L.len);
  double lv = best_of_3(&L, n, W_LOAD_VALIDATE, d, &t);
  row("gk_report_from_json + validate", n, lv, L.len);
  printf("  ratio load+validate / bare parse: %.2fx (goal <= 1.50x); load alone: %.2fx\n",
         lv / base, load / base);
  printf("  findings: %zu of %zu defective reports flagged, %zu of %zu clean ones; %zu failures\n",
         t.flagged_defective, defective, t.flagged_clean, n - defective, t.failed);

  /* in-memory validation alone: the first min(n, 1000) reports, validated over and over */
  size_t m = n < 1000 ? n : 1000, loaded = 0;
  gk_report **pool = calloc(m, sizeof *pool);
  for (size_t k = 0; pool != NULL && k < m; k++) {
    size_t len;
    const char *s = line_at(&L, k, &len);
    loaded += gk_report_from_json(&pool[k], s, len, NULL, d) == GK_OK;
  }
  gk_diags_clear(d);
  size_t target = getenv("BENCH_QUICK") ? 200000 : 2000000, done = 0;
  double best = 1e300;
  for (int rep = 0; rep < 3 && loaded == m; rep++) {
    double t0 = bench_now();
    for (done = 0; done < target; done++) {
      gk_report_validate(pool[done % m], NULL, d);
      gk_diags_clear(d);
    }
    double s = bench_now() - t0;
    if (s < best)
      best = s;
  }
  if (loaded == m)
    printf("validation alone (in memory, one core): %zu validations of %zu reports: %.0f reports/s "
           "(%.2f us each; goal > 1,000,000/s)\n", target, m, (double)target / best,
           best / (double)target * 1e6);
  for (size_t k = 0; pool != NULL && k < m; k++)
    gk_report_free(pool[k]);
  free(pool);

  /* scaling: load + validate streamed over N = 10^3 .. 10^6 (cycling over the input) */
  size_t nmax = getenv("BENCH_QUICK") ? 100000 : 1000000;
  printf("scaling, load + validate streamed (reports cycle over the %zu generated):\n", n);
  printf("  %9s %10s %11s %12s %13s\n", "N", "seconds", "us/report", "reports/s", "peak RSS MiB");
  for (size_t N = 1000; N <= nmax; N *= 10) {
    tally s = {0, 0, 0};
    double secs = run(&L, N, W_LOAD_VALIDATE, d, &s);
    printf("  %9zu %10.3f %11.2f %12.0f %13.1f\n", N, secs, secs / (double)N * 1e6,
           (double)N / secs, (double)bench_peak_rss_kib() / 1024.0);
  }
  gk_diags_free(d);
  free(L.data);
  free(L.off);
  return 0;
}
#endif
