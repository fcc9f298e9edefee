/* SPDX-License-Identifier: MIT */
/* aggregate.overlap: a government's whole-region report summed with reports of
 * organs inside its region (its departments, lower governments and theirs).
 *
 * A region (of one year: a government's 2023 report does not double count a
 * department's 2024 one) is read as its chain of divisions (江苏省 / 宿迁市 / 泗阳县): the
 * agency's region when set, else the divisions that begin its name (淮安市洪泽区
 * of 淮安市洪泽区人民政府). Each division of the chain is a node of the key table
 * (aggregate_keys.c) counting the government reports of exactly that region and
 * the reports inside it (a department of the region itself counts as inside).
 * A node with both is one finding. Cost: O(depth) per report, memory per region.
 *
 * With a contributor list the finding names the reports (built at check time:
 * the pairs node x contributor sorted, O(N log N)); without one (streaming,
 * GK_AGGREGATE_NO_CONTRIBUTORS) it is emitted when a report completes the
 * overlap, naming that report and the region. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "gkreport/aggregate.h"
#include "stats_int.h"

/* Division suffixes (GB/T 2260 names end with one of them); longer first. */
static const char *const suffixes[] = {"自治区", "自治州", "自治县", "自治旗", "特别行政区",
                                       "省",     "市",     "州",     "地区",   "盟",
                                       "县",     "区",     "旗",     "街道",   "镇",
                                       "乡",     "苏木"};

static size_t u8len(unsigned char c) {
  return c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 1;
}

/* End of the division starting at pos (a name of 2..12 characters ending with a
 * suffix), 0 when none. */
static size_t next_division(const char *s, size_t n, size_t pos) {
  size_t e = pos;
  for (int chars = 1; e < n && chars <= 12; chars++) {
    e += u8len((unsigned char)s[e]);
    if (e > n) return 0;
    if (chars < 2) continue;
    for (size_t i = 0; i < sizeof suffixes / sizeof *suffixes; i++) {
      size_t k = strlen(suffixes[i]);
      if (e - pos > k && memcmp(s + e - k, suffixes[i], k) == 0) return e;
    }
  }
  return 0;
}

int gk__region_chain(size_t *ends, size_t max, const char *name, const char *region,
                     const char **s_out) {
  const char *s = region && region[0] ? region : name;
  *s_out = s;
  if (!s) return 0;
  size_t n = strlen(s), pos = 0, e;
  int k = 0;
  while ((size_t)k < max && (e = next_division(s, n, pos)) != 0) {
    ends[k++] = e;
    pos = e;
  }
  if (s == region && k && ends[k - 1] < n && (size_t)k < max) ends[k++] = n; /* a last part */
  return k;
}

int gk__agency_kind_of(const char *name, int kind) {
  if (kind != GK_AGENCY_KIND_UNKNOWN || !name) return kind;
  int level, k;
  return gk_agency_infer(&level, &k, name, strlen(name)) == GK_OK ? k : GK_AGENCY_KIND_UNKNOWN;
}

/* ------------------------------------------------------------------ at add time */
int gk__overlap_plan(gk__overlap_plan_t *p, const char *name, const char *region, int kind,
                     int year) {
  p->kind = gk__agency_kind_of(name, kind);
  p->year = year;
  p->n = p->kind == GK_AGENCY_KIND_UNKNOWN
             ? 0
             : gk__region_chain(p->ends, GK__MAX_DEPTH, name, region, &p->s);
  return p->n;
}

uint64_t gk__overlap_key(const gk__overlap_plan_t *p, int j) {
  return gk__aggkey(GK__KEY_REGION, p->s, p->ends[j], (uint64_t)(uint32_t)p->year);
}

/* Count the report in the nodes of its chain; *done_out gets the index of a node
 * whose overlap this report completes (-1 none; the deepest such). */
void gk__overlap_note(gk__aggkeys *t, const gk__overlap_plan_t *p, int *done_out) {
  *done_out = -1;
  for (int j = 0; j < p->n; j++) {
    int last = j == p->n - 1;
    unsigned gov = last && p->kind == GK_AGENCY_KIND_GOVERNMENT;
    unsigned in = !last || p->kind == GK_AGENCY_KIND_DEPARTMENT;
    uint64_t *e = gk__aggkeys_put(t, gk__overlap_key(p, j));
    int before = gk__aggkeys_gov(*e) && gk__aggkeys_inside(*e);
    gk__aggkeys_count(e, gov, in);
    if (!before && gk__aggkeys_gov(*e) && gk__aggkeys_inside(*e)) *done_out = j;
  }
}

/* ------------------------------------------------------------------ at check time */
typedef struct {
  uint64_t node;
  uint32_t depth; /* length of the node's region in bytes */
  uint32_t role;  /* 0 the government, 1 inside */
  size_t con;
} pair;

