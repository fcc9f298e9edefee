/* SPDX-License-Identifier: MIT */
/* Allocation failure (issue 7, after jansson's test_chaos.c): every operation that
 * allocates is run with the n-th allocation failing, for n = 0, 1, 2, ... until it
 * succeeds. Each failing run must return GK_ENOMEM, set its out-parameters to NULL
 * and leave the objects it was given exactly as they were (compared with a snapshot)
 * and usable; the successful run must give the exact expected result. Leaks are
 * caught by LSan in the GK_SANITIZE build and by valgrind in CI. Modules are added
 * as they land (GK_HAVE_<module>). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "testutil.h"
#include "internal.h"

#define CHAOS_LIMIT 100000L

/* Runs op(ctx) with allocation n failing for n = 0, 1, ...; after(ctx, rc) checks
 * the state after each run (and frees what a successful run made). Returns the
 * number of failing runs before the first success (the allocations op needs). */
static long chaos(const char *what, int (*op)(void *), void (*after)(void *, int), void *ctx) {
  long n;
  for (n = 0; n < CHAOS_LIMIT; n++) {
    gk__alloc_fail_after(n);
    int rc = op(ctx);
    gk__alloc_fail_after(-1);
    if (rc != GK_OK && rc != GK_ENOMEM) {
      fprintf(stderr, "\n%s: allocation %ld failing gave %d (%s), want GK_ENOMEM\n", what, n,
              rc, gk_strerror(rc));
      CU_FAIL("not GK_ENOMEM");
    }
    after(ctx, rc);
    if (rc != GK_ENOMEM)
      break;
  }
  CU_ASSERT(n < CHAOS_LIMIT);
  return n;
}

/* A report with every cell filled: values from the position, a literal in a
 * few cells, every section, agency metadata. */
static gk_report *filled_report(int edition) {
  gk_report *r = NULL;
  CU_ASSERT_EQUAL_FATAL(gk_report_new(&r, edition, edition == 2019 ? 2020 : 2023), GK_OK);
  for (int t = 0; t < GK_NTABLES; t++)
    for (size_t row = 0; row < gk_schema_nrows(edition, t); row++)
      for (size_t col = 0; col < gk_schema_ncols(edition, t); col++) {
        if (!gk_schema_cell_exists(edition, t, row, col))
          continue;
        int kind = gk_schema_col_kind(edition, t, col);
        int64_t v = (int64_t)(row * 10 + col + 1);
        if (kind == GK_KIND_SIGNED)
          v = -v;
        else if (kind == GK_KIND_AMOUNT)
          v = v * GK_AMOUNT_SCALE + 2449 * 100;
        int rc = gk_report_set_value(r, t, row, col, v);
        CU_ASSERT(rc == GK_OK || rc == GK_EINVAL); /* EINVAL: derived rows */
        if ((row + col) % 17 == 3 && rc == GK_OK)
          CU_ASSERT_EQUAL(gk_report_set_literal(r, t, row, col, "无法统计", strlen("无法统计")), GK_OK);
      }
  for (int s = 0; s < GK_NSECTIONS; s++)
    CU_ASSERT_EQUAL(gk_report_set_section(r, s, "本机关坚持以公开为常态。", strlen("本机关坚持以公开为常态。")), GK_OK);
  CU_ASSERT_EQUAL(gk_report_set_agency(r, GK_AGENCY_NAME, "宿迁市人民政府", strlen("宿迁市人民政府")), GK_OK);
  CU_ASSERT_EQUAL(gk_report_set_agency_level(r, GK_LEVEL_CITY), GK_OK);
  CU_ASSERT_EQUAL(gk_report_set_line(r, GK_TABLE_REQUESTS, 0, 0, 42), GK_OK);
  return r;
}

/* ------------------------------------------------------------ reports */
typedef struct {
  gk_report *r;    /* object under test (or the out-parameter) */
  gk_report *snap; /* its state before the operation */
  const gk_report *src;
  int edition, table, section;
  size_t row, col;
  const char *text;
} rctx;

static int op_new(void *p) {
  rctx *c = p;
  return gk_report_new(&c->r, c->edition, 2023);
}
static void after_new(void *p, int rc) {
  rctx *c = p;
  if (rc != GK_OK) {
    CU_ASSERT_PTR_NULL(c->r);
    return;
  }
  CU_ASSERT_EQUAL(gk_report_edition(c->r), c->edition);
  CU_ASSERT_EQUAL(gk_report_year(c->r), 2023);
  CU_ASSERT_EQUAL(gk_report_count_filled(c->r, GK_TABLE_REQUESTS), 0);
  gk_report_free(c->r);
  c->r = NULL;
}

