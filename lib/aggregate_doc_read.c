/* SPDX-License-Identifier: MIT */
/* Reading a saved aggregate (docs/aggregate.schema.json): the text checked by
 * gk__json_check (strict, bounded), then walked once; integers read from their
 * tokens with range checks, strings decoded here, cells set through the model's
 * setters. The first error is a located json.syntax / json.key / json.value. */
#include <stdio.h>
#include <string.h>
#include "gkreport/aggregate.h"
#include "json_int.h"
#include "stats_int.h"

typedef struct {
  const char *s;
  size_t n;
  size_t err_off; /* offset of the first error */
  const char *rule, *zh, *en;
  gk__buf str; /* the last string decoded */
} rd;

static int fail(rd *x, size_t off, const char *rule, const char *zh, const char *en) {
  if (!x->rule) {
    x->err_off = off;
    x->rule = rule;
    x->zh = zh;
    x->en = en;
  }
  return GK_EPARSE;
}

/* ---------------------------------------------------------------- walking */
static size_t ws(const rd *x, size_t p) { return gk__json_ws(x->s, x->n, p); }

/* Member of the object whose '{' or ',' is before *p: key (raw, between quotes)
 * and value [*v, *ve). 0 at the end of the object. */
static int next_member(const rd *x, size_t *p, const char **k, size_t *kl, size_t *v,
                       size_t *ve) {
  size_t q = ws(x, *p);
  if (x->s[q] == '}') return 0;
  if (x->s[q] == ',') q = ws(x, q + 1);
  size_t e = gk__json_string_end(x->s, x->n, q);
  *k = x->s + q + 1;
  *kl = e - q - 2;
  q = ws(x, e) + 1; /* ':' */
  *v = ws(x, q);
  *ve = gk__json_skip(x->s, x->n, *v);
  *p = *ve;
  return 1;
}

/* Element of the array whose '[' or ',' is before *p. 0 at the end. */
static int next_element(const rd *x, size_t *p, size_t *v, size_t *ve) {
  size_t q = ws(x, *p);
  if (x->s[q] == ']') return 0;
  if (x->s[q] == ',') q = ws(x, q + 1);
  *v = q;
  *ve = gk__json_skip(x->s, x->n, q);
  *p = *ve;
  return 1;
}

static int key_is(const char *k, size_t kl, const char *want) {
  return strlen(want) == kl && memcmp(k, want, kl) == 0;
}

static int want(rd *x, size_t v, char c, const char *what_en) {
  if (x->s[v] == c) return GK_OK;
  return fail(x, v, "json.type", "JSON值类型错误", what_en);
}

/* An integer token in [lo, hi]. */
static int int_at(rd *x, size_t v, size_t ve, int64_t lo, int64_t hi, int64_t *out) {
  size_t p = v;
  int neg = x->s[p] == '-';
  if (neg) p++;
  if (p >= ve || x->s[p] < '0' || x->s[p] > '9')
    return fail(x, v, "json.type", "应为整数", "an integer is expected");
  uint64_t u = 0;
  for (; p < ve; p++) {
    char c = x->s[p];
    if (c < '0' || c > '9') return fail(x, v, "json.value", "应为整数", "an integer is expected");
    if (u > (UINT64_MAX - 9) / 10) return fail(x, v, "json.value", "数值超出范围", "out of range");
    u = u * 10 + (uint64_t)(c - '0');
  }
  if (u > (uint64_t)INT64_MAX) return fail(x, v, "json.value", "数值超出范围", "out of range");
  int64_t val = neg ? -(int64_t)u : (int64_t)u;
  if (val < lo || val > hi) return fail(x, v, "json.value", "数值超出范围", "out of range");
  *out = val;
  return GK_OK;
}

/* The string at v (checked text) decoded into x->str; *s_out NUL-terminated.
 * `null_ok`: null gives NULL. */
static int str_at(rd *x, size_t v, size_t ve, int null_ok, const char **s_out) {
  *s_out = NULL;
  if (null_ok && x->s[v] == 'n') return GK_OK;
  int rc = want(x, v, '"', "a string is expected");
  if (rc) return rc;
  x->str.len = 0;
  if ((rc = gk__json_str_decode(&x->str, x->s, v + 1, ve - 1))) return rc;
  if (x->str.len && memchr(x->str.data, '\0', x->str.len))
    return fail(x, v, "json.value", "字符串含NUL", "a string holds NUL");
  gk__buf_putc(&x->str, '\0');
  if (x->str.err) return x->str.err;
  *s_out = x->str.data;
  return GK_OK;
}

