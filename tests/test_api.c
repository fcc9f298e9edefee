/* SPDX-License-Identifier: MIT */
/* The API in one voice (issue 12): out-parameters first and cleared on failure,
 * GK_NUL_TERMINATED accepted by every (pointer, length) string, gk_report_load
 * keeping source_name for every form, one value formatter. */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "testutil.h"

#define NUL GK_NUL_TERMINATED

static gk_report *real_report(const char *name) {
  size_t len = 0;
  char *text = gk_test_read_data(name, 1, &len);
  CU_ASSERT_PTR_NOT_NULL_FATAL(text);
  gk_report *r = NULL;
  CU_ASSERT_EQUAL_FATAL(gk_report_from_text(&r, text, len, name, NULL), GK_OK);
  free(text);
  return r;
}

/* ---- out-parameters: first, and NULL/0 on failure ------------------------ */

static void test_outputs_cleared_on_failure(void) {
  gk_report *r = NULL;
  CU_ASSERT_EQUAL_FATAL(gk_report_new(&r, GK_EDITION_2021, 2023), GK_OK);
  int st = 77;
  int64_t v = 77;
  CU_ASSERT_EQUAL(gk_report_cell(&st, &v, r, GK_TABLE_REQUESTS, 9999, 0), GK_EINVAL);
  CU_ASSERT_EQUAL(st, GK_CELL_BLANK);
  CU_ASSERT_EQUAL(v, 0);
  st = 77;
  v = 77;
  CU_ASSERT_EQUAL(gk_report_cell(&st, &v, NULL, GK_TABLE_REQUESTS, 0, 0), GK_EINVAL);
  CU_ASSERT_EQUAL(st, GK_CELL_BLANK);
  CU_ASSERT_EQUAL(v, 0);

  int states[8];
  int64_t values[8];
  memset(states, 0x55, sizeof states);
  memset(values, 0x55, sizeof values);
  CU_ASSERT_EQUAL(gk_report_row(states, values, 8, r, (gk_table)7, 0), GK_EINVAL);
  for (size_t i = 0; i < 8; i++) {
    CU_ASSERT_EQUAL(states[i], GK_CELL_BLANK);
    CU_ASSERT_EQUAL(values[i], 0);
  }

  char buf[16] = "junk";
  CU_ASSERT(gk_report_text(buf, sizeof buf, r, "requests/nothing/total", NUL) < 0);
  CU_ASSERT_STRING_EQUAL(buf, "");

  int t = 5;
  size_t row = 5, col = 5;
  CU_ASSERT_EQUAL(gk_report_path_find(&t, &row, &col, r, "requests/nothing/total", NUL),
                  GK_ENOTFOUND);
  CU_ASSERT_EQUAL(t, 0);
  CU_ASSERT_EQUAL(row, 0);
  CU_ASSERT_EQUAL(col, 0);
  t = 5, row = col = 5;
  CU_ASSERT_EQUAL(gk_report_path_find(&t, &row, &col, NULL, "requests/new/total", NUL), GK_EINVAL);
  CU_ASSERT_EQUAL(t + (int)row + (int)col, 0);

  size_t idx = 9;
  CU_ASSERT_EQUAL(gk_diags_add(&idx, NULL, GK_SEV_ERROR, "x", NULL, NULL, NULL, 0, 0), GK_EINVAL);
  CU_ASSERT_EQUAL(idx, 0);
  gk_report_free(r);
}

