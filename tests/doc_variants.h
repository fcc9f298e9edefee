/* SPDX-License-Identifier: MIT */
/* The document variants generator of test_doc_variants.c: each complete given
 * report (tests/data/real/<name>.truth.json, loaded by gk_test_load_truth) laid out
 * once in the official table layout (labels from the library's schema, values
 * from the truth; a blank truth cell is an empty cell) and rendered as the web
 * pages and Word files real offices publish, one quirk set per variant (see
 * the V_* and D_* flags). Header-only (static) like doc_testutil.h. The .docx
 * packages are built in memory with libzip. */
#ifndef GK_DOC_VARIANTS_H
#define GK_DOC_VARIANTS_H

#include <iconv.h>
#include <stdarg.h>
#include <zip.h>
#include "doc_testutil.h"

/* ------------------------------------------------------------ a string builder */

typedef struct {
  char *p;
  size_t n, cap;
} vs;

static void vs_addn(vs *s, const char *t, size_t k) {
  if (s->n + k + 1 > s->cap) {
    size_t nc = s->cap ? s->cap : 4096;
    while (nc < s->n + k + 1) nc *= 2;
    s->p = realloc(s->p, nc);
    CU_ASSERT_PTR_NOT_NULL_FATAL(s->p);
    s->cap = nc;
  }
  memcpy(s->p + s->n, t, k);
  s->n += k;
  s->p[s->n] = 0;
}

static void vs_add(vs *s, const char *t) { vs_addn(s, t, strlen(t)); }

static void vs_fmt(vs *s, const char *fmt, ...) {
  char buf[4096];
  va_list ap;
  va_start(ap, fmt);
  int k = vsnprintf(buf, sizeof buf, fmt, ap);
  va_end(ap);
  CU_ASSERT_TRUE_FATAL(k >= 0 && (size_t)k < sizeof buf);
  vs_addn(s, buf, (size_t)k);
}

/* Text with & < > escaped. */
static void vs_esc(vs *s, const char *t) {
  for (; *t; t++) {
    if (*t == '&') vs_add(s, "&amp;");
    else if (*t == '<') vs_add(s, "&lt;");
    else if (*t == '>') vs_add(s, "&gt;");
    else vs_addn(s, t, 1);
  }
}

/* Text escaped, its source line broken the way Word wraps the HTML it saves:
 * a CR LF between two Chinese characters every ten or so. */
static void vs_esc_wrap(vs *s, const char *t) {
  int run = 0;
  for (; *t; t++) {
    int lead3 = ((unsigned char)*t & 0xF0) == 0xE0;
    if (lead3 && run >= 10) {
      vs_add(s, "\r\n");
      run = 0;
    }
    run += lead3;
    if (!lead3 && !((unsigned char)*t & 0x80)) run = 0;
    if (*t == '&') vs_add(s, "&amp;");
    else if (*t == '<') vs_add(s, "&lt;");
    else vs_addn(s, t, 1);
  }
}

/* ------------------------------------------------------------ the layout */

typedef struct {
  char *text;
  int rs, cs, hdr;
} vcell;

typedef struct {
  vcell c[48];
  int n;
} vrow;

typedef struct {
  vrow *r;
  int n, nhead; /* nhead: header rows at the top (repeated when split) */
} vtable;

typedef struct {
  int ed, year;
  char title[512], agency[256];
  vtable t[GK_NTABLES];
} vdoc;

static const char *const v_ord[] = {"一", "二", "三", "四", "五", "六"};

static vrow *vt_row(vtable *t) {
  t->r = realloc(t->r, (size_t)(t->n + 1) * sizeof *t->r);
  CU_ASSERT_PTR_NOT_NULL_FATAL(t->r);
  memset(&t->r[t->n], 0, sizeof *t->r);
  return &t->r[t->n++];
}

static void vr_cell(vrow *r, const char *text, int rs, int cs, int hdr) {
  CU_ASSERT_TRUE_FATAL(r->n < 48);
  vcell *c = &r->c[r->n++];
  c->text = strdup(text ? text : "");
  c->rs = rs;
  c->cs = cs;
  c->hdr = hdr;
}

/* The truth's text of a cell, "" when the truth leaves it blank. */
static void v_value(char *buf, size_t cap, const gk_report *truth, const cJSON *cells, int t,
                    size_t row, size_t col) {
  char path[128];
  gk_schema_path_format(path, sizeof path, gk_report_edition(truth), t, row, col);
  buf[0] = 0;
  if (cJSON_GetObjectItemCaseSensitive(cells, path)) gk_report_text(buf, cap, truth, path, GK_NUL_TERMINATED);
}

static int v_row_given(const vdoc *d, const gk_report *truth, const cJSON *cells, int t,
                       size_t row) {
  for (size_t c = 0; c < gk_schema_ncols(d->ed, t); c++) {
    char v[64];
    v_value(v, sizeof v, truth, cells, t, row, c);
    if (v[0]) return 1;
  }
  return 0;
}

/* 二: one header row per group of rows sharing their columns. */
static void v_active(vdoc *d, const gk_report *truth, const cJSON *cells) {
  int t = GK_TABLE_ACTIVE;
  vtable *tb = &d->t[t];
  size_t ncols = gk_schema_ncols(d->ed, t);
  uint64_t mask = UINT64_MAX;
  for (size_t r = 0; r < gk_schema_nrows(d->ed, t); r++) {
    uint64_t m = 0;
    int k = 0;
    for (size_t c = 0; c < ncols; c++)
      if (gk_schema_cell_exists(d->ed, t, r, c)) m |= 1ull << c, k++;
    if (m != mask) {
      vrow *h = vt_row(tb);
      if (mask == UINT64_MAX) tb->nhead = 1;
      mask = m;
      vr_cell(h, "信息内容", 1, 1, 1);
      for (size_t c = 0; c < ncols; c++)
        if (m >> c & 1) vr_cell(h, gk_schema_col_label(d->ed, t, c, GK_LANG_ZH), 1, 1, 1);
      if ((size_t)k < ncols) vr_cell(h, "", 1, (int)ncols - k, 1);
    }
    vrow *row = vt_row(tb);
    vr_cell(row, gk_schema_row_label(d->ed, t, r, GK_LANG_ZH), 1, 1, 0);
    for (size_t c = 0; c < ncols; c++)
      if (m >> c & 1) {
        char v[64];
        v_value(v, sizeof v, truth, cells, t, r, c);
        vr_cell(row, v, 1, 1, 0);
      }
    if ((size_t)k < ncols) vr_cell(row, "", 1, (int)ncols - k, 0);
  }
}

static void v_requests_head(vdoc *d) {
  int t = GK_TABLE_REQUESTS;
  vtable *tb = &d->t[t];
  vrow *h = vt_row(tb);
  vr_cell(h, "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", 3, 3, 1);
  vr_cell(h, "申请人情况", 1, 7, 1);
  h = vt_row(tb);
  vr_cell(h, gk_schema_col_label(d->ed, t, 0, GK_LANG_ZH), 2, 1, 1);
  vr_cell(h, "法人或其他组织", 1, 5, 1);
  vr_cell(h, gk_schema_col_label(d->ed, t, 6, GK_LANG_ZH), 2, 1, 1);
  h = vt_row(tb);
  for (size_t c = 1; c < 6; c++) vr_cell(h, gk_schema_col_label(d->ed, t, c, GK_LANG_ZH), 1, 1, 1);
  tb->nhead = 3;
}

/* A row printed as its own row: a leaf, or a parent whose values are given
 * (its children then not printed). */
static int v_req_own(const vdoc *d, const gk_report *truth, const cJSON *cells, size_t r) {
  int t = GK_TABLE_REQUESTS;
  int kids = 0;
  for (size_t k = 0; k < gk_schema_nrows(d->ed, t); k++) kids += gk_schema_row_parent(d->ed, t, k) == (int)r;
  return !kids || ((gk_schema_row_flags(d->ed, t, r) & GK_ROW_STORED) &&
                   v_row_given(d, truth, cells, t, r));
}

