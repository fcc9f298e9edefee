/* SPDX-License-Identifier: MIT */
/* Label normalisation (gk__text_norm, gk__text_norm_fixed): the fast paths (ASCII,
 * CJK ideographs copied without decoding) agree with the one-code-point-at-a-time
 * path that follows a bad byte, the two functions agree, and a small buffer
 * holds a prefix of the full result. */
#include <string.h>
#include "testutil.h"
#include "internal.h"
#include "text_int.h"

static uint32_t next_rand(uint32_t *s) {
  *s = *s * 1103515245u + 12345u;
  return *s >> 8;
}

/* A random code point: CJK ideographs (Traditional ones among them), CJK
 * punctuation, full-width forms, ASCII, Latin-1, others below U+FFFF. */
static uint32_t rand_cp(uint32_t *s) {
  switch (next_rand(s) % 6) {
  case 0: case 1: return 0x4E00 + next_rand(s) % (0xA000 - 0x4E00);
  case 2: return 0x20 + next_rand(s) % 0x5F;
  case 3: return 0x3000 + next_rand(s) % 0x40;
  case 4: return 0xFF01 + next_rand(s) % 0x60;
  default: {
    uint32_t cp = 0x80 + next_rand(s) % (0xFFFE - 0x80);
    return cp >= 0xD800 && cp <= 0xDFFF ? 0x4E2D : cp;
  }
  }
}

static void norm_to(gk__buf *b, const char *s, size_t n) {
  gk__buf_init(b);
  gk__text_norm(b, s, n);
  CU_ASSERT_FALSE(b->err);
}

static void check_one(const char *s, size_t n) {
  gk__buf full, bad, withbad;
  norm_to(&full, s, n);
  norm_to(&bad, "\xFF", 1);
  char tmp[1200];
  tmp[0] = '\xFF';
  memcpy(tmp + 1, s, n);
  norm_to(&withbad, tmp, n + 1); /* after the bad byte: the slow path */
  CU_ASSERT_EQUAL(withbad.len, bad.len + full.len);
  CU_ASSERT_TRUE(withbad.len == bad.len + full.len &&
                 memcmp(withbad.data + bad.len, full.data ? full.data : "", full.len) == 0);
  char fx[1200];
  size_t k = gk__text_norm_fixed(fx, sizeof fx, s, n);
  CU_ASSERT_TRUE(k == full.len && memcmp(fx, full.data ? full.data : "", k) == 0);
  size_t cap = 1 + n % 40; /* a small buffer: a prefix, whole code points */
  k = gk__text_norm_fixed(fx, cap, s, n);
  CU_ASSERT_TRUE(k < cap && k <= full.len && memcmp(fx, full.data ? full.data : "", k) == 0);
  CU_ASSERT_TRUE(k == full.len || (((unsigned char)full.data[k]) & 0xC0) != 0x80);
  gk__buf_free(&full), gk__buf_free(&bad), gk__buf_free(&withbad);
}

static void test_text_norm_paths_agree(void) {
  uint32_t seed = 20261202;
  for (int round = 0; round < 3000; round++) {
    gk__buf s;
    gk__buf_init(&s);
    size_t ncp = next_rand(&seed) % 60;
    for (size_t i = 0; i < ncp; i++) gk__utf8_put(&s, rand_cp(&seed));
    if (next_rand(&seed) % 4 == 0 && s.len > 1) s.len--; /* a cut code point at the end */
    CU_ASSERT_FALSE_FATAL(s.err);
    check_one(s.data ? s.data : "", s.len);
    gk__buf_free(&s);
  }
}

/* Every ideograph alone: its normal form is one ideograph, and Traditional
 * forms change (減 -> 减, 項 -> 项) while Simplified ones stay. */
static void test_text_norm_ideographs(void) {
  size_t changed = 0;
  for (uint32_t cp = 0x4E00; cp <= 0x9FFF; cp++) {
    gk__buf s;
    gk__buf_init(&s);
    gk__utf8_put(&s, cp);
    check_one(s.data, s.len);
    char fx[8];
    size_t k = gk__text_norm_fixed(fx, sizeof fx, s.data, s.len);
    CU_ASSERT_EQUAL(k, 3);
    changed += k != 3 || memcmp(fx, s.data, 3) != 0;
    gk__buf_free(&s);
  }
  CU_ASSERT_TRUE(changed > 100);
  char fx[16];
  CU_ASSERT_TRUE(gk__text_norm_fixed(fx, sizeof fx, "減項", 6) == 6 && memcmp(fx, "减项", 6) == 0);
  CU_ASSERT_TRUE(gk__text_norm_fixed(fx, sizeof fx, "减项", 6) == 6 && memcmp(fx, "减项", 6) == 0);
}

int main(void) {
  CU_TestInfo tests[] = {{"paths_agree", test_text_norm_paths_agree},
                         {"ideographs", test_text_norm_ideographs},
                         CU_TEST_INFO_NULL};
  return gk_test_main("text_norm", tests);
}
