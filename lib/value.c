/* SPDX-License-Identifier: MIT */
/* libgkreport: a cell value formatted by its kind and unit, the one formatter the
 * CLI, the bindings and the text exporters share. */
#include <string.h>
#include "internal.h"

static const char *unit_suffix(int unit) {
  const gk__unit_decl *u = gk__unit_decl_of(unit);
  return u ? u->text : "";
}

GK_API int gk_value_format(char *buf, size_t cap, gk_kind kind, gk_unit unit, int64_t value) {
  if ((!buf && cap) || kind < GK_KIND_COUNT || kind > GK_KIND_AMOUNT) return GK_EINVAL;
  if (!gk__unit_valid(unit)) return GK_EINVAL;
  if (unit != GK_UNIT_DEFAULT && kind != GK_KIND_AMOUNT) return GK_EINVAL;
  char full[64];
  int n = gk__format_value(full, 48, kind, value);
  if (n < 0) return n;
  if (n >= 48) return GK_EINVAL;
  const char *suffix = unit_suffix(unit);
  size_t need = (size_t)n + strlen(suffix);
  memcpy(full + n, suffix, strlen(suffix) + 1);
  if (cap) {
    size_t k = need < cap ? need : cap - 1;
    while (k > 0 && k < need && ((unsigned char)full[k] & 0xC0) == 0x80) k--; /* whole characters */
    memcpy(buf, full, k);
    buf[k] = '\0';
  }
  return (int)need;
}