static void test_alloc_report_new(void) {
  rctx c = {0};
  c.edition = 2019;
  CU_ASSERT(chaos("gk_report_new 2019", op_new, after_new, &c) >= 1);
  c.edition = 2021;
  CU_ASSERT(chaos("gk_report_new 2021", op_new, after_new, &c) >= 1);
}

static int op_clone(void *p) {
  rctx *c = p;
  return gk_report_clone(&c->r, c->src);
}
static void after_clone(void *p, int rc) {
  rctx *c = p;
  if (rc != GK_OK) {
    CU_ASSERT_PTR_NULL(c->r);
    return;
  }
  CU_ASSERT_EQUAL(gk_report_equal(c->r, c->src, 1), 1);
  GK_ASSERT_CELL(c->r, "requests/new/natural", "1");
  gk_report_free(c->r);
  c->r = NULL;
}

static void test_alloc_report_clone(void) {
  for (int e = 2019; e <= 2021; e += 2) {
    gk_report *src = filled_report(e);
    rctx c = {0};
    c.src = src;
    CU_ASSERT(chaos("gk_report_clone", op_clone, after_clone, &c) >= 1);
    gk_report_free(src);
  }
}

/* a failed mutation leaves the report as the snapshot, and it stays usable */
static void after_mutation(rctx *c, int rc) {
  if (rc != GK_OK) {
    CU_ASSERT_EQUAL(gk_report_equal(c->r, c->snap, 1), 1);
    CU_ASSERT_EQUAL(gk_report_count_filled(c->r, GK_TABLE_REQUESTS),
                    gk_report_count_filled(c->snap, GK_TABLE_REQUESTS));
  }
}

static int op_literal(void *p) {
  rctx *c = p;
  return gk_report_set_literal(c->r, c->table, c->row, c->col, c->text, strlen(c->text));
}
static void after_literal(void *p, int rc) {
  rctx *c = p;
  after_mutation(c, rc);
  if (rc == GK_OK)
    CU_ASSERT_STRING_EQUAL(gk_report_literal(c->r, c->table, c->row, c->col), c->text);
}

static void test_alloc_report_set_literal(void) {
  char text[96];
  rctx c = {0};
  c.r = filled_report(2021);
  c.table = GK_TABLE_REQUESTS;
  c.text = text;
  /* one literal after another, so the string pool has to grow at some point */
  for (size_t row = 0; row < gk_schema_nrows(2021, GK_TABLE_REQUESTS); row++) {
    if (gk_report_set_value(c.r, c.table, row, 0, 0) != GK_OK)
      continue; /* derived row */
    snprintf(text, sizeof text, "详见附件%zu（不掌握相关数据，无法统计）", row);
    c.row = row;
    CU_ASSERT_EQUAL_FATAL(gk_report_clone(&c.snap, c.r), GK_OK);
    chaos("gk_report_set_literal", op_literal, after_literal, &c);
    gk_report_free(c.snap);
    c.snap = NULL;
  }
  CU_ASSERT_STRING_EQUAL(gk_report_literal(c.r, GK_TABLE_REQUESTS, 0, 0),
                         "详见附件0（不掌握相关数据，无法统计）");
  gk_report_free(c.r);
}

static int op_section(void *p) {
  rctx *c = p;
  return gk_report_set_section(c->r, c->section, c->text, strlen(c->text));
}
static void after_section(void *p, int rc) {
  rctx *c = p;
  after_mutation(c, rc);
  if (rc == GK_OK)
    CU_ASSERT_STRING_EQUAL(gk_report_section(c->r, c->section), c->text);
}
static int op_agency(void *p) {
  rctx *c = p;
  return gk_report_set_agency(c->r, GK_AGENCY_REGION, c->text, strlen(c->text));
}
static void after_agency(void *p, int rc) {
  rctx *c = p;
  after_mutation(c, rc);
  if (rc == GK_OK)
    CU_ASSERT_STRING_EQUAL(gk_report_agency(c->r, GK_AGENCY_REGION), c->text);
}
static int op_title(void *p) {
  rctx *c = p;
  return gk_report_set_title(c->r, c->text, strlen(c->text));
}
static void after_title(void *p, int rc) {
  rctx *c = p;
  after_mutation(c, rc);
  if (rc == GK_OK)
    CU_ASSERT_STRING_EQUAL(gk_report_title(c->r), c->text);
}

