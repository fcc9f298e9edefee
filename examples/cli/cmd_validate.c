/* SPDX-License-Identifier: MIT */
/* gkreport validate: check reports against the rules of the format. */
#include "cli.h"

#include <string.h>

const char cli_validate_usage[] =
    "Usage: gkreport validate [--format text|json] [--lang zh|en] [--strict]\n"
    "                         [--min-severity S] [--rules LIST]\n"
    "                         [--waive RULE[:CELL]=REASON]... [--from F] FILE...|DIR...\n"
    "                         [--agency NAME] [--level L] [--kind K] [--region R]\n"
    "\n"
    "Check each report against the rules of the format ('gkreport rules' lists\n"
    "them) and print the findings like a compiler:\n"
    "  FILE:LINE: SEVERITY RULE-ID: MESSAGE\n"
    "followed by 'FILE:LINE: note: probably CELL should be VALUE' when one cell\n"
    "explains every failed identity, and a summary line. FILE is the report's\n"
    "source when it records one (a report imported from text), else the path.\n"
    "\n"
    "  --format F         text (default) or json (an array of findings)\n"
    "  --lang L           messages in Chinese (zh, default) or English (en)\n"
    "  --strict           warnings also make the exit status 1\n"
    "  --min-severity S   report only findings of severity S or above\n"
    "                     (info, warning, error)\n"
    "  --rules LIST       comma-separated rule ids or prefixes ('requests.*') to\n"
    "                     check; '-ID' turns a rule off ('-cell.blank')\n"
    "  --waive R[:C]=WHY  waive rule R (on cell C only) with a reason; waived\n"
    "                     findings are still listed, marked [waived]\n"
    "  --from F           input format: auto (default), json or text\n"
    "\n"
    "Exit status: 0 no errors, 1 a report has an error (with --strict, or a\n"
    "warning), 2 an input could not be read or parsed.\n";

enum { FORMAT_TEXT = 0, FORMAT_JSON = 1 };
static const char *const formats[] = {"text", "json", NULL};

int cli_cmd_validate(int argc, char **argv) {
  cli_inputs in;
  int status = cli_inputs_parse(&in, argc, argv, formats, CLI_IN_RULES,
                                "missing FILE (use '-' for standard input)");
  const char *cmd = argv[0];
  gk_diags *all = NULL, *notes = NULL;
  if (status == CLI_OK && (gk_diags_new(&all) != GK_OK || gk_diags_new(&notes) != GK_OK)) {
    cli_error(cmd, "%s", gk_strerror(GK_ENOMEM));
    status = CLI_USAGE;
  }
  int failed = 0;
  size_t unreadable = 0, nreports = 0;
  cli_files fl = {NULL, 0, 0}; /* FILE…|DIR: folders recursed */
  if (status == CLI_OK) status = cli_files_expand(&fl, cmd, in.files, in.nfiles);
  for (size_t k = 0; status == CLI_OK && k < fl.n; k++) {
    const char *path = fl.paths[k], *shown = cli_display_name(path);
    gk_report *r = NULL;
    size_t first = gk_diags_count(all);
    gk_diags_clear(notes);
    if (cli_load(&r, cmd, path, in.from, notes) != CLI_OK) {
      unreadable++;
      continue;
    }
    if (cli_meta_apply(&in.meta, r, cmd) != CLI_OK) {
      gk_report_free(r);
      unreadable++;
      continue;
    }
    nreports++;
    int rc = cli_check_keep(&in.check, all, notes);
    if (rc == GK_OK) rc = gk_report_validate(r, in.check.opts, all);
    gk_report_free(r);
    if (rc != GK_OK) {
      cli_error(cmd, "%s: cannot validate: %s", shown, gk_strerror(rc));
      unreadable++;
      continue;
    }
    if (cli_check_failures(&in.check, all, first) > 0) failed = 1;
  }
  if (status == CLI_OK) {
    if (in.format == FORMAT_JSON) {
      char *json = NULL;
      size_t len = 0;
      int rc = gk_diags_to_json(&json, &len, all, GK_JSON_PRETTY);
      status = cli_emit(cmd, rc, json, len);
    } else {
      cli_print_findings(stdout, all, 0, gk_diags_count(all), in.check.lang);
      cli_print_summary(stdout, all, nreports, unreadable, in.check.lang);
    }
    if (status == CLI_OK) status = cli_finish_output(cmd);
  }
  gk_diags_free(all);
  gk_diags_free(notes);
  cli_files_free(&fl);
  cli_inputs_free(&in);
  if (status != CLI_OK || unreadable) return CLI_USAGE;
  return failed ? CLI_FINDINGS : CLI_OK;
}
