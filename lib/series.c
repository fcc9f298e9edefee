/* SPDX-License-Identifier: MIT */
/* One agency over several years: the cross-year rules of format.md §7, text
 * similarity between years, and the trend table over the comparable cells (§8). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "gkreport/series.h"
#include "gkreport/indicator.h"
#include "rules_int.h"
#include "stats_int.h"

#define DEFAULT_THRESHOLD 900u
#define SIM_MAX_CHARS 65536u
/* Sections shorter than this are formulaic one-line statements (the 信息处理费
 * statement of section 六, "无。") that may rightly repeat every year. */
#define SIM_MIN_CHARS 60u

struct gk_series {
  gk_report **r;
  size_t n, cap;
  uint32_t threshold; /* per mille */
  gk__view view;      /* trend entries over the editions present */
};

GK_API int gk_series_new(gk_series **out) {
  if (!out) return GK_EINVAL;
  *out = gk__calloc(1, sizeof **out);
  if (!*out) return GK_ENOMEM;
  (*out)->threshold = DEFAULT_THRESHOLD;
  return GK_OK;
}

GK_API void gk_series_free(gk_series *s) {
  if (!s) return;
  for (size_t i = 0; i < s->n; i++) gk_report_free(s->r[i]);
  gk__free(s->r);
  gk__view_free(&s->view);
  gk__free(s);
}

GK_API int gk_series_add(gk_series *s, const gk_report *r) {
  if (!s || !r) return GK_EINVAL;
  int ei = gk__ed_index(gk_report_edition(r));
  if (ei < 0) return GK_EUNSUPPORTED;
  if (s->n == s->cap) {
    size_t cap = s->cap ? s->cap * 2 : 8;
    gk_report **p = gk__realloc(s->r, cap * sizeof *p);
    if (!p) return GK_ENOMEM;
    s->r = p;
    s->cap = cap;
  }
  gk__view v;
  int rc = gk__view_build(&v, s->view.edmask | (1u << ei), 0);
  if (rc) return rc;
  gk_report *c = NULL;
  if ((rc = gk_report_clone(&c, r))) {
    gk__view_free(&v);
    return rc;
  }
  size_t at = s->n;
  while (at > 0 && gk_report_year(s->r[at - 1]) > gk_report_year(r)) at--;
  memmove(&s->r[at + 1], &s->r[at], (s->n - at) * sizeof *s->r);
  s->r[at] = c;
  s->n++;
  gk__view_free(&s->view);
  s->view = v;
  return GK_OK;
}

GK_API size_t gk_series_count(const gk_series *s) { return s ? s->n : 0; }

GK_API const gk_report *gk_series_report(const gk_series *s, size_t i) {
  return (s && i < s->n) ? s->r[i] : NULL;
}

GK_API int gk_series_set_similarity_threshold(gk_series *s, uint32_t permille) {
  if (!s || permille > 1000) return GK_EINVAL;
  s->threshold = permille;
  return GK_OK;
}

/* ================================================================== similarity */
/* Next code point of s[*i..n), advancing *i; invalid bytes read as themselves. */
static uint32_t next_cp(const unsigned char *s, size_t n, size_t *i) {
  return gk__utf8_next((const char *)s, n, i);
}

/* Bigrams of the non-space characters (at most SIM_MAX_CHARS), sorted. */
static int bigrams(uint64_t **out, size_t *n_out, const char *text, size_t len) {
  *out = NULL;
  *n_out = 0;
  const unsigned char *s = (const unsigned char *)text;
  size_t i = 0, nchars = 0;
  uint64_t *b = NULL;
  uint32_t prev = 0;
  while (i < len && nchars < SIM_MAX_CHARS) {
    uint32_t c = next_cp(s, len, &i);
    if (gk__is_space(c)) continue;
    if (!b) {
      size_t cap = len < SIM_MAX_CHARS ? len : SIM_MAX_CHARS;
      b = gk__malloc((cap ? cap : 1) * sizeof *b);
      if (!b) return GK_ENOMEM;
    }
    if (nchars) b[*n_out] = ((uint64_t)prev << 21) | c, (*n_out)++;
    prev = c;
    nchars++;
  }
  *out = b;
  return GK_OK;
}

