/* SPDX-License-Identifier: MIT */
/* Numbers in thousands groups (issue 11): gk__text_ungroup reads the strict
 * grouping form only, with every separator (the comma, the full-width comma,
 * the narrow no-break space; white space only where a cell's bounds are known),
 * and the importer reads "1，808，595" and, in a table cell, "1 808 595", keeps a
 * cell grouped in another form verbatim with import.value, and never reads
 * "3 525" of a space-aligned line as one number. */
#include <stdio.h>
#include <string.h>
#include "testutil.h"
#include "internal.h"
#include "text_int.h"
#include "digit_split.h"

static int ungroup(const char *s, int spaces, char *out, size_t cap) {
  size_t n = 0;
  int g = gk__text_ungroup(s, strlen(s), spaces, out, cap, &n);
  if (g == GK__GROUP_OK) CU_ASSERT_TRUE(n < cap && out[n] == '\0' && strlen(out) == n);
  return g;
}

static void check_ok(const char *s, int spaces, const char *want) {
  char out[128];
  int g = ungroup(s, spaces, out, sizeof out);
  CU_ASSERT_EQUAL(g, GK__GROUP_OK);
  if (g == GK__GROUP_OK) CU_ASSERT_STRING_EQUAL(out, want);
  if (g != GK__GROUP_OK) fprintf(stderr, "  not read as groups: '%s'\n", s);
}

static void check_is(const char *s, int spaces, int want) {
  char out[128];
  int g = ungroup(s, spaces, out, sizeof out);
  CU_ASSERT_EQUAL(g, want);
  if (g != want) fprintf(stderr, "  '%s' (spaces %d): %d, want %d\n", s, spaces, g, want);
}

static void test_numgroup_forms(void) {
  check_ok("1，234", 0, "1234");
  check_ok("12，345，678", 0, "12345678");
  check_ok("１，２３４", 0, "１２３４");
  check_ok("-1，234", 0, "-1234");
  check_ok("－1，234，567", 0, "－1234567");
  check_ok("减1，234", 0, "减1234");
  check_ok("1,234.56", 0, "1234.56");
  check_ok("1，234．5", 0, "1234．5");
  check_ok("3，525万元", 0, "3525万元");
  check_ok("1\xE2\x80\xAF" "808\xE2\x80\xAF" "595", 0, "1808595"); /* U+202F */
  check_ok("3 525", 1, "3525");
  check_ok("1 808 595", 1, "1808595");
  check_ok("1\xC2\xA0" "808\xC2\xA0" "595", 1, "1808595"); /* U+00A0 */
  check_ok("1\xE2\x80\x89" "808", 1, "1808");               /* U+2009 */
  check_ok("「1 234」", 1, "「1234」");
  /* no separator between digits */
  check_is("1234", 1, GK__GROUP_NONE);
  check_is("行政许可", 1, GK__GROUP_NONE);
  check_is("-", 1, GK__GROUP_NONE);
  check_is("3 525", 0, GK__GROUP_NONE);       /* white space: only in a bounded cell */
  check_is("1、234", 1, GK__GROUP_NONE);      /* 、 lists, never groups */
  check_is("1, 234", 0, GK__GROUP_NONE);      /* a comma and a space: a list */
  check_is("，1234，", 0, GK__GROUP_NONE);
  /* separators between digits, no strict groups: maybe a list, a decimal comma */
  const char *bad[] = {"1，2", "1，23", "1,2345", "12,34", "1234,567", "0,123", "01,234", "1,234,56",
                       "1，234,567", "1,234 567", "1,234.5,6", "1.5,234", "１，２", "3 5", "12 0 3", "3 5250"};
  for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) check_is(bad[i], 1, GK__GROUP_BAD);
  char small[4];
  size_t n = 0;
  CU_ASSERT_EQUAL(gk__text_ungroup("1,234", 5, 0, small, sizeof small, &n), GK__GROUP_BAD); /* no room */
  CU_ASSERT_EQUAL(n, 0);
}

