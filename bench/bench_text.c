/* SPDX-License-Identifier: MIT */
/* Text import throughput: every published report of tests/data/real imported
 * again and again (reports/s, MB/s) against a baseline measured in the same run
 * over the same bytes (a plain pass that splits them into lines), for N and 10N
 * rounds to show the cost is linear; then one document grown 10x (a table of
 * one-cell lines) to show a single import is linear in its size too.
 * Then the goal of issue 11: N generated texts (bench_common.h, rendered with
 * gk_report_to_text; 3,000, or 300 with BENCH_QUICK) imported and validated in
 * process, MB/s and instructions a byte (the CPU's counter through
 * perf_event_open when the kernel offers it; else run under callgrind).
 * Usage: bench_text [ROUNDS] [DIR]   (BENCH_QUICK=1: fewer rounds)
 *        bench_text -g N [ROUNDS]    (only the generated texts) */
#define _DEFAULT_SOURCE /* syscall(2) */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "bench_common.h"
#include "gkreport/text.h"

typedef struct {
  char *data;
  size_t len;
} doc;

/* ---- instructions retired, from the CPU's counter (Linux), -1 when none */
#ifdef __linux__
#include <linux/perf_event.h>
#include <sys/ioctl.h>
#include <sys/syscall.h>
#include <unistd.h>
static int insn_open(void) {
  struct perf_event_attr a;
  memset(&a, 0, sizeof a);
  a.type = PERF_TYPE_HARDWARE;
  a.size = sizeof a;
  a.config = PERF_COUNT_HW_INSTRUCTIONS;
  a.disabled = 1;
  a.exclude_kernel = 1;
  a.exclude_hv = 1;
  return (int)syscall(SYS_perf_event_open, &a, 0, -1, -1, 0);
}
static long long insn_read(int fd) {
  long long v = -1;
  if (fd < 0 || read(fd, &v, sizeof v) != (ssize_t)sizeof v) return -1;
  return v;
}
#else
static int insn_open(void) { return -1; }
static long long insn_read(int fd) { (void)fd; return -1; }
#endif

static char *read_all(const char *path, size_t *len) {
  FILE *f = fopen(path, "rb");
  if (!f) return NULL;
  size_t cap = 1 << 16, n = 0;
  char *b = malloc(cap);
  size_t k;
  while (b && (k = fread(b + n, 1, cap - n, f)) > 0) {
    n += k;
    if (n == cap) {
      char *nb = realloc(b, cap *= 2);
      if (!nb) {
        free(b);
        b = NULL;
      }
      b = nb;
    }
  }
  fclose(f);
  *len = n;
  return b;
}

/* Baseline: split into lines and touch each (what any reader must do). */
static size_t split_lines(const doc *d) {
  size_t lines = 0, sum = 0;
  const char *p = d->data, *end = d->data + d->len;
  while (p < end) {
    const char *nl = memchr(p, '\n', (size_t)(end - p));
    if (!nl) nl = end;
    sum += (size_t)(nl - p) + (unsigned char)*p;
    lines++;
    p = nl + 1;
  }
  return lines + (sum & 1);
}

static double run_import(const doc *docs, size_t ndocs, size_t rounds, size_t *failed) {
  double t0 = bench_now();
  for (size_t r = 0; r < rounds; r++)
    for (size_t i = 0; i < ndocs; i++) {
      gk_report *rep = NULL;
      if (gk_report_from_text(&rep, docs[i].data, docs[i].len, NULL, NULL) != GK_OK) (*failed)++;
      gk_report_free(rep);
    }
  return bench_now() - t0;
}

static double run_baseline(const doc *docs, size_t ndocs, size_t rounds, size_t *sink) {
  double t0 = bench_now();
  for (size_t r = 0; r < rounds; r++)
    for (size_t i = 0; i < ndocs; i++) *sink += split_lines(&docs[i]);
  return bench_now() - t0;
}

static doc grown(size_t lines) {
  const char *head = "某局2021年政府信息公开工作年度报告\n二、主动公开政府信息情况\n信息内容\t本年制发件数\n";
  size_t hl = strlen(head);
  doc d = {malloc(hl + lines * 3 + 1), 0};
  if (!d.data) return d;
  memcpy(d.data, head, hl);
  d.len = hl;
  for (size_t i = 0; i < lines; i++) d.data[d.len++] = '\t', d.data[d.len++] = '7', d.data[d.len++] = '\n';
  return d;
}

/* N generated reports as published text, valid by construction. */
static doc *generated(size_t n, size_t *bytes) {
  doc *d = calloc(n ? n : 1, sizeof *d);
  *bytes = 0;
  for (size_t k = 0; d && k < n; k++) {
    gk_report *r = NULL;
    if (bench_gen_report(&r, k + 1, 0) != GK_OK || gk_report_to_text(&d[k].data, &d[k].len, r) != GK_OK) {
      fprintf(stderr, "bench_text: cannot generate report %zu\n", k + 1);
      exit(1);
    }
    gk_report_free(r);
    *bytes += d[k].len;
  }
  return d;
}

static double run_import_validate(const doc *docs, size_t ndocs, size_t rounds, size_t *failed) {
  gk_diags *d = NULL;
  if (gk_diags_new(&d) != GK_OK) exit(1);
  double t0 = bench_now();
  for (size_t r = 0; r < rounds; r++)
    for (size_t i = 0; i < ndocs; i++) {
      gk_report *rep = NULL;
      gk_diags_clear(d);
      if (gk_report_from_text(&rep, docs[i].data, docs[i].len, NULL, NULL) != GK_OK ||
          gk_report_validate(rep, NULL, d) != GK_OK || gk_diags_count_severity(d, GK_SEV_ERROR) > 0)
        (*failed)++;
      gk_report_free(rep);
    }
  double t = bench_now() - t0;
  gk_diags_free(d);
  return t;
}

