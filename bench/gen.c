/* SPDX-License-Identifier: MIT */
/* gkreport_gen: writes N synthetic reports (bench_common.h) to stdout.
 *   gkreport_gen [-n N] [-d PERCENT] [-s FIRST_SEED] [-f jsonl|text]
 * jsonl (default): one compact JSON document per line (gk_report_to_json);
 * text: the published layout (gk_report_to_text), reports separated by a form feed.
 * -d: share of reports with one planted defect (default 10). */
#include <stdlib.h>
#include "bench_common.h"

#ifdef GK_HAVE_JSON
static int usage(void) {
  fputs("usage: gkreport_gen [-n N] [-d PERCENT] [-s FIRST_SEED] [-f jsonl|text]\n", stderr);
  return 2;
}
#endif

int main(int argc, char **argv) {
#ifndef GK_HAVE_JSON
  (void)argc;
  (void)argv;
  fputs("gkreport_gen: this build has no gk_report_to_json yet\n", stderr);
  return 2;
#else
  unsigned long long n = 1000, first = 1;
  unsigned percent = 10;
  int text = 0;
  for (int i = 1; i < argc; i++) {
    const char *a = argv[i], *v = i + 1 < argc ? argv[i + 1] : NULL;
    if (v == NULL)
      return usage();
    if (strcmp(a, "-n") == 0)
      n = strtoull(v, NULL, 10);
    else if (strcmp(a, "-d") == 0)
      percent = (unsigned)strtoul(v, NULL, 10);
    else if (strcmp(a, "-s") == 0)
      first = strtoull(v, NULL, 10);
    else if (strcmp(a, "-f") == 0 && (strcmp(v, "jsonl") == 0 || strcmp(v, "text") == 0))
      text = strcmp(v, "text") == 0;
    else
      return usage();
    i++;
  }
#ifndef GK_HAVE_TEXT_EXPORT
  if (text) {
    fputs("gkreport_gen: this build has no gk_report_to_text\n", stderr);
    return 2;
  }
#endif
  for (unsigned long long k = 0; k < n; k++) {
    gk_report *r = NULL;
    char *out = NULL;
    size_t len = 0;
    uint64_t seed = first + k;
    int rc = bench_gen_report(&r, seed, bench_has_defect(seed, percent));
#ifdef GK_HAVE_TEXT_EXPORT
    if (rc == GK_OK && text)
      rc = gk_report_to_text(&out, &len, r);
    else
#endif
    if (rc == GK_OK)
      rc = gk_report_to_json(&out, &len, r, 0);
    gk_report_free(r);
    if (rc != GK_OK) {
      fprintf(stderr, "gkreport_gen: report %llu: %s\n", (unsigned long long)seed, gk_strerror(rc));
      return 1;
    }
    fwrite(out, 1, len, stdout);
    fputs(text ? "\n\f\n" : "\n", stdout);
    gk_free(out);
  }
  return fflush(stdout) == 0 ? 0 : 1;
#endif
}
