/* SPDX-License-Identifier: MIT */
/* One report as an XLSX workbook (include/gkreport/xlsx.h), written with
 * libxlsxwriter: one sheet per table in the published layout and a findings
 * sheet. Rows, columns and header groups come from the schema declarations. */
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <xlsxwriter.h>
#include "export_int.h"
#include "read_xlsx.h"
#include "text_int.h"
#include "gkreport/xlsx.h"

enum { F_HEAD, F_LABEL, F_TITLE, F_NUM, F_AMOUNT = F_NUM + 4, F_TEXT = F_AMOUNT + 4, F_N = F_TEXT + 4 };
enum { XLSX_STR_MAX = 32000 }; /* Excel keeps at most 32767 characters in a cell */

typedef struct {
  lxw_workbook *wb;
  lxw_format *f[F_N];
  const gk_report *r;
  const gk_diags *d;
  gk__marks m;
  int lang, err;
} book;

static const lxw_color_t sev_fill[] = {0xE6F0FF, 0xFFF3C4, 0xFFD7D7};

static void make_formats(book *k) {
  for (int i = 0; i < F_N; i++) {
    lxw_format *f = k->f[i] = workbook_add_format(k->wb);
    if (!f) {
      k->err = GK_ENOMEM;
      return;
    }
    format_set_border(f, LXW_BORDER_THIN);
    format_set_align(f, LXW_ALIGN_VERTICAL_CENTER);
    if (i == F_HEAD || i == F_TITLE) format_set_bold(f);
    if (i == F_HEAD) {
      format_set_align(f, LXW_ALIGN_CENTER);
      format_set_text_wrap(f);
      format_set_bg_color(f, 0xEEF1F5);
    }
    if (i == F_LABEL) format_set_text_wrap(f);
    int sev = i >= F_NUM ? (i - F_NUM) % 4 - 1 : -1; /* -1 none, else GK_SEV_* */
    if (i >= F_AMOUNT && i < F_TEXT) format_set_num_format(f, "0.0000");
    if (i >= F_TEXT) format_set_align(f, LXW_ALIGN_CENTER);
    if (sev >= 0) format_set_bg_color(f, sev_fill[sev]);
  }
}

/* Copy s into buf as at most XLSX_STR_MAX bytes, cut at a UTF-8 boundary. */
static const char *cell_str(gk__buf *tmp, const char *s, size_t n) {
  if (n > XLSX_STR_MAX) {
    n = XLSX_STR_MAX;
    while (n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80) n--;
  }
  tmp->len = 0;
  gk__buf_put(tmp, s, n);
  gk__buf_putc(tmp, '\0');
  return tmp->err ? "" : tmp->data;
}

static void check(book *k, lxw_error e) {
  if (e == LXW_NO_ERROR || k->err) return;
  k->err = e == LXW_ERROR_MEMORY_MALLOC_FAILED ? GK_ENOMEM : GK_EIO;
}

static void put_str(book *k, lxw_worksheet *ws, lxw_row_t row, lxw_col_t col, const char *s,
                    lxw_format *f) {
  gk__buf tmp;
  gk__buf_init(&tmp);
  const char *v = cell_str(&tmp, s ? s : "", s ? strlen(s) : 0);
  check(k, v[0] ? worksheet_write_string(ws, row, col, v, f) : worksheet_write_blank(ws, row, col, f));
  if (tmp.err && !k->err) k->err = tmp.err;
  gk__buf_free(&tmp);
}

/* A header text over rows r0..r1, columns c0..c1 (merged when more than one cell). */
static void put_head(book *k, lxw_worksheet *ws, lxw_row_t r0, lxw_col_t c0, lxw_row_t r1,
                     lxw_col_t c1, const char *s) {
  if (r0 == r1 && c0 == c1) put_str(k, ws, r0, c0, s, k->f[F_HEAD]);
  else check(k, worksheet_merge_range(ws, r0, c0, r1, c1, s ? s : "", k->f[F_HEAD]));
}

/* The header rows of a table from sheet row `at`, over the columns in mask laid
 * out from column 1 (xcol[c]); returns the first row after them. */
