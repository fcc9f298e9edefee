/* SPDX-License-Identifier: MIT */
/* Internal helpers shared by the page and workbook exporters (html_*.c, xlsx_*.c):
 * findings placed on the cells they name, HTML escaping and the page frame, and
 * the "panel" (a header and rows of cells, with optional chart series) that the
 * series and summary exports of both formats are written from. Never installed. */
#ifndef GKREPORT_EXPORT_INT_H
#define GKREPORT_EXPORT_INT_H

#include "internal.h"

/* ------------------------------------------------------------ findings on cells
 * Every (finding, cell) pair of a report's findings: the cells a finding names and
 * its suspect cell. Built once (linear in the number of pairs); per cell a list. */
typedef struct {
  size_t *head[GK_NTABLES]; /* per cell (row * ncols + col): first pair, SIZE_MAX none */
  size_t *next, *diag;      /* per pair: next pair of the same cell, finding index */
  unsigned char *suspect;   /* per pair: 1 when the cell is the finding's suspect */
  size_t npairs, cap;
} gk__marks;

/* Place the findings of d (NULL: none; waived ones are left out) on r's cells.
 * GK_OK or GK_ENOMEM (m then holds nothing and is safe to free). */
int gk__marks_build(gk__marks *m, const gk_report *r, const gk_diags *d);
void gk__marks_free(gk__marks *m);
/* First pair of a cell, SIZE_MAX when no finding names it; then m->next[p]. */
size_t gk__marks_first(const gk__marks *m, const gk_report *r, int t, size_t row, size_t col);
/* The worst severity (GK_SEV_*) among a cell's findings, -1 when none. */
int gk__marks_severity(const gk__marks *m, const gk_diags *d, const gk_report *r, int t,
                       size_t row, size_t col);
/* Append the finding's message and, when known, its repair ("建议：…应为 V" /
 * "repair: … should be V", the cell named by its printed labels) to b. */
void gk__finding_text(gk__buf *b, const gk_diags *d, size_t i, const gk_report *r, int lang);
/* The printed labels of a cell path ("（三）不予公开 1.属于国家秘密 · 自然人"); the
 * path itself when r does not know it. */
void gk__cell_label(gk__buf *b, const gk_report *r, const char *path, int lang);

/* The header group of a table of `kind` (GK__GROUP_*), or NULL; its label. */
const gk__header_group *gk__group_find(int t, int kind);
const char *gk__group_label(const gk__header_group *g, int lang);
/* The column group column c belongs to (its first and last columns), or NULL. */
const gk__header_group *gk__group_of_col(int ed, int t, size_t c, size_t *first, size_t *last);

/* ------------------------------------------------------------ HTML */
/* Escape text for HTML content or an attribute value (& < > " '). With
 * one_line, CR and LF become spaces (a name in a heading or a title). */
void gk__html_text(gk__buf *b, const char *s, size_t n, int one_line);
void gk__html_str(gk__buf *b, const char *s, int one_line);
/* The page frame: doctype, <head> with the title, the inline style sheet (a CJK
 * font stack, A4 print), and <body>; and its end. */
void gk__html_begin(gk__buf *b, const char *title, int lang);
void gk__html_end(gk__buf *b);

/* ------------------------------------------------------------ panels */
/* A table of a series (one column per year) or a summary (one row per report):
 * a header, row labels and text cells; `num` holds each cell's number for the
 * charts (`has` says whether it is one). Rows with `chart` set are drawn. */
typedef struct {
  const char *title;     /* caption */
  size_t nrows, ncols;
  char **head;           /* ncols column headers (after the row-label column) */
  const char *corner;    /* header of the row-label column */
  char **label;          /* nrows row labels */
  char **cell;           /* nrows * ncols texts ("" blank) */
  double *num;           /* nrows * ncols numbers */
  unsigned char *has;    /* nrows * ncols: 1 when num is a number */
  unsigned char *chart;  /* nrows: draw this row as a line */
  size_t percent_from;   /* rows from this one on are percentages (indicators) */
  unsigned char *pct_col; /* ncols: 1 when the column holds percentages (a summary) */
  size_t mark_col;       /* a column marked in charts (edition change), SIZE_MAX none */
  const char *mark_text; /* its legend */
} gk__panel;

/* Allocate a panel's arrays (strings NULL, numbers 0): GK_OK or GK_ENOMEM. */
int gk__panel_init(gk__panel *p, size_t nrows, size_t ncols);
void gk__panel_free(gk__panel *p);
/* Set a string of the panel (copied); sets p's error on failure (see panel_err). */
int gk__panel_set(char **slot, const char *s);
/* The panel of a series: the main totals and the indicators, one column per
 * report (year); mark_col at the first report of a new edition. */
struct gk_series;
int gk__series_panel(gk__panel *p, const struct gk_series *s, int lang);
/* Write the panel as an HTML table (caption, th scope) into b. */
void gk__html_panel_table(gk__buf *b, const gk__panel *p);
/* One SVG line chart per charted row (role=img, <title>, <desc> with the values). */
void gk__html_panel_charts(gk__buf *b, const gk__panel *p, int lang);

/* A bar chart ranking the rows by their number in column col, largest first (a
 * summary: the agencies by an indicator). GK_OK, GK_EINVAL (col), GK_ENOMEM. */
int gk__html_panel_bars(gk__buf *b, const gk__panel *p, size_t col, int lang);
/* A whole page of a panel: title, the charts (one line chart per charted row when
 * rank_col is SIZE_MAX, else the ranking by rank_col), the table and the list of
 * findings (NULL: none; with a rank_col, no list at all). The series and summary pages. */
int gk__panel_page(char **out, size_t *len_out, const char *title, const gk__panel *p,
                   const gk_diags *findings, int lang, size_t rank_col);
/* A workbook of a panel at path: the table (frozen header; filters when
 * rank_col is not SIZE_MAX, for sorting in Excel), native line charts of the
 * charted rows when rank_col is SIZE_MAX, and a findings sheet (none when
 * findings is NULL and rank_col is not SIZE_MAX: a summary). */
int gk__panel_xlsx(const char *path, const char *sheet, const gk__panel *p,
                   const gk_diags *findings, int lang, size_t rank_col);

#endif /* GKREPORT_EXPORT_INT_H */