static void test_alloc_report_metadata(void) {
  static char big[8192 + 1];
  for (size_t i = 0; i + 3 <= sizeof big - 1; i += 3)
    memcpy(big + i, "政", 3);
  rctx c = {0};
  c.r = filled_report(2019);
  for (int s = 0; s < GK_NSECTIONS; s++) {
    c.section = s;
    c.text = big;
    CU_ASSERT_EQUAL_FATAL(gk_report_clone(&c.snap, c.r), GK_OK);
    chaos("gk_report_set_section", op_section, after_section, &c);
    gk_report_free(c.snap);
  }
  c.text = "江苏省宿迁市";
  CU_ASSERT_EQUAL_FATAL(gk_report_clone(&c.snap, c.r), GK_OK);
  chaos("gk_report_set_agency", op_agency, after_agency, &c);
  gk_report_free(c.snap);
  c.text = "宿迁市人民政府2023年政府信息公开工作年度报告";
  CU_ASSERT_EQUAL_FATAL(gk_report_clone(&c.snap, c.r), GK_OK);
  chaos("gk_report_set_title", op_title, after_title, &c);
  gk_report_free(c.snap);
  CU_ASSERT_EQUAL(strlen(gk_report_section(c.r, GK_SECTION_OTHER)), 8190);
  gk_report_free(c.r);
}

/* ------------------------------------------------------------ diagnostics */
typedef struct {
  gk_diags *d;
  const gk_diags *src;
  size_t before;
  char snap[1024];
} dctx;

static void diag_snapshot(char *buf, size_t cap, const gk_diags *d) {
  size_t n = gk_diags_count(d);
  buf[0] = '\0';
  if (n > 0) {
    int k = gk_diag_format(buf, cap, d, n - 1, GK_LANG_EN);
    CU_ASSERT(k >= 0);
  }
}
static void after_diag_mutation(dctx *c, int rc) {
  char now[1024];
  if (rc == GK_OK)
    return;
  CU_ASSERT_EQUAL(gk_diags_count(c->d), c->before);
  diag_snapshot(now, sizeof now, c->d);
  CU_ASSERT_STRING_EQUAL(now, c->snap);
}
static void prepare(dctx *c) {
  c->before = gk_diags_count(c->d);
  diag_snapshot(c->snap, sizeof c->snap, c->d);
}

static int op_diags_new(void *p) {
  dctx *c = p;
  return gk_diags_new(&c->d);
}
static void after_diags_new(void *p, int rc) {
  dctx *c = p;
  if (rc != GK_OK) {
    CU_ASSERT_PTR_NULL(c->d);
    return;
  }
  CU_ASSERT_EQUAL(gk_diags_count(c->d), 0);
  gk_diags_free(c->d);
  c->d = NULL;
}
static int op_diags_add(void *p) {
  dctx *c = p;
  return gk_diags_add(NULL, c->d, GK_SEV_ERROR, "requests.row_total", "行合计不等于各列之和",
                      "row total differs from the sum of its parts", "report.txt", 57, 3);
}
static void after_diags_add(void *p, int rc) {
  dctx *c = p;
  after_diag_mutation(c, rc);
  if (rc == GK_OK) {
    size_t i = gk_diags_count(c->d) - 1;
    CU_ASSERT_EQUAL(i, c->before);
    CU_ASSERT_STRING_EQUAL(gk_diag_rule(c->d, i), "requests.row_total");
    CU_ASSERT_STRING_EQUAL(gk_diag_file(c->d, i), "report.txt");
    CU_ASSERT_EQUAL(gk_diag_line(c->d, i), 57);
    CU_ASSERT_EQUAL(gk_diag_column(c->d, i), 3);
  }
}
static int op_diags_cell(void *p) {
  dctx *c = p;
  return gk_diags_add_cell(c->d, gk_diags_count(c->d) - 1, "requests/new/total");
}
static void after_diags_cell(void *p, int rc) {
  dctx *c = p;
  size_t i = gk_diags_count(c->d) - 1;
  if (rc != GK_OK) {
    CU_ASSERT_EQUAL(gk_diag_ncells(c->d, i), 0);
    return;
  }
  CU_ASSERT_EQUAL(gk_diag_ncells(c->d, i), 1);
  CU_ASSERT_STRING_EQUAL(gk_diag_cell(c->d, i, 0), "requests/new/total");
}
static int op_diags_values(void *p) {
  dctx *c = p;
  size_t i = gk_diags_count(c->d) - 1;
  int rc = gk_diags_set_values(c->d, i, "3511", "3510");
  return rc == GK_OK ? gk_diags_set_suspect(c->d, i, "requests/new/natural", "3403") : rc;
}
static void after_diags_values(void *p, int rc) {
  dctx *c = p;
  size_t i = gk_diags_count(c->d) - 1;
  if (rc == GK_OK) {
    CU_ASSERT_STRING_EQUAL(gk_diag_expected(c->d, i), "3511");
    CU_ASSERT_STRING_EQUAL(gk_diag_actual(c->d, i), "3510");
    CU_ASSERT_STRING_EQUAL(gk_diag_suspect(c->d, i), "requests/new/natural");
    CU_ASSERT_STRING_EQUAL(gk_diag_suspect_value(c->d, i), "3403");
  } else if (gk_diag_suspect(c->d, i) == NULL) {
    /* whichever call failed, the item holds either nothing or the old values */
    CU_ASSERT(gk_diag_expected(c->d, i) == NULL || strcmp(gk_diag_expected(c->d, i), "3511") == 0);
  }
}
static int op_diags_waive(void *p) {
  dctx *c = p;
  return gk_diags_waive(c->d, gk_diags_count(c->d) - 1, "机构改革，合并统计");
}
static void after_diags_waive(void *p, int rc) {
  dctx *c = p;
  size_t i = gk_diags_count(c->d) - 1;
  CU_ASSERT_EQUAL(gk_diag_waived(c->d, i), rc == GK_OK);
  if (rc == GK_OK)
    CU_ASSERT_STRING_EQUAL(gk_diag_waiver_reason(c->d, i), "机构改革，合并统计");
}
static int op_diags_append(void *p) {
  dctx *c = p;
  return gk_diags_append(c->d, c->src);
}
static void after_diags_append(void *p, int rc) {
  dctx *c = p;
  after_diag_mutation(c, rc);
  if (rc == GK_OK) {
    CU_ASSERT_EQUAL(gk_diags_count(c->d), c->before + gk_diags_count(c->src));
    CU_ASSERT_STRING_EQUAL(gk_diag_waiver_reason(c->d, gk_diags_count(c->d) - 1),
                           "机构改革，合并统计");
  }
}

