/* SPDX-License-Identifier: MIT */
/* libFuzzer harness for the XLSX reader (lib/read_xlsx*.c).
 * gk-fuzz-requires: gk_report_from_xlsx
 * Read the input into a grid: on success the grid must keep every invariant of
 * grid.h (gk__grid_check), on failure the failure is explained in the
 * diagnostics. Then the public entry: on failure the out-parameter is NULL; on
 * success the report validates and exports to JSON (when built in). */
#include <stdint.h>
#include <string.h>
#include "gkreport/gkreport.h"
#include "read_xlsx.h"

#define CHECK(cond)          \
  do {                       \
    if (!(cond))             \
      __builtin_trap();      \
  } while (0)

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  gk_diags *d = NULL;
  if (gk_diags_new(&d) != GK_OK) return 0;
  gk__grid g;
  gk__grid_init(&g);
  int rc = gk__xlsx_grid(&g, (const char *)data, size, "fuzz.xlsx", d);
  if (rc == GK_OK) CHECK(gk__grid_check(&g) == GK_OK);
  else if (rc != GK_ENOMEM) CHECK(gk_diags_count(d) > 0);
  gk__grid_free(&g);
  gk_diags_clear(d);
  gk_report *r = (gk_report *)1;
  rc = gk_report_from_xlsx(&r, (const char *)data, size, "fuzz.xlsx", d);
  if (rc != GK_OK) {
    CHECK(r == NULL);
    CHECK(rc == GK_EPARSE || rc == GK_EENCODING || rc == GK_ENOMEM);
    if (rc != GK_ENOMEM) CHECK(gk_diags_count(d) > 0);
    gk_diags_free(d);
    return 0;
  }
  CHECK(r != NULL);
#ifdef GK_HAVE_VALIDATE
  rc = gk_report_validate(r, NULL, d);
  CHECK(rc == GK_OK || rc == GK_ENOMEM);
#endif
#ifdef GK_HAVE_JSON
  char *j = NULL;
  size_t n = 0;
  rc = gk_report_to_json(&j, &n, r, 0);
  CHECK(rc == GK_OK || rc == GK_ENOMEM);
  gk_free(j);
#endif
  gk_report_free(r);
  gk_diags_free(d);
  return 0;
}
