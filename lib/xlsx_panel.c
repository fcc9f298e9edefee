/* SPDX-License-Identifier: MIT */
/* Panels as XLSX (include/gkreport/xlsx.h): the series workbook, a sheet with the
 * main totals and the indicators per year, native Excel line charts of both,
 * and a findings sheet. */
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <xlsxwriter.h>
#include "export_int.h"
#include "gkreport/xlsx.h"
#include "gkreport/series.h"

typedef struct {
  lxw_workbook *wb;
  lxw_format *head, *pct;
  int err;
} sheetw;

static void check(sheetw *w, lxw_error e) {
  if (e == LXW_NO_ERROR || w->err) return;
  w->err = e == LXW_ERROR_MEMORY_MALLOC_FAILED ? GK_ENOMEM : GK_EIO;
}

/* A line chart of panel rows [from, to) at sheet row `at`. */
static void put_chart(sheetw *w, lxw_worksheet *ws, const char *sheet, const gk__panel *p,
                      size_t from, size_t to, const char *title, lxw_row_t at) {
  if (from >= to || !p->ncols) return;
  lxw_chart *c = workbook_add_chart(w->wb, LXW_CHART_LINE);
  if (!c) {
    w->err = GK_ENOMEM;
    return;
  }
  chart_title_set_name(c, title);
  for (size_t i = from; i < to; i++) {
    lxw_chart_series *s = chart_add_series(c, NULL, NULL);
    if (!s) {
      w->err = GK_ENOMEM;
      return;
    }
    chart_series_set_categories(s, sheet, 0, 1, 0, (lxw_col_t)p->ncols);
    chart_series_set_values(s, sheet, (lxw_row_t)(i + 1), 1, (lxw_row_t)(i + 1), (lxw_col_t)p->ncols);
    chart_series_set_name_range(s, sheet, (lxw_row_t)(i + 1), 0);
  }
  check(w, worksheet_insert_chart(ws, at, 1, c));
}

static void put_panel(sheetw *w, const gk__panel *p, const char *sheet, int lang, size_t rank_col) {
  lxw_worksheet *ws = workbook_add_worksheet(w->wb, sheet);
  if (!ws) {
    w->err = GK_ENOMEM;
    return;
  }
  check(w, worksheet_set_column(ws, 0, 0, 44, NULL));
  check(w, worksheet_write_string(ws, 0, 0, p->corner, w->head));
  for (size_t j = 0; j < p->ncols; j++)
    check(w, worksheet_write_string(ws, 0, (lxw_col_t)(j + 1), p->head[j], w->head));
  worksheet_freeze_panes(ws, 1, 1);
  for (size_t i = 0; i < p->nrows && !w->err; i++) {
    check(w, worksheet_write_string(ws, (lxw_row_t)(i + 1), 0, p->label[i], NULL));
    for (size_t j = 0; j < p->ncols; j++) {
      size_t k = i * p->ncols + j;
      int pct = i >= p->percent_from || (p->pct_col && p->pct_col[j]);
      if (p->has[k])
        check(w, worksheet_write_number(ws, (lxw_row_t)(i + 1), (lxw_col_t)(j + 1),
                                        pct ? p->num[k] / 100 : p->num[k], pct ? w->pct : NULL));
      else if (p->cell[k][0])
        check(w, worksheet_write_string(ws, (lxw_row_t)(i + 1), (lxw_col_t)(j + 1), p->cell[k], NULL));
    }
  }
  if (rank_col != SIZE_MAX) { /* a summary: filters to sort and select in Excel */
    check(w, worksheet_autofilter(ws, 0, 0, (lxw_row_t)p->nrows, (lxw_col_t)p->ncols));
    return;
  }
  size_t split = p->percent_from < p->nrows ? p->percent_from : p->nrows;
  lxw_row_t at = (lxw_row_t)(p->nrows + 3);
  put_chart(w, ws, sheet, p, 0, split, lang == GK_LANG_EN ? "Main totals" : "主要合计", at);
  put_chart(w, ws, sheet, p, split, p->nrows, lang == GK_LANG_EN ? "Indicators" : "指标", at + 17);
}

static void put_findings(sheetw *w, const gk_diags *d, int lang) {
  lxw_worksheet *ws = workbook_add_worksheet(w->wb, lang == GK_LANG_EN ? "findings" : "检查发现的问题");
  if (!ws) {
    w->err = GK_ENOMEM;
    return;
  }
  static const char *const zh[] = {"严重性", "规则", "文件", "说明"}, *const en[] = {"severity", "rule", "file", "message"};
  for (lxw_col_t c = 0; c < 4; c++) check(w, worksheet_write_string(ws, 0, c, (lang == GK_LANG_EN ? en : zh)[c], w->head));
  check(w, worksheet_set_column(ws, 3, 3, 90, NULL));
  worksheet_freeze_panes(ws, 1, 0);
  size_t n = d ? gk_diags_count(d) : 0;
  for (size_t i = 0; i < n && !w->err; i++) {
    lxw_row_t r = (lxw_row_t)(i + 1);
    const char *msg = gk_diag_message(d, i, lang), *file = gk_diag_file(d, i);
    check(w, worksheet_write_string(ws, r, 0, gk_severity_key(gk_diag_severity(d, i)), NULL));
    check(w, worksheet_write_string(ws, r, 1, gk_diag_rule(d, i), NULL));
    if (file && file[0]) check(w, worksheet_write_string(ws, r, 2, file, NULL));
    if (msg && msg[0] && strlen(msg) < 32000) check(w, worksheet_write_string(ws, r, 3, msg, NULL));
  }
  check(w, worksheet_autofilter(ws, 0, 0, (lxw_row_t)n, 3));
}

int gk__panel_xlsx(const char *path, const char *sheet, const gk__panel *p,
                   const gk_diags *findings, int lang, size_t rank_col) {
  FILE *f = fopen(path, "wb"); /* libxlsxwriter would print its own error */
  if (!f) return GK_EIO;
  fclose(f);
  sheetw w = {workbook_new(path), NULL, NULL, GK_OK};
  if (!w.wb) return GK_ENOMEM;
  w.head = workbook_add_format(w.wb);
  w.pct = workbook_add_format(w.wb);
  if (!w.head || !w.pct) w.err = GK_ENOMEM;
  if (!w.err) {
    format_set_bold(w.head);
    format_set_bg_color(w.head, 0xEEF1F5);
    format_set_num_format(w.pct, "0.00%");
    put_panel(&w, p, sheet, lang, rank_col);
  }
  if (!w.err && (findings || rank_col == SIZE_MAX)) put_findings(&w, findings, lang);
  lxw_error e = workbook_close(w.wb);
  if (w.err) return w.err;
  return e == LXW_NO_ERROR ? GK_OK : e == LXW_ERROR_MEMORY_MALLOC_FAILED ? GK_ENOMEM : GK_EIO;
}

GK_API int gk_series_to_xlsx(const char *path, const gk_series *s, const gk_diags *findings, gk_lang lang) {
  if (!path || !s || (lang != GK_LANG_ZH && lang != GK_LANG_EN)) return GK_EINVAL;
  gk__panel p;
  int rc = gk__series_panel(&p, s, lang);
  if (rc) return rc;
  rc = gk__panel_xlsx(path, lang == GK_LANG_EN ? "trends" : "趋势", &p, findings, lang, SIZE_MAX);
  gk__panel_free(&p);
  return rc;
}
