/* SPDX-License-Identifier: MIT */
/* JSON: the report document (gk_report_to_json / gk_report_from_json) and the
 * diagnostics list (gk_diags_to_json). */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <cjson/cJSON.h>
#include "testutil.h"
#include "internal.h"

/* ------------------------------------------------------------ helpers */
static gk_report *mk(int edition, int year) {
  gk_report *r = NULL;
  CU_ASSERT_EQUAL_FATAL(gk_report_new(&r, edition, year), GK_OK);
  return r;
}

static void set_path(gk_report *r, const char *path, const char *text) {
  CU_ASSERT_EQUAL(gk_report_set_text(r, path, text, strlen(text)), GK_OK);
}

static void locate(const gk_report *r, const char *path, int *t, size_t *row, size_t *col) {
  CU_ASSERT_EQUAL_FATAL(gk_report_path_find(t, row, col, r, path, GK_NUL_TERMINATED), GK_OK);
}

static char *to_json(const gk_report *r, uint32_t flags) {
  char *out = NULL;
  size_t len = 0;
  CU_ASSERT_EQUAL_FATAL(gk_report_to_json(&out, &len, r, flags), GK_OK);
  CU_ASSERT_PTR_NOT_NULL_FATAL(out);
  CU_ASSERT_EQUAL(strlen(out), len);
  return out;
}

static gk_report *from_json(const char *s) {
  gk_report *r = NULL;
  gk_diags *d = NULL;
  CU_ASSERT_EQUAL_FATAL(gk_diags_new(&d), GK_OK);
  int rc = gk_report_from_json(&r, s, strlen(s), "t.json", d);
  if (rc != GK_OK && gk_diags_count(d)) {
    char buf[512];
    gk_diag_format(buf, sizeof buf, d, 0, GK_LANG_EN);
    fprintf(stderr, "\n  unexpected: %s\n", buf);
  }
  CU_ASSERT_EQUAL_FATAL(rc, GK_OK);
  CU_ASSERT_EQUAL(gk_diags_count(d), 0);
  gk_diags_free(d);
  return r;
}

/* Serialize with flags, parse back, compare, and check the second serialization is
 * byte-identical (a fixed point). */
static void roundtrip(const gk_report *r, uint32_t flags) {
  char *a = to_json(r, flags);
  gk_report *back = from_json(a);
  int lines = (flags & GK_JSON_LINES) != 0;
  CU_ASSERT_EQUAL(gk_report_equal(r, back, lines), 1);
  for (int s = 0; lines && s < GK_NSECTIONS; s++)
    CU_ASSERT_EQUAL(gk_report_section_line(back, s), gk_report_section_line(r, s));
  CU_ASSERT_STRING_EQUAL(gk_report_source(back) ? gk_report_source(back) : "",
                         gk_report_source(r) ? gk_report_source(r) : "");
  char *b = to_json(back, flags);
  CU_ASSERT_STRING_EQUAL(a, b);
  gk_free(a);
  gk_free(b);
  gk_report_free(back);
}

/* A report of `edition` in which the stored cells take, in turn, every state: a
 * value (negative in signed columns), a literal, a blank with a line, an amount
 * with a unit; every metadata field; sections absent, empty and with text. */
static gk_report *every_state(int edition) {
  gk_report *r = mk(edition, edition == 2019 ? 2020 : 2023);
  CU_ASSERT_EQUAL(gk_report_set_agency(r, GK_AGENCY_NAME, "某县\"测试\"局", strlen("某县\"测试\"局")), GK_OK);
  CU_ASSERT_EQUAL(gk_report_set_agency(r, GK_AGENCY_CODE, "11320000014000000X", 18), GK_OK);
  CU_ASSERT_EQUAL(gk_report_set_agency(r, GK_AGENCY_REGION, "江苏省宿迁市", strlen("江苏省宿迁市")), GK_OK);
  CU_ASSERT_EQUAL(gk_report_set_agency_level(r, GK_LEVEL_COUNTY), GK_OK);
  CU_ASSERT_EQUAL(gk_report_set_agency_kind(r, GK_AGENCY_KIND_DEPARTMENT), GK_OK);
  CU_ASSERT_EQUAL(gk_report_set_title(r, "年度报告\n\t第二行", strlen("年度报告\n\t第二行")), GK_OK);
  CU_ASSERT_EQUAL(gk_report_set_source(r, "dir/报告.txt", strlen("dir/报告.txt")), GK_OK);
  CU_ASSERT_EQUAL(gk_report_set_section(r, GK_SECTION_PREAMBLE, "前言\\ \"引号\" \x01", strlen("前言\\ \"引号\" \x01")), GK_OK);
  CU_ASSERT_EQUAL(gk_report_set_section_line(r, GK_SECTION_PREAMBLE, 3), GK_OK);
  CU_ASSERT_EQUAL(gk_report_set_section(r, GK_SECTION_OVERVIEW, "", 0), GK_OK); /* "" is not absent */
  CU_ASSERT_EQUAL(gk_report_set_section(r, GK_SECTION_OTHER, "无", strlen("无")), GK_OK);
  CU_ASSERT_EQUAL(gk_report_set_section_line(r, GK_SECTION_OTHER, 400), GK_OK);
  CU_ASSERT_EQUAL(gk_report_set_section_line(r, GK_SECTION_PROBLEMS, 390), GK_OK); /* line, no text */
  unsigned k = 0;
  for (int t = 0; t < GK_NTABLES; t++)
    for (size_t row = 0; row < gk_schema_nrows(edition, t); row++) {
      if (!(gk_schema_row_flags(edition, t, row) & GK_ROW_STORED)) continue;
      for (size_t col = 0; col < gk_schema_ncols(edition, t); col++) {
        if (!gk_schema_cell_exists(edition, t, row, col)) continue;
        int kind = gk_schema_col_kind(edition, t, col);
        k++;
        switch (k % 5) {
        case 0: /* stays blank, no line */ break;
        case 1:
          CU_ASSERT_EQUAL(gk_report_set_value(r, t, row, col, kind == GK_KIND_SIGNED ? -(int64_t)k
                                                              : kind == GK_KIND_AMOUNT ? 59237244900
                                                                                       : (int64_t)k),
                          GK_OK);
          break;
        case 2: CU_ASSERT_EQUAL(gk_report_set_literal(r, t, row, col, "-", 1), GK_OK); break;
        case 3: break; /* blank with a line */
        case 4:
          CU_ASSERT_EQUAL(gk_report_set_value(r, t, row, col, kind == GK_KIND_AMOUNT ? 251000000000 : 0), GK_OK);
          if (kind == GK_KIND_AMOUNT)
            CU_ASSERT_EQUAL(gk_report_set_unit(r, t, row, col, (k / 5) % 2 ? GK_UNIT_YUAN : GK_UNIT_WANYUAN), GK_OK);
          break;
        }
        if (k % 5) CU_ASSERT_EQUAL(gk_report_set_line(r, t, row, col, 100 + k), GK_OK);
      }
    }
  /* a literal that needs escaping, and the extremes of int64 */
  set_path(r, "review/litigation_direct/upheld", "0");
  CU_ASSERT_EQUAL(gk_report_set_literal(r, GK_TABLE_REVIEW, 1, 1, "见\"附件\"\n/", strlen("见\"附件\"\n/")), GK_OK);
  CU_ASSERT_EQUAL(gk_report_set_value(r, GK_TABLE_REVIEW, 2, 4, INT64_MAX), GK_OK);
  if (edition == 2019) {
    CU_ASSERT_EQUAL(gk_report_set_value(r, GK_TABLE_ACTIVE, 2, 4, INT64_MIN), GK_OK);
  }
  return r;
}