/* The out-first calls agree with the cells they name, over a whole real report. */
static void test_out_first_reads_agree(void) {
  gk_report *r = real_report("2023_suqian-municipal-government.txt");
  int ed = gk_report_edition(r);
  size_t checked = 0;
  for (int t = 0; t < GK_NTABLES; t++) {
    size_t nc = gk_schema_ncols(ed, t);
    int states[16];
    int64_t values[16];
    CU_ASSERT_FATAL(nc <= 16);
    for (size_t row = 0; row < gk_schema_nrows(ed, t); row++) {
      CU_ASSERT_EQUAL_FATAL(gk_report_row(states, values, nc, r, t, row), GK_OK);
      for (size_t c = 0; c < nc; c++) {
        if (!gk_schema_cell_exists(ed, t, row, c)) continue;
        char path[160];
        CU_ASSERT_FATAL(gk_schema_path_format(path, sizeof path, ed, t, row, c) > 0);
        int pt = -1;
        size_t pr = 0, pc = 0;
        CU_ASSERT_EQUAL(gk_report_path_find(&pt, &pr, &pc, r, path, NUL), GK_OK);
        CU_ASSERT(pt == t && pr == row && pc == c);
        int st;
        int64_t v;
        CU_ASSERT_EQUAL(gk_report_cell(&st, &v, r, t, row, c), GK_OK);
        CU_ASSERT_EQUAL(st, states[c]);
        CU_ASSERT_EQUAL(v, values[c]);
        checked++;
      }
    }
  }
  CU_ASSERT(checked > 100);
  gk_report_free(r);
}

/* ---- GK_NUL_TERMINATED: the same as the length, for every (s, len) input --- */

static void test_nul_terminated_setters(void) {
  gk_report *a = NULL, *b = NULL;
  CU_ASSERT_EQUAL_FATAL(gk_report_new(&a, GK_EDITION_2021, 2023), GK_OK);
  CU_ASSERT_EQUAL_FATAL(gk_report_new(&b, GK_EDITION_2021, 2023), GK_OK);
  const char *name = "淮安市洪泽区人民政府", *title = "2023年政府信息公开工作年度报告";
  const char *sec = "一、总体情况", *lit = "无", *amount = "251000元";
  CU_ASSERT_EQUAL(gk_report_set_agency(a, GK_AGENCY_NAME, name, strlen(name)), GK_OK);
  CU_ASSERT_EQUAL(gk_report_set_agency(b, GK_AGENCY_NAME, name, NUL), GK_OK);
  CU_ASSERT_EQUAL(gk_report_set_title(a, title, strlen(title)), GK_OK);
  CU_ASSERT_EQUAL(gk_report_set_title(b, title, NUL), GK_OK);
  CU_ASSERT_EQUAL(gk_report_set_source(a, "x.txt", 5), GK_OK);
  CU_ASSERT_EQUAL(gk_report_set_source(b, "x.txt", NUL), GK_OK);
  CU_ASSERT_EQUAL(gk_report_set_section(a, GK_SECTION_OVERVIEW, sec, strlen(sec)), GK_OK);
  CU_ASSERT_EQUAL(gk_report_set_section(b, GK_SECTION_OVERVIEW, sec, NUL), GK_OK);
  CU_ASSERT_EQUAL(gk_report_set_literal(a, GK_TABLE_REQUESTS, 0, 0, lit, strlen(lit)), GK_OK);
  CU_ASSERT_EQUAL(gk_report_set_literal(b, GK_TABLE_REQUESTS, 0, 0, lit, NUL), GK_OK);
  CU_ASSERT_EQUAL(gk_report_set_text(a, "active/fees/amount", amount, strlen(amount)), GK_OK);
  CU_ASSERT_EQUAL(gk_report_set_text(b, "active/fees/amount", amount, NUL), GK_OK);
  CU_ASSERT_EQUAL(gk_report_set_text(b, "requests/new/natural", "12", NUL), GK_OK);
  CU_ASSERT_EQUAL(gk_report_set_text(a, "requests/new/natural", "12", 2), GK_OK);
  CU_ASSERT_EQUAL(gk_report_equal(a, b, 1), 1);
  CU_ASSERT_STRING_EQUAL(gk_report_title(b), title);
  char buf[32];
  CU_ASSERT_EQUAL(gk_report_text(buf, sizeof buf, b, "active/fees/amount", NUL), 6);
  CU_ASSERT_STRING_EQUAL(buf, "251000");
  CU_ASSERT_EQUAL(gk_report_text(buf, sizeof buf, b, "requests/new/naturalXX", 20), 2);
  CU_ASSERT_STRING_EQUAL(buf, "12");
  gk_report_free(a);
  gk_report_free(b);
}

