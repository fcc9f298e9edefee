/* SPDX-License-Identifier: MIT */
/* libFuzzer harness for the JSON Lines input of the aggregate
 * (gk_aggregate_add_jsonl / gk_aggregate_add_jsonl_end).
 * gk-fuzz-requires: gk_aggregate_add_jsonl gk_aggregate_add_jsonl_end gk_report_from_json
 * The first byte seeds the chunk sizes; the rest is the stream. It is fed once in
 * random-sized chunks and once whole: trap unless both give the same saved
 * aggregate and the same findings (chunking must not matter), unless a saved
 * aggregate fails to load back identically, and on any crash or leak. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "gkreport/gkreport.h"

#define CHECK(cond)          \
  do {                       \
    if (!(cond))             \
      __builtin_trap();      \
  } while (0)

/* Feed data in chunks of 1..max bytes chosen by an LCG seeded with seed
 * (max 0: in one piece); returns the saved aggregate (NULL on ENOMEM). */
static char *feed(const uint8_t *data, size_t size, unsigned seed, size_t max, size_t *nd) {
  gk_aggregate *a = NULL;
  gk_diags *d = NULL;
  char *out = NULL;
  size_t len;
  *nd = 0;
  if (gk_aggregate_new(&a, 0) != GK_OK || gk_diags_new(&d) != GK_OK) goto done;
  uint32_t s = seed * 2654435761u + 1;
  size_t pos = 0;
  while (pos < size) {
    size_t n = size - pos;
    if (max) {
      s = s * 1664525u + 1013904223u;
      size_t want = 1 + (s >> 16) % max;
      if (want < n) n = want;
    }
    int rc = gk_aggregate_add_jsonl(a, (const char *)data + pos, n, d);
    CHECK(rc == GK_OK || rc == GK_ENOMEM);
    if (rc) goto done;
    pos += n;
  }
  int rc = gk_aggregate_add_jsonl_end(a, d);
  CHECK(rc == GK_OK || rc == GK_ENOMEM);
  if (rc) goto done;
  *nd = gk_diags_count(d);
  for (size_t i = 0; i < *nd; i++) CHECK(gk_diag_rule(d, i) != NULL);
  if (gk_aggregate_to_json(&out, &len, a) != GK_OK) goto done;
  CHECK(strlen(out) == len);
  gk_aggregate *back = NULL;
  if (gk_aggregate_from_json(&back, out, len, NULL) == GK_OK) {
    char *again = NULL;
    size_t len2;
    if (gk_aggregate_to_json(&again, &len2, back) == GK_OK) {
      CHECK(len2 == len && memcmp(again, out, len) == 0);
      gk_free(again);
    }
    gk_aggregate_free(back);
  }
  gk_report *r = NULL;
  rc = gk_aggregate_result(&r, a, "fuzz");
  CHECK(rc == GK_OK || rc == GK_ENOTFOUND || rc == GK_ENOMEM || rc == GK_EOVERFLOW);
  gk_report_free(r);
done:
  gk_diags_free(d);
  gk_aggregate_free(a);
  return out;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  if (size < 1) return 0;
  unsigned seed = data[0];
  size_t n1, n2;
  char *x = feed(data + 1, size - 1, seed, 1 + seed % 61, &n1);
  char *y = feed(data + 1, size - 1, seed, 0, &n2);
  if (x && y) {
    CHECK(strcmp(x, y) == 0);
    CHECK(n1 == n2);
  }
  gk_free(x);
  gk_free(y);
  return 0;
}