/* ------------------------------------------------------------ output */
static void test_json_output_exact(void) {
  gk_report *r = mk(2021, 2023);
  const char *name = "宿迁市人民政府";
  CU_ASSERT_EQUAL(gk_report_set_agency(r, GK_AGENCY_NAME, name, strlen(name)), GK_OK);
  CU_ASSERT_EQUAL(gk_report_set_agency_level(r, GK_LEVEL_CITY), GK_OK);
  CU_ASSERT_EQUAL(gk_report_set_agency_kind(r, GK_AGENCY_KIND_GOVERNMENT), GK_OK);
  CU_ASSERT_EQUAL(gk_report_set_section(r, GK_SECTION_OTHER, "", 0), GK_OK);
  set_path(r, "requests/new/natural", "3402");
  set_path(r, "requests/new/total", "3511");
  set_path(r, "active/fees/amount", "59237.2449");
  set_path(r, "requests/denied.state_secret/natural", "1"); /* written as the leaf, never as denied */
  CU_ASSERT_EQUAL(gk_report_set_literal(r, GK_TABLE_REVIEW, 0, 4, "-", 1), GK_OK);
  int t;
  size_t row, col;
  locate(r, "requests/new/total", &t, &row, &col);
  CU_ASSERT_EQUAL(gk_report_set_line(r, t, row, col, 118), GK_OK);
  locate(r, "requests/carried_over/total", &t, &row, &col);
  CU_ASSERT_EQUAL(gk_report_set_line(r, t, row, col, 119), GK_OK); /* blank with a line */

  char *s = to_json(r, 0);
  CU_ASSERT_STRING_EQUAL(s,
    "{\"gkreport\":1,\"edition\":\"2021\",\"year\":2023,"
    "\"agency\":{\"name\":\"宿迁市人民政府\",\"level\":\"city\",\"kind\":\"government\"},"
    "\"sections\":{\"other\":\"\"},"
    "\"tables\":{\"active\":{\"fees\":{\"amount\":\"59237.2449\"}},"
    "\"requests\":{\"new\":{\"natural\":3402,\"total\":3511},"
    "\"denied.state_secret\":{\"natural\":1}},"
    "\"review\":{\"reconsideration\":{\"total\":{\"literal\":\"-\"}}}}}");
  gk_free(s);

  s = to_json(r, GK_JSON_PRETTY | GK_JSON_LINES);
  CU_ASSERT_STRING_EQUAL(s,
    "{\n"
    "  \"gkreport\": 1,\n"
    "  \"edition\": \"2021\",\n"
    "  \"year\": 2023,\n"
    "  \"agency\": {\n"
    "    \"name\": \"宿迁市人民政府\",\n"
    "    \"level\": \"city\",\n"
    "    \"kind\": \"government\"\n"
    "  },\n"
    "  \"sections\": {\n"
    "    \"other\": \"\"\n"
    "  },\n"
    "  \"tables\": {\n"
    "    \"active\": {\n"
    "      \"fees\": {\n"
    "        \"amount\": \"59237.2449\"\n"
    "      }\n"
    "    },\n"
    "    \"requests\": {\n"
    "      \"new\": {\n"
    "        \"natural\": 3402,\n"
    "        \"total\": {\"value\": 3511, \"line\": 118}\n"
    "      },\n"
    "      \"carried_over\": {\n"
    "        \"total\": {\"value\": null, \"line\": 119}\n"
    "      },\n"
    "      \"denied.state_secret\": {\n"
    "        \"natural\": 1\n"
    "      }\n"
    "    },\n"
    "    \"review\": {\n"
    "      \"reconsideration\": {\n"
    "        \"total\": {\"literal\": \"-\"}\n"
    "      }\n"
    "    }\n"
    "  }\n"
    "}\n");
  gk_free(s);

  /* an empty report: edition only, the year left out when unknown */
  gk_report *e = mk(2019, 0);
  s = to_json(e, 0);
  CU_ASSERT_STRING_EQUAL(s, "{\"gkreport\":1,\"edition\":\"2019\",\"tables\":{}}");
  gk_free(s);
  s = to_json(e, GK_JSON_PRETTY);
  CU_ASSERT_STRING_EQUAL(s, "{\n  \"gkreport\": 1,\n  \"edition\": \"2019\",\n  \"tables\": {}\n}\n");
  gk_free(s);
  gk_report_free(e);

  /* the unit written in an amount cell, an escaped string */
  gk_report *p = mk(2019, 2019);
  set_path(p, "active/procurement/amount", "251000元");
  CU_ASSERT_EQUAL(gk_report_set_title(p, "a\"b\\c\nd\x1f", 8), GK_OK);
  s = to_json(p, 0);
  CU_ASSERT_STRING_EQUAL(s, "{\"gkreport\":1,\"edition\":\"2019\",\"year\":2019,"
                            "\"title\":\"a\\\"b\\\\c\\nd\\u001f\","
                            "\"tables\":{\"active\":{\"procurement\":"
                            "{\"amount\":{\"value\":\"251000\",\"unit\":\"元\"}}}}}");
  gk_free(s);
  gk_report_free(p);
  gk_report_free(r);
}

static void test_json_bad_arguments(void) {
  gk_report *r = mk(2021, 2023);
  char *out = (char *)"x";
  size_t len = 7;
  CU_ASSERT_EQUAL(gk_report_to_json(NULL, &len, r, 0), GK_EINVAL);
  CU_ASSERT_EQUAL(gk_report_to_json(&out, &len, NULL, 0), GK_EINVAL);
  CU_ASSERT_PTR_NULL(out);
  CU_ASSERT_EQUAL(len, 0);
  CU_ASSERT_EQUAL(gk_diags_to_json(&out, &len, NULL, 0), GK_EINVAL);
  CU_ASSERT_PTR_NULL(out);
  gk_report *back = r;
  CU_ASSERT_EQUAL(gk_report_from_json(NULL, "{}", 2, NULL, NULL), GK_EINVAL);
  CU_ASSERT_EQUAL(gk_report_from_json(&back, NULL, 3, NULL, NULL), GK_EINVAL);
  CU_ASSERT_PTR_NULL(back);
  /* len_out may be NULL */
  CU_ASSERT_EQUAL(gk_report_to_json(&out, NULL, r, 0), GK_OK);
  CU_ASSERT_PTR_NOT_NULL(out);
  gk_free(out);
  gk_report_free(r);
}

/* ------------------------------------------------------------ round trips */
static void test_json_roundtrip_every_state(void) {
  for (int e = 2019; e <= 2021; e += 2) {
    gk_report *r = every_state(e);
    roundtrip(r, 0);
    roundtrip(r, GK_JSON_PRETTY);
    roundtrip(r, GK_JSON_LINES);
    roundtrip(r, GK_JSON_PRETTY | GK_JSON_LINES);
    /* without GK_JSON_LINES no line is kept, and the blank cells with lines vanish */
    char *s = to_json(r, 0);
    CU_ASSERT_PTR_NULL(strstr(s, "\"line\""));
    CU_ASSERT_PTR_NULL(strstr(s, "null"));
    gk_report *back = from_json(s);
    CU_ASSERT_EQUAL(gk_report_equal(r, back, 0), 1);
    CU_ASSERT_EQUAL(gk_report_equal(r, back, 1), 0);
    CU_ASSERT_EQUAL(gk_report_line(back, GK_TABLE_REVIEW, 2, 4), 0);
    /* the states and values as read */
    CU_ASSERT_STRING_EQUAL(gk_report_literal(back, GK_TABLE_REVIEW, 1, 1), "见\"附件\"\n/");
    int st;
    int64_t v;
    CU_ASSERT_EQUAL(gk_report_cell(&st, &v, back, GK_TABLE_REVIEW, 2, 4), GK_OK);
    CU_ASSERT_EQUAL(v, INT64_MAX);
    CU_ASSERT_PTR_NULL(gk_report_section(back, GK_SECTION_PROBLEMS));
    CU_ASSERT_STRING_EQUAL(gk_report_section(back, GK_SECTION_OVERVIEW), "");
    CU_ASSERT_STRING_EQUAL(gk_report_agency(back, GK_AGENCY_CODE), "11320000014000000X");
    CU_ASSERT_EQUAL(gk_report_agency_level(back), GK_LEVEL_COUNTY);
    CU_ASSERT_EQUAL(gk_report_agency_kind(back), GK_AGENCY_KIND_DEPARTMENT);
    if (e == 2019) {
      CU_ASSERT_EQUAL(gk_report_cell(&st, &v, back, GK_TABLE_ACTIVE, 2, 4), GK_OK);
      CU_ASSERT_EQUAL(v, INT64_MIN);
    }
    gk_report_free(back);
    gk_free(s);
    /* with lines: the problems section (absent) keeps its line */
    s = to_json(r, GK_JSON_LINES);
    CU_ASSERT_PTR_NOT_NULL(strstr(s, "\"problems\":{\"text\":null,\"line\":390}"));
    back = from_json(s);
    CU_ASSERT_PTR_NULL(gk_report_section(back, GK_SECTION_PROBLEMS));
    CU_ASSERT_EQUAL(gk_report_section_line(back, GK_SECTION_PROBLEMS), 390);
    gk_report_free(back);
    gk_free(s);
    gk_report_free(r);
  }
}

/* Derived rows that are not stored are never written; the 2021 `other` row, which
 * is derived but holds printed values, is. */
