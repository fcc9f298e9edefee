/* SPDX-License-Identifier: MIT */
/* The string helpers written once (lib/strutil.c): the white-space test, trimming
 * and UTF-8 output, as properties over every code point. */
#include <string.h>
#include "testutil.h"
#include "internal.h"

static void test_strutil_utf8_put(void) {
  for (uint32_t cp = 1; cp <= 0x10FFFF; cp++) {
    if (cp >= 0xD800 && cp <= 0xDFFF) continue;
    gk__buf b;
    gk__buf_init(&b);
    gk__utf8_put(&b, cp);
    size_t want = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
    CU_ASSERT_EQUAL_FATAL(b.len, want);
    CU_ASSERT_EQUAL(gk__utf8_valid(b.data, b.len, NULL), 1);
    gk__buf_free(&b);
  }
}

/* Trimming removes exactly the white space around, never inside or a neighbour. */
static void test_strutil_trim(void) {
  for (uint32_t cp = 1; cp <= 0x10FFFF; cp++) {
    if (cp >= 0xD800 && cp <= 0xDFFF) continue;
    gk__buf b;
    gk__buf_init(&b);
    gk__utf8_put(&b, cp);
    size_t one = b.len;
    gk__buf_puts(&b, "x");
    gk__utf8_put(&b, cp);
    gk__utf8_put(&b, cp);
    gk__buf_puts(&b, "y");
    gk__utf8_put(&b, cp);
    CU_ASSERT_EQUAL_FATAL(b.err, 0);
    const char *s = b.data;
    size_t n = b.len;
    gk__trim(&s, &n);
    if (gk__is_space(cp)) {
      CU_ASSERT_EQUAL(s, b.data + one);
      CU_ASSERT_EQUAL(n, 2 + 2 * one);
    } else {
      CU_ASSERT_EQUAL(s, b.data);
      CU_ASSERT_EQUAL(n, b.len);
    }
    s = b.data, n = one;
    gk__trim(&s, &n);
    CU_ASSERT_EQUAL(n, gk__is_space(cp) ? 0 : one);
    gk__buf_free(&b);
  }
  const char *e = "";
  size_t n = 0;
  gk__trim(&e, &n);
  CU_ASSERT_EQUAL(n, 0);
}

/* The inline helpers (internal.h) answer as the code point test does, for
 * every code point: the white space at a position, before an end, and the
 * trimmed span of text around it. */
static void test_strutil_space_inline(void) {
  for (uint32_t cp = 1; cp <= 0x10FFFF; cp++) {
    if (cp >= 0xD800 && cp <= 0xDFFF) continue;
    gk__buf b;
    gk__buf_init(&b);
    gk__buf_puts(&b, "a");
    gk__utf8_put(&b, cp);
    gk__buf_puts(&b, "b");
    CU_ASSERT_EQUAL_FATAL(b.err, 0);
    size_t one = b.len - 2, want = gk__is_space(cp) ? one : 0;
    CU_ASSERT_EQUAL(gk__space_at(b.data, b.len, 1), want);
    CU_ASSERT_EQUAL(gk__space_before(b.data, 1 + one), want);
    size_t a = 1, e = 1 + one;
    gk__trim_span(b.data, &a, &e);
    CU_ASSERT_EQUAL(e - a, one - want);
    CU_ASSERT_EQUAL(gk__trim_left(b.data + 1, one), want);
    CU_ASSERT_EQUAL(gk__trim_right(b.data + 1, one), one - want);
    a = 0, e = b.len; /* text around: kept */
    gk__trim_span(b.data, &a, &e);
    CU_ASSERT(a == 0 && e == b.len);
    gk__buf_free(&b);
  }
}

static void test_strutil_space_set(void) {
  static const uint32_t spaces[] = {' ', '\t', '\n', '\r', '\v', '\f', 0xA0, 0x2000, 0x200B,
                                    0x3000, 0xFEFF};
  for (size_t i = 0; i < sizeof spaces / sizeof *spaces; i++) CU_ASSERT_EQUAL(gk__is_space(spaces[i]), 1);
  static const uint32_t others[] = {'a', 0, 0x1FFF, 0x200C, 0x3001, 0xFF10, 0x4E00};
  for (size_t i = 0; i < sizeof others / sizeof *others; i++) CU_ASSERT_EQUAL(gk__is_space(others[i]), 0);
}

int main(void) {
  CU_TestInfo tests[] = {
    {"utf8_put", test_strutil_utf8_put},
    {"trim", test_strutil_trim},
    {"space_set", test_strutil_space_set},
    {"space_inline", test_strutil_space_inline},
    CU_TEST_INFO_NULL,
  };
  return gk_test_main("strutil", tests);
}