static int u64_cmp(const void *a, const void *b) {
  uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
  return (x > y) - (x < y);
}

/* Count of characters that are not spaces, up to `cap`. */
static size_t count_chars(const char *text, size_t len, size_t cap) {
  size_t i = 0, n = 0;
  while (i < len && n < cap)
    if (!gk__is_space(next_cp((const unsigned char *)text, len, &i))) n++;
  return n;
}

GK_API int gk_text_similarity(uint64_t *num_out, uint64_t *den_out, const char *a, size_t alen,
                              const char *b, size_t blen) {
  alen = gk__nul_len(a, alen);
  blen = gk__nul_len(b, blen);
  if (num_out) *num_out = 0;
  if (den_out) *den_out = 0;
  if (!num_out || !den_out || (!a && alen) || (!b && blen)) return GK_EINVAL;
  uint64_t *x = NULL, *y = NULL;
  size_t nx, ny;
  int rc = bigrams(&x, &nx, a, alen);
  if (!rc) rc = bigrams(&y, &ny, b, blen);
  if (rc) {
    gk__free(x);
    return rc;
  }
  if (nx) qsort(x, nx, sizeof *x, u64_cmp);
  if (ny) qsort(y, ny, sizeof *y, u64_cmp);
  uint64_t shared = 0;
  for (size_t i = 0, j = 0; i < nx && j < ny;) {
    if (x[i] == y[j]) {
      shared++, i++, j++;
    } else if (x[i] < y[j]) {
      i++;
    } else {
      j++;
    }
  }
  gk__free(x);
  gk__free(y);
  *num_out = 2 * shared;
  *den_out = (uint64_t)nx + (uint64_t)ny;
  return GK_OK;
}

/* ================================================================== rules */
/* The cross-year identities are declared with the editions (schema_tables.c:
 * gk__cross_year, internal.h); this file applies them. */

/* Value of (row key, col key) of table t in r: 1 when a value, 0 otherwise. */
static int xvalue(const gk_report *r, int t, const char *row, const char *col, int64_t *v,
                  uint32_t *line, char *path, size_t cap) {
  size_t ri, ci;
  int st;
  if (gk_schema_row_find(&ri, gk_report_edition(r), t, row) ||
      gk_schema_col_find(&ci, gk_report_edition(r), t, col) ||
      !gk_schema_cell_exists(gk_report_edition(r), t, ri, ci))
    return 0;
  if (gk__cell_effective(r, t, ri, ci, &st, v) || st != GK_CELL_VALUE) return 0;
  if (line) *line = gk__cell_at(r, t, ri, ci)->line;
  if (path) {
    char p[96];
    gk_schema_path_format(p, sizeof p, gk_report_edition(r), t, ri, ci);
    snprintf(path, cap, "%d:%s", gk_report_year(r), p);
  }
  return 1;
}

static const char *src_name(const gk_report *r) {
  const char *s = gk_report_source(r);
  return s ? s : "-";
}

/* The printed label of a cell given by keys: “row · column” (en) or 「row · column」 (zh). */
static void xlabel(gk__buf *b, const gk_report *r, int t, const char *row, const char *col,
                   int lang) {
  size_t ri, ci;
  if (gk_schema_row_find(&ri, gk_report_edition(r), t, row) ||
      gk_schema_col_find(&ci, gk_report_edition(r), t, col)) {
    gk__buf_printf(b, "%s/%s", row, col); /* not reached: the cell was read */
    return;
  }
  gk__buf_printf(b, lang == GK_LANG_EN ? "“%s · %s”" : "「%s · %s」",
                 gk_schema_row_label(gk_report_edition(r), t, ri, lang),
                 gk_schema_col_label(gk_report_edition(r), t, ci, lang));
}

/* "2023 “Carried forward to next year · Total” + 2024 …" : the terms of x. */
static void xterms(gk__buf *b, const gk__xrelation *x, const gk_report *prev,
                   const gk_report *cur, const char *row, const char *col, int lang) {
  for (size_t k = 0; k < GK__MAX_XTERMS && (x->terms[k].row || x->terms[k].col); k++) {
    const gk__xterm *tm = &x->terms[k];
    const gk_report *r = tm->prev ? prev : cur;
    if (k) gk__buf_puts(b, tm->coef < 0 ? " - " : " + ");
    gk__buf_printf(b, lang == GK_LANG_EN ? "%d " : "%d年", gk_report_year(r));
    xlabel(b, r, x->table, tm->row ? tm->row : row, tm->col ? tm->col : col, lang);
  }
}