static void test_nul_terminated_parsers(void) {
  int64_t x = 0, y = 1;
  CU_ASSERT_EQUAL(gk_decimal_parse(&x, "59237.2449", NUL), GK_OK);
  CU_ASSERT_EQUAL(gk_decimal_parse(&y, "59237.2449", 10), GK_OK);
  CU_ASSERT_EQUAL(x, y);
  int t1, t2;
  size_t r1, r2, c1, c2;
  CU_ASSERT_EQUAL(gk_schema_path_find(&t1, &r1, &c1, GK_EDITION_2021, "requests/new/total", NUL),
                  GK_OK);
  CU_ASSERT_EQUAL(gk_schema_path_find(&t2, &r2, &c2, GK_EDITION_2021, "requests/new/total", 18),
                  GK_OK);
  CU_ASSERT(t1 == t2 && r1 == r2 && c1 == c2);
  uint64_t n1, d1, n2, d2;
  const char *p = "本机关全年主动公开政府信息", *q = "本机关全年公开政府信息";
  CU_ASSERT_EQUAL(gk_text_similarity(&n1, &d1, p, NUL, q, NUL), GK_OK);
  CU_ASSERT_EQUAL(gk_text_similarity(&n2, &d2, p, strlen(p), q, strlen(q)), GK_OK);
  CU_ASSERT(n1 == n2 && d1 == d2 && d1 > 0);
  uint32_t code1 = 0, code2 = 0;
  CU_ASSERT_EQUAL(gk_region_code(&code1, NULL, "宿迁市泗阳县", NUL), GK_OK);
  CU_ASSERT_EQUAL(gk_region_code(&code2, NULL, "宿迁市泗阳县", strlen("宿迁市泗阳县")), GK_OK);
  CU_ASSERT_EQUAL(code1, 321323);
  CU_ASSERT_EQUAL(code1, code2);
  int lv1, k1, lv2, k2;
  size_t pl1, pl2;
  char reg1[64], reg2[64];
  const char *nm = "鼓楼区司法局", *txt = "南京市鼓楼区司法局2023年报告";
  CU_ASSERT_EQUAL(gk_agency_resolve(&lv1, &k1, &code1, &pl1, reg1, sizeof reg1, nm, NUL, txt, NUL),
                  gk_agency_resolve(&lv2, &k2, &code2, &pl2, reg2, sizeof reg2, nm, strlen(nm),
                                    txt, strlen(txt)));
  CU_ASSERT(lv1 == lv2 && k1 == k2 && code1 == code2 && pl1 == pl2);
  CU_ASSERT_STRING_EQUAL(reg1, reg2);
  char *u1 = NULL, *u2 = NULL;
  size_t l1, l2;
  int e1, e2;
  CU_ASSERT_EQUAL(gk_text_to_utf8(&u1, &l1, &e1, NULL, "\xEF\xBB\xBF公开", NUL), GK_OK);
  CU_ASSERT_EQUAL(gk_text_to_utf8(&u2, &l2, &e2, NULL, "\xEF\xBB\xBF公开", 9), GK_OK);
  CU_ASSERT(l1 == l2 && e1 == e2 && e1 == GK_ENCODING_UTF8_BOM);
  CU_ASSERT_STRING_EQUAL(u1, u2);
  gk_free(u1);
  gk_free(u2);
  CU_ASSERT_EQUAL(gk_report_detect_form("  {\"gkreport\": 1}", NUL), GK_FORM_JSON);
  CU_ASSERT_EQUAL(gk_report_detect_form("<html>", NUL), GK_FORM_HTML);
}

