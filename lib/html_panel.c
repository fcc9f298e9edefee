/* SPDX-License-Identifier: MIT */
/* Panels as HTML (export_int.h): the table, and one SVG line chart per charted
 * row with its text alternative; and the series page (include/gkreport/html.h). */
#include <stdint.h>
#include <string.h>
#include "export_int.h"
#include "gkreport/html.h"
#include "gkreport/series.h"

/* 1 when cell (i, j) is a percentage: an indicator row or a percent column. */
static int pct_at(const gk__panel *p, size_t i, size_t j) {
  return i >= p->percent_from || (p->pct_col && p->pct_col[j]);
}

void gk__html_panel_table(gk__buf *b, const gk__panel *p) {
  gk__buf_puts(b, "<table>\n<caption>");
  gk__html_str(b, p->title, 0);
  gk__buf_puts(b, "</caption>\n<thead><tr><th scope=\"col\">");
  gk__html_str(b, p->corner, 0);
  gk__buf_puts(b, "</th>");
  for (size_t j = 0; j < p->ncols; j++) {
    gk__buf_puts(b, "<th scope=\"col\">");
    gk__html_str(b, p->head[j], 1);
    gk__buf_puts(b, "</th>");
  }
  gk__buf_puts(b, "</tr></thead>\n<tbody>\n");
  for (size_t i = 0; i < p->nrows; i++) {
    gk__buf_puts(b, "<tr><th scope=\"row\">");
    gk__html_str(b, p->label[i], 1);
    gk__buf_puts(b, "</th>");
    for (size_t j = 0; j < p->ncols; j++) {
      gk__buf_puts(b, "<td>");
      gk__html_str(b, p->cell[i * p->ncols + j], 1);
      if (pct_at(p, i, j) && p->cell[i * p->ncols + j][0]) gk__buf_putc(b, '%');
      gk__buf_puts(b, "</td>");
    }
    gk__buf_puts(b, "</tr>\n");
  }
  gk__buf_puts(b, "</tbody>\n</table>\n");
}

enum { W = 440, H = 200, L = 56, R = 16, T = 16, B = 36 };

/* The x of column j and the y of value v in [0, top]. */
static double xat(const gk__panel *p, size_t j) {
  return p->ncols < 2 ? L + (W - L - R) / 2.0 : L + (double)j * (W - L - R) / (double)(p->ncols - 1);
}
static double yat(double v, double lo, double hi) { return T + (H - T - B) * (hi - v) / (hi - lo); }

/* The line of row i: segments between columns that both have a number. */
static void chart_line(gk__buf *b, const gk__panel *p, size_t i, double lo, double hi) {
  gk__buf_puts(b, "<path fill=\"none\" stroke=\"#1f5fa8\" stroke-width=\"2\" d=\"");
  int open = 0;
  for (size_t j = 0; j < p->ncols; j++) {
    size_t k = i * p->ncols + j;
    if (!p->has[k]) {
      open = 0;
      continue;
    }
    gk__buf_printf(b, "%c%.1f %.1f ", open ? 'L' : 'M', xat(p, j), yat(p->num[k], lo, hi));
    open = 1;
  }
  gk__buf_puts(b, "\"/>\n");
  for (size_t j = 0; j < p->ncols; j++) {
    size_t k = i * p->ncols + j;
    if (!p->has[k]) continue;
    gk__buf_printf(b, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3.5\" fill=\"#1f5fa8\"><title>", xat(p, j),
                   yat(p->num[k], lo, hi));
    gk__html_str(b, p->head[j], 1);
    gk__buf_puts(b, ": ");
    gk__html_str(b, p->cell[k], 1);
    gk__buf_puts(b, "</title></circle>\n");
  }
}