static int emit_x(gk_diags *d, const gk__xrelation *x, const gk_report *prev, const gk_report *cur,
                  const char *row, const char *col, int sev, int64_t expected, int64_t actual,
                  char cells[][112], size_t ncells, uint32_t line, uint32_t prev_line, int kind) {
  const char *tcol = x->target ? x->target : col;
  char ev[48], av[48], es[56];
  gk__format_value(ev, sizeof ev, kind, expected);
  gk__format_value(av, sizeof av, kind, actual);
  snprintf(es, sizeof es, "%s%s", x->ge ? ">=" : "", ev);
  gk__buf zh, en;
  gk__buf_init(&zh);
  gk__buf_init(&en);
  gk__buf_printf(&zh, "%d年", gk_report_year(cur));
  xlabel(&zh, cur, x->table, row, tcol, GK_LANG_ZH);
  char at[24] = "";
  if (prev_line) snprintf(at, sizeof at, ":%u", prev_line);
  gk__buf_printf(&zh, "为%s，按%d年报告（%s%s）应为%s", av, gk_report_year(prev), src_name(prev),
                 at, x->ge ? "不少于" : "");
  gk__buf_printf(&zh, "%s：", ev);
  xterms(&zh, x, prev, cur, row, col, GK_LANG_ZH);
  gk__buf_printf(&en, "%d ", gk_report_year(cur));
  xlabel(&en, cur, x->table, row, tcol, GK_LANG_EN);
  gk__buf_printf(&en, " is %s, expected %s from the %d report (%s%s): ", av, es,
                 gk_report_year(prev), src_name(prev), at);
  xterms(&en, x, prev, cur, row, col, GK_LANG_EN);
  size_t k;
  int rc = zh.err || en.err ? GK_ENOMEM
                            : gk__emit_sev(d, cur, x->rule, sev, cells[0], line, es, av, zh.data,
                                           en.data, &k);
  for (size_t i = 1; !rc && i < ncells; i++) rc = gk_diags_add_cell(d, k, cells[i]);
  gk__buf_free(&zh);
  gk__buf_free(&en);
  return rc;
}

/* One rule on one row/column of an adjacent pair. */
static int check_x(gk_diags *d, const gk__xrelation *x, const gk_report *prev, const gk_report *cur,
                   const char *row, const char *col) {
  char cells[1 + GK__MAX_XTERMS][112];
  int64_t actual, sum = 0, v;
  uint32_t line = 0, prev_line = 0, l;
  if (!xvalue(cur, x->table, row, x->target ? x->target : col, &actual, &line, cells[0],
              sizeof cells[0]))
    return GK_OK;
  size_t nc = 1;
  for (size_t k = 0; k < GK__MAX_XTERMS && (x->terms[k].row || x->terms[k].col); k++) {
    const gk__xterm *tm = &x->terms[k];
    const gk_report *r = tm->prev ? prev : cur;
    if (!xvalue(r, x->table, tm->row ? tm->row : row, tm->col ? tm->col : col, &v, &l, cells[nc],
                sizeof cells[nc]))
      return GK_OK;
    if (tm->prev && !prev_line) prev_line = l;
    nc++;
    if (gk__add64(&sum, sum, tm->coef < 0 ? -v : v)) return GK_OK; /* not comparable */
  }
  if (x->ge ? actual >= sum : actual == sum) return GK_OK;
  size_t ci;
  int sev = -1;
  if (x->sev_by_part && !gk_schema_col_find(&ci, gk_report_edition(cur), x->table, col))
    sev = gk__report_ed(cur)->tables[x->table].cols[ci].part ? GK_SEV_WARNING : GK_SEV_ERROR;
  size_t tci = 0;
  gk_schema_col_find(&tci, gk_report_edition(cur), x->table, x->target ? x->target : col);
  return emit_x(d, x, prev, cur, row, x->target ? x->target : col, sev, sum, actual, cells, nc,
                line, prev_line, gk__report_ed(cur)->tables[x->table].cols[tci].kind);
}

