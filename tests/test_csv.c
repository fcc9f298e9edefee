/* SPDX-License-Identifier: MIT */
/* CSV: the tidy long form of a report (gk_report_to_csv). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "testutil.h"
#include "internal.h"

static gk_report *mk(int edition, int year) {
  gk_report *r = NULL;
  CU_ASSERT_EQUAL_FATAL(gk_report_new(&r, edition, year), GK_OK);
  return r;
}

static void set_path(gk_report *r, const char *path, const char *text) {
  CU_ASSERT_EQUAL(gk_report_set_text(r, path, text, strlen(text)), GK_OK);
}

static void set_literal(gk_report *r, const char *path, const char *text) {
  int t;
  size_t row, col;
  CU_ASSERT_EQUAL_FATAL(gk_report_path_find(&t, &row, &col, r, path, GK_NUL_TERMINATED), GK_OK);
  CU_ASSERT_EQUAL(gk_report_set_literal(r, t, row, col, text, strlen(text)), GK_OK);
}

static char *to_csv(const gk_report *r, uint32_t flags) {
  char *out = NULL;
  size_t len = 0;
  CU_ASSERT_EQUAL_FATAL(gk_report_to_csv(&out, &len, r, flags), GK_OK);
  CU_ASSERT_PTR_NOT_NULL_FATAL(out);
  CU_ASSERT_EQUAL(strlen(out), len);
  return out;
}

static size_t count_lines(const char *s) {
  size_t n = 0;
  for (; *s; s++) n += *s == '\n';
  return n;
}

/* Cells of the printed tables (stored rows) of an edition, from the schema. */
static size_t stored_cells(int edition) {
  size_t n = 0;
  for (int t = 0; t < GK_NTABLES; t++)
    for (size_t row = 0; row < gk_schema_nrows(edition, t); row++)
      for (size_t col = 0; col < gk_schema_ncols(edition, t); col++)
        n += gk_schema_cell_exists(edition, t, row, col) &&
             (gk_schema_row_flags(edition, t, row) & GK_ROW_STORED);
  return n;
}

#define A "\"某局, \"\"测试\"\"\",2023,2021,"

static void test_csv_exact_output(void) {
  gk_report *r = mk(2021, 2023);
  const char *name = "某局, \"测试\"";
  CU_ASSERT_EQUAL(gk_report_set_agency(r, GK_AGENCY_NAME, name, strlen(name)), GK_OK);
  set_path(r, "active/regulations/issued", "2");
  set_literal(r, "active/regulations/repealed", "-");
  set_path(r, "active/fees/amount", "59237.2449万元");
  set_path(r, "requests/new/natural", "3402");
  set_literal(r, "review/reconsideration/total", "见\"附件\"\r\n2");
  char *s = to_csv(r, 0);
  static const char head[] =
    "agency,year,edition,table,row,col,state,value\n"
    A "active,regulations,issued,value,2\n"
    A "active,regulations,repealed,literal,-\n"
    A "active,regulations,in_force,blank,\n"
    A "active,normative_docs,issued,blank,\n"
    A "active,normative_docs,repealed,blank,\n"
    A "active,normative_docs,in_force,blank,\n"
    A "active,licensing,decisions,blank,\n"
    A "active,penalty,decisions,blank,\n"
    A "active,coercion,decisions,blank,\n"
    A "active,fees,amount,value,59237.2449\n"
    A "requests,new,natural,value,3402\n"
    A "requests,new,commercial,blank,\n";
  CU_ASSERT_NSTRING_EQUAL(s, head, strlen(head));
  CU_ASSERT_PTR_NOT_NULL(strstr(s, "\n" A "review,reconsideration,pending,blank,\n"
                                   A "review,reconsideration,total,literal,\"见\"\"附件\"\"\r\n2\"\n"
                                   A "review,litigation_direct,upheld,blank,\n"));
  /* the derived rows are left out, the 2021 `other` row (it holds printed values) is not */
  CU_ASSERT_PTR_NULL(strstr(s, ",denied,"));
  CU_ASSERT_PTR_NULL(strstr(s, ",unavailable,"));
  CU_ASSERT_PTR_NULL(strstr(s, ",not_processed,"));
  CU_ASSERT_PTR_NOT_NULL(strstr(s, "\n" A "requests,other,total,blank,\n"
                                   A "requests,other.no_correction,natural,blank,\n"));
  const char *tail = A "review,litigation_after_review,total,blank,\n";
  CU_ASSERT_STRING_EQUAL(s + strlen(s) - strlen(tail), tail);
  /* one line per cell of the printed tables, blank cells too */
  CU_ASSERT_EQUAL(stored_cells(2021), 10 + 26 * 7 + 15);
  CU_ASSERT_EQUAL(count_lines(s), 1 + stored_cells(2021) + 1); /* + the LF inside the literal */
  gk_free(s);
  gk_report_free(r);
}