static uint64_t next_rand(uint64_t *s) {
  *s = *s * 6364136223846793005ull + 1442695040888963407ull;
  return *s >> 17;
}

/* digits of v grouped by sep (every third from the right), maybe full width */
static size_t put_grouped(char *out, uint64_t v, const char *sep, int fw) {
  char d[24];
  int nd = snprintf(d, sizeof d, "%llu", (unsigned long long)v);
  size_t k = 0;
  for (int i = 0; i < nd; i++) {
    if (i && (nd - i) % 3 == 0) k += (size_t)sprintf(out + k, "%s", sep);
    if (fw) k += (size_t)sprintf(out + k, "\xEF\xBC%c", (char)(0x90 + d[i] - '0'));
    else out[k++] = d[i];
  }
  out[k] = '\0';
  return k;
}

/* Every number written in strict groups by every separator reads back as its
 * digits; moving one separator by one digit makes it no grouping. */
static void test_numgroup_property(void) {
  static const char *const seps[] = {",", "，", "\xE2\x80\xAF", " ", "\xC2\xA0", "\xE2\x80\x89"};
  uint64_t seed = 11;
  for (int it = 0; it < 4000; it++) {
    uint64_t v = 1000 + next_rand(&seed) % (it % 3 ? 999999999ull : 999999999999999ull);
    size_t si = next_rand(&seed) % 6;
    int fw = next_rand(&seed) % 4 == 0, spaces = si >= 3;
    char text[160], plain[160];
    put_grouped(text, v, seps[si], fw);
    put_grouped(plain, v, "", fw);
    check_ok(text, spaces, plain);
    if (si < 3) check_is(text, 1, GK__GROUP_OK); /* the comma forms hold in a cell too */
    else check_is(text, 0, GK__GROUP_NONE);      /* white space: only there */
    CU_ASSERT_TRUE(gk__text_is_value(text, strlen(text)) == (si < 3)); /* a word */
    /* the first separator one digit to the left ("12,345" -> "1,2345"): no groups */
    char *at = strstr(text, seps[si]);
    size_t dl = fw ? 3 : 1, sl = strlen(seps[si]);
    if (at && at - text >= (ptrdiff_t)dl) {
      char moved[160];
      size_t pre = (size_t)(at - text) - dl;
      memcpy(moved, text, pre);
      memcpy(moved + pre, seps[si], sl);
      memcpy(moved + pre + sl, at - dl, dl);
      strcpy(moved + pre + sl + dl, at + sl);
      check_is(moved, spaces, GK__GROUP_BAD);
    }
  }
}

static void test_numgroup_is_value(void) {
  const char *yes[] = {"1，234", "1,234", "12，345，678万元", "１，２３４", "-1，234", "1，23", "1,2", "3，525件"};
  const char *no[] = {"1、234", "，1234", "1，", "行政许可", "1，一"};
  for (size_t i = 0; i < sizeof yes / sizeof *yes; i++) CU_ASSERT_TRUE(gk__text_is_value(yes[i], strlen(yes[i])));
  for (size_t i = 0; i < sizeof no / sizeof *no; i++) CU_ASSERT_FALSE(gk__text_is_value(no[i], strlen(no[i])));
}

/* ------------------------------------------------------------ importing */
static size_t count_rule(const gk_diags *d, const char *rule) {
  size_t k = 0;
  for (size_t i = 0; i < gk_diags_count(d); i++) k += strcmp(gk_diag_rule(d, i), rule) == 0;
  return k;
}

static gk_report *import_str(const char *s, gk_diags *d) {
  gk_report *r = NULL;
  CU_ASSERT_EQUAL(gk_report_from_text(&r, s, strlen(s), "t.md", d), GK_OK);
  CU_ASSERT_PTR_NOT_NULL_FATAL(r);
  return r;
}

#define HEAD "某局2023年政府信息公开工作年度报告\n二、主动公开政府信息情况\n"

