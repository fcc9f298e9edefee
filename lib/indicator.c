/* SPDX-License-Identifier: MIT */
/* Indicators of format.md §10 as data, evaluated exactly over a report's cells. */
#include <string.h>
#include "gkreport/indicator.h"
#include "stats_int.h"

#define MAX_TERMS 4

typedef struct {
  const char *path; /* "table/row/col" */
  int coef;         /* +1 / -1 */
} term;

typedef struct {
  const char *id, *zh, *en, *unit, *formula;
  term num[MAX_TERMS], den[MAX_TERMS];
} indicator;

#define RQ(row) "requests/" row "/total"
#define RV(row, col) "review/" row "/" col

static const indicator indicators[] = {
  {"rate.disclosed", "公开率", "Disclosure rate", "%",
   "(requests/granted/total + requests/partial/total) / requests/total/total",
   {{RQ("granted"), 1}, {RQ("partial"), 1}}, {{RQ("total"), 1}}},
  {"rate.denied", "不予公开率", "Denial rate", "%",
   "requests/denied/total / requests/total/total",
   {{RQ("denied"), 1}}, {{RQ("total"), 1}}},
  {"rate.unavailable", "无法提供率", "Unavailable rate", "%",
   "requests/unavailable/total / requests/total/total",
   {{RQ("unavailable"), 1}}, {{RQ("total"), 1}}},
  {"rate.not_processed", "不予处理率", "Not-processed rate", "%",
   "requests/not_processed/total / requests/total/total",
   {{RQ("not_processed"), 1}}, {{RQ("total"), 1}}},
  {"rate.carried_forward", "结转率", "Carry-forward rate", "%",
   "requests/carried_forward/total / (requests/new/total + requests/carried_over/total)",
   {{RQ("carried_forward"), 1}}, {{RQ("new"), 1}, {RQ("carried_over"), 1}}},
  {"share.organizations", "法人或其他组织申请占比", "Share of requests from organisations", "%",
   "(requests/new/total - requests/new/natural) / requests/new/total",
   {{RQ("new"), 1}, {"requests/new/natural", -1}}, {{RQ("new"), 1}}},
  {"rate.reconsideration_corrected", "行政复议纠错率", "Reconsideration correction rate", "%",
   "review/reconsideration/corrected / (review/reconsideration/total - "
   "review/reconsideration/pending)",
   {{RV("reconsideration", "corrected"), 1}},
   {{RV("reconsideration", "total"), 1}, {RV("reconsideration", "pending"), -1}}},
  {"rate.litigation_corrected", "行政诉讼纠错率", "Litigation correction rate", "%",
   "(review/litigation_direct/corrected + review/litigation_after_review/corrected) / "
   "(review/litigation_direct/total + review/litigation_after_review/total - "
   "review/litigation_direct/pending - review/litigation_after_review/pending)",
   {{RV("litigation_direct", "corrected"), 1}, {RV("litigation_after_review", "corrected"), 1}},
   {{RV("litigation_direct", "total"), 1}, {RV("litigation_after_review", "total"), 1},
    {RV("litigation_direct", "pending"), -1}, {RV("litigation_after_review", "pending"), -1}}},
};
#define NIND (sizeof indicators / sizeof indicators[0])

GK_API size_t gk_indicator_count(void) { return NIND; }

GK_API const char *gk_indicator_id(size_t i) { return i < NIND ? indicators[i].id : NULL; }

GK_API const char *gk_indicator_name(size_t i, gk_lang lang) {
  if (i >= NIND) return NULL;
  return lang == GK_LANG_EN ? indicators[i].en : indicators[i].zh;
}

GK_API const char *gk_indicator_unit(size_t i) { return i < NIND ? indicators[i].unit : NULL; }

GK_API const char *gk_indicator_formula(size_t i) {
  return i < NIND ? indicators[i].formula : NULL;
}

GK_API int gk_indicator_find(size_t *index_out, const char *id) {
  if (index_out) *index_out = 0;
  if (!index_out || !id) return GK_EINVAL;
  for (size_t i = 0; i < NIND; i++)
    if (strcmp(indicators[i].id, id) == 0) {
      *index_out = i;
      return GK_OK;
    }
  return GK_ENOTFOUND;
}

/* Signed sum of the terms; GK_ENOTFOUND when a cell is not a value. */
static int sum_terms(int64_t *out, const gk_report *r, const term *terms) {
  int64_t s = 0;
  for (size_t k = 0; k < MAX_TERMS && terms[k].path; k++) {
    int t, st;
    size_t row, col;
    int64_t v;
    int rc = gk_report_path_find(&t, &row, &col, r, terms[k].path, GK_NUL_TERMINATED);
    if (rc) return rc == GK_EINVAL ? rc : GK_ENOTFOUND;
    if ((rc = gk__cell_effective(r, t, row, col, &st, &v))) return rc;
    if (st != GK_CELL_VALUE) return GK_ENOTFOUND;
    if (terms[k].coef < 0 && v == INT64_MIN) return GK_EOVERFLOW;
    if (gk__add64(&s, s, terms[k].coef < 0 ? -v : v)) return GK_EOVERFLOW;
  }
  *out = s;
  return GK_OK;
}

GK_API int gk_report_indicator(int64_t *num_out, int64_t *den_out, const gk_report *r, size_t i) {
  if (num_out) *num_out = 0;
  if (den_out) *den_out = 0;
  if (!num_out || !den_out || !r || i >= NIND) return GK_EINVAL;
  int64_t num, den;
  int rc = sum_terms(&num, r, indicators[i].num);
  if (!rc) rc = sum_terms(&den, r, indicators[i].den);
  if (rc) return rc;
  if (den == 0) return GK_ENOTFOUND;
  *num_out = num;
  *den_out = den;
  return GK_OK;
}

GK_API int gk_indicator_format(char *buf, size_t cap, int64_t num, int64_t den) {
  if (buf && cap) buf[0] = '\0';
  return gk__ratio_format(buf, cap, num, den, 1, 2);
}
