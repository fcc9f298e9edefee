/* SPDX-License-Identifier: MIT */
/* Threads: many threads reading the same const reports at once (issue 7).
 * The seven complete real reports of tests/data/real (*.truth.json) are loaded once,
 * then every thread reads every cell, clones and compares, and, as each module lands,
 * validates (GK_HAVE_VALIDATE), serializes (JSON, CSV, text), imports a published
 * report from shared bytes (GK_HAVE_TEXT) and consolidates (GK_HAVE_AGGREGATE) them; each thread folds everything it produced into a digest
 * that must equal the single-threaded one. CI also runs this suite under TSan. */
#include <dirent.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <cjson/cJSON.h>
#include "testutil.h"

#define MAXREPORTS 64
#define NTHREADS 8
#define ROUNDS 20

/* the complete real reports: every tests/data/real/<name>.truth.json, in name order */
static char truth_files[MAXREPORTS][128];
static size_t nreports;

static int cmp_name(const void *a, const void *b) { return strcmp(a, b); }
static void find_truth_files(void) {
  DIR *dir = opendir(GK_REAL_DATA);
  struct dirent *e;
  CU_ASSERT_PTR_NOT_NULL_FATAL(dir);
  nreports = 0;
  while ((e = readdir(dir)) != NULL && nreports < MAXREPORTS) {
    size_t n = strlen(e->d_name);
    if (n > 11 && n < sizeof truth_files[0] && strcmp(e->d_name + n - 11, ".truth.json") == 0)
      memcpy(truth_files[nreports++], e->d_name, n + 1);
  }
  closedir(dir);
  qsort(truth_files, nreports, sizeof truth_files[0], cmp_name);
}

static gk_report *shared[MAXREPORTS];
#ifdef GK_HAVE_TEXT
static char *fenggang_text;
static size_t fenggang_len;
#endif

/* FNV-1a over everything a thread produced. */
static uint64_t fold(uint64_t h, const void *p, size_t n) {
  const unsigned char *s = p;
  for (size_t i = 0; i < n; i++) {
    h ^= s[i];
    h *= 1099511628211u;
  }
  return h;
}
static uint64_t fold_str(uint64_t h, const char *s) { return fold(h, s ? s : "\x01", s ? strlen(s) + 1 : 1); }
static uint64_t fold_i64(uint64_t h, int64_t v) { return fold(h, &v, sizeof v); }

/* Builds a report from a truth file: {"year","edition","agency","level","kind","cells":{path:value}}. */
static gk_report *load_truth(const char *name) {
  return gk_test_load_truth(GK_REAL_DATA, name, NULL);
}

/* Everything one pass over the shared reports produces, folded. */
static uint64_t digest_all(void) {
  uint64_t h = 14695981039346656037u;
  char buf[256];
  for (size_t k = 0; k < nreports; k++) {
    const gk_report *r = shared[k];
    int ed = gk_report_edition(r);
    for (int t = 0; t < GK_NTABLES; t++) {
      for (size_t row = 0; row < gk_schema_nrows(ed, t); row++)
        for (size_t col = 0; col < gk_schema_ncols(ed, t); col++) {
          int state = -1;
          int64_t v = 0;
          if (!gk_schema_cell_exists(ed, t, row, col))
            continue;
          if (gk_report_cell(&state, &v, r, t, row, col) != GK_OK)
            return 0;
          h = fold_i64(fold_i64(h, state), v);
          if (gk_schema_path_format(buf, sizeof buf, ed, t, row, col) > 0 &&
              gk_report_text(buf, sizeof buf, r, buf, GK_NUL_TERMINATED) >= 0)
            h = fold_str(h, buf);
        }
      h = fold_i64(h, (int64_t)gk_report_count_filled(r, t));
    }
    gk_report *copy = NULL;
    if (gk_report_clone(&copy, r) != GK_OK)
      return 0;
    h = fold_i64(h, gk_report_equal(copy, r, 1));
    gk_report_free(copy);
#ifdef GK_HAVE_VALIDATE
    gk_diags *d = NULL;
    if (gk_diags_new(&d) != GK_OK || gk_report_validate(r, NULL, d) != GK_OK) {
      gk_diags_free(d);
      return 0;
    }
    for (size_t i = 0; i < gk_diags_count(d); i++) {
      h = fold_str(h, gk_diag_rule(d, i));
      h = fold_str(h, gk_diag_message(d, i, GK_LANG_EN));
      h = fold_str(h, gk_diag_expected(d, i));
      h = fold_str(h, gk_diag_actual(d, i));
      h = fold_str(h, gk_diag_suspect(d, i));
    }
    h = fold_i64(h, (int64_t)gk_diags_count(d));
    gk_diags_free(d);
#endif
    /* every serializer built in, into one buffer each */
    for (int fmt = 0; fmt < 3; fmt++) {
      char *out = NULL;
      size_t len = 0;
      int rc = GK_ENOTFOUND;
#ifdef GK_HAVE_CSV
      if (fmt == 0)
        rc = gk_report_to_csv(&out, &len, r, 0);
#endif
#ifdef GK_HAVE_TEXT_EXPORT
      if (fmt == 1)
        rc = gk_report_to_text(&out, &len, r);
#endif
#ifdef GK_HAVE_JSON
      if (fmt == 2)
        rc = gk_report_to_json(&out, &len, r, GK_JSON_PRETTY | GK_JSON_LINES);
#endif
      if (rc != GK_OK && rc != GK_ENOTFOUND)
        return 0;
      h = fold(fold_i64(h, rc), out ? out : "", len);
      gk_free(out);
    }
  }
#ifdef GK_HAVE_TEXT
  /* the importer, on shared const bytes */
  gk_report *imported = NULL;
  if (gk_report_from_text(&imported, fenggang_text, fenggang_len, "fenggang.txt", NULL) != GK_OK)
    return 0;
  for (int t = 0; t < GK_NTABLES; t++)
    h = fold_i64(h, (int64_t)gk_report_count_filled(imported, t));
  if (gk_report_text(buf, sizeof buf, imported, "requests/new/total", GK_NUL_TERMINATED) >= 0)
    h = fold_str(h, buf);
  gk_report_free(imported);
#endif
#ifdef GK_HAVE_AGGREGATE
  /* one consolidation per edition of the shared reports */
  for (int e = 0; e < 2; e++) {
    gk_aggregate *a = NULL;
    gk_report *sum = NULL;
    if (gk_aggregate_new(&a, 0) != GK_OK)
      return 0;
    for (size_t k = 0; k < nreports; k++)
      if ((gk_report_edition(shared[k]) == 2021) == (e == 1) &&
          gk_aggregate_add(a, shared[k], NULL) != GK_OK) {
        gk_aggregate_free(a);
        return 0;
      }
    if (gk_aggregate_result(&sum, a, "sum") != GK_OK) {
      gk_aggregate_free(a);
      return 0;
    }
    h = fold_i64(h, (int64_t)gk_aggregate_count(a));
    for (int t = 0; t < GK_NTABLES; t++)
      h = fold_i64(h, (int64_t)gk_report_count_filled(sum, t));
    if (gk_report_text(buf, sizeof buf, sum, "requests/new/total", GK_NUL_TERMINATED) >= 0)
      h = fold_str(h, buf);
    gk_report_free(sum);
    gk_aggregate_free(a);
  }
#endif
  return h;
}

