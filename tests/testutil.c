/* SPDX-License-Identifier: MIT */
#include "testutil.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif

void gk_test_warm_heap(void) {
#ifdef __GLIBC__
  mallopt(M_MMAP_THRESHOLD, 1 << 30);
  mallopt(M_TRIM_THRESHOLD, 1 << 30);
#endif
}

int gk_test_main(const char *suite, CU_TestInfo *tests) {
  if (CU_initialize_registry() != CUE_SUCCESS) return 2;
  CU_SuiteInfo suites[] = {{suite, NULL, NULL, NULL, NULL, tests}, CU_SUITE_INFO_NULL};
  if (CU_register_suites(suites) != CUE_SUCCESS) {
    CU_cleanup_registry();
    return 2;
  }
  CU_basic_set_mode(CU_BRM_VERBOSE);
  CU_basic_run_tests();
  unsigned failed = CU_get_number_of_failures();
  unsigned run = CU_get_number_of_tests_run();
  CU_cleanup_registry();
  return (failed == 0 && run > 0) ? 0 : 1;
}

char *gk_test_read_file(const char *path, size_t *len_out) {
  FILE *f = fopen(path, "rb");
  if (!f) return NULL;
  size_t cap = 4096, n = 0;
  char *buf = malloc(cap);
  size_t k;
  while (buf && (k = fread(buf + n, 1, cap - n - 1, f)) > 0) {
    n += k;
    if (cap - n - 1 == 0) {
      char *p = realloc(buf, cap * 2);
      if (!p) {
        free(buf);
        buf = NULL;
        break;
      }
      buf = p;
      cap *= 2;
    }
  }
  fclose(f);
  if (!buf) return NULL;
  buf[n] = '\0';
  if (len_out) *len_out = n;
  return buf;
}

void gk_test_data_path(char *buf, size_t cap, const char *name, int real) {
  snprintf(buf, cap, "%s/%s", real ? GK_REAL_DATA : GK_TEST_DATA, name);
}

char *gk_test_read_data(const char *name, int real, size_t *len_out) {
  char path[1024];
  gk_test_data_path(path, sizeof path, name, real);
  return gk_test_read_file(path, len_out);
}

gk_report *gk_test_load_truth(const char *dir, const char *name, cJSON **doc_out) {
  char path[1024];
  size_t n = strlen(name);
  int suffix = n > 5 && strcmp(name + n - 5, ".json") == 0;
  snprintf(path, sizeof path, "%s/%s%s", dir, name, suffix ? "" : ".truth.json");
  size_t len = 0;
  char *text = gk_test_read_file(path, &len);
  CU_ASSERT_PTR_NOT_NULL_FATAL(text);
  cJSON *doc = cJSON_ParseWithLength(text, len);
  free(text);
  CU_ASSERT_PTR_NOT_NULL_FATAL(doc);
  const cJSON *ed = cJSON_GetObjectItemCaseSensitive(doc, "edition");
  const cJSON *year = cJSON_GetObjectItemCaseSensitive(doc, "year");
  const cJSON *agency = cJSON_GetObjectItemCaseSensitive(doc, "agency");
  const cJSON *level = cJSON_GetObjectItemCaseSensitive(doc, "level");
  const cJSON *kind = cJSON_GetObjectItemCaseSensitive(doc, "kind");
  const cJSON *cells = cJSON_GetObjectItemCaseSensitive(doc, "cells");
  CU_ASSERT_TRUE_FATAL(cJSON_IsString(ed) && cJSON_IsNumber(year) && cJSON_IsObject(cells));
  gk_report *r = NULL;
  CU_ASSERT_EQUAL_FATAL(gk_report_new(&r, atoi(ed->valuestring), year->valueint), GK_OK);
  CU_ASSERT_EQUAL_FATAL(gk_report_set_source(r, name, n), GK_OK);
  if (cJSON_IsString(agency))
    CU_ASSERT_EQUAL_FATAL(gk_report_set_agency(r, GK_AGENCY_NAME, agency->valuestring,
                                               strlen(agency->valuestring)), GK_OK);
  if (cJSON_IsString(level))
    CU_ASSERT_EQUAL_FATAL(gk_report_set_agency_level(r, gk_schema_level_find(level->valuestring)),
                          GK_OK);
  if (cJSON_IsString(kind))
    CU_ASSERT_EQUAL_FATAL(
        gk_report_set_agency_kind(r, gk_schema_agency_kind_find(kind->valuestring)), GK_OK);
  const cJSON *c;
  cJSON_ArrayForEach(c, cells) {
    char num[32];
    const char *v = num;
    if (cJSON_IsNumber(c))
      snprintf(num, sizeof num, "%.0f", c->valuedouble);
    else if (cJSON_IsString(c))
      v = c->valuestring;
    else
      continue;
    CU_ASSERT_EQUAL_FATAL(gk_report_set_text(r, c->string, v, strlen(v)), GK_OK);
  }
  if (doc_out) *doc_out = doc;
  else cJSON_Delete(doc);
  return r;
}

const char *const gk_test_truth_files[] = {
  "2019_shanghai-municipal-general-office", "2020_ganzhou-fenggang-town",
  "2023_huaian-hongze-district-government", "2023_suqian-municipal-government",
  "2024_huaian-hongze-district-government", "2024_huaian-municipal-government",
  "2024_suqian-municipal-government"};
const size_t gk_test_ntruth = sizeof gk_test_truth_files / sizeof gk_test_truth_files[0];

size_t gk_test_each_truth(size_t (*check)(const void *arg, const gk_report *truth, const char *name),
                          const void *arg) {
  size_t wrong = 0;
  for (size_t i = 0; i < gk_test_ntruth; i++) {
    gk_report *truth = gk_test_load_truth(GK_REAL_DATA, gk_test_truth_files[i], NULL);
    wrong += check(arg, truth, gk_test_truth_files[i]);
    gk_report_free(truth);
  }
  return wrong;
}

gk_report *gk_test_import(const char *text, const char *name, gk_diags **d) {
  gk_report *r = NULL;
  *d = NULL;
  CU_ASSERT_EQUAL_FATAL(gk_diags_new(d), GK_OK);
  CU_ASSERT_EQUAL_FATAL(gk_report_from_text(&r, text, strlen(text), name, *d), GK_OK);
  return r;
}

size_t gk_test_count_rule(const gk_diags *d, const char *rule) {
  size_t n = 0;
  for (size_t i = 0; i < gk_diags_count(d); i++) n += strcmp(gk_diag_rule(d, i), rule) == 0;
  return n;
}