/* No header (for concatenating reports), an unknown year and agency, the derived
 * subtotal rows on request. */
static void test_csv_flags(void) {
  gk_report *r = mk(2019, 0);
  set_path(r, "requests/denied.state_secret/natural", "2");
  set_path(r, "requests/denied.query/natural", "3");
  set_path(r, "active/procurement/amount", "251000元");
  set_path(r, "active/licensing/delta", "-8");
  char *s = to_csv(r, GK_CSV_NO_HEADER);
  CU_ASSERT_NSTRING_EQUAL(s, ",,2019,active,regulations,made,blank,\n", 37);
  CU_ASSERT_PTR_NOT_NULL(strstr(s, "\n,,2019,active,licensing,delta,value,-8\n"));
  CU_ASSERT_PTR_NOT_NULL(strstr(s, "\n,,2019,active,procurement,amount,value,251000\n"));
  CU_ASSERT_PTR_NULL(strstr(s, "derived"));
  CU_ASSERT_EQUAL(count_lines(s), stored_cells(2019));
  CU_ASSERT_EQUAL(stored_cells(2019), 198);
  gk_free(s);

  s = to_csv(r, GK_CSV_DERIVED);
  CU_ASSERT_PTR_NOT_NULL(strstr(s, "\n,,2019,requests,partial,total,blank,\n"
                                   ",,2019,requests,denied,natural,derived,5\n"
                                   ",,2019,requests,denied,commercial,derived,\n"));
  CU_ASSERT_PTR_NOT_NULL(strstr(s, "\n,,2019,requests,denied,total,derived,\n"
                                   ",,2019,requests,denied.state_secret,natural,value,2\n"));
  CU_ASSERT_PTR_NOT_NULL(strstr(s, "\n,,2019,requests,unavailable,natural,derived,\n"));
  CU_ASSERT_PTR_NOT_NULL(strstr(s, "\n,,2019,requests,not_processed,other_org,derived,\n"));
  CU_ASSERT_EQUAL(count_lines(s), 1 + stored_cells(2019) + 3 * 7);
  gk_free(s);

  /* a derived sum that overflows int64 */
  CU_ASSERT_EQUAL(gk_report_set_value(r, GK_TABLE_REQUESTS, 5, 0, INT64_MAX), GK_OK);
  char *out = (char *)"x";
  size_t len = 3;
  CU_ASSERT_EQUAL(gk_report_to_csv(&out, &len, r, GK_CSV_DERIVED), GK_EOVERFLOW);
  CU_ASSERT_PTR_NULL(out);
  CU_ASSERT_EQUAL(len, 0);
  s = to_csv(r, 0);
  CU_ASSERT_PTR_NOT_NULL(strstr(s, "\n,,2019,requests,denied.state_secret,natural,value,9223372036854775807\n"));
  gk_free(s);
  gk_report_free(r);
}

