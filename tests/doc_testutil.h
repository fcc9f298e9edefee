/* SPDX-License-Identifier: MIT */
/* Helpers of the document reader suites (test_html.c, test_docx.c): a rendering
 * of a complete given report (tests/data/documents, made by
 * tools/render_documents.py) read and compared cell by cell with its truth. */
#ifndef GK_DOC_TESTUTIL_H
#define GK_DOC_TESTUTIL_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "testutil.h"
#include "grid.h"

static const char *const gk_doc_reports[] = {
    "2019_shanghai-municipal-general-office", "2020_ganzhou-fenggang-town",
    "2023_huaian-hongze-district-government", "2023_suqian-municipal-government",
    "2024_huaian-hongze-district-government", "2024_huaian-municipal-government",
    "2024_suqian-municipal-government", NULL};

static inline char *gk_doc_read(const char *name, const char *ext, size_t *len) {
  char path[1024];
  snprintf(path, sizeof path, "%s/documents/%s%s", GK_TEST_DATA, name, ext);
  return gk_test_read_file(path, len);
}

/* Number of cells of r that differ from the truth (each printed). */
static inline size_t gk_doc_compare(const gk_report *r, const gk_report *truth, const char *name) {
  size_t bad = 0;
  int ed = gk_report_edition(truth);
  for (int t = 0; t < GK_NTABLES; t++)
    for (size_t row = 0; row < gk_schema_nrows(ed, t); row++)
      for (size_t col = 0; col < gk_schema_ncols(ed, t); col++) {
        if (!gk_schema_cell_exists(ed, t, row, col)) continue;
        char path[128], a[64], b[64];
        gk_schema_path_format(path, sizeof path, ed, t, row, col);
        gk_report_text(a, sizeof a, r, path, GK_NUL_TERMINATED);
        gk_report_text(b, sizeof b, truth, path, GK_NUL_TERMINATED);
        if (strcmp(a, b) != 0) {
          bad++;
          printf("\n  %s %s: read \"%s\", truth \"%s\"", name, path, a, b);
        }
      }
  return bad;
}

/* Read every rendering with extension ext through gk_report_load and compare it
 * with its truth: edition, year, agency and every cell. */
static inline void gk_doc_check_all(const char *ext) {
  for (int i = 0; gk_doc_reports[i]; i++) {
    size_t len = 0;
    char *bytes = gk_doc_read(gk_doc_reports[i], ext, &len);
    CU_ASSERT_PTR_NOT_NULL_FATAL(bytes);
    gk_diags *d = NULL;
    gk_report *r = NULL;
    CU_ASSERT_EQUAL_FATAL(gk_diags_new(&d), GK_OK);
    int rc = gk_report_load(&r, bytes, len, gk_doc_reports[i], d);
    CU_ASSERT_EQUAL(rc, GK_OK);
    if (rc == GK_OK) {
      gk_report *truth = gk_test_load_truth(GK_REAL_DATA, gk_doc_reports[i], NULL);
      CU_ASSERT_EQUAL(gk_report_edition(r), gk_report_edition(truth));
      CU_ASSERT_EQUAL(gk_report_year(r), gk_report_year(truth));
      CU_ASSERT_STRING_EQUAL(gk_report_agency(r, GK_AGENCY_NAME),
                             gk_report_agency(truth, GK_AGENCY_NAME));
      CU_ASSERT_EQUAL(gk_doc_compare(r, truth, gk_doc_reports[i]), 0);
      gk_report_free(truth);
    }
    gk_report_free(r);
    gk_diags_free(d);
    free(bytes);
  }
}

/* Index of the first diagnostic with this rule, or -1. */
static inline long gk_doc_find_rule(const gk_diags *d, const char *rule) {
  for (size_t i = 0; i < gk_diags_count(d); i++)
    if (strcmp(gk_diag_rule(d, i), rule) == 0) return (long)i;
  return -1;
}

/* Load every rendering with extension ext, validate it and count the findings
 * of rule (each printed): the renderings of complete reports have their six
 * parts in order, so text.sections must stay quiet on them. */
static inline size_t gk_doc_count_rule_all(const char *ext, const char *rule) {
  size_t found = 0;
  for (int i = 0; gk_doc_reports[i]; i++) {
    size_t len = 0;
    char *bytes = gk_doc_read(gk_doc_reports[i], ext, &len);
    CU_ASSERT_PTR_NOT_NULL_FATAL(bytes);
    char name[256];
    snprintf(name, sizeof name, "%s%s", gk_doc_reports[i], ext);
    gk_diags *d = NULL;
    gk_report *r = NULL;
    CU_ASSERT_EQUAL_FATAL(gk_diags_new(&d), GK_OK);
    CU_ASSERT_EQUAL(gk_report_load(&r, bytes, len, name, d), GK_OK);
    if (r) CU_ASSERT_EQUAL(gk_report_validate(r, NULL, d), GK_OK);
    for (size_t k = 0; k < gk_diags_count(d); k++)
      if (strcmp(gk_diag_rule(d, k), rule) == 0) {
        char buf[512];
        gk_diag_format(buf, sizeof buf, d, k, GK_LANG_EN);
        printf("\n  %s", buf);
        found++;
      }
    gk_report_free(r);
    gk_diags_free(d);
    free(bytes);
  }
  return found;
}

/* The grid's text of cell k of block b, NUL-terminated (arena texts end in NUL). */
static inline const char *gk_doc_cell(const gk__grid *g, size_t b, uint32_t k) {
  return gk__grid_text(g, g->cells[g->blocks[b].first + k].off);
}

#endif