typedef struct {
  uint64_t want;
  int mismatches;
} job;

static void *worker(void *arg) {
  job *j = arg;
  for (int i = 0; i < ROUNDS; i++)
    if (digest_all() != j->want)
      j->mismatches++;
  return NULL;
}

static void load_all(void) {
  if (nreports == 0)
    find_truth_files();
#ifdef GK_HAVE_TEXT
  if (fenggang_text == NULL)
    fenggang_text = gk_test_read_data("2020_ganzhou-fenggang-town.txt", 1, &fenggang_len);
  CU_ASSERT_PTR_NOT_NULL_FATAL(fenggang_text);
#endif
  for (size_t k = 0; k < nreports; k++)
    if (shared[k] == NULL)
      shared[k] = load_truth(truth_files[k]);
}

static void test_threads_truth_loaded(void) {
  char buf[64];
  load_all();
  CU_ASSERT_EQUAL_FATAL(nreports, 7); /* the seven complete reports of tests/data/real */
  CU_ASSERT_STRING_EQUAL(truth_files[1], "2020_ganzhou-fenggang-town.truth.json");
  CU_ASSERT_EQUAL(gk_report_edition(shared[0]), 2019);
  CU_ASSERT_EQUAL(gk_report_year(shared[3]), 2023);
  CU_ASSERT_STRING_EQUAL(gk_report_agency(shared[1], GK_AGENCY_NAME), "凤岗镇");
  CU_ASSERT_TRUE(gk_report_text(buf, sizeof buf, shared[1], "active/procurement/amount", GK_NUL_TERMINATED) > 0);
  CU_ASSERT_STRING_EQUAL(buf, "498742.4");
  CU_ASSERT_TRUE(gk_report_text(buf, sizeof buf, shared[3], "active/fees/amount", GK_NUL_TERMINATED) > 0);
  CU_ASSERT_STRING_EQUAL(buf, "59237.2449");
  CU_ASSERT_TRUE(gk_report_count_filled(shared[3], GK_TABLE_REQUESTS) > 100);
}

static void test_threads_shared_const_reports(void) {
  load_all();
  uint64_t want = digest_all();
  CU_ASSERT_NOT_EQUAL_FATAL(want, 0);
  CU_ASSERT_EQUAL(digest_all(), want); /* deterministic single-threaded */
  pthread_t th[NTHREADS];
  job jobs[NTHREADS];
  int started = 0;
  for (int i = 0; i < NTHREADS; i++) {
    jobs[i].want = want;
    jobs[i].mismatches = 0;
    if (pthread_create(&th[i], NULL, worker, &jobs[i]) != 0)
      break;
    started++;
  }
  CU_ASSERT_EQUAL(started, NTHREADS);
  for (int i = 0; i < started; i++) {
    pthread_join(th[i], NULL);
    CU_ASSERT_EQUAL(jobs[i].mismatches, 0);
  }
  /* the shared reports are unchanged by all that reading */
  for (size_t k = 0; k < nreports; k++) {
    gk_report *fresh = load_truth(truth_files[k]);
    CU_ASSERT_EQUAL(gk_report_equal(fresh, shared[k], 1), 1);
    gk_report_free(fresh);
    gk_report_free(shared[k]);
    shared[k] = NULL;
  }
#ifdef GK_HAVE_TEXT
  free(fenggang_text);
  fenggang_text = NULL;
#endif
}

int main(void) {
  CU_TestInfo tests[] = {
    {"test_threads_truth_loaded", test_threads_truth_loaded},
    {"test_threads_shared_const_reports", test_threads_shared_const_reports},
    CU_TEST_INFO_NULL,
  };
  return gk_test_main("threads", tests);
}
