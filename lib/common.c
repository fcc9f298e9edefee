/* SPDX-License-Identifier: MIT */
/* Result codes, version, allocation (with the test seam), growable buffers,
 * UTF-8 validation and checked arithmetic. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "internal.h"
#include "gkreport/version.h"

GK_API const char *gk_strerror(int rc) {
  switch (rc) {
  case GK_OK: return "success";
  case GK_EINVAL: return "invalid argument";
  case GK_ENOMEM: return "out of memory";
  case GK_EPARSE: return "input could not be parsed";
  case GK_EOVERFLOW: return "integer overflow";
  case GK_ENOTFOUND: return "not found";
  case GK_EIO: return "input/output error";
  case GK_ERANGE: return "value out of range for its cell";
  case GK_EENCODING: return "invalid text encoding";
  case GK_EUNSUPPORTED: return "unsupported edition, format or feature";
  case GK_EMISMATCH: return "objects do not match (edition, year or agency)";
  default: return "unknown error";
  }
}

GK_API const char *gk_version_string(void) { return GK_VERSION_STRING; }

GK_API int gk_version_number(void) { return GK_VERSION_NUMBER; }

GK_API void gk_free(void *p) { free(p); }

/* ------------------------------------------------------------ allocation */
#ifdef GK_ALLOC_SEAM
/* Test builds only: a process-wide countdown, atomic so that the thread tests
 * (which leave it off) do not race on it. */
#include <stdatomic.h>
static _Atomic long seam_fail_at = -1;
static _Atomic long seam_count = 0;
void gk__alloc_fail_after(long n) {
  seam_fail_at = n;
  seam_count = 0;
}
long gk__alloc_count(void) { return seam_count; }
static int seam_fails(void) {
  long k = atomic_fetch_add(&seam_count, 1);
  return seam_fail_at >= 0 && k >= seam_fail_at;
}
#else
static int seam_fails(void) { return 0; }
#endif

void *gk__malloc(size_t n) { return seam_fails() ? NULL : malloc(n ? n : 1); }

void *gk__calloc(size_t count, size_t size) {
  return seam_fails() ? NULL : calloc(count ? count : 1, size ? size : 1);
}

void *gk__realloc(void *p, size_t n) { return seam_fails() ? NULL : realloc(p, n ? n : 1); }

void gk__free(void *p) { free(p); }

char *gk__strndup(const char *s, size_t n) {
  char *d = gk__malloc(n + 1);
  if (!d) return NULL;
  if (n) memcpy(d, s, n);
  d[n] = '\0';
  return d;
}

char *gk__strdup(const char *s) { return s ? gk__strndup(s, strlen(s)) : NULL; }

/* ------------------------------------------------------------ buffers */
void gk__buf_init(gk__buf *b) { memset(b, 0, sizeof *b); }

void gk__buf_free(gk__buf *b) {
  gk__free(b->data);
  gk__buf_init(b);
}

static int buf_reserve(gk__buf *b, size_t extra) {
  if (b->err) return 0;
  if (extra > SIZE_MAX / 2 - b->len) {
    b->err = GK_ENOMEM;
    return 0;
  }
  size_t need = b->len + extra + 1;
  if (need <= b->cap) return 1;
  size_t cap = b->cap ? b->cap : 256;
  while (cap < need) cap *= 2;
  char *p = gk__realloc(b->data, cap);
  if (!p) {
    b->err = GK_ENOMEM;
    return 0;
  }
  b->data = p;
  b->cap = cap;
  return 1;
}

void gk__buf_put(gk__buf *b, const char *s, size_t n) {
  if (b->cap - b->len > n && !b->err) { /* room for n bytes and the NUL: most calls */
    memcpy(b->data + b->len, s, n);
    b->len += n;
    b->data[b->len] = '\0';
    return;
  }
  if (!buf_reserve(b, n)) return;
  if (n) memcpy(b->data + b->len, s, n);
  b->len += n;
  b->data[b->len] = '\0';
}

void gk__buf_puts(gk__buf *b, const char *s) { gk__buf_put(b, s, strlen(s)); }

void gk__buf_putc(gk__buf *b, char c) { gk__buf_put(b, &c, 1); }

void gk__buf_printf(gk__buf *b, const char *fmt, ...) {
  char small[256];
  va_list ap;
  va_start(ap, fmt);
  int n = vsnprintf(small, sizeof small, fmt, ap);
  va_end(ap);
  if (n < 0) {
    if (!b->err) b->err = GK_EINVAL;
    return;
  }
  if ((size_t)n < sizeof small) {
    gk__buf_put(b, small, (size_t)n);
    return;
  }
  if (!buf_reserve(b, (size_t)n)) return;
  va_start(ap, fmt);
  vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
  va_end(ap);
  b->len += (size_t)n;
}