static void test_json_derived_rows(void) {
  gk_report *r = mk(2019, 2020);
  set_path(r, "requests/denied.state_secret/natural", "2");
  set_path(r, "requests/denied.query/natural", "3");
  GK_ASSERT_CELL(r, "requests/denied/natural", "5");
  char *s = to_json(r, GK_JSON_LINES);
  CU_ASSERT_PTR_NULL(strstr(s, "\"denied\""));
  CU_ASSERT_PTR_NOT_NULL(strstr(s, "\"denied.query\":{\"natural\":3}"));
  gk_report *back = from_json(s);
  GK_ASSERT_CELL(back, "requests/denied/natural", "5");
  gk_report_free(back);
  gk_free(s);
  gk_report_free(r);

  r = mk(2021, 2023);
  set_path(r, "requests/other/natural", "4"); /* printed as one row (淮安市洪泽区) */
  set_path(r, "requests/other.misc/legal", "1");
  s = to_json(r, 0);
  CU_ASSERT_PTR_NOT_NULL(strstr(s, "\"other\":{\"natural\":4},\"other.misc\":{\"legal\":1}"));
  back = from_json(s);
  CU_ASSERT_EQUAL(gk_report_equal(r, back, 1), 1);
  GK_ASSERT_CELL(back, "requests/other/natural", "4");
  gk_report_free(back);
  gk_free(s);
  gk_report_free(r);
}

static void test_json_input_forms(void) {
  /* null cells and containers are blank / absent; amounts as exact JSON numbers;
   * a value object without line; a BOM; the year null */
  const char *doc = "\xEF\xBB\xBF{\"gkreport\": 1, \"edition\": \"2019\", \"year\": null,"
                    " \"agency\": {\"name\": null, \"level\": \"township\", \"kind\": null},"
                    " \"title\": null, \"sections\": {\"overview\": null, \"other\": {\"text\": \"无\"}},"
                    " \"tables\": {\"review\": null, \"requests\": {\"new\": null, \"total\": {\"total\": null}},"
                    " \"active\": {\"procurement\": {\"projects\": {\"value\": 120},"
                    " \"amount\": 498742.4}, \"fees\": {\"delta\": -0, \"prev_items\": {\"value\": null}}}}}";
  gk_report *r = from_json(doc);
  CU_ASSERT_EQUAL(gk_report_year(r), 0);
  CU_ASSERT_PTR_NULL(gk_report_agency(r, GK_AGENCY_NAME));
  CU_ASSERT_EQUAL(gk_report_agency_level(r), GK_LEVEL_TOWNSHIP);
  CU_ASSERT_PTR_NULL(gk_report_title(r));
  CU_ASSERT_PTR_NULL(gk_report_section(r, GK_SECTION_OVERVIEW));
  CU_ASSERT_STRING_EQUAL(gk_report_section(r, GK_SECTION_OTHER), "无");
  GK_ASSERT_CELL(r, "active/procurement/projects", "120");
  GK_ASSERT_CELL(r, "active/procurement/amount", "498742.4");
  GK_ASSERT_CELL(r, "active/fees/delta", "0");
  GK_ASSERT_CELL(r, "active/fees/prev_items", "");
  CU_ASSERT_EQUAL(gk_report_count_filled(r, GK_TABLE_REQUESTS), 0);
  CU_ASSERT_EQUAL(gk_report_count_filled(r, GK_TABLE_ACTIVE), 3);
  gk_report_free(r);

  /* the largest values: counts up to INT64_MAX, signed down to INT64_MIN, amounts
   * exact to the millionth (as a string and as a number without exponent) */
  r = from_json("{\"gkreport\":1,\"edition\":\"2019\",\"tables\":{\"active\":{"
                "\"licensing\":{\"prev_items\":9223372036854775807,\"delta\":-9223372036854775808},"
                "\"procurement\":{\"amount\":\"-0.000001\"},"
                "\"other_services\":{\"decisions\":{\"value\":0,\"line\":4294967295}}}}}");
  GK_ASSERT_CELL(r, "active/licensing/prev_items", "9223372036854775807");
  GK_ASSERT_CELL(r, "active/licensing/delta", "-9223372036854775808");
  GK_ASSERT_CELL(r, "active/procurement/amount", "-0.000001");
  CU_ASSERT_EQUAL(gk_report_line(r, GK_TABLE_ACTIVE, 3, 5), UINT32_MAX);
  gk_report_free(r);
  r = from_json("{\"gkreport\":1,\"edition\":\"2021\",\"tables\":{\"active\":{\"fees\":{"
                "\"amount\":{\"value\":9223372036854.775807,\"unit\":\"万元\"}}}}}");
  GK_ASSERT_CELL(r, "active/fees/amount", "9223372036854.775807");
  CU_ASSERT_EQUAL(gk_report_unit(r, GK_TABLE_ACTIVE, 5, 4), GK_UNIT_WANYUAN);
  gk_report_free(r);
}

/* ------------------------------------------------------------ errors */
typedef struct {
  const char *doc;
  const char *rule;
  uint32_t line, column;
  const char *path;
} bad_case;

