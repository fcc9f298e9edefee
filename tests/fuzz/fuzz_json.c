/* libFuzzer harness for the JSON reader (gk_report_from_json).
 * gk-fuzz-requires: gk_report_from_json gk_report_to_json gk_diags_to_json
 * Parse; on failure the out-parameter must be NULL and the failure explained in the
 * diagnostics; on success serialize (compact, and pretty with source lines), parse
 * the output again and trap unless the round trip gives an equal report and the
 * second serialization is byte-identical to the first (a fixed point). */
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
  int rc = gk_report_to_json(&out, &len, r, flags);
  if (rc == GK_ENOMEM)
    return;
  CHECK(rc == GK_OK && out != NULL && strlen(out) == len);
  if (gk_diags_new(&d) != GK_OK) {
    gk_free(out);
    return;
  }
  rc = gk_report_from_json(&back, out, len, "roundtrip.json", d);
  if (rc != GK_ENOMEM) {
    CHECK(rc == GK_OK && back != NULL);
    CHECK(gk_report_equal(r, back, (flags & GK_JSON_LINES) != 0) == 1);
    rc = gk_report_to_json(&out2, &len2, back, flags);
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
  int rc = gk_report_from_json(&r, (const char *)data, size, "fuzz.json", d);
  if (rc == GK_OK) {
    CHECK(r != NULL);
    roundtrip(r, 0);
    roundtrip(r, GK_JSON_PRETTY | GK_JSON_LINES);
    gk_report_free(r);
  } else {
    CHECK(r == NULL);
    CHECK(rc < 0 && gk_strerror(rc) != NULL);
    if (rc == GK_EPARSE)
      CHECK(gk_diags_count(d) > 0);
  }
  /* the findings themselves must serialize, whatever the input held */
  char *dj = NULL;
  size_t dlen = 0;
  rc = gk_diags_to_json(&dj, &dlen, d, 0);
  CHECK(rc == GK_OK || rc == GK_ENOMEM);
  gk_free(dj);
  gk_diags_free(d);
  return 0;
}
