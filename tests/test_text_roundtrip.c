/* SPDX-License-Identifier: MIT */
/* Text and Markdown round trips as a property (issue 14): random reports of
 * every edition, cells blank / value / literal at random (signed and amount
 * columns included), literals drawn from a hostile alphabet (spaces, '|', TAB,
 * full-width digits, commas, 无, -, /, line breaks, 」, \, 「); headers at random
 * (no title, the published one or a hostile one with line breaks, formula
 * characters, quotes, 「」, `\` and the block's own keys; no agency name, a plain
 * or a hostile one; no year, a report year or any year); prose sections that name
 * other years and agencies. Exported and imported back: gk_report_equal(a, b, 0),
 * which compares title, agency fields, year, edition, every cell and the sections.
 * A fixed seed; fewer reports under valgrind (GK_TEST_UNDER_VALGRIND). */
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

/* Hostile pieces of titles and names: line breaks, formula characters, quotes,
 * 「」 and `\`, colons, Markdown marks, years, the words of a title. */
static const char *const name_bits[] = {
  "某镇", "人民政府", "宿迁市", "财政局", "\n", "\r", "\r\n", "=", "+", "@", "-", "\"", "'", "「", "」", "\\",
  " ", "　", "\t", "|", "#", "*", ":", "：", "关于", "报告名称：", "发布机构：", "报告年度：", "2023年", "１９年", "年", "报告", "政府信息公开工作年度报告", "=HYPERLINK(\"x\")",
};
#define NBITS (sizeof name_bits / sizeof name_bits[0])

static void random_text(char *out, size_t cap, size_t pieces) {
  size_t len = 0;
  out[0] = '\0';
  for (size_t i = 0; i < pieces; i++) {
    const char *p = name_bits[rnd(NBITS)];
    size_t pn = strlen(p);
    if (len + pn + 1 > cap) break;
    memcpy(out + len, p, pn + 1);
    len += pn;
  }
}

/* Prose that names other years, another report and another agency: none of it
 * may reach the header on the way back. */
static const char *const prose_bits[] = {
  "本报告依据《中华人民共和国政府信息公开条例》编制。", "统计期限自2018年1月1日起至2018年12月31日止。",
  "本报告由某县人民政府办公室编制。", "2017年政府信息公开工作年度报告", "全年公开信息10条。", "无",
  "    2016年度共收到申请3件。", "=SUM(A1)", "发布机构：某局", "报告年度：2015",
};

static void random_sections(gk_report *r) {
  for (int s = 0; s < GK_NSECTIONS; s++) {
    if (rnd(3) == 0) continue; /* absent */
    char buf[1024];
    size_t len = 0, k = 1 + rnd(4);
    for (size_t i = 0; i < k; i++) {
      const char *p = prose_bits[rnd(sizeof prose_bits / sizeof prose_bits[0])];
      len += (size_t)snprintf(buf + len, sizeof buf - len, "%s%s", i ? "\n" : "", p);
    }
    gk_report_set_section(r, s, buf, len);
  }
}

/* A report header at random: no title, the published title of its agency and
 * year, or a hostile one; no agency name, a plain one or a hostile one; no year,
 * a report year or any year. */
static void random_header(gk_report *r, int year) {
  static const char *const agencies[] = {"某镇人民政府", "宿迁市人民政府办公室", "某县财政局",
                                         "=HYPERLINK(\"x\")某镇人民政府", "+某县人民政府", "@某局", "-某区民政局"};
  char name[160], title[320];
  int pick = (int)rnd(4);
  if (pick == 1) snprintf(name, sizeof name, "%s", agencies[rnd(sizeof agencies / sizeof agencies[0])]);
  else if (pick > 1) random_text(name, sizeof name, 1 + rnd(5));
  if (pick) gk_report_set_agency(r, GK_AGENCY_NAME, name, strlen(name));
  int y = rnd(5) == 0 ? 0 : rnd(8) == 0 ? (int)rnd(10000) : year;
  gk_report_set_year(r, y);
  pick = (int)rnd(4);
  static const char *const tails[] = {"政府信息公开工作年度报告", "度政府信息公开工作年度报告", "政府信息公开工作 年度报告",
                                      "年报", "信息公开报告*", "报告 ", "报告：2024年", "二、主动公开政府信息情况报告"};
  char tail[160];
  snprintf(tail, sizeof tail, "%s", tails[rnd(sizeof tails / sizeof tails[0])]);
  if (rnd(4) == 0) random_text(tail, sizeof tail, 1 + rnd(4));
  const char *an = gk_report_agency(r, GK_AGENCY_NAME);
  if (pick == 1 && y) snprintf(title, sizeof title, "%s%d年%s", an ? an : "", y, tail);
  else if (pick > 1) random_text(title, sizeof title, 1 + rnd(6));
  if (pick && (pick != 1 || y)) gk_report_set_title(r, title, strlen(title));
}