int gk__buf_finish(gk__buf *b, char **out, size_t *len_out) {
  if (!b->err && !b->data && buf_reserve(b, 0)) b->data[0] = '\0';
  if (b->err) {
    int rc = b->err;
    gk__buf_free(b);
    if (out) *out = NULL;
    if (len_out) *len_out = 0;
    return rc;
  }
  *out = b->data;
  if (len_out) *len_out = b->len;
  gk__buf_init(b);
  return GK_OK;
}

/* ------------------------------------------------------------ UTF-8 */
/* The one decoder of the library (internal.h: gk__utf8_next inlines the ASCII
 * case and calls this for a lead byte >= 0x80). A bad byte reads as itself. */
uint32_t gk__utf8_next_multi(const char *s, size_t n, size_t *i) {
  const unsigned char *u = (const unsigned char *)s;
  size_t k = *i;
  uint32_t c = u[k];
  size_t len = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 1;
  if (len == 1 || k + len > n) {
    *i = k + 1;
    return c;
  }
  uint32_t cp = c & (0x7Fu >> len);
  for (size_t j = 1; j < len; j++) {
    if ((u[k + j] & 0xC0) != 0x80) {
      *i = k + 1;
      return c;
    }
    cp = (cp << 6) | (u[k + j] & 0x3Fu);
  }
  *i = k + len;
  return cp;
}

static int cont(unsigned char c) { return (c & 0xC0) == 0x80; }

/* Length of the well-formed multi-byte sequence at s[i] (Unicode table 3-7: no
 * overlongs, no surrogates, nothing above U+10FFFF), 0 when it is not one. */
static size_t utf8_seq(const unsigned char *s, size_t n, size_t i) {
  unsigned c = s[i];
  size_t left = n - i;
  if (c >= 0xC2 && c <= 0xDF) return left >= 2 && cont(s[i + 1]) ? 2 : 0;
  if (c >= 0xE0 && c <= 0xEF) {
    if (left < 3 || !cont(s[i + 1]) || !cont(s[i + 2])) return 0;
    if (c == 0xE0 && s[i + 1] < 0xA0) return 0; /* overlong */
    if (c == 0xED && s[i + 1] > 0x9F) return 0; /* surrogate */
    return 3;
  }
  if (c >= 0xF0 && c <= 0xF4) {
    if (left < 4 || !cont(s[i + 1]) || !cont(s[i + 2]) || !cont(s[i + 3])) return 0;
    if (c == 0xF0 && s[i + 1] < 0x90) return 0; /* overlong */
    if (c == 0xF4 && s[i + 1] > 0x8F) return 0; /* above U+10FFFF */
    return 4;
  }
  return 0;
}

/* From i on, past the 3-byte sequences led by E1..EC or EE..EF (every CJK
 * character: no overlong or surrogate to rule out), the common case of Chinese
 * text: the offset of the first byte that is not one. */
static size_t skip_cjk(const unsigned char *s, size_t n, size_t i) {
  if (n - i < 3) return i;
  const unsigned char *p = s + i, *last = s + n - 3;
  while (p <= last && *p - 0xE1u <= 0x0Eu && *p != 0xED && ((p[1] ^ 0x80u) | (p[2] ^ 0x80u)) < 0x40u) p += 3;
  return (size_t)(p - s);
}

/* ASCII runs are skipped 8 bytes at a time, runs of CJK characters 3 bytes at
 * a time; other multi-byte sequences are checked against the table of
 * well-formed sequences without decoding them. */
int gk__utf8_valid(const char *str, size_t n, size_t *bad_at) {
  const unsigned char *s = (const unsigned char *)str;
  size_t i = 0;
  while (i < n) {
    if (s[i] < 0x80) {
      uint64_t w;
      while (n - i >= 8 && (memcpy(&w, s + i, 8), (w & 0x8080808080808080u) == 0)) i += 8;
      while (i < n && s[i] < 0x80) i++;
      continue;
    }
    i = skip_cjk(s, n, i);
    if (i >= n || s[i] < 0x80) continue;
    size_t len = utf8_seq(s, n, i);
    if (!len) {
      if (bad_at) *bad_at = i;
      return 0;
    }
    i += len;
  }
  return 1;
}

/* ------------------------------------------------------------ arithmetic */
int gk__add64(int64_t *out, int64_t a, int64_t b) {
  return __builtin_add_overflow(a, b, out) ? GK_EOVERFLOW : GK_OK;
}

int gk__mul64(int64_t *out, int64_t a, int64_t b) {
  return __builtin_mul_overflow(a, b, out) ? GK_EOVERFLOW : GK_OK;
}