/* Every reader: the same report from (text, NUL) as from (text, strlen). */
static void test_nul_terminated_readers(void) {
  size_t len = 0;
  char *text = gk_test_read_data("2023_suqian-municipal-government.txt", 1, &len);
  CU_ASSERT_PTR_NOT_NULL_FATAL(text);
  gk_report *a = NULL, *b = NULL;
  CU_ASSERT_EQUAL_FATAL(gk_report_from_text(&a, text, len, "s.txt", NULL), GK_OK);
  CU_ASSERT_EQUAL_FATAL(gk_report_from_text(&b, text, NUL, "s.txt", NULL), GK_OK);
  CU_ASSERT_EQUAL(gk_report_equal(a, b, 1), 1);
  gk_report_free(b);
  CU_ASSERT_EQUAL_FATAL(gk_report_load(&b, text, NUL, "s.txt", NULL), GK_OK);
  CU_ASSERT_EQUAL(gk_report_equal(a, b, 1), 1);
  gk_report_free(b);
  CU_ASSERT_EQUAL_FATAL(gk_report_load_form(&b, text, NUL, GK_FORM_TEXT, "s.txt", NULL), GK_OK);
  CU_ASSERT_EQUAL(gk_report_equal(a, b, 1), 1);
  gk_report_free(b);
  char *json = NULL;
  CU_ASSERT_EQUAL_FATAL(gk_report_to_json(&json, NULL, a, GK_JSON_LINES), GK_OK);
  CU_ASSERT_EQUAL_FATAL(gk_report_from_json(&b, json, NUL, NULL, NULL), GK_OK);
  CU_ASSERT_EQUAL(gk_report_equal(a, b, 1), 1);
  gk_report_free(b);
  /* an aggregate: saved, loaded from a NUL-terminated text; JSON Lines chunks */
  gk_aggregate *g = NULL, *h = NULL, *k = NULL;
  CU_ASSERT_EQUAL_FATAL(gk_aggregate_new(&g, 0), GK_OK);
  CU_ASSERT_EQUAL_FATAL(gk_aggregate_new(&k, 0), GK_OK);
  CU_ASSERT_EQUAL(gk_aggregate_add(g, a, NULL), GK_OK);
  CU_ASSERT_EQUAL(gk_aggregate_add_jsonl(k, json, NUL, NULL), GK_OK);
  CU_ASSERT_EQUAL(gk_aggregate_add_jsonl_end(k, NULL), GK_OK);
  CU_ASSERT_EQUAL(gk_aggregate_count(k), 1);
  char *saved = NULL;
  CU_ASSERT_EQUAL_FATAL(gk_aggregate_to_json(&saved, NULL, g), GK_OK);
  CU_ASSERT_EQUAL(gk_aggregate_from_json(&h, saved, NUL, NULL), GK_OK);
  CU_ASSERT_EQUAL(gk_aggregate_count(h), 1);
  gk_free(saved);
  gk_aggregate_free(g);
  gk_aggregate_free(h);
  gk_aggregate_free(k);
  gk_free(json);
  gk_report_free(a);
  free(text);
}

/* Files of forms no reader takes (PDF, .doc, RTF, images) are refused with a
 * finding that names the form and what to do, not read as text that is no
 * report; a text that only mentions "%PDF-" further on is read as text. */
static void test_load_foreign_forms(void) {
  static const struct {
    const char *bytes;
    size_t len;
    const char *says;
  } cases[] = {{"%PDF-1.7\n%\xE2\xE3\xCF\xD3\n1 0 obj", 25, "pdftotext"},
               {"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1\0\0\0", 11, ".docx"},
               {"{\\rtf1\\ansi 一、总体情况", 30, "RTF"},
               {"\x89PNG\r\n\x1A\n", 8, "OCR"},
               {"\xFF\xD8\xFF\xE0", 4, "OCR"}};
  for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
    gk_diags *d = NULL;
    gk_report *r = NULL;
    CU_ASSERT_EQUAL_FATAL(gk_diags_new(&d), GK_OK);
    CU_ASSERT_EQUAL(gk_report_load(&r, cases[i].bytes, cases[i].len, "f", d), GK_EENCODING);
    CU_ASSERT_PTR_NULL(r);
    CU_ASSERT_EQUAL_FATAL(gk_diags_count(d), 1);
    CU_ASSERT_STRING_EQUAL(gk_diag_rule(d, 0), "import.encoding");
    CU_ASSERT_PTR_NOT_NULL(strstr(gk_diag_message(d, 0, GK_LANG_EN), cases[i].says));
    CU_ASSERT_EQUAL(gk_diag_line(d, 0), 1);
    gk_diags_free(d);
  }
  gk_report *r = NULL;
  const char *text = "报告\n%PDF- 一词\n";
  CU_ASSERT_NOT_EQUAL(gk_report_load(&r, text, strlen(text), "t", NULL), GK_EENCODING);
  gk_report_free(r);
}