/* 1 if every column the rule names exists in `row` of both reports. */
static int row_has_cols(const gk__xrelation *x, const gk_report *r, size_t row) {
  const gk__table_decl *td = &gk__report_ed(r)->tables[x->table];
  size_t ci;
  if (x->target && (gk_schema_col_find(&ci, gk_report_edition(r), x->table, x->target) ||
                    !((td->rows[row].colmask >> ci) & 1u)))
    return 0;
  for (size_t k = 0; k < GK__MAX_XTERMS && x->terms[k].col; k++)
    if (gk_schema_col_find(&ci, gk_report_edition(r), x->table, x->terms[k].col) ||
        !((td->rows[row].colmask >> ci) & 1u))
      return 0;
  return 1;
}

static int check_pair_tables(gk_diags *d, const gk_report *prev, const gk_report *cur) {
  for (size_t k = 0; k < gk__cross_year_count(); k++) {
    const gk__xrelation *x = gk__cross_year_at(k);
    if (x->edition &&
        (gk_report_edition(prev) != x->edition || gk_report_edition(cur) != x->edition))
      continue;
    const gk__table_decl *td = &gk__report_ed(cur)->tables[x->table];
    for (size_t row = 0; row < td->nrows; row++) {
      const char *rk = td->rows[row].key;
      if (x->row ? strcmp(rk, x->row) != 0 : !row_has_cols(x, cur, row)) continue;
      for (size_t col = 0; col < td->ncols; col++) {
        if (x->target && strcmp(td->cols[col].key, x->target) != 0) continue;
        if (!((td->rows[row].colmask >> col) & 1u)) continue;
        int rc = check_x(d, x, prev, cur, rk, td->cols[col].key);
        if (rc) return rc;
      }
    }
  }
  return GK_OK;
}

/* Ratio num/den as "0.953" (3 places, half to even). */
static void ratio3(char *buf, size_t cap, uint64_t num, uint64_t den) {
  if (!den || num > INT64_MAX || den > INT64_MAX ||
      gk__ratio_format(buf, cap, (int64_t)num, (int64_t)den, 0, 3) < 0)
    snprintf(buf, cap, "0");
}

static int check_copied(gk_diags *d, const gk_series *s, const gk_report *prev,
                        const gk_report *cur) {
  for (int sec = 0; sec < GK_NSECTIONS; sec++) {
    if (sec == GK_SECTION_PREAMBLE) continue; /* boilerplate by nature */
    const char *a = gk_report_section(prev, sec), *b = gk_report_section(cur, sec);
    if (!a || !b) continue;
    size_t la = strlen(a), lb = strlen(b);
    if (count_chars(a, la, SIM_MIN_CHARS) < SIM_MIN_CHARS ||
        count_chars(b, lb, SIM_MIN_CHARS) < SIM_MIN_CHARS)
      continue;
    uint64_t num, den;
    int rc = gk_text_similarity(&num, &den, a, la, b, lb);
    if (rc) return rc;
    /* num/den >= threshold/1000, exactly */
    if (!den || num * 1000u < (uint64_t)s->threshold * den) continue;
    char ratio[32], thr[32], zh[512], en[512], c0[96], c1[96];
    ratio3(ratio, sizeof ratio, num, den);
    ratio3(thr, sizeof thr, s->threshold, 1000);
    const char *key = gk_schema_section_key(sec);
    snprintf(c0, sizeof c0, "%d:section/%s", gk_report_year(cur), key);
    snprintf(c1, sizeof c1, "%d:section/%s", gk_report_year(prev), key);
    snprintf(zh, sizeof zh, "%d年“%s”部分与%d年报告（%s）雷同，相似度%s（阈值%s）",
             gk_report_year(cur), gk_schema_section_label(sec, GK_LANG_ZH), gk_report_year(prev),
             src_name(prev), ratio, thr);
    snprintf(en, sizeof en,
             "%d section \"%s\" repeats the %d report (%s): similarity %s (threshold %s)",
             gk_report_year(cur), key, gk_report_year(prev), src_name(prev), ratio, thr);
    char exp[40];
    snprintf(exp, sizeof exp, "<%s", thr);
    size_t k;
    rc = gk__emit_sev(d, cur, "series.copied_text", -1, c0, gk_report_section_line(cur, sec), exp,
                      ratio, zh, en, &k);
    if (!rc) rc = gk_diags_add_cell(d, k, c1);
    if (rc) return rc;
  }
  return GK_OK;
}

