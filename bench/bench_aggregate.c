/* SPDX-License-Identifier: MIT */
/* Streaming consolidation benchmark: generates N synthetic reports as JSON Lines
 * in memory, chunk by chunk (never all at once), streams them through
 * gk_aggregate_add_jsonl and prints reports/s and peak RSS for each N, against a
 * baseline in the same run (bare cJSON_Parse + cJSON_Delete of the same lines).
 *
 *   bench_aggregate            N = 1e3, 1e4, 1e5, 1e6
 *   bench_aggregate N...       the given sizes
 *   bench_aggregate -t N...    distinct townships with region, level and kind set
 *                              (issue 15: what the duplicate and overlap checks keep),
 *                              the total checked against an independent sum
 *
 * The aggregate is created with GK_AGGREGATE_NO_CONTRIBUTORS: only the current
 * partial line is buffered, so peak RSS must stay flat as N grows (the contributor
 * list, when kept, grows by one entry per report). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>
#include <cjson/cJSON.h>
#include "gkreport/gkreport.h"

#define CHUNK_REPORTS 256

static double now(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static long peak_rss_kb(void) {
  struct rusage ru;
  getrusage(RUSAGE_SELF, &ru);
  return ru.ru_maxrss;
}

static int townships; /* -t */

/* A township government of a distinct region (2021 edition, 2023). */
static int gen_township(char *buf, size_t cap, unsigned long i) {
  unsigned long n = i % 97;
  return snprintf(buf, cap,
                  "{\"gkreport\":1,\"edition\":\"2021\",\"year\":2023,\"agency\":{\"name\":"
                  "\"第%lu县第%lu镇人民政府\",\"region\":\"某省第%lu市第%lu县第%lu镇\","
                  "\"level\":\"township\",\"kind\":\"government\"},"
                  "\"tables\":{\"active\":{\"penalty\":{\"decisions\":%lu}},"
                  "\"requests\":{\"new\":{\"natural\":%lu,\"total\":%lu},"
                  "\"granted\":{\"natural\":%lu,\"total\":%lu},"
                  "\"total\":{\"natural\":%lu,\"total\":%lu}}}}\n",
                  i / 20, i % 20, i / 2000, i / 20, i % 20, i % 7, n, n, n, n, n, n);
}

/* Independent sum of requests/new/total over the first n townships. */
static unsigned long long township_total(unsigned long n) {
  unsigned long long s = 0;
  for (unsigned long i = 0; i < n; i++) s += i % 97;
  return s;
}

/* One synthetic report line (a township department of edition 2019 or 2021). */
static int gen_line(char *buf, size_t cap, unsigned long i) {
  if (townships) return gen_township(buf, cap, i);
  unsigned long n = i % 97, g = n / 2, c = (i % 7) % (n - g + 1), fo = n - g - c;
  if (i % 3 == 0)
    return snprintf(buf, cap,
                    "{\"gkreport\":1,\"edition\":\"2019\",\"year\":2020,\"agency\":{\"name\":\"某镇%lu\"},"
                    "\"tables\":{\"active\":{\"regulations\":{\"made\":%lu,\"total_public\":%lu},"
                    "\"licensing\":{\"decisions\":%lu},\"procurement\":{\"amount\":\"%lu.25\"}},"
                    "\"requests\":{\"new\":{\"natural\":%lu,\"total\":%lu},"
                    "\"carried_over\":{\"total\":%lu},\"granted\":{\"natural\":%lu,\"total\":%lu},"
                    "\"other\":{\"total\":%lu},\"total\":{\"total\":%lu},"
                    "\"carried_forward\":{\"total\":%lu}},"
                    "\"review\":{\"reconsideration\":{\"upheld\":%lu,\"total\":%lu}}}}\n",
                    i, i % 5, i % 50, i % 300, i % 1000, n, n, c, g, g, fo, g + fo, c, i % 3,
                    i % 3);
  return snprintf(buf, cap,
                  "{\"gkreport\":1,\"edition\":\"2021\",\"year\":2021,\"agency\":{\"name\":\"某局%lu\"},"
                  "\"tables\":{\"active\":{\"normative_docs\":{\"issued\":%lu,\"in_force\":%lu},"
                  "\"penalty\":{\"decisions\":%lu},\"fees\":{\"amount\":\"%lu.5\"}},"
                  "\"requests\":{\"new\":{\"natural\":%lu,\"total\":%lu},"
                  "\"carried_over\":{\"total\":%lu},\"partial\":{\"total\":%lu},"
                  "\"other.misc\":{\"total\":%lu},\"total\":{\"total\":%lu},"
                  "\"carried_forward\":{\"total\":%lu}},"
                  "\"review\":{\"litigation_direct\":{\"corrected\":%lu,\"total\":%lu}}}}\n",
                  i, i % 4, i % 40, i % 200, i % 100, n, n, c, g, fo, g + fo, c, i % 2, i % 2);
}