/* ---- gk_report_load keeps source_name for every form -------------------- */

static void load_named(const char *file, int real, const char *dir_name, gk_form want_form) {
  char path[512];
  snprintf(path, sizeof path, "%s%s", dir_name, file);
  size_t len = 0;
  char *bytes = gk_test_read_data(path, real, &len);
  CU_ASSERT_PTR_NOT_NULL_FATAL(bytes);
  CU_ASSERT_EQUAL(gk_report_detect_form(bytes, len), want_form);
  gk_report *r = NULL;
  CU_ASSERT_EQUAL_FATAL(gk_report_load(&r, bytes, len, "named-by-caller", NULL), GK_OK);
  CU_ASSERT_STRING_EQUAL(gk_report_source(r), "named-by-caller");
  gk_report_free(r);
  CU_ASSERT_EQUAL_FATAL(gk_report_load_form(&r, bytes, len, want_form, "forced", NULL), GK_OK);
  CU_ASSERT_STRING_EQUAL(gk_report_source(r), "forced");
  gk_report_free(r);
  free(bytes);
}

static void test_load_source_text(void) {
  load_named("2023_suqian-municipal-government.txt", 1, "", GK_FORM_TEXT);
}

static void test_load_source_html(void) {
  load_named("2023_suqian-municipal-government.html", 0, "documents/", GK_FORM_HTML);
}

static void test_load_source_docx(void) {
  load_named("2023_suqian-municipal-government.docx", 0, "documents/", GK_FORM_DOCX);
}

/* JSON: the caller's name when the document names no source (0.1.0 dropped it);
 * a document's own "source" is kept. */
static void test_load_source_json(void) {
  gk_report *r = NULL, *back = NULL;
  CU_ASSERT_EQUAL_FATAL(gk_report_new(&r, GK_EDITION_2021, 2023), GK_OK);
  char *json = NULL;
  CU_ASSERT_EQUAL_FATAL(gk_report_to_json(&json, NULL, r, 0), GK_OK);
  CU_ASSERT_EQUAL_FATAL(gk_report_load(&back, json, NUL, "in.json", NULL), GK_OK);
  CU_ASSERT_STRING_EQUAL(gk_report_source(back), "in.json");
  gk_report_free(back);
  CU_ASSERT_EQUAL_FATAL(gk_report_from_json(&back, json, NUL, NULL, NULL), GK_OK);
  CU_ASSERT_PTR_NULL(gk_report_source(back));
  CU_ASSERT_EQUAL(gk_report_equal(r, back, 1), 1);
  gk_report_free(back);
  gk_free(json);
  CU_ASSERT_EQUAL(gk_report_set_source(r, "original.txt", NUL), GK_OK);
  CU_ASSERT_EQUAL_FATAL(gk_report_to_json(&json, NULL, r, 0), GK_OK);
  CU_ASSERT_EQUAL_FATAL(gk_report_load(&back, json, NUL, "in.json", NULL), GK_OK);
  CU_ASSERT_STRING_EQUAL(gk_report_source(back), "original.txt");
  gk_report_free(back);
  gk_free(json);
  gk_report_free(r);
}

/* ---- one value formatter --------------------------------------------------- */

/* What the CLI printed before it called gk_value_format (0.1.0's cmd_show.c):
 * amounts the shortest decimal and the unit written in the cell, else %PRId64. */
