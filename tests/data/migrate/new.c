/* SPDX-License-Identifier: MIT */
/* old.c as tools/migrate-api-0.2.py rewrites it (tests/check_migrate.sh). */
#include <gkreport/gkreport.h>
#include <stdio.h>

int show(const gk_report *r, gk_diags *d) {
  int st, t;
  int64_t v;
  size_t row, col, idx;
  char buf[64];
  int states[8];
  int64_t values[8];
  if (gk_report_cell(&st, &v, r, GK_TABLE_REQUESTS, 0, 0) != GK_OK) return -1;
  if (gk_report_path_find(&t, &row, &col, r, "requests/new/total", GK_NUL_TERMINATED)) return -1;
  gk_report_text(buf, sizeof buf, r, "requests/new/total", GK_NUL_TERMINATED);
  gk_report_row(states, values, 8,
                    r, GK_TABLE_REQUESTS, row);
  printf("%s %d %u %s\n", buf, gk_report_unit(r, t, row, col),
         (unsigned)gk_report_line(r, t, row, col),
         gk_report_literal(r, t, row, col) ? "literal" : "");
  gk_diags_add(&idx, d, GK_SEV_WARNING, "x.rule", "中文, 带逗号", "en (nested, parens)",
               NULL, 0, 0);
  return gk_diags_add(NULL, d, GK_SEV_INFO, "x.rule", NULL, NULL, NULL, 0, 0);
}
