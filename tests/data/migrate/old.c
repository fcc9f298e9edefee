/* SPDX-License-Identifier: MIT */
/* A 0.1.0 user's code: tools/migrate-api-0.2.py turns it into new.c (migrate-api-0.2: keep). */
#include <gkreport/gkreport.h>
#include <stdio.h>

int show(const gk_report *r, gk_diags *d) {
  int st, t;
  int64_t v;
  size_t row, col, idx;
  char buf[64];
  int states[8];
  int64_t values[8];
  if (gk_report_get_cell(r, GK_TABLE_REQUESTS, 0, 0, &st, &v) != GK_OK) return -1;
  if (gk_report_locate(r, "requests/new/total", &t, &row, &col)) return -1;
  gk_report_get_text(r, "requests/new/total", buf, sizeof buf);
  gk_report_get_row(r, GK_TABLE_REQUESTS, row,
                    states, values, 8);
  printf("%s %d %u %s\n", buf, gk_report_get_unit(r, t, row, col),
         (unsigned)gk_report_get_line(r, t, row, col),
         gk_report_get_literal(r, t, row, col) ? "literal" : "");
  gk_diags_add(d, &idx, GK_SEV_WARNING, "x.rule", "中文, 带逗号", "en (nested, parens)",
               NULL, 0, 0);
  return gk_diags_add(d, NULL, GK_SEV_INFO, "x.rule", NULL, NULL, NULL, 0, 0);
}
