/* SPDX-License-Identifier: MIT */
/* Text and Markdown round trips as a property (issue 14): random reports of
 * every edition, cells blank / value / literal at random (signed and amount
 * columns included), literals drawn from a hostile alphabet (spaces, '|', TAB,
 * full-width digits, commas, 无, -, /, line breaks, 」, \, 「), exported and
 * imported back: gk_report_equal(a, b, 0). A fixed seed; fewer reports under
 * valgrind (GK_TEST_UNDER_VALGRIND). */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "testutil.h"
#include "gkreport/text.h"

static uint64_t rng_state;
static uint32_t rnd(uint32_t n) { /* xorshift64*, uniform enough for tests */
  rng_state ^= rng_state >> 12;
  rng_state ^= rng_state << 25;
  rng_state ^= rng_state >> 27;
  return (uint32_t)((rng_state * 2685821657736338717ULL) >> 33) % n;
}

static const char *const alphabet[] = {
  " ", "|", "\t", "５", "１", ",", "无", "-", "/", "\n", "\r", "」", "\\", "「", "a", "1", "0", "12", "元", "万元",
  "　", "—", "｜", "│", ".", "+", "减", "=", "@", "年", "x",
};
#define NALPHA (sizeof alphabet / sizeof alphabet[0])

/* A literal: 1..6 pieces of the alphabet, or one the importer knows. */
static void random_literal(char *out, size_t cap) {
  static const char *const plain[] = {"-", "/", "无", "—", "——", "\\", "--"};
  if (rnd(4) == 0) {
    snprintf(out, cap, "%s", plain[rnd(sizeof plain / sizeof plain[0])]);
    return;
  }
  size_t len = 0, k = 1 + rnd(6);
  out[0] = '\0';
  for (size_t i = 0; i < k; i++) {
    const char *p = alphabet[rnd(NALPHA)];
    size_t pn = strlen(p);
    if (len + pn + 1 > cap) break;
    memcpy(out + len, p, pn + 1);
    len += pn;
  }
}

static int64_t random_value(int kind) {
  int64_t v = (int64_t)rnd(100000);
  if (rnd(8) == 0) v *= 1000003;
  if (kind == GK_KIND_SIGNED && rnd(2)) v = -v;
  if (kind == GK_KIND_AMOUNT && rnd(2)) v = v * GK_AMOUNT_SCALE / 100; /* cents */
  return v;
}

static void random_cells(gk_report *r, int ed) {
  for (int t = 0; t < GK_NTABLES; t++) {
    size_t nr = gk_schema_nrows(ed, t), nc = gk_schema_ncols(ed, t);
    for (size_t row = 0; row < nr; row++) {
      if (!(gk_schema_row_flags(ed, t, row) & GK_ROW_STORED)) continue;
      for (size_t c = 0; c < nc; c++) {
        if (!gk_schema_cell_exists(ed, t, row, c)) continue;
        int pick = (int)rnd(10), kind = gk_schema_col_kind(ed, t, c);
        if (pick < 3) continue; /* blank */
        if (pick < 7) {
          if (gk_report_set_value(r, t, row, c, random_value(kind)) == GK_OK && kind == GK_KIND_AMOUNT)
            gk_report_set_unit(r, t, row, c, (int)rnd(3));
          continue;
        }
        char lit[64];
        random_literal(lit, sizeof lit);
        gk_report_set_literal(r, t, row, c, lit, strlen(lit));
      }
    }
  }
}

/* The header of a report as the importer reads it: a report made with a title,
 * exported and read back (agency, level and kind as the title gives them). */
static gk_report *base_report(int ed, int year, const char *agency) {
  char title[256];
  snprintf(title, sizeof title, "%s%d年政府信息公开工作年度报告", agency, year);
  gk_report *r = NULL, *b = NULL;
  CU_ASSERT_EQUAL_FATAL(gk_report_new(&r, ed, year), GK_OK);
  gk_report_set_title(r, title, strlen(title));
  char *txt = NULL;
  size_t n = 0;
  CU_ASSERT_EQUAL_FATAL(gk_report_to_text(&txt, &n, r), GK_OK);
  CU_ASSERT_EQUAL_FATAL(gk_report_from_text(&b, txt, n, NULL, NULL), GK_OK);
  gk_free(txt);
  gk_report_free(r);
  return b;
}

