/* SPDX-License-Identifier: MIT */
/* The one UTF-8 decoder and the validator (common.c) against reference
 * implementations written the plain way (decode, then check the code point),
 * on random strings made of ASCII runs, well-formed sequences of every length,
 * the edge lead bytes (E0, ED, F0, F4) with every continuation range, and
 * random bytes. Properties: same verdict, same first bad offset, same code
 * points at every step; a well-formed string decodes and re-encodes to itself. */
#include <string.h>
#include "testutil.h"
#include "internal.h"
#include "text_int.h"

static uint32_t rng(uint32_t *s) {
  *s ^= *s << 13, *s ^= *s >> 17, *s ^= *s << 5;
  return *s;
}

/* The validator as it was written before the fast path. */
static int ref_valid(const unsigned char *s, size_t n, size_t *bad_at) {
  size_t i = 0;
  while (i < n) {
    unsigned c = s[i];
    size_t len;
    unsigned min;
    if (c < 0x80) {
      i++;
      continue;
    } else if ((c & 0xE0) == 0xC0) {
      len = 2, min = 0x80, c &= 0x1F;
    } else if ((c & 0xF0) == 0xE0) {
      len = 3, min = 0x800, c &= 0x0F;
    } else if ((c & 0xF8) == 0xF0) {
      len = 4, min = 0x10000, c &= 0x07;
    } else {
      break;
    }
    if (n - i < len) break;
    size_t k = 1;
    for (; k < len && (s[i + k] & 0xC0) == 0x80; k++) c = (c << 6) | (s[i + k] & 0x3F);
    if (k < len || c < min || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF)) break;
    i += len;
  }
  *bad_at = i;
  return i == n;
}

/* The decoders the library had (text_import_norm.c, series.c): a bad byte
 * reads as itself. */
static uint32_t ref_next(const unsigned char *u, size_t n, size_t *i) {
  size_t k = *i;
  uint32_t c = u[k];
  size_t len = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 1;
  if (len == 1 || k + len > n) return *i = k + 1, c;
  uint32_t cp = c & (0x7Fu >> len);
  for (size_t j = 1; j < len; j++) {
    if ((u[k + j] & 0xC0) != 0x80) return *i = k + 1, c;
    cp = (cp << 6) | (u[k + j] & 0x3Fu);
  }
  *i = k + len;
  return cp;
}

/* Append one random piece to s (capacity checked by the caller). */
static size_t piece(unsigned char *s, uint32_t *seed) {
  static const unsigned char leads[] = {0xC0, 0xC1, 0xC2, 0xDF, 0xE0, 0xE1, 0xEC, 0xED, 0xEE, 0xEF,
                                        0xF0, 0xF1, 0xF3, 0xF4, 0xF5, 0xF8, 0xFF, 0x80, 0xBF};
  static const unsigned char conts[] = {0x80, 0x8F, 0x90, 0x9F, 0xA0, 0xBF, 0x00, 0x41, 0xC0};
  uint32_t k = rng(seed) % 8;
  if (k < 3) { /* an ASCII run, long enough for the 8-byte path */
    size_t len = rng(seed) % 20;
    for (size_t i = 0; i < len; i++) s[i] = (unsigned char)(0x20 + rng(seed) % 0x5F);
    return len;
  }
  if (k < 6) { /* a well-formed code point (CJK most often) */
    uint32_t cp = k == 3 ? 0x4E00 + rng(seed) % 0x5200 : k == 4 ? 0x80 + rng(seed) % 0x780 : 0x10000 + rng(seed) % 0x100000;
    gk__buf b;
    gk__buf_init(&b);
    gk__utf8_put(&b, cp);
    size_t n = b.err ? 0 : b.len;
    if (n) memcpy(s, b.data, n);
    gk__buf_free(&b);
    return n;
  }
  if (k == 6) { /* an edge lead byte with 0-3 continuation candidates */
    size_t len = 1 + rng(seed) % 4;
    s[0] = leads[rng(seed) % sizeof leads];
    for (size_t i = 1; i < len; i++) s[i] = conts[rng(seed) % sizeof conts];
    return len;
  }
  s[0] = (unsigned char)rng(seed); /* any byte */
  return 1;
}

static void test_utf8_valid_matches_reference(void) {
  uint32_t seed = 2463534242u;
  unsigned char s[512];
  size_t agree = 0, invalid = 0;
  for (int round = 0; round < 50000; round++) {
    size_t n = 0, pieces = rng(&seed) % 24;
    for (size_t p = 0; p < pieces && n + 32 < sizeof s; p++) n += piece(s + n, &seed);
    size_t bad_ref = 0, bad = 12345;
    int want = ref_valid(s, n, &bad_ref), got = gk__utf8_valid((const char *)s, n, &bad);
    CU_ASSERT_EQUAL_FATAL(got, want);
    if (!want) {
      CU_ASSERT_EQUAL_FATAL(bad, bad_ref);
      invalid++;
    }
    agree++;
  }
  CU_ASSERT(invalid > 1000 && agree - invalid > 1000); /* both kinds were drawn */
}

static void test_utf8_next_matches_reference(void) {
  uint32_t seed = 88172645u;
  unsigned char s[512];
  for (int round = 0; round < 20000; round++) {
    size_t n = 0, pieces = 1 + rng(&seed) % 24;
    for (size_t p = 0; p < pieces && n + 32 < sizeof s; p++) n += piece(s + n, &seed);
    size_t i = 0, j = 0;
    gk__buf re;
    gk__buf_init(&re);
    while (i < n) {
      uint32_t want = ref_next(s, n, &j), got = gk__utf8_next((const char *)s, n, &i);
      CU_ASSERT_EQUAL_FATAL(got, want);
      CU_ASSERT_EQUAL_FATAL(i, j);
      gk__utf8_put(&re, got);
    }
    size_t bad;
    if (gk__utf8_valid((const char *)s, n, &bad)) { /* decode + encode is the identity */
      CU_ASSERT_EQUAL_FATAL(re.len, n);
      CU_ASSERT_FATAL(n == 0 || memcmp(re.data, s, n) == 0);
    }
    gk__buf_free(&re);
  }
}

/* The 8-byte path at every alignment and length, with one bad byte anywhere. */
static void test_utf8_ascii_runs(void) {
  char s[80];
  for (size_t n = 0; n < 64; n++)
    for (size_t at = 0; at <= n; at++) {
      memset(s, 'a', sizeof s);
      size_t bad = 999;
      if (at < n) s[at] = (char)0x80;
      int ok = gk__utf8_valid(s + 1, n, &bad); /* odd alignment */
      s[0] = 'a';
      int want = !(at < n && at >= 1);
      CU_ASSERT_EQUAL_FATAL(ok, want);
      if (!want) CU_ASSERT_EQUAL_FATAL(bad, at - 1);
    }
}

int main(void) {
  CU_TestInfo tests[] = {
    {"valid_matches_reference", test_utf8_valid_matches_reference},
    {"next_matches_reference", test_utf8_next_matches_reference},
    {"ascii_runs", test_utf8_ascii_runs},
    CU_TEST_INFO_NULL};
  return gk_test_main("utf8", tests);
}
