/* SPDX-License-Identifier: MIT */
/* XLSX workbooks (gk_report_to_xlsx): arguments, errors, a written file. The
 * content (numbers, merges, comments, sheets) is checked by check_xlsx.sh,
 * which unpacks the workbook. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include "testutil.h"
#include "internal.h"

static gk_report *fenggang(void) {
  size_t len;
  char *text = gk_test_read_file(GK_SOURCE_DIR "/examples/fenggang-2020.json", &len);
  CU_ASSERT_PTR_NOT_NULL_FATAL(text);
  gk_report *r = NULL;
  CU_ASSERT_EQUAL_FATAL(gk_report_from_json(&r, text, len, "fenggang-2020.json", NULL), GK_OK);
  free(text);
  return r;
}

static void temp_path(char *buf, size_t cap) {
  snprintf(buf, cap, "/tmp/gk-test-xlsx-%ld.xlsx", (long)getpid());
}

static void test_xlsx_writes_a_workbook(void) {
  gk_report *r = fenggang();
  gk_diags *d = NULL;
  CU_ASSERT_EQUAL_FATAL(gk_diags_new(&d), GK_OK);
  CU_ASSERT_EQUAL(gk_report_set_text(r, "requests/new/natural", "999", 3), GK_OK);
  CU_ASSERT_EQUAL(gk_report_validate(r, NULL, d), GK_OK);
  CU_ASSERT_TRUE(gk_diags_count(d) > 0);
  char path[128];
  temp_path(path, sizeof path);
  for (int lang = GK_LANG_ZH; lang <= GK_LANG_EN; lang++) {
    CU_ASSERT_EQUAL(gk_report_to_xlsx(path, r, d, lang), GK_OK);
    size_t len = 0;
    char *bytes = gk_test_read_file(path, &len);
    CU_ASSERT_PTR_NOT_NULL_FATAL(bytes);
    CU_ASSERT_TRUE(len > 4000);
    CU_ASSERT_EQUAL(memcmp(bytes, "PK\x03\x04", 4), 0); /* a zip container */
    free(bytes);
  }
  CU_ASSERT_EQUAL(gk_report_to_xlsx(path, r, NULL, GK_LANG_ZH), GK_OK);
  unlink(path);
  gk_diags_free(d);
  gk_report_free(r);
}

static void test_xlsx_bad_arguments(void) {
  gk_report *r = fenggang();
  char path[128];
  temp_path(path, sizeof path);
  CU_ASSERT_EQUAL(gk_report_to_xlsx(NULL, r, NULL, GK_LANG_ZH), GK_EINVAL);
  CU_ASSERT_EQUAL(gk_report_to_xlsx(path, NULL, NULL, GK_LANG_ZH), GK_EINVAL);
  CU_ASSERT_EQUAL(gk_report_to_xlsx(path, r, NULL, 2), GK_EINVAL);
  CU_ASSERT_EQUAL(access(path, F_OK), -1); /* nothing written */
  /* a path that cannot be written: GK_EIO, and nothing printed */
  CU_ASSERT_EQUAL(gk_report_to_xlsx("/nonexistent-dir/x.xlsx", r, NULL, GK_LANG_ZH), GK_EIO);
  gk_report_free(r);
}

/* Our own allocations (the findings placed on cells) fail cleanly. */
static void test_xlsx_alloc_failures(void) {
  gk_report *r = fenggang();
  gk_diags *d = NULL;
  CU_ASSERT_EQUAL_FATAL(gk_diags_new(&d), GK_OK);
  CU_ASSERT_EQUAL(gk_report_set_text(r, "requests/new/natural", "999", 3), GK_OK);
  CU_ASSERT_EQUAL(gk_report_validate(r, NULL, d), GK_OK);
  char path[128];
  temp_path(path, sizeof path);
  int ok = 0;
  for (long n = 0; n < 5000 && !ok; n++) {
    gk__alloc_fail_after(n);
    int rc = gk_report_to_xlsx(path, r, d, GK_LANG_ZH);
    gk__alloc_fail_after(-1);
    if (rc == GK_OK) ok = 1;
    else CU_ASSERT_EQUAL(rc, GK_ENOMEM);
  }
  CU_ASSERT_TRUE(ok);
  unlink(path);
  gk_diags_free(d);
  gk_report_free(r);
}

static void test_xlsx_series(void) {
  gk_series *s = NULL;
  CU_ASSERT_EQUAL_FATAL(gk_series_new(&s), GK_OK);
  gk_report *r = fenggang();
  CU_ASSERT_EQUAL(gk_series_add(s, r), GK_OK);
  CU_ASSERT_EQUAL(gk_report_set_year(r, 2019), GK_OK);
  CU_ASSERT_EQUAL(gk_series_add(s, r), GK_OK);
  char path[128];
  temp_path(path, sizeof path);
  CU_ASSERT_EQUAL(gk_series_to_xlsx(path, s, NULL, GK_LANG_ZH), GK_OK);
  size_t len = 0;
  char *bytes = gk_test_read_file(path, &len);
  CU_ASSERT_PTR_NOT_NULL_FATAL(bytes);
  CU_ASSERT_EQUAL(memcmp(bytes, "PK\x03\x04", 4), 0);
  free(bytes);
  CU_ASSERT_EQUAL(gk_series_to_xlsx(path, s, NULL, 5), GK_EINVAL);
  CU_ASSERT_EQUAL(gk_series_to_xlsx(NULL, s, NULL, GK_LANG_ZH), GK_EINVAL);
  CU_ASSERT_EQUAL(gk_series_to_xlsx("/nonexistent-dir/s.xlsx", s, NULL, GK_LANG_EN), GK_EIO);
  unlink(path);
  gk_report_free(r);
  gk_series_free(s);
}

int main(void) {
  CU_TestInfo tests[] = {
    {"test_xlsx_writes_a_workbook", test_xlsx_writes_a_workbook},
    {"test_xlsx_bad_arguments", test_xlsx_bad_arguments},
    {"test_xlsx_alloc_failures", test_xlsx_alloc_failures},
    {"test_xlsx_series", test_xlsx_series},
    CU_TEST_INFO_NULL};
  return gk_test_main("xlsx", tests);
}