/* The goal of issue 11: >= 150 MB/s and <= 40 instructions a byte. */
static void bench_generated(size_t n, size_t rounds) {
  size_t bytes = 0, failed = 0, sink = 0;
  doc *docs = generated(n, &bytes);
  printf("bench_text: %zu generated texts, %.1f KB (%.0f B each), import + validate, %zu rounds\n", n,
         (double)bytes / 1024, (double)bytes / (double)n, rounds);
  run_import_validate(docs, n, 1, &failed); /* warm up: label tables, caches */
  int fd = insn_open();
#ifdef __linux__
  if (fd >= 0) ioctl(fd, PERF_EVENT_IOC_ENABLE, 0);
#endif
  double t = run_import_validate(docs, n, rounds, &failed);
  long long insn = insn_read(fd);
  double tb = run_baseline(docs, n, rounds, &sink);
  double mb = (double)(rounds * bytes) / 1e6;
  printf("  import + validate %8.1f MB/s (%.1f us/report) | line split %.1f MB/s | %zu failed\n", mb / t,
         t * 1e6 / (double)(rounds * n), mb / tb, failed / (rounds + 1));
  if (insn >= 0)
    printf("  %.1f instructions a byte (CPU counter)\n", (double)insn / (double)(rounds * bytes));
  else
    printf("  instructions a byte: no CPU counter here; run: valgrind --tool=callgrind bench_text -g %zu 1\n", n);
  if (fd >= 0) close(fd);
  for (size_t i = 0; i < n; i++) gk_free(docs[i].data);
  free(docs);
  (void)sink;
}

int main(int argc, char **argv) {
  if (argc > 2 && strcmp(argv[1], "-g") == 0) {
    size_t rounds = argc > 3 ? (size_t)strtoull(argv[3], NULL, 10) : 3;
    bench_generated((size_t)strtoull(argv[2], NULL, 10), rounds ? rounds : 1);
    return 0;
  }
  size_t rounds = getenv("BENCH_QUICK") ? 20 : 200;
  if (argc > 1) rounds = (size_t)strtoull(argv[1], NULL, 10);
  if (rounds == 0) rounds = 1;
  char dir[1024];
  if (argc > 2) {
    snprintf(dir, sizeof dir, "%s", argv[2]);
  } else { /* tests/data/real next to this file */
    snprintf(dir, sizeof dir, "%s", __FILE__);
    char *slash = strrchr(dir, '/');
    if (slash) *slash = '\0';
    else snprintf(dir, sizeof dir, ".");
    strncat(dir, "/../tests/data/real", sizeof dir - strlen(dir) - 1);
  }
  DIR *dp = opendir(dir);
  if (!dp) {
    fprintf(stderr, "bench_text: cannot open %s\n", dir);
    return 1;
  }
  doc docs[256];
  size_t ndocs = 0, bytes = 0;
  struct dirent *e;
  while ((e = readdir(dp)) != NULL && ndocs < 256) {
    size_t nl = strlen(e->d_name);
    if (nl < 4 || strcmp(e->d_name + nl - 4, ".txt") != 0) continue;
    char path[2048];
    snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
    docs[ndocs].data = read_all(path, &docs[ndocs].len);
    if (docs[ndocs].data) bytes += docs[ndocs].len, ndocs++;
  }
  closedir(dp);
  if (!ndocs) {
    fprintf(stderr, "bench_text: no .txt reports in %s\n", dir);
    return 1;
  }
  printf("bench_text: %zu published reports, %.1f KB, from %s\n", ndocs, (double)bytes / 1024, dir);
  size_t sink = 0, failed = 0;
  run_import(docs, ndocs, 2, &failed); /* warm up */
  for (size_t scale = 1; scale <= 10; scale *= 10) {
    size_t n = rounds * scale;
    double ti = run_import(docs, ndocs, n, &failed);
    double tb = run_baseline(docs, ndocs, n, &sink);
    double reports = (double)(n * ndocs), mb = (double)(n * bytes) / 1e6;
    printf("  %6zu rounds: import %9.0f reports/s %7.1f MB/s (%.2f us/report) | "
           "line split %8.1f MB/s | import/baseline %.1fx\n",
           n, reports / ti, mb / ti, ti * 1e6 / reports, mb / tb, ti / tb);
  }
  /* one document, 10x larger */
  for (size_t lines = 100000; lines <= 1000000; lines *= 10) {
    doc g = grown(lines);
    if (!g.data) return 1;
    double t0 = bench_now();
    gk_report *rep = NULL;
    int rc = gk_report_from_text(&rep, g.data, g.len, NULL, NULL);
    double t = bench_now() - t0;
    gk_report_free(rep);
    double tb = run_baseline(&g, 1, 1, &sink);
    printf("  one document of %7zu lines (%.1f MB): import %.3f s (%.1f MB/s, rc %d) | line split %.4f s\n",
           lines, (double)g.len / 1e6, t, (double)g.len / 1e6 / t, rc, tb);
    free(g.data);
  }
  printf("  peak RSS %ld KiB; %zu imports failed (reports that are no report at all); sink %zu\n",
         bench_peak_rss_kib(), failed, sink & 1);
  for (size_t i = 0; i < ndocs; i++) free(docs[i].data);
  bench_generated(getenv("BENCH_QUICK") ? 300 : 3000, getenv("BENCH_QUICK") ? 1 : 3);
  return 0;
}
