/* SPDX-License-Identifier: MIT */
/* Indicators computed around a wrong printed total: the report's own findings
 * name the culprit cell of a broken relation and its correction (the single-cell
 * repair, validate.c); an indicator whose formula reads such a cell is evaluated
 * again with the corrected value, so a reader sees the rate the parts give
 * (洪泽区 2023: 复议纠错率 is "–" over the printed total 0, 9.09% over its parts 11). */
#include <string.h>
#include "internal.h"
#include "gkreport/indicator.h"
#include "gkreport/validate.h"

/* 1 when `path` is one of the cells of the indicator's formula. */
static int reads(size_t i, const char *path) {
  const char *f = gk_indicator_formula(i);
  size_t n = strlen(path);
  for (const char *p = f; (p = strstr(p, path)) != NULL; p += n) {
    char after = p[n];
    if (after == '\0' || after == ' ' || after == ')') return 1;
  }
  return 0;
}

/* Apply to c every repair of d whose cell the indicator reads; count them. */
static int apply(gk_report *c, const gk_diags *d, size_t i, size_t *count) {
  for (size_t k = 0; k < gk_diags_count(d); k++) {
    const char *path = gk_diag_suspect(d, k), *value = gk_diag_suspect_value(d, k);
    if (!path || !value || !reads(i, path)) continue;
    int rc = gk_report_set_text(c, path, value, strlen(value));
    if (rc == GK_ENOMEM) return rc;
    if (rc == GK_OK) (*count)++;
  }
  return GK_OK;
}

GK_API int gk_report_indicator_from_parts(int64_t *num_out, int64_t *den_out, size_t *repaired_out,
                                          const gk_report *r, size_t i) {
  if (num_out) *num_out = 0;
  if (den_out) *den_out = 0;
  if (repaired_out) *repaired_out = 0;
  if (!num_out || !den_out || !repaired_out || !r || i >= gk_indicator_count()) return GK_EINVAL;
  gk_diags *d = NULL;
  gk_report *c = NULL;
  size_t count = 0;
  int rc = gk_diags_new(&d);
  if (!rc) rc = gk_report_validate(r, NULL, d);
  if (!rc) rc = gk_report_clone(&c, r);
  if (!rc) rc = apply(c, d, i, &count);
  if (!rc) rc = gk_report_indicator(num_out, den_out, count ? c : r, i);
  if (rc == GK_OK || rc == GK_ENOTFOUND) *repaired_out = count;
  gk_report_free(c);
  gk_diags_free(d);
  return rc;
}