/* Axes, year labels, the bounds and the edition-change mark. */
static void chart_frame(gk__buf *b, const gk__panel *p, double lo, double hi, int pct) {
  gk__buf_printf(b, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#888\"/>\n", L, H - B, W - R, H - B);
  gk__buf_printf(b, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#888\"/>\n", L, T, L, H - B);
  gk__buf_printf(b, "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%.6g%s</text>\n", L - 6,
                 yat(hi, lo, hi) + 4, hi, pct ? "%" : "");
  gk__buf_printf(b, "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%.6g%s</text>\n", L - 6,
                 yat(lo, lo, hi) + 4, lo, pct ? "%" : "");
  for (size_t j = 0; j < p->ncols; j++) {
    gk__buf_printf(b, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">", xat(p, j), H - B + 18);
    gk__html_str(b, p->head[j], 1);
    gk__buf_puts(b, "</text>\n");
  }
  if (p->mark_col != SIZE_MAX && p->mark_col > 0 && p->mark_col < p->ncols) {
    double x = (xat(p, p->mark_col - 1) + xat(p, p->mark_col)) / 2;
    gk__buf_printf(b, "<line x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"#c60\" "
                      "stroke-dasharray=\"5 4\"/>\n<text x=\"%.1f\" y=\"%d\" fill=\"#c60\" "
                      "text-anchor=\"middle\">", x, T, x, H - B, x, T - 4 + 12);
    gk__html_str(b, p->mark_text, 1);
    gk__buf_puts(b, "</text>\n");
  }
}

void gk__html_panel_charts(gk__buf *b, const gk__panel *p, int lang) {
  for (size_t i = 0; i < p->nrows; i++) {
    if (!p->chart[i]) continue;
    double lo = 0, hi = 0;
    size_t have = 0;
    for (size_t j = 0; j < p->ncols; j++) {
      size_t k = i * p->ncols + j;
      if (!p->has[k]) continue;
      if (p->num[k] > hi) hi = p->num[k];
      if (p->num[k] < lo) lo = p->num[k];
      have++;
    }
    if (!have) continue;
    if (hi <= lo) hi = lo + 1;
    int pct = i >= p->percent_from;
    gk__buf_printf(b, "<figure>\n<figcaption id=\"g%zu\">", i);
    gk__html_str(b, p->label[i], 1);
    gk__buf_printf(b, "</figcaption>\n<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" "
                      "aria-labelledby=\"g%zu gd%zu\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\">\n"
                      "<title>", i, i, W, H, W, H);
    gk__html_str(b, p->label[i], 1);
    gk__buf_printf(b, "</title>\n<desc id=\"gd%zu\">", i);
    for (size_t j = 0; j < p->ncols; j++) {
      const char *v = p->cell[i * p->ncols + j];
      gk__buf_puts(b, j ? "; " : "");
      gk__html_str(b, p->head[j], 1);
      gk__buf_puts(b, ": ");
      if (v[0]) gk__html_str(b, v, 1);
      else gk__buf_puts(b, lang == GK_LANG_EN ? "none" : "无");
      if (v[0] && pct) gk__buf_putc(b, '%');
    }
    gk__buf_puts(b, "</desc>\n");
    chart_frame(b, p, lo, hi, pct);
    chart_line(b, p, i, lo, hi);
    gk__buf_puts(b, "</svg>\n</figure>\n");
  }
}

/* A list of findings that name no cell of a page (series findings). */
static void put_plain_findings(gk__buf *b, const gk_diags *d, int lang) {
  static const char *const sev[] = {"info", "warning", "error"};
  size_t n = d ? gk_diags_count(d) : 0;
  gk__buf_printf(b, "<section id=\"findings\" class=\"findings\">\n<h2>%s</h2>\n",
                 lang == GK_LANG_EN ? "Findings" : "检查发现的问题");
  if (!n) {
    gk__buf_printf(b, "<p>%s</p>\n</section>\n", lang == GK_LANG_EN ? "No finding." : "未发现问题。");
    return;
  }
  gk__buf_puts(b, "<ol>\n");
  for (size_t i = 0; i < n; i++) {
    int s = gk_diag_severity(d, i);
    if (s < 0 || s > 2) s = 0;
    gk__buf_printf(b, "<li id=\"f%zu\"><span class=\"sev-%s\">%s</span> <code>", i + 1, sev[s], sev[s]);
    gk__html_str(b, gk_diag_rule(d, i), 0);
    gk__buf_puts(b, "</code> ");
    if (gk_diag_file(d, i)) {
      gk__html_str(b, gk_diag_file(d, i), 1);
      gk__buf_puts(b, ": ");
    }
    gk__html_str(b, gk_diag_message(d, i, lang), 0);
    gk__buf_puts(b, "</li>\n");
  }
  gk__buf_puts(b, "</ol>\n</section>\n");
}

/* Rows with a number in column col, ranked by it, largest first (a stable merge
 * sort: linear-log for any number of rows). GK_OK or GK_ENOMEM. */
static int rank_rows(size_t **idx_out, size_t *n_out, const gk__panel *p, size_t col) {
  size_t n = 0, *a = gk__malloc((p->nrows ? p->nrows : 1) * sizeof *a * 2);
  *idx_out = a;
  *n_out = 0;
  if (!a) return GK_ENOMEM;
  for (size_t i = 0; i < p->nrows; i++)
    if (p->has[i * p->ncols + col]) a[n++] = i;
  size_t *src = a, *dst = a + p->nrows;
  for (size_t w = 1; w < n; w *= 2, src = dst, dst = src == a ? a + p->nrows : a) {
    for (size_t lo = 0; lo < n; lo += 2 * w) {
      size_t mid = lo + w < n ? lo + w : n, hi = lo + 2 * w < n ? lo + 2 * w : n;
      size_t i = lo, j = mid, k = lo;
      while (i < mid && j < hi)
        dst[k++] = p->num[src[j] * p->ncols + col] > p->num[src[i] * p->ncols + col] ? src[j++] : src[i++];
      while (i < mid) dst[k++] = src[i++];
      while (j < hi) dst[k++] = src[j++];
    }
  }
  if (src != a) memcpy(a, src, n * sizeof *a);
  *n_out = n;
  return GK_OK;
}

int gk__html_panel_bars(gk__buf *b, const gk__panel *p, size_t col, int lang) {
  size_t *idx, n;
  if (col >= p->ncols) return GK_EINVAL;
  int rc = rank_rows(&idx, &n, p, col);
  if (rc) return rc;
  double hi = 0;
  for (size_t k = 0; k < n; k++)
    if (p->num[idx[k] * p->ncols + col] > hi) hi = p->num[idx[k] * p->ncols + col];
  if (hi <= 0) hi = 1;
  enum { BW = 640, LW = 220, RH = 18 };
  gk__buf_puts(b, "<figure>\n<figcaption id=\"rank\">");
  gk__html_str(b, p->head[col], 1);
  gk__buf_printf(b, "</figcaption>\n<svg xmlns=\"http://www.w3.org/2000/svg\" role=\"img\" "
                    "aria-labelledby=\"rank rankd\" width=\"%d\" height=\"%zu\" viewBox=\"0 0 %d %zu\">\n"
                    "<title>", BW, n * RH + 4, BW, n * RH + 4);
  gk__html_str(b, p->head[col], 1);
  gk__buf_puts(b, "</title>\n<desc id=\"rankd\">");
  for (size_t k = 0; k < n; k++) {
    gk__buf_puts(b, k ? "; " : "");
    gk__html_str(b, p->label[idx[k]], 1);
    gk__buf_puts(b, ": ");
    gk__html_str(b, p->cell[idx[k] * p->ncols + col], 1);
    if (pct_at(p, idx[k], col)) gk__buf_putc(b, '%');
  }
  if (!n) gk__buf_puts(b, lang == GK_LANG_EN ? "no value" : "无数值");
  gk__buf_puts(b, "</desc>\n");
  for (size_t k = 0; k < n; k++) {
    double v = p->num[idx[k] * p->ncols + col], w = v > 0 ? (BW - LW - 60) * v / hi : 0;
    gk__buf_printf(b, "<text x=\"%d\" y=\"%zu\" text-anchor=\"end\">", LW - 6, k * RH + 14);
    gk__html_str(b, p->label[idx[k]], 1);
    gk__buf_printf(b, "</text><rect x=\"%d\" y=\"%zu\" width=\"%.1f\" height=\"%d\" fill=\"#1f5fa8\"/>"
                      "<text x=\"%.1f\" y=\"%zu\">", LW, k * RH + 3, w, RH - 5, LW + w + 4, k * RH + 14);
    gk__html_str(b, p->cell[idx[k] * p->ncols + col], 1);
    if (pct_at(p, idx[k], col)) gk__buf_putc(b, '%');
    gk__buf_puts(b, "</text>\n");
  }
  gk__buf_puts(b, "</svg>\n</figure>\n");
  gk__free(idx);
  return GK_OK;
}

int gk__panel_page(char **out, size_t *len_out, const char *title, const gk__panel *p,
                   const gk_diags *findings, int lang, size_t rank_col) {
  gk__buf b;
  gk__buf_init(&b);
  gk__html_begin(&b, title, lang);
  gk__buf_puts(&b, "<header>\n<h1>");
  gk__html_str(&b, title, 1);
  gk__buf_puts(&b, "</h1>\n</header>\n<main>\n<section id=\"charts\">\n");
  int rc = GK_OK;
  if (rank_col == SIZE_MAX) gk__html_panel_charts(&b, p, lang);
  else rc = gk__html_panel_bars(&b, p, rank_col, lang);
  gk__buf_puts(&b, "</section>\n<section id=\"table\">\n");
  gk__html_panel_table(&b, p);
  gk__buf_puts(&b, "</section>\n");
  if (findings || rank_col == SIZE_MAX) put_plain_findings(&b, findings, lang);
  gk__buf_puts(&b, "</main>\n");
  gk__html_end(&b);
  if (rc) {
    gk__buf_free(&b);
    return rc;
  }
  return gk__buf_finish(&b, out, len_out);
}

GK_API int gk_series_to_html(char **out, size_t *len_out, const gk_series *s,
                             const gk_diags *findings, gk_lang lang) {
  if (out) *out = NULL;
  if (len_out) *len_out = 0;
  if (!out || !s || (lang != GK_LANG_ZH && lang != GK_LANG_EN)) return GK_EINVAL;
  gk__panel p;
  int rc = gk__series_panel(&p, s, lang);
  if (rc) return rc;
  size_t n = gk_series_count(s);
  const gk_report *last = n ? gk_series_report(s, n - 1) : NULL;
  const char *name = last ? gk_report_agency(last, GK_AGENCY_NAME) : NULL;
  gk__buf title;
  gk__buf_init(&title);
  if (name) gk__buf_puts(&title, name);
  if (n)
    gk__buf_printf(&title, " %d–%d", gk_report_year(gk_series_report(s, 0)), gk_report_year(last));
  gk__buf_puts(&title, lang == GK_LANG_EN ? " disclosure reports: trends" : " 政府信息公开工作年度报告趋势");
  gk__buf_putc(&title, '\0');
  rc = title.err ? title.err : gk__panel_page(out, len_out, title.data, &p, findings, lang, SIZE_MAX);
  gk__buf_free(&title);
  gk__panel_free(&p);
  return rc;
}