static lxw_row_t put_header(book *k, lxw_worksheet *ws, lxw_row_t at, int t, uint32_t mask,
                            const lxw_col_t *xcol, lxw_col_t last) {
  int ed = gk_report_edition(k->r);
  const gk__header_group *all = gk__group_find(t, GK__GROUP_ALL),
                         *corner = gk__group_find(t, GK__GROUP_CORNER);
  size_t ncols = gk_schema_ncols(ed, t), f, l;
  int grouped = 0;
  for (size_t c = 0; c < ncols; c++) grouped |= (mask & (1u << c)) && gk__group_of_col(ed, t, c, &f, &l);
  lxw_row_t depth = (lxw_row_t)(1 + (all != NULL) + grouped), row = at;
  put_head(k, ws, at, 0, at + depth - 1, 0, corner ? gk__group_label(corner, k->lang) : "");
  if (all) put_head(k, ws, row++, 1, at, last, gk__group_label(all, k->lang));
  for (size_t c = 0; c < ncols; c++) {
    if (!(mask & (1u << c))) continue;
    const gk__header_group *g = grouped ? gk__group_of_col(ed, t, c, &f, &l) : NULL;
    if (g && c == f) put_head(k, ws, row, xcol[f], row, xcol[l], gk__group_label(g, k->lang));
    if (g) put_head(k, ws, row + 1, xcol[c], row + 1, xcol[c], gk_schema_col_label(ed, t, c, k->lang));
    else put_head(k, ws, row, xcol[c], row + (lxw_row_t)grouped, xcol[c],
                  gk_schema_col_label(ed, t, c, k->lang));
  }
  return at + depth;
}

/* The finding texts of a cell, one per line, for its comment. */
static void comment_text(gk__buf *b, book *k, int t, size_t row, size_t col) {
  for (size_t q = gk__marks_first(&k->m, k->r, t, row, col); q != SIZE_MAX; q = k->m.next[q]) {
    if (b->len) gk__buf_putc(b, '\n');
    gk__buf_printf(b, "[%zu] %s ", k->m.diag[q] + 1, gk_diag_rule(k->d, k->m.diag[q]));
    gk__finding_text(b, k->d, k->m.diag[q], k->r, k->lang);
  }
}

/* One cell: numbers as numbers (amounts with four decimals), blank empty, a
 * literal as text; coloured by its worst finding, which becomes a comment. */
static void put_cell(book *k, lxw_worksheet *ws, lxw_row_t xr, lxw_col_t xc, int t, size_t row,
                     size_t col) {
  const gk__cell *c = gk__cell_at(k->r, t, row, col);
  int kind = gk_schema_col_kind(gk_report_edition(k->r), t, col);
  int sev = gk__marks_severity(&k->m, k->d, k->r, t, row, col) + 1; /* 0 none */
  if (c->state == GK_CELL_LITERAL) {
    put_str(k, ws, xr, xc, gk_report_literal(k->r, t, row, col), k->f[F_TEXT + sev]);
  } else if (c->state == GK_CELL_VALUE && kind == GK_KIND_AMOUNT) {
    check(k, worksheet_write_number(ws, xr, xc, (double)c->value / GK_AMOUNT_SCALE, k->f[F_AMOUNT + sev]));
  } else if (c->state == GK_CELL_VALUE) {
    check(k, worksheet_write_number(ws, xr, xc, (double)c->value, k->f[F_NUM + sev]));
  } else {
    check(k, worksheet_write_blank(ws, xr, xc, k->f[F_NUM + sev]));
  }
  if (!sev) return;
  gk__buf b, tmp;
  gk__buf_init(&b);
  gk__buf_init(&tmp);
  comment_text(&b, k, t, row, col);
  if (b.err || tmp.err) k->err = GK_ENOMEM;
  else check(k, worksheet_write_comment(ws, xr, xc, cell_str(&tmp, b.data, b.len)));
  gk__buf_free(&b);
  gk__buf_free(&tmp);
}