static int v_req_shown(const vdoc *d, const gk_report *truth, const cJSON *cells, size_t r) {
  int p = gk_schema_row_parent(d->ed, GK_TABLE_REQUESTS, r);
  return p < 0 ? v_req_own(d, truth, cells, r) : !v_req_own(d, truth, cells, (size_t)p);
}

/* 三: three header rows, then the rows; the outcome rows under one merged
 * label, children under their parent's merged label. */
static void v_requests(vdoc *d, const gk_report *truth, const cJSON *cells) {
  int t = GK_TABLE_REQUESTS;
  vtable *tb = &d->t[t];
  size_t nrows = gk_schema_nrows(d->ed, t), ncols = gk_schema_ncols(d->ed, t);
  v_requests_head(d);
  int n_out = 0, first = 1;
  for (size_t r = 0; r < nrows; r++)
    if (v_req_shown(d, truth, cells, r) &&
        ((gk_schema_row_flags(d->ed, t, r) & GK_ROW_OUTCOME) || gk_schema_row_parent(d->ed, t, r) >= 0))
      n_out++;
  int last_parent = -1;
  for (size_t r = 0; r < nrows; r++) {
    if (!v_req_shown(d, truth, cells, r)) continue;
    int p = gk_schema_row_parent(d->ed, t, r);
    int outcome = (gk_schema_row_flags(d->ed, t, r) & GK_ROW_OUTCOME) || p >= 0;
    vrow *row = vt_row(tb);
    const char *label = gk_schema_row_label(d->ed, t, r, GK_LANG_ZH);
    if (!outcome) {
      vr_cell(row, label, 1, 3, 0);
    } else {
      if (first) vr_cell(row, "三、本年度办理结果", n_out, 1, 0);
      first = 0;
      if (p >= 0) {
        if (p != last_parent) {
          int kids = 0;
          for (size_t k = 0; k < nrows; k++) kids += gk_schema_row_parent(d->ed, t, k) == p;
          vr_cell(row, gk_schema_row_label(d->ed, t, (size_t)p, GK_LANG_ZH), kids, 1, 0);
          last_parent = p;
        }
        vr_cell(row, label, 1, 1, 0);
      } else {
        vr_cell(row, label, 1, 2, 0);
      }
    }
    for (size_t c = 0; c < ncols; c++) {
      char v[64];
      v_value(v, sizeof v, truth, cells, t, r, c);
      vr_cell(row, v, 1, 1, 0);
    }
  }
}

/* 四: three header rows and one row of every value. */
static void v_review(vdoc *d, const gk_report *truth, const cJSON *cells) {
  int t = GK_TABLE_REVIEW;
  vtable *tb = &d->t[t];
  size_t nrows = gk_schema_nrows(d->ed, t), ncols = gk_schema_ncols(d->ed, t);
  vrow *h = vt_row(tb);
  vr_cell(h, gk_schema_row_label(d->ed, t, 0, GK_LANG_ZH), 1, (int)ncols, 1);
  vr_cell(h, "行政诉讼", 1, (int)(ncols * (nrows - 1)), 1);
  h = vt_row(tb);
  for (size_t c = 0; c < ncols; c++) vr_cell(h, gk_schema_col_label(d->ed, t, c, GK_LANG_ZH), 2, 1, 1);
  for (size_t r = 1; r < nrows; r++)
    vr_cell(h, gk_schema_row_label(d->ed, t, r, GK_LANG_ZH), 1, (int)ncols, 1);
  h = vt_row(tb);
  for (size_t r = 1; r < nrows; r++)
    for (size_t c = 0; c < ncols; c++) vr_cell(h, gk_schema_col_label(d->ed, t, c, GK_LANG_ZH), 1, 1, 1);
  tb->nhead = 3;
  vrow *row = vt_row(tb);
  for (size_t r = 0; r < nrows; r++)
    for (size_t c = 0; c < ncols; c++) {
      char v[64];
      v_value(v, sizeof v, truth, cells, t, r, c);
      vr_cell(row, v, 1, 1, 0);
    }
}

/* The layout of a given report; *truth_out gets its truth (free both). */
static void vdoc_build(vdoc *d, const char *name, gk_report **truth_out) {
  cJSON *doc = NULL;
  gk_report *truth = gk_test_load_truth(GK_REAL_DATA, name, &doc);
  memset(d, 0, sizeof *d);
  d->ed = gk_report_edition(truth);
  d->year = gk_report_year(truth);
  snprintf(d->agency, sizeof d->agency, "%s", gk_report_agency(truth, GK_AGENCY_NAME));
  snprintf(d->title, sizeof d->title, "%s%d年政府信息公开工作年度报告", d->agency, d->year);
  const cJSON *cells = cJSON_GetObjectItemCaseSensitive(doc, "cells");
  v_active(d, truth, cells);
  v_requests(d, truth, cells);
  v_review(d, truth, cells);
  cJSON_Delete(doc);
  *truth_out = truth;
}

static void vdoc_free(vdoc *d) {
  for (int t = 0; t < GK_NTABLES; t++) {
    for (int i = 0; i < d->t[t].n; i++)
      for (int k = 0; k < d->t[t].r[i].n; k++) free(d->t[t].r[i].c[k].text);
    free(d->t[t].r);
  }
}

/* The heading of part i (0..5): its number and the schema's label. */
static void v_heading(char *buf, size_t cap, int i) {
  static const int sections[] = {GK_SECTION_OVERVIEW, -1, -1, -1, GK_SECTION_PROBLEMS, GK_SECTION_OTHER};
  const char *label = sections[i] >= 0 ? gk_schema_section_label(sections[i], GK_LANG_ZH)
                                       : gk_schema_table_label(i - 1, GK_LANG_ZH);
  snprintf(buf, cap, "%s、%s", v_ord[i], label);
}

static const char *const v_prose[] = {
    "本年度报告依据《中华人民共和国政府信息公开条例》编制。",
    "本机关坚持以公开为常态、不公开为例外，依法做好政府信息公开工作。",
    "存在的主要问题是公开内容还不够全面。下一步将加强培训，提高公开质量。",
    "本年度未收取信息处理费。",
};

/* Prose of part i (0, 4, 5). */
static const char *v_part_prose(int i) { return v_prose[i == 0 ? 1 : i - 2]; }

/* 1 when s is a number (digits, maybe a sign and a decimal part). */
static int v_numeric(const char *s) {
  if (*s == '-') s++;
  if (!(*s >= '0' && *s <= '9')) return 0;
  for (; *s; s++)
    if (!((*s >= '0' && *s <= '9') || *s == '.')) return 0;
  return 1;
}

/* ------------------------------------------------------------ HTML */

enum {
  V_WORD = 1 << 0,      /* Word "save as web page": MsoNormal, mso- styles, <o:p>, conditionals */
  V_CMS = 1 << 1,       /* a portal page: chrome, metadata table, report in div.TRS_Editor */
  V_TH = 1 << 2,        /* <thead>/<th> header cells */
  V_SPLIT = 1 << 3,     /* each table split in two at a page break, header repeated */
  V_LAYOUT = 1 << 4,    /* the report inside a two-column layout table's cell */
  V_FULLWIDTH = 1 << 5, /* values in full-width digits */
  V_TOTAL = 1 << 6,     /* a total row at the bottom of table 二 */
  V_DIVPROSE = 1 << 7,  /* prose in <div> without <p>, headings as <p><strong> */
  V_GB = 1 << 8         /* encoded GB18030, declared gb2312 in http-equiv */
};

/* Column of every cell of t (spans counted): x[i][k]. */
static void v_columns(const vtable *t, int (*x)[48]) {
  int until[64] = {0}; /* until[col]: rows covered by a rowspan from above, as row index + 1 */
  for (int i = 0; i < t->n; i++) {
    int col = 0;
    for (int k = 0; k < t->r[i].n; k++) {
      while (col < 64 && until[col] > i) col++;
      x[i][k] = col;
      for (int j = 0; j < t->r[i].c[k].cs && col + j < 64; j++) until[col + j] = i + t->r[i].c[k].rs;
      col += t->r[i].c[k].cs;
    }
  }
}