/* A random report whose level, kind and region are those an import infers from
 * its name (the published layout has no place for them: text.h): the header
 * made at random, exported and read back (title, name and year must come back
 * as they were), then cells and sections at random. */
static gk_report *base_report(int ed, int year) {
  gk_report *r = NULL, *b = NULL;
  CU_ASSERT_EQUAL_FATAL(gk_report_new(&r, ed, 0), GK_OK);
  random_header(r, year);
  char *txt = NULL;
  size_t n = 0;
  CU_ASSERT_EQUAL_FATAL(gk_report_to_text(&txt, &n, r), GK_OK);
  CU_ASSERT_EQUAL_FATAL(gk_report_from_text(&b, txt, n, NULL, NULL), GK_OK);
  const char *ta = gk_report_title(r), *tb = gk_report_title(b);
  const char *na = gk_report_agency(r, GK_AGENCY_NAME), *nb = gk_report_agency(b, GK_AGENCY_NAME);
  CU_ASSERT_TRUE(ta && tb ? strcmp(ta, tb) == 0 : ta == tb);
  CU_ASSERT_TRUE(na && nb ? strcmp(na, nb) == 0 : na == nb);
  CU_ASSERT_EQUAL(gk_report_year(b), gk_report_year(r));
  CU_ASSERT_EQUAL(gk_report_edition(b), ed);
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
  const char *ta = gk_report_title(a), *tb = gk_report_title(b);
  const char *na = gk_report_agency(a, GK_AGENCY_NAME), *nb = gk_report_agency(b, GK_AGENCY_NAME);
  fprintf(stderr, "cells equal; title [%s] vs [%s], agency [%s] vs [%s], level %d/%d kind %d/%d; or sections\n",
          ta ? ta : "(none)", tb ? tb : "(none)", na ? na : "(none)", nb ? nb : "(none)", gk_report_agency_level(a),
          gk_report_agency_level(b), gk_report_agency_kind(a), gk_report_agency_kind(b));
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
  unsigned iters = getenv("GK_TEST_UNDER_VALGRIND") ? 60 : 4000, failed = 0;
  rng_state = 0x9E3779B97F4A7C15ULL;
  for (unsigned i = 0; i < iters && failed < 3; i++) {
    int ed = gk_schema_edition_id(i % gk_schema_edition_count());
    int year = ed == GK_EDITION_2019 ? 2019 + (int)rnd(2) : 2021 + (int)rnd(4);
    gk_report *a = base_report(ed, year);
    random_cells(a, ed);
    random_sections(a);
    if (!through(a, 0, i)) failed++;
    else if (!through(a, 1, i)) failed++;
    gk_report_free(a);
  }
  CU_ASSERT_EQUAL(failed, 0);
}

