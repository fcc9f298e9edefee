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
#include <zip.h>
#include "testutil.h"
#include "doc_testutil.h"
#include "read_xlsx.h"
#include "read_doc.h"

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

/* ------------------------------------------------------------------ an office's workbook */

/* A cell's text as a number when all of it is one (a spreadsheet's own number). */
static int as_number(const char *s, double *v) {
  if (!s[0] || strspn(s, "0123456789.") != strlen(s)) return 0;
  char *end = NULL;
  *v = strtod(s, &end);
  return end && !*end;
}

/* An office's workbook made of the rendered page of a report: everything on
 * one sheet from column B, a paragraph a text cell (a heading merged across
 * the tables' width), a row of a table its cells with their spans merged,
 * counts and amounts typed as numbers, a blank row after each table. With
 * sheets set, each table on a sheet of its own named by its heading, the
 * heading not in the sheet. */
static char *office_workbook(const char *name, int sheets, size_t *len) {
  size_t hn = 0;
  char *html = gk_doc_read(name, ".html", &hn);
  CU_ASSERT_PTR_NOT_NULL_FATAL(html);
  gk__grid g;
  gk__grid_init(&g);
  CU_ASSERT_EQUAL_FATAL(gk__html_grid(&g, html, hn, name, NULL), GK_OK);
  char path[256];
  temp_path(path, sizeof path, "office");
  lxw_workbook *wb = workbook_new(path);
  lxw_worksheet *ws = workbook_add_worksheet(wb, "表格");
  lxw_format *bold = workbook_add_format(wb);
  format_set_bold(bold);
  lxw_row_t xr = 0;
  uint32_t table = 0;
  for (size_t i = 0; i < g.nblocks; i++) {
    const gk__gblock *b = &g.blocks[i];
    if (b->kind != GK__BLK_ROW) {
      char *t = strndup(gk__grid_text(&g, b->off), b->len);
      if (table) xr++; /* a blank row after a table */
      table = 0;
      if (sheets && b->kind == GK__BLK_HEADING && i + 1 < g.nblocks && g.blocks[i + 1].kind == GK__BLK_ROW) {
        char sn[32]; /* a table's sheet named by its heading (31 bytes at most, whole characters) */
        size_t n = strlen(t) < 31 ? strlen(t) : 30;
        while (n && ((unsigned char)t[n] & 0xC0) == 0x80) n--;
        snprintf(sn, sizeof sn, "%.*s", (int)n, t);
        ws = workbook_add_worksheet(wb, sn);
        CU_ASSERT_PTR_NOT_NULL_FATAL(ws);
        xr = 0;
      } else if (b->kind == GK__BLK_HEADING) worksheet_merge_range(ws, xr, 1, xr, 8, t, bold);
      else worksheet_write_string(ws, xr, 1, t, NULL);
      free(t), xr++;
      continue;
    }
    table = b->table;
    for (uint32_t k = 0; k < b->ncells; k++) {
      const gk__gcell *c = &g.cells[b->first + k];
      const char *t = gk__grid_text(&g, c->off);
      lxw_col_t x = (lxw_col_t)(c->x + 1);
      double v;
      if (c->rowspan > 1 || c->colspan > 1)
        worksheet_merge_range(ws, xr, x, xr + c->rowspan - 1, (lxw_col_t)(x + c->colspan - 1), t, bold);
      else if (as_number(t, &v)) worksheet_write_number(ws, xr, x, v, NULL);
      else if (t[0]) worksheet_write_string(ws, xr, x, t, NULL);
      else worksheet_write_blank(ws, xr, x, bold);
    }
    xr++;
  }
  CU_ASSERT_EQUAL_FATAL(workbook_close(wb), LXW_NO_ERROR);
  gk__grid_free(&g);
  free(html);
  char *bytes = gk_test_read_file(path, len);
  unlink(path);
  CU_ASSERT_PTR_NOT_NULL_FATAL(bytes);
  return bytes;
}

