/* SPDX-License-Identifier: MIT */
/* CSV: the tidy long form of a report, one line per cell (include/gkreport/csv.h).
 * Tables, rows and columns are walked from the schema declarations. */
#include <string.h>
#include "internal.h"
#include "gkreport/csv.h"

/* 1 when s[0..n) is a number as the CSV writes one: [-+]digits[.digits]. */
static int is_number(const char *s, size_t n) {
  size_t i = 0, digits = 0;
  if (i < n && (s[i] == '-' || s[i] == '+')) i++;
  for (; i < n && s[i] >= '0' && s[i] <= '9'; i++) digits++;
  if (i < n && s[i] == '.' && digits)
    for (i++; i < n && s[i] >= '0' && s[i] <= '9'; i++) digits++;
  return digits && i == n;
}

/* A text a spreadsheet would run as a formula (OWASP "CSV injection"): it starts
 * with = + - @ TAB or CR, is not a number, and is longer than that one character
 * (a lone "-" is the most common literal of the tables and no formula). */
static int formula_like(const char *s, size_t n) {
  return n > 1 && strchr("=+-@\t\r", s[0]) && s[0] && !is_number(s, n);
}

/* One field, quoted (RFC 4180) only when it must be; a formula-like text gets a
 * leading apostrophe, so spreadsheets show it as text. */
static void field(gk__buf *b, const char *s, size_t n) {
  int neutral = formula_like(s, n);
  if (!neutral && !memchr(s, ',', n) && !memchr(s, '"', n) && !memchr(s, '\r', n) &&
      !memchr(s, '\n', n)) {
    gk__buf_put(b, s, n);
    return;
  }
  gk__buf_putc(b, '"');
  if (neutral) gk__buf_putc(b, '\'');
  for (const char *q; (q = memchr(s, '"', n)) != NULL; n -= (size_t)(q + 1 - s), s = q + 1) {
    gk__buf_put(b, s, (size_t)(q + 1 - s));
    gk__buf_putc(b, '"'); /* a quote is doubled */
  }
  gk__buf_put(b, s, n);
  gk__buf_putc(b, '"');
}

void gk__csv_field(gk__buf *b, const char *s, size_t n) { field(b, s, n); }
int gk__csv_formula_like(const char *s, size_t n) { return formula_like(s, n); }

static void field_str(gk__buf *b, const char *s) { field(b, s ? s : "", s ? strlen(s) : 0); }

/* Excel's extra fields: ,source,row_label,col_label (labels in `lang`; a sub-row's
 * label is preceded by its parent's, e.g. "（三）不予公开 1.属于国家秘密"). */
static void excel_fields(gk__buf *b, const gk_report *r, int t, size_t row, size_t col, int lang) {
  int ed = gk_report_edition(r), parent = gk_schema_row_parent(ed, t, row);
  gk__buf_putc(b, ',');
  field_str(b, gk_report_source(r));
  gk__buf_putc(b, ',');
  gk__buf lab;
  gk__buf_init(&lab);
  if (parent >= 0) {
    gk__buf_puts(&lab, gk_schema_row_label(ed, t, (size_t)parent, lang));
    gk__buf_putc(&lab, ' ');
  }
  gk__buf_puts(&lab, gk_schema_row_label(ed, t, row, lang));
  if (lab.err) b->err = lab.err;
  field(b, lab.data ? lab.data : "", lab.len);
  gk__buf_free(&lab);
  gk__buf_putc(b, ',');
  field_str(b, gk_schema_col_label(ed, t, col, lang));
}

/* The state and text of one cell (stored, or a derived subtotal). */
static int cell_text(const char **state, const char **text, size_t *tlen, char *num, size_t cap,
                     const gk_report *r, int t, size_t row, size_t col, int stored) {
  int st;
  int64_t v;
  *text = "";
  *tlen = 0;
  if (stored) {
    const gk__cell *c = gk__cell_at(r, t, row, col);
    st = c->state;
    v = c->value;
  } else {
    int rc = gk__cell_effective(r, t, row, col, &st, &v);
    if (rc) return rc;
  }
  if (st == GK_CELL_VALUE) {
    *tlen = (size_t)gk__format_value(num, cap, gk_schema_col_kind(gk_report_edition(r), t, col), v);
    *text = num;
  } else if (st == GK_CELL_LITERAL) {
    *text = gk_report_literal(r, t, row, col);
    *tlen = strlen(*text);
  }
  *state = !stored ? "derived" : st == GK_CELL_VALUE ? "value"
                   : st == GK_CELL_LITERAL ? "literal" : "blank";
  return GK_OK;
}

static int put_cells(gk__buf *b, const gk__buf *lead, const gk_report *r, uint32_t flags) {
  int ed = gk_report_edition(r), lang = (flags & GK_CSV_LANG_EN) ? GK_LANG_EN : GK_LANG_ZH;
  const char *eol = (flags & GK_CSV_EXCEL) ? "\r\n" : "\n";
  for (int t = 0; t < GK_NTABLES; t++) {
    size_t nrows = gk_schema_nrows(ed, t), ncols = gk_schema_ncols(ed, t);
    for (size_t row = 0; row < nrows; row++) {
      int stored = (gk_schema_row_flags(ed, t, row) & GK_ROW_STORED) != 0;
      if (!stored && !(flags & GK_CSV_DERIVED)) continue;
      for (size_t col = 0; col < ncols; col++) {
        if (!gk_schema_cell_exists(ed, t, row, col)) continue;
        const char *state, *text;
        size_t tlen;
        char num[48];
        int rc = cell_text(&state, &text, &tlen, num, sizeof num, r, t, row, col, stored);
        if (rc) return rc;
        gk__buf_put(b, lead->data, lead->len);
        gk__buf_printf(b, "%s,%s,%s,%s,", gk_schema_table_key(t), gk_schema_row_key(ed, t, row),
                       gk_schema_col_key(ed, t, col), state);
        field(b, text, tlen);
        if (flags & GK_CSV_EXCEL) excel_fields(b, r, t, row, col, lang);
        gk__buf_puts(b, eol);
      }
    }
  }
  return GK_OK;
}

GK_API int gk_report_to_csv(char **out, size_t *len_out, const gk_report *r, uint32_t flags) {
  if (out) *out = NULL;
  if (len_out) *len_out = 0;
  if (!out || !r) return GK_EINVAL;
  gk__buf b;
  gk__buf_init(&b);
  if (flags & GK_CSV_EXCEL) gk__buf_puts(&b, "\xEF\xBB\xBF"); /* UTF-8 byte-order mark */
  if (!(flags & GK_CSV_NO_HEADER)) {
    gk__buf_puts(&b, "agency,year,edition,table,row,col,state,value");
    gk__buf_puts(&b, (flags & GK_CSV_EXCEL) ? ",source,row_label,col_label\r\n" : "\n");
  }
  /* the first three fields are the same on every line */
  gk__buf lead;
  gk__buf_init(&lead);
  field_str(&lead, gk_report_agency(r, GK_AGENCY_NAME));
  if (gk_report_year(r))
    gk__buf_printf(&lead, ",%d,%d,", gk_report_year(r), gk_report_edition(r));
  else
    gk__buf_printf(&lead, ",,%d,", gk_report_edition(r));
  if (lead.err) b.err = lead.err;
  int rc = b.err ? GK_OK : put_cells(&b, &lead, r, flags);
  gk__buf_free(&lead);
  if (rc) {
    gk__buf_free(&b);
    return rc;
  }
  return gk__buf_finish(&b, out, len_out);
}
