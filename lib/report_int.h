/* SPDX-License-Identifier: MIT */
/* The layout of a report (struct gk_report): private to the report model.
 * Included only by the files listed in tests/check_report_private.sh; every
 * other module reaches a report through the public getters and the
 * gk__report_* accessors declared in internal.h ("report access"). */
#ifndef GK_REPORT_INT_H
#define GK_REPORT_INT_H
#include "internal.h"

struct gk_report {
  int edition, year;
  const gk__edition *ed;
  char *agency[3];           /* GK_AGENCY_NAME/CODE/REGION */
  int level, kind;
  char *title, *source;
  char *sections[GK_NSECTIONS];
  uint32_t section_line[GK_NSECTIONS];
  uint32_t part_order[GK__NPARTS];      /* grids: document order of the six parts (overview, the three
                                * tables, problems, other) where source lines do not compare
                                * (DOCX: paragraphs and tables numbered apart); 0 unknown */
  gk__cell *cells[GK_NTABLES]; /* nrows*ncols each, row-major */
  int completeness;            /* gk_completeness */
  int trunc_table;             /* GK_TRUNCATED: table where the copy ends, else -1 */
  size_t trunc_row;            /* ... and first row not held complete, SIZE_MAX none */
  uint32_t missing_tables;     /* bit t: table t absent from the copy */
  char *pool;                  /* literals, NUL-separated */
  size_t pool_len, pool_cap;
};

#endif