/* Firing: a literal that reads as a number or holds a space is quoted. */
static void test_roundtrip_quoted_form(void) {
  gk_report *r = NULL;
  CU_ASSERT_EQUAL_FATAL(gk_report_new(&r, GK_EDITION_2021, 2022), GK_OK);
  gk_report_set_title(r, "某镇2022年政府信息公开工作年度报告", strlen("某镇2022年政府信息公开工作年度报告"));
  gk_report_set_agency(r, GK_AGENCY_NAME, "某镇", strlen("某镇"));
  gk_report_set_agency_level(r, GK_LEVEL_TOWNSHIP); /* as an import infers them from the name */
  gk_report_set_agency_kind(r, GK_AGENCY_KIND_GOVERNMENT);
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

/* Firing: an untitled report without year or agency gains none of them, though
 * its prose names a year, a report and an agency (the fuzzer's case), in text and
 * in Markdown; a line break in the title stays one, and the heading stays whole. */
static void test_roundtrip_header_block(void) {
  static const char pre[] = "统计期限自2018年1月1日起至2018年12月31日止。\n本报告由某县人民政府办公室编制。\n"
                            "2017年政府信息公开工作年度报告";
  static const char title[] = "某县人民政府\n2023年政府信息公开工作年度报告";
  for (int md = 0; md < 2; md++) {
    gk_report *r = NULL, *b = NULL;
    CU_ASSERT_EQUAL_FATAL(gk_report_new(&r, GK_EDITION_2021, 0), GK_OK);
    gk_report_set_section(r, GK_SECTION_PREAMBLE, pre, strlen(pre));
    gk_report_set_section(r, GK_SECTION_OVERVIEW, "2016年度无。", strlen("2016年度无。"));
    char *txt = NULL;
    size_t n = 0;
    CU_ASSERT_EQUAL_FATAL(md ? gk_report_to_markdown(&txt, &n, r) : gk_report_to_text(&txt, &n, r), GK_OK);
    CU_ASSERT_EQUAL(strncmp(txt, "报告名称：\n发布机构：\n报告年度：\n\n", strlen("报告名称：\n发布机构：\n报告年度：\n\n")), 0);
    CU_ASSERT_EQUAL_FATAL(gk_report_from_text(&b, txt, n, NULL, NULL), GK_OK);
    CU_ASSERT_PTR_NULL(gk_report_title(b));
    CU_ASSERT_PTR_NULL(gk_report_agency(b, GK_AGENCY_NAME));
    CU_ASSERT_EQUAL(gk_report_year(b), 0);
    CU_ASSERT_STRING_EQUAL(gk_report_section(b, GK_SECTION_PREAMBLE), pre);
    CU_ASSERT_TRUE(gk_report_equal(r, b, 0));
    gk_report_free(b);
    gk_free(txt);
    gk_report_set_title(r, title, strlen(title));
    CU_ASSERT_EQUAL_FATAL(md ? gk_report_to_markdown(&txt, &n, r) : gk_report_to_text(&txt, &n, r), GK_OK);
    const char *want = md ? "# 「某县人民政府\\n2023年政府信息公开工作年度报告」\n\n报告名称：「某县人民政府\\n2023年"
                          : "「某县人民政府\\n2023年政府信息公开工作年度报告」\n\n报告名称：「某县人民政府\\n2023年";
    CU_ASSERT_EQUAL(strncmp(txt, want, strlen(want)), 0);
    CU_ASSERT_EQUAL_FATAL(gk_report_from_text(&b, txt, n, NULL, NULL), GK_OK);
    CU_ASSERT_STRING_EQUAL(gk_report_title(b), title);
    CU_ASSERT_EQUAL(gk_report_year(b), 0);
    CU_ASSERT_TRUE(gk_report_equal(r, b, 0));
    gk_report_free(b);
    gk_free(txt);
    gk_report_free(r);
  }
}

/* Quiet: a report with its published title is written as before, the title alone. */
static void test_roundtrip_published_title(void) {
  static const char title[] = "某镇2022年政府信息公开工作年度报告";
  gk_report *r = NULL;
  CU_ASSERT_EQUAL_FATAL(gk_report_new(&r, GK_EDITION_2021, 2022), GK_OK);
  gk_report_set_title(r, title, strlen(title));
  gk_report_set_agency(r, GK_AGENCY_NAME, "某镇", strlen("某镇"));
  char *txt = NULL;
  size_t n = 0;
  CU_ASSERT_EQUAL_FATAL(gk_report_to_text(&txt, &n, r), GK_OK);
  CU_ASSERT_EQUAL(strncmp(txt, "某镇2022年政府信息公开工作年度报告\n\n一、", strlen("某镇2022年政府信息公开工作年度报告\n\n")), 0);
  CU_ASSERT_PTR_NULL(strstr(txt, "报告名称："));
  gk_free(txt);
  gk_report_set_year(r, 2021); /* the title names another year: the block */
  CU_ASSERT_EQUAL_FATAL(gk_report_to_text(&txt, &n, r), GK_OK);
  CU_ASSERT_PTR_NOT_NULL(strstr(txt, "\n\n报告名称：某镇2022年政府信息公开工作年度报告\n发布机构：某镇\n报告年度：2021\n\n"));
  gk_report *b = NULL;
  CU_ASSERT_EQUAL_FATAL(gk_report_from_text(&b, txt, n, NULL, NULL), GK_OK);
  CU_ASSERT_EQUAL(gk_report_year(b), 2021);
  CU_ASSERT_STRING_EQUAL(gk_report_title(b), title);
  gk_report_free(b);
  gk_free(txt);
  gk_report_free(r);
}

static CU_TestInfo tests[] = {
  {"header_block", test_roundtrip_header_block},
  {"published_title", test_roundtrip_published_title},
  {"quoted_form", test_roundtrip_quoted_form},
  {"random", test_roundtrip_random},
  CU_TEST_INFO_NULL,
};

int main(void) { return gk_test_main("text_roundtrip", tests); }