#define P "{\"gkreport\": 1, \"edition\": \"2021\",\n"
#define RQ P "\"tables\": {\"requests\": {\"new\": {\"natural\": "
#define AF P "\"tables\": {\"active\": {\"fees\": {\"amount\": "
static const bad_case bad_cases[] = {
  /* syntax */
  {"", "json.syntax", 1, 1, "$"},
  {"  \n", "json.syntax", 2, 1, "$"},
  {P "\"year\" 2023}", "json.syntax", 2, 8, "$.year"},
  {P "\"year\": 2023", "json.syntax", 2, 13, "$"},
  {"{}\n  x", "json.syntax", 2, 3, "$"},
  {P "\"year\": 2023,}", "json.syntax", 2, 14, "$"},
  {P "\"year\": 02023}", "json.syntax", 2, 10, "$"},
  {P "\"year\": 2023.}", "json.syntax", 2, 9, "$.year"},
  {P "\"year\": tru}", "json.syntax", 2, 9, "$.year"},
  {P "'year': 1}", "json.syntax", 2, 1, "$"},
  {P "\"title\": \"a\\x\"}", "json.syntax", 2, 12, "$.title"},
  {P "\"title\": \"a\nb\"}", "json.syntax", 2, 12, "$.title"},
  {P "\"title\": \"a\\ud800\"}", "json.syntax", 2, 12, "$.title"},
  {P "\"title\": \"a\\udc00\\ud800\"}", "json.syntax", 2, 12, "$.title"},
  {P "\"title\": \"abc", "json.syntax", 2, 10, "$.title"},
  {P "\"title\": \"a\xff\"}", "json.syntax", 2, 12, "$.title"},
  {P "\"title\": \"凤岗\xe9\x95\"}", "json.syntax", 2, 13, "$.title"},
  {P "\"title\": \"\xed\xa0\x80\"}", "json.syntax", 2, 11, "$.title"},
  {P "\"sections\": {\"other\": [1, 2 3]}}", "json.syntax", 2, 29, "$.sections.other"},
  {"{\"tables\": {\"requests\": {\"denied.state_secret\": {\"natural\": @}}}}", "json.syntax", 1, 61,
   "$.tables.requests[\"denied.state_secret\"].natural"},
  /* types */
  {"[1]", "json.type", 1, 1, "$"},
  {"\xEF\xBB\xBF" "2", "json.type", 1, 1, "$"},
  {"\xEF\xBB\xBF" "{\"gkreport\": 1, \"x\": 2}", "json.key", 1, 17, "$.x"},
  {P "\"year\": \"2023\"}", "json.type", 2, 9, "$.year"},
  {"{\"gkreport\": 1, \"edition\": 2021}", "json.type", 1, 28, "$.edition"},
  {P "\"tables\": {\"review\": {\"reconsideration\": {\"total\": true}}}}", "json.type", 2, 52,
   "$.tables.review.reconsideration.total"},
  {RQ "\"3\"}}}}", "json.type", 2, 44, "$.tables.requests.new.natural"},
  {RQ "[3]}}}}", "json.type", 2, 44, "$.tables.requests.new.natural"},
  {RQ "{\"value\": \"3\"}}}}}", "json.type", 2, 54, "$.tables.requests.new.natural.value"},
  {RQ "{\"literal\": 3}}}}}", "json.type", 2, 56, "$.tables.requests.new.natural.literal"},
  {RQ "{\"value\": 3, \"line\": \"9\"}}}}}", "json.type", 2, 65, "$.tables.requests.new.natural.line"},
  {AF "{\"value\": \"1\", \"unit\": 1}}}}}", "json.type", 2, 65, "$.tables.active.fees.amount.unit"},
  {P "\"tables\": []}", "json.type", 2, 11, "$.tables"},
  {P "\"agency\": {\"name\": 5}}", "json.type", 2, 20, "$.agency.name"},
  {P "\"sections\": {\"overview\": 1}}", "json.type", 2, 26, "$.sections.overview"},
  {"{\"gkreport\": \"1\", \"edition\": \"2021\"}", "json.type", 1, 14, "$.gkreport"},
  /* keys */
  {"{\"edition\": \"2021\"}", "json.key", 1, 1, "$"},
  {P "\"yaer\": 2023}", "json.key", 2, 1, "$.yaer"},
  {P "\"year\": 2023, \"year\": 2024}", "json.key", 2, 15, "$.year"},
  {P "\"agency\": {\"nmae\": \"x\"}}", "json.key", 2, 12, "$.agency.nmae"},
  {P "\"sections\": {\"summary\": \"x\"}}", "json.key", 2, 14, "$.sections.summary"},
  {P "\"sections\": {\"other\": {\"line\": 3}}}", "json.key", 2, 23, "$.sections.other"},
  {P "\"tables\": {\"apply\": {}}}", "json.key", 2, 12, "$.tables.apply"},
  {P "\"tables\": {\"requests\": {\"new\": {\"nat\": 1}}}}", "json.key", 2, 33,
   "$.tables.requests.new.nat"},
  {P "\"tables\": {\"requests\": {\"new\": {\"total\": 1, \"total\": 1}}}}", "json.key", 2, 45,
   "$.tables.requests.new.total"},
  {P "\"tables\": {\"requests\": {\"denied\": {}}}}", "json.key", 2, 25, "$.tables.requests.denied"},
  {P "\"tables\": {\"requests\": {\"unavailable\": {\"natural\": 1}}}}", "json.key", 2, 25,
   "$.tables.requests.unavailable"},
  {P "\"tables\": {\"active\": {\"procurement\": {}}}}", "json.key", 2, 23,
   "$.tables.active.procurement"},
  {P "\"tables\": {\"active\": {\"fees\": {\"decisions\": 1}}}}", "json.key", 2, 32,
   "$.tables.active.fees.decisions"},
  {P "\"tables\": {\"requests\": {\"denied.state_secret\": {\"foo\": 1}}}}", "json.key", 2, 49,
   "$.tables.requests[\"denied.state_secret\"].foo"},
  {RQ "{\"line\": 3}}}}}", "json.key", 2, 44, "$.tables.requests.new.natural"},
  {RQ "{\"value\": 1, \"literal\": \"-\"}}}}}", "json.key", 2, 57,
   "$.tables.requests.new.natural.literal"},
  {RQ "{\"value\": 1, \"unit\": \"元\"}}}}}", "json.key", 2, 57, "$.tables.requests.new.natural.unit"},
  {AF "{\"literal\": \"-\", \"unit\": \"元\"}}}}}", "json.key", 2, 59, "$.tables.active.fees.amount.unit"},
  {RQ "{\"value\": 1, \"color\": 1}}}}}", "json.key", 2, 57, "$.tables.requests.new.natural.color"},
  {"{\"gkreport\": 1, \"edition\": \"2021\", \"title\": \"凤岗镇\", \"x\": 1}", "json.key", 1, 52, "$.x"},
  /* editions */
  {"{\"gkreport\": 1}", "json.edition", 1, 1, "$"},
  {"{\"gkreport\": 1,\n \"edition\": \"2020\"}", "json.edition", 2, 13, "$.edition"},
  {"{\"gkreport\": 1,\n \"edition\": \"\"}", "json.edition", 2, 13, "$.edition"},
  /* values */
  {"{\"gkreport\": 2, \"edition\": \"2021\"}", "json.value", 1, 14, "$.gkreport"},
  {P "\"year\": 10000}", "json.value", 2, 9, "$.year"},
  {P "\"year\": 0}", "json.value", 2, 9, "$.year"},
  {P "\"year\": 2023.5}", "json.value", 2, 9, "$.year"},
  {P "\"year\": 2e3}", "json.value", 2, 9, "$.year"},
  {RQ "-3}}}}", "json.value", 2, 44, "$.tables.requests.new.natural"},
  {RQ "3.5}}}}", "json.value", 2, 44, "$.tables.requests.new.natural"},
  {RQ "3.0}}}}", "json.value", 2, 44, "$.tables.requests.new.natural"},
  {RQ "1e2}}}}", "json.value", 2, 44, "$.tables.requests.new.natural"},
  {RQ "9223372036854775808}}}}", "json.value", 2, 44, "$.tables.requests.new.natural"},
  {RQ "{\"value\": -1}}}}}", "json.value", 2, 54, "$.tables.requests.new.natural.value"},
  {RQ "{\"literal\": \"\"}}}}}", "json.value", 2, 56, "$.tables.requests.new.natural.literal"},
  {RQ "{\"value\": 1, \"line\": 0}}}}}", "json.value", 2, 65, "$.tables.requests.new.natural.line"},
  {RQ "{\"value\": 1, \"line\": 4294967296}}}}}", "json.value", 2, 65,
   "$.tables.requests.new.natural.line"},
  {RQ "12345678901234567890123456789012345678901234567890123456789012345}}}}", "json.value", 2, 44,
   "$.tables.requests.new.natural"},
  {"{\"gkreport\": 1, \"edition\": \"2019\",\n\"tables\": {\"active\": {\"licensing\": {\"delta\": -9223372036854775809}}}}", "json.value", 2, 46,
   "$.tables.active.licensing.delta"},
  {AF "5e3}}}}", "json.value", 2, 42, "$.tables.active.fees.amount"},
  {AF "\"1.1234567\"}}}}", "json.value", 2, 42, "$.tables.active.fees.amount"},
  {AF "\"abc\"}}}}", "json.value", 2, 42, "$.tables.active.fees.amount"},
  {AF "\"1,000\"}}}}", "json.value", 2, 42, "$.tables.active.fees.amount"},
  {AF "\" 1\"}}}}", "json.value", 2, 42, "$.tables.active.fees.amount"},
  {AF "\"1.\"}}}}", "json.value", 2, 42, "$.tables.active.fees.amount"},
  {AF "\"01\"}}}}", "json.value", 2, 42, "$.tables.active.fees.amount"},
  {AF "\"\"}}}}", "json.value", 2, 42, "$.tables.active.fees.amount"},
  {AF "\"99999999999999\"}}}}", "json.value", 2, 42, "$.tables.active.fees.amount"},
  {AF "{\"value\": \"1\", \"unit\": \"美元\"}}}}}", "json.value", 2, 65, "$.tables.active.fees.amount.unit"},
  {P "\"agency\": {\"level\": \"village\"}}", "json.value", 2, 21, "$.agency.level"},
  {P "\"agency\": {\"kind\": \"bureau\"}}", "json.value", 2, 20, "$.agency.kind"},
  {P "\"title\": \"a\\u0000\"}", "json.value", 2, 12, "$.title"},
};

static void test_json_errors(void) {
  for (size_t i = 0; i < sizeof bad_cases / sizeof *bad_cases; i++) {
    const bad_case *c = &bad_cases[i];
    gk_diags *d = NULL;
    gk_report *r = NULL;
    CU_ASSERT_EQUAL_FATAL(gk_diags_new(&d), GK_OK);
    int rc = gk_report_from_json(&r, c->doc, strlen(c->doc), "bad.json", d);
    int ok = rc == GK_EPARSE && r == NULL && gk_diags_count(d) == 1 &&
             gk_diag_severity(d, 0) == GK_SEV_ERROR && strcmp(gk_diag_rule(d, 0), c->rule) == 0 &&
             gk_diag_line(d, 0) == c->line && gk_diag_column(d, 0) == c->column &&
             gk_diag_ncells(d, 0) == 1 && strcmp(gk_diag_cell(d, 0, 0), c->path) == 0 &&
             strcmp(gk_diag_file(d, 0), "bad.json") == 0 &&
             strstr(gk_diag_message(d, 0, GK_LANG_EN), c->path) != NULL &&
             strstr(gk_diag_message(d, 0, GK_LANG_ZH), c->path) != NULL;
    if (!ok) {
      char buf[600] = "";
      if (gk_diags_count(d)) gk_diag_format(buf, sizeof buf, d, 0, GK_LANG_EN);
      fprintf(stderr, "\n  case %zu: rc %d, want %s %u:%u %s; got %s [%s]\n", i, rc, c->rule,
              (unsigned)c->line, (unsigned)c->column, c->path, buf,
              gk_diags_count(d) ? gk_diag_cell(d, 0, 0) : "");
    }
    CU_ASSERT_TRUE(ok);
    gk_report_free(r);
    gk_diags_free(d);
  }
}