/* Formula injection: texts a spreadsheet would run get an apostrophe and quotes;
 * numbers and the lone "-" stay as they are (OWASP CSV injection). */
static void test_csv_formula_neutralised(void) {
  gk_report *r = mk(2021, 2023);
  const char *name = "=HYPERLINK(\"http://x\",\"y\")";
  CU_ASSERT_EQUAL(gk_report_set_agency(r, GK_AGENCY_NAME, name, strlen(name)), GK_OK);
  set_literal(r, "active/regulations/issued", "+1+2");
  set_literal(r, "active/regulations/repealed", "-");
  set_literal(r, "active/regulations/in_force", "@SUM(A1)");
  set_literal(r, "active/normative_docs/issued", "-2+3");
  set_literal(r, "active/normative_docs/repealed", "\tx");
  set_literal(r, "active/normative_docs/in_force", "无");
  set_path(r, "active/licensing/decisions", "5");
  char *s = to_csv(r, 0);
#define F "\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",2023,2021,"
  CU_ASSERT_PTR_NOT_NULL(strstr(s, "\n" F "active,regulations,issued,literal,\"'+1+2\"\n"
                                   F "active,regulations,repealed,literal,-\n"
                                   F "active,regulations,in_force,literal,\"'@SUM(A1)\"\n"
                                   F "active,normative_docs,issued,literal,\"'-2+3\"\n"
                                   F "active,normative_docs,repealed,literal,\"'\tx\"\n"
                                   F "active,normative_docs,in_force,literal,无\n"
                                   F "active,licensing,decisions,value,5\n"));
#undef F
  gk_free(s);
  gk_report_free(r);
  /* quiet: a name and numbers that are not formulas, signed deltas */
  r = mk(2019, 2020);
  name = "宿迁市-人民政府";
  CU_ASSERT_EQUAL(gk_report_set_agency(r, GK_AGENCY_NAME, name, strlen(name)), GK_OK);
  set_path(r, "active/licensing/delta", "-8");
  set_literal(r, "active/licensing/decisions", "-3.5");
  s = to_csv(r, GK_CSV_NO_HEADER);
  CU_ASSERT_PTR_NULL(strchr(s, '\''));
  CU_ASSERT_PTR_NOT_NULL(strstr(s, "\n宿迁市-人民政府,2020,2019,active,licensing,delta,value,-8\n"
                                   "宿迁市-人民政府,2020,2019,active,licensing,decisions,literal,-3.5\n"));
  gk_free(s);
  gk_report_free(r);
}

/* A line break in a name stays inside one quoted field: every line still has
 * the same number of fields when read as RFC 4180. */
static void test_csv_line_break_in_name(void) {
  gk_report *r = mk(2021, 2023);
  const char *name = "某局\r\n第二行";
  CU_ASSERT_EQUAL(gk_report_set_agency(r, GK_AGENCY_NAME, name, strlen(name)), GK_OK);
  char *s = to_csv(r, GK_CSV_NO_HEADER);
  CU_ASSERT_NSTRING_EQUAL(s, "\"某局\r\n第二行\",2023,2021,active,regulations,issued,blank,\n", 56);
  gk_free(s);
  gk_report_free(r);
}

