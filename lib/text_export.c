/* SPDX-License-Identifier: MIT */
/* Write a report in the official layout as plain text, the shape of a .docx
 * converted to text (the 凤岗镇 example): title, preamble, headings 一 … 六, each
 * table as TAB-indented lines, one cell per line, rows separated by blank lines.
 * A blank cell is a line holding only a TAB, so text_import reads every cell
 * back in place. Rows, columns and labels come from the schema declarations. */
#include <string.h>
#include "internal.h"
#include "text_int.h"
#include "gkreport/text.h"

void gk__text_cell_put(gk__buf *b, const gk_report *r, int table, size_t row, size_t col) {
  const gk__cell *c = gk__cell_at(r, table, row, col);
  if (!c || c->state == GK_CELL_BLANK) return;
  if (c->state == GK_CELL_LITERAL) {
    /* the plain literals the importer knows go as they are; any other is
     * quoted so that it reads back verbatim, never as a number or a label */
    const char *lit = gk_report_literal(r, table, row, col);
    if (lit && gk__text_is_literal(lit, strlen(lit))) gk__buf_puts(b, lit);
    else gk__text_quote_put(b, lit ? lit : "");
    return;
  }
  char v[48];
  int kind = gk__report_ed(r)->tables[table].cols[col].kind;
  gk__format_value(v, sizeof v, kind, c->value);
  gk__buf_puts(b, v);
  const gk__unit_decl *u = kind == GK_KIND_AMOUNT ? gk__unit_decl_of(c->unit) : NULL;
  if (u) gk__buf_puts(b, u->text);
}

void gk__text_title_put(gk__buf *b, const gk_report *r) {
  if (gk_report_title(r)) {
    gk__buf_puts(b, gk_report_title(r));
    return;
  }
  if (gk_report_agency(r, GK_AGENCY_NAME)) gk__buf_puts(b, gk_report_agency(r, GK_AGENCY_NAME));
  if (gk_report_year(r)) gk__buf_printf(b, "%d年", gk_report_year(r));
  gk__buf_puts(b, "政府信息公开工作年度报告");
}

static void cell_line(gk__buf *b, const gk_report *r, int t, size_t row, size_t col) {
  gk__buf_putc(b, '\t');
  gk__text_cell_put(b, r, t, row, col);
  gk__buf_putc(b, '\n');
}

static void row_block(gk__buf *b, const gk_report *r, int t, size_t row) {
  const gk__table_decl *td = &gk__report_ed(r)->tables[t];
  gk__buf_printf(b, "\t%s\n", td->rows[row].zh);
  for (size_t c = 0; c < td->ncols; c++)
    if (td->rows[row].colmask & (1u << c)) cell_line(b, r, t, row, c);
  gk__buf_putc(b, '\n');
}

static int row_any(const gk_report *r, int t, size_t row) {
  const gk__table_decl *td = &gk__report_ed(r)->tables[t];
  for (size_t c = 0; c < td->ncols; c++) {
    const gk__cell *cell = gk__cell_at(r, t, row, c);
    if (cell && cell->state != GK_CELL_BLANK) return 1;
  }
  return 0;
}

static void put_active(gk__buf *b, const gk_report *r) {
  const gk__table_decl *td = &gk__report_ed(r)->tables[GK_TABLE_ACTIVE];
  uint32_t mask = 0;
  for (size_t row = 0; row < td->nrows; row++) {
    if (td->rows[row].colmask != mask) { /* a sub-table: its header row */
      mask = td->rows[row].colmask;
      gk__buf_puts(b, "\t信息内容\n");
      for (size_t c = 0; c < td->ncols; c++)
        if (mask & (1u << c)) gk__buf_printf(b, "\t%s\n", td->cols[c].zh);
      gk__buf_putc(b, '\n');
    }
    row_block(b, r, GK_TABLE_ACTIVE, row);
  }
}