static void put_row_label(book *k, lxw_worksheet *ws, lxw_row_t xr, const char *label, int sub) {
  gk__buf b;
  gk__buf_init(&b);
  if (sub) gk__buf_puts(&b, "\xE3\x80\x80"); /* U+3000: a sub-row is indented */
  gk__buf_puts(&b, label);
  gk__buf_putc(&b, '\0');
  if (b.err) k->err = b.err;
  else put_str(k, ws, xr, 0, b.data, k->f[F_LABEL]);
  gk__buf_free(&b);
}

/* A table's sheet: its heading, then sub-tables (a header where the rows' columns
 * change), group rows for （三）不予公开 and 三、本年度办理结果. */
static void put_table(book *k, int t) {
  int ed = gk_report_edition(k->r);
  const char *name = k->lang == GK_LANG_EN ? gk_schema_table_key(t) : gk_schema_table_label(t, k->lang);
  lxw_worksheet *ws = workbook_add_worksheet(k->wb, name);
  if (!ws) {
    k->err = GK_ENOMEM;
    return;
  }
  worksheet_set_paper(ws, 9); /* A4, one page wide */
  worksheet_fit_to_pages(ws, 1, 0);
  check(k, worksheet_set_column(ws, 0, 0, 48, NULL));
  check(k, worksheet_set_column(ws, 1, (lxw_col_t)gk_schema_ncols(ed, t), 12, NULL));
  gk__buf h;
  gk__buf_init(&h);
  gk__part_heading_put(&h, t + 1);
  gk__buf_putc(&h, '\0');
  if (!h.err) check(k, worksheet_write_string(ws, 0, 0, h.data, k->f[F_TITLE]));
  h.len = 0; /* the agency and year under the heading, a line break in the name a space */
  const char *agency = gk_report_agency(k->r, GK_AGENCY_NAME);
  for (const char *c = agency ? agency : ""; *c; c++) gk__buf_putc(&h, *c == '\r' || *c == '\n' ? ' ' : *c);
  if (gk_report_year(k->r))
    gk__buf_printf(&h, k->lang == GK_LANG_EN ? " %d" : " %d年度", gk_report_year(k->r));
  gk__buf_putc(&h, '\0');
  if (h.err) k->err = h.err;
  else if (h.data[0]) put_str(k, ws, 1, 0, h.data, NULL);
  gk__buf_free(&h);
  const gk__header_group *outcome = gk__group_find(t, GK__GROUP_OUTCOME);
  uint32_t mask = 0;
  int in_outcome = 0;
  lxw_row_t xr = 2;
  lxw_col_t xcol[GK__MAX_COLS], last = 0;
  for (size_t row = 0; row < gk_schema_nrows(ed, t) && !k->err; row++) {
    uint32_t rmask = 0, flags = gk_schema_row_flags(ed, t, row);
    for (size_t c = 0; c < gk_schema_ncols(ed, t); c++)
      if (gk_schema_cell_exists(ed, t, row, c)) rmask |= 1u << c;
    if (rmask != mask) {
      mask = rmask;
      last = 0;
      for (size_t c = 0; c < gk_schema_ncols(ed, t); c++)
        if (mask & (1u << c)) xcol[c] = ++last;
      xr = put_header(k, ws, xr + (xr > 2), t, mask, xcol, last);
    }
    if (outcome && (flags & GK_ROW_OUTCOME) && !in_outcome)
      put_row_label(k, ws, xr++, gk__group_label(outcome, k->lang), 0);
    in_outcome = (flags & GK_ROW_OUTCOME) != 0;
    put_row_label(k, ws, xr, gk_schema_row_label(ed, t, row, k->lang),
                  gk_schema_row_parent(ed, t, row) >= 0);
    if (flags & GK_ROW_STORED)
      for (size_t c = 0; c < gk_schema_ncols(ed, t); c++)
        if (mask & (1u << c)) put_cell(k, ws, xr, xcol[c], t, row, c);
    xr++;
  }
}