static void test_alloc_diags(void) {
  dctx c = {0};
  CU_ASSERT(chaos("gk_diags_new", op_diags_new, after_diags_new, &c) >= 1);
  CU_ASSERT_EQUAL_FATAL(gk_diags_new(&c.d), GK_OK);
  for (int k = 0; k < 40; k++) { /* grow the item array a few times */
    prepare(&c);
    CU_ASSERT(chaos("gk_diags_add", op_diags_add, after_diags_add, &c) >= 1);
  }
  CU_ASSERT_EQUAL(gk_diags_count(c.d), 40);
  chaos("gk_diags_add_cell", op_diags_cell, after_diags_cell, &c);
  chaos("gk_diags_set_values", op_diags_values, after_diags_values, &c);
  chaos("gk_diags_waive", op_diags_waive, after_diags_waive, &c);
  gk_diags *src = c.d;
  c.d = NULL;
  CU_ASSERT_EQUAL_FATAL(gk_diags_new(&c.d), GK_OK);
  CU_ASSERT_EQUAL(op_diags_add(&c), GK_OK);
  c.src = src;
  prepare(&c);
  CU_ASSERT(chaos("gk_diags_append", op_diags_append, after_diags_append, &c) >= 1);
  CU_ASSERT_EQUAL(gk_diags_count(c.d), 41);
  gk_diags_free(src);
  gk_diags_free(c.d);
}

#ifdef GK_HAVE_JSON
/* ------------------------------------------------------------ JSON */
typedef struct {
  const gk_report *src;
  gk_report *r;
  gk_diags *d;
  char *out;
  size_t len;
  const char *in;
  size_t inlen;
  uint32_t flags;
  size_t before;
  int want; /* GK_OK or GK_EPARSE */
} jctx;