/* Split t before data row s (index into t->r): rowspans that cross the split
 * end there and go on in a copy of their cell at the top of the second part
 * (as an editor who cuts a table in two leaves them). Returns the second
 * part's rows in *second (header rows repeated first). */
static void v_split(vtable *t, int s, vtable *second) {
  static int x[256][48];
  CU_ASSERT_TRUE_FATAL(t->n <= 256);
  v_columns(t, x);
  memset(second, 0, sizeof *second);
  for (int i = 0; i < t->nhead; i++) {
    vrow *h = vt_row(second);
    for (int k = 0; k < t->r[i].n; k++) {
      const vcell *c = &t->r[i].c[k];
      vr_cell(h, c->text, c->rs, c->cs, c->hdr);
    }
  }
  second->nhead = t->nhead;
  vrow *top = vt_row(second);
  int cx[48], n = 0;
  for (int i = 0; i < s; i++)
    for (int k = 0; k < t->r[i].n; k++) {
      vcell *c = &t->r[i].c[k];
      if (i + c->rs <= s) continue;
      vr_cell(top, c->text, i + c->rs - s, c->cs, c->hdr);
      cx[n++] = x[i][k];
      c->rs = s - i;
    }
  for (int k = 0; k < t->r[s].n; k++) { /* row s's own cells, merged in by column */
    const vcell *c = &t->r[s].c[k];
    int at = n;
    while (at > 0 && cx[at - 1] > x[s][k]) at--;
    vr_cell(top, c->text, c->rs, c->cs, c->hdr);
    vcell moved = top->c[top->n - 1];
    memmove(&top->c[at + 1], &top->c[at], (size_t)(top->n - 1 - at) * sizeof(vcell));
    top->c[at] = moved;
    memmove(&cx[at + 1], &cx[at], (size_t)(n - at) * sizeof(int));
    cx[at] = x[s][k];
    n++;
  }
  for (int i = s + 1; i < t->n; i++) {
    vrow *r = vt_row(second);
    *r = t->r[i];
    t->r[i].n = 0;
  }
  for (int k = 0; k < t->r[s].n; k++) free(t->r[s].c[k].text);
  t->r[s].n = 0;
  t->n = s;
}

static void v_digits(vs *s, const char *t, int flags) {
  for (; *t; t++) {
    if ((flags & V_FULLWIDTH) && *t >= '0' && *t <= '9') vs_fmt(s, "\xEF\xBC%c", (char)(0x90 + *t - '0'));
    else if (*t == '&') vs_add(s, "&amp;");
    else if (*t == '<') vs_add(s, "&lt;");
    else vs_addn(s, t, 1);
  }
}

/* Cell text: Word gives each line its <p class=MsoNormal> and wraps digits in
 * <span lang=EN-US>; an empty Word cell holds <o:p>&nbsp;</o:p>. */
static void v_html_text(vs *s, const char *text, int flags) {
  if (!(flags & V_WORD)) {
    if (!*text && (flags & V_CMS)) vs_add(s, "&nbsp;");
    v_digits(s, text, flags);
    return;
  }
  if (!*text) {
    vs_add(s, "<p class=MsoNormal align=center style='text-align:center'><span lang=EN-US>"
              "<o:p>&nbsp;</o:p></span></p>");
    return;
  }
  size_t n = strlen(text), half = n > 36 && !v_numeric(text) ? 24 : n; /* lines of 8 CJK */
  for (size_t at = 0, k; at < n; at += k) {
    k = at + half > n ? n - at : half;
    while (at + k < n && (text[at + k] & 0xC0) == 0x80) k++;
    char line[512];
    snprintf(line, sizeof line, "%.*s", (int)k, text + at);
    vs_add(s, "<p class=MsoNormal align=center style='text-align:center;mso-pagination:\n"
              "widow-orphan'>");
    if (v_numeric(line)) {
      vs_add(s, "<span lang=EN-US style='font-size:10.5pt;font-family:\"Times New Roman\"'>");
      v_digits(s, line, flags);
      vs_add(s, "</span>");
    } else {
      vs_add(s, "<span style='font-size:10.5pt;font-family:宋体;mso-ascii-font-family:\"Times New "
                "Roman\"'>");
      if (flags & V_FULLWIDTH) v_digits(s, line, flags);
      else vs_esc_wrap(s, line);
      vs_add(s, "</span>");
    }
    vs_add(s, "<span lang=EN-US style='font-size:10.5pt'><o:p></o:p></span></p>\n");
  }
}

static void v_html_rows(vs *s, const vtable *t, int from, int to, int flags) {
  for (int i = from; i < to; i++) {
    vs_add(s, (flags & V_WORD) ? "<tr style='mso-yfti-irow:0;height:20.0pt'>\n" : "<tr>");
    for (int k = 0; k < t->r[i].n; k++) {
      const vcell *c = &t->r[i].c[k];
      const char *tag = (flags & V_TH) && c->hdr ? "th" : "td";
      vs_fmt(s, "<%s", tag);
      if (flags & V_WORD) vs_add(s, " width=57");
      if (c->rs > 1) vs_fmt(s, (flags & V_WORD) ? " rowspan=%d" : " rowspan=\"%d\"", c->rs);
      if (c->cs > 1) vs_fmt(s, (flags & V_WORD) ? " colspan=%d" : " colspan=\"%d\"", c->cs);
      if (flags & V_WORD)
        vs_add(s, "\n  style='width:42.5pt;border:solid windowtext 1.0pt;border-top:none;\n"
                  "  mso-border-alt:solid windowtext .5pt;padding:0cm 5.4pt 0cm 5.4pt'");
      vs_add(s, ">");
      v_html_text(s, c->text, flags);
      vs_fmt(s, "</%s>", tag);
    }
    vs_add(s, (flags & V_WORD) ? "\n</tr>\n" : "</tr>\n");
  }
}

static void v_html_table(vs *s, const vtable *t, int flags) {
  if (flags & V_WORD)
    vs_add(s, "<div align=center>\n<table class=MsoNormalTable border=1 cellspacing=0 cellpadding=0\n"
              " style='border-collapse:collapse;border:none;mso-border-alt:solid windowtext .5pt;\n"
              " mso-yfti-tbllook:1184;mso-padding-alt:0cm 5.4pt 0cm 5.4pt'>\n");
  else
    vs_add(s, "<table border=\"1\" cellspacing=\"0\" style=\"width:100%\">\n");
  if (flags & V_TH) {
    vs_add(s, "<thead>");
    v_html_rows(s, t, 0, t->nhead, flags);
    vs_add(s, "</thead><tbody>\n");
    v_html_rows(s, t, t->nhead, t->n, flags);
    vs_add(s, "</tbody>");
  } else {
    v_html_rows(s, t, 0, t->n, flags);
  }
  vs_add(s, (flags & V_WORD) ? "</table>\n</div>\n" : "</table>\n");
}

/* A table, split in two at a page break when the variant says so. */
static void v_html_part_table(vs *s, vtable *t, int flags) {
  if (!(flags & V_SPLIT) || t->n - t->nhead < 2) {
    v_html_table(s, t, flags);
    return;
  }
  vtable second;
  v_split(t, t->nhead + (t->n - t->nhead) / 2, &second);
  v_html_table(s, t, flags);
  vs_add(s, (flags & V_WORD) ? "<span lang=EN-US style='font-size:10.5pt;mso-fareast-font-family:"
                               "宋体'><br clear=all style='page-break-before:always'>\n</span>\n"
                             : "<p style=\"page-break-after:always\"></p>\n");
  v_html_table(s, &second, flags);
  for (int i = 0; i < second.n; i++)
    for (int k = 0; k < second.r[i].n; k++) free(second.r[i].c[k].text);
  free(second.r);
}