/* Excel: BOM, CRLF, source and Chinese (or English) labels; numbers unchanged. */
static void test_csv_excel(void) {
  gk_report *r = mk(2021, 2023);
  const char *name = "宿迁市人民政府", *src = "宿迁 2023.txt";
  CU_ASSERT_EQUAL(gk_report_set_agency(r, GK_AGENCY_NAME, name, strlen(name)), GK_OK);
  CU_ASSERT_EQUAL(gk_report_set_source(r, src, strlen(src)), GK_OK);
  set_path(r, "requests/denied.state_secret/natural", "2");
  set_path(r, "active/fees/amount", "1.5万元");
  char *s = to_csv(r, GK_CSV_EXCEL);
  static const char head[] =
    "\xEF\xBB\xBF" "agency,year,edition,table,row,col,state,value,source,row_label,col_label\r\n"
    "宿迁市人民政府,2023,2021,active,regulations,issued,blank,,宿迁 2023.txt,规章,本年制发件数\r\n";
  CU_ASSERT_NSTRING_EQUAL(s, head, strlen(head));
  CU_ASSERT_PTR_NOT_NULL(strstr(s, "\r\n宿迁市人民政府,2023,2021,active,fees,amount,value,1.5,"
                                   "宿迁 2023.txt,行政事业性收费,本年收费金额（单位：万元）\r\n"));
  CU_ASSERT_PTR_NOT_NULL(strstr(s, "\r\n宿迁市人民政府,2023,2021,requests,denied.state_secret,natural,"
                                   "value,2,宿迁 2023.txt,（三）不予公开 1.属于国家秘密,自然人\r\n"));
  /* every line ends with CRLF: as many CR as LF */
  size_t cr = 0, lf = 0;
  for (const char *p = s; *p; p++) cr += *p == '\r', lf += *p == '\n';
  CU_ASSERT_EQUAL(cr, lf);
  CU_ASSERT_EQUAL(lf, 1 + stored_cells(2021));
  gk_free(s);
  s = to_csv(r, GK_CSV_EXCEL | GK_CSV_LANG_EN | GK_CSV_NO_HEADER);
  CU_ASSERT_NSTRING_EQUAL(s, "\xEF\xBB\xBF" "宿迁市人民政府,2023,2021,active,regulations,issued,blank,,"
                          "宿迁 2023.txt,Regulations,Issued this year\r\n", 104);
  CU_ASSERT_PTR_NOT_NULL(strstr(s, ",value,2,宿迁 2023.txt,Not disclosed State secret,Natural persons\r\n"));
  gk_free(s);
  /* the default output does not change with these flags absent */
  s = to_csv(r, 0);
  CU_ASSERT_NSTRING_EQUAL(s, "agency,year,edition,table,row,col,state,value\n", 46);
  CU_ASSERT_PTR_NULL(strchr(s, '\r'));
  gk_free(s);
  gk_report_free(r);
}

static void test_csv_bad_arguments(void) {
  gk_report *r = mk(2021, 2023);
  char *out = (char *)"x";
  size_t len = 3;
  CU_ASSERT_EQUAL(gk_report_to_csv(NULL, &len, r, 0), GK_EINVAL);
  CU_ASSERT_EQUAL(len, 0);
  CU_ASSERT_EQUAL(gk_report_to_csv(&out, &len, NULL, 0), GK_EINVAL);
  CU_ASSERT_PTR_NULL(out);
  CU_ASSERT_EQUAL(gk_report_to_csv(&out, NULL, r, 0), GK_OK);
  CU_ASSERT_PTR_NOT_NULL(out);
  gk_free(out);
  gk_report_free(r);
}

static void test_csv_alloc_failures(void) {
  gk_report *r = mk(2021, 2023);
  const char *name = "宿迁市人民政府";
  CU_ASSERT_EQUAL(gk_report_set_agency(r, GK_AGENCY_NAME, name, strlen(name)), GK_OK);
  set_literal(r, "review/reconsideration/total", "a,b");
  set_path(r, "requests/denied.query/legal", "4");
  char *want = to_csv(r, GK_CSV_DERIVED | GK_CSV_EXCEL);
  int ok = 0;
  long n;
  for (n = 0; n < 1000 && !ok; n++) {
    char *out = (char *)"x";
    size_t len = 3;
    gk__alloc_fail_after(n);
    int rc = gk_report_to_csv(&out, &len, r, GK_CSV_DERIVED | GK_CSV_EXCEL);
    gk__alloc_fail_after(-1);
    if (rc == GK_OK) {
      CU_ASSERT_STRING_EQUAL(out, want);
      ok = 1;
    } else {
      CU_ASSERT_EQUAL(rc, GK_ENOMEM);
      CU_ASSERT_PTR_NULL(out);
      CU_ASSERT_EQUAL(len, 0);
    }
    gk_free(out);
  }
  CU_ASSERT_TRUE(ok);
  CU_ASSERT_TRUE(n > 2);
  gk_free(want);
  gk_report_free(r);
}

