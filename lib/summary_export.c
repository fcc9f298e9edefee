/* SPDX-License-Identifier: MIT */
/* The summary as a page and a workbook (include/gkreport/html.h, xlsx.h): the
 * panel of a summary (export_int.h), one row per report labelled by its agency
 * and year, one column per summary column, ranked by a numeric column. */
#include <stdint.h>
#include <string.h>
#include "export_int.h"
#include "gkreport/html.h"
#include "gkreport/xlsx.h"
#include "gkreport/summary.h"

/* The text of row i's cell in column `id` ("" when there is no such column). */
static const char *cell_of(const gk_summary *s, size_t i, const char *id) {
  size_t c;
  const char *t = gk_summary_col_find(&c, id) == GK_OK ? gk_summary_cell(s, i, c) : NULL;
  return t ? t : "";
}

/* Row i's label: its agency and year ("宿迁市 2023"), its file when it names no agency. */
static int row_label(gk__panel *p, const gk_summary *s, size_t i) {
  const char *agency = cell_of(s, i, "agency"), *year = cell_of(s, i, "year");
  gk__buf b;
  gk__buf_init(&b);
  gk__buf_puts(&b, agency[0] ? agency : cell_of(s, i, "file"));
  if (year[0]) gk__buf_printf(&b, " %s", year);
  gk__buf_putc(&b, '\0');
  int rc = b.err ? b.err : gk__panel_set(&p->label[i], b.data);
  gk__buf_free(&b);
  return rc;
}

/* Row i's cells: the texts, and the numbers of the numeric columns. */
static int row_cells(gk__panel *p, const gk_summary *s, size_t i) {
  int rc = row_label(p, s, i);
  for (size_t c = 0; c < p->ncols && !rc; c++) {
    const char *t = gk_summary_cell(s, i, c);
    size_t k = i * p->ncols + c;
    int64_t v = 0;
    rc = gk__panel_set(&p->cell[k], t);
    if (!rc && t && t[0] && gk_summary_col_kind(c) != GK_SUMMARY_TEXT &&
        gk_decimal_parse(&v, t, strlen(t)) == GK_OK) {
      p->num[k] = (double)v / 1e6;
      p->has[k] = 1;
    }
  }
  return rc;
}

static int summary_panel(gk__panel *p, const gk_summary *s, int lang) {
  size_t n = gk_summary_row_count(s), nc = gk_summary_col_count();
  int rc = gk__panel_init(p, n, nc);
  if (rc) return rc;
  int en = lang == GK_LANG_EN;
  p->corner = en ? "Report" : "报告";
  p->title = en ? "One row per report" : "各报告主要数据与指标";
  for (size_t c = 0; c < nc && !rc; c++) {
    rc = gk__panel_set(&p->head[c], gk_summary_col_label(c, lang));
    p->pct_col[c] = gk_summary_col_kind(c) == GK_SUMMARY_PERCENT;
  }
  for (size_t i = 0; i < n && !rc; i++) rc = row_cells(p, s, i);
  if (rc) gk__panel_free(p);
  return rc;
}

/* The ranking column: `id` (NULL: rate.disclosed), a numeric column. */
static int rank_column(size_t *col, const char *id) {
  int rc = gk_summary_col_find(col, id ? id : "rate.disclosed");
  if (rc) return rc;
  return gk_summary_col_kind(*col) == GK_SUMMARY_TEXT ? GK_EINVAL : GK_OK;
}

GK_API int gk_summary_to_html(char **out, size_t *len_out, const gk_summary *s,
                              const char *rank_by, gk_lang lang) {
  if (out) *out = NULL;
  if (len_out) *len_out = 0;
  if (!out || !s || (lang != GK_LANG_ZH && lang != GK_LANG_EN)) return GK_EINVAL;
  size_t col;
  int rc = rank_column(&col, rank_by);
  if (rc) return rc;
  gk__panel p;
  rc = summary_panel(&p, s, lang);
  if (rc) return rc;
  gk__buf title;
  gk__buf_init(&title);
  if (lang == GK_LANG_EN)
    gk__buf_printf(&title, "Disclosure annual reports: summary of %zu", p.nrows);
  else
    gk__buf_printf(&title, "政府信息公开工作年度报告汇总（%zu份）", p.nrows);
  gk__buf_putc(&title, '\0');
  rc = title.err ? title.err : gk__panel_page(out, len_out, title.data, &p, NULL, lang, col);
  gk__buf_free(&title);
  gk__panel_free(&p);
  return rc;
}

GK_API int gk_summary_to_xlsx(const char *path, const gk_summary *s, gk_lang lang) {
  if (!path || !s || (lang != GK_LANG_ZH && lang != GK_LANG_EN)) return GK_EINVAL;
  gk__panel p;
  int rc = summary_panel(&p, s, lang);
  if (rc) return rc;
  /* any rank column: the sheet gets filters (sorting in Excel), no chart */
  rc = gk__panel_xlsx(path, lang == GK_LANG_EN ? "summary" : "汇总", &p, NULL, lang, 0);
  gk__panel_free(&p);
  return rc;
}
