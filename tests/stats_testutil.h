/* Helpers of the statistics suites (series, aggregate, indicator): build reports
 * from the hand-checked .truth.json files and by path. Header-only. */
#ifndef GK_STATS_TESTUTIL_H
#define GK_STATS_TESTUTIL_H

#include <stdlib.h>
#include <string.h>
#include <cjson/cJSON.h>
#include "testutil.h"

/* Load a .truth.json (format of tests/data/real/README.md) as a report: edition,
 * year, agency name, level, kind and every cell; NULL on failure. `dir` is
 * GK_TEST_DATA "/series" or GK_REAL_DATA. */
static inline gk_report *stats_load_truth(const char *dir, const char *name) {
  char path[512];
  snprintf(path, sizeof path, "%s/%s.truth.json", dir, name);
  size_t len;
  char *text = gk_test_read_file(path, &len);
  if (!text) return NULL;
  cJSON *root = cJSON_ParseWithLength(text, len);
  free(text);
  if (!root) return NULL;
  gk_report *r = NULL;
  const cJSON *ed = cJSON_GetObjectItem(root, "edition"), *year = cJSON_GetObjectItem(root, "year");
  const cJSON *agency = cJSON_GetObjectItem(root, "agency"), *cells = cJSON_GetObjectItem(root, "cells");
  const cJSON *level = cJSON_GetObjectItem(root, "level"), *kind = cJSON_GetObjectItem(root, "kind");
  int ok = cJSON_IsString(ed) && cJSON_IsNumber(year) && cJSON_IsObject(cells) &&
           gk_report_new(&r, atoi(ed->valuestring), (int)year->valuedouble) == GK_OK;
  if (ok && cJSON_IsString(agency))
    ok = gk_report_set_agency(r, GK_AGENCY_NAME, agency->valuestring,
                              strlen(agency->valuestring)) == GK_OK;
  if (ok && cJSON_IsString(level))
    ok = gk_report_set_agency_level(r, gk_schema_level_find(level->valuestring)) == GK_OK;
  if (ok && cJSON_IsString(kind))
    ok = gk_report_set_agency_kind(r, gk_schema_agency_kind_find(kind->valuestring)) == GK_OK;
  if (ok) ok = gk_report_set_source(r, name, strlen(name)) == GK_OK;
  const cJSON *it;
  cJSON_ArrayForEach(it, cells) {
    if (!ok) break;
    char txt[64];
    if (cJSON_IsNumber(it))
      snprintf(txt, sizeof txt, "%.0f", it->valuedouble);
    else if (cJSON_IsString(it))
      snprintf(txt, sizeof txt, "%s", it->valuestring);
    else
      continue;
    ok = gk_report_set_text(r, it->string, txt, strlen(txt)) == GK_OK;
  }
  cJSON_Delete(root);
  if (!ok) {
    gk_report_free(r);
    return NULL;
  }
  return r;
}

/* Set a cell by path from text ("" = blank); CU-asserts success. */
#define STATS_SET(r, path, text) \
  CU_ASSERT_EQUAL_FATAL(gk_report_set_text((r), (path), (text), strlen(text)), GK_OK)

/* Set the source line of a cell by path. */
static inline void stats_set_line(gk_report *r, const char *path, uint32_t line) {
  int t;
  size_t row, col;
  CU_ASSERT_EQUAL_FATAL(gk_report_locate(r, path, &t, &row, &col), GK_OK);
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