/* The bundled example: 198 cells, every one a value. */
static void test_csv_example_fenggang(void) {
  size_t len;
  char *text = gk_test_read_file(GK_SOURCE_DIR "/examples/fenggang-2020.json", &len);
  CU_ASSERT_PTR_NOT_NULL_FATAL(text);
  gk_report *r = NULL;
  CU_ASSERT_EQUAL_FATAL(gk_report_from_json(&r, text, len, "fenggang-2020.json", NULL), GK_OK);
  char *s = to_csv(r, 0);
  CU_ASSERT_EQUAL(count_lines(s), 199);
  size_t values = 0;
  for (const char *p = s; (p = strstr(p, ",value,")) != NULL; p++) values++;
  CU_ASSERT_EQUAL(values, 198);
  CU_ASSERT_PTR_NOT_NULL(strstr(s, "\n凤岗镇人民政府,2020,2019,active,procurement,amount,value,498742.4\n"));
  gk_free(s);
  gk_report_free(r);
  free(text);
}

/* ------------------------------------------------------------ reading back */
static gk_report *from_csv(const char *s, gk_diags *d) {
  gk_report *r = NULL;
  int rc = gk_report_from_csv(&r, s, strlen(s), "t.csv", d);
  CU_ASSERT_TRUE(rc == GK_OK ? r != NULL : r == NULL);
  return r;
}

/* Same state, value and literal in every stored cell (what CSV carries). */
static void same_cells(const gk_report *a, const gk_report *b) {
  int ed = gk_report_edition(a);
  CU_ASSERT_EQUAL_FATAL(gk_report_edition(b), ed);
  CU_ASSERT_EQUAL(gk_report_year(b), gk_report_year(a));
  for (int t = 0; t < GK_NTABLES; t++)
    for (size_t row = 0; row < gk_schema_nrows(ed, t); row++)
      for (size_t col = 0; col < gk_schema_ncols(ed, t); col++) {
        if (!gk_schema_cell_exists(ed, t, row, col) || !(gk_schema_row_flags(ed, t, row) & GK_ROW_STORED)) continue;
        const gk__cell *x = gk__cell_at(a, t, row, col), *y = gk__cell_at(b, t, row, col);
        CU_ASSERT_EQUAL(x->state, y->state);
        CU_ASSERT_EQUAL(x->value, y->value);
        if (x->state == GK_CELL_LITERAL)
          CU_ASSERT_STRING_EQUAL(gk_report_literal(a, t, row, col), gk_report_literal(b, t, row, col));
      }
}

/* Every flag combination: read back to the same cells, and written again to
 * the same bytes; no finding. */
static size_t roundtrip_all(const void *arg, const gk_report *r, const char *name) {
  (void)arg, (void)name;
  static const uint32_t flags[] = {0, GK_CSV_NO_HEADER, GK_CSV_DERIVED, GK_CSV_EXCEL,
                                   GK_CSV_EXCEL | GK_CSV_LANG_EN | GK_CSV_DERIVED | GK_CSV_NO_HEADER};
  for (size_t k = 0; k < sizeof flags / sizeof *flags; k++) {
    char *s = to_csv(r, flags[k]);
    gk_diags *d = NULL;
    CU_ASSERT_EQUAL_FATAL(gk_diags_new(&d), GK_OK);
    gk_report *back = from_csv(s, d);
    CU_ASSERT_PTR_NOT_NULL_FATAL(back);
    CU_ASSERT_EQUAL(gk_diags_count(d), 0);
    same_cells(r, back);
    char *s2 = to_csv(back, flags[k]);
    CU_ASSERT_STRING_EQUAL(s, s2);
    gk_free(s), gk_free(s2);
    gk_report_free(back);
    gk_diags_free(d);
  }
  return 0;
}