static int op_to_json(void *p) {
  jctx *c = p;
  return gk_report_to_json(&c->out, &c->len, c->src, c->flags);
}
static void after_to_json(void *p, int rc) {
  jctx *c = p;
  if (rc != GK_OK) {
    CU_ASSERT_PTR_NULL(c->out);
    CU_ASSERT_EQUAL(c->len, 0);
    return;
  }
  gk_report *back = NULL;
  CU_ASSERT_EQUAL(gk_report_from_json(&back, c->out, c->len, "chaos.json", NULL), GK_OK);
  CU_ASSERT_EQUAL(gk_report_equal(back, c->src, (c->flags & GK_JSON_LINES) != 0), 1);
  gk_report_free(back);
}
static int op_from_json(void *p) {
  jctx *c = p;
  int rc = gk_report_from_json(&c->r, c->in, c->inlen, "chaos.json", c->d);
  return rc == c->want && c->want != GK_OK ? GK_OK : rc;
}
static void after_from_json(void *p, int rc) {
  jctx *c = p;
  if (rc != GK_OK || c->want != GK_OK)
    CU_ASSERT_PTR_NULL(c->r);
  if (rc != GK_OK) {
    CU_ASSERT_EQUAL(gk_diags_count(c->d), c->before);
    return;
  }
  if (c->want == GK_OK) {
    CU_ASSERT_EQUAL(gk_report_equal(c->r, c->src, 0), 1);
    gk_report_free(c->r);
    c->r = NULL;
  } else {
    CU_ASSERT(gk_diags_count(c->d) > c->before);
    CU_ASSERT(gk_diag_line(c->d, c->before) >= 1);
  }
}
static int op_diags_to_json(void *p) {
  jctx *c = p;
  return gk_diags_to_json(&c->out, &c->len, c->d, 0);
}
static void after_diags_to_json(void *p, int rc) {
  jctx *c = p;
  if (rc != GK_OK) {
    CU_ASSERT_PTR_NULL(c->out);
    return;
  }
  CU_ASSERT(c->len > 2 && c->out[0] == '[');
  gk_free(c->out);
  c->out = NULL;
}

static void test_alloc_json(void) {
  static const char bad[] = "{\"gkreport\":1,\"edition\":\"2021\",\"year\":2023,\n"
                            "\"tables\":{\"requests\":{\"new\":{\"total\":-3}}}}";
  for (int e = 2019; e <= 2021; e += 2) {
    gk_report *src = filled_report(e);
    jctx c = {0};
    c.src = src;
    c.flags = GK_JSON_PRETTY | GK_JSON_LINES;
    CU_ASSERT(chaos("gk_report_to_json", op_to_json, after_to_json, &c) >= 1);
    CU_ASSERT_PTR_NOT_NULL_FATAL(c.out);
    CU_ASSERT_EQUAL_FATAL(gk_diags_new(&c.d), GK_OK);
    c.in = c.out;
    c.inlen = c.len;
    c.want = GK_OK;
    CU_ASSERT(chaos("gk_report_from_json", op_from_json, after_from_json, &c) >= 1);
    c.in = bad;
    c.inlen = sizeof bad - 1;
    c.want = GK_EPARSE;
    chaos("gk_report_from_json (bad)", op_from_json, after_from_json, &c);
    gk_free(c.out);
    c.out = NULL;
    chaos("gk_diags_to_json", op_diags_to_json, after_diags_to_json, &c);
    gk_diags_free(c.d);
    gk_report_free(src);
  }
}
#endif

#ifdef GK_HAVE_VALIDATE
/* ------------------------------------------------------------ validation */
typedef struct {
  const gk_report *r;
  gk_diags *d;
  size_t before, want;
} vctx;

static int op_validate(void *p) {
  vctx *c = p;
  return gk_report_validate(c->r, NULL, c->d);
}
static void after_validate(void *p, int rc) {
  vctx *c = p;
  CU_ASSERT_EQUAL(gk_diags_count(c->d), rc == GK_OK ? c->before + c->want : c->before);
}

static void test_alloc_validate(void) {
  for (int e = 2019; e <= 2021; e += 2) {
    gk_report *r = filled_report(e); /* position-made values: many findings */
    vctx c = {0};
    c.r = r;
    CU_ASSERT_EQUAL_FATAL(gk_diags_new(&c.d), GK_OK);
    CU_ASSERT_EQUAL_FATAL(gk_report_validate(r, NULL, c.d), GK_OK);
    c.want = gk_diags_count(c.d);
    CU_ASSERT(c.want > 0);
    c.before = c.want; /* validate appends to a list that already holds items */
    chaos("gk_report_validate", op_validate, after_validate, &c);
    CU_ASSERT_EQUAL(gk_diags_count(c.d), 2 * c.want);
    gk_diags_free(c.d);
    gk_report_free(r);
  }
}
#endif

#ifdef GK_HAVE_AGGREGATE
/* ------------------------------------------------------------ consolidation */
typedef struct {
  gk_aggregate *a;
  gk_aggregate *other;
  const gk_report *r;
  gk_report *out;
  char *json;
  size_t len;
  uint64_t before;
} actx;

