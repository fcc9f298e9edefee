/* SPDX-License-Identifier: MIT */
/* gkreport CLI: agency metadata given on the command line (--agency, --level,
 * --kind, --region), applied to each report read, over what the report says. */
#include "cli.h"

#include <string.h>

int cli_meta_option(cli_meta *m, cli_args *a) {
  const char *v = NULL;
  int got;
  if ((got = cli_value(a, "--agency", &v)) != 0) {
    if (got > 0) m->agency = v;
    return got;
  }
  if ((got = cli_value(a, "--region", &v)) != 0) {
    if (got > 0) m->region = v;
    return got;
  }
  if ((got = cli_value(a, "--level", &v)) != 0) {
    if (got < 0) return got;
    m->level = gk_schema_level_find(v);
    if (m->level <= 0) {
      cli_usage_error(a->cmd, "invalid value '%s' for --level (expected national, province, city, county or township)", v);
      return -1;
    }
    return 1;
  }
  if ((got = cli_value(a, "--kind", &v)) != 0) {
    if (got < 0) return got;
    m->kind = gk_schema_agency_kind_find(v);
    if (m->kind <= 0) {
      cli_usage_error(a->cmd, "invalid value '%s' for --kind (expected government or department)", v);
      return -1;
    }
    return 1;
  }
  return 0;
}

/* A new name: level, kind and region as it says them, unless given too. */
static int rename_agency(const cli_meta *m, gk_report *r) {
  int rc = gk_report_set_agency(r, GK_AGENCY_NAME, m->agency, strlen(m->agency));
  int level = 0, kind = 0;
  uint32_t code = 0;
  size_t places = 0;
  char region[512];
  if (rc == GK_OK && gk_agency_resolve(&level, &kind, &code, &places, region, sizeof region,
                                       m->agency, (size_t)-1, NULL, 0) == GK_OK) {
    rc = gk_report_set_agency_level(r, level);
    if (rc == GK_OK) rc = gk_report_set_agency_kind(r, kind);
    if (rc == GK_OK) rc = gk_report_set_agency(r, GK_AGENCY_REGION, region[0] ? region : NULL,
                                               strlen(region));
  }
  return rc;
}

int cli_meta_apply(const cli_meta *m, gk_report *r, const char *cmd) {
  int rc = GK_OK;
  if (m->agency) rc = rename_agency(m, r);
  if (rc == GK_OK && m->region) rc = gk_report_set_agency(r, GK_AGENCY_REGION, m->region, strlen(m->region));
  if (rc == GK_OK && m->level > 0) rc = gk_report_set_agency_level(r, m->level);
  if (rc == GK_OK && m->kind > 0) rc = gk_report_set_agency_kind(r, m->kind);
  if (rc != GK_OK) {
    cli_error(cmd, "cannot set the agency metadata: %s", gk_strerror(rc));
    return CLI_USAGE;
  }
  return CLI_OK;
}