/* The first cell where a and b differ, for the failure message. */
static void say_diff(const gk_report *a, const gk_report *b) {
  int ed = gk_report_edition(a);
  if (gk_report_year(a) != gk_report_year(b) || gk_report_edition(b) != ed) {
    fprintf(stderr, "year/edition %d/%d vs %d/%d\n", gk_report_year(a), ed, gk_report_year(b), gk_report_edition(b));
    return;
  }
  for (int t = 0; t < GK_NTABLES; t++)
    for (size_t row = 0; row < gk_schema_nrows(ed, t); row++)
      for (size_t c = 0; c < gk_schema_ncols(ed, t); c++) {
        int sa = 0, sb = 0;
        int64_t va = 0, vb = 0;
        if (gk_report_cell(&sa, &va, a, t, row, c) || gk_report_cell(&sb, &vb, b, t, row, c)) continue;
        const char *la = gk_report_literal(a, t, row, c), *lb = gk_report_literal(b, t, row, c);
        if (sa != sb || va != vb || gk_report_unit(a, t, row, c) != gk_report_unit(b, t, row, c) ||
            (la && lb && strcmp(la, lb))) {
          fprintf(stderr, "cell %d/%zu/%zu: state %d value %lld lit [%s] vs state %d value %lld lit [%s]\n", t, row,
                  c, sa, (long long)va, la ? la : "", sb, (long long)vb, lb ? lb : "");
          return;
        }
      }
  fprintf(stderr, "cells equal; header or sections differ\n");
}

static int through(gk_report *a, int markdown, unsigned iter) {
  char *txt = NULL;
  size_t n = 0;
  int rc = markdown ? gk_report_to_markdown(&txt, &n, a) : gk_report_to_text(&txt, &n, a);
  CU_ASSERT_EQUAL_FATAL(rc, GK_OK);
  gk_report *b = NULL;
  rc = gk_report_from_text(&b, txt, n, NULL, NULL);
  int same = rc == GK_OK && gk_report_equal(a, b, 0);
  if (!same) {
    fprintf(stderr, "\nround trip %u (%s) differs (rc %d):\n", iter, markdown ? "markdown" : "text", rc);
    if (b) say_diff(a, b);
    if (getenv("GK_TEST_VERBOSE")) fprintf(stderr, "%s\n", txt);
  }
  gk_free(txt);
  gk_report_free(b);
  return same;
}

static void test_roundtrip_random(void) {
  static const char *const agencies[] = {"某镇人民政府", "宿迁市人民政府办公室", "某县财政局",
                                         "=HYPERLINK(\"x\")某镇人民政府", "+某县人民政府", "@某局", "-某区民政局"};
  unsigned iters = getenv("GK_TEST_UNDER_VALGRIND") ? 60 : 2000, failed = 0;
  rng_state = 0x9E3779B97F4A7C15ULL;
  for (unsigned i = 0; i < iters && failed < 3; i++) {
    int ed = gk_schema_edition_id(i % gk_schema_edition_count());
    int year = ed == GK_EDITION_2019 ? 2019 + (int)rnd(2) : 2021 + (int)rnd(4);
    gk_report *a = base_report(ed, year, agencies[rnd(sizeof agencies / sizeof agencies[0])]);
    random_cells(a, ed);
    if (!through(a, 0, i)) failed++;
    else if (!through(a, 1, i)) failed++;
    gk_report_free(a);
  }
  CU_ASSERT_EQUAL(failed, 0);
}

/* Firing: a literal that reads as a number or holds a space is quoted. */
static void test_roundtrip_quoted_form(void) {
  gk_report *r = base_report(GK_EDITION_2021, 2022, "某镇");
  gk_report_set_literal(r, GK_TABLE_ACTIVE, 0, 0, "12 34", 5);
  gk_report_set_literal(r, GK_TABLE_ACTIVE, 0, 1, "1,000", 5);
  gk_report_set_literal(r, GK_TABLE_ACTIVE, 0, 2, "a」\\\nb", strlen("a」\\\nb"));
  gk_report_set_literal(r, GK_TABLE_ACTIVE, 1, 0, "无", strlen("无"));
  char *txt = NULL;
  size_t n = 0;
  CU_ASSERT_EQUAL_FATAL(gk_report_to_text(&txt, &n, r), GK_OK);
  CU_ASSERT_PTR_NOT_NULL(strstr(txt, "\t「12 34」\n\t「1,000」\n\t「a\\」\\\\\\nb」\n"));
  CU_ASSERT_PTR_NOT_NULL(strstr(txt, "\t无\n")); /* quiet: a plain literal stays plain */
  gk_report *b = NULL;
  CU_ASSERT_EQUAL_FATAL(gk_report_from_text(&b, txt, n, NULL, NULL), GK_OK);
  CU_ASSERT_STRING_EQUAL(gk_report_literal(b, GK_TABLE_ACTIVE, 0, 0), "12 34");
  CU_ASSERT_STRING_EQUAL(gk_report_literal(b, GK_TABLE_ACTIVE, 0, 1), "1,000");
  CU_ASSERT_STRING_EQUAL(gk_report_literal(b, GK_TABLE_ACTIVE, 0, 2), "a」\\\nb");
  CU_ASSERT_STRING_EQUAL(gk_report_literal(b, GK_TABLE_ACTIVE, 1, 0), "无");
  CU_ASSERT_TRUE(gk_report_equal(r, b, 0));
  gk_free(txt);
  gk_report_free(b);
  gk_report_free(r);
}

static CU_TestInfo tests[] = {
  {"quoted_form", test_roundtrip_quoted_form},
  {"random", test_roundtrip_random},
  CU_TEST_INFO_NULL,
};

int main(void) { return gk_test_main("text_roundtrip", tests); }