/* Quiet: grouped values read, no finding about them. */
static void test_numgroup_import_read(void) {
  const char *docs[] = {
    HEAD "| 信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |\n|---|---|---|---|\n"
         "| 规章 | 1，234 | １，２３４ | 12，345，678 |\n| 行政规范性文件 | 3 525 | 1\xC2\xA0" "808\xC2\xA0" "595 | 2\xE2\x80\x89" "000 |\n"
         "| 信息内容 | 本年收费金额（单位：万元） |\n|---|---|\n| 行政事业性收费 | 59，237.2449 |\n",
    HEAD "信息内容\t本年制发件数\t本年废止件数\t现行有效件数\n"
         "规章\t1，234\t１，２３４\t12，345，678\n行政规范性文件\t3 525\t1\xC2\xA0" "808\xC2\xA0" "595\t2\xE2\x80\x89" "000\n"
         "信息内容\t本年收费金额（单位：万元）\n行政事业性收费\t59，237.2449万元\n",
  };
  for (size_t i = 0; i < sizeof docs / sizeof *docs; i++) {
    gk_diags *d = NULL;
    gk_diags_new(&d);
    gk_report *r = import_str(docs[i], d);
    GK_ASSERT_CELL(r, "active/regulations/issued", "1234");
    GK_ASSERT_CELL(r, "active/regulations/repealed", "1234");
    GK_ASSERT_CELL(r, "active/regulations/in_force", "12345678");
    GK_ASSERT_CELL(r, "active/normative_docs/issued", "3525");
    GK_ASSERT_CELL(r, "active/normative_docs/repealed", "1808595");
    GK_ASSERT_CELL(r, "active/normative_docs/in_force", "2000");
    GK_ASSERT_CELL(r, "active/fees/amount", "59237.2449");
    gk_table t;
    size_t row, col;
    CU_ASSERT_EQUAL_FATAL(gk_report_path_find(&t, &row, &col, r, "active/fees/amount", GK_NUL_TERMINATED), GK_OK);
    if (i == 1) CU_ASSERT_EQUAL(gk_report_unit(r, t, row, col), GK_UNIT_WANYUAN); /* "59，237.2449万元" */
    CU_ASSERT_EQUAL(count_rule(d, "import.value"), 0);
    CU_ASSERT_EQUAL(count_rule(d, "import.ambiguous"), 0);
    gk_report_free(r);
    gk_diags_free(d);
  }
}

/* Fire: separators in no strict grouping keep the cell verbatim, said per cell. */
static void test_numgroup_import_bad(void) {
  const char *doc = HEAD "| 信息内容 | 本年制发件数 | 本年废止件数 | 现行有效件数 |\n|---|---|---|---|\n"
                         "| 规章 | 1，23 | 1,2345 | 1，2 |\n| 行政规范性文件 | 12,34 | 「1，23」 | 5 |\n";
  gk_diags *d = NULL;
  gk_diags_new(&d);
  gk_report *r = import_str(doc, d);
  GK_ASSERT_CELL(r, "active/regulations/issued", "1，23");
  GK_ASSERT_CELL(r, "active/regulations/repealed", "1,2345");
  GK_ASSERT_CELL(r, "active/regulations/in_force", "1，2");
  GK_ASSERT_CELL(r, "active/normative_docs/issued", "12,34");
  GK_ASSERT_CELL(r, "active/normative_docs/repealed", "1，23"); /* quoted: the literal, unsaid */
  GK_ASSERT_CELL(r, "active/normative_docs/in_force", "5");
  CU_ASSERT_EQUAL(count_rule(d, "import.value"), 4);
  for (size_t i = 0; i < gk_diags_count(d); i++)
    if (strcmp(gk_diag_rule(d, i), "import.value") == 0) {
      CU_ASSERT_EQUAL(gk_diag_severity(d, i), GK_SEV_WARNING);
      CU_ASSERT_TRUE(gk_diag_line(d, i) == 5 || gk_diag_line(d, i) == 6);
    }
  gk_report_free(r);
  gk_diags_free(d);
}