static void v_html_para(vs *s, const char *text, int flags) {
  if (flags & V_WORD) {
    vs_add(s, "<p class=MsoNormal style='text-indent:32.0pt;mso-char-indent-count:2.0;\n"
              "line-height:28.0pt;mso-line-height-rule:exactly'><span style='font-family:仿宋_GB2312'>");
    vs_esc_wrap(s, text);
    vs_add(s, "</span><![if !supportMisc]><span lang=EN-US style='mso-spacerun:yes'>&nbsp;</span>"
              "<![endif]><span lang=EN-US><o:p></o:p></span></p>\n");
  } else if (flags & V_DIVPROSE) {
    vs_add(s, "<div style=\"text-indent:2em;line-height:2\">&#8203;\xEF\xBB\xBF"); /* ZWSP, BOM */
    vs_esc(s, text);
    vs_add(s, "</div>\n");
  } else {
    vs_add(s, "<p style=\"text-indent:2em\">");
    vs_esc(s, text);
    vs_add(s, "</p>\n");
  }
}

static void v_html_heading(vs *s, int i, int flags) {
  char h[256];
  v_heading(h, sizeof h, i);
  size_t num = strlen(v_ord[i]) + 3; /* 一、 */
  if (flags & V_WORD) {
    vs_fmt(s, "<p class=MsoListParagraph style='margin-left:0cm;text-indent:32.0pt;mso-list:l0 level1 "
              "lfo1'><![if !supportLists]><span style='font-family:黑体;mso-bidi-font-family:黑体'>"
              "<span style='mso-list:Ignore'>%.*s</span></span><![endif]><b><span style='font-family:"
              "黑体'>",
           (int)num, h);
    vs_esc(s, h + num);
    vs_add(s, "</span></b><b><span lang=EN-US><o:p></o:p></span></b></p>\n");
  } else if (flags & V_DIVPROSE) {
    vs_add(s, "<p style=\"text-indent:2em\"><strong>");
    vs_esc(s, h);
    vs_add(s, "</strong></p>\n");
  } else {
    vs_add(s, "<h2>");
    vs_esc(s, h);
    vs_add(s, "</h2>\n");
  }
}

/* A total row at the bottom of 二: the sums of the first group's columns. */
static void v_total_row(vtable *t) {
  long sum[48] = {0};
  int width = t->r[0].n, i = 1;
  for (; i < t->n && t->r[i].n == width && !t->r[i].c[0].hdr; i++)
    for (int k = 1; k < width; k++) sum[k] += atol(t->r[i].c[k].text);
  vrow *r = vt_row(t);
  vr_cell(r, "合计", 1, 1, 0);
  for (int k = 1; k < width; k++) {
    char v[32];
    snprintf(v, sizeof v, "%ld", sum[k]);
    vr_cell(r, v, 1, t->r[0].c[k].cs, 0);
  }
}

static void v_html_body(vs *s, vdoc *d, int flags) {
  if (flags & V_WORD) {
    vs_add(s, "<p class=MsoTitle align=center style='text-align:center'><b><span style='font-size:"
              "22.0pt;font-family:方正小标宋简体'>");
    vs_esc_wrap(s, d->title);
    vs_add(s, "</span></b><b><span lang=EN-US><o:p></o:p></span></b></p>\n");
  } else if (flags & V_CMS) {
    vs_add(s, "<p style=\"text-align:center\"><strong>");
    vs_esc(s, d->title);
    vs_add(s, "</strong></p>\n");
  } else {
    vs_add(s, "<h1>");
    vs_esc(s, d->title);
    vs_add(s, "</h1>\n");
  }
  if (flags & V_TOTAL) v_total_row(&d->t[GK_TABLE_ACTIVE]);
  v_html_para(s, v_prose[0], flags);
  for (int i = 0; i < 6; i++) {
    v_html_heading(s, i, flags);
    if (i >= 1 && i <= 3) v_html_part_table(s, &d->t[i - 1], flags);
    else v_html_para(s, v_part_prose(i), flags);
  }
}

static void v_cms_top(vs *s, const vdoc *d) {
  vs_add(s, "<div class=\"header\"><div class=\"logo\"><img src=\"/images/logo.png\" alt=\"\"></div>\n"
            "<ul class=\"menu\"><li><a href=\"/\">首页</a></li><li><a href=\"/zwgk/\">政务公开</a></li>"
            "<li><a href=\"/hdjl/\">互动交流</a></li></ul>\n<form class=\"search\"><input name=q>"
            "<button>搜索</button></form></div>\n");
  vs_add(s, "<div class=\"breadcrumb\">当前位置：<a href=\"/\">首页</a> &gt; <a>政府信息公开</a> &gt; "
            "<a>年度报告</a></div>\n");
  vs_fmt(s, "<table class=\"xxgk_table\" cellspacing=0>\n<tr><th>索引号：</th><td>11320800MB%04d/"
            "2025-00012</td><th>主题分类：</th><td>政务公开</td></tr>\n<tr><th>发布机构：</th><td>",
         d->year);
  vs_esc(s, d->agency);
  vs_fmt(s, "</td><th>公开日期：</th><td>%d-01-18</td></tr>\n<tr><th>名称：</th><td colspan=3>",
         d->year + 1);
  vs_esc(s, d->title);
  vs_add(s, "</td></tr>\n</table>\n<div class=\"article\">\n<h1 class=\"article-title\">");
  vs_esc(s, d->title);
  vs_fmt(s, "</h1>\n<div class=\"article-info\">发布时间：%d-01-18 来源：", d->year + 1);
  vs_esc(s, d->agency);
  vs_add(s, " 【字体：<a>大</a> <a>中</a> <a>小</a>】</div>\n<div class=\"TRS_Editor\">"
            "<div class=\"Custom_UnionStyle\">\n");
}

static void v_cms_bottom(vs *s, const vdoc *d) {
  vs_add(s, "</div></div>\n<div class=\"bdsharebuttonbox\">分享到：<a class=\"bds_weixin\">微信</a>"
            "<a class=\"bds_tsina\">微博</a></div>\n<div class=\"print\"><a href=\"javascript:"
            "window.print()\">【打印本页】</a><a href=\"javascript:window.close()\">【关闭窗口】</a>"
            "</div>\n</div>\n<script type=\"text/javascript\">document.write('<table><tr><td>0</td>"
            "</tr></table>');</script>\n<div class=\"footer\">主办单位：");
  vs_esc(s, d->agency);
  vs_add(s, " 网站标识码：3208000001 <a>苏ICP备05009245号</a></div>\n");
}

static void v_html_head(vs *s, const vdoc *d, int flags) {
  if (flags & V_WORD)
    vs_add(s, "<html xmlns:v=\"urn:schemas-microsoft-com:vml\"\nxmlns:o=\"urn:schemas-microsoft-com:"
              "office:office\"\nxmlns:w=\"urn:schemas-microsoft-com:office:word\"\nxmlns=\"http://"
              "www.w3.org/TR/REC-html40\">\n\n<head>\n");
  else
    vs_add(s, "<!DOCTYPE html PUBLIC \"-//W3C//DTD XHTML 1.0 Transitional//EN\" \"http://www.w3.org/"
              "TR/xhtml1/DTD/xhtml1-transitional.dtd\">\n<html>\n<head>\n");
  vs_fmt(s, "<meta http-equiv=Content-Type content=\"text/html; charset=%s\">\n",
         (flags & V_GB) ? "gb2312" : "utf-8");
  if (flags & V_WORD)
    vs_add(s, "<meta name=ProgId content=Word.Document>\n<meta name=Generator content=\"Microsoft "
              "Word 15\">\n<!--[if gte mso 9]><xml>\n <o:DocumentProperties>\n  <o:Author>admin"
              "</o:Author>\n </o:DocumentProperties>\n</xml><![endif]-->\n<!--[if gte mso 9]><xml>\n"
              " <w:WordDocument>\n  <w:View>Print</w:View>\n </w:WordDocument>\n</xml><![endif]-->\n"
              "<style>\n<!--\n /* Style Definitions */\n p.MsoNormal, li.MsoNormal\n\t{mso-style-"
              "unhide:no;\n\tmargin:0cm;\n\tfont-family:\"Times New Roman\",serif;}\n-->\n</style>\n");
  if (flags & V_CMS)
    vs_add(s, "<meta name=\"SiteName\" content=\"门户网站\">\n<script src=\"/js/jquery.min.js\">"
              "</script>\n<script>var tpl = \"<td>1</td><td>2</td>\";</script>\n<style>.xxgk_table "
              "td { border:1px solid #ddd }</style>\n");
  vs_add(s, "<title>");
  vs_esc(s, d->title);
  vs_add(s, "</title>\n</head>\n");
}

