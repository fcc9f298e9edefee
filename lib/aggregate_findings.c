/* SPDX-License-Identifier: MIT */
/* Checks of each contributor of a consolidation, before its cells are summed:
 * aggregate.incomplete (a truncated copy, missing tables, a pre-2019 report,
 * every cell blank: left out unless GK_AGGREGATE_INCLUDE_INCOMPLETE),
 * aggregate.duplicate (an agency and year seen before, or the same tables under
 * another name: skipped), aggregate.repaired (GK_AGGREGATE_REPAIR: each
 * single-cell culprit repair applied), aggregate.contributor (the contributor's
 * own table errors, carried, GK_AGGREGATE_CHECK_CONTRIBUTORS), and the cap of
 * the findings per rule. */
#include <stdio.h>
#include <string.h>
#include "gkreport/aggregate.h"
#include "gkreport/validate.h"
#include "stats_int.h"

/* ------------------------------------------------------------------ capped findings */
static const char *const capped[GK__AGG_NCAPPED] = {
    "aggregate.literal",  "aggregate.contributor", "aggregate.incomplete", "aggregate.duplicate",
    "aggregate.repaired", "aggregate.overflow",    "jsonl.line",           "aggregate.overlap"};

static int capped_index(const char *rule) {
  for (int i = 0; i < GK__AGG_NCAPPED; i++)
    if (strcmp(capped[i], rule) == 0) return i;
  return -1;
}

int gk__agg_emit(gk_aggregate *a, gk_diags *d, const char *rule, const char *zh, const char *en,
                 const char *file, uint32_t line, const char *const *cells, const char *expected,
                 const char *actual) {
  if (!d) return GK_OK;
  int k = capped_index(rule);
  if (k >= 0 && a->cap && a->emitted[k] >= a->cap) {
    a->suppressed[k]++;
    return GK_OK;
  }
  int rc = gk__stats_emit(d, GK_SEV_INFO, rule, zh, en, file, line, cells, expected, actual);
  if (!rc && k >= 0) a->emitted[k]++;
  return rc;
}

int gk__agg_emit_suppressed(const gk_aggregate *a, gk_diags *d) {
  for (int k = 0; k < GK__AGG_NCAPPED; k++) {
    if (!a->suppressed[k]) continue;
    char zh[256], en[256], n[32];
    snprintf(n, sizeof n, "%llu", (unsigned long long)a->suppressed[k]);
    snprintf(zh, sizeof zh, "另有%s条%s未逐条列出（每条规则最多列出%llu条）", n, capped[k],
             (unsigned long long)a->cap);
    snprintf(en, sizeof en, "%s more %s finding%s not listed (at most %llu per rule)", n,
             capped[k], a->suppressed[k] == 1 ? "" : "s", (unsigned long long)a->cap);
    int rc = gk__stats_emit(d, GK_SEV_INFO, capped[k], zh, en, NULL, 0, NULL, NULL, n);
    if (rc) return rc;
  }
  return GK_OK;
}

/* ------------------------------------------------------------------ helpers */
static const char *who(const gk_report *r) {
  const char *n = gk_report_agency(r, GK_AGENCY_NAME);
  return n && n[0] ? n : "?";
}

/* The position of a contributor's finding: the stream's line when given, else
 * the finding's own file and line. */
static void where(const char **file, uint32_t *line, const char *f0, uint32_t l0, const char *f1,
                  uint32_t l1) {
  *file = f0 ? f0 : f1;
  *line = l0 ? l0 : l1;
}

/* ------------------------------------------------------------------ incomplete */
static int all_blank(const gk_report *r) {
  for (int t = 0; t < GK_NTABLES; t++)
    if (gk_report_count_filled(r, t)) return 0;
  return 1;
}

/* 1 when r is incomplete; why in zh and en. */
static int incomplete(const gk_report *r, char *zh, char *en, size_t cap) {
  int t;
  size_t row;
  gk_completeness c = gk_report_completeness(&t, &row, r);
  if (c == GK_TRUNCATED && t >= 0) {
    snprintf(zh, cap, "副本不完整，止于%s", gk_schema_table_label(t, GK_LANG_ZH));
    snprintf(en, cap, "the copy ends in %s", gk_schema_table_label(t, GK_LANG_EN));
  } else if (c == GK_TRUNCATED) {
    snprintf(zh, cap, "副本不完整");
    snprintf(en, cap, "the copy is truncated");
  } else if (c == GK_PRE_FORMAT) {
    snprintf(zh, cap, "2019年以前的报告，没有统一表格");
    snprintf(en, cap, "a report from before the 2019 format, without the tables");
  } else if (c == GK_TABLES_MISSING || gk_report_missing_tables(r)) {
    snprintf(zh, cap, "缺少表格");
    snprintf(en, cap, "tables are missing");
  } else if (all_blank(r)) {
    snprintf(zh, cap, "表格全部为空白");
    snprintf(en, cap, "every cell of the tables is blank");
  } else {
    return 0;
  }
  return 1;
}