/* ---------------------------------------------------------------- cells */
static int edition_at(rd *x, size_t v, size_t ve, int *ed_out) {
  const char *s;
  int rc = str_at(x, v, ve, 0, &s);
  if (rc) return rc;
  int ed = 0;
  for (const char *p = s; *p >= '0' && *p <= '9' && ed < 100000; p++) ed = ed * 10 + (*p - '0');
  if (gk__ed_index(ed) < 0) return fail(x, v, "json.edition", "未知的格式版本", "unknown edition");
  *ed_out = ed;
  return GK_OK;
}

static int cell_at(rd *x, gk_report *r, const char *k, size_t kl, size_t v, size_t ve) {
  char path[96];
  int t;
  size_t row, col;
  if (kl >= sizeof path) return fail(x, v, "json.key", "未知的单元格", "an unknown cell");
  memcpy(path, k, kl);
  path[kl] = '\0';
  if (gk_report_path_find(&t, &row, &col, r, path, GK_NUL_TERMINATED))
    return fail(x, v, "json.key", "未知的单元格", "an unknown cell");
  if (gk__cell_at(r, t, row, col)->state != GK_CELL_BLANK)
    return fail(x, v, "json.key", "单元格重复", "a cell twice");
  size_t tv = v, tve = ve;
  char unit[16] = "";
  int rc = GK_OK;
  if (x->s[v] == '{') { /* {"value": "...", "unit": "..."} */
    size_t p = v + 1, mv, mve, mkl;
    const char *mk, *u;
    tv = 0;
    while (!rc && next_member(x, &p, &mk, &mkl, &mv, &mve)) {
      if (key_is(mk, mkl, "value")) tv = mv, tve = mve;
      else if (!key_is(mk, mkl, "unit")) rc = fail(x, mv, "json.key", "未知的键", "an unknown key");
      else if (!(rc = str_at(x, mv, mve, 0, &u)) && (strlen(u) >= sizeof unit || !u[0]))
        rc = fail(x, mv, "json.value", "单位无效", "an invalid unit");
      else if (!rc) memcpy(unit, u, strlen(u) + 1);
    }
    if (!rc && (!tv || !unit[0])) rc = fail(x, v, "json.key", "缺少value或unit", "\"value\" or \"unit\" is missing");
  }
  const char *text = NULL;
  if (!rc) rc = str_at(x, tv, tve, 0, &text);
  int kind = gk_schema_col_kind(gk_report_edition(r), t, col);
  int64_t val = 0;
  if (!rc && (kind == GK_KIND_AMOUNT ? gk_decimal_parse(&val, text, strlen(text))
                                     : gk__parse_cell_text(kind, text, strlen(text), &val, NULL)))
    rc = fail(x, tv, "json.value", "单元格数值无效", "an invalid cell value");
  if (!rc && gk_report_set_value(r, t, row, col, val))
    rc = fail(x, tv, "json.value", "单元格数值无效（负数或派生行）",
              "an invalid cell value (a negative count or a derived row)");
  if (rc || !unit[0]) return rc;
  int u = strcmp(unit, "mixed") == 0 ? -1 : gk__json_unit_find(unit);
  if (u == GK_ENOTFOUND || kind != GK_KIND_AMOUNT || (u >= 0 && gk_report_set_unit(r, t, row, col, u)))
    return fail(x, v, "json.value", "单位无效", "an invalid unit");
  if (u == -1) gk__agg_cell(r, t, row, col)->unit = (uint8_t)GK__UNIT_MIXED;
  return GK_OK;
}

