/* SPDX-License-Identifier: MIT */
/* Write a report as Markdown: the title, the prose sections under their
 * headings and the three tables as pipe tables (blank cells empty). The rows,
 * columns and labels come from the schema declarations. */
#include <string.h>
#include "internal.h"
#include "text_int.h"
#include "gkreport/text.h"

/* A table cell: '|' and newlines would break the row. */
static void md_text(gk__buf *b, const char *s) {
  for (; *s; s++) {
    if (*s == '|') gk__buf_puts(b, "\\|");
    else if (*s == '\n' || *s == '\r') gk__buf_putc(b, ' ');
    else gk__buf_putc(b, *s);
  }
}

static void md_cell(gk__buf *b, const gk_report *r, int t, size_t row, size_t col) {
  gk__buf v;
  gk__buf_init(&v);
  gk__text_cell_put(&v, r, t, row, col);
  if (v.err) b->err = v.err;
  gk__buf_puts(b, " ");
  /* a quoted literal (「…」) has its bars and line breaks escaped already */
  if (v.data && gk__text_quote_end(v.data, v.len, 0) == v.len) gk__buf_put(b, v.data, v.len);
  else if (v.data) md_text(b, v.data);
  gk__buf_puts(b, " |");
  gk__buf_free(&v);
}

static void md_header(gk__buf *b, const gk__table_decl *td, uint32_t mask, const char *first) {
  gk__buf_printf(b, "| %s |", first);
  size_t n = 0;
  for (size_t c = 0; c < td->ncols; c++)
    if (mask & (1u << c)) gk__buf_printf(b, " %s |", td->cols[c].zh), n++;
  gk__buf_puts(b, "\n|---|");
  for (size_t c = 0; c < n; c++) gk__buf_puts(b, "---:|");
  gk__buf_putc(b, '\n');
}

static void md_table(gk__buf *b, const gk_report *r, int t) {
  const gk__table_decl *td = &gk__report_ed(r)->tables[t];
  uint32_t mask = 0;
  for (size_t row = 0; row < td->nrows; row++) {
    const gk__row_decl *rd = &td->rows[row];
    if (rd->colmask != mask) {
      if (mask) gk__buf_putc(b, '\n');
      mask = rd->colmask;
      md_header(b, td, mask, t == GK_TABLE_ACTIVE ? "信息内容" : t == GK_TABLE_REVIEW ? "" : "申请人情况");
    }
    gk__buf_puts(b, "| ");
    if (t == GK_TABLE_REVIEW && row > 0) gk__buf_puts(b, "行政诉讼 ");
    md_text(b, rd->zh);
    gk__buf_puts(b, " |");
    if (!(rd->flags & GK_ROW_STORED)) { /* group label (（三）不予公开): computed subtotal */
      for (size_t c = 0; c < td->ncols; c++)
        if (mask & (1u << c)) gk__buf_puts(b, " |");
      gk__buf_putc(b, '\n');
      continue;
    }
    for (size_t c = 0; c < td->ncols; c++)
      if (mask & (1u << c)) md_cell(b, r, t, row, c);
    gk__buf_putc(b, '\n');
  }
  gk__buf_putc(b, '\n');
}

static void md_section(gk__buf *b, const gk_report *r, int section) {
  const char *s = gk_report_section(r, section);
  if (!s) return;
  if (*s) {
    gk__buf_puts(b, s);
    gk__buf_puts(b, "\n\n");
  }
}

GK_API int gk_report_to_markdown(char **out, size_t *len_out, const gk_report *r) {
  if (out) *out = NULL;
  if (len_out) *len_out = 0;
  if (!out || !r) return GK_EINVAL;
  gk__buf b;
  gk__buf_init(&b);
  /* the title as the heading, or the metadata block: a line break in the title
   * or the agency's name is escaped, never breaks the heading (text_meta.c) */
  gk__text_head_put(&b, r, 1);
  md_section(&b, r, GK_SECTION_PREAMBLE);
  for (int p = 0; p < GK__NPARTS; p++) {
    const gk__part *pt = &gk__parts[p];
    if (pt->section >= 0 && !gk_report_section(r, pt->section)) continue;
    gk__buf_puts(&b, "## ");
    gk__part_heading_put(&b, p);
    gk__buf_puts(&b, "\n\n");
    if (pt->section >= 0) md_section(&b, r, pt->section);
    else md_table(&b, r, pt->table);
  }
  return gk__buf_finish(&b, out, len_out);
}