/* The messages, the actual text and a report without a diagnostics list. */
static void test_json_error_details(void) {
  gk_diags *d = NULL;
  gk_report *r = NULL;
  CU_ASSERT_EQUAL_FATAL(gk_diags_new(&d), GK_OK);
  const char *doc = RQ "-3}}}}";
  CU_ASSERT_EQUAL(gk_report_from_json(&r, doc, strlen(doc), NULL, d), GK_EPARSE);
  CU_ASSERT_STRING_EQUAL(gk_diag_message(d, 0, GK_LANG_EN),
                         "negative count -3 at $.tables.requests.new.natural");
  CU_ASSERT_STRING_EQUAL(gk_diag_message(d, 0, GK_LANG_ZH),
                         "计数不能为负数：-3（位置 $.tables.requests.new.natural）");
  CU_ASSERT_STRING_EQUAL(gk_diag_actual(d, 0), "-3");
  CU_ASSERT_PTR_NULL(gk_diag_file(d, 0));
  char buf[256];
  gk_diag_format(buf, sizeof buf, d, 0, GK_LANG_EN);
  CU_ASSERT_STRING_EQUAL(buf, "<report>:2:44: error json.value: negative count -3 at "
                              "$.tables.requests.new.natural");
  gk_diags_clear(d);
  doc = P "\"year\" 2023}";
  CU_ASSERT_EQUAL(gk_report_from_json(&r, doc, strlen(doc), "a.json", d), GK_EPARSE);
  CU_ASSERT_STRING_EQUAL(gk_diag_message(d, 0, GK_LANG_EN), "expected ':' at $.year");
  gk_diags_clear(d);
  doc = P "\"tables\": {\"requests\": {\"denied\": {}}}}";
  CU_ASSERT_EQUAL(gk_report_from_json(&r, doc, strlen(doc), "a.json", d), GK_EPARSE);
  CU_ASSERT_STRING_EQUAL(gk_diag_message(d, 0, GK_LANG_EN),
                         "row \"denied\" is derived (the sum of its sub-rows) and cannot be given "
                         "at $.tables.requests.denied");
  gk_diags_clear(d);
  doc = P "\"tables\": {\"review\": {\"reconsideration\": {\"total\": true}}}}";
  CU_ASSERT_EQUAL(gk_report_from_json(&r, doc, strlen(doc), "a.json", d), GK_EPARSE);
  CU_ASSERT_STRING_EQUAL(gk_diag_message(d, 0, GK_LANG_EN),
                         "expected an integer, null or a cell object, found a boolean at "
                         "$.tables.review.reconsideration.total");
  CU_ASSERT_STRING_EQUAL(gk_diag_message(d, 0, GK_LANG_ZH),
                         "此处应为整数、null 或单元格对象，实际为布尔值（位置 "
                         "$.tables.review.reconsideration.total）");
  CU_ASSERT_STRING_EQUAL(gk_diag_actual(d, 0), "true");
  gk_diags_clear(d);
  doc = "{\"gkreport\": 2, \"edition\": \"2021\"}";
  CU_ASSERT_EQUAL(gk_report_from_json(&r, doc, strlen(doc), "a.json", d), GK_EPARSE);
  CU_ASSERT_STRING_EQUAL(gk_diag_message(d, 0, GK_LANG_EN),
                         "unsupported document format version 2 (this library reads version 1) "
                         "at $.gkreport");
  gk_diags_clear(d);
  /* a long unknown key is cut in the path and message */
  char big[400];
  snprintf(big, sizeof big, P "\"%0100d\": 1}", 7);
  CU_ASSERT_EQUAL(gk_report_from_json(&r, big, strlen(big), "a.json", d), GK_EPARSE);
  CU_ASSERT_EQUAL(strlen(gk_diag_cell(d, 0, 0)), strlen("$[\"\"]") + 64 + strlen("…"));
  gk_diags_clear(d);
  /* without a list: still GK_EPARSE */
  CU_ASSERT_EQUAL(gk_report_from_json(&r, doc, strlen(doc), "a.json", NULL), GK_EPARSE);
  CU_ASSERT_PTR_NULL(r);
  gk_diags_free(d);
}

/* Keys and strings with escapes are read decoded (in the report, in duplicate checks,
 * in paths and messages); rows and columns are found in any order. */
static void test_json_escapes_and_order(void) {
  const char *doc =
      "{\"gkreport\":1,\"edition\":\"2021\",\"\\u0074itle\":\"a\\u51e4\\ud83d\\ude00\\n\\/\\\"\",\n"
      "\"agency\":{\"n\\u0061me\":\"\\u51e4\\u5c97\\u9547\",\"level\":\"town\\u0073hip\"},\n"
      "\"sections\":{\"other\":{\"te\\u0078t\":\"x\\ty\",\"line\":7}},\n"
      "\"tables\":{\"requests\":{\"carried_over\":{\"legal\":9,\"natural\":4},"
      "\"new\":{\"other_org\":2,\"research\":{\"literal\":\"\\u2014\"},\"natural\":3}},\n"
      "\"active\":{\"fees\":{\"amount\":{\"v\\u0061lue\":\"\\u0031.5\",\"unit\":\"\\u4e07\\u5143\"}}}}}";
  gk_report *r = from_json(doc);
  CU_ASSERT_STRING_EQUAL(gk_report_title(r), "a凤\xF0\x9F\x98\x80\n/\"");
  CU_ASSERT_STRING_EQUAL(gk_report_agency(r, GK_AGENCY_NAME), "凤岗镇");
  CU_ASSERT_EQUAL(gk_report_agency_level(r), GK_LEVEL_TOWNSHIP);
  CU_ASSERT_STRING_EQUAL(gk_report_section(r, GK_SECTION_OTHER), "x\ty");
  CU_ASSERT_EQUAL(gk_report_section_line(r, GK_SECTION_OTHER), 7);
  GK_ASSERT_CELL(r, "requests/carried_over/legal", "9");
  GK_ASSERT_CELL(r, "requests/carried_over/natural", "4");
  GK_ASSERT_CELL(r, "requests/new/other_org", "2");
  GK_ASSERT_CELL(r, "requests/new/natural", "3");
  GK_ASSERT_CELL(r, "requests/new/research", "—");
  GK_ASSERT_CELL(r, "active/fees/amount", "1.5");
  CU_ASSERT_EQUAL(gk_report_count_filled(r, GK_TABLE_REQUESTS), 5);
  int t;
  size_t row, col;
  locate(r, "active/fees/amount", &t, &row, &col);
  CU_ASSERT_EQUAL(gk_report_unit(r, t, row, col), GK_UNIT_WANYUAN);
  gk_report_free(r);

  static const struct {
    const char *doc, *rule;
    uint32_t line, column;
    const char *message; /* English */
  } cases[] = {
    {RQ "{\"value\": 1, \"v\\u0061lue\": 2}}}}}", "json.key", 2, 57,
     "duplicate key \"value\" at $.tables.requests.new.natural.value"},
    {RQ "{\"\\u006c\\u0069ne\": 1, \"line\": 2}}}}}", "json.key", 2, 66,
     "duplicate key \"line\" at $.tables.requests.new.natural.line"},
    {P "\"\\u0078y\": 1}", "json.key", 2, 1, "unknown key \"xy\" at $.xy"},
    {P "\"a\\\"b\": 1}", "json.key", 2, 1, "unknown key \"a\"b\" at $[\"a\\\"b\"]"},
    {RQ "{\"value\": 3, \"\\u0075nit\": \"元\"}}}}}", "json.key", 2, 57,
     "the key \"unit\" goes only with the value of an amount cell at "
     "$.tables.requests.new.natural.unit"},
    {P "\"tables\": {\"requests\": {\"new\": {\"natural\": 1, \"legal\": 2, \"natural\": 3}}}}",
     "json.key", 2, 59, "duplicate key \"natural\" at $.tables.requests.new.natural"},
    {P "\"tables\": {\"requests\": {\"carried_over\": {}, \"new\": {}, \"carried_over\": null}}}",
     "json.key", 2, 56, "duplicate key \"carried_over\" at $.tables.requests.carried_over"},
    {AF "{\"value\": \"\\u0031.5x\"}}}}}", "json.value", 2, 52,
     "\"\\u0031.5x\" is not an exact decimal such as \"59237.2449\" at "
     "$.tables.active.fees.amount.value"},
  };
  for (size_t i = 0; i < sizeof cases / sizeof *cases; i++) {
    gk_diags *d = NULL;
    r = NULL;
    CU_ASSERT_EQUAL_FATAL(gk_diags_new(&d), GK_OK);
    CU_ASSERT_EQUAL(gk_report_from_json(&r, cases[i].doc, strlen(cases[i].doc), "e.json", d),
                    GK_EPARSE);
    CU_ASSERT_PTR_NULL(r);
    CU_ASSERT_EQUAL_FATAL(gk_diags_count(d), 1);
    CU_ASSERT_STRING_EQUAL(gk_diag_rule(d, 0), cases[i].rule);
    CU_ASSERT_EQUAL(gk_diag_line(d, 0), cases[i].line);
    CU_ASSERT_EQUAL(gk_diag_column(d, 0), cases[i].column);
    CU_ASSERT_STRING_EQUAL(gk_diag_message(d, 0, GK_LANG_EN), cases[i].message);
    if (gk_diag_column(d, 0) != cases[i].column ||
        strcmp(gk_diag_message(d, 0, GK_LANG_EN), cases[i].message))
      fprintf(stderr, "\n  case %zu: %u:%u %s\n", i, (unsigned)gk_diag_line(d, 0),
              (unsigned)gk_diag_column(d, 0), gk_diag_message(d, 0, GK_LANG_EN));
    gk_diags_free(d);
  }
}

