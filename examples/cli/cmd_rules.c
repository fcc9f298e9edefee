/* SPDX-License-Identifier: MIT */
/* gkreport rules: print the rule catalogue of the library. */
#include "cli.h"

#include <string.h>

const char cli_rules_usage[] =
    "Usage: gkreport rules [--format text|json] [--lang zh|en]\n"
    "\n"
    "List the rules the library checks: id, default severity, scope (report,\n"
    "text, series), the editions it applies to and its description.\n"
    "\n"
    "  --format F   text (default, one rule per line) or json\n"
    "  --lang L     descriptions in Chinese (zh, default) or English (en)\n";

/* Comma-separated editions rule i applies to, e.g. "2019,2021". */
static void editions_text(char *buf, size_t cap, size_t i) {
  size_t n = 0;
  buf[0] = '\0';
  for (size_t e = 0; e < gk_schema_edition_count(); e++) {
    int ed = gk_schema_edition_id(e);
    if (!gk_rule_applies_to(i, ed)) continue;
    int w = snprintf(buf + n, cap - n, "%s%d", n ? "," : "", ed);
    if (w < 0 || (size_t)w >= cap - n) break;
    n += (size_t)w;
  }
}

static void print_text(int lang) {
  size_t id_w = 2, sev_w = 8, scope_w = 5, ed_w = 8;
  char eds[64];
  for (size_t i = 0; i < gk_rule_count(); i++) {
    size_t w = strlen(gk_rule_id(i));
    if (w > id_w) id_w = w;
    w = strlen(gk_severity_key(gk_rule_severity(i)));
    if (w > sev_w) sev_w = w;
    w = strlen(gk_rule_scope(i));
    if (w > scope_w) scope_w = w;
    editions_text(eds, sizeof eds, i);
    if (strlen(eds) > ed_w) ed_w = strlen(eds);
  }
  printf("%-*s  %-*s  %-*s  %-*s  %s\n", (int)id_w, "id", (int)sev_w, "severity", (int)scope_w,
         "scope", (int)ed_w, "editions", "description");
  for (size_t i = 0; i < gk_rule_count(); i++) {
    editions_text(eds, sizeof eds, i);
    printf("%-*s  %-*s  %-*s  %-*s  %s\n", (int)id_w, gk_rule_id(i), (int)sev_w,
           gk_severity_key(gk_rule_severity(i)), (int)scope_w, gk_rule_scope(i), (int)ed_w, eds,
           gk_rule_description(i, lang));
  }
}

static void print_json(int lang) {
  fputs("[", stdout);
  for (size_t i = 0; i < gk_rule_count(); i++) {
    fputs(i ? ",\n  {\"id\": " : "\n  {\"id\": ", stdout);
    cli_json_string(stdout, gk_rule_id(i));
    fputs(", \"severity\": ", stdout);
    cli_json_string(stdout, gk_severity_key(gk_rule_severity(i)));
    fputs(", \"scope\": ", stdout);
    cli_json_string(stdout, gk_rule_scope(i));
    fputs(", \"editions\": [", stdout);
    int first = 1;
    for (size_t e = 0; e < gk_schema_edition_count(); e++) {
      int ed = gk_schema_edition_id(e);
      if (!gk_rule_applies_to(i, ed)) continue;
      printf("%s\"%d\"", first ? "" : ", ", ed);
      first = 0;
    }
    fputs("], \"description\": ", stdout);
    cli_json_string(stdout, gk_rule_description(i, lang));
    fputs("}", stdout);
  }
  fputs("\n]\n", stdout);
}

int cli_cmd_rules(int argc, char **argv) {
  static const char *const formats[] = {"text", "json", NULL}; /* index: json or not */
  cli_args a;
  cli_args_init(&a, argc, argv);
  int lang = GK_LANG_ZH, json = 0;
  while (cli_more(&a)) {
    int m;
    if ((m = cli_choice(&lang, &a, "--lang", cli_langs)) != 0 ||
        (m = cli_choice(&json, &a, "--format", formats)) != 0) {
      if (m < 0) return CLI_USAGE;
    } else if (cli_operand(&a)) {
      return cli_usage_error(a.cmd, "unexpected argument '%s'", argv[a.i - 1]);
    } else {
      return cli_unknown(&a);
    }
  }
  if (json) print_json(lang);
  else print_text(lang);
  return cli_finish_output(a.cmd);
}