/* Name without leading or trailing white space: [*b, *b + *n). */
static void trimmed(const char *s, const char **b, size_t *n) {
  *b = s;
  *n = strlen(s);
  gk__trim(b, n);
}

static int ends_with(const char *s, size_t n, const char *suffix) {
  size_t k = strlen(suffix);
  return n >= k && memcmp(s + n - k, suffix, k) == 0;
}

/* One agency under two spellings: equal once a trailing 人民政府 is dropped from
 * both, or one is the other with a region prefix ("淮安市" + "洪泽区人民政府"):
 * the longer ends with the shorter and its extra prefix ends with a division
 * suffix (省 市 区 县 州 盟 旗). */
static int same_agency_name(const char *a, size_t na, const char *b, size_t nb) {
  static const char *const gov = "\xE4\xBA\xBA\xE6\xB0\x91\xE6\x94\xBF\xE5\xBA\x9C"; /* 人民政府 */
  static const char *const divisions[] = {"\xE7\x9C\x81", "\xE5\xB8\x82", "\xE5\x8C\xBA",
                                          "\xE5\x8E\xBF", "\xE5\xB7\x9E", "\xE7\x9B\x9F",
                                          "\xE6\x97\x97"}; /* 省 市 区 县 州 盟 旗 */
  if (ends_with(a, na, gov) && na > strlen(gov)) na -= strlen(gov);
  if (ends_with(b, nb, gov) && nb > strlen(gov)) nb -= strlen(gov);
  if (na == nb) return memcmp(a, b, na) == 0;
  const char *lng = na > nb ? a : b, *sht = na > nb ? b : a;
  size_t nl = na > nb ? na : nb, ns = na > nb ? nb : na;
  if (ns < 6 || memcmp(lng + nl - ns, sht, ns) != 0) return 0; /* at least two characters */
  for (size_t i = 0; i < sizeof divisions / sizeof *divisions; i++)
    if (ends_with(lng, nl - ns, divisions[i])) return 1;
  return 0;
}

static int check_agency(gk_diags *d, const gk_series *s) {
  const gk_report *ref = NULL;
  for (size_t i = 0; i < s->n && !ref; i++)
    if (gk_report_agency(s->r[i], GK_AGENCY_NAME) || gk_report_agency(s->r[i], GK_AGENCY_CODE))
      ref = s->r[i];
  for (size_t i = 0; ref && i < s->n; i++) {
    const gk_report *r = s->r[i];
    if (r == ref) continue;
    const char *rc_ = gk_report_agency(r, GK_AGENCY_CODE),
               *fc = gk_report_agency(ref, GK_AGENCY_CODE);
    int field = -1;
    if (rc_ && fc) {
      if (strcmp(rc_, fc) != 0) field = GK_AGENCY_CODE;
    } else if (gk_report_agency(r, GK_AGENCY_NAME) && gk_report_agency(ref, GK_AGENCY_NAME)) {
      const char *a, *b;
      size_t na, nb;
      trimmed(gk_report_agency(r, GK_AGENCY_NAME), &a, &na);
      trimmed(gk_report_agency(ref, GK_AGENCY_NAME), &b, &nb);
      if (!same_agency_name(a, na, b, nb)) field = GK_AGENCY_NAME;
    }
    if (field < 0) continue;
    const char *key = field == GK_AGENCY_CODE ? "code" : "name";
    char cell[64], zh[768], en[768];
    snprintf(cell, sizeof cell, "%d:agency/%s", gk_report_year(r), key);
    snprintf(zh, sizeof zh, "%d年报告的机关%s“%.200s”与%d年报告（%s）的“%.200s”不同",
             gk_report_year(r), field == GK_AGENCY_CODE ? "代码" : "名称",
             gk_report_agency(r, field), gk_report_year(ref), src_name(ref),
             gk_report_agency(ref, field));
    snprintf(en, sizeof en,
             "agency %s \"%.200s\" of the %d report differs from \"%.200s\" (%d, %s)", key,
             gk_report_agency(r, field), gk_report_year(r), gk_report_agency(ref, field),
             gk_report_year(ref), src_name(ref));
    int rc = gk__emit_sev(d, r, "series.agency", -1, cell, 0, gk_report_agency(ref, field),
                          gk_report_agency(r, field), zh, en, NULL);
    if (rc) return rc;
  }
  return GK_OK;
}

