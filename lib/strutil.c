/* SPDX-License-Identifier: MIT */
/* String helpers written once: the white-space test, trimming, appending a code
 * point as UTF-8. Below every module (model layer); no allocation but the
 * buffer's. */
#include <string.h>
#include "internal.h"

int gk__is_space_wide(uint32_t cp) {
  return cp == 0xA0 || cp == 0x3000 || (cp >= 0x2000 && cp <= 0x200B) || cp == 0xFEFF;
}

/* The white space of gk__is_space beyond ASCII at s[0..n): its length, 0 when
 * none (gk__space_at answers ASCII and the other lead bytes inline). */
size_t gk__space_at_wide(const unsigned char *s, size_t n) {
  if (n >= 2 && s[0] == 0xC2 && s[1] == 0xA0) return 2;
  if (n < 3) return 0;
  if (s[0] == 0xE2 && s[1] == 0x80 && s[2] >= 0x80 && s[2] <= 0x8B) return 3; /* U+2000..200B */
  if (s[0] == 0xE3 && s[1] == 0x80 && s[2] == 0x80) return 3;                 /* U+3000 */
  if (s[0] == 0xEF && s[1] == 0xBB && s[2] == 0xBF) return 3;                 /* U+FEFF */
  return 0;
}

void gk__trim(const char **s, size_t *n) {
  size_t a = 0, b = *n;
  gk__trim_span(*s, &a, &b);
  *s += a;
  *n = b - a;
}

void gk__utf8_put(gk__buf *b, uint32_t cp) {
  char o[4];
  size_t n;
  if (cp > 0x10FFFF) cp = 0xFFFD;
  if (cp < 0x80) {
    o[0] = (char)cp, n = 1;
  } else if (cp < 0x800) {
    o[0] = (char)(0xC0 | cp >> 6), o[1] = (char)(0x80 | (cp & 0x3F)), n = 2;
  } else if (cp < 0x10000) {
    o[0] = (char)(0xE0 | cp >> 12), o[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
    o[2] = (char)(0x80 | (cp & 0x3F)), n = 3;
  } else {
    o[0] = (char)(0xF0 | cp >> 18), o[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
    o[2] = (char)(0x80 | ((cp >> 6) & 0x3F)), o[3] = (char)(0x80 | (cp & 0x3F)), n = 4;
  }
  gk__buf_put(b, o, n);
}

/* memchr for the needle's third byte (of a CJK needle, the most varied of the
 * character's three: its lead byte is one of a handful), then a compare. */
const char *gk__memfind(const char *hay, size_t hn, const char *needle, size_t nn) {
  if (nn == 0 || hn < nn) return NULL;
  size_t k = nn > 2 ? 2 : nn - 1;
  const char *p = hay + k, *end = hay + hn - nn + 1 + k; /* p - k: candidate start */
  while (p < end) {
    p = memchr(p, (unsigned char)needle[k], (size_t)(end - p));
    if (!p) return NULL;
    if (memcmp(p - k, needle, nn) == 0) return p - k;
    p++;
  }
  return NULL;
}
