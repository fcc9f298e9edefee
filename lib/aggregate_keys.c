/* SPDX-License-Identifier: MIT */
/* What a consolidation remembers about the reports it summed, in a few bytes per
 * distinct thing: one open-addressed table of 64-bit entries holding the keys of
 * agencies (agency + year: aggregate.duplicate), of tables (a fingerprint of the
 * cells: the same tables under two names) and of regions (how many whole-region
 * government reports and how many reports inside the region: aggregate.overlap).
 *
 * An entry is a 48-bit hash, a 2-bit tag and two 7-bit saturating counters:
 *   bits 63..16 hash | 15..14 tag | 13..7 governments | 6..0 inside.
 * 8 bytes an entry, the table at most 3/4 full. */
#include <string.h>
#include "stats_int.h"

#define KEY_HASH_MASK (~(uint64_t)0xFFFF)
#define CNT_MAX 127u

static uint64_t fnv(uint64_t h, const void *p, size_t n) {
  const unsigned char *s = p;
  for (size_t i = 0; i < n; i++) {
    h ^= s[i];
    h *= 1099511628211ull;
  }
  return h;
}

#define FNV0 14695981039346656037ull

uint64_t gk__aggkey(int tag, const void *p, size_t n, uint64_t salt) {
  uint64_t h = fnv(FNV0 ^ salt, p, n);
  h ^= h >> 29; /* mix the low bits into the kept ones */
  h *= 0xbf58476d1ce4e5b9ull;
  h ^= h >> 32;
  uint64_t k = (h & KEY_HASH_MASK) | ((uint64_t)(tag & 3) << 14);
  return (k & KEY_HASH_MASK) ? k : k | ((uint64_t)1 << 16); /* never 0 (empty slot) */
}

static size_t slot_of(uint64_t key, size_t cap) {
  return (size_t)((key >> 16) * 0x9E3779B97F4A7C15ull >> 20) & (cap - 1);
}

static uint64_t *find(const gk__aggkeys *t, uint64_t key) {
  if (!t->cap) return NULL;
  uint64_t want = key & ~(uint64_t)0x3FFF;
  for (size_t i = slot_of(key, t->cap);; i = (i + 1) & (t->cap - 1)) {
    uint64_t e = t->e[i];
    if (!e) return (uint64_t *)&t->e[i];
    if ((e & ~(uint64_t)0x3FFF) == want) return (uint64_t *)&t->e[i];
  }
}

int gk__aggkeys_reserve(gk__aggkeys *t, size_t extra) {
  size_t need = t->n + extra;
  if (t->cap && need <= t->cap / 4 * 3) return GK_OK;
  size_t cap = t->cap ? t->cap : 64;
  while (need > cap / 4 * 3) cap *= 2;
  if (cap == t->cap) return GK_OK;
  uint64_t *e = gk__calloc(cap, sizeof *e);
  if (!e) return GK_ENOMEM;
  gk__aggkeys nt = {e, 0, cap};
  for (size_t i = 0; i < t->cap; i++)
    if (t->e[i]) *find(&nt, t->e[i]) = t->e[i];
  gk__free(t->e);
  t->e = e;
  t->cap = cap;
  return GK_OK;
}

void gk__aggkeys_free(gk__aggkeys *t) {
  gk__free(t->e);
  memset(t, 0, sizeof *t);
}

uint64_t *gk__aggkeys_find(const gk__aggkeys *t, uint64_t key) { return find(t, key); }

int gk__aggkeys_has(const gk__aggkeys *t, uint64_t key) {
  const uint64_t *e = find(t, key);
  return e && *e;
}

uint64_t *gk__aggkeys_put(gk__aggkeys *t, uint64_t key) {
  uint64_t *e = find(t, key); /* room was reserved */
  if (e && !*e) {
    *e = key & ~(uint64_t)0x3FFF;
    t->n++;
  }
  return e;
}

void gk__aggkeys_count(uint64_t *e, unsigned gov, unsigned inside) {
  unsigned g = (unsigned)(*e >> 7) & CNT_MAX, in = (unsigned)*e & CNT_MAX;
  g = g + gov > CNT_MAX ? CNT_MAX : g + gov;
  in = in + inside > CNT_MAX ? CNT_MAX : in + inside;
  *e = (*e & ~(uint64_t)0x3FFF) | ((uint64_t)g << 7) | in;
}

unsigned gk__aggkeys_gov(uint64_t e) { return (unsigned)(e >> 7) & CNT_MAX; }
unsigned gk__aggkeys_inside(uint64_t e) { return (unsigned)e & CNT_MAX; }

int gk__aggkeys_merge(gk__aggkeys *t, const gk__aggkeys *src, uint64_t *dups_out) {
  int rc = gk__aggkeys_reserve(t, src->n);
  if (rc) return rc;
  for (size_t i = 0; i < src->cap; i++) {
    uint64_t k = src->e[i];
    if (!k) continue;
    int tag = (int)(k >> 14) & 3;
    uint64_t *e = find(t, k);
    if (*e && dups_out &&
        (tag == GK__KEY_AGENCY || (tag == GK__KEY_REGION && gk__aggkeys_gov(*e) && gk__aggkeys_gov(k))))
      (*dups_out)++;
    e = gk__aggkeys_put(t, k);
    if (tag == GK__KEY_REGION) gk__aggkeys_count(e, gk__aggkeys_gov(k), gk__aggkeys_inside(k));
  }
  return GK_OK;
}