static void old_cli_format(char *buf, size_t cap, int kind, int unit, int64_t v) {
  if (kind == GK_KIND_AMOUNT) {
    gk_decimal_format(buf, cap, v);
    size_t n = strlen(buf);
    if (unit == GK_UNIT_YUAN) snprintf(buf + n, cap - n, "元");
    else if (unit == GK_UNIT_WANYUAN) snprintf(buf + n, cap - n, "万元");
  } else {
    snprintf(buf, cap, "%" PRId64, v);
  }
}

static void test_value_format_as_cli_printed(void) {
  static const int64_t base[] = {0, 1, 7, 10, 999999, 1000000, 1500000, 59237244900,
                                 INT64_MAX, INT64_MIN, INT64_MAX / 3, -1, -8, -1000001};
  size_t compared = 0;
  for (size_t i = 0; i < sizeof base / sizeof base[0]; i++) {
    for (int64_t d = -2; d <= 2; d++) {
      int64_t v = base[i];
      if ((d > 0 && v > INT64_MAX - d) || (d < 0 && v < INT64_MIN - d)) continue;
      v += d;
      for (int kind = GK_KIND_COUNT; kind <= GK_KIND_AMOUNT; kind++) {
        for (int unit = GK_UNIT_DEFAULT; unit <= GK_UNIT_WANYUAN; unit++) {
          if (unit != GK_UNIT_DEFAULT && kind != GK_KIND_AMOUNT) continue;
          char want[64], got[64];
          old_cli_format(want, sizeof want, kind, unit, v);
          CU_ASSERT_EQUAL(gk_value_format(got, sizeof got, kind, unit, v), (int)strlen(want));
          CU_ASSERT_STRING_EQUAL(got, want);
          compared++;
        }
      }
    }
  }
  CU_ASSERT(compared > 200);
}

/* gk_report_text of a value cell is gk_value_format of its kind, over a real report. */
static void test_report_text_is_value_format(void) {
  gk_report *r = real_report("2024_huaian-hongze-district-government.txt");
  int ed = gk_report_edition(r);
  size_t values = 0;
  for (int t = 0; t < GK_NTABLES; t++)
    for (size_t row = 0; row < gk_schema_nrows(ed, t); row++)
      for (size_t c = 0; c < gk_schema_ncols(ed, t); c++) {
        int st;
        int64_t v;
        if (gk_report_cell(&st, &v, r, t, row, c) != GK_OK || st != GK_CELL_VALUE) continue;
        char path[160], a[64], b[64];
        CU_ASSERT_FATAL(gk_schema_path_format(path, sizeof path, ed, t, row, c) > 0);
        CU_ASSERT(gk_report_text(a, sizeof a, r, path, NUL) > 0);
        CU_ASSERT(gk_value_format(b, sizeof b, gk_schema_col_kind(ed, t, c), GK_UNIT_DEFAULT, v) > 0);
        CU_ASSERT_STRING_EQUAL(a, b);
        values++;
      }
  CU_ASSERT(values > 50);
  gk_report_free(r);
}

int main(void) {
  CU_TestInfo tests[] = {
      {"outputs cleared on failure", test_outputs_cleared_on_failure},
      {"out-first reads agree", test_out_first_reads_agree},
      {"GK_NUL_TERMINATED: setters", test_nul_terminated_setters},
      {"GK_NUL_TERMINATED: parsers", test_nul_terminated_parsers},
      {"GK_NUL_TERMINATED: readers", test_nul_terminated_readers},
      {"load keeps source_name: text", test_load_source_text},
      {"load keeps source_name: HTML", test_load_source_html},
      {"load keeps source_name: DOCX", test_load_source_docx},
      {"load keeps source_name: JSON", test_load_source_json},
      {"foreign forms named", test_load_foreign_forms},
      {"gk_value_format prints as the CLI did", test_value_format_as_cli_printed},
      {"gk_report_text is gk_value_format", test_report_text_is_value_format},
      CU_TEST_INFO_NULL,
  };
  return gk_test_main("api", tests);
}
