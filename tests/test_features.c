/* SPDX-License-Identifier: MIT */
/* The optional features follow the build options (CMakeLists.txt GK_WITH_HTML,
 * GK_WITH_DOCX, GK_WITH_XLSX, passed to the test build as defines): a feature
 * built in does its work, one built without answers GK_EUNSUPPORTED. CI builds
 * with every feature; configure with -DGK_WITH_...=OFF to check the other side. */
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include "testutil.h"

static void test_features_html(void) {
  const char *page = "<html><body><h1>某县2023年政府信息公开工作年度报告</h1><p>一、总体情况</p></body></html>";
  gk_report *r = NULL;
  int rc = gk_report_from_html(&r, page, strlen(page), "p.html", NULL);
#ifdef GK_WITH_HTML
  CU_ASSERT_NOT_EQUAL(rc, GK_EUNSUPPORTED);
#else
  CU_ASSERT_EQUAL(rc, GK_EUNSUPPORTED);
  CU_ASSERT_PTR_NULL(r);
#endif
  gk_report_free(r);
}

static void test_features_docx(void) {
  const char junk[] = "PK\x03\x04 not really a zip";
  gk_report *r = NULL;
  int rc = gk_report_from_docx(&r, junk, sizeof junk - 1, "d.docx", NULL);
#ifdef GK_WITH_DOCX
  CU_ASSERT_NOT_EQUAL(rc, GK_EUNSUPPORTED);
#else
  CU_ASSERT_EQUAL(rc, GK_EUNSUPPORTED);
#endif
  CU_ASSERT_NOT_EQUAL(rc, GK_OK);
  gk_report_free(r);
}

static void test_features_xlsx(void) {
  gk_report *r = NULL;
  CU_ASSERT_EQUAL_FATAL(gk_report_new(&r, GK_EDITION_2021, 2023), GK_OK);
  char path[64];
  snprintf(path, sizeof path, "/tmp/gk_features_%ld.xlsx", (long)getpid());
  int rc = gk_report_to_xlsx(path, r, NULL, GK_LANG_ZH);
#ifdef GK_WITH_XLSX
  CU_ASSERT_EQUAL(rc, GK_OK);
  CU_ASSERT_EQUAL(access(path, F_OK), 0);
#else
  CU_ASSERT_EQUAL(rc, GK_EUNSUPPORTED);
  CU_ASSERT_NOT_EQUAL(access(path, F_OK), 0);
#endif
  remove(path);
  gk_report_free(r);
}

int main(void) {
  CU_TestInfo tests[] = {
    {"html", test_features_html},
    {"docx", test_features_docx},
    {"xlsx", test_features_xlsx},
    CU_TEST_INFO_NULL,
  };
  return gk_test_main("features", tests);
}