/* {"edition": "2021", "cells": {...}} */
static int sums_at(rd *x, size_t v, gk_report **out) {
  *out = NULL;
  int rc = want(x, v, '{', "an object is expected"), ed = 0;
  size_t p = v + 1, mv, mve, cells = 0;
  const char *k;
  size_t kl;
  while (!rc && next_member(x, &p, &k, &kl, &mv, &mve)) {
    if (key_is(k, kl, "edition")) rc = edition_at(x, mv, mve, &ed);
    else if (key_is(k, kl, "cells")) rc = want(x, mv, '{', "an object is expected"), cells = mv;
    else rc = fail(x, mv, "json.key", "未知的键", "an unknown key");
  }
  if (!rc && (!ed || !cells)) rc = fail(x, v, "json.key", "缺少edition或cells", "edition or cells is missing");
  gk_report *r = NULL;
  if (!rc) rc = gk_report_new(&r, ed, 0);
  p = cells + 1;
  while (!rc && next_member(x, &p, &k, &kl, &mv, &mve)) rc = cell_at(x, r, k, kl, mv, mve);
  if (rc) {
    gk_report_free(r);
    return rc;
  }
  *out = r;
  return GK_OK;
}

/* ---------------------------------------------------------------- the document */
static int u64_at(rd *x, size_t v, size_t ve, uint64_t *out) {
  int64_t t;
  int rc = int_at(x, v, ve, 0, INT64_MAX, &t);
  if (!rc) *out = (uint64_t)t;
  return rc;
}

/* [lo, hi] years */
static int years_at(rd *x, size_t v, size_t ve, int *lo, int *hi) {
  int rc = want(x, v, '[', "an array is expected");
  size_t p = v + 1, ev, eve;
  int k = 0;
  while (!rc && next_element(x, &p, &ev, &eve)) {
    int64_t y;
    if (k >= 2) return fail(x, ev, "json.value", "年度应为两个数", "two years are expected");
    if (!(rc = int_at(x, ev, eve, 0, 9999, &y))) *(k++ ? hi : lo) = (int)y;
  }
  (void)ve;
  if (!rc && k != 2) rc = fail(x, v, "json.value", "年度应为两个数", "two years are expected");
  return rc;
}

static int options_at(rd *x, gk_aggregate *a, size_t v) {
  int rc = want(x, v, '[', "an array is expected");
  size_t p = v + 1, ev, eve;
  while (!rc && next_element(x, &p, &ev, &eve)) {
    const char *s;
    if ((rc = str_at(x, ev, eve, 0, &s))) break;
    size_t i = 0;
    while (i < gk__nagg_options && strcmp(gk__agg_options[i].name, s)) i++;
    if (i == gk__nagg_options) return fail(x, ev, "json.value", "未知的选项", "an unknown option");
    a->flags |= gk__agg_options[i].flag;
  }
  return rc;
}

static int per_edition_at(rd *x, gk_aggregate *a, size_t v) {
  int rc = want(x, v, '{', "an object is expected");
  size_t p = v + 1, mv, mve, kl;
  const char *k;
  while (!rc && next_member(x, &p, &k, &kl, &mv, &mve)) {
    int ed = 0;
    for (size_t i = 0; i < kl && i < 6 && k[i] >= '0' && k[i] <= '9'; i++) ed = ed * 10 + (k[i] - '0');
    int ei = gk__ed_index(ed);
    if (ei < 0 || a->per_ed[ei]) return fail(x, mv, "json.key", "未知或重复的格式版本", "an unknown or repeated edition");
    rc = u64_at(x, mv, mve, &a->per_ed[ei]);
    if (!rc && !a->per_ed[ei]) rc = fail(x, mv, "json.value", "数量应大于0", "a count above 0 is expected");
  }
  return rc;
}

static int all_sums_at(rd *x, gk_aggregate *a, size_t v) {
  int rc = want(x, v, '[', "an array is expected");
  size_t p = v + 1, ev, eve;
  while (!rc && next_element(x, &p, &ev, &eve)) {
    gk_report *r;
    if ((rc = sums_at(x, ev, &r))) break;
    int ei = gk__ed_index(gk_report_edition(r));
    if (a->acc[ei]) {
      gk_report_free(r);
      return fail(x, ev, "json.value", "格式版本重复", "an edition twice");
    }
    a->acc[ei] = r;
  }
  return rc;
}

static int common_at(rd *x, gk_aggregate *a, size_t v) {
  gk_report *r;
  int rc = sums_at(x, v, &r);
  if (rc) return rc;
  if (gk_report_edition(r) != gk_report_edition(a->common)) {
    gk_report_free(r);
    return fail(x, v, "json.value", "共同口径应为最新格式", "the common view is in the newest edition");
  }
  gk_report_free(a->common);
  a->common = r;
  return GK_OK;
}