static int op_agg_new(void *p) {
  actx *c = p;
  return gk_aggregate_new(&c->a, 0);
}
static void after_agg_new(void *p, int rc) {
  actx *c = p;
  if (rc != GK_OK) {
    CU_ASSERT_PTR_NULL(c->a);
    return;
  }
  CU_ASSERT_EQUAL(gk_aggregate_count(c->a), 0);
  gk_aggregate_free(c->a);
  c->a = NULL;
}
static int op_agg_add(void *p) {
  actx *c = p;
  return gk_aggregate_add(c->a, c->r, NULL);
}
static void after_agg_add(void *p, int rc) {
  actx *c = p;
  CU_ASSERT_EQUAL(gk_aggregate_count(c->a), c->before + (rc == GK_OK));
  CU_ASSERT_EQUAL(gk_aggregate_contributor_count(c->a), c->before + (rc == GK_OK));
}
static int op_agg_result(void *p) {
  actx *c = p;
  return gk_aggregate_result(&c->out, c->a, "宿迁市");
}
static void after_agg_result(void *p, int rc) {
  actx *c = p;
  if (rc != GK_OK) {
    CU_ASSERT_PTR_NULL(c->out);
    return;
  }
  /* three copies of a report whose requests/new/natural is 1 */
  GK_ASSERT_CELL(c->out, "requests/new/natural", "3");
  gk_report_free(c->out);
  c->out = NULL;
}
static int op_agg_to_json(void *p) {
  actx *c = p;
  return gk_aggregate_to_json(&c->json, &c->len, c->a);
}
static void after_agg_to_json(void *p, int rc) {
  actx *c = p;
  if (rc != GK_OK)
    CU_ASSERT_PTR_NULL(c->json);
}
static int op_agg_from_json(void *p) {
  actx *c = p;
  return gk_aggregate_from_json(&c->other, c->json, c->len, NULL);
}
static void after_agg_from_json(void *p, int rc) {
  actx *c = p;
  if (rc != GK_OK) {
    CU_ASSERT_PTR_NULL(c->other);
    return;
  }
  CU_ASSERT_EQUAL(gk_aggregate_count(c->other), 3);
}
static int op_agg_merge(void *p) {
  actx *c = p;
  return gk_aggregate_merge(c->a, c->other);
}
static void after_agg_merge(void *p, int rc) {
  actx *c = p;
  CU_ASSERT_EQUAL(gk_aggregate_count(c->a), rc == GK_OK ? 6 : 3);
}

static void test_alloc_aggregate(void) {
  gk_report *r = filled_report(2021);
  actx c = {0};
  c.r = r;
  CU_ASSERT(chaos("gk_aggregate_new", op_agg_new, after_agg_new, &c) >= 1);
  CU_ASSERT_EQUAL_FATAL(gk_aggregate_new(&c.a, 0), GK_OK);
  for (int k = 0; k < 3; k++) {
    /* three agencies (the same agency twice would be skipped as aggregate.duplicate) */
    char nm[32], v[8];
    snprintf(nm, sizeof nm, "机关%d", k);
    snprintf(v, sizeof v, "%d", 100 + k);
    CU_ASSERT_EQUAL(gk_report_set_agency(r, GK_AGENCY_NAME, nm, strlen(nm)), GK_OK);
    CU_ASSERT_EQUAL(gk_report_set_text(r, "requests/new/legal", v, strlen(v)), GK_OK);
    c.before = gk_aggregate_count(c.a);
    chaos("gk_aggregate_add", op_agg_add, after_agg_add, &c);
  }
  CU_ASSERT(chaos("gk_aggregate_result", op_agg_result, after_agg_result, &c) >= 1);
  CU_ASSERT(chaos("gk_aggregate_to_json", op_agg_to_json, after_agg_to_json, &c) >= 1);
  CU_ASSERT(chaos("gk_aggregate_from_json", op_agg_from_json, after_agg_from_json, &c) >= 1);
  chaos("gk_aggregate_merge", op_agg_merge, after_agg_merge, &c);
  CU_ASSERT_EQUAL(gk_aggregate_count(c.a), 6);
  gk_free(c.json);
  gk_aggregate_free(c.other);
  gk_aggregate_free(c.a);
  gk_report_free(r);
}
#endif

#if defined(GK_HAVE_CSV) || defined(GK_HAVE_TEXT_EXPORT) || defined(GK_HAVE_SERIES)
/* ------------------------------------------------------------ serializers with a byte-exact baseline */
typedef struct {
  const gk_report *r;
  const gk_series *s;
  int which;
  char *out;
  size_t len;
  const char *want;
  size_t want_len;
} sctx;