/* Nesting is bounded: deep input is an error at the 65th level, never a crash. */
static void test_json_deep_nesting(void) {
  size_t n = 200000;
  char *s = malloc(n + 8);
  CU_ASSERT_PTR_NOT_NULL_FATAL(s);
  memcpy(s, "{\"x\":", 5);
  memset(s + 5, '[', n);
  gk_diags *d = NULL;
  gk_report *r = NULL;
  CU_ASSERT_EQUAL_FATAL(gk_diags_new(&d), GK_OK);
  CU_ASSERT_EQUAL(gk_report_from_json(&r, s, n + 5, "deep.json", d), GK_EPARSE);
  CU_ASSERT_EQUAL(gk_diags_count(d), 1);
  CU_ASSERT_STRING_EQUAL(gk_diag_rule(d, 0), "json.syntax");
  CU_ASSERT_EQUAL(gk_diag_line(d, 0), 1);
  CU_ASSERT_EQUAL(gk_diag_column(d, 0), 5 + 64);
  char deep[512] = "$.x";
  for (int i = 0; i < 63; i++) strcat(deep, "[0]");
  CU_ASSERT_STRING_EQUAL(gk_diag_cell(d, 0, 0), deep);
  CU_ASSERT_STRING_EQUAL(gk_diag_message(d, 0, GK_LANG_EN) + strlen("nested deeper than 64 levels at "),
                         gk_diag_cell(d, 0, 0));
  /* 64 levels are fine syntax (the document is still wrong: x is unknown) */
  gk_diags_clear(d);
  memset(s + 5, '[', 63);
  memset(s + 5 + 63, ']', 63);
  memcpy(s + 5 + 126, "}", 2);
  CU_ASSERT_EQUAL(gk_report_from_json(&r, s, strlen(s), "deep.json", d), GK_EPARSE);
  CU_ASSERT_STRING_EQUAL(gk_diag_rule(d, 0), "json.key");
  gk_diags_free(d);
  free(s);
}

/* A failure leaves the caller's objects as they were: *out NULL, an existing list
 * gains exactly the one error. */
static void test_json_failure_leaves_caller_objects(void) {
  gk_diags *d = NULL;
  CU_ASSERT_EQUAL_FATAL(gk_diags_new(&d), GK_OK);
  CU_ASSERT_EQUAL(gk_diags_add(NULL, d, GK_SEV_WARNING, "cell.blank", "甲", "a", "x.txt", 3, 0), GK_OK);
  CU_ASSERT_EQUAL(gk_diags_add(NULL, d, GK_SEV_INFO, "active.misread_delta", NULL, "b", NULL, 0, 0), GK_OK);
  gk_report *sentinel = mk(2019, 2019), *r = sentinel;
  const char *doc = RQ "-3}}}}";
  CU_ASSERT_EQUAL(gk_report_from_json(&r, doc, strlen(doc), "bad.json", d), GK_EPARSE);
  CU_ASSERT_PTR_NULL(r);
  CU_ASSERT_EQUAL(gk_diags_count(d), 3);
  CU_ASSERT_STRING_EQUAL(gk_diag_rule(d, 0), "cell.blank");
  CU_ASSERT_STRING_EQUAL(gk_diag_rule(d, 1), "active.misread_delta");
  CU_ASSERT_STRING_EQUAL(gk_diag_rule(d, 2), "json.value");
  CU_ASSERT_EQUAL(gk_diag_line(d, 0), 3);
  /* a success adds nothing */
  r = sentinel;
  doc = RQ "3}}}}";
  CU_ASSERT_EQUAL(gk_report_from_json(&r, doc, strlen(doc), "ok.json", d), GK_OK);
  CU_ASSERT_EQUAL(gk_diags_count(d), 3);
  GK_ASSERT_CELL(r, "requests/new/natural", "3");
  gk_report_free(r);
  gk_report_free(sentinel);
  gk_diags_free(d);
}

/* ------------------------------------------------------------ allocation failures */
static void test_json_alloc_failures(void) {
  for (int e = 2019; e <= 2021; e += 2) {
    gk_report *src = every_state(e);
    char *doc = to_json(src, GK_JSON_PRETTY | GK_JSON_LINES);
    int ok = 0;
    long n;
    for (n = 0; n < 10000 && !ok; n++) {
      char *out = (char *)"x";
      size_t len = 9;
      gk__alloc_fail_after(n);
      int rc = gk_report_to_json(&out, &len, src, GK_JSON_PRETTY | GK_JSON_LINES);
      gk__alloc_fail_after(-1);
      if (rc == GK_OK) {
        CU_ASSERT_STRING_EQUAL(out, doc);
        ok = 1;
      } else {
        CU_ASSERT_EQUAL(rc, GK_ENOMEM);
        CU_ASSERT_PTR_NULL(out);
        CU_ASSERT_EQUAL(len, 0);
      }
      gk_free(out);
    }
    CU_ASSERT_TRUE(ok);
    CU_ASSERT_TRUE(n > 1);
    gk_diags *d = NULL;
    CU_ASSERT_EQUAL_FATAL(gk_diags_new(&d), GK_OK);
    for (ok = 0, n = 0; n < 10000 && !ok; n++) {
      gk_report *r = NULL;
      gk__alloc_fail_after(n);
      int rc = gk_report_from_json(&r, doc, strlen(doc), "doc.json", d);
      gk__alloc_fail_after(-1);
      CU_ASSERT_EQUAL(gk_diags_count(d), 0);
      if (rc == GK_OK) {
        CU_ASSERT_EQUAL(gk_report_equal(r, src, 1), 1);
        ok = 1;
      } else {
        CU_ASSERT_EQUAL(rc, GK_ENOMEM);
        CU_ASSERT_PTR_NULL(r);
      }
      gk_report_free(r);
    }
    CU_ASSERT_TRUE(ok);
    CU_ASSERT_TRUE(n > 10);
    /* a bad document: GK_ENOMEM adds nothing, GK_EPARSE adds the one error */
    const char *bad = RQ "-3}}}}";
    for (ok = 0, n = 0; n < 10000 && !ok; n++) {
      gk_report *r = NULL;
      gk__alloc_fail_after(n);
      int rc = gk_report_from_json(&r, bad, strlen(bad), "bad.json", d);
      gk__alloc_fail_after(-1);
      CU_ASSERT_PTR_NULL(r);
      if (rc == GK_EPARSE) {
        CU_ASSERT_EQUAL(gk_diags_count(d), 1);
        ok = 1;
      } else {
        CU_ASSERT_EQUAL(rc, GK_ENOMEM);
        CU_ASSERT_EQUAL(gk_diags_count(d), 0);
      }
    }
    CU_ASSERT_TRUE(ok);
    /* the diagnostics list */
    char *want = NULL;
    CU_ASSERT_EQUAL(gk_diags_to_json(&want, NULL, d, GK_JSON_PRETTY), GK_OK);
    for (ok = 0, n = 0; n < 10000 && !ok; n++) {
      char *out = NULL;
      gk__alloc_fail_after(n);
      int rc = gk_diags_to_json(&out, NULL, d, GK_JSON_PRETTY);
      gk__alloc_fail_after(-1);
      if (rc == GK_OK) {
        CU_ASSERT_STRING_EQUAL(out, want);
        ok = 1;
      } else {
        CU_ASSERT_EQUAL(rc, GK_ENOMEM);
        CU_ASSERT_PTR_NULL(out);
      }
      gk_free(out);
    }
    CU_ASSERT_TRUE(ok);
    gk_free(want);
    gk_diags_free(d);
    gk_free(doc);
    gk_report_free(src);
  }
}