/* A whole page in UTF-8 (V_GB: converted by v_html_encode). */
static void v_html_page(vs *s, vdoc *d, int flags) {
  v_html_head(s, d, flags);
  vs_add(s, (flags & V_WORD) ? "<body lang=ZH-CN style='tab-interval:21.0pt;text-justify-trim:"
                               "punctuation'>\n<div class=WordSection1 style='layout-grid:15.6pt'>\n"
                             : "<body>\n");
  if (flags & V_CMS) v_cms_top(s, d);
  if (flags & V_LAYOUT)
    vs_add(s, "<table width=\"1000\" align=\"center\"><tr><td width=\"200\" valign=\"top\">"
              "<div class=\"left\"><h3>政府信息公开</h3><ul><li><a href=\"/zn/\">信息公开指南</a></li>"
              "<li><a href=\"/zd/\">信息公开制度</a></li><li><a href=\"/nb/\">信息公开年报</a></li>"
              "</ul></div>"
              "</td>\n<td valign=\"top\">\n");
  v_html_body(s, d, flags);
  if (flags & V_LAYOUT) vs_add(s, "</td></tr></table>\n");
  if (flags & V_CMS) v_cms_bottom(s, d);
  if (flags & V_WORD) vs_add(s, "<p class=MsoNormal><span lang=EN-US><o:p>&nbsp;</o:p></span></p>\n"
                                "</div>\n");
  vs_add(s, "</body>\n</html>\n");
}

/* s re-encoded as GB18030 (the superset of the declared gb2312). */
static void v_html_encode(vs *s) {
  iconv_t cd = iconv_open("GB18030", "UTF-8");
  CU_ASSERT_FATAL(cd != (iconv_t)-1);
  size_t cap = s->n * 2 + 16, inl = s->n, outl = cap;
  char *out = malloc(cap), *in = s->p, *o = out;
  CU_ASSERT_PTR_NOT_NULL_FATAL(out);
  CU_ASSERT_FATAL(iconv(cd, &in, &inl, &o, &outl) != (size_t)-1);
  iconv_close(cd);
  free(s->p);
  s->p = out;
  s->n = cap - outl;
  s->cap = cap;
}

/* ------------------------------------------------------------ DOCX */

enum {
  D_NUM = 1 << 0,    /* headings numbered by numbering.xml (the 一、 not in the text) */
  D_GRID = 1 << 1,   /* w:gridBefore / w:gridAfter: a blank grid column each side */
  D_TRACK = 1 << 2,  /* tracked changes: old values in w:del, new in w:ins, a deleted row */
  D_SDT = 1 << 3,    /* content controls around tables, rows, cells and runs */
  D_WRAP = 1 << 4,   /* runs in w:smartTag, w:hyperlink, w:fldSimple; bookmarks, proofErr */
  D_TXBX = 1 << 5,   /* a text box (DrawingML with a VML fallback) in the title paragraph */
  D_SPLIT = 1 << 6,  /* each table split in two at a page break, w:tblHeader rows repeated */
  D_MISC = 1 << 7,   /* several paragraphs a cell, soft hyphens, w:noBreakHyphen for '-',
                        w:sym, w:lastRenderedPageBreak, w:tab */
  D_STYLENUM = 1 << 8, /* headings numbered through their style (styles.xml), style id "1" */
  D_FRAME = 1 << 9,    /* the whole report inside the one cell of a 1x1 table (a bordered frame) */
  D_SIDE = 1 << 10,    /* the report in the wide column of a two-column layout table, a narrow
                          column of short notes beside it */
  D_HEADCELL = 1 << 11, /* each part's heading in a one-cell table of its own (a shaded bar) */
  D_BOXTABLE = 1 << 12, /* each table in a text box anchored in an empty paragraph (with
                           Word's VML copy) */
  D_SECT = 1 << 13,     /* each table cut in two by a section break (a landscape page), the
                           second part without the header rows */
  D_WRAPTAB = 1 << 14,  /* each table nested in a one-column table whose first row is the
                           part's heading */
  D_NESTROWS = 1 << 15  /* each table's rows below its header in a table nested in one
                           merged cell of it (pasted into the cell) */
};

#define D_W "http://schemas.openxmlformats.org/wordprocessingml/2006/main"

static void d_t(vs *s, const char *text) {
  vs_add(s, "<w:t xml:space=\"preserve\">");
  vs_esc(s, text);
  vs_add(s, "</w:t>");
}

/* One run of text; D_MISC writes '-' as w:noBreakHyphen. */
static void d_run(vs *s, const char *text, int flags) {
  vs_add(s, "<w:r><w:rPr><w:rFonts w:hint=\"eastAsia\"/><w:sz w:val=\"21\"/></w:rPr>");
  if ((flags & D_MISC) && text[0] == '-') {
    vs_add(s, "<w:noBreakHyphen/>");
    text++;
  }
  d_t(s, text);
  vs_add(s, "</w:r>");
}

/* Text over runs the way Word saves it: long text in two runs (a soft hyphen
 * between them for D_MISC), numbers in a smartTag or a field for D_WRAP. */
static void d_runs(vs *s, const char *text, int flags) {
  size_t n = strlen(text);
  if (!n) return;
  if ((flags & D_WRAP) && v_numeric(text)) {
    vs_add(s, "<w:smartTag w:uri=\"urn:schemas-microsoft-com:office:smarttags\" w:element=\"chmetcnv\">"
              "<w:smartTagPr><w:attr w:name=\"UnitName\" w:val=\"件\"/></w:smartTagPr>"
              "<w:fldSimple w:instr=\" MERGEFIELD v \">");
    d_run(s, text, flags);
    vs_add(s, "</w:fldSimple></w:smartTag><w:proofErr w:type=\"gramEnd\"/>");
    return;
  }
  size_t half = n / 2;
  while (half < n && (text[half] & 0xC0) == 0x80) half++;
  if (n < 9 || half >= n) {
    d_run(s, text, flags);
    return;
  }
  char a[1024];
  snprintf(a, sizeof a, "%.*s", (int)half, text);
  d_run(s, a, flags);
  if (flags & D_MISC) vs_add(s, "<w:r><w:softHyphen/><w:lastRenderedPageBreak/></w:r>");
  if (flags & D_WRAP) vs_add(s, "<w:bookmarkStart w:id=\"0\" w:name=\"_GoBack\"/><w:bookmarkEnd w:id=\"0\"/>");
  d_run(s, text + half, flags);
}

/* A paragraph; style NULL for none; num: the heading's automatic number. */
static void d_para(vs *s, const char *text, const char *style, int num, int flags) {
  vs_add(s, "<w:p><w:pPr>");
  if (style) vs_fmt(s, "<w:pStyle w:val=\"%s\"/>", style);
  if (num) vs_add(s, "<w:numPr><w:ilvl w:val=\"0\"/><w:numId w:val=\"1\"/></w:numPr>");
  vs_add(s, "<w:spacing w:line=\"560\" w:lineRule=\"exact\"/><w:rPr><w:rFonts w:hint=\"eastAsia\"/>"
            "</w:rPr>");
  if (style && (flags & D_TRACK)) /* a tracked formatting change: the old properties */
    vs_add(s, "<w:pPrChange w:id=\"21\" w:author=\"user\" w:date=\"2025-01-10T09:00:00Z\"><w:pPr>"
              "<w:pStyle w:val=\"a\"/><w:numPr><w:ilvl w:val=\"0\"/><w:numId w:val=\"1\"/></w:numPr>"
              "</w:pPr></w:pPrChange>");
  vs_add(s, "</w:pPr>");
  d_runs(s, text, flags);
  vs_add(s, "</w:p>");
}