static int check_gap(gk_diags *d, const gk_series *s) {
  const gk_report *last = NULL;
  for (size_t i = 0; i < s->n; i++) {
    const gk_report *r = s->r[i];
    char zh[512], en[512], ev[32], av[32];
    int rc = GK_OK;
    if (gk_report_year(r) == 0) {
      snprintf(zh, sizeof zh, "报告（%s）没有年度，无法排入系列", src_name(r));
      snprintf(en, sizeof en, "a report (%s) has no year and cannot be placed in the series",
               src_name(r));
      rc = gk__emit_sev(d, r, "series.gap", -1, NULL, 0, NULL, "0", zh, en, NULL);
    } else if (last && gk_report_year(r) == gk_report_year(last)) {
      snprintf(zh, sizeof zh, "%d年出现两次（%s 与 %s）", gk_report_year(r), src_name(last),
               src_name(r));
      snprintf(en, sizeof en, "year %d appears twice (%s and %s)", gk_report_year(r),
               src_name(last), src_name(r));
      snprintf(ev, sizeof ev, "%d", gk_report_year(r) + 1);
      snprintf(av, sizeof av, "%d", gk_report_year(r));
      rc = gk__emit_sev(d, r, "series.gap", -1, NULL, 0, ev, av, zh, en, NULL);
    } else if (last && gk_report_year(r) > gk_report_year(last) + 1) {
      if (gk_report_year(r) == gk_report_year(last) + 2) {
        snprintf(zh, sizeof zh, "缺少%d年的报告", gk_report_year(last) + 1);
        snprintf(en, sizeof en, "the %d report is missing", gk_report_year(last) + 1);
      } else {
        snprintf(zh, sizeof zh, "缺少%d年至%d年的报告", gk_report_year(last) + 1,
                 gk_report_year(r) - 1);
        snprintf(en, sizeof en, "the reports of %d to %d are missing", gk_report_year(last) + 1,
                 gk_report_year(r) - 1);
      }
      snprintf(ev, sizeof ev, "%d", gk_report_year(last) + 1);
      snprintf(av, sizeof av, "%d", gk_report_year(r));
      rc = gk__emit_sev(d, r, "series.gap", -1, NULL, 0, ev, av, zh, en, NULL);
    }
    if (rc) return rc;
    if (gk_report_year(r)) last = r;
  }
  return GK_OK;
}

static int run_rules(const gk_series *s, gk_diags *d) {
  int rc = check_gap(d, s);
  if (!rc) rc = check_agency(d, s);
  for (size_t i = 1; !rc && i < s->n; i++) {
    const gk_report *prev = s->r[i - 1], *cur = s->r[i];
    if (!gk_report_year(prev) || gk_report_year(cur) != gk_report_year(prev) + 1) continue;
    rc = check_pair_tables(d, prev, cur);
    if (!rc) rc = check_copied(d, s, prev, cur);
  }
  return rc;
}

GK_API int gk_series_validate(const gk_series *s, const struct gk_validate_opts *opts,
                              gk_diags *diags) {
  if (!s || !diags) return GK_EINVAL;
  size_t start = gk_diags_count(diags);
  int rc = run_rules(s, diags);
  if (!rc) rc = gk__diags_apply_opts(diags, start, opts);
  if (rc) gk__diags_truncate(diags, start);
  return rc;
}

/* ================================================================== trend table */
GK_API size_t gk_series_trend_count(const gk_series *s) { return s ? s->view.n : 0; }

GK_API const char *gk_series_trend_path(const gk_series *s, size_t i) {
  return (s && i < s->view.n) ? s->view.e[i].path : NULL;
}