static void test_xlsx_office_workbook(void) {
  for (int i = 0; gk_doc_reports[i / 2]; i++) { /* all on one sheet, then a sheet a table */
    const char *name = gk_doc_reports[i / 2];
    size_t len = 0;
    char *bytes = office_workbook(name, i % 2, &len);
    gk__grid g; /* the merged header cells are spans again */
    gk__grid_init(&g);
    CU_ASSERT_EQUAL(gk__xlsx_grid(&g, bytes, len, "office.xlsx", NULL), GK_OK);
    CU_ASSERT_EQUAL(gk__grid_check(&g), GK_OK);
    size_t down = 0, across = 0;
    for (size_t k = 0; k < g.ncells; k++) down += g.cells[k].rowspan > 1, across += g.cells[k].colspan > 1;
    CU_ASSERT_TRUE(down > 0 && across > 0);
    gk__grid_free(&g);
    gk_diags *d = NULL;
    gk_report *r = NULL;
    CU_ASSERT_EQUAL_FATAL(gk_diags_new(&d), GK_OK);
    int rc = gk_report_load(&r, bytes, len, name, d);
    CU_ASSERT_EQUAL(rc, GK_OK);
    if (rc == GK_OK) {
      gk_report *truth = gk_test_load_truth(GK_REAL_DATA, name, NULL);
      CU_ASSERT_EQUAL(gk_report_year(r), gk_report_year(truth));
      CU_ASSERT_EQUAL(gk_doc_compare(r, truth, name) + states_differ(r, truth, name), 0);
      gk_report_free(truth);
    }
    gk_report_free(r);
    gk_diags_free(d);
    free(bytes);
  }
}

/* ------------------------------------------------------------------ parts made by hand */

/* A zip of n parts (name, text) in memory, stored; free() the result. */
static char *make_zip(size_t *len, int n, const char *const *names, const char *const *texts) {
  zip_error_t ze;
  zip_error_init(&ze);
  zip_source_t *src = zip_source_buffer_create(NULL, 0, 0, &ze);
  CU_ASSERT_PTR_NOT_NULL_FATAL(src);
  zip_source_keep(src);
  zip_t *za = zip_open_from_source(src, ZIP_TRUNCATE, &ze);
  CU_ASSERT_PTR_NOT_NULL_FATAL(za);
  for (int i = 0; i < n; i++) {
    zip_source_t *s = zip_source_buffer(za, texts[i], strlen(texts[i]), 0);
    zip_int64_t k = s ? zip_file_add(za, names[i], s, ZIP_FL_OVERWRITE) : -1;
    CU_ASSERT_TRUE_FATAL(k >= 0);
    zip_set_file_compression(za, (zip_uint64_t)k, ZIP_CM_STORE, 0);
  }
  CU_ASSERT_EQUAL_FATAL(zip_close(za), 0);
  CU_ASSERT_EQUAL_FATAL(zip_source_open(src), 0);
  zip_source_seek(src, 0, SEEK_END);
  zip_int64_t size = zip_source_tell(src);
  zip_source_seek(src, 0, SEEK_SET);
  char *out = malloc((size_t)size + 1);
  CU_ASSERT_PTR_NOT_NULL_FATAL(out);
  CU_ASSERT_EQUAL_FATAL(zip_source_read(src, out, (zip_uint64_t)size), size);
  zip_source_close(src);
  zip_source_free(src);
  zip_error_fini(&ze);
  *len = (size_t)size;
  return out;
}

#define SHEET_HEAD "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>"

