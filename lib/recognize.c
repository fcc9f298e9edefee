/* SPDX-License-Identifier: MIT */
/* libgkreport: a report from the grid of any reader (grid.h): the recognizer
 * (gk__recognize_grid, text_import.c) reads the grid's blocks and rows' cells;
 * then the agency from the text, else from a web page's metadata. */
#include <stdio.h>
#include <string.h>
#include "grid.h"
#include "text_int.h"
#include "gkreport/text.h"

/* The agency name from a web page's metadata table (发布机构, else 来源) when
 * the report's own text gave none; level, kind and region then follow it. */
static int agency_from_meta(gk_report *r, const gk__grid *g, const char *text, size_t tn, gk_diags *diags) {
  static const char *const keys[] = {"发布机构", "来源"};
  const char *name = gk_report_agency(r, GK_AGENCY_NAME);
  if (name && name[0]) return GK_OK;
  for (size_t k = 0; k < sizeof keys / sizeof *keys; k++)
    for (size_t i = 0; i < g->nmeta; i++) {
      const gk__gmeta *m = &g->meta[i];
      const char *key = gk__grid_text(g, m->koff), *v = gk__grid_text(g, m->voff);
      size_t kn = strlen(keys[k]);
      if (m->klen < kn || memcmp(key, keys[k], kn) != 0 || !gk__agency_plausible(v, m->vlen))
        continue;
      char zh[64], en[64];
      snprintf(zh, sizeof zh, "网页元数据“%s”", keys[k]);
      snprintf(en, sizeof en, "the page's metadata (%s)", keys[k]);
      int rc = gk__agency_found(r, v, m->vlen, zh, en, 0, diags);
      if (!rc) rc = gk__agency_complete(r, text, tn, diags);
      return rc;
    }
  return GK_OK;
}

int gk__report_from_grid(gk_report **out, const gk__grid *g, const char *source_name,
                         gk_diags *diags) {
  if (!out || !g) return GK_EINVAL;
  *out = NULL;
  if (g->err) return g->err;
  const gk__labels *L = gk__labels_shared();
  if (!L) return GK_ENOMEM;
  gk__buf text;
  gk__buf_init(&text);
  size_t diag_from = gk_diags_count(diags);
  int rc = gk__recognize_grid(L, out, g, source_name, diags, &text);
  const char *t = g->src ? g->src : text.data ? text.data : "";
  size_t tn = g->src ? g->nsrc : text.len;
  if (!rc) rc = gk__agency_complete(*out, t, tn, diags);
  if (!rc) rc = agency_from_meta(*out, g, t, tn, diags);
  if (rc && *out) {
    gk_report_free(*out);
    *out = NULL;
  }
  if (rc == GK_ENOMEM) gk__diags_truncate(diags, diag_from);
  gk__buf_free(&text);
  return rc;
}