GK_API int gk_series_trend_comparable(const gk_series *s, size_t i) {
  return (s && i < s->view.n) ? s->view.e[i].comparable : -1;
}

GK_API int gk_series_trend_value(int *state_out, int64_t *value_out, const gk_series *s,
                                 size_t i, size_t j) {
  int st = GK_CELL_BLANK;
  int64_t v = 0;
  int rc = (s && i < s->view.n && j < s->n) ? gk__view_value(&s->view.e[i], s->r[j], &st, &v)
                                            : GK_EINVAL;
  if (state_out) *state_out = rc ? GK_CELL_BLANK : st;
  if (value_out) *value_out = rc ? 0 : v;
  return rc;
}

GK_API int gk_series_trend_change(int64_t *change_out, char *pct, size_t pct_cap,
                                  const gk_series *s, size_t i, size_t j) {
  if (change_out) *change_out = 0;
  if (pct && pct_cap) pct[0] = '\0';
  if (!change_out || !s || i >= s->view.n || j >= s->n) return GK_EINVAL;
  if (j == 0) return GK_ENOTFOUND;
  int s0, s1;
  int64_t v0, v1, ch;
  int rc = gk_series_trend_value(&s0, &v0, s, i, j - 1);
  if (!rc) rc = gk_series_trend_value(&s1, &v1, s, i, j);
  if (rc) return rc;
  if (s0 != GK_CELL_VALUE || s1 != GK_CELL_VALUE) return GK_ENOTFOUND;
  if (v0 == INT64_MIN || gk__add64(&ch, v1, -v0)) return GK_EOVERFLOW;
  *change_out = ch;
  if (pct && v0 != 0) {
    rc = gk__ratio_format(pct, pct_cap, ch, v0, 1, 2);
    if (rc < 0) return rc;
  }
  return GK_OK;
}

/* Writers of the two exports: per entry and report, the value, change and pct. */
typedef struct {
  int has_value, has_change;
  char value[48], change[48], pct[48];
  int state;
} cellrep;

static int describe(cellrep *c, const gk_series *s, size_t i, size_t j) {
  int64_t v, ch;
  memset(c, 0, sizeof *c);
  int rc = gk_series_trend_value(&c->state, &v, s, i, j);
  if (rc == GK_ENOTFOUND) {
    c->state = -1;
    return GK_OK;
  }
  if (rc) return rc;
  int kind = s->view.e[i].kind;
  if (c->state == GK_CELL_VALUE) {
    c->has_value = 1;
    gk__format_value(c->value, sizeof c->value, kind, v);
  }
  rc = gk_series_trend_change(&ch, c->pct, sizeof c->pct, s, i, j);
  if (rc == GK_OK) {
    c->has_change = 1;
    gk__format_value(c->change, sizeof c->change, kind, ch);
  } else if (rc != GK_ENOTFOUND) {
    return rc;
  }
  return GK_OK;
}

static void json_num(gk__buf *b, int kind, int has, const char *txt) {
  if (!has)
    gk__buf_puts(b, "null");
  else if (kind == GK_KIND_AMOUNT)
    gk__buf_printf(b, "\"%s\"", txt);
  else
    gk__buf_puts(b, txt);
}