/* Tracked change of a value: a wrong old value deleted, the new one inserted. */
static void d_tracked(vs *s, const char *text, int flags) {
  vs_add(s, "<w:p><w:pPr><w:jc w:val=\"center\"/></w:pPr><w:del w:id=\"7\" w:author=\"user\" "
            "w:date=\"2025-01-10T09:00:00Z\"><w:r><w:delText>9</w:delText></w:r></w:del>"
            "<w:ins w:id=\"8\" w:author=\"user\" w:date=\"2025-01-10T09:00:00Z\">");
  d_runs(s, text, flags);
  vs_add(s, "</w:ins></w:p>");
}

/* A cell's content: its text over paragraphs (D_MISC: a long label over two). */
static void d_cell_text(vs *s, const char *text, int flags) {
  if ((flags & D_TRACK) && v_numeric(text)) {
    d_tracked(s, text, flags);
    return;
  }
  size_t n = strlen(text), half = n / 2;
  while (half < n && (text[half] & 0xC0) == 0x80) half++;
  if ((flags & D_MISC) && n > 36 && !v_numeric(text)) {
    char a[1024];
    snprintf(a, sizeof a, "%.*s", (int)half, text);
    d_para(s, a, NULL, 0, flags);
    d_para(s, text + half, NULL, 0, flags);
  } else if ((flags & D_SDT) && v_numeric(text)) {
    vs_add(s, "<w:p><w:sdt><w:sdtPr><w:id w:val=\"11\"/><w:text/></w:sdtPr><w:sdtContent>");
    d_runs(s, text, flags);
    vs_add(s, "</w:sdtContent></w:sdt></w:p>");
  } else {
    d_para(s, text, NULL, 0, flags);
  }
}

/* One w:tc: a cell, or the continuation of a vertical merge (text NULL). */
static void d_tc(vs *s, const char *text, int cs, int vmerge, int flags, int sdt) {
  if (sdt) vs_add(s, "<w:sdt><w:sdtPr><w:id w:val=\"12\"/></w:sdtPr><w:sdtContent>");
  vs_add(s, "<w:tc><w:tcPr><w:tcW w:w=\"1000\" w:type=\"dxa\"/>");
  if (cs > 1) vs_fmt(s, "<w:gridSpan w:val=\"%d\"/>", cs);
  if (vmerge == 1) vs_add(s, "<w:vMerge w:val=\"restart\"/>");
  if (vmerge == 2) vs_add(s, "<w:vMerge/>");
  vs_add(s, "<w:vAlign w:val=\"center\"/></w:tcPr>");
  if (text && *text) d_cell_text(s, text, flags);
  else vs_add(s, "<w:p><w:pPr><w:jc w:val=\"center\"/><w:rPr><w:sz w:val=\"21\"/></w:rPr></w:pPr></w:p>");
  vs_add(s, "</w:tc>");
  if (sdt) vs_add(s, "</w:sdtContent></w:sdt>");
}

/* A row deleted under tracked changes: Word keeps it, marked, its text in w:del. */
static void d_deleted_row(vs *s, int width) {
  vs_add(s, "<w:tr><w:trPr><w:del w:id=\"9\" w:author=\"user\" w:date=\"2025-01-10T09:00:00Z\"/>"
            "</w:trPr>");
  for (int k = 0; k < width; k++)
    vs_add(s, "<w:tc><w:tcPr><w:tcW w:w=\"1000\" w:type=\"dxa\"/></w:tcPr><w:p><w:del w:id=\"10\" "
              "w:author=\"user\" w:date=\"2025-01-10T09:00:00Z\"><w:r><w:delText>0</w:delText></w:r>"
              "</w:del></w:p></w:tc>");
  vs_add(s, "</w:tr>");
}

static void d_rows(vs *s, const vtable *t, int width, int flags) {
  static int x[256][48];
  v_columns(t, x);
  for (int i = 0; i < t->n; i++) {
    int sdt_row = (flags & D_SDT) && i % 3 == 2;
    if (sdt_row) vs_add(s, "<w:sdt><w:sdtPr><w:id w:val=\"13\"/></w:sdtPr><w:sdtContent>");
    vs_add(s, "<w:tr><w:trPr>");
    if (flags & D_GRID) vs_add(s, "<w:gridBefore w:val=\"1\"/><w:gridAfter w:val=\"1\"/>");
    if (i < t->nhead) vs_add(s, "<w:tblHeader/>");
    vs_add(s, "<w:trHeight w:val=\"400\"/></w:trPr>");
    if (flags & D_GRID) vs_add(s, "<w:tblPrEx><w:tblBorders><w:top w:val=\"none\"/></w:tblBorders></w:tblPrEx>");
    int k = 0, col = 0;
    while (col < width) { /* cells of this row and continuations of merges from above */
      int cont = -1;
      for (int j = 0; j < i && cont < 0; j++)
        for (int m = 0; m < t->r[j].n; m++)
          if (x[j][m] == col && j + t->r[j].c[m].rs > i && t->r[j].c[m].rs > 1) cont = j * 48 + m;
      if (cont >= 0) {
        d_tc(s, NULL, t->r[cont / 48].c[cont % 48].cs, 2, flags, 0);
        col += t->r[cont / 48].c[cont % 48].cs;
      } else if (k < t->r[i].n) {
        const vcell *c = &t->r[i].c[k++];
        d_tc(s, c->text, c->cs, c->rs > 1 ? 1 : 0, flags, (flags & D_SDT) && k % 5 == 0);
        col += c->cs;
      } else {
        break;
      }
    }
    vs_add(s, "</w:tr>");
    if (sdt_row) vs_add(s, "</w:sdtContent></w:sdt>");
    if ((flags & D_TRACK) && i == t->nhead) d_deleted_row(s, width);
  }
}

static void d_table(vs *s, const vtable *t, int flags) {
  int width = 0;
  for (int k = 0; k < t->r[0].n; k++) width += t->r[0].c[k].cs;
  int grid = width + ((flags & D_GRID) ? 2 : 0);
  if (flags & D_SDT) vs_add(s, "<w:sdt><w:sdtPr><w:id w:val=\"14\"/></w:sdtPr><w:sdtContent>");
  vs_add(s, "<w:tbl><w:tblPr><w:tblW w:w=\"0\" w:type=\"auto\"/><w:jc w:val=\"center\"/><w:tblBorders>"
            "<w:top w:val=\"single\" w:sz=\"4\"/></w:tblBorders><w:tblLook w:val=\"04A0\"/></w:tblPr>"
            "<w:tblGrid>");
  for (int k = 0; k < grid; k++) vs_add(s, "<w:gridCol w:w=\"1000\"/>");
  vs_add(s, "</w:tblGrid>");
  d_rows(s, t, width, flags);
  vs_add(s, "</w:tbl>");
  if (flags & D_SDT) vs_add(s, "</w:sdtContent></w:sdt>");
}

/* A table of one column (side: and a narrow second one) whose first cell
 * holds what follows until d_frame_close. */
static void d_frame_open(vs *s, const char *shade, int side) {
  vs_add(s, "<w:tbl><w:tblPr><w:tblW w:w=\"5000\" w:type=\"pct\"/><w:tblBorders><w:top w:val=\"double\" "
            "w:sz=\"4\"/><w:left w:val=\"double\" w:sz=\"4\"/><w:bottom w:val=\"double\" w:sz=\"4\"/>"
            "<w:right w:val=\"double\" w:sz=\"4\"/></w:tblBorders></w:tblPr><w:tblGrid>");
  vs_add(s, side ? "<w:gridCol w:w=\"7500\"/><w:gridCol w:w=\"1500\"/>" : "<w:gridCol w:w=\"9000\"/>");
  vs_fmt(s, "</w:tblGrid><w:tr><w:tc><w:tcPr><w:tcW w:w=\"%d\" w:type=\"dxa\"/>", side ? 7500 : 9000);
  if (shade) vs_fmt(s, "<w:shd w:val=\"clear\" w:color=\"auto\" w:fill=\"%s\"/>", shade);
  vs_add(s, "</w:tcPr>");
}

