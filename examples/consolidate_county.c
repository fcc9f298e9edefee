/* SPDX-License-Identifier: MIT */
/* consolidate_county: sum the reports of a county's agencies into one report and
 * print its requests table and indicators.
 *
 *   example_consolidate_county [--name NAME] DIR|FILE.jsonl|-
 *
 * DIR: every *.json and *.txt report in it (JSON or published text);
 * FILE.jsonl or '-': a JSON Lines stream, one report per line, read in chunks
 * (constant memory; a bad line is reported and skipped). Prints the number of
 * contributors, the findings of the consolidation, the requests table of the
 * consolidated report (walking the schema) and the indicators. Exit status 0,
 * 1 when a finding is an error (a bad line), 2 when nothing could be read. */
#include <gkreport/gkreport.h>
#include <dirent.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int has_suffix(const char *s, const char *suffix) {
  size_t n = strlen(s), k = strlen(suffix);
  return n >= k && strcmp(s + n - k, suffix) == 0;
}

static int by_name(const void *a, const void *b) {
  return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Add one report file (JSON or text) to the aggregate. */
static int add_file(gk_aggregate *agg, const char *path, const char *name, gk_diags *d) {
  FILE *f = fopen(path, "rb");
  if (!f) return GK_EIO;
  size_t cap = 1 << 16, len = 0;
  char *buf = malloc(cap);
  while (buf) {
    len += fread(buf + len, 1, cap - len, f);
    if (len < cap) break;
    char *nb = realloc(buf, cap * 2);
    if (!nb) {
      free(buf);
      buf = NULL;
    } else {
      buf = nb;
      cap *= 2;
    }
  }
  fclose(f);
  if (!buf) return GK_ENOMEM;
  gk_report *r = NULL;
  int rc = gk_report_load(&r, buf, len, name, NULL);
  free(buf);
  if (rc == GK_OK) rc = gk_aggregate_add(agg, r, d);
  else if (gk_diags_add(NULL, d, GK_SEV_ERROR, "example.load", NULL, "cannot read the report", name, 0, 0) != GK_OK)
    rc = GK_ENOMEM;
  gk_report_free(r);
  return rc == GK_EPARSE || rc == GK_EENCODING ? GK_OK : rc;
}

static int add_dir(gk_aggregate *agg, const char *dir, gk_diags *d) {
  DIR *dp = opendir(dir);
  if (!dp) return GK_EIO;
  char **names = NULL;
  size_t n = 0;
  struct dirent *e;
  int rc = GK_OK;
  while (rc == GK_OK && (e = readdir(dp)) != NULL) {
    if (!has_suffix(e->d_name, ".json") && !has_suffix(e->d_name, ".txt")) continue;
    char **nn = realloc(names, (n + 1) * sizeof *names);
    char *copy = malloc(strlen(e->d_name) + 1);
    if (nn) names = nn;
    if (!nn || !copy) {
      free(copy);
      rc = GK_ENOMEM;
      break;
    }
    strcpy(copy, e->d_name);
    names[n++] = copy;
  }
  closedir(dp);
  if (n) qsort(names, n, sizeof *names, by_name); /* the sum does not depend on order */
  for (size_t k = 0; k < n; k++) {
    char path[4096];
    snprintf(path, sizeof path, "%s/%s", dir, names[k]);
    if (rc == GK_OK) rc = add_file(agg, path, names[k], d);
    free(names[k]);
  }
  free(names);
  return rc;
}

static int add_jsonl(gk_aggregate *agg, const char *path, gk_diags *d) {
  FILE *f = strcmp(path, "-") == 0 ? stdin : fopen(path, "rb");
  if (!f) return GK_EIO;
  char chunk[65536];
  int rc = gk_aggregate_set_jsonl_source(agg, f == stdin ? "<stdin>" : path);
  size_t got;
  while (rc == GK_OK && (got = fread(chunk, 1, sizeof chunk, f)) > 0)
    rc = gk_aggregate_add_jsonl(agg, chunk, got, d);
  if (rc == GK_OK) rc = gk_aggregate_add_jsonl_end(agg, d);
  if (f != stdin) fclose(f);
  return rc;
}

/* The requests table of r: one line per row, the row label then the columns. */
static void print_requests(const gk_report *r) {
  int ed = gk_report_edition(r);
  size_t nrows = gk_schema_nrows(ed, GK_TABLE_REQUESTS), ncols = gk_schema_ncols(ed, GK_TABLE_REQUESTS);
  printf("%s\n", gk_schema_table_label(GK_TABLE_REQUESTS, GK_LANG_ZH));
  printf("row");
  for (size_t c = 0; c < ncols; c++) printf("\t%s", gk_schema_col_key(ed, GK_TABLE_REQUESTS, c));
  printf("\n");
  for (size_t row = 0; row < nrows; row++) {
    printf("%s", gk_schema_row_key(ed, GK_TABLE_REQUESTS, row));
    for (size_t c = 0; c < ncols; c++) {
      int st = GK_CELL_BLANK;
      int64_t v = 0;
      if (gk_report_cell(&st, &v, r, GK_TABLE_REQUESTS, row, c) == GK_OK && st == GK_CELL_VALUE)
        printf("\t%" PRId64, v);
      else
        printf("\t");
    }
    printf("\n");
  }
}

static void print_indicators(const gk_report *r) {
  printf("indicators\n");
  for (size_t i = 0; i < gk_indicator_count(); i++) {
    int64_t num = 0, den = 0;
    char pct[32];
    if (gk_report_indicator(&num, &den, r, i) == GK_OK && gk_indicator_format(pct, sizeof pct, num, den) >= 0)
      printf("%s\t%s%s\t(%" PRId64 "/%" PRId64 ")\n", gk_indicator_id(i), pct, gk_indicator_unit(i), num, den);
    else
      printf("%s\t-\n", gk_indicator_id(i));
  }
}

int main(int argc, char **argv) {
  const char *name = "合计", *input = NULL;
  for (int i = 1; i < argc; i++) {
    if (strcmp(argv[i], "--name") == 0 && i + 1 < argc) name = argv[++i];
    else if (!input) input = argv[i];
    else input = NULL, i = argc;
  }
  if (!input) {
    fprintf(stderr, "usage: example_consolidate_county [--name NAME] DIR|FILE.jsonl|-\n");
    return 2;
  }
  gk_aggregate *agg = NULL;
  gk_diags *d = NULL;
  gk_report *total = NULL;
  int rc = gk_aggregate_new(&agg, 0);
  if (rc == GK_OK) rc = gk_diags_new(&d);
  if (rc == GK_OK)
    rc = strcmp(input, "-") == 0 || has_suffix(input, ".jsonl") ? add_jsonl(agg, input, d)
                                                              : add_dir(agg, input, d);
  if (rc == GK_OK) rc = gk_aggregate_check(agg, d);
  if (rc == GK_OK) rc = gk_aggregate_result(&total, agg, name);
  int status = 0;
  if (rc != GK_OK) {
    fprintf(stderr, "consolidate_county: %s: %s\n", input,
            rc == GK_ENOTFOUND ? "no report to consolidate" : gk_strerror(rc));
    status = 2;
  } else {
    uint64_t nrep = gk_aggregate_count(agg);
    printf("%s: %" PRIu64 " report%s, edition %d%s\n", name, nrep, nrep == 1 ? "" : "s",
           gk_aggregate_edition(agg), gk_aggregate_mixed(agg) ? " (common view of mixed editions)" : "");
    for (size_t i = 0; i < gk_diags_count(d); i++) {
      char line[1024];
      gk_diag_format(line, sizeof line, d, i, GK_LANG_EN);
      printf("%s\n", line);
    }
    print_requests(total);
    print_indicators(total);
    if (gk_diags_count_severity(d, GK_SEV_ERROR) > 0) status = 1;
  }
  gk_report_free(total);
  gk_diags_free(d);
  gk_aggregate_free(agg);
  return status;
}