static void test_csv_read_roundtrip(void) {
  CU_ASSERT_EQUAL(gk_test_each_truth(roundtrip_all, NULL), 0);
  /* texts a spreadsheet would run, quotes, commas and line breaks */
  gk_report *r = mk(2021, 2023);
  const char *name = "=HYPERLINK(\"http://x\",\"y\"), 某局\r\n第二行";
  CU_ASSERT_EQUAL(gk_report_set_agency(r, GK_AGENCY_NAME, name, strlen(name)), GK_OK);
  set_literal(r, "active/regulations/issued", "+1+2");
  set_literal(r, "active/regulations/repealed", "-");
  set_literal(r, "active/regulations/in_force", "'@SUM(A1)");
  set_literal(r, "active/normative_docs/issued", "\"a\",b\nc");
  set_path(r, "active/fees/amount", "59237.2449万元");
  set_path(r, "active/licensing/decisions", "5");
  roundtrip_all(NULL, r, "literals");
  gk_report_free(r);
}

/* Each finding at its line and column; a report of what was read never. */
static void expect_fail(const char *csv, const char *rule, uint32_t line, uint32_t col) {
  gk_diags *d = NULL;
  CU_ASSERT_EQUAL_FATAL(gk_diags_new(&d), GK_OK);
  gk_report *r = from_csv(csv, d);
  if (r) fprintf(stderr, "\nread, want %s: %s\n", rule, csv);
  CU_ASSERT_PTR_NULL(r);
  CU_ASSERT_EQUAL_FATAL(gk_diags_count(d), 1);
  if (strcmp(gk_diag_rule(d, 0), rule) != 0 || gk_diag_line(d, 0) != line || gk_diag_column(d, 0) != col)
    fprintf(stderr, "\n%s: %s %u:%u, want %s %u:%u\n", csv, gk_diag_rule(d, 0), gk_diag_line(d, 0),
            gk_diag_column(d, 0), rule, line, col);
  CU_ASSERT_STRING_EQUAL(gk_diag_rule(d, 0), rule);
  CU_ASSERT_EQUAL(gk_diag_line(d, 0), line);
  CU_ASSERT_EQUAL(gk_diag_column(d, 0), col);
  gk_report_free(r);
  gk_diags_free(d);
}

