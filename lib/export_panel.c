/* SPDX-License-Identifier: MIT */
/* Panels (export_int.h): a header and rows of text cells with numbers for the
 * charts, the common shape of the series and summary exports in HTML and XLSX.
 * The series panel holds the main totals (stored rows that are neither outcome
 * leaves nor derived, in the total column of the requests and review tables) and
 * the indicators, one column per report. */
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include "export_int.h"
#include "gkreport/series.h"
#include "gkreport/indicator.h"

int gk__panel_init(gk__panel *p, size_t nrows, size_t ncols) {
  memset(p, 0, sizeof *p);
  p->mark_col = SIZE_MAX;
  p->percent_from = SIZE_MAX;
  size_t n = (nrows && ncols) ? nrows * ncols : 1;
  p->nrows = nrows;
  p->ncols = ncols;
  p->head = gk__calloc(ncols ? ncols : 1, sizeof *p->head);
  p->label = gk__calloc(nrows ? nrows : 1, sizeof *p->label);
  p->cell = gk__calloc(n, sizeof *p->cell);
  p->num = gk__calloc(n, sizeof *p->num);
  p->has = gk__calloc(n, 1);
  p->chart = gk__calloc(nrows ? nrows : 1, 1);
  p->pct_col = gk__calloc(ncols ? ncols : 1, 1);
  if (!p->head || !p->label || !p->cell || !p->num || !p->has || !p->chart || !p->pct_col) {
    gk__panel_free(p);
    return GK_ENOMEM;
  }
  return GK_OK;
}

void gk__panel_free(gk__panel *p) {
  for (size_t i = 0; p->head && i < p->ncols; i++) gk__free(p->head[i]);
  for (size_t i = 0; p->label && i < p->nrows; i++) gk__free(p->label[i]);
  for (size_t i = 0; p->cell && i < p->nrows * p->ncols; i++) gk__free(p->cell[i]);
  gk__free(p->head);
  gk__free(p->label);
  gk__free(p->cell);
  gk__free(p->num);
  gk__free(p->has);
  gk__free(p->chart);
  gk__free(p->pct_col);
  memset(p, 0, sizeof *p);
}

int gk__panel_set(char **slot, const char *s) {
  char *c = gk__strdup(s ? s : "");
  if (!c) return GK_ENOMEM;
  gk__free(*slot);
  *slot = c;
  return GK_OK;
}

/* 1 when trend entry `path` is a main total of report r's edition. */
static int main_total(const gk_report *r, const char *path) {
  int t;
  size_t row, col;
  if (!path || gk_report_path_find(&t, &row, &col, r, path, GK_NUL_TERMINATED) != GK_OK || t == GK_TABLE_ACTIVE) return 0;
  const gk__edition *ed = gk__report_ed(r);
  uint32_t f = ed->tables[t].rows[row].flags;
  return ed->tables[t].cols[col].part == 0 && (f & GK_ROW_STORED) && !(f & GK_ROW_LEAF) &&
         !(f & GK_ROW_DERIVED) && !(f & GK_ROW_OUTCOME && ed->tables[t].rows[row].parent >= 0);
}

/* One trend entry's row: label, the value per report. */
static int series_cell_row(gk__panel *p, size_t pr, const gk_series *s, size_t i, int lang) {
  size_t n = gk_series_count(s);
  const gk_report *last = gk_series_report(s, n - 1);
  gk__buf lab;
  gk__buf_init(&lab);
  gk__cell_label(&lab, last, gk_series_trend_path(s, i), lang);
  gk__buf_putc(&lab, '\0');
  int rc = lab.err ? lab.err : gk__panel_set(&p->label[pr], lab.data);
  gk__buf_free(&lab);
  for (size_t j = 0; j < n && !rc; j++) {
    int st = GK_CELL_BLANK;
    int64_t v = 0;
    char buf[48] = "";
    if (gk_series_trend_value(&st, &v, s, i, j) == GK_OK && st == GK_CELL_VALUE) {
      snprintf(buf, sizeof buf, "%lld", (long long)v);
      p->num[pr * n + j] = (double)v;
      p->has[pr * n + j] = 1;
    } else if (st == GK_CELL_LITERAL) {
      snprintf(buf, sizeof buf, "%s", "—");
    }
    rc = gk__panel_set(&p->cell[pr * n + j], buf);
  }
  p->chart[pr] = 1;
  return rc;
}

/* One indicator's row: the percentage per report ("" when it has no value). */
static int series_indicator_row(gk__panel *p, size_t pr, const gk_series *s, size_t k, int lang) {
  size_t n = gk_series_count(s);
  int rc = gk__panel_set(&p->label[pr], gk_indicator_name(k, lang));
  for (size_t j = 0; j < n && !rc; j++) {
    int64_t num = 0, den = 0;
    char buf[48] = "";
    if (gk_report_indicator(&num, &den, gk_series_report(s, j), k) == GK_OK && den &&
        gk_indicator_format(buf, sizeof buf, num, den) > 0) {
      p->num[pr * n + j] = 100.0 * (double)num / (double)den;
      p->has[pr * n + j] = 1;
    } else {
      buf[0] = '\0';
    }
    rc = gk__panel_set(&p->cell[pr * n + j], buf);
  }
  p->chart[pr] = 1;
  return rc;
}

int gk__series_panel(gk__panel *p, const gk_series *s, int lang) {
  size_t n = gk_series_count(s), ne = gk_series_trend_count(s), rows = 0;
  if (!n) return gk__panel_init(p, 0, 0);
  const gk_report *last = gk_series_report(s, n - 1);
  for (size_t i = 0; i < ne; i++) rows += main_total(last, gk_series_trend_path(s, i));
  size_t nmain = rows;
  rows += gk_indicator_count();
  int rc = gk__panel_init(p, rows, n);
  p->corner = lang == GK_LANG_EN ? "Cell / indicator" : "项目";
  p->title = lang == GK_LANG_EN ? "Main totals and indicators" : "主要合计与指标";
  for (size_t j = 0; j < n && !rc; j++) {
    char y[16];
    snprintf(y, sizeof y, "%d", gk_report_year(gk_series_report(s, j)));
    rc = gk__panel_set(&p->head[j], y);
    if (j && gk_report_edition(gk_series_report(s, j)) != gk_report_edition(gk_series_report(s, j - 1)))
      p->mark_col = j;
  }
  p->mark_text = lang == GK_LANG_EN ? "edition change" : "格式版本变更";
  p->percent_from = nmain;
  size_t pr = 0;
  for (size_t i = 0; i < ne && !rc; i++)
    if (main_total(last, gk_series_trend_path(s, i))) rc = series_cell_row(p, pr++, s, i, lang);
  for (size_t k = 0; k < gk_indicator_count() && !rc; k++) rc = series_indicator_row(p, pr++, s, k, lang);
  if (rc) gk__panel_free(p);
  return rc;
}