enum { SER_CSV, SER_TEXT, SER_MARKDOWN, SER_TREND_JSON, SER_TREND_CSV };

static int op_serialize(void *p) {
  sctx *c = p;
  switch (c->which) {
#ifdef GK_HAVE_CSV
  case SER_CSV: return gk_report_to_csv(&c->out, &c->len, c->r, 0);
#endif
#ifdef GK_HAVE_TEXT_EXPORT
  case SER_TEXT: return gk_report_to_text(&c->out, &c->len, c->r);
  case SER_MARKDOWN: return gk_report_to_markdown(&c->out, &c->len, c->r);
#endif
#ifdef GK_HAVE_SERIES
  case SER_TREND_JSON: return gk_series_trend_to_json(&c->out, &c->len, c->s);
  case SER_TREND_CSV: return gk_series_trend_to_csv(&c->out, &c->len, c->s);
#endif
  default: return GK_EUNSUPPORTED;
  }
}
static void after_serialize(void *p, int rc) {
  sctx *c = p;
  if (rc != GK_OK) {
    CU_ASSERT_PTR_NULL(c->out);
    return;
  }
  CU_ASSERT_EQUAL(c->len, c->want_len);
  CU_ASSERT_TRUE(c->len == c->want_len && memcmp(c->out, c->want, c->len) == 0);
  gk_free(c->out);
  c->out = NULL;
}
/* the output made without failures, then every failure point */
static void chaos_serialize(const char *what, sctx *c) {
  char *want = NULL;
  CU_ASSERT_EQUAL_FATAL(op_serialize(c), GK_OK);
  want = c->out;
  c->want = want;
  c->want_len = c->len;
  c->out = NULL;
  c->len = 0;
  CU_ASSERT(c->want_len > 0);
  CU_ASSERT(chaos(what, op_serialize, after_serialize, c) >= 1);
  gk_free(want);
}
#endif

#if defined(GK_HAVE_CSV) || defined(GK_HAVE_TEXT_EXPORT)
static void test_alloc_export(void) {
  for (int e = 2019; e <= 2021; e += 2) {
    gk_report *r = filled_report(e);
    sctx c = {0};
    c.r = r;
#ifdef GK_HAVE_CSV
    c.which = SER_CSV;
    chaos_serialize("gk_report_to_csv", &c);
#endif
#ifdef GK_HAVE_TEXT_EXPORT
    c.which = SER_TEXT;
    chaos_serialize("gk_report_to_text", &c);
    c.which = SER_MARKDOWN;
    chaos_serialize("gk_report_to_markdown", &c);
#endif
    gk_report_free(r);
  }
}
#endif

#ifdef GK_HAVE_TEXT
/* ------------------------------------------------------------ text import */
typedef struct {
  const char *in;
  size_t len;
  gk_report *r;
  const gk_report *want;
  gk_diags *d;
  size_t before;
} tctx;

static int op_from_text(void *p) {
  tctx *c = p;
  return gk_report_from_text(&c->r, c->in, c->len, "report.txt", c->d);
}
static void after_from_text(void *p, int rc) {
  tctx *c = p;
  if (rc != GK_OK) {
    CU_ASSERT_PTR_NULL(c->r);
    CU_ASSERT_EQUAL(gk_diags_count(c->d), c->before);
    return;
  }
  CU_ASSERT_EQUAL(gk_report_equal(c->r, c->want, 1), 1);
  gk_report_free(c->r);
  c->r = NULL;
  gk_diags_clear(c->d);
}

static void test_alloc_text_import(void) {
  static const char *const files[] = {"2020_ganzhou-fenggang-town.txt",
                                      "2019_shanghai-municipal-general-office.txt"};
  /* filled cells per table, as in the files' .truth.json */
  static const size_t filled[][GK_NTABLES] = {{22, 161, 15}, {22, 35, 6}};
  for (size_t k = 0; k < sizeof files / sizeof files[0]; k++) {
    tctx c = {0};
    gk_report *want = NULL;
    char *text = gk_test_read_data(files[k], 1, &c.len);
    CU_ASSERT_PTR_NOT_NULL_FATAL(text);
    c.in = text;
    CU_ASSERT_EQUAL_FATAL(gk_diags_new(&c.d), GK_OK);
    CU_ASSERT_EQUAL_FATAL(gk_report_from_text(&want, text, c.len, "report.txt", c.d), GK_OK);
    for (int t = 0; t < GK_NTABLES; t++)
      CU_ASSERT_EQUAL(gk_report_count_filled(want, t), filled[k][t]);
    gk_diags_clear(c.d);
    c.want = want;
    CU_ASSERT(chaos("gk_report_from_text", op_from_text, after_from_text, &c) >= 1);
    gk_report_free(want);
    gk_diags_free(c.d);
    free(text);
  }
}
#endif

