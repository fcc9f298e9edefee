/* SPDX-License-Identifier: MIT */
/* The driver bench/insn_pass.sh counts instructions of: FILE read once, then
 * ROUNDS times each of its form-feed separated texts imported
 * (gk_report_from_text) and, with a third argument, validated. A pass is the
 * difference of 2 rounds and 1 round: the start-up cancels out.
 *   gkreport_insn_driver FILE ROUNDS [v] */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <gkreport/gkreport.h>

static char *slurp(const char *path, size_t *n) {
  FILE *f = fopen(path, "rb");
  if (!f) return NULL;
  char *b = NULL;
  size_t cap = 0, len = 0, got;
  do {
    if (len + 65536 > cap) {
      char *nb = realloc(b, cap = cap * 2 + 65536);
      if (!nb) break;
      b = nb;
    }
    got = fread(b + len, 1, cap - len, f);
    len += got;
  } while (got > 0);
  fclose(f);
  *n = len;
  return b;
}

static int one(const char *p, size_t n, int validate) {
  gk_report *r = NULL;
  gk_diags *d = NULL;
  if (gk_diags_new(&d) != GK_OK) return 1;
  int rc = gk_report_from_text(&r, p, n, NULL, d);
  if (rc == GK_OK && validate) rc = gk_report_validate(r, NULL, d);
  gk_report_free(r);
  gk_diags_free(d);
  return rc != GK_OK && rc != GK_EENCODING && rc != GK_EPARSE;
}

int main(int argc, char **argv) {
  if (argc < 3) {
    fprintf(stderr, "usage: %s FILE ROUNDS [v]\n", argv[0]);
    return 2;
  }
  size_t n = 0;
  char *b = slurp(argv[1], &n);
  if (!b) {
    fprintf(stderr, "%s: cannot read\n", argv[1]);
    return 1;
  }
  int rounds = atoi(argv[2]), validate = argc > 3, bad = 0;
  for (int k = 0; k < rounds; k++)
    for (size_t at = 0; at < n;) {
      const char *ff = memchr(b + at, '\f', n - at);
      size_t e = ff ? (size_t)(ff - b) : n;
      bad |= one(b + at, e - at, validate);
      at = e + 1;
    }
  free(b);
  return bad;
}