/* The findings sheet: one row per finding, frozen header, filters. */
static void put_findings(book *k) {
  lxw_worksheet *ws = workbook_add_worksheet(k->wb, gk__xlsx_findings_sheet[k->lang]);
  if (!ws) {
    k->err = GK_ENOMEM;
    return;
  }
  for (lxw_col_t c = 0; c < GK__XLSX_FINDINGS_NCOLS; c++)
    put_str(k, ws, 0, c, gk__xlsx_findings_head[k->lang][c], k->f[F_HEAD]);
  check(k, worksheet_set_column(ws, 3, 3, 80, NULL));
  check(k, worksheet_set_column(ws, 4, 4, 40, NULL));
  worksheet_freeze_panes(ws, 1, 0);
  size_t n = k->d ? gk_diags_count(k->d) : 0;
  for (size_t i = 0; i < n && !k->err; i++) {
    lxw_row_t xr = (lxw_row_t)(i + 1);
    gk__buf b;
    gk__buf_init(&b);
    check(k, worksheet_write_number(ws, xr, 0, (double)(i + 1), NULL));
    put_str(k, ws, xr, 1, gk_severity_key(gk_diag_severity(k->d, i)), NULL);
    put_str(k, ws, xr, 2, gk_diag_rule(k->d, i), NULL);
    gk__finding_text(&b, k->d, i, k->r, k->lang);
    gk__buf_putc(&b, '\0');
    if (!b.err) put_str(k, ws, xr, 3, b.data, NULL);
    b.len = 0;
    for (size_t c = 0; c < gk_diag_ncells(k->d, i); c++)
      gk__buf_printf(&b, "%s%s", c ? " " : "", gk_diag_cell(k->d, i, c));
    gk__buf_putc(&b, '\0');
    if (b.err) k->err = b.err;
    else put_str(k, ws, xr, 4, b.data, NULL);
    gk__buf_free(&b);
    if (gk_diag_line(k->d, i)) check(k, worksheet_write_number(ws, xr, 5, gk_diag_line(k->d, i), NULL));
  }
  check(k, worksheet_autofilter(ws, 0, 0, (lxw_row_t)n, 5));
}

/* The workbook's title property: the report's title (or one made of its
 * agency and year), which the XLSX reader reads back as the title. */
static void set_title(book *k) {
  gk__buf t;
  gk__buf_init(&t);
  gk__text_title_put(&t, k->r);
  gk__buf_putc(&t, '\0');
  lxw_doc_properties p = {0};
  p.title = t.data;
  if (t.err) k->err = t.err;
  else check(k, workbook_set_properties(k->wb, &p));
  gk__buf_free(&t);
}

/* Open the workbook: GK_EIO (nothing printed) when path cannot be written. */
static int xlsx_open(lxw_workbook **wb_out, const char *path) {
  *wb_out = NULL;
  FILE *f = fopen(path, "wb"); /* libxlsxwriter would print its own error */
  if (!f) return GK_EIO;
  fclose(f);
  *wb_out = workbook_new(path);
  return *wb_out ? GK_OK : GK_ENOMEM;
}

static int xlsx_close(lxw_workbook *wb, int rc) {
  lxw_error e = workbook_close(wb);
  if (rc) return rc;
  return e == LXW_NO_ERROR ? GK_OK : e == LXW_ERROR_MEMORY_MALLOC_FAILED ? GK_ENOMEM : GK_EIO;
}

GK_API int gk_report_to_xlsx(const char *path, const gk_report *r, const gk_diags *findings, gk_lang lang) {
  if (!path || !r || (lang != GK_LANG_ZH && lang != GK_LANG_EN)) return GK_EINVAL;
  book k;
  memset(&k, 0, sizeof k);
  k.r = r;
  k.d = findings;
  k.lang = lang;
  int rc = gk__marks_build(&k.m, r, findings);
  if (rc) return rc;
  rc = xlsx_open(&k.wb, path);
  if (rc) {
    gk__marks_free(&k.m);
    return rc;
  }
  make_formats(&k);
  set_title(&k);
  for (int t = 0; t < GK_NTABLES && !k.err; t++)
    if (!(gk_report_missing_tables(r) & (1u << t))) put_table(&k, t);
  if (!k.err) put_findings(&k);
  gk__marks_free(&k.m);
  return xlsx_close(k.wb, k.err);
}