static void d_frame_close(vs *s) { vs_add(s, "</w:tc></w:tr></w:tbl>"); }

/* The section break that ends a portrait page: the next one is landscape. */
static const char d_sect_break[] =
    "<w:p><w:pPr><w:sectPr><w:pgSz w:w=\"11906\" w:h=\"16838\"/><w:pgMar w:top=\"1440\" "
    "w:right=\"1800\" w:bottom=\"1440\" w:left=\"1800\" w:header=\"851\" w:footer=\"992\" "
    "w:gutter=\"0\"/><w:cols w:space=\"425\"/><w:docGrid w:type=\"lines\" w:linePitch=\"312\"/>"
    "</w:sectPr></w:pPr></w:p>";

/* The second part of a table cut by a section break: no header rows. */
static void d_drop_head(vtable *t) {
  for (int i = 0; i < t->nhead; i++)
    for (int k = 0; k < t->r[i].n; k++) free(t->r[i].c[k].text);
  memmove(t->r, t->r + t->nhead, (size_t)(t->n - t->nhead) * sizeof *t->r);
  t->n -= t->nhead;
  t->nhead = 0;
}

/* t's header rows, then one row of a cell spanning them all that holds a
 * table of t's other rows. */
static void d_nested_rows(vs *s, vtable *t, int flags) {
  int width = 0;
  for (int k = 0; k < t->r[0].n; k++) width += t->r[0].c[k].cs;
  vtable body;
  v_split(t, t->nhead, &body);
  d_drop_head(&body);
  vs outer = {0};
  d_table(&outer, t, flags);
  outer.n -= strlen("</w:tbl>");
  CU_ASSERT_STRING_EQUAL_FATAL(outer.p + outer.n, "</w:tbl>");
  outer.p[outer.n] = 0;
  vs_add(s, outer.p);
  vs_fmt(s, "<w:tr><w:tc><w:tcPr><w:gridSpan w:val=\"%d\"/></w:tcPr>", width);
  d_table(s, &body, flags);
  vs_add(s, "<w:p/></w:tc></w:tr></w:tbl>");
  for (int i = 0; i < body.n; i++)
    for (int k = 0; k < body.r[i].n; k++) free(body.r[i].c[k].text);
  free(body.r);
  free(outer.p);
}

static void d_part_table(vs *s, vtable *t, int flags) {
  if ((flags & D_NESTROWS) && t->nhead && t->n > t->nhead) {
    d_nested_rows(s, t, flags);
    return;
  }
  if (!(flags & (D_SPLIT | D_SECT)) || t->n - t->nhead < 2) {
    d_table(s, t, flags);
    return;
  }
  vtable second;
  v_split(t, t->nhead + (t->n - t->nhead) / 2, &second);
  d_table(s, t, flags);
  if (flags & D_SECT) d_drop_head(&second);
  vs_add(s, (flags & D_SECT) ? d_sect_break
                             : "<w:p><w:r><w:br w:type=\"page\"/></w:r><w:r><w:lastRenderedPageBreak/>"
                               "</w:r></w:p>");
  d_table(s, &second, flags);
  for (int i = 0; i < second.n; i++)
    for (int k = 0; k < second.r[i].n; k++) free(second.r[i].c[k].text);
  free(second.r);
}

/* A floating text box (DrawingML, with Word's VML copy as the fallback). */
static void d_textbox(vs *s, const char *text) {
  vs_add(s, "<w:r><mc:AlternateContent><mc:Choice Requires=\"wps\"><w:drawing><wp:anchor "
            "distT=\"0\" distB=\"0\" distL=\"114300\" distR=\"114300\" simplePos=\"0\" "
            "relativeHeight=\"1\" behindDoc=\"0\" locked=\"0\" layoutInCell=\"1\" allowOverlap=\"1\">"
            "<wp:simplePos x=\"0\" y=\"0\"/><wp:extent cx=\"1000000\" cy=\"300000\"/><wp:docPr "
            "id=\"1\" name=\"Text Box 1\"/><a:graphic><a:graphicData uri=\"http://schemas.microsoft."
            "com/office/word/2010/wordprocessingShape\"><wps:wsp><wps:txbx><w:txbxContent><w:p>");
  d_run(s, text, 0);
  vs_add(s, "</w:p></w:txbxContent></wps:txbx><wps:bodyPr/></wps:wsp></a:graphicData></a:graphic>"
            "</wp:anchor></w:drawing></mc:Choice><mc:Fallback><w:pict><v:shape id=\"tb1\" "
            "type=\"#_x0000_t202\"><v:textbox><w:txbxContent><w:p>");
  d_run(s, text, 0);
  vs_add(s, "</w:p></w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback>"
            "</mc:AlternateContent></w:r>");
}

/* A part's table in a text box anchored in an empty paragraph: the DrawingML
 * box, then Word's VML copy of the same content (not read). */
static void d_box_table(vs *s, vtable *t, int flags) {
  vs tab = {0};
  d_part_table(&tab, t, flags);
  vs_add(s, "<w:p><w:r><mc:AlternateContent><mc:Choice Requires=\"wps\"><w:drawing><wp:anchor "
            "distT=\"0\" distB=\"0\" distL=\"0\" distR=\"0\" simplePos=\"0\" relativeHeight=\"2\" "
            "behindDoc=\"0\" locked=\"0\" layoutInCell=\"1\" allowOverlap=\"1\"><wp:simplePos x=\"0\" "
            "y=\"0\"/><wp:extent cx=\"5400000\" cy=\"3000000\"/><wp:docPr id=\"2\" name=\"Text Box 2\"/>"
            "<a:graphic><a:graphicData uri=\"http://schemas.microsoft.com/office/word/2010/"
            "wordprocessingShape\"><wps:wsp><wps:txbx><w:txbxContent>");
  vs_add(s, tab.p);
  vs_add(s, "<w:p/></w:txbxContent></wps:txbx><wps:bodyPr/></wps:wsp></a:graphicData></a:graphic>"
            "</wp:anchor></w:drawing></mc:Choice><mc:Fallback><w:pict><v:shape id=\"tb2\" "
            "type=\"#_x0000_t202\"><v:textbox><w:txbxContent>");
  vs_add(s, tab.p);
  vs_add(s, "<w:p/></w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent>"
            "</w:r></w:p>");
  free(tab.p);
}

static void d_heading(vs *s, int i, int flags);

/* Part i's heading and table: the table in a text box, or nested under the
 * heading in a one-column table, or as it is. */
static void d_part(vs *s, vdoc *d, int i, int flags) {
  vtable *t = &d->t[i - 1];
  if (flags & D_WRAPTAB) {
    char h[256];
    v_heading(h, sizeof h, i);
    d_frame_open(s, NULL, 0);
    d_para(s, h, NULL, 0, flags & ~D_MISC);
    vs_add(s, "</w:tc></w:tr><w:tr><w:tc><w:tcPr><w:tcW w:w=\"9000\" w:type=\"dxa\"/></w:tcPr>");
    d_part_table(s, t, flags);
    vs_add(s, "<w:p/>");
    d_frame_close(s);
  } else {
    d_heading(s, i, flags);
    if (flags & D_BOXTABLE) d_box_table(s, t, flags);
    else d_part_table(s, t, flags);
  }
  vs_add(s, "<w:p/>");
}

