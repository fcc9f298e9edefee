/* SPDX-License-Identifier: MIT */
/* Shared helpers of the benchmarks (header only): clock, peak memory, and the
 * synthetic report generator.
 *
 * bench_gen_report() builds a report through the public API only, by walking the
 * schema (rows, columns, flags, parents): leaf outcomes drawn from a skewed
 * distribution (most agencies get a handful of requests, a few get thousands),
 * derived rows and totals computed so that every relation of the format holds
 * (row totals, outcome totals, the balance new + carried_over = total +
 * carried_forward, review totals), active-disclosure figures and exact amounts in
 * 万元 with up to four decimals. With `defect` set, one planted error is added:
 * a leaf off by a few (the validator's culprit case), a blank total, or an
 * unreadable literal. Deterministic for a given seed. */
#ifndef GK_BENCH_COMMON_H
#define GK_BENCH_COMMON_H

#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>
#include "gkreport/gkreport.h"

/* Seconds on the monotonic clock. */
static inline double bench_now(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

/* Peak resident set size of the process so far, in KiB. */
static inline long bench_peak_rss_kib(void) {
  struct rusage ru;
  return getrusage(RUSAGE_SELF, &ru) == 0 ? ru.ru_maxrss : -1;
}

/* xorshift64*: a small deterministic generator (no global state). */
typedef struct { uint64_t s; } bench_rng;
static inline uint64_t bench_rand(bench_rng *g) {
  g->s ^= g->s >> 12;
  g->s ^= g->s << 25;
  g->s ^= g->s >> 27;
  return g->s * 2685821657736338717u;
}
static inline int64_t bench_range(bench_rng *g, int64_t lo, int64_t hi) {
  return lo + (int64_t)(bench_rand(g) % (uint64_t)(hi - lo + 1));
}
/* A count with the long tail of real reports: usually 0..3, sometimes hundreds. */
static inline int64_t bench_count(bench_rng *g, int64_t scale) {
  uint64_t r = bench_rand(g) % 100;
  if (r < 45)
    return 0;
  if (r < 85)
    return bench_range(g, 1, 3 * scale);
  if (r < 98)
    return bench_range(g, 3 * scale, 40 * scale);
  return bench_range(g, 40 * scale, 400 * scale);
}

static inline int bench_find_col(int ed, int table, const char *key) {
  size_t c;
  return gk_schema_col_find(&c, ed, table, key) == GK_OK ? (int)c : -1;
}
static inline int bench_find_row(int ed, int table, const char *key) {
  size_t r;
  return gk_schema_row_find(&r, ed, table, key) == GK_OK ? (int)r : -1;
}

/* Cells of one table as a dense scratch grid (rows x cols <= 64 x 16). */
typedef struct { int64_t v[64][16]; } bench_grid;

/* Writes every existing, settable cell of the grid into the report. */
static inline int bench_store(gk_report *r, int ed, int t, const bench_grid *g) {
  for (size_t row = 0; row < gk_schema_nrows(ed, t); row++)
    for (size_t col = 0; col < gk_schema_ncols(ed, t); col++) {
      if (!gk_schema_cell_exists(ed, t, row, col))
        continue;
      int rc = gk_report_set_value(r, t, row, col, g->v[row][col]);
      if (rc != GK_OK && rc != GK_EINVAL) /* EINVAL: a derived row that is not stored */
        return rc;
    }
  return GK_OK;
}

/* The requests table: leaves drawn, derived rows, outcome total, balance, row totals. */
static inline int bench_gen_requests(gk_report *r, int ed, bench_rng *g, int64_t scale) {
  const int t = GK_TABLE_REQUESTS;
  size_t nrows = gk_schema_nrows(ed, t), ncols = gk_schema_ncols(ed, t);
  int tc = bench_find_col(ed, t, "total");
  int r_new = bench_find_row(ed, t, "new"), r_co = bench_find_row(ed, t, "carried_over");
  int r_tot = bench_find_row(ed, t, "total"), r_cf = bench_find_row(ed, t, "carried_forward");
  bench_grid grid;
  if (nrows > 64 || ncols > 16 || tc < 0 || r_new < 0 || r_co < 0 || r_tot < 0 || r_cf < 0)
    return GK_EUNSUPPORTED;
  memset(&grid, 0, sizeof grid);
  for (size_t c = 0; c < ncols; c++) {
    if ((int)c == tc)
      continue;
    /* natural persons file most requests, research institutes very few */
    int64_t s = c == 0 ? scale : (c == 1 ? (scale + 1) / 2 : 1);
    for (size_t row = 0; row < nrows; row++) {
      uint32_t f = gk_schema_row_flags(ed, t, row);
      if ((f & GK_ROW_LEAF) && (f & GK_ROW_OUTCOME)) {
        int64_t v = row == 2 ? bench_count(g, 4 * s) : bench_count(g, s) / (row > 4 ? 3 : 1);
        grid.v[row][c] = v;
        grid.v[r_tot][c] += v;
        int p = gk_schema_row_parent(ed, t, row);
        if (p >= 0)
          grid.v[p][c] += v;
      }
    }
    grid.v[r_cf][c] = bench_count(g, s) / 2;
    grid.v[r_co][c] = bench_range(g, 0, grid.v[r_tot][c] + grid.v[r_cf][c]);
    grid.v[r_new][c] = grid.v[r_tot][c] + grid.v[r_cf][c] - grid.v[r_co][c];
  }
  for (size_t row = 0; row < nrows; row++) {
    grid.v[row][tc] = 0;
    for (size_t c = 0; c < ncols; c++)
      if ((int)c != tc)
        grid.v[row][tc] += grid.v[row][c];
  }
  return bench_store(r, ed, t, &grid);
}

/* The review table: per row, the parts and their total. */
static inline int bench_gen_review(gk_report *r, int ed, bench_rng *g, int64_t scale) {
  const int t = GK_TABLE_REVIEW;
  int tc = bench_find_col(ed, t, "total");
  bench_grid grid;
  if (tc < 0)
    return GK_EUNSUPPORTED;
  memset(&grid, 0, sizeof grid);
  for (size_t row = 0; row < gk_schema_nrows(ed, t) && row < 64; row++)
    for (size_t c = 0; c < gk_schema_ncols(ed, t) && c < 16; c++)
      if ((int)c != tc) {
        grid.v[row][c] = bench_count(g, 1 + scale / 8) / 4;
        grid.v[row][tc] += grid.v[row][c];
      }
  return bench_store(r, ed, t, &grid);
}

/* The active-disclosure table: counts, signed changes, exact amounts. The rules on
 * it hold: 2019 total_public >= published, decisions != prev_items + delta. */
static inline int bench_gen_active(gk_report *r, int ed, bench_rng *g, int64_t scale) {
  const int t = GK_TABLE_ACTIVE;
  int c_pub = bench_find_col(ed, t, "published"), c_tot = bench_find_col(ed, t, "total_public");
  int c_prev = bench_find_col(ed, t, "prev_items"), c_delta = bench_find_col(ed, t, "delta");
  int c_dec = bench_find_col(ed, t, "decisions");
  int r_reg = bench_find_row(ed, t, "regulations");
  bench_grid grid;
  memset(&grid, 0, sizeof grid);
  for (size_t row = 0; row < gk_schema_nrows(ed, t) && row < 64; row++)
    for (size_t c = 0; c < gk_schema_ncols(ed, t) && c < 16; c++) {
      if (!gk_schema_cell_exists(ed, t, row, c))
        continue;
      int kind = gk_schema_col_kind(ed, t, c);
      int64_t v;
      if (kind == GK_KIND_AMOUNT) /* 万元, up to four decimals: 59237.2449 */
        v = bench_range(g, 0, 90000 * scale) * GK_AMOUNT_SCALE + bench_range(g, 0, 9999) * 100;
      else if (kind == GK_KIND_SIGNED)
        v = bench_range(g, -3, 5);
      else
        v = (int)row == r_reg ? 0 : bench_count(g, scale); /* no rule-making power assumed */
      grid.v[row][c] = v;
    }
  for (size_t row = 0; row < gk_schema_nrows(ed, t) && row < 64; row++) {
    if (c_pub >= 0 && c_tot >= 0 && grid.v[row][c_tot] < grid.v[row][c_pub])
      grid.v[row][c_tot] += grid.v[row][c_pub];
    if (c_prev >= 0 && c_delta >= 0) {
      if (grid.v[row][c_prev] + grid.v[row][c_delta] < 0)
        grid.v[row][c_delta] = -grid.v[row][c_prev];
      if (c_dec >= 0 && (grid.v[row][c_dec] | grid.v[row][c_prev] | grid.v[row][c_delta]) != 0 &&
          grid.v[row][c_dec] == grid.v[row][c_prev] + grid.v[row][c_delta])
        grid.v[row][c_dec] += 1;
    }
  }
  return bench_store(r, ed, t, &grid);
}

/* Plants one defect of kind (seed % 3): a leaf off by a few, a blank total, a literal. */
static inline int bench_plant_defect(gk_report *r, int ed, bench_rng *g) {
  const int t = GK_TABLE_REQUESTS;
  int tc = bench_find_col(ed, t, "total");
  int r_tot = bench_find_row(ed, t, "total");
  size_t row = 2; /* granted: a leaf in both editions */
  size_t col = (size_t)bench_range(g, 0, 1);
  int state = 0;
  int64_t v = 0;
  switch (bench_rand(g) % 3) {
  case 0:
    gk_report_cell(&state, &v, r, t, row, col);
    return gk_report_set_value(r, t, row, col, v + bench_range(g, 1, 9));
  case 1:
    return gk_report_set_blank(r, t, (size_t)r_tot, (size_t)tc);
  default:
    return gk_report_set_literal(r, t, row, col, "见附件", strlen("见附件"));
  }
}

static const char *const bench_agencies[] = {
  "宿迁市人民政府", "淮安市洪泽区人民政府", "凤岗镇人民政府", "上海市人民政府办公厅",
  "宿迁市自然资源和规划局", "龙潭区人民政府", "孝感市人民政府研究室", "岳阳市南湖新区管理委员会",
};

/* Report number `seed`: edition 2019 (years 2019-2020) or 2021 (2021-2024) by
 * seed, size class by seed, one planted defect when `defect` is non-zero. */
static inline int bench_gen_report(gk_report **out, uint64_t seed, int defect) {
  bench_rng g = {seed * 0x9E3779B97F4A7C15u + 0x2545F4914F6CDD1Du};
  int ed = (seed % 3 == 0) ? 2019 : 2021;
  int year = ed == 2019 ? 2019 + (int)(seed % 2) : 2021 + (int)(seed % 4);
  int64_t scale = (int64_t)1 << (bench_rand(&g) % 7); /* township .. municipal */
  const char *agency = bench_agencies[seed % (sizeof bench_agencies / sizeof bench_agencies[0])];
  char preamble[512];
  const char *sections[GK_NSECTIONS] = {NULL};
  sections[GK_SECTION_OVERVIEW] =
    "本机关坚持以公开为常态、不公开为例外，全面推进决策、执行、管理、服务、结果公开。";
  sections[GK_SECTION_PROBLEMS] =
    "一是公开内容不够全面；二是解读形式较为单一。下一步将加强培训，提升公开质量。";
  sections[GK_SECTION_OTHER] = "本年度未收取信息处理费。无其他需要报告的事项。";
  snprintf(preamble, sizeof preamble,
           "本报告根据《中华人民共和国政府信息公开条例》编制，所列数据的统计期限自%d年1月1日起至"
           "%d年12月31日止。", year, year);
  sections[GK_SECTION_PREAMBLE] = preamble;
  gk_report *r = NULL;
  *out = NULL;
  int rc = gk_report_new(&r, ed, year);
  if (rc == GK_OK)
    rc = gk_report_set_agency(r, GK_AGENCY_NAME, agency, strlen(agency));
  for (int s = 0; s < GK_NSECTIONS && rc == GK_OK; s++)
    if (sections[s] != NULL)
      rc = gk_report_set_section(r, s, sections[s], strlen(sections[s]));
  if (rc == GK_OK)
    rc = bench_gen_active(r, ed, &g, scale);
  if (rc == GK_OK)
    rc = bench_gen_requests(r, ed, &g, scale);
  if (rc == GK_OK)
    rc = bench_gen_review(r, ed, &g, scale);
  if (rc == GK_OK && defect)
    rc = bench_plant_defect(r, ed, &g);
  if (rc != GK_OK) {
    gk_report_free(r);
    return rc;
  }
  *out = r;
  return GK_OK;
}

/* Whether report number `seed` gets a defect, for a fraction given in percent. */
static inline int bench_has_defect(uint64_t seed, unsigned percent) {
  return (seed * 0x9E3779B97F4A7C15u >> 33) % 100 < percent;
}

#endif /* GK_BENCH_COMMON_H */