static void put_requests(gk__buf *b, const gk_report *r) {
  const gk__table_decl *td = &gk__report_ed(r)->tables[GK_TABLE_REQUESTS];
  gk__buf_puts(b, "\t申请人情况\n");
  for (size_t c = 0; c < td->ncols; c++) gk__buf_printf(b, "\t%s\n", td->cols[c].zh);
  gk__buf_putc(b, '\n');
  for (size_t row = 0; row < td->nrows; row++) {
    const gk__row_decl *rd = &td->rows[row];
    if (rd->parent >= 0 && (td->rows[rd->parent].flags & GK_ROW_STORED)) continue; /* below */
    if (!(rd->flags & GK_ROW_STORED)) { /* a group label: （三）不予公开 */
      gk__buf_printf(b, "\t%s\n", rd->zh);
      continue;
    }
    if (!(rd->flags & GK_ROW_DERIVED)) {
      row_block(b, r, GK_TABLE_REQUESTS, row);
      continue;
    }
    /* a stored derived row (2021 （六）其他处理): printed as a row when it holds
     * values (alone, or above its children when they hold values too), else as
     * its label over its children */
    int kids = 0;
    for (size_t k = row + 1; k < td->nrows && td->rows[k].parent == (int8_t)row; k++)
      kids |= row_any(r, GK_TABLE_REQUESTS, k);
    if (row_any(r, GK_TABLE_REQUESTS, row)) {
      row_block(b, r, GK_TABLE_REQUESTS, row);
      if (!kids) continue;
    } else {
      gk__buf_printf(b, "\t%s\n", rd->zh);
    }
    for (size_t k = row + 1; k < td->nrows && td->rows[k].parent == (int8_t)row; k++)
      row_block(b, r, GK_TABLE_REQUESTS, k);
  }
}

static void put_review(gk__buf *b, const gk_report *r) {
  const gk__table_decl *td = &gk__report_ed(r)->tables[GK_TABLE_REVIEW];
  gk__buf_puts(b, "\t行政复议\n\t行政诉讼\n");
  for (size_t row = 1; row < td->nrows; row++) gk__buf_printf(b, "\t%s\n", td->rows[row].variants[0]);
  for (size_t row = 0; row < td->nrows; row++)
    for (size_t c = 0; c < td->ncols; c++) gk__buf_printf(b, "\t%s\n", td->cols[c].zh);
  gk__buf_putc(b, '\n');
  for (size_t row = 0; row < td->nrows; row++)
    for (size_t c = 0; c < td->ncols; c++) cell_line(b, r, GK_TABLE_REVIEW, row, c);
  gk__buf_putc(b, '\n');
}

static void put_section(gk__buf *b, const gk_report *r, int part, int section) {
  if (!gk_report_section(r, section)) return;
  gk__part_heading_put(b, part);
  gk__buf_putc(b, '\n');
  if (gk_report_section(r, section)[0]) {
    gk__buf_puts(b, gk_report_section(r, section));
    gk__buf_putc(b, '\n');
  }
}

GK_API int gk_report_to_text(char **out, size_t *len_out, const gk_report *r) {
  if (out) *out = NULL;
  if (len_out) *len_out = 0;
  if (!out || !r) return GK_EINVAL;
  gk__buf b;
  gk__buf_init(&b);
  gk__text_head_put(&b, r, 0); /* the title, or the metadata block (text_meta.c) */
  if (gk_report_section(r, GK_SECTION_PREAMBLE) && gk_report_section(r, GK_SECTION_PREAMBLE)[0]) {
    gk__buf_puts(&b, gk_report_section(r, GK_SECTION_PREAMBLE));
    gk__buf_putc(&b, '\n');
  }
  for (int p = 0; p < GK__NPARTS; p++) {
    const gk__part *pt = &gk__parts[p];
    if (pt->section >= 0) {
      put_section(&b, r, p, pt->section);
      continue;
    }
    gk__part_heading_put(&b, p);
    gk__buf_putc(&b, '\n');
    if (pt->table == GK_TABLE_ACTIVE) put_active(&b, r);
    else if (pt->table == GK_TABLE_REQUESTS) put_requests(&b, r);
    else put_review(&b, r);
  }
  return gk__buf_finish(&b, out, len_out);
}
