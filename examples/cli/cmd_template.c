/* SPDX-License-Identifier: MIT */
/* gkreport template: write an empty report (every cell blank) as pretty JSON. */
#include "cli.h"

#include <string.h>

const char cli_template_usage[] =
    "Usage: gkreport template --year YYYY [--edition 2019|2021] [--agency NAME]\n"
    "                         [--level LEVEL] [--kind KIND]\n"
    "\n"
    "Write an empty report (every cell blank) as JSON to standard output, ready to\n"
    "be filled in and checked with 'gkreport validate'.\n"
    "\n"
    "  --year YYYY      report year (required)\n"
    "  --edition E      table format: 2019 (trial, years 2019-2020) or 2021;\n"
    "                   default: the edition the year should use\n"
    "  --agency NAME    agency name\n"
    "  --level LEVEL    national, province, city, county or township\n"
    "  --kind KIND      government or department\n";

/* Print the accepted keys of a metadata enumeration after an error. */
static int bad_key(const char *opt, const char *value, const char *(*key_of)(int)) {
  fprintf(stderr, "gkreport template: invalid value '%s' for %s (expected one of:", value, opt);
  for (int k = 1; key_of(k); k++) fprintf(stderr, " %s", key_of(k));
  fputs(")\n", stderr);
  return CLI_USAGE;
}

int cli_cmd_template(int argc, char **argv) {
  cli_args a;
  cli_args_init(&a, argc, argv);
  int year = 0, edition = 0, level = GK_LEVEL_UNKNOWN, kind = GK_AGENCY_KIND_UNKNOWN;
  const char *agency = NULL;
  while (cli_more(&a)) {
    const char *v = NULL;
    int m;
    if ((m = cli_value(&a, "--year", &v)) != 0) {
      if (m < 0 || cli_parse_int(&year, a.cmd, v, 1, 9999, "--year")) return CLI_USAGE;
    } else if ((m = cli_value(&a, "--edition", &v)) != 0) {
      if (m < 0 || cli_parse_int(&edition, a.cmd, v, 1, 9999, "--edition")) return CLI_USAGE;
      if (!gk_schema_edition_valid(edition))
        return cli_usage_error(a.cmd, "unknown edition '%s'", v);
    } else if ((m = cli_value(&a, "--agency", &v)) != 0) {
      if (m < 0) return CLI_USAGE;
      agency = v;
    } else if ((m = cli_value(&a, "--level", &v)) != 0) {
      if (m < 0) return CLI_USAGE;
      level = gk_schema_level_find(v);
      if (level < 0) return bad_key("--level", v, gk_schema_level_key);
    } else if ((m = cli_value(&a, "--kind", &v)) != 0) {
      if (m < 0) return CLI_USAGE;
      kind = gk_schema_agency_kind_find(v);
      if (kind < 0) return bad_key("--kind", v, gk_schema_agency_kind_key);
    } else if (cli_operand(&a)) {
      return cli_usage_error(a.cmd, "unexpected argument '%s'", argv[a.i - 1]);
    } else {
      return cli_unknown(&a);
    }
  }
  if (year == 0) return cli_usage_error(a.cmd, "--year is required");
  if (edition == 0) edition = gk_schema_edition_for_year(year);
  if (edition == 0)
    return cli_usage_error(a.cmd, "no edition for year %d: give --edition", year);

  gk_report *r = NULL;
  char *json = NULL;
  size_t len = 0;
  int rc = gk_report_new(&r, edition, year);
  if (rc == GK_OK && agency) rc = gk_report_set_agency(r, GK_AGENCY_NAME, agency, strlen(agency));
  if (rc == GK_OK) rc = gk_report_set_agency_level(r, level);
  if (rc == GK_OK) rc = gk_report_set_agency_kind(r, kind);
  if (rc == GK_OK) rc = gk_report_to_json(&json, &len, r, GK_JSON_PRETTY);
  gk_report_free(r);
  int st = cli_emit(a.cmd, rc, json, len);
  return st == CLI_OK ? cli_finish_output(a.cmd) : st;
}