static int enum_at(rd *x, size_t v, size_t ve, int (*find)(const char *), int *out) {
  const char *s;
  int rc = str_at(x, v, ve, 1, &s);
  *out = 0;
  if (rc || !s) return rc;
  int k = find(s);
  if (k < 0) return fail(x, v, "json.value", "未知的取值", "an unknown value");
  *out = k;
  return GK_OK;
}

static int contributor_at(rd *x, gk_aggregate *a, size_t v) {
  int rc = want(x, v, '{', "an object is expected");
  char *str[3] = {NULL, NULL, NULL};
  static const char *const skeys[3] = {"name", "code", "region"};
  int level = 0, kind = 0, year = 0, ed = 0;
  size_t p = v + 1, mv, mve, kl;
  const char *k;
  while (!rc && next_member(x, &p, &k, &kl, &mv, &mve)) {
    int si = -1;
    for (int i = 0; i < 3; i++)
      if (key_is(k, kl, skeys[i])) si = i;
    if (si >= 0) {
      const char *s;
      gk__free(str[si]); /* a key twice: the last one */
      str[si] = NULL;
      if (!(rc = str_at(x, mv, mve, 1, &s)) && s && !(str[si] = gk__strdup(s))) rc = GK_ENOMEM;
    } else if (key_is(k, kl, "level")) rc = enum_at(x, mv, mve, gk_schema_level_find, &level);
    else if (key_is(k, kl, "kind")) rc = enum_at(x, mv, mve, gk_schema_agency_kind_find, &kind);
    else if (key_is(k, kl, "year")) {
      int64_t y;
      if (!(rc = int_at(x, mv, mve, 0, 9999, &y))) year = (int)y;
    } else if (key_is(k, kl, "edition")) rc = edition_at(x, mv, mve, &ed);
    else rc = fail(x, mv, "json.key", "未知的键", "an unknown key");
  }
  if (!rc && !ed) rc = fail(x, v, "json.key", "缺少edition", "edition is missing");
  if (!rc && !(a->flags & GK_AGGREGATE_NO_CONTRIBUTORS)) {
    contributor c;
    rc = gk__con_reserve(a, 1);
    if (!rc) rc = gk__con_make(&c, str[0], str[1], str[2], year, ed, level, kind);
    if (!rc) a->con[a->ncon++] = c;
  }
  for (int i = 0; i < 3; i++) gk__free(str[i]);
  return rc;
}

static int list_at(rd *x, gk_aggregate *a, size_t v, int keys) {
  int rc = want(x, v, '[', "an array is expected");
  size_t p = v + 1, ev, eve;
  while (!rc && next_element(x, &p, &ev, &eve)) {
    if (!keys) {
      rc = contributor_at(x, a, ev);
      continue;
    }
    const char *s;
    if ((rc = str_at(x, ev, eve, 0, &s))) break;
    uint64_t key = 0;
    size_t n = strlen(s);
    for (size_t i = 0; i < n && i < 16; i++) {
      char c = s[i];
      int d = c >= '0' && c <= '9' ? c - '0' : c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
      if (d < 0) n = 0;
      key = key << 4 | (uint64_t)(d < 0 ? 0 : d);
    }
    if (n != 16 || !key || (key >> 14 & 3) == 0 || gk__aggkeys_has(&a->keys, key))
      return fail(x, ev, "json.value", "键无效", "an invalid key");
    if (!(rc = gk__aggkeys_reserve(&a->keys, 1))) {
      uint64_t *e = gk__aggkeys_put(&a->keys, key);
      gk__aggkeys_count(e, gk__aggkeys_gov(key), gk__aggkeys_inside(key));
    }
  }
  return rc;
}

static const char *const root_keys[] = {"gkaggregate", "options", "count", "literals", "left_out",
                                        "skipped", "duplicates_merged", "years", "known_years",
                                        "per_edition", "sums", "common", "contributors", "keys"};
#define NROOT (sizeof root_keys / sizeof root_keys[0])

