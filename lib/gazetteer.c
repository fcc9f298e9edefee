/* SPDX-License-Identifier: MIT */
/* libgkreport: lookups in the GB/T 2260 gazetteer (gazetteer_data.c): by code
 * (binary search over the code order), by name (binary search over the name
 * index), ancestry and the full region name. No allocation, no state. */
#include <string.h>
#include "gazetteer.h"

const gk__division *gk__division_by_code(uint32_t code) {
  size_t lo = 0, hi = gk__ndivisions;
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    if (gk__divisions[mid].code < code) lo = mid + 1;
    else hi = mid;
  }
  return lo < gk__ndivisions && gk__divisions[lo].code == code ? &gk__divisions[lo] : NULL;
}

/* memcmp order of s[0..n) against a NUL-terminated name (a prefix sorts first). */
static int name_cmp(const char *s, size_t n, const char *name) {
  size_t k = strlen(name);
  int c = memcmp(s, name, n < k ? n : k);
  if (c) return c;
  return n < k ? -1 : n > k ? 1 : 0;
}

size_t gk__divisions_named(size_t *first_out, const char *s, size_t n) {
  size_t lo = 0, hi = gk__ndivisions;
  *first_out = 0;
  while (lo < hi) { /* first entry not below s */
    size_t mid = lo + (hi - lo) / 2;
    if (name_cmp(s, n, gk__divisions[gk__divisions_by_name[mid]].name) > 0) lo = mid + 1;
    else hi = mid;
  }
  size_t k = lo;
  while (k < gk__ndivisions && name_cmp(s, n, gk__divisions[gk__divisions_by_name[k]].name) == 0) k++;
  *first_out = lo;
  return k - lo;
}

int gk__division_within(const gk__division *d, const gk__division *ancestor) {
  for (int depth = 0; d && depth < 4; depth++) {
    if (d == ancestor) return 1;
    d = d->parent ? gk__division_by_code(d->parent) : NULL;
  }
  return 0;
}

size_t gk__division_path(char *buf, size_t cap, const gk__division *d) {
  const gk__division *chain[4];
  size_t n = 0, len = 0;
  while (d && n < 4) {
    chain[n++] = d;
    d = d->parent ? gk__division_by_code(d->parent) : NULL;
  }
  size_t written = 0; /* whole names only: a truncated path never ends mid-character */
  for (size_t i = n; i-- > 0;) {
    size_t k = strlen(chain[i]->name);
    if (buf && written == len && len + k < cap) {
      memcpy(buf + len, chain[i]->name, k);
      written += k;
    }
    len += k;
  }
  if (buf && cap) buf[written] = '\0';
  return len;
}