/* Fill buf with up to CHUNK_REPORTS lines starting at report *next (< n). */
static size_t gen_chunk(char *buf, size_t cap, unsigned long *next, unsigned long n) {
  size_t len = 0;
  for (int k = 0; k < CHUNK_REPORTS && *next < n; k++, (*next)++) {
    int w = gen_line(buf + len, cap - len, *next);
    if (w < 0 || (size_t)w >= cap - len) break;
    len += (size_t)w;
  }
  return len;
}

/* Baseline: parse and free every line with bare cJSON. */
static double run_baseline(unsigned long n, char *buf, size_t cap) {
  unsigned long next = 0;
  double t0 = now();
  while (next < n) {
    size_t len = gen_chunk(buf, cap, &next, n);
    for (char *p = buf, *end = buf + len; p < end;) {
      char *nl = memchr(p, '\n', (size_t)(end - p));
      cJSON *j = cJSON_ParseWithLength(p, (size_t)(nl - p));
      if (!j) {
        fprintf(stderr, "baseline: bad line\n");
        exit(1);
      }
      cJSON_Delete(j);
      p = nl + 1;
    }
  }
  return now() - t0;
}

static double run_aggregate(unsigned long n, char *buf, size_t cap, char *total, size_t tcap) {
  gk_aggregate *a = NULL;
  gk_diags *d = NULL;
  if (gk_aggregate_new(&a, GK_AGGREGATE_NO_CONTRIBUTORS | GK_AGGREGATE_MULTI_YEAR) ||
      gk_diags_new(&d))
    exit(1);
  unsigned long next = 0;
  double t0 = now();
  while (next < n) {
    size_t len = gen_chunk(buf, cap, &next, n);
    /* odd-sized pieces, so lines straddle the chunk boundaries */
    for (size_t pos = 0; pos < len;) {
      size_t piece = len - pos < 40000 ? len - pos : 40000;
      if (gk_aggregate_add_jsonl(a, buf + pos, piece, d) != GK_OK) exit(1);
      pos += piece;
    }
  }
  if (gk_aggregate_add_jsonl_end(a, d) != GK_OK) exit(1);
  if (gk_aggregate_check(a, d) != GK_OK) exit(1);
  double t = now() - t0;
  if (gk_diags_count_severity(d, GK_SEV_WARNING) != 0 || gk_aggregate_count(a) != n) {
    char msg[512] = "";
    if (gk_diags_count(d)) gk_diag_format(msg, sizeof msg, d, 0, GK_LANG_EN);
    fprintf(stderr, "aggregate: %zu findings, %llu reports; first: %s\n", gk_diags_count(d),
            (unsigned long long)gk_aggregate_count(a), msg);
    exit(1);
  }
  gk_report *r = NULL;
  if (gk_aggregate_result(&r, a, "bench")) exit(1);
  gk_report_text(total, tcap, r, "requests/new/total", GK_NUL_TERMINATED);
  if (townships && strtoull(total, NULL, 10) != township_total(n)) {
    fprintf(stderr, "aggregate: total %s, independent sum %llu\n", total, township_total(n));
    exit(1);
  }
  gk_report_free(r);
  gk_diags_free(d);
  gk_aggregate_free(a);
  return t;
}

int main(int argc, char **argv) {
  unsigned long sizes[16] = {1000, 10000, 100000, 1000000};
  int nsizes = 4, first = 1;
  if (argc > 1 && strcmp(argv[1], "-t") == 0) townships = first = 2;
  if (argc > first) {
    nsizes = 0;
    for (int i = first; i < argc && nsizes < 16; i++) sizes[nsizes++] = strtoul(argv[i], NULL, 10);
  }
  size_t cap = CHUNK_REPORTS * 1024;
  char *buf = malloc(cap);
  if (!buf) return 1;
  printf("%10s %14s %14s %10s %12s %s\n", "reports", "aggregate/s", "cJSON parse/s", "ratio",
         "peak RSS kB", "requests/new/total");
  for (int k = 0; k < nsizes; k++) {
    unsigned long n = sizes[k];
    char total[64] = "";
    double tb = run_baseline(n, buf, cap);
    double ta = run_aggregate(n, buf, cap, total, sizeof total);
    printf("%10lu %14.0f %14.0f %10.2f %12ld %s\n", n, (double)n / ta, (double)n / tb, ta / tb,
           peak_rss_kb(), total);
    fflush(stdout);
  }
  free(buf);
  return 0;
}
