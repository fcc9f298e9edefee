/* SPDX-License-Identifier: MIT */
/* libFuzzer harness for the JSON reader (gk_report_from_json).
 * gk-fuzz-requires: gk_report_from_json gk_report_to_json gk_diags_to_json
 * Parse; on failure the out-parameter must be NULL and the failure explained in the
 * diagnostics; on success validate (when the validator is built in), serialize
 * (compact, and pretty with source lines), parse the output again and trap unless
 * the round trip gives an equal report with the same findings and the second
 * serialization is byte-identical to the first (a fixed point). */
#include <stdint.h>
#include <string.h>
#include "gkreport/gkreport.h"

#define CHECK(cond)          \
  do {                       \
    if (!(cond))             \
      __builtin_trap();      \
  } while (0)

/* Validates r; returns a digest of the findings (count and rule ids), 0 on ENOMEM. */
static uint64_t findings(const gk_report *r) {
  uint64_t h = 1469598103934665603u;
#ifdef GK_HAVE_VALIDATE
  gk_diags *d = NULL;
  if (gk_diags_new(&d) != GK_OK)
    return 0;
  int rc = gk_report_validate(r, NULL, d);
  CHECK(rc == GK_OK || rc == GK_ENOMEM);
  if (rc != GK_OK) {
    gk_diags_free(d);
    return 0;
  }
  for (size_t i = 0; i < gk_diags_count(d); i++) {
    const char *rule = gk_diag_rule(d, i);
    CHECK(rule != NULL);
    for (; *rule; rule++)
      h = (h ^ (unsigned char)*rule) * 1099511628211u;
    h = (h ^ (uint64_t)gk_diag_severity(d, i)) * 1099511628211u;
  }
  h ^= gk_diags_count(d);
  gk_diags_free(d);
#else
  (void)r;
#endif
  return h;
}

static void roundtrip(const gk_report *r, uint32_t flags, uint64_t want_findings) {
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
    uint64_t got = findings(back);
    CHECK(got == want_findings || got == 0 || want_findings == 0);
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
    uint64_t f = findings(r);
    roundtrip(r, 0, f);
    roundtrip(r, GK_JSON_PRETTY | GK_JSON_LINES, f);
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