/* ------------------------------------------------------------ diagnostics */
static void test_json_diags_to_json(void) {
  gk_diags *d = NULL;
  CU_ASSERT_EQUAL_FATAL(gk_diags_new(&d), GK_OK);
  char *s = NULL;
  size_t len = 0;
  CU_ASSERT_EQUAL(gk_diags_to_json(&s, &len, d, 0), GK_OK);
  CU_ASSERT_STRING_EQUAL(s, "[]");
  CU_ASSERT_EQUAL(len, 2);
  gk_free(s);
  CU_ASSERT_EQUAL(gk_diags_to_json(&s, &len, d, GK_JSON_PRETTY), GK_OK);
  CU_ASSERT_STRING_EQUAL(s, "[]\n");
  gk_free(s);
  size_t i;
  CU_ASSERT_EQUAL(gk_diags_add(&i, d, GK_SEV_ERROR, "requests.balance", "一+二 ≠ 三(七)+四",
                               "new + carried_over \"≠\" total", "r.txt", 118, 0), GK_OK);
  CU_ASSERT_EQUAL(gk_diags_add_cell(d, i, "requests/new/natural"), GK_OK);
  CU_ASSERT_EQUAL(gk_diags_add_cell(d, i, "requests/total/natural"), GK_OK);
  CU_ASSERT_EQUAL(gk_diags_set_values(d, i, "3493", "3375"), GK_OK);
  CU_ASSERT_EQUAL(gk_diags_set_suspect(d, i, "requests/total/natural", "3493"), GK_OK);
  CU_ASSERT_EQUAL(gk_diags_add(&i, d, GK_SEV_INFO, "text.sum", NULL, "only en\n", NULL, 0, 0), GK_OK);
  CU_ASSERT_EQUAL(gk_diags_waive(d, i, "机构改革"), GK_OK);
  CU_ASSERT_EQUAL(gk_diags_to_json(&s, &len, d, 0), GK_OK);
  CU_ASSERT_STRING_EQUAL(s,
    "[{\"severity\":\"error\",\"rule\":\"requests.balance\",\"message_zh\":\"一+二 ≠ 三(七)+四\","
    "\"message_en\":\"new + carried_over \\\"≠\\\" total\","
    "\"cells\":[\"requests/new/natural\",\"requests/total/natural\"],"
    "\"expected\":\"3493\",\"actual\":\"3375\",\"file\":\"r.txt\",\"line\":118,\"column\":null,"
    "\"suspect\":\"requests/total/natural\",\"suspect_value\":\"3493\",\"waived\":false,"
    "\"waiver_reason\":null},"
    "{\"severity\":\"info\",\"rule\":\"text.sum\",\"message_zh\":\"only en\\n\","
    "\"message_en\":\"only en\\n\",\"cells\":[],\"expected\":null,\"actual\":null,\"file\":null,"
    "\"line\":null,\"column\":null,\"suspect\":null,\"suspect_value\":null,\"waived\":true,"
    "\"waiver_reason\":\"机构改革\"}]");
  CU_ASSERT_EQUAL(strlen(s), len);
  gk_free(s);
  CU_ASSERT_EQUAL(gk_diags_to_json(&s, &len, d, GK_JSON_PRETTY), GK_OK);
  CU_ASSERT_NSTRING_EQUAL(s,
    "[\n"
    "  {\n"
    "    \"severity\": \"error\",\n"
    "    \"rule\": \"requests.balance\",\n"
    "    \"message_zh\": \"一+二 ≠ 三(七)+四\",\n"
    "    \"message_en\": \"new + carried_over \\\"≠\\\" total\",\n"
    "    \"cells\": [\"requests/new/natural\", \"requests/total/natural\"],\n"
    "    \"expected\": \"3493\",\n", 230);
  CU_ASSERT_STRING_EQUAL(s + len - 60,  "  \"waived\": true,\n    \"waiver_reason\": \"机构改革\"\n  }\n]\n");
  /* the output is JSON that cJSON reads back */
  cJSON *j = cJSON_Parse(s);
  CU_ASSERT_PTR_NOT_NULL_FATAL(j);
  CU_ASSERT_EQUAL(cJSON_GetArraySize(j), 2);
  CU_ASSERT_STRING_EQUAL(cJSON_GetObjectItem(cJSON_GetArrayItem(j, 0), "message_en")->valuestring,
                         "new + carried_over \"≠\" total");
  cJSON_Delete(j);
  gk_free(s);
  /* bytes that are not UTF-8 in a message still give valid JSON (U+FFFD) */
  CU_ASSERT_EQUAL(gk_diags_add(&i, d, GK_SEV_WARNING, "x", "\xff", "a\xe9z", NULL, 0, 0), GK_OK);
  CU_ASSERT_EQUAL(gk_diags_to_json(&s, &len, d, 0), GK_OK);
  CU_ASSERT_PTR_NOT_NULL(strstr(s, "\"message_zh\":\"\xEF\xBF\xBD\",\"message_en\":\"a\xEF\xBF\xBDz\""));
  gk_free(s);
  /* the errors of the reader serialize too */
  gk_diags_clear(d);
  gk_report *r = NULL;
  const char *doc = RQ "-3}}}}";
  CU_ASSERT_EQUAL(gk_report_from_json(&r, doc, strlen(doc), "bad.json", d), GK_EPARSE);
  CU_ASSERT_EQUAL(gk_diags_to_json(&s, &len, d, 0), GK_OK);
  CU_ASSERT_STRING_EQUAL(s,
    "[{\"severity\":\"error\",\"rule\":\"json.value\","
    "\"message_zh\":\"计数不能为负数：-3（位置 $.tables.requests.new.natural）\","
    "\"message_en\":\"negative count -3 at $.tables.requests.new.natural\","
    "\"cells\":[\"$.tables.requests.new.natural\"],\"expected\":null,\"actual\":\"-3\","
    "\"file\":\"bad.json\",\"line\":2,\"column\":44,\"suspect\":null,\"suspect_value\":null,"
    "\"waived\":false,\"waiver_reason\":null}]");
  gk_free(s);
  gk_diags_free(d);
}

/* ------------------------------------------------------------ real reports */
/* Load a *.truth.json's cells into a report through the C API. */
static gk_report *truth_report(const char *name, cJSON **doc_out) {
  return gk_test_load_truth(GK_REAL_DATA, name, doc_out);
}

/* Every truth cell reads back with its value; every other cell is blank. */
static void assert_truth_cells(const gk_report *r, const cJSON *doc) {
  size_t n = 0;
  const cJSON *c;
  cJSON_ArrayForEach(c, cJSON_GetObjectItem(doc, "cells")) {
    char want[64];
    if (cJSON_IsString(c))
      snprintf(want, sizeof want, "%s", c->valuestring);
    else
      snprintf(want, sizeof want, "%lld", (long long)c->valuedouble);
    GK_ASSERT_CELL(r, c->string, want);
    n++;
  }
  size_t filled = 0;
  for (int t = 0; t < GK_NTABLES; t++) filled += gk_report_count_filled(r, t);
  CU_ASSERT_EQUAL(filled, n);
}

static void test_json_truth_files_roundtrip(void) {
  for (size_t i = 0; i < gk_test_ntruth; i++) {
    cJSON *doc = NULL;
    gk_report *r = truth_report(gk_test_truth_files[i], &doc);
    assert_truth_cells(r, doc);
    roundtrip(r, 0);
    roundtrip(r, GK_JSON_PRETTY | GK_JSON_LINES);
    char *s = to_json(r, 0);
    gk_report *back = from_json(s);
    assert_truth_cells(back, doc);
    gk_report_free(back);
    gk_free(s);
    gk_report_free(r);
    cJSON_Delete(doc);
  }
}