static int check_incomplete(gk_aggregate *a, const gk_report *r, gk_diags *d, const char *file,
                            uint32_t line, int *leave_out) {
  char wz[160], we[160], zh[512], en[512];
  *leave_out = 0;
  if (!incomplete(r, wz, we, sizeof wz)) return GK_OK;
  int inc = (a->flags & GK_AGGREGATE_INCLUDE_INCOMPLETE) != 0;
  *leave_out = !inc;
  snprintf(zh, sizeof zh, "%.200s（%d年）：%s，%s", who(r), gk_report_year(r), wz,
           inc ? "按要求计入汇总" : "未计入汇总");
  snprintf(en, sizeof en, "%.200s (%d): %s; %s", who(r), gk_report_year(r), we,
           inc ? "summed as asked" : "left out of the sum");
  return gk__agg_emit(a, d, "aggregate.incomplete", zh, en, file ? file : gk_report_source(r), line,
                      NULL, NULL, NULL);
}

/* ------------------------------------------------------------------ duplicates */
static uint64_t agency_key(const gk_report *r) {
  const char *id = gk_report_agency(r, GK_AGENCY_CODE);
  if (!id || !id[0]) id = gk_report_agency(r, GK_AGENCY_NAME);
  if (!id || !id[0]) return 0;
  return gk__aggkey(GK__KEY_AGENCY, id, strlen(id),
                    (uint64_t)(uint32_t)gk_report_year(r) * 2654435761u);
}

/* Fingerprint of the tables of a named report, 0 when they hold fewer than 32
 * non-zero values (small reports are alike by chance: every township with
 * nothing to report). */
static uint64_t tables_key(const gk_report *r) {
  const char *nm = gk_report_agency(r, GK_AGENCY_NAME);
  if (!nm || !nm[0]) return 0; /* "under two names": unnamed reports are not compared */
  uint64_t h = (uint64_t)(uint32_t)gk_report_edition(r);
  size_t nonzero = 0;
  for (int t = 0; t < GK_NTABLES; t++) {
    const gk__table_decl *td = &gk__report_ed(r)->tables[t];
    const gk__cell *cells = gk__report_cells(r, t);
    for (size_t i = 0; i < td->nrows * td->ncols; i++) {
      const gk__cell *c = &cells[i];
      if (c->state != GK_CELL_VALUE) continue;
      nonzero += c->value != 0;
      uint64_t w[2] = {(uint64_t)t << 32 | i, (uint64_t)c->value};
      h = gk__aggkey(GK__KEY_TABLES, w, sizeof w, h);
    }
  }
  return nonzero >= 32 ? gk__aggkey(GK__KEY_TABLES, &h, sizeof h, 0) : 0;
}

/* A government report with a region is identified by its region and year (its
 * node in the key table); any other report by its agency key. */
static int check_duplicate(gk_aggregate *a, const gk_report *r, gk_diags *d, const char *file,
                           uint32_t line, const gk__overlap_plan_t *p, uint64_t *akey,
                           uint64_t *tkey, int *dup) {
  int gov = p->n && p->kind == GK_AGENCY_KIND_GOVERNMENT;
  *akey = gov ? 0 : agency_key(r);
  *tkey = tables_key(r);
  uint64_t *node = gov && a->keys.cap ? gk__aggkeys_find(&a->keys, gk__overlap_key(p, p->n - 1))
                                      : NULL;
  int same_agency = (*akey && gk__aggkeys_has(&a->keys, *akey)) ||
                    (node && *node && gk__aggkeys_gov(*node));
  *dup = same_agency || (*tkey && gk__aggkeys_has(&a->keys, *tkey));
  if (!*dup) return GK_OK;
  char zh[512], en[512];
  if (same_agency) {
    snprintf(zh, sizeof zh, "%.200s的%d年报告已经汇总过，本份未再计入", who(r), gk_report_year(r));
    snprintf(en, sizeof en, "a %d report of %.200s was already summed; this one is skipped",
             gk_report_year(r), who(r));
  } else {
    snprintf(zh, sizeof zh, "%.200s（%d年）的表格与已汇总的另一份报告完全相同，未再计入", who(r),
             gk_report_year(r));
    snprintf(en, sizeof en,
             "the tables of %.200s (%d) are those of a report already summed under another "
             "name; skipped",
             who(r), gk_report_year(r));
  }
  return gk__agg_emit(a, d, "aggregate.duplicate", zh, en, file ? file : gk_report_source(r), line,
                      NULL, NULL, NULL);
}