#ifdef GK_HAVE_SERIES
/* ------------------------------------------------------------ series */
typedef struct {
  gk_series *s;
  const gk_report *r;
  gk_diags *d;
  size_t before, want;
} sectx;

static int op_series_new(void *p) {
  sectx *c = p;
  return gk_series_new(&c->s);
}
static void after_series_new(void *p, int rc) {
  sectx *c = p;
  if (rc != GK_OK) {
    CU_ASSERT_PTR_NULL(c->s);
    return;
  }
  CU_ASSERT_EQUAL(gk_series_count(c->s), 0);
  gk_series_free(c->s);
  c->s = NULL;
}
static int op_series_add(void *p) {
  sectx *c = p;
  return gk_series_add(c->s, c->r);
}
static void after_series_add(void *p, int rc) {
  sectx *c = p;
  CU_ASSERT_EQUAL(gk_series_count(c->s), c->before + (rc == GK_OK));
}
static int op_series_validate(void *p) {
  sectx *c = p;
  return gk_series_validate(c->s, NULL, c->d);
}
static void after_series_validate(void *p, int rc) {
  sectx *c = p;
  CU_ASSERT_EQUAL(gk_diags_count(c->d), rc == GK_OK ? c->before + c->want : c->before);
}

static void test_alloc_series(void) {
  sectx c = {0};
  sctx sc = {0};
  gk_report *years[3];
  CU_ASSERT(chaos("gk_series_new", op_series_new, after_series_new, &c) >= 1);
  CU_ASSERT_EQUAL_FATAL(gk_series_new(&c.s), GK_OK);
  for (int k = 0; k < 3; k++) {
    years[k] = filled_report(k == 0 ? 2019 : 2021);
    CU_ASSERT_EQUAL(gk_report_set_year(years[k], 2020 + k), GK_OK);
    c.r = years[k];
    c.before = gk_series_count(c.s);
    CU_ASSERT(chaos("gk_series_add", op_series_add, after_series_add, &c) >= 1);
  }
  CU_ASSERT_EQUAL(gk_series_count(c.s), 3);
  CU_ASSERT_EQUAL_FATAL(gk_diags_new(&c.d), GK_OK);
  CU_ASSERT_EQUAL_FATAL(gk_series_validate(c.s, NULL, c.d), GK_OK);
  c.want = c.before = gk_diags_count(c.d);
  chaos("gk_series_validate", op_series_validate, after_series_validate, &c);
  CU_ASSERT_EQUAL(gk_diags_count(c.d), 2 * c.want);
  sc.s = c.s;
  sc.which = SER_TREND_JSON;
  chaos_serialize("gk_series_trend_to_json", &sc);
  sc.which = SER_TREND_CSV;
  chaos_serialize("gk_series_trend_to_csv", &sc);
  for (int k = 0; k < 3; k++)
    gk_report_free(years[k]);
  gk_diags_free(c.d);
  gk_series_free(c.s);
}
#endif

int main(void) {
  CU_TestInfo tests[] = {
    {"test_alloc_report_new", test_alloc_report_new},
    {"test_alloc_report_clone", test_alloc_report_clone},
    {"test_alloc_report_set_literal", test_alloc_report_set_literal},
    {"test_alloc_report_metadata", test_alloc_report_metadata},
    {"test_alloc_diags", test_alloc_diags},
#ifdef GK_HAVE_JSON
    {"test_alloc_json", test_alloc_json},
#endif
#ifdef GK_HAVE_VALIDATE
    {"test_alloc_validate", test_alloc_validate},
#endif
#ifdef GK_HAVE_AGGREGATE
    {"test_alloc_aggregate", test_alloc_aggregate},
#endif
#if defined(GK_HAVE_CSV) || defined(GK_HAVE_TEXT_EXPORT)
    {"test_alloc_export", test_alloc_export},
#endif
#ifdef GK_HAVE_TEXT
    {"test_alloc_text_import", test_alloc_text_import},
#endif
#ifdef GK_HAVE_SERIES
    {"test_alloc_series", test_alloc_series},
#endif
    CU_TEST_INFO_NULL,
  };
  return gk_test_main("alloc", tests);
}
