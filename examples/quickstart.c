/* SPDX-License-Identifier: MIT */
/* quickstart: create a report, fill it by key, validate it, save it as JSON.
 *
 *   example_quickstart [OUT.json]      (default: JSON on standard output)
 *
 * Shows the core of the API: gk_report_new, walking the schema instead of
 * spelling rows, gk_report_set_text by cell path, gk_report_validate with its
 * findings and the probable culprit, and gk_report_to_json. */
#include <gkreport/gkreport.h>
#include <stdio.h>
#include <string.h>

/* Print the findings of d like a compiler, with the suggested repair: the note
 * names the cell by its printed label (the path is in gk_diag_suspect). */
static void print_findings(const gk_diags *d) {
  char line[1024];
  for (size_t i = 0; i < gk_diags_count(d); i++) {
    gk_diag_format(line, sizeof line, d, i, GK_LANG_EN);
    printf("  %s\n", line);
    if (gk_diag_note(d, i, GK_LANG_EN)) printf("  note: %s\n", gk_diag_note(d, i, GK_LANG_EN));
  }
}

/* Every stored cell of the requests table set to 0: the table is reported in
 * full, so no cell is left blank (blank is not zero). */
static int zero_requests(gk_report *r) {
  int ed = gk_report_edition(r);
  for (size_t row = 0; row < gk_schema_nrows(ed, GK_TABLE_REQUESTS); row++) {
    if ((gk_schema_row_flags(ed, GK_TABLE_REQUESTS, row) & GK_ROW_STORED) == 0) continue;
    for (size_t col = 0; col < gk_schema_ncols(ed, GK_TABLE_REQUESTS); col++) {
      int rc = gk_report_set_value(r, GK_TABLE_REQUESTS, row, col, 0);
      if (rc != GK_OK) return rc;
    }
  }
  return GK_OK;
}

int main(int argc, char **argv) {
  static const struct { const char *path, *text; } cells[] = {
      {"requests/new/natural", "3"},          {"requests/new/commercial", "1"},
      {"requests/new/total", "5"}, /* a typo: 3 + 1 is 4 */
      {"requests/granted/natural", "2"},      {"requests/granted/total", "2"},
      {"requests/partial/commercial", "1"},   {"requests/partial/total", "1"},
      {"requests/unavailable.not_held/natural", "1"},
      {"requests/unavailable.not_held/total", "1"},
      {"requests/total/natural", "3"},        {"requests/total/commercial", "1"},
      {"requests/total/total", "4"},
      {"active/normative_docs/issued", "2"},  {"active/normative_docs/repealed", "0"},
      {"active/normative_docs/in_force", "14"},
      {"active/fees/amount", "0.35"}};
  gk_report *r = NULL;
  gk_diags *d = NULL;
  char *json = NULL;
  size_t len = 0;
  int rc = gk_report_new(&r, GK_EDITION_2021, 2023);
  if (rc == GK_OK) rc = gk_report_set_agency(r, GK_AGENCY_NAME, "示例县司法局", strlen("示例县司法局"));
  if (rc == GK_OK) rc = gk_report_set_agency_level(r, GK_LEVEL_COUNTY);
  if (rc == GK_OK) rc = gk_report_set_agency_kind(r, GK_AGENCY_KIND_DEPARTMENT);
  if (rc == GK_OK) rc = zero_requests(r);
  for (size_t i = 0; rc == GK_OK && i < sizeof cells / sizeof cells[0]; i++)
    rc = gk_report_set_text(r, cells[i].path, cells[i].text, strlen(cells[i].text));
  if (rc == GK_OK) rc = gk_diags_new(&d);

  /* First check: the typo in requests/new/total is found, with its repair. */
  if (rc == GK_OK) rc = gk_report_validate(r, NULL, d);
  if (rc == GK_OK) {
    size_t n = gk_diags_count_severity(d, GK_SEV_ERROR);
    printf("first check: %zu error%s\n", n, n == 1 ? "" : "s");
    print_findings(d);
    /* Apply the repair the validator suggests, then check again. */
    for (size_t i = 0; rc == GK_OK && i < gk_diags_count(d); i++) {
      const char *cell = gk_diag_suspect(d, i), *value = gk_diag_suspect_value(d, i);
      if (cell && value) rc = gk_report_set_text(r, cell, value, strlen(value));
    }
  }
  if (rc == GK_OK) {
    gk_diags_clear(d);
    rc = gk_report_validate(r, NULL, d);
  }
  if (rc == GK_OK) {
    size_t n = gk_diags_count_severity(d, GK_SEV_ERROR);
    printf("second check: %zu error%s\n", n, n == 1 ? "" : "s");
    print_findings(d);
    rc = gk_report_to_json(&json, &len, r, GK_JSON_PRETTY);
  }
  int status = 0;
  if (rc != GK_OK) {
    fprintf(stderr, "quickstart: %s\n", gk_strerror(rc));
    status = 2;
  } else if (argc > 1) {
    FILE *f = fopen(argv[1], "wb");
    if (!f || fwrite(json, 1, len, f) != len || fclose(f) != 0) {
      fprintf(stderr, "quickstart: cannot write %s\n", argv[1]);
      status = 2;
    } else {
      printf("saved %s\n", argv[1]);
    }
  } else {
    fwrite(json, 1, len, stdout);
  }
  if (status == 0 && gk_diags_count_severity(d, GK_SEV_ERROR) > 0) status = 1;
  gk_free(json);
  gk_diags_free(d);
  gk_report_free(r);
  return status;
}