/* The bundled example (README's first command) is the complete 凤岗镇 2020 report. */
static void test_json_example_fenggang(void) {
  size_t len;
  char *text = gk_test_read_file(GK_SOURCE_DIR "/examples/fenggang-2020.json", &len);
  CU_ASSERT_PTR_NOT_NULL_FATAL(text);
  gk_report *r = from_json(text);
  CU_ASSERT_EQUAL(gk_report_edition(r), 2019);
  CU_ASSERT_EQUAL(gk_report_year(r), 2020);
  CU_ASSERT_STRING_EQUAL(gk_report_agency(r, GK_AGENCY_NAME), "凤岗镇人民政府");
  CU_ASSERT_EQUAL(gk_report_agency_level(r), GK_LEVEL_TOWNSHIP);
  CU_ASSERT_EQUAL(gk_report_agency_kind(r), GK_AGENCY_KIND_GOVERNMENT);
  CU_ASSERT_STRING_EQUAL(gk_report_title(r), "凤岗镇2020年政府信息公开工作年度报告");
  /* the four sections, as in the text file */
  CU_ASSERT_NSTRING_EQUAL(gk_report_section(r, GK_SECTION_PREAMBLE), "本报告依据《中华人民共和国政府信息公开条例》",
                          strlen("本报告依据《中华人民共和国政府信息公开条例》"));
  CU_ASSERT_PTR_NOT_NULL(strstr(gk_report_section(r, GK_SECTION_PREAMBLE),
                                "统计期限自2020年1月1日起至2020年12月31日止"));
  CU_ASSERT_PTR_NOT_NULL(strstr(gk_report_section(r, GK_SECTION_OVERVIEW),
                                "我镇累计主动公开政府信息132条"));
  CU_ASSERT_PTR_NOT_NULL(strstr(gk_report_section(r, GK_SECTION_OVERVIEW), "\n（五）监督保障\n"));
  CU_ASSERT_NSTRING_EQUAL(gk_report_section(r, GK_SECTION_PROBLEMS), "2020年，我镇政府信息公开工作虽然",
                          strlen("2020年，我镇政府信息公开工作虽然"));
  CU_ASSERT_STRING_EQUAL(gk_report_section(r, GK_SECTION_OTHER), "无");
  CU_ASSERT_EQUAL(gk_report_section_line(r, GK_SECTION_OVERVIEW), 6);
  CU_ASSERT_EQUAL(gk_report_section_line(r, GK_SECTION_OTHER), 403);
  /* every cell equals the hand-checked truth, none more */
  cJSON *doc = NULL;
  gk_report *truth = truth_report("2020_ganzhou-fenggang-town.truth.json", &doc);
  assert_truth_cells(r, doc);
  GK_ASSERT_CELL(r, "active/procurement/projects", "120");
  GK_ASSERT_CELL(r, "active/procurement/amount", "498742.4");
  CU_ASSERT_EQUAL(gk_report_unit(r, GK_TABLE_ACTIVE, 7, 7), GK_UNIT_DEFAULT);
  /* with the source lines of tests/data/real/2020_ganzhou-fenggang-town.txt */
  CU_ASSERT_EQUAL(gk_report_line(r, GK_TABLE_ACTIVE, 7, 6), 87);
  CU_ASSERT_EQUAL(gk_report_line(r, GK_TABLE_REQUESTS, 0, 0), 110);
  CU_ASSERT_EQUAL(gk_report_line(r, GK_TABLE_REVIEW, 2, 4), 398);
  for (int t = 0; t < GK_NTABLES; t++)
    for (size_t row = 0; row < gk_schema_nrows(2019, t); row++)
      for (size_t col = 0; col < gk_schema_ncols(2019, t); col++)
        if (gk_schema_cell_exists(2019, t, row, col) &&
            (gk_schema_row_flags(2019, t, row) & GK_ROW_STORED))
          CU_ASSERT_TRUE(gk_report_line(r, t, row, col) > 0);
  /* the file is what the library writes (pretty, with lines) */
  char *again = to_json(r, GK_JSON_PRETTY | GK_JSON_LINES);
  CU_ASSERT_STRING_EQUAL(again, text);
  gk_free(again);
  gk_report_free(truth);
  cJSON_Delete(doc);
  gk_report_free(r);
  free(text);
}

/* ------------------------------------------------------------ documents for the schema check */
/* Every stored cell with a value of its kind (negative in signed columns), source
 * lines everywhere, every field: the widest document of an edition. */
static gk_report *full_report(int edition) {
  gk_report *r = every_state(edition);
  for (int t = 0; t < GK_NTABLES; t++)
    for (size_t row = 0; row < gk_schema_nrows(edition, t); row++)
      for (size_t col = 0; col < gk_schema_ncols(edition, t); col++) {
        if (!gk_schema_cell_exists(edition, t, row, col) ||
            !(gk_schema_row_flags(edition, t, row) & GK_ROW_STORED))
          continue;
        int kind = gk_schema_col_kind(edition, t, col);
        int64_t v = kind == GK_KIND_SIGNED ? -7 : kind == GK_KIND_AMOUNT ? 1500000 : (int64_t)(row * 10 + col);
        CU_ASSERT_EQUAL(gk_report_set_value(r, t, row, col, v), GK_OK);
        CU_ASSERT_EQUAL(gk_report_set_line(r, t, row, col, (uint32_t)(row + 1)), GK_OK);
      }
  for (int s = 0; s < GK_NSECTIONS; s++) {
    CU_ASSERT_EQUAL(gk_report_set_section(r, s, "文本", strlen("文本")), GK_OK);
    CU_ASSERT_EQUAL(gk_report_set_section_line(r, s, (uint32_t)s + 1), GK_OK);
  }
  return r;
}

static void write_file(const char *dir, const char *name, const char *text) {
  char path[1024];
  snprintf(path, sizeof path, "%s/%s", dir, name);
  FILE *f = fopen(path, "wb");
  CU_ASSERT_PTR_NOT_NULL_FATAL(f);
  CU_ASSERT_EQUAL(fwrite(text, 1, strlen(text), f), strlen(text));
  CU_ASSERT_EQUAL(fclose(f), 0);
}

/* Documents saved by the library: both editions, every cell state, with and without
 * lines, compact and pretty. tests/check_json_schema.sh runs this suite with
 * GK_JSON_SAMPLES_DIR set and validates the files against docs/report.schema.json;
 * in an ordinary run they are only made and read back. */
static void test_json_schema_samples(void) {
  const char *dir = getenv("GK_JSON_SAMPLES_DIR");
  static const uint32_t flag_sets[] = {0, GK_JSON_PRETTY | GK_JSON_LINES};
  for (int e = 2019; e <= 2021; e += 2)
    for (int kind = 0; kind < 3; kind++) {
      gk_report *r = kind == 0 ? every_state(e) : kind == 1 ? full_report(e) : mk(e, 0);
      for (size_t f = 0; f < 2; f++) {
        char *s = to_json(r, flag_sets[f]);
        gk_report *back = from_json(s);
        CU_ASSERT_EQUAL(gk_report_equal(r, back, f == 1), 1);
        gk_report_free(back);
        if (dir) {
          char name[64];
          snprintf(name, sizeof name, "%d-%s-%s.json", e,
                   kind == 0 ? "states" : kind == 1 ? "full" : "empty", f ? "lines" : "plain");
          write_file(dir, name, s);
        }
        gk_free(s);
      }
      gk_report_free(r);
    }
}

int main(void) {
  CU_TestInfo tests[] = {
    {"test_json_output_exact", test_json_output_exact},
    {"test_json_bad_arguments", test_json_bad_arguments},
    {"test_json_roundtrip_every_state", test_json_roundtrip_every_state},
    {"test_json_derived_rows", test_json_derived_rows},
    {"test_json_input_forms", test_json_input_forms},
    {"test_json_errors", test_json_errors},
    {"test_json_error_details", test_json_error_details},
    {"test_json_escapes_and_order", test_json_escapes_and_order},
    {"test_json_deep_nesting", test_json_deep_nesting},
    {"test_json_failure_leaves_caller_objects", test_json_failure_leaves_caller_objects},
    {"test_json_alloc_failures", test_json_alloc_failures},
    {"test_json_diags_to_json", test_json_diags_to_json},
    {"test_json_truth_files_roundtrip", test_json_truth_files_roundtrip},
    {"test_json_example_fenggang", test_json_example_fenggang},
    {"test_json_schema_samples", test_json_schema_samples},
    CU_TEST_INFO_NULL};
  return gk_test_main("json", tests);
}