/* ------------------------------------------------------------------ validation, repair */
static int vsetup(gk_aggregate *a) {
  if (a->vopts) return GK_OK;
  int rc = a->vscratch ? GK_OK : gk_diags_new(&a->vscratch);
  if (!rc) rc = gk_validate_opts_new(&a->vopts);
  if (!rc) rc = gk_validate_opts_disable(a->vopts, "text.*");
  if (!rc) rc = gk_validate_opts_set_min_severity(a->vopts, GK_SEV_ERROR);
  if (rc) {
    gk_validate_opts_free(a->vopts);
    a->vopts = NULL;
  }
  return rc;
}

/* Apply every culprit repair of the findings in a->vscratch to *fixed (cloned
 * from r on the first one), listing each. */
static int repair(gk_aggregate *a, const gk_report *r, gk_report **fixed, gk_diags *d,
                  const char *file, uint32_t line) {
  for (size_t i = 0; i < gk_diags_count(a->vscratch); i++) {
    const char *path = gk_diag_suspect(a->vscratch, i);
    const char *val = gk_diag_suspect_value(a->vscratch, i);
    if (!path || !val) continue;
    int rc = *fixed ? GK_OK : gk_report_clone(fixed, r);
    char old[64];
    if (!rc && gk_report_text(old, sizeof old, *fixed, path, GK_NUL_TERMINATED) < 0) continue;
    if (!rc && strcmp(old, val) == 0) continue; /* already repaired (two rules, one cell) */
    if (!rc) rc = gk_report_set_text(*fixed, path, val, strlen(val));
    if (rc == GK_ENOMEM) return rc;
    if (rc) continue;
    char zh[512], en[512];
    const char *f;
    uint32_t l;
    where(&f, &l, file, line, gk_diag_file(a->vscratch, i), gk_diag_line(a->vscratch, i));
    int t = 0;
    size_t ri = 0, ci = 0;
    gk_schema_path_find(&t, &ri, &ci, gk_report_edition(r), path,
                        (size_t)-1); /* set_text took it */
    snprintf(zh, sizeof zh, "%.200s（%d年）：「%s · %s」印作%s，按%s修复为%s后汇总", who(r),
             gk_report_year(r), gk_schema_row_label(gk_report_edition(r), t, ri, GK_LANG_ZH),
             gk_schema_col_label(gk_report_edition(r), t, ci, GK_LANG_ZH), old[0] ? old : "空白",
             gk_diag_rule(a->vscratch, i), val);
    snprintf(en, sizeof en, "%.200s (%d): “%s · %s” printed %s, repaired to %s (%s) before summing",
             who(r), gk_report_year(r),
             gk_schema_row_label(gk_report_edition(r), t, ri, GK_LANG_EN),
             gk_schema_col_label(gk_report_edition(r), t, ci, GK_LANG_EN), old[0] ? old : "blank",
             val, gk_diag_rule(a->vscratch, i));
    const char *cells[] = {path, NULL};
    if ((rc = gk__agg_emit(a, d, "aggregate.repaired", zh, en, f, l, cells, val, old)))
      return rc;
  }
  return GK_OK;
}

static int carry(gk_aggregate *a, const gk_report *r, gk_diags *d, const char *file,
                 uint32_t line) {
  const gk_diags *v = a->vscratch;
  for (size_t i = 0; i < gk_diags_count(v); i++) {
    if (gk_diag_severity(v, i) < GK_SEV_ERROR) continue;
    char zh[1024], en[1024];
    const char *f;
    uint32_t l;
    where(&f, &l, file, line, gk_diag_file(v, i), gk_diag_line(v, i));
    snprintf(zh, sizeof zh, "%.200s（%d年）自身的表格错误 %s：%.600s", who(r), gk_report_year(r),
             gk_diag_rule(v, i), gk_diag_message(v, i, GK_LANG_ZH));
    snprintf(en, sizeof en, "%.200s (%d), its own table error %s: %.600s", who(r),
             gk_report_year(r), gk_diag_rule(v, i), gk_diag_message(v, i, GK_LANG_EN));
    const char *cells[] = {gk_diag_cell(v, i, 0), NULL};
    int rc = gk__agg_emit(a, d, "aggregate.contributor", zh, en, f, l, cells[0] ? cells : NULL,
                          gk_diag_expected(v, i), gk_diag_actual(v, i));
    if (rc) return rc;
  }
  return GK_OK;
}

