/* SPDX-License-Identifier: MIT */
/* Exact ratios as decimal text (stats_int.h: gk__ratio_format), shared by the
 * indicators, the series' changes in percent and the text similarity: long
 * division digit by digit, rounded half to even, no floating point. */
#include <string.h>
#include "stats_int.h"

static uint64_t mag(int64_t v) { return v < 0 ? (uint64_t)0 - (uint64_t)v : (uint64_t)v; }

int gk__ratio_format(char *buf, size_t cap, int64_t num, int64_t den, int percent, int places) {
  if (den == 0 || places < 0 || places > 6) return GK_EINVAL;
  int neg = (num < 0) != (den < 0) && num != 0;
  uint64_t n = mag(num), d = mag(den);
  /* n * 10^(places + 2*percent) / d by long division: integer part, then one
   * decimal digit at a time (one more for rounding); rem < d throughout. */
  uint64_t ip = n / d, rem = n % d;
  int extra = percent ? 2 : 0;
  char frac[16];
  int nfrac = places + extra;
  for (int k = 0; k < nfrac + 1; k++) {
    /* digit = floor(rem*10 / d), rem = rem*10 mod d, as ten additions of rem
     * reduced mod d: acc + rem >= d exactly when acc >= d - rem (no overflow) */
    uint64_t acc = 0, digit = 0;
    for (int j = 0; j < 10; j++) {
      if (acc >= d - rem) {
        acc = acc - (d - rem);
        digit++;
      } else {
        acc += rem;
      }
    }
    rem = acc;
    frac[k] = (char)('0' + digit);
  }
  /* assemble integer digits: ip * 10^extra + first `extra` fraction digits */
  char digits[48];
  size_t nd = 0;
  uint64_t x = ip;
  do {
    digits[nd++] = (char)('0' + x % 10);
    x /= 10;
  } while (x);
  char num_txt[64];
  size_t m = 0;
  for (size_t k = nd; k > 0; k--) num_txt[m++] = digits[k - 1];
  for (int k = 0; k < extra; k++) num_txt[m++] = frac[k];
  for (int k = extra; k < nfrac; k++) num_txt[m++] = frac[k];
  /* num_txt holds the digits of the scaled value truncated; round half to even
   * with the next digit and whether anything remains after it */
  int next = frac[nfrac] - '0';
  int up = next > 5 || (next == 5 && (rem != 0 || ((num_txt[m - 1] - '0') & 1)));
  if (up) {
    size_t k = m;
    while (k > 0) {
      if (num_txt[k - 1] == '9') {
        num_txt[--k] = '0';
      } else {
        num_txt[k - 1]++;
        break;
      }
    }
    if (k == 0) {
      memmove(num_txt + 1, num_txt, m);
      num_txt[0] = '1';
      m++;
    }
  }
  /* strip leading zeros of the integer part (keep one) */
  size_t intlen = m - (size_t)places, lead = 0;
  while (lead + 1 < intlen && num_txt[lead] == '0') lead++;
  char out[80];
  size_t o = 0;
  int allzero = 1;
  for (size_t k = lead; k < m; k++) allzero &= num_txt[k] == '0';
  if (neg && !allzero) out[o++] = '-';
  for (size_t k = lead; k < intlen; k++) out[o++] = num_txt[k];
  if (places) {
    out[o++] = '.';
    for (size_t k = intlen; k < m; k++) out[o++] = num_txt[k];
  }
  if (buf && cap) {
    size_t c = o < cap ? o : cap - 1;
    memcpy(buf, out, c);
    buf[c] = '\0';
  }
  return (int)o;
}
