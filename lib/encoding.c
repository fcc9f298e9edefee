/* SPDX-License-Identifier: MIT */
/* Encoding at the edge: UTF-8 (with or without BOM) passes through, GB18030 /
 * GBK is converted with the C library's iconv. Nothing else is guessed. */
#include <errno.h>
#include <iconv.h>
#include <string.h>
#include "internal.h"
#include "gkreport/text.h"

/* Convert GB18030 to UTF-8. GK_OK, GK_ENOMEM, or GK_EENCODING with *bad_at. */
static int from_gb18030(char **out, size_t *len_out, const char *bytes, size_t len,
                        size_t *bad_at) {
  iconv_t cd = iconv_open("UTF-8", "GB18030");
  if (cd == (iconv_t)-1) return GK_EUNSUPPORTED;
  size_t cap = len / 2 * 3 + 16, used = 0;
  if (cap < len) cap = len + 16; /* size overflow guard for huge inputs */
  char *buf = gk__malloc(cap + 1);
  if (!buf) {
    iconv_close(cd);
    return GK_ENOMEM;
  }
  char *in = (char *)(uintptr_t)bytes;
  size_t inleft = len;
  int rc = GK_OK;
  while (inleft > 0) {
    char *o = buf + used;
    size_t oleft = cap - used;
    size_t r = iconv(cd, &in, &inleft, &o, &oleft);
    used = (size_t)(o - buf);
    if (r != (size_t)-1) break;
    if (errno == E2BIG) {
      size_t ncap = cap * 2;
      char *nb = ncap > cap ? gk__realloc(buf, ncap + 1) : NULL;
      if (!nb) {
        rc = GK_ENOMEM;
        break;
      }
      buf = nb, cap = ncap;
      continue;
    }
    rc = GK_EENCODING; /* EILSEQ or EINVAL (incomplete sequence at the end) */
    *bad_at = (size_t)(in - bytes);
    break;
  }
  iconv_close(cd);
  if (rc) {
    gk__free(buf);
    return rc;
  }
  buf[used] = '\0';
  *out = buf;
  *len_out = used;
  return GK_OK;
}

int gk__text_decode(const char **text, size_t *n, char **owned, int *enc, size_t *bad_at,
                    const char *bytes, size_t len) {
  *text = NULL, *n = 0, *owned = NULL, *enc = GK_ENCODING_UTF8, *bad_at = 0;
  if (len >= 3 && memcmp(bytes, "\xEF\xBB\xBF", 3) == 0) {
    bytes += 3, len -= 3;
    *enc = GK_ENCODING_UTF8_BOM;
  }
  size_t bad = 0;
  if (gk__utf8_valid(bytes, len, &bad)) {
    *text = bytes, *n = len;
    return GK_OK;
  }
  if (*enc == GK_ENCODING_UTF8_BOM) { /* a BOM promised UTF-8 */
    *bad_at = bad + 3;
    return GK_EENCODING;
  }
  size_t gbad = 0;
  int rc = from_gb18030(owned, n, bytes, len, &gbad);
  if (rc == GK_OK) {
    *text = *owned;
    *enc = GK_ENCODING_GB18030;
    return GK_OK;
  }
  if (rc == GK_ENOMEM) return rc;
  *bad_at = gbad > bad ? gbad : bad; /* neither: where the reading that got further stopped */
  return GK_EENCODING;
}

GK_API int gk_text_to_utf8(char **out, size_t *len_out, int *encoding_out,
                           size_t *bad_offset_out, const char *bytes, size_t len) {
  len = gk__nul_len(bytes, len);
  if (out) *out = NULL;
  if (len_out) *len_out = 0;
  if (encoding_out) *encoding_out = GK_ENCODING_UTF8;
  if (bad_offset_out) *bad_offset_out = 0;
  if (!out || (!bytes && len)) return GK_EINVAL;
  const char *text;
  char *owned;
  size_t n, bad;
  int enc, rc = gk__text_decode(&text, &n, &owned, &enc, &bad, bytes ? bytes : "", len);
  if (rc == GK_EENCODING && bad_offset_out) *bad_offset_out = bad;
  if (rc) return rc;
  if (!owned && !(owned = gk__strndup(text, n))) return GK_ENOMEM;
  *out = owned;
  if (len_out) *len_out = n;
  if (encoding_out) *encoding_out = enc;
  return GK_OK;
}
