/* SPDX-License-Identifier: MIT */
/* Exact decimals (amounts in millionths) and the parsing of cell text by kind. */
#include <string.h>
#include "internal.h"

/* Decode one digit at s (ASCII or full-width ０-９); returns its byte length, 0 if none. */
static size_t digit_at(const char *s, size_t n, int *d) {
  const unsigned char *u = (const unsigned char *)s;
  if (n >= 1 && u[0] >= '0' && u[0] <= '9') {
    *d = u[0] - '0';
    return 1;
  }
  if (n >= 3 && u[0] == 0xEF && u[1] == 0xBC && u[2] >= 0x90 && u[2] <= 0x99) {
    *d = u[2] - 0x90;
    return 3;
  }
  return 0;
}

static int starts(const char *s, size_t n, const char *lit) {
  size_t k = strlen(lit);
  return n >= k && memcmp(s, lit, k) == 0;
}

/* Decimal body: digits [. digits]; at least one digit. The result, negated when
 * `negative`, is scaled by 10^maxfrac; non-zero digits past maxfrac decimals give
 * GK_ERANGE. The magnitude is accumulated unsigned, so the whole int64 range reads
 * back, INT64_MIN included (its magnitude 2^63 is one more than INT64_MAX). */
static int parse_body(int64_t *out, const char *s, size_t n, int maxfrac, int negative) {
  const uint64_t limit = negative ? (uint64_t)INT64_MAX + 1 : (uint64_t)INT64_MAX;
  uint64_t v = 0;
  int ndig = 0, frac = -1, nfrac = 0, d;
  size_t i = 0;
  while (i < n) {
    size_t k = digit_at(s + i, n - i, &d);
    if (k) {
      if (frac >= 0) {
        nfrac++;
        if (frac == maxfrac) {
          if (d != 0) return GK_ERANGE; /* finer than a millionth */
          i += k;
          continue;
        }
        frac++;
      }
      if (v > (limit - (uint64_t)d) / 10) return GK_EOVERFLOW;
      v = v * 10 + (uint64_t)d;
      ndig++;
      i += k;
    } else if (frac < 0 && (s[i] == '.' || starts(s + i, n - i, "\xEF\xBC\x8E"))) {
      frac = 0;
      i += s[i] == '.' ? 1 : 3;
    } else {
      return GK_EPARSE;
    }
  }
  if (!ndig || (frac >= 0 && nfrac == 0)) return GK_EPARSE;
  for (int f = frac < 0 ? 0 : frac; f < maxfrac; f++) {
    if (v > limit / 10) return GK_EOVERFLOW;
    v *= 10;
  }
  /* v <= limit: -v fits even for 2^63 (computed in unsigned, then converted) */
  *out = negative ? (v == (uint64_t)INT64_MAX + 1 ? INT64_MIN : -(int64_t)v) : (int64_t)v;
  return GK_OK;
}

/* sign: +1 / -1 from a leading sign mark; returns bytes consumed. */
static size_t sign_at(const char *s, size_t n, int *sign, int words) {
  if (n && s[0] == '+') return *sign = 1, 1;
  if (n && s[0] == '-') return *sign = -1, 1;
  if (starts(s, n, "\xEF\xBC\x8B")) return *sign = 1, 3;              /* ＋ */
  if (starts(s, n, "\xEF\xBC\x8D")) return *sign = -1, 3;             /* － */
  if (starts(s, n, "\xE2\x88\x92")) return *sign = -1, 3;             /* − */
  if (words && starts(s, n, "\xE5\xA2\x9E")) return *sign = 1, 3;     /* 增 */
  if (words && starts(s, n, "\xE5\x87\x8F")) return *sign = -1, 3;    /* 减 */
  return 0;
}

GK_API int gk_decimal_parse(int64_t *out, const char *text, size_t len) {
  len = gk__nul_len(text, len);
  if (out) *out = 0;
  if (!out || !text) return GK_EINVAL;
  gk__trim(&text, &len);
  int sign = 1;
  size_t k = sign_at(text, len, &sign, 0);
  int64_t v;
  int rc = parse_body(&v, text + k, len - k, 6, sign < 0);
  if (rc) return rc;
  *out = v;
  return GK_OK;
}

/* Write "-"? and the decimal digits of u into tmp; returns the length. */
static size_t put_integer(char *tmp, int negative, uint64_t u) {
  char digits[24];
  size_t nd = 0, n = 0;
  do {
    digits[nd++] = (char)('0' + u % 10);
    u /= 10;
  } while (u);
  if (negative) tmp[n++] = '-';
  while (nd) tmp[n++] = digits[--nd];
  return n;
}

/* Copy tmp[0..n) into buf (NUL-terminated, truncated to cap); returns n. */
static int emit(char *buf, size_t cap, const char *tmp, size_t n) {
  if (buf && cap) {
    size_t c = n < cap ? n : cap - 1;
    memcpy(buf, tmp, c);
    buf[c] = '\0';
  }
  return (int)n;
}

static uint64_t magnitude(int64_t v) { return v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v; }

GK_API int gk_decimal_format(char *buf, size_t cap, int64_t m) {
  char tmp[48];
  uint64_t u = magnitude(m), fp = u % GK_AMOUNT_SCALE;
  size_t n = put_integer(tmp, m < 0, u / GK_AMOUNT_SCALE);
  if (fp) {
    tmp[n++] = '.';
    char f[6];
    for (int i = 5; i >= 0; i--, fp /= 10) f[i] = (char)('0' + fp % 10);
    int last = 5;
    while (f[last] == '0') last--;
    for (int i = 0; i <= last; i++) tmp[n++] = f[i];
  }
  return emit(buf, cap, tmp, n);
}

int gk__parse_cell_text(int kind, const char *s, size_t n, int64_t *value_out, int *unit_out) {
  *value_out = 0;
  if (unit_out) *unit_out = GK_UNIT_DEFAULT;
  gk__trim(&s, &n);
  if (n == 0) return GK_EPARSE;
  int unit = GK_UNIT_DEFAULT;
  if (kind == GK_KIND_AMOUNT) {
    size_t ul;
    unit = gk__unit_suffix(s, n, &ul);
    n -= ul;
    gk__trim(&s, &n);
  } else if (n > 1 && (unsigned char)s[n - 1] >= 0x80) { /* "3件": a count and its counting word */
    n -= gk__count_word_suffix(s, n);
    gk__trim(&s, &n);
  }
  int sign = 1;
  size_t k = sign_at(s, n, &sign, kind == GK_KIND_SIGNED);
  if (k) {
    s += k, n -= k;
    gk__trim(&s, &n);
  }
  int64_t v;
  /* integers: a non-zero fraction is GK_ERANGE ("fraction in a count") */
  int rc = parse_body(&v, s, n, kind == GK_KIND_AMOUNT ? 6 : 0, sign < 0);
  if (rc) return rc;
  if (kind == GK_KIND_COUNT && v < 0) return GK_ERANGE;
  *value_out = v;
  if (unit_out) *unit_out = unit;
  return GK_OK;
}

int gk__format_value(char *buf, size_t cap, int kind, int64_t v) {
  if (kind == GK_KIND_AMOUNT) return gk_decimal_format(buf, cap, v);
  char tmp[24];
  return emit(buf, cap, tmp, put_integer(tmp, v < 0, magnitude(v)));
}