/* Space-aligned (pdftotext -layout) and TAB lines whose values stand apart by
 * spaces: "3 525" is two cells there. */
static void test_numgroup_spaces_separate(void) {
  const char *docs[] = {
    HEAD "信息内容      本年制发件数    本年废止件数    现行有效件数\n规章              3 525 7\n",
    HEAD "信息内容\t本年制发件数\t本年废止件数\t现行有效件数\n规章\t3 525 7\n",
  };
  for (size_t i = 0; i < sizeof docs / sizeof *docs; i++) {
    gk_report *r = import_str(docs[i], NULL);
    GK_ASSERT_CELL(r, "active/regulations/issued", "3");
    GK_ASSERT_CELL(r, "active/regulations/repealed", "525");
    GK_ASSERT_CELL(r, "active/regulations/in_force", "7");
    gk_report_free(r);
  }
  /* a TAB line with a cell of several spaced values: its spaces separate */
  gk_report *r = import_str(HEAD "信息内容\t本年制发件数\t本年废止件数\t现行有效件数\n规章\t3 525\t12 0\n", NULL);
  char got[64];
  CU_ASSERT_TRUE(gk_report_text(got, sizeof got, r, "active/regulations/issued", GK_NUL_TERMINATED) >= 0);
  CU_ASSERT_STRING_NOT_EQUAL(got, "3525");
  gk_report_free(r);
}

/* The splitter (page text) reads a whole token in strict groups as its value,
 * which the row's relations then check; no groups, no reading. */
static size_t split_requests(const char *const *tok, size_t nt) {
  const gk__edition *ed = gk__edition_get(2021);
  const gk__table_decl *td = &ed->tables[GK_TABLE_REQUESTS];
  size_t rows[GK__SPLIT_MAXCELLS], cols[GK__SPLIT_MAXCELLS], n = 0;
  for (size_t c = 0; c < td->ncols; c++)
    if (td->rows[0].colmask & (1u << c)) rows[n] = 0, cols[n++] = c;
  gk__piece p[GK__SPLIT_MAXCELLS];
  for (size_t i = 0; i < nt; i++) p[i] = (gk__piece){tok[i], strlen(tok[i])};
  gk__split_spec sp = {ed, GK_TABLE_REQUESTS, n, rows, cols};
  gk__split_result res;
  CU_ASSERT_EQUAL_FATAL(gk__digit_split(&res, &sp, p, nt, 0), GK_OK);
  return res.nsurv;
}

static void test_numgroup_split(void) {
  const char *ok[] = {"3，402", "99", "0", "4", "5", "1", "3，511"};
  CU_ASSERT_EQUAL(split_requests(ok, 7), 1);
  const char *sum_off[] = {"3，402", "99", "0", "4", "5", "1", "3，512"}; /* the total read, and wrong */
  CU_ASSERT_EQUAL(split_requests(sum_off, 7), 0);
  const char *bad[] = {"3，40", "99", "0", "4", "5", "1", "3，511"};
  CU_ASSERT_EQUAL(split_requests(bad, 7), 0);
  const char *ascii[] = {"3,402", "99", "0", "4", "51", "3,511"}; /* a run beside grouped tokens */
  CU_ASSERT_EQUAL(split_requests(ascii, 6), 1);
}

static CU_TestInfo tests[] = {
  {"ungroup: forms", test_numgroup_forms},
  {"ungroup: every separator, groups moved", test_numgroup_property},
  {"is_value with separators", test_numgroup_is_value},
  {"import: grouped values read", test_numgroup_import_read},
  {"import: bad groups kept and said", test_numgroup_import_bad},
  {"import: spaces separate cells in layouts", test_numgroup_spaces_separate},
  {"digit split: grouped tokens", test_numgroup_split},
  CU_TEST_INFO_NULL,
};

int main(void) { return gk_test_main("numgroup", tests); }