#define H "agency,year,edition,table,row,col,state,value\n"
#define L "某局,2023,2021,"
static void test_csv_read_errors(void) {
  expect_fail(H L "active,regulations,issued,value,\"2\n", "csv.syntax", 2, 46);
  expect_fail(H L "active,regulations,issued,value,2\"\n", "csv.syntax", 2, 47);
  expect_fail(H L "active,regulations,issued,literal,\"a\"b\n", "csv.syntax", 2, 51);
  expect_fail(H L "active,regulations,issued,value\n", "csv.syntax", 2, 1);
  expect_fail(H L "active,regulations,issued,value,2,x,y,z,w\n", "csv.syntax", 2, 1);
  expect_fail(H, "csv.syntax", 2, 1);
  expect_fail(H L "tables,regulations,issued,value,2\n", "csv.key", 2, 14);
  expect_fail(H L "active,rules,issued,value,2\n", "csv.key", 2, 21);
  expect_fail(H L "active,regulations,made,value,2\n", "csv.key", 2, 33);
  expect_fail(H L "active,regulations,issued,number,2\n", "csv.key", 2, 40);
  expect_fail(H L "requests,denied,natural,value,2\n", "csv.key", 2, 23);
  expect_fail(H L "active,regulations,issued,value,2\n" L "active,regulations,issued,value,3\n", "csv.key", 3, 14);
  expect_fail(H L "active,regulations,issued,value,1.5\n", "csv.value", 2, 46);
  expect_fail(H L "active,regulations,issued,value,-1\n", "csv.value", 2, 46);
  expect_fail(H L "active,regulations,issued,value,3件\n", "csv.value", 2, 46);
  expect_fail(H L "active,fees,amount,value,5元\n", "csv.value", 2, 39);
  expect_fail(H L "active,regulations,issued,blank,3\n", "csv.value", 2, 46);
  expect_fail(H "某局,20x3,2021,active,regulations,issued,value,2\n", "csv.value", 2, 4);
  expect_fail(H "某局,2023,2020,active,regulations,issued,value,2\n", "csv.value", 2, 9);
  expect_fail(H L "active,regulations,issued,value,2\n" "某局,2022,2021,active,regulations,repealed,value,2\n",
              "csv.value", 3, 1);
  expect_fail(H L "active,regulations,issued,value,\xff\n", "import.encoding", 2, 46);
  /* quiet: no header, CRLF, an empty line, blank and literal cells, a derived subtotal */
  gk_diags *d = NULL;
  CU_ASSERT_EQUAL_FATAL(gk_diags_new(&d), GK_OK);
  gk_report *r = from_csv(L "active,regulations,issued,value,2\r\n\r\n" L "active,regulations,repealed,literal,-\r\n"
                          L "requests,denied,natural,derived,\r\n" L "active,fees,amount,value,0.5\r\n", d);
  CU_ASSERT_PTR_NOT_NULL_FATAL(r);
  CU_ASSERT_EQUAL(gk_diags_count(d), 0);
  GK_ASSERT_CELL(r, "active/regulations/issued", "2");
  GK_ASSERT_CELL(r, "active/regulations/repealed", "-");
  GK_ASSERT_CELL(r, "active/regulations/in_force", "");
  GK_ASSERT_CELL(r, "active/fees/amount", "0.5");
  CU_ASSERT_STRING_EQUAL(gk_report_agency(r, GK_AGENCY_NAME), "某局");
  gk_report_free(r);
  gk_diags_free(d);
}
#undef H
#undef L

/* A line a million fields long and a quoted field of a million lines: read
 * (and refused) in linear time; at two sizes the work grows with the input. */
static void test_csv_read_hostile(void) {
  for (size_t n = 100000; n <= 1000000; n *= 10) {
    char *s = malloc(n * 2 + 64);
    CU_ASSERT_PTR_NOT_NULL_FATAL(s);
    size_t k = (size_t)sprintf(s, "a");
    for (size_t i = 0; i < n; i++) s[k++] = ',';
    s[k] = '\0';
    expect_fail(s, "csv.syntax", 1, 1);
    k = (size_t)sprintf(s, "\"");
    for (size_t i = 0; i < n; i++) s[k++] = '\n';
    s[k] = '\0';
    expect_fail(s, "csv.syntax", 1, 1);
    free(s);
  }
}

int main(void) {
  CU_TestInfo tests[] = {
    {"test_csv_exact_output", test_csv_exact_output},
    {"test_csv_flags", test_csv_flags},
    {"test_csv_formula_neutralised", test_csv_formula_neutralised},
    {"test_csv_line_break_in_name", test_csv_line_break_in_name},
    {"test_csv_excel", test_csv_excel},
    {"test_csv_bad_arguments", test_csv_bad_arguments},
    {"test_csv_alloc_failures", test_csv_alloc_failures},
    {"test_csv_example_fenggang", test_csv_example_fenggang},
    {"test_csv_read_roundtrip", test_csv_read_roundtrip},
    {"test_csv_read_errors", test_csv_read_errors},
    {"test_csv_read_hostile", test_csv_read_hostile},
    CU_TEST_INFO_NULL};
  return gk_test_main("csv", tests);
}
