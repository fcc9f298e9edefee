/* SPDX-License-Identifier: MIT */
/* libgkreport: a number cell of a workbook as Excel shows it, from the text
 * the XML holds (read_xlsx.h), in decimal: never through a double, so that
 * "59237.2449" stays exactly that. Excel keeps and shows 15 significant
 * digits; a number written with more (a binary value in full: Excel writes
 * "0.30000000000000004", libxlsxwriter "96171.60000000001") is rounded to 15
 * as Excel shows it. */
#include <string.h>
#include "read_xlsx.h"

#define MAX_DIGITS 64
#define MAX_POINT 40 /* a point further from the digits: the text is kept */

/* Round the digits d[0..*n) to 15, carrying; *point moves when a digit is added. */
static void round15(char *d, size_t *n, long *point) {
  if (*n <= 15) return;
  int up = d[15] >= '5';
  *n = 15;
  for (size_t i = 15; up && i-- > 0;) {
    if (d[i] == '9') d[i] = '0';
    else d[i]++, up = 0;
  }
  if (up) { /* 999… became 000…: one more digit in front */
    memmove(d + 1, d, 14);
    d[0] = '1';
    ++*point;
  }
}

/* Parse s[0..n): sign, digits (no leading zeros, none trailing) and the
 * point's place among them; 0 when s is not [+-]digits[.digits][E[+-]digits]. */
static int parse(const char *s, size_t n, int *neg, char *d, size_t *nd, long *point) {
  size_t i = 0, k = 0;
  long p = 0, e = 0;
  int any = 0, frac = 0, esign = 1;
  *neg = n && s[0] == '-';
  if (n && (s[0] == '-' || s[0] == '+')) i++;
  for (; i < n && ((s[i] >= '0' && s[i] <= '9') || (s[i] == '.' && !frac)); i++) {
    if (s[i] == '.') {
      frac = 1;
      continue;
    }
    any = 1;
    if (k == 0 && s[i] == '0') { /* a leading zero: in the fraction it moves the point */
      if (frac) p--;
      continue;
    }
    if (k == MAX_DIGITS) return 0;
    d[k++] = s[i];
    if (!frac) p++;
  }
  if (!any) return 0;
  if (i < n && (s[i] == 'E' || s[i] == 'e')) {
    if (++i < n && (s[i] == '+' || s[i] == '-')) esign = s[i++] == '-' ? -1 : 1;
    if (i == n) return 0;
    for (; i < n && s[i] >= '0' && s[i] <= '9'; i++)
      if ((e = e * 10 + (s[i] - '0')) > 1000) return 0;
  }
  if (i != n) return 0;
  while (k && d[k - 1] == '0') k--;
  *nd = k;
  *point = p + esign * e;
  return 1;
}

size_t gk__xlsx_number(const char *s, size_t n, char *out, size_t cap) {
  char d[MAX_DIGITS];
  size_t nd, o = 0;
  long point;
  int neg;
  if (!parse(s, n, &neg, d, &nd, &point)) return 0;
  round15(d, &nd, &point);
  while (nd && d[nd - 1] == '0') nd--;
  if (!nd) {
    if (cap < 2) return 0;
    out[0] = '0', out[1] = '\0';
    return 1;
  }
  if (point > MAX_POINT || point < -MAX_POINT || cap < nd + MAX_POINT + 4) return 0;
  if (neg) out[o++] = '-';
  if (point <= 0) {
    out[o++] = '0', out[o++] = '.';
    for (long z = point; z < 0; z++) out[o++] = '0';
    memcpy(out + o, d, nd), o += nd;
  } else if ((size_t)point >= nd) {
    memcpy(out + o, d, nd), o += nd;
    for (size_t z = nd; z < (size_t)point; z++) out[o++] = '0';
  } else {
    memcpy(out + o, d, (size_t)point), o += (size_t)point;
    out[o++] = '.';
    memcpy(out + o, d + point, nd - (size_t)point), o += nd - (size_t)point;
  }
  out[o] = '\0';
  return o;
}