/* A workbook of one sheet named 表2 (sheet XML as given, shared strings or NULL). */
static char *book_of(size_t *len, const char *sheet, const char *sst) {
  static const char wb[] =
      "<workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" xmlns:r=\""
      "http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheets>"
      "<sheet name=\"隐藏\" sheetId=\"2\" state=\"hidden\" r:id=\"rId2\"/>"
      "<sheet name=\"表2\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>";
  static const char rels[] =
      "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
      "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/"
      "relationships/worksheet\" Target=\"worksheets/a.xml\"/>"
      "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/"
      "relationships/worksheet\" Target=\"/xl/worksheets/b.xml\"/></Relationships>";
  static const char hidden[] = SHEET_HEAD "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>不读</t></is></c></row></sheetData></worksheet>";
  const char *names[] = {"xl/workbook.xml", "xl/_rels/workbook.xml.rels", "xl/worksheets/a.xml",
                         "xl/worksheets/b.xml", "xl/sharedStrings.xml"};
  const char *texts[] = {wb, rels, sheet, hidden, sst};
  return make_zip(len, sst ? 5 : 4, names, texts);
}

/* The grid's text of block b's cell k, and the block's cell count. */
static const char *cell_text(const gk__grid *g, size_t b, uint32_t k) {
  CU_ASSERT_TRUE_FATAL(b < g->nblocks && k < g->blocks[b].ncells);
  return gk_doc_cell(g, b, k);
}

static void test_xlsx_cells(void) {
  static const char sst[] =
      "<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" count=\"3\">"
      "<si><t>信息内容</t></si><si><r><t>本年</t></r><r><rPr><b/></rPr><t>新制作</t></r>"
      "<rPh sb=\"0\" eb=\"1\"><t>ほん</t></rPh></si><si><t>行_x000D_一</t></si></sst>";
  static const char sheet[] = SHEET_HEAD
      "<row r=\"2\"><c r=\"B2\" t=\"inlineStr\"><is><t>二、主动公开政府信息情况</t></is></c></row>"
      "<row r=\"4\"><c r=\"C4\" t=\"s\"><v>1</v></c><c r=\"B4\" t=\"s\"><v>0</v></c><c r=\"D4\"/></row>"
      "<row r=\"5\"><c r=\"B5\" t=\"s\"><v>2</v></c><c r=\"C5\"><v>59237.2449</v></c>"
      "<c r=\"D5\"><f>C5*2</f><v>1.5E+3</v></c><c r=\"E5\"><v>0.30000000000000004</v></c>"
      "<c r=\"F5\" t=\"b\"><v>1</v></c><c r=\"G5\" t=\"str\"><v>－</v></c></row>"
      "<row r=\"6\"><c r=\"B6\"><v>7</v></c></row>"
      "<row r=\"7\"><c r=\"B7\" t=\"inlineStr\"><is><t>合并</t></is></c><c r=\"C7\"><v>9</v></c></row>"
      "<row r=\"8\"><c r=\"C8\"><v>10</v></c><c r=\"D8\"><v>11</v></c></row>"
      "</sheetData><mergeCells count=\"2\"><mergeCell ref=\"B7:B8\"/><mergeCell ref=\"D4:E4\"/></mergeCells></worksheet>";
  size_t len;
  char *z = book_of(&len, sheet, sst);
  CU_ASSERT_EQUAL(gk_report_detect_form(z, len), GK_FORM_XLSX);
  gk__grid g;
  gk__grid_init(&g);
  CU_ASSERT_EQUAL_FATAL(gk__xlsx_grid(&g, z, len, "t.xlsx", NULL), GK_OK);
  CU_ASSERT_EQUAL(gk__grid_check(&g), GK_OK);
  CU_ASSERT_EQUAL_FATAL(g.nblocks, 6); /* the hidden sheet is not read */
  CU_ASSERT_EQUAL(g.blocks[0].kind, GK__BLK_PARA); /* one text cell: a heading */
  CU_ASSERT_EQUAL(strncmp(gk__grid_text(&g, g.blocks[0].off), "二、主动公开", 18), 0);
  CU_ASSERT_EQUAL(g.blocks[1].kind, GK__BLK_ROW); /* out of order in the part: in order here */
  CU_ASSERT_STRING_EQUAL(cell_text(&g, 1, 0), "信息内容");
  CU_ASSERT_STRING_EQUAL(cell_text(&g, 1, 1), "本年新制作"); /* runs joined, the phonetic guide left out */
  CU_ASSERT_EQUAL(g.cells[g.blocks[1].first + 2].colspan, 2); /* D4:E4, a blank with its span */
  CU_ASSERT_STRING_EQUAL(cell_text(&g, 2, 0), "行\n一");
  CU_ASSERT_STRING_EQUAL(cell_text(&g, 2, 1), "59237.2449"); /* as written, never a double */
  CU_ASSERT_STRING_EQUAL(cell_text(&g, 2, 2), "1500");       /* a formula's value, its exponent applied */
  CU_ASSERT_STRING_EQUAL(cell_text(&g, 2, 3), "0.3");        /* 15 digits, as Excel shows it */
  CU_ASSERT_STRING_EQUAL(cell_text(&g, 2, 4), "TRUE");
  CU_ASSERT_STRING_EQUAL(cell_text(&g, 2, 5), "－");
  CU_ASSERT_EQUAL(g.blocks[3].kind, GK__BLK_ROW); /* one number: a row, not a paragraph */
  CU_ASSERT_EQUAL(g.cells[g.blocks[3].first].x, 0); /* columns from B, the first used */
  CU_ASSERT_EQUAL(g.cells[g.blocks[4].first].rowspan, 2); /* B7:B8 */
  CU_ASSERT_EQUAL(g.cells[g.blocks[5].first].x, 1); /* C8: B8 is under B7 */
  CU_ASSERT_EQUAL(g.blocks[5].table, g.blocks[1].table);
  CU_ASSERT_EQUAL(g.blocks[5].row, 5);
  gk__grid_free(&g);
  free(z);
}