GK_API int gk_series_trend_to_json(char **out, size_t *len_out, const gk_series *s) {
  if (out) *out = NULL;
  if (len_out) *len_out = 0;
  if (!out || !s) return GK_EINVAL;
  gk__buf b;
  gk__buf_init(&b);
  gk__buf_puts(&b, "{\"years\":[");
  for (size_t j = 0; j < s->n; j++)
    gk__buf_printf(&b, "%s%d", j ? "," : "", gk_report_year(s->r[j]));
  gk__buf_puts(&b, "],\"editions\":[");
  for (size_t j = 0; j < s->n; j++)
    gk__buf_printf(&b, "%s%d", j ? "," : "", gk_report_edition(s->r[j]));
  gk__buf_puts(&b, "],\"cells\":[");
  int rc = GK_OK;
  for (size_t i = 0; !rc && i < s->view.n; i++) {
    const gk__view_entry *e = &s->view.e[i];
    cellrep *reps = gk__calloc(s->n ? s->n : 1, sizeof *reps);
    if (!reps) {
      rc = GK_ENOMEM;
      break;
    }
    for (size_t j = 0; !rc && j < s->n; j++) rc = describe(&reps[j], s, i, j);
    gk__buf_printf(&b, "%s{\"path\":\"%s\",\"comparable\":%s,\"values\":[", i ? "," : "", e->path,
                   e->comparable ? "true" : "false");
    for (size_t j = 0; j < s->n; j++) {
      if (j) gk__buf_putc(&b, ',');
      json_num(&b, e->kind, reps[j].has_value, reps[j].value);
    }
    gk__buf_puts(&b, "],\"change\":[");
    for (size_t j = 0; j < s->n; j++) {
      if (j) gk__buf_putc(&b, ',');
      json_num(&b, e->kind, reps[j].has_change, reps[j].change);
    }
    gk__buf_puts(&b, "],\"pct\":[");
    for (size_t j = 0; j < s->n; j++) {
      if (j) gk__buf_putc(&b, ',');
      if (reps[j].has_change && reps[j].pct[0])
        gk__buf_printf(&b, "\"%s\"", reps[j].pct);
      else
        gk__buf_puts(&b, "null");
    }
    gk__buf_puts(&b, "]}");
    gk__free(reps);
  }
  gk__buf_puts(&b, "],\"indicators\":[");
  for (size_t k = 0; !rc && k < gk_indicator_count(); k++) {
    gk__buf_printf(&b, "%s{\"id\":\"%s\",\"values\":[", k ? "," : "", gk_indicator_id(k));
    for (size_t j = 0; j < s->n; j++) {
      int64_t num, den;
      char txt[48];
      int r2 = gk_report_indicator(&num, &den, s->r[j], k);
      if (j) gk__buf_putc(&b, ',');
      if (r2 == GK_OK && gk_indicator_format(txt, sizeof txt, num, den) > 0)
        gk__buf_printf(&b, "\"%s\"", txt);
      else
        gk__buf_puts(&b, "null");
    }
    gk__buf_puts(&b, "]}");
  }
  gk__buf_puts(&b, "]}");
  if (rc) {
    gk__buf_free(&b);
    return rc;
  }
  return gk__buf_finish(&b, out, len_out);
}

static const char *state_key(int st) {
  return st == GK_CELL_VALUE ? "value" : st == GK_CELL_LITERAL ? "literal" : st < 0 ? "absent"
                                                                                   : "blank";
}

GK_API int gk_series_trend_to_csv(char **out, size_t *len_out, const gk_series *s) {
  if (out) *out = NULL;
  if (len_out) *len_out = 0;
  if (!out || !s) return GK_EINVAL;
  gk__buf b;
  gk__buf_init(&b);
  gk__buf_puts(&b, "path,comparable,year,edition,state,value,change,pct\n");
  int rc = GK_OK;
  for (size_t i = 0; !rc && i < s->view.n; i++)
    for (size_t j = 0; !rc && j < s->n; j++) {
      cellrep c;
      rc = describe(&c, s, i, j);
      if (rc) break;
      gk__buf_printf(&b, "%s,%d,%d,%d,%s,%s,%s,%s\n", s->view.e[i].path, s->view.e[i].comparable,
                     gk_report_year(s->r[j]), gk_report_edition(s->r[j]), state_key(c.state),
                     c.has_value ? c.value : "", c.has_change ? c.change : "",
                     c.has_change ? c.pct : "");
    }
  for (size_t k = 0; !rc && k < gk_indicator_count(); k++)
    for (size_t j = 0; j < s->n; j++) {
      int64_t num, den;
      char txt[48] = "";
      int r2 = gk_report_indicator(&num, &den, s->r[j], k);
      if (r2 == GK_OK) gk_indicator_format(txt, sizeof txt, num, den);
      gk__buf_printf(&b, "indicator/%s,1,%d,%d,%s,%s,,\n", gk_indicator_id(k),
                     gk_report_year(s->r[j]), gk_report_edition(s->r[j]),
                     r2 == GK_OK ? "value" : "absent", txt);
    }
  if (rc) {
    gk__buf_free(&b);
    return rc;
  }
  return gk__buf_finish(&b, out, len_out);
}