static int root_member(rd *x, gk_aggregate *a, int i, size_t v, size_t ve) {
  int64_t ver;
  switch (i) {
  case 0:
    if (int_at(x, v, ve, 2, 2, &ver)) return fail(x, v, "json.value", "不支持的汇总文件版本", "unsupported version (2 expected)");
    return GK_OK;
  case 1: return options_at(x, a, v);
  case 2: return u64_at(x, v, ve, &a->count);
  case 3: return u64_at(x, v, ve, &a->literals);
  case 4: return u64_at(x, v, ve, &a->left_out);
  case 5: return u64_at(x, v, ve, &a->skipped);
  case 6: return u64_at(x, v, ve, &a->dup_merged);
  case 7: return years_at(x, v, ve, &a->year_min, &a->year_max);
  case 8: return years_at(x, v, ve, &a->known_min, &a->known_max);
  case 9: return per_edition_at(x, a, v);
  case 10: return all_sums_at(x, a, v);
  case 11: return common_at(x, a, v);
  case 12: return list_at(x, a, v, 0);
  default: return list_at(x, a, v, 1);
  }
}

/* Members in the written order (options first: they decide whether contributors are kept). */
static int read_root(rd *x, gk_aggregate *a) {
  size_t p = ws(x, x->n >= 3 && (unsigned char)x->s[0] == 0xEF ? 3 : 0), v, ve, kl; /* BOM */
  if (x->s[p++] != '{') return fail(x, 0, "json.type", "应为对象", "an object is expected");
  const char *k;
  uint32_t seen = 0;
  int rc = GK_OK;
  while (!rc && next_member(x, &p, &k, &kl, &v, &ve)) {
    size_t i = 0;
    while (i < NROOT && !key_is(k, kl, root_keys[i])) i++;
    if (i == NROOT || (seen >> i & 1u)) return fail(x, v, "json.key", "未知或重复的键", "an unknown or repeated key");
    if (i > 1 && !(seen & 3u)) return fail(x, v, "json.key", "gkaggregate与options应在最前", "gkaggregate and options come first");
    seen |= 1u << i;
    rc = root_member(x, a, (int)i, v, ve);
  }
  if (!rc && seen != (1u << NROOT) - 1) rc = fail(x, 0, "json.key", "缺少键", "a member is missing");
  if (rc) return rc;
  uint64_t total = 0; /* the counts agree with the sums present */
  for (int i = 0; i < GK__MAX_EDITIONS; i++) {
    if ((a->per_ed[i] != 0) != (a->acc[i] != NULL) || total + a->per_ed[i] < total)
      return fail(x, 0, "json.value", "计数与合计不符", "the counts do not match the sums");
    total += a->per_ed[i];
  }
  if (total != a->count || a->literals > INT64_MAX ||
      (!(a->flags & GK_AGGREGATE_NO_CONTRIBUTORS) && a->ncon != a->count))
    return fail(x, 0, "json.value", "计数与合计不符", "the counts do not match the sums");
  return GK_OK;
}

static int report(gk_diags *d, const rd *x) {
  if (!d) return GK_EPARSE;
  uint32_t line, col;
  gk__json_pos(x->s, x->n, x->err_off, &line, &col);
  char zh[256], en[256];
  snprintf(zh, sizeof zh, "汇总文件无法读取：%s", x->zh);
  snprintf(en, sizeof en, "aggregate document: %s", x->en);
  size_t k;
  return gk_diags_add(&k, d, GK_SEV_ERROR, x->rule, zh, en, NULL, line, col) ? GK_ENOMEM
                                                                              : GK_EPARSE;
}

GK_API int gk_aggregate_from_json(gk_aggregate **out, const char *utf8, size_t len,
                                  gk_diags *diags) {
  len = gk__nul_len(utf8, len);
  if (!out) return GK_EINVAL;
  *out = NULL;
  if (!utf8) return GK_EINVAL;
  rd x = {utf8, len, 0, NULL, NULL, NULL, {0}};
  gk__buf_init(&x.str);
  gk__jerr err;
  if (!gk__json_check(utf8, len, &err, NULL, 0)) {
    x.err_off = err.off, x.rule = err.rule, x.zh = err.msg_zh, x.en = err.msg_en;
    return report(diags, &x);
  }
  gk_aggregate *a = NULL;
  int rc = gk_aggregate_new(&a, 0);
  if (!rc) rc = read_root(&x, a);
  gk__buf_free(&x.str);
  if (rc == GK_EPARSE) rc = report(diags, &x);
  if (rc) {
    gk_aggregate_free(a);
    return rc;
  }
  *out = a;
  return GK_OK;
}