/* The number as Excel shows it: every decimal of at most 15 digits, written
 * in full as a double (17 digits) or as %.16G, reads back as itself. */
static void test_xlsx_numbers(void) {
  unsigned long long x = 88172645463325252ULL;
  for (int i = 0; i < 20000; i++) {
    x ^= x << 13, x ^= x >> 7, x ^= x << 17;
    long long k = (long long)(x % 1000000000000ULL); /* up to 12 digits */
    int d = (int)(x >> 40) % 5;                       /* 0..4 decimals */
    char want[64], wrote[64], got[96];
    long long p = 1;
    for (int j = 0; j < d; j++) p *= 10;
    if (d) snprintf(want, sizeof want, "%lld.%0*lld", k / p, d, k % p);
    else snprintf(want, sizeof want, "%lld", k);
    size_t n = strlen(want); /* the canonical text: no trailing fraction zeros */
    while (d && want[n - 1] == '0') want[--n] = '\0';
    if (want[n - 1] == '.') want[--n] = '\0';
    double v = (double)k / (double)p;
    snprintf(wrote, sizeof wrote, i % 2 ? "%.17g" : "%.16G", v);
    size_t m = gk__xlsx_number(wrote, strlen(wrote), got, sizeof got);
    CU_ASSERT_TRUE_FATAL(m > 0);
    if (strcmp(got, want) != 0) printf("\n  wrote %s read %s want %s", wrote, got, want);
    CU_ASSERT_STRING_EQUAL_FATAL(got, want);
  }
  char out[96];
  CU_ASSERT_EQUAL(gk__xlsx_number("1e400", 5, out, sizeof out), 0); /* kept as written */
  CU_ASSERT_EQUAL(gk__xlsx_number("abc", 3, out, sizeof out), 0);
  CU_ASSERT_EQUAL(gk__xlsx_number("-2.5E-3", 7, out, sizeof out), 7);
  CU_ASSERT_STRING_EQUAL(out, "-0.0025");
  CU_ASSERT_EQUAL(gk__xlsx_number("999999999999999.9", 17, out, sizeof out), 16);
  CU_ASSERT_STRING_EQUAL(out, "1000000000000000");
}

