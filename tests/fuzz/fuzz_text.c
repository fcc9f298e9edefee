/* SPDX-License-Identifier: MIT */
/* libFuzzer harness for the text importer (gk_report_from_text).
 * gk-fuzz-requires: gk_report_from_text gk_report_to_text gk_report_to_markdown
 * Import; on failure the out-parameter must be NULL and the failure explained in
 * the diagnostics; on success validate (when the validator is built in), export
 * to text and Markdown, import the text and the Markdown again and trap unless
 * each round trip gives an equal report (title, agency and year included: an
 * untitled report stays untitled, a report without a year gains none from its
 * prose), and exporting the second report gives the same text (a fixed point). */
#include <stdint.h>
#include <string.h>
#include "gkreport/gkreport.h"
#include "gkreport/text.h"

#define CHECK(cond)          \
  do {                       \
    if (!(cond))             \
      __builtin_trap();      \
  } while (0)

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  gk_diags *d = NULL;
  if (gk_diags_new(&d) != GK_OK) return 0;
  gk_report *r = (gk_report *)1;
  int rc = gk_report_from_text(&r, (const char *)data, size, "fuzz.txt", d);
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
  char *md = NULL;
  size_t mdn = 0;
  rc = gk_report_to_markdown(&md, &mdn, r);
  CHECK(rc == GK_OK || rc == GK_ENOMEM);
  if (rc == GK_OK) {
    gk_report *m = NULL;
    rc = gk_report_from_text(&m, md, mdn, "fuzz.txt", NULL);
    CHECK(rc == GK_OK || rc == GK_ENOMEM);
    if (rc == GK_OK) CHECK(gk_report_equal(r, m, 0));
    gk_report_free(m);
  }
  gk_free(md);
  char *t1 = NULL, *t2 = NULL;
  size_t n1 = 0, n2 = 0;
  rc = gk_report_to_text(&t1, &n1, r);
  CHECK(rc == GK_OK || rc == GK_ENOMEM);
  if (rc == GK_OK) {
    gk_report *b = NULL;
    rc = gk_report_from_text(&b, t1, n1, "fuzz.txt", NULL);
    CHECK(rc == GK_OK || rc == GK_ENOMEM);
    if (rc == GK_OK) {
      CHECK(gk_report_equal(r, b, 0));
      rc = gk_report_to_text(&t2, &n2, b);
      CHECK(rc == GK_OK || rc == GK_ENOMEM);
      if (rc == GK_OK) CHECK(n1 == n2 && memcmp(t1, t2, n1) == 0);
      gk_free(t2);
      gk_report_free(b);
    }
  }
  gk_free(t1);
  gk_report_free(r);
  gk_diags_free(d);
  return 0;
}
