/* SPDX-License-Identifier: MIT */
/* libFuzzer harness for the CSV reader (gk_report_from_csv).
 * gk-fuzz-requires: gk_report_from_csv gk_report_to_csv
 * Parse; on failure the out-parameter must be NULL and the failure explained in the
 * diagnostics; on success write the report as CSV (plain, and for Excel with the
 * subtotals), read that back and trap unless it reads and a second writing is
 * byte-identical to the first (a fixed point: the writer never emits what the
 * reader refuses or reads otherwise). */
#include <stdint.h>
#include <string.h>
#include "gkreport/gkreport.h"

#define CHECK(cond)          \
  do {                       \
    if (!(cond))             \
      __builtin_trap();      \
  } while (0)

static void roundtrip(const gk_report *r, uint32_t flags) {
  char *out = NULL, *out2 = NULL;
  size_t len = 0, len2 = 0;
  gk_report *back = NULL;
  gk_diags *d = NULL;
  int rc = gk_report_to_csv(&out, &len, r, flags);
  if (rc == GK_ENOMEM || rc == GK_EOVERFLOW) /* a derived subtotal may overflow */
    return;
  CHECK(rc == GK_OK && out != NULL && strlen(out) == len);
  if (gk_diags_new(&d) != GK_OK) {
    gk_free(out);
    return;
  }
  rc = gk_report_from_csv(&back, out, len, "roundtrip.csv", d);
  if (rc != GK_ENOMEM) {
    CHECK(rc == GK_OK && back != NULL);
    rc = gk_report_to_csv(&out2, &len2, back, flags);
    CHECK(rc == GK_OK || rc == GK_ENOMEM);
    if (rc == GK_OK)
      CHECK(len2 == len && memcmp(out, out2, len) == 0);
  }
  gk_free(out2);
  gk_free(out);
  gk_report_free(back);
  gk_diags_free(d);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  gk_report *r = NULL;
  gk_diags *d = NULL;
  if (gk_diags_new(&d) != GK_OK)
    return 0;
  int rc = gk_report_from_csv(&r, (const char *)data, size, "fuzz.csv", d);
  if (rc == GK_OK) {
    CHECK(r != NULL);
    roundtrip(r, 0);
    roundtrip(r, GK_CSV_EXCEL | GK_CSV_DERIVED);
    gk_report_free(r);
  } else {
    CHECK(r == NULL);
    CHECK(rc < 0 && gk_strerror(rc) != NULL);
    if (rc == GK_EPARSE)
      CHECK(gk_diags_count(d) > 0);
  }
  gk_diags_free(d);
  return 0;
}