/* Refused with an error of `rule` whose message holds `where`. */
static void expect_refusal(const char *bytes, size_t len, const gk__xlsx_caps *caps, const char *rule,
                           const char *where) {
  gk_diags *d = NULL;
  CU_ASSERT_EQUAL_FATAL(gk_diags_new(&d), GK_OK);
  gk__grid g;
  gk__grid_init(&g);
  CU_ASSERT_EQUAL(gk__xlsx_grid_caps(&g, bytes, len, "x.xlsx", d, caps ? caps : &gk__xlsx_default_caps), GK_EPARSE);
  gk__grid_free(&g);
  long k = gk_doc_find_rule(d, rule);
  CU_ASSERT_TRUE(k >= 0);
  if (k >= 0 && where) {
    const char *msg = gk_diag_message(d, (size_t)k, GK_LANG_ZH);
    if (!strstr(msg, where)) printf("\n  %s: no \"%s\"", msg, where);
    CU_ASSERT_PTR_NOT_NULL(strstr(msg, where));
  }
  gk_report *r = (gk_report *)1;
  gk_diags_clear(d);
  if (!caps) {
    CU_ASSERT_EQUAL(gk_report_from_xlsx(&r, bytes, len, "x.xlsx", d), GK_EPARSE);
    CU_ASSERT_PTR_NULL(r);
    CU_ASSERT_TRUE(gk_doc_find_rule(d, rule) >= 0);
  }
  gk_diags_free(d);
}

static void test_xlsx_refusals(void) {
  expect_refusal("PK\3\4garbage", 11, NULL, "import.xlsx", "zip");
  size_t len;
  char *z = book_of(&len, SHEET_HEAD "<row><c><v>1</v></c></row></sheetData></worksheet>", NULL);
  expect_refusal(z, len / 2, NULL, "import.xlsx", "损坏或被截断");
  free(z);
  const char *names[] = {"word/document.xml"}, *texts[] = {"<w:document/>"};
  z = make_zip(&len, 1, names, texts);
  CU_ASSERT_EQUAL(gk_report_detect_form(z, len), GK_FORM_DOCX); /* a Word document stays one */
  expect_refusal(z, len, NULL, "import.xlsx", "Word");
  free(z);
  z = book_of(&len, SHEET_HEAD "<row r=\"7\"><c r=\"B7\"/><c r=\"C7\" t=\"s\"><v>5</v></c></row></sheetData></worksheet>",
              "<sst><si><t>a</t></si></sst>");
  expect_refusal(z, len, NULL, "import.xlsx", "表2!C7"); /* no string 5 */
  free(z);
  z = book_of(&len, SHEET_HEAD "<row r=\"3\"><c r=\"3B\"><v>1</v></c></row></sheetData></worksheet>", NULL);
  expect_refusal(z, len, NULL, "import.xlsx", "表2!A3");
  free(z);
  z = book_of(&len, SHEET_HEAD "<row><c><v>1</v></row></sheetData></worksheet>", NULL);
  expect_refusal(z, len, NULL, "import.xlsx", "xl/worksheets/a.xml"); /* not well-formed */
  free(z);
  /* a huge sheet: over the cells cap, and over the part's size cap */
  z = book_of(&len, SHEET_HEAD "<row><c><v>1</v></c><c><v>2</v></c><c><v>3</v></c></row></sheetData></worksheet>", NULL);
  gk__xlsx_caps caps = gk__xlsx_default_caps;
  caps.cells = 2;
  expect_refusal(z, len, &caps, "import.too_large", "表2");
  free(z);
  gk__buf b; /* a shared string a hundred times */
  gk__buf_init(&b);
  gk__buf_puts(&b, SHEET_HEAD "<row>");
  for (int i = 0; i < 100; i++) gk__buf_puts(&b, "<c t=\"s\"><v>0</v></c>");
  gk__buf_puts(&b, "</row></sheetData></worksheet>");
  gk__buf_putc(&b, '\0');
  z = book_of(&len, b.data, "<sst><si><t>0123456789</t></si></sst>");
  caps = gk__xlsx_default_caps;
  caps.text = 500; /* the cells' text, shared strings counted once a cell */
  expect_refusal(z, len, &caps, "import.too_large", "表2");
  free(z);
  b.len = 0;
  gk__buf_puts(&b, SHEET_HEAD "<row>");
  for (int i = 0; i < 100; i++) gk__buf_puts(&b, "<c><v>1</v></c>");
  gk__buf_puts(&b, "</row></sheetData></worksheet>");
  gk__buf_putc(&b, '\0');
  z = book_of(&len, b.data, NULL);
  caps = gk__xlsx_default_caps;
  caps.xml = 1000; /* the workbook's other parts are smaller */
  expect_refusal(z, len, &caps, "import.too_large", "xl/worksheets/a.xml");
  gk__buf_free(&b);
  free(z);
}