/* The report to sum: r, or a repaired copy (*fixed) when repairs apply. */
static int check_contributor(gk_aggregate *a, const gk_report *r, gk_report **fixed,
                             gk_diags *d, const char *file, uint32_t line) {
  *fixed = NULL;
  uint32_t f = a->flags;
  if (!(f & (GK_AGGREGATE_CHECK_CONTRIBUTORS | GK_AGGREGATE_REPAIR))) return GK_OK;
  int rc = vsetup(a);
  if (!rc) gk_diags_clear(a->vscratch);
  if (!rc) rc = gk_report_validate(r, a->vopts, a->vscratch);
  if (!rc && (f & GK_AGGREGATE_REPAIR)) rc = repair(a, r, fixed, d, file, line);
  if (!rc && *fixed) {
    gk_diags_clear(a->vscratch);
    rc = gk_report_validate(*fixed, a->vopts, a->vscratch);
  }
  if (!rc) rc = carry(a, r, d, file, line);
  if (rc) {
    gk_report_free(*fixed);
    *fixed = NULL;
  }
  return rc;
}

/* ------------------------------------------------------------------ the contributor */
int gk__aggregate_sum(gk_aggregate *a, const gk_report *r, gk_diags *d, const char *file,
                      uint32_t line);

static int note_keys(gk_aggregate *a, const gk_report *r, const gk__overlap_plan_t *pl,
                     uint64_t akey, uint64_t tkey, gk_diags *d, const char *file,
                     uint32_t line) {
  if (akey) gk__aggkeys_put(&a->keys, akey);
  if (tkey) gk__aggkeys_put(&a->keys, tkey);
  if (gk_report_year(r)) {
    if (!a->known_min || gk_report_year(r) < a->known_min) a->known_min = gk_report_year(r);
    if (gk_report_year(r) > a->known_max) a->known_max = gk_report_year(r);
  }
  const gk__overlap_plan_t p = *pl;
  int done;
  if (!p.n) return GK_OK;
  gk__overlap_note(&a->keys, &p, &done);
  /* with a list, gk_aggregate_check names every report of the region */
  if (done < 0 || !(a->flags & GK_AGGREGATE_NO_CONTRIBUTORS)) return GK_OK;
  char zh[768], en[768];
  int rl = (int)p.ends[done];
  snprintf(zh, sizeof zh, "%.*s：政府的全域报告与本区域内机关的报告一并汇总，将重复计算（%.200s）",
           rl, p.s, who(r));
  snprintf(en, sizeof en,
           "%.*s: a government's whole-region report is summed with reports of organs inside "
           "its region: double counting (%.200s)",
           rl, p.s, who(r));
  return gk__agg_emit(a, d, "aggregate.overlap", zh, en, file ? file : gk_report_source(r), line,
                      NULL, NULL, NULL);
}

int gk__aggregate_add_at(gk_aggregate *a, const gk_report *r, gk_diags *d, const char *file,
                         uint32_t line) {
  size_t n0 = gk_diags_count(d);
  uint64_t em[GK__AGG_NCAPPED], sup[GK__AGG_NCAPPED];
  memcpy(em, a->emitted, sizeof em);
  memcpy(sup, a->suppressed, sizeof sup);
  int out = 0, dup = 0;
  uint64_t akey = 0, tkey = 0;
  gk_report *fixed = NULL;
  gk__overlap_plan_t p;
  gk__overlap_plan(&p, gk_report_agency(r, GK_AGENCY_NAME), gk_report_agency(r, GK_AGENCY_REGION),
                   gk_report_agency_kind(r), gk_report_year(r));
  int rc = check_incomplete(a, r, d, file, line, &out);
  if (!rc && !out) rc = check_duplicate(a, r, d, file, line, &p, &akey, &tkey, &dup);
  if (!rc && !out && !dup) rc = gk__aggkeys_reserve(&a->keys, 2 + GK__MAX_DEPTH);
  if (!rc && !out && !dup) rc = check_contributor(a, r, &fixed, d, file, line);
  if (!rc && !out && !dup) rc = gk__aggregate_sum(a, fixed ? fixed : r, d, file, line);
  if (!rc && !out && !dup) rc = note_keys(a, r, &p, akey, tkey, d, file, line);
  gk_report_free(fixed);
  if (rc && rc != GK_EOVERFLOW) {
    gk__diags_truncate(d, n0);
    memcpy(a->emitted, em, sizeof em);
    memcpy(a->suppressed, sup, sizeof sup);
    return rc;
  }
  if (rc == GK_EOVERFLOW) a->skipped++;
  if (out) a->left_out++;
  if (dup) a->skipped++;
  return rc;
}
