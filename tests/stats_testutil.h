/* SPDX-License-Identifier: MIT */
/* Helpers of the statistics suites (series, aggregate, indicator): build reports
 * from the hand-checked .truth.json files and by path. Header-only. */
#ifndef GK_STATS_TESTUTIL_H
#define GK_STATS_TESTUTIL_H

#include <stdlib.h>
#include <string.h>
#include <cjson/cJSON.h>
#include "testutil.h"

/* A .truth.json as a report (gk_test_load_truth). `dir` is GK_TEST_DATA "/series"
 * or GK_REAL_DATA. */
static inline gk_report *stats_load_truth(const char *dir, const char *name) {
  return gk_test_load_truth(dir, name, NULL);
}

/* Set a cell by path from text ("" = blank); CU-asserts success. */
#define STATS_SET(r, path, text) \
  CU_ASSERT_EQUAL_FATAL(gk_report_set_text((r), (path), (text), strlen(text)), GK_OK)

/* Set the source line of a cell by path. */
static inline void stats_set_line(gk_report *r, const char *path, uint32_t line) {
  int t;
  size_t row, col;
  CU_ASSERT_EQUAL_FATAL(gk_report_path_find(&t, &row, &col, r, path, GK_NUL_TERMINATED), GK_OK);
  CU_ASSERT_EQUAL(gk_report_set_line(r, t, row, col, line), GK_OK);
}

/* Index of the first finding of `rule` whose primary cell is `cell` (any cell when
 * NULL), or (size_t)-1. */
static inline size_t stats_find(const gk_diags *d, const char *rule, const char *cell) {
  for (size_t i = 0; i < gk_diags_count(d); i++) {
    if (strcmp(gk_diag_rule(d, i), rule) != 0) continue;
    if (cell && (!gk_diag_cell(d, i, 0) || strcmp(gk_diag_cell(d, i, 0), cell) != 0)) continue;
    return i;
  }
  return (size_t)-1;
}

/* Number of findings of `rule`. */
static inline size_t stats_count(const gk_diags *d, const char *rule) {
  size_t n = 0;
  for (size_t i = 0; i < gk_diags_count(d); i++) n += strcmp(gk_diag_rule(d, i), rule) == 0;
  return n;
}

#endif
