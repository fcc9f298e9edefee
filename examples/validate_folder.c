/* SPDX-License-Identifier: MIT */
/* validate_folder: validate every report of a directory and print a summary.
 *
 *   example_validate_folder [--strict] DIR
 *
 * Reads each *.json and *.txt file of DIR (in name order) with gk_report_load
 * (JSON or published text), validates it, and prints one line per file:
 *   NAME: ok | E errors, W warnings, I infos | unreadable: REASON
 * then the totals. The importer's notes (import.truncated, ...) count with the
 * rule findings, as `gkreport validate` counts them. Exit status like `gkreport validate`: 0 no errors, 1 a
 * report has an error (with --strict, or a warning), 2 a file could not be
 * read or parsed, or bad usage. */
#include <gkreport/gkreport.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int has_suffix(const char *s, const char *suffix) {
  size_t n = strlen(s), k = strlen(suffix);
  return n >= k && strcmp(s + n - k, suffix) == 0;
}

/* "1 error", "2 errors", "0 infos". */
static const char *plural(size_t n, const char *word) {
  static char buf[4][48];
  static int k;
  k = (k + 1) % 4;
  snprintf(buf[k], sizeof buf[k], "%zu %s%s", n, word, n == 1 ? "" : "s");
  return buf[k];
}

static int by_name(const void *a, const void *b) {
  return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Read a whole file; NULL on failure. */
static char *read_file(const char *path, size_t *len_out) {
  FILE *f = fopen(path, "rb");
  if (!f) return NULL;
  size_t cap = 1 << 16, len = 0;
  char *buf = malloc(cap);
  while (buf) {
    len += fread(buf + len, 1, cap - len, f);
    if (len < cap) break;
    char *nb = realloc(buf, cap * 2);
    if (!nb) {
      free(buf);
      buf = NULL;
      break;
    }
    buf = nb;
    cap *= 2;
  }
  if (buf && ferror(f)) {
    free(buf);
    buf = NULL;
  }
  fclose(f);
  *len_out = len;
  return buf;
}

/* The report file names of dir, sorted; NULL on failure (count in *n_out). */
static char **list_reports(const char *dir, size_t *n_out) {
  DIR *dp = opendir(dir);
  if (!dp) return NULL;
  size_t n = 0, cap = 16;
  char **names = malloc(cap * sizeof *names);
  struct dirent *e;
  while (names && (e = readdir(dp)) != NULL) {
    if (!has_suffix(e->d_name, ".json") && !has_suffix(e->d_name, ".txt")) continue;
    if (n == cap) {
      char **nn = realloc(names, 2 * cap * sizeof *names);
      if (!nn) break;
      names = nn;
      cap *= 2;
    }
    names[n] = malloc(strlen(e->d_name) + 1);
    if (!names[n]) break;
    strcpy(names[n++], e->d_name);
  }
  closedir(dp);
  if (names) qsort(names, n, sizeof *names, by_name);
  *n_out = n;
  return names;
}

int main(int argc, char **argv) {
  int strict = 0;
  const char *dir = NULL;
  for (int i = 1; i < argc; i++) {
    if (strcmp(argv[i], "--strict") == 0) strict = 1;
    else if (!dir && argv[i][0] != '-') dir = argv[i];
    else dir = NULL, i = argc;
  }
  if (!dir) {
    fprintf(stderr, "usage: example_validate_folder [--strict] DIR\n");
    return 2;
  }
  size_t n = 0;
  char **names = list_reports(dir, &n);
  if (!names) {
    fprintf(stderr, "validate_folder: cannot read the directory %s\n", dir);
    return 2;
  }
  size_t ok = 0, failing = 0, unreadable = 0, total[3] = {0, 0, 0};
  gk_diags *d = NULL;
  if (gk_diags_new(&d) != GK_OK) return 2;
  for (size_t k = 0; k < n; k++) {
    char path[4096];
    snprintf(path, sizeof path, "%s/%s", dir, names[k]);
    size_t len = 0;
    char *bytes = read_file(path, &len);
    gk_report *r = NULL;
    gk_diags_clear(d);
    int rc = bytes ? gk_report_load(&r, bytes, len, names[k], d) : GK_EIO;
    free(bytes);
    if (rc == GK_OK) rc = gk_report_validate(r, NULL, d); /* after the import notes */
    gk_report_free(r);
    if (rc != GK_OK) {
      const char *why = gk_diags_count(d) ? gk_diag_message(d, 0, GK_LANG_EN) : gk_strerror(rc);
      printf("%s: unreadable: %s\n", names[k], why);
      unreadable++;
      continue;
    }
    size_t sev[3] = {0, 0, 0};
    for (size_t i = 0; i < gk_diags_count(d); i++) sev[gk_diag_severity(d, i)]++;
    for (int s = 0; s < 3; s++) total[s] += sev[s];
    if (sev[GK_SEV_ERROR] || (strict && sev[GK_SEV_WARNING])) failing++;
    else ok++;
    if (gk_diags_count(d) == 0)
      printf("%s: ok\n", names[k]);
    else
      printf("%s: %s, %s, %s\n", names[k], plural(sev[GK_SEV_ERROR], "error"),
             plural(sev[GK_SEV_WARNING], "warning"), plural(sev[GK_SEV_INFO], "info"));
  }
  printf("%s: %zu passed, %zu failed, %zu unreadable; ", plural(n, "file"), ok, failing,
         unreadable);
  printf("%s, %s, %s\n", plural(total[GK_SEV_ERROR], "error"),
         plural(total[GK_SEV_WARNING], "warning"), plural(total[GK_SEV_INFO], "info"));
  for (size_t k = 0; k < n; k++) free(names[k]);
  free(names);
  gk_diags_free(d);
  return unreadable ? 2 : failing ? 1 : 0;
}
