/* gkreport aggregate: consolidate many agencies' reports into one. */
#include "cli.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

const char cli_aggregate_usage[] =
    "Usage: gkreport aggregate [--name NAME] [--format json|csv] [--lang zh|en]\n"
    "                          [--strict] [--min-severity S] [--rules LIST]\n"
    "                          [--waive R[:C]=WHY] [--from F] FILE...|-\n"
    "\n"
    "Sum the reports cell by cell into one consolidated report (blank + value =\n"
    "value, amounts exact) and write it to standard output. Reports of both\n"
    "editions give the common view. Files ending in .jsonl, and standard input\n"
    "('-'), are read as JSON Lines (one report per line), a line at a time (a line\n"
    "is at most 64 MiB; the consolidation keeps each contributor's name and year);\n"
    "a bad line is reported with its line number and skipped. Findings about the\n"
    "consolidation (aggregate.*, jsonl.line) go to standard error, in the --lang\n"
    "language; --rules, --min-severity and --waive apply to them.\n"
    "\n"
    "  --name NAME  agency name of the consolidated report\n"
    "  --format F   json (pretty, default) or csv\n"
    "  --lang L     messages in Chinese (zh, default) or English (en)\n"
    "  --strict     warnings also make the exit status 1\n"
    "  --min-severity S, --rules LIST, --waive R[:C]=WHY: as for validate\n"
    "  --from F     format of the files that are not JSON Lines: auto, json, text,\n"
    "               html, docx\n"
    "\n"
    "Exit status: 0 no errors, 1 an error (a bad JSON Lines line, an overflow;\n"
    "with --strict, or a warning), 2 bad usage, an unreadable input or nothing\n"
    "to consolidate.\n";

#define CHUNK 65536

static int ends_with(const char *s, const char *suffix) {
  size_t n = strlen(s), k = strlen(suffix);
  return n >= k && strcmp(s + n - k, suffix) == 0;
}

/* Stream a JSON Lines file (or stdin) into the aggregate. */
static int add_jsonl(gk_aggregate *agg, const char *cmd, const char *path, gk_diags *d) {
  int from_stdin = strcmp(path, "-") == 0;
  FILE *f = from_stdin ? stdin : fopen(path, "rb");
  if (!f) {
    cli_read_error(cmd, path, errno);
    return CLI_USAGE;
  }
  char *buf = malloc(CHUNK);
  int rc = buf ? gk_aggregate_set_jsonl_source(agg, cli_display_name(path)) : GK_ENOMEM;
  int read_error = 0;
  while (rc == GK_OK) {
    size_t n = fread(buf, 1, CHUNK, f);
    if (n > 0) rc = gk_aggregate_add_jsonl(agg, buf, n, d);
    if (n < CHUNK) {
      read_error = ferror(f);
      break;
    }
  }
  if (rc == GK_OK) rc = gk_aggregate_add_jsonl_end(agg, d);
  free(buf);
  if (!from_stdin) fclose(f);
  if (read_error) {
    cli_read_error(cmd, cli_display_name(path), EIO);
    return CLI_USAGE;
  }
  if (rc != GK_OK) {
    cli_error(cmd, "%s: %s", cli_display_name(path), gk_strerror(rc));
    return CLI_USAGE;
  }
  return CLI_OK;
}

int cli_cmd_aggregate(int argc, char **argv) {
  static const char *const formats[] = {"json", "csv", NULL};
  cli_inputs in;
  int status = cli_inputs_parse(&in, argc, argv, formats, CLI_IN_NAME | CLI_IN_RULES,
                                "missing FILE... (or '-' for JSON Lines on standard input)");
  const char *cmd = argv[0];
  gk_aggregate *agg = NULL;
  gk_diags *d = NULL;
  if (status == CLI_OK && (gk_aggregate_new(&agg, 0) != GK_OK || gk_diags_new(&d) != GK_OK)) {
    cli_error(cmd, "%s", gk_strerror(GK_ENOMEM));
    status = CLI_USAGE;
  }
  for (int k = 0; status == CLI_OK && k < in.nfiles; k++) {
    const char *path = in.files[k];
    if (strcmp(path, "-") == 0 || ends_with(path, ".jsonl")) {
      status = add_jsonl(agg, cmd, path, d);
      continue;
    }
    gk_report *r = NULL;
    status = cli_load(&r, cmd, path, in.from, NULL);
    if (status != CLI_OK) break;
    if (!gk_report_source(r)) gk_report_set_source(r, path, strlen(path));
    int rc = gk_aggregate_add(agg, r, d);
    gk_report_free(r);
    if (rc != GK_OK) {
      cli_error(cmd, "%s: cannot add: %s", path, gk_strerror(rc));
      status = CLI_USAGE;
    }
  }
  gk_report *total = NULL;
  if (status == CLI_OK) {
    int rc = gk_aggregate_check(agg, d);
    if (rc == GK_OK) rc = gk_aggregate_result(&total, agg, in.name);
    if (rc == GK_OK) rc = gk_diags_apply_opts(d, 0, in.check.opts); /* --rules, --waive */
    if (rc != GK_OK) {
      cli_print_findings(stderr, d, 0, gk_diags_count(d), in.check.lang);
      if (rc == GK_ENOTFOUND) cli_error(cmd, "no report to consolidate");
      else cli_error(cmd, "cannot consolidate: %s", gk_strerror(rc));
      status = CLI_USAGE;
    }
  }
  if (status == CLI_OK) {
    char *out = NULL;
    size_t len = 0;
    int rc = in.format == 1 ? gk_report_to_csv(&out, &len, total, 0)
                            : gk_report_to_json(&out, &len, total, GK_JSON_PRETTY);
    status = cli_emit(cmd, rc, out, len);
    cli_print_findings(stderr, d, 0, gk_diags_count(d), in.check.lang);
    if (status == CLI_OK) status = cli_finish_output(cmd);
  }
  size_t failures = status == CLI_OK ? cli_check_failures(&in.check, d, 0) : 0;
  gk_report_free(total);
  gk_diags_free(d);
  gk_aggregate_free(agg);
  cli_inputs_free(&in);
  if (status != CLI_OK) return status;
  return failures ? CLI_FINDINGS : CLI_OK;
}
