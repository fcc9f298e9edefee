/* SPDX-License-Identifier: MIT */
/* libFuzzer harness for agency names read through the gazetteer.
 * gk-fuzz-requires: gk_agency_resolve gk_region_code gk_region_name
 * The input is split at its first NUL into a name and the report's text. Resolve
 * the name; trap unless: the outputs are in range, a placed name (one place) has
 * a region whose code is the code given and whose name is a prefix of the
 * region, an unplaced one has neither, and truncating the region buffer keeps
 * UTF-8 whole. */
#include <stdint.h>
#include <string.h>
#include "gkreport/gkreport.h"

#define CHECK(cond)          \
  do {                       \
    if (!(cond))             \
      __builtin_trap();      \
  } while (0)

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  const char *name = (const char *)data;
  const char *nul = memchr(data, 0, size);
  size_t nlen = nul ? (size_t)(nul - name) : size;
  const char *text = nul ? nul + 1 : NULL;
  size_t tlen = nul ? size - nlen - 1 : 0;
  int level = -1, kind = -1;
  uint32_t code = 1;
  size_t places = 99;
  char region[512], small[8], full[512];
  int rc = gk_agency_resolve(&level, &kind, &code, &places, region, sizeof region, name, nlen,
                             text, tlen);
  CHECK(rc == GK_OK || rc == GK_ENOTFOUND || rc == GK_EENCODING);
  CHECK(level >= GK_LEVEL_UNKNOWN && level <= GK_LEVEL_TOWNSHIP);
  CHECK(kind >= GK_AGENCY_KIND_UNKNOWN && kind <= GK_AGENCY_KIND_DEPARTMENT);
  if (rc != GK_OK) {
    CHECK(level == GK_LEVEL_UNKNOWN && code == 0 && places == 0 && region[0] == '\0');
    return 0;
  }
  if (places == 1) {
    CHECK(code != 0 && region[0] != '\0');
    int n = gk_region_name(full, sizeof full, code);
    CHECK(n > 0 && strncmp(region, full, (size_t)n) == 0);
  } else {
    CHECK(code == 0 && region[0] == '\0');
  }
  rc = gk_agency_resolve(&level, &kind, &code, &places, small, sizeof small, name, nlen, text, tlen);
  CHECK(rc == GK_OK);
  size_t k = strlen(small);
  CHECK(k < sizeof small && (k == 0 || ((unsigned char)small[k - 1] & 0xC0) != 0xC0));
  return 0;
}