/* The narrow column of a two-column layout: short notes. */
static void d_side(vs *s, const vdoc *d) {
  vs_add(s, "</w:tc><w:tc><w:tcPr><w:tcW w:w=\"1500\" w:type=\"dxa\"/></w:tcPr>");
  d_para(s, "发布机构：", NULL, 0, 0);
  d_para(s, d->agency, NULL, 0, 0);
  d_para(s, "（主动公开）", NULL, 0, 0);
}

static void d_title(vs *s, const vdoc *d, int flags) {
  if (!(flags & D_TXBX)) {
    d_para(s, d->title, "Title", 0, flags);
    return;
  }
  size_t n = strlen(d->agency);
  vs_add(s, "<w:p><w:pPr><w:pStyle w:val=\"Title\"/></w:pPr>");
  d_run(s, d->agency, 0);
  d_textbox(s, "（主动公开）");
  d_run(s, d->title + n, 0);
  vs_add(s, "</w:p>");
}

static void d_heading(vs *s, int i, int flags) {
  char h[256];
  v_heading(h, sizeof h, i);
  size_t num = strlen(v_ord[i]) + 3;
  if (flags & D_HEADCELL) {
    d_frame_open(s, "D9D9D9", 0);
    d_para(s, h, NULL, 0, flags & ~D_MISC);
    d_frame_close(s);
    vs_add(s, "<w:p/>");
  } else if (flags & D_STYLENUM) d_para(s, h + num, "1", 0, flags);
  else if (flags & D_NUM) d_para(s, h + num, "Heading2", 1, flags);
  else d_para(s, h, "Heading2", 0, flags);
}

static void d_document(vs *s, vdoc *d, int flags) {
  vs_add(s, "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\r\n<w:document "
            "xmlns:w=\"" D_W "\" xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/"
            "relationships\" xmlns:mc=\"http://schemas.openxmlformats.org/markup-compatibility/2006\" "
            "xmlns:wp=\"http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing\" "
            "xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\" xmlns:wps=\"http://"
            "schemas.microsoft.com/office/word/2010/wordprocessingShape\" xmlns:v=\"urn:schemas-"
            "microsoft-com:vml\" mc:Ignorable=\"wps\"><w:body>");
  if (flags & (D_FRAME | D_SIDE)) d_frame_open(s, NULL, (flags & D_SIDE) != 0);
  d_title(s, d, flags);
  if (flags & D_TRACK) { /* a sentence moved to the end of its paragraph */
    vs_add(s, "<w:p><w:moveFrom w:id=\"22\" w:author=\"user\"><w:r><w:t>（已移动）</w:t></w:r>"
              "</w:moveFrom>");
    d_runs(s, v_prose[0], flags);
    vs_add(s, "<w:moveTo w:id=\"23\" w:author=\"user\"><w:r><w:t></w:t></w:r></w:moveTo></w:p>");
  } else {
    d_para(s, v_prose[0], NULL, 0, flags);
  }
  for (int i = 0; i < 6; i++) {
    if (i >= 1 && i <= 3) {
      d_part(s, d, i, flags);
      continue;
    }
    d_heading(s, i, flags);
    if ((flags & D_MISC) && i == 5) {
      vs_add(s, "<w:p><w:r><w:sym w:font=\"Wingdings\" w:char=\"F0FC\"/><w:tab/></w:r>");
      d_runs(s, v_part_prose(i), flags);
      vs_add(s, "</w:p>");
    } else if ((flags & D_WRAP) && i == 0) {
      vs_add(s, "<w:p><w:hyperlink r:id=\"rId9\" w:history=\"1\">");
      d_runs(s, v_part_prose(i), flags);
      vs_add(s, "</w:hyperlink></w:p>");
    } else {
      d_para(s, v_part_prose(i), NULL, 0, flags);
    }
  }
  if (flags & (D_FRAME | D_SIDE)) {
    vs_add(s, "<w:p/>");
    if (flags & D_SIDE) d_side(s, d);
    d_frame_close(s);
    vs_add(s, "<w:p/>");
  }
  vs_add(s, "<w:sectPr><w:pgSz w:w=\"11906\" w:h=\"16838\"/></w:sectPr></w:body></w:document>");
}

static const char d_ctypes[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\r\n<Types xmlns=\"http://"
    "schemas.openxmlformats.org/package/2006/content-types\"><Default Extension=\"rels\" "
    "ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/><Default "
    "Extension=\"xml\" ContentType=\"application/xml\"/><Override PartName=\"/word/document.xml\" "
    "ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\""
    "/><Override PartName=\"/word/numbering.xml\" ContentType=\"application/vnd.openxmlformats-"
    "officedocument.wordprocessingml.numbering+xml\"/><Override PartName=\"/word/styles.xml\" "
    "ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml\"/>"
    "</Types>";

static const char d_numbering[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\r\n<w:numbering xmlns:w=\"" D_W
    "\"><w:abstractNum w:abstractNumId=\"0\"><w:multiLevelType w:val=\"singleLevel\"/><w:lvl "
    "w:ilvl=\"0\"><w:start w:val=\"1\"/><w:numFmt w:val=\"chineseCounting\"/><w:lvlText "
    "w:val=\"%1、\"/><w:lvlJc w:val=\"left\"/></w:lvl></w:abstractNum><w:num w:numId=\"1\">"
    "<w:abstractNumId w:val=\"0\"/></w:num></w:numbering>";

/* Word's styles as a Chinese Word saves them: the heading style's id is "1",
 * its name "heading 1", and it carries the numbering. */
static const char d_styles[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\r\n<w:styles xmlns:w=\"" D_W
    "\"><w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"a\"><w:name w:val=\"Normal\"/>"
    "</w:style><w:style w:type=\"paragraph\" w:styleId=\"1\"><w:name w:val=\"heading 1\"/>"
    "<w:basedOn w:val=\"a\"/><w:next w:val=\"a\"/><w:qFormat/><w:pPr><w:keepNext/><w:numPr>"
    "<w:numId w:val=\"1\"/></w:numPr><w:outlineLvl w:val=\"0\"/></w:pPr></w:style></w:styles>";

/* The package of a rendering, built with libzip in memory, into s. */
static void d_package(vs *s, const vs *doc) {
  zip_error_t ze;
  zip_error_init(&ze);
  zip_source_t *src = zip_source_buffer_create(NULL, 0, 0, &ze);
  CU_ASSERT_PTR_NOT_NULL_FATAL(src);
  zip_source_keep(src);
  zip_t *za = zip_open_from_source(src, ZIP_TRUNCATE, &ze);
  CU_ASSERT_PTR_NOT_NULL_FATAL(za);
  const char *names[] = {"[Content_Types].xml", "word/document.xml", "word/numbering.xml",
                         "word/styles.xml"};
  const char *texts[] = {d_ctypes, doc->p, d_numbering, d_styles};
  for (int i = 0; i < 4; i++) {
    zip_source_t *z = zip_source_buffer(za, texts[i], strlen(texts[i]), 0);
    CU_ASSERT_TRUE_FATAL(z && zip_file_add(za, names[i], z, ZIP_FL_OVERWRITE) >= 0);
  }
  CU_ASSERT_EQUAL_FATAL(zip_close(za), 0);
  CU_ASSERT_EQUAL_FATAL(zip_source_open(src), 0);
  zip_source_seek(src, 0, SEEK_END);
  zip_int64_t size = zip_source_tell(src);
  zip_source_seek(src, 0, SEEK_SET);
  s->n = 0;
  vs_addn(s, "", 0);
  char *buf = malloc((size_t)size);
  CU_ASSERT_PTR_NOT_NULL_FATAL(buf);
  CU_ASSERT_EQUAL_FATAL(zip_source_read(src, buf, (zip_uint64_t)size), size);
  vs_addn(s, buf, (size_t)size);
  free(buf);
  zip_source_close(src);
  zip_source_free(src);
  zip_error_fini(&ze);
}

static void d_render(vs *s, vdoc *d, int flags) {
  vs doc = {0};
  d_document(&doc, d, flags);
  d_package(s, &doc);
  free(doc.p);
}

#endif