/* ------------------------------------------------------------------ linear cost */

static double cpu_now(void) {
  struct timespec t;
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
  return (double)t.tv_sec + (double)t.tv_nsec * 1e-9;
}

/* Read a sheet of `rows` rows (a text cell, numbers, a blank, a merged range
 * every other row, cells listed right to left) n times; the CPU time. */
static double job_sheet(size_t rows, int times) {
  gk__buf b;
  gk__buf_init(&b);
  gk__buf_puts(&b, SHEET_HEAD);
  for (size_t r = 1; r <= rows; r++)
    gk__buf_printf(&b, "<row r=\"%zu\"><c r=\"E%zu\"/><c r=\"D%zu\"><v>1.5E+1</v></c><c r=\"C%zu\"><v>%zu</v></c>"
                       "<c r=\"B%zu\" t=\"inlineStr\"><is><t>行%zu</t></is></c></row>", r, r, r, r, r, r, r);
  gk__buf_puts(&b, "</sheetData><mergeCells>");
  for (size_t r = 1; r + 1 <= rows; r += 2) gk__buf_printf(&b, "<mergeCell ref=\"E%zu:F%zu\"/>", r, r + 1);
  gk__buf_puts(&b, "</mergeCells></worksheet>");
  gk__buf_putc(&b, '\0');
  CU_ASSERT_FALSE_FATAL(b.err);
  size_t len;
  char *z = book_of(&len, b.data, NULL);
  gk__buf_free(&b);
  double t = 0;
  for (int k = 0; k < times; k++) {
    gk__grid g;
    gk__grid_init(&g);
    double t0 = cpu_now();
    CU_ASSERT_EQUAL(gk__xlsx_grid(&g, z, len, "l.xlsx", NULL), GK_OK);
    t += cpu_now() - t0;
    gk__grid_free(&g);
  }
  free(z);
  return t;
}

static void test_xlsx_linear(void) {
#if defined(__SANITIZE_ADDRESS__)
  size_t big = 2048;
#else
  size_t big = getenv("GK_TEST_UNDER_VALGRIND") ? 2048 : 32768;
#endif
  double best_big = 0, best_small = 0;
  for (int k = 0; k < 3; k++) {
    double tb = job_sheet(big, 1), ts = job_sheet(big / 16, 16);
    if (!k || tb < best_big) best_big = tb;
    if (!k || ts < best_small) best_small = ts;
  }
  if (best_big < 1e-3) return; /* too fast to tell */
  double ratio = best_big / (best_small > 1e-6 ? best_small : 1e-6);
  if (ratio > 4.0) printf("\n  xlsx: %zu rows %.3fs, 16 x %zu rows %.3fs", big, best_big, big / 16, best_small);
  CU_ASSERT_TRUE(ratio <= 4.0);
}

int main(void) {
  static CU_TestInfo tests[] = {
      {"every truth written as XLSX reads back", test_xlsx_roundtrip_truths},
      {"an office's workbook: one sheet or a sheet a table, merged cells", test_xlsx_office_workbook},
      {"cells: strings, numbers as written, merges, order", test_xlsx_cells},
      {"numbers as Excel shows them", test_xlsx_numbers},
      {"refusals name the sheet and cell", test_xlsx_refusals},
      {"linear cost", test_xlsx_linear},
      CU_TEST_INFO_NULL,
  };
  return gk_test_main("xlsx_read", tests);
}