static int pair_cmp(const void *x, const void *y) {
  const pair *a = x, *b = y;
  if (a->node != b->node) return a->node < b->node ? -1 : 1;
  if (a->role != b->role) return a->role < b->role ? -1 : 1;
  return a->con < b->con ? -1 : a->con > b->con;
}

static int emit_group(const gk_aggregate *a, const pair *g, size_t n, gk_diags *d) {
  const contributor *gov = &a->con[g[0].con];
  size_t ngov = 0;
  while (ngov < n && g[ngov].role == 0) ngov++;
  gk__overlap_plan_t p;
  gk__overlap_plan(&p, gov->name, gov->region, gov->kind, gov->year);
  gk__buf names;
  gk__buf_init(&names);
  for (size_t k = ngov; k < n && k < ngov + 8; k++) {
    const char *nm = a->con[g[k].con].name;
    gk__buf_printf(&names, "%s%s", k > ngov ? "、" : "", nm ? nm : "?");
  }
  if (n - ngov > 8) gk__buf_puts(&names, "…");
  if (names.err) {
    gk__buf_free(&names);
    return names.err;
  }
  char zh[1400], en[1400], cnt[32];
  int rl = (int)g[0].depth;
  const char *gn = gov->name ? gov->name : "?";
  snprintf(zh, sizeof zh,
           "%.*s：政府的全域报告（%.150s）与本区域内%zu个机关的报告（%.900s）一并汇总，将重复计算",
           rl, p.s ? p.s : "", gn, n - ngov, names.data);
  snprintf(en, sizeof en,
           "%.*s: the whole-region report of %.150s is summed with %zu report%s of organs inside "
           "its region (%.900s): double counting",
           rl, p.s ? p.s : "", gn, n - ngov, n - ngov == 1 ? "" : "s", names.data);
  snprintf(cnt, sizeof cnt, "%zu", n - ngov);
  gk__buf_free(&names);
  return gk__stats_emit(d, GK_SEV_WARNING, "aggregate.overlap", zh, en, NULL, 0, NULL, "0", cnt);
}

static int collect(const gk_aggregate *a, gk__aggkeys *t, pair **out, size_t *n_out) {
  *out = NULL;
  *n_out = 0;
  size_t cap = 0, n = 0;
  pair *ps = NULL;
  for (size_t c = 0; c < a->ncon; c++) {
    gk__overlap_plan_t p;
    const contributor *k = &a->con[c];
    for (int j = 0; j < gk__overlap_plan(&p, k->name, k->region, k->kind, k->year); j++) {
      uint64_t key = gk__overlap_key(&p, j);
      uint64_t e = *gk__aggkeys_put(t, key);
      if (!gk__aggkeys_gov(e) || !gk__aggkeys_inside(e)) continue;
      int last = j == p.n - 1;
      if (last && p.kind != GK_AGENCY_KIND_GOVERNMENT && p.kind != GK_AGENCY_KIND_DEPARTMENT)
        continue;
      if (n == cap) {
        cap = cap ? cap * 2 : 16;
        pair *np = gk__realloc(ps, cap * sizeof *np);
        if (!np) {
          gk__free(ps);
          return GK_ENOMEM;
        }
        ps = np;
      }
      ps[n++] = (pair){key, (uint32_t)p.ends[j],
                       (uint32_t)!(last && p.kind == GK_AGENCY_KIND_GOVERNMENT), c};
    }
  }
  *out = ps;
  *n_out = n;
  return GK_OK;
}

int gk__overlap_check(const gk_aggregate *a, gk_diags *d) {
  if (a->flags & GK_AGGREGATE_NO_CONTRIBUTORS) return GK_OK; /* reported while adding */
  gk__aggkeys t = {0};
  int rc = gk__aggkeys_reserve(&t, a->ncon * GK__MAX_DEPTH);
  for (size_t c = 0; !rc && c < a->ncon; c++) {
    gk__overlap_plan_t p;
    int done;
    if (gk__overlap_plan(&p, a->con[c].name, a->con[c].region, a->con[c].kind, a->con[c].year))
      gk__overlap_note(&t, &p, &done);
  }
  pair *ps = NULL;
  size_t n = 0;
  if (!rc) rc = collect(a, &t, &ps, &n);
  if (!rc && n) qsort(ps, n, sizeof *ps, pair_cmp);
  for (size_t i = 0; !rc && i < n;) {
    size_t j = i;
    while (j < n && ps[j].node == ps[i].node) j++;
    if (ps[i].role == 0 && ps[j - 1].role == 1) rc = emit_group(a, ps + i, j - i, d);
    i = j;
  }
  gk__free(ps);
  gk__aggkeys_free(&t);
  return rc;
}
