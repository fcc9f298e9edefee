/* SPDX-License-Identifier: MIT */
/* gkreport aggregate: consolidate many agencies' reports into one. */
#include "cli.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

const char cli_aggregate_usage[] =
    "Usage: gkreport aggregate [--name NAME] [--format json|csv] [--lang zh|en]\n"
    "                          [--strict] [--min-severity S] [--rules LIST]\n"
    "                          [--waive R[:C]=WHY] [--from F] [--multi-year]\n"
    "                          [--include-incomplete] [--repair] [--max-findings N]\n"
    "                          [--agency NAME] [--level L] [--kind K] [--region R]\n"
    "                          FILE...|-\n"
    "\n"
    "Sum the reports cell by cell into one consolidated report (blank + value =\n"
    "value, amounts exact) and write it to standard output. Reports of both\n"
    "editions give the common view. Files ending in .jsonl, and standard input\n"
    "('-'), are read as JSON Lines (one report per line) in bounded memory; a bad\n"
    "line is reported with its line number and skipped. Findings about the\n"
    "consolidation (aggregate.*, jsonl.line) go to standard error: the same agency\n"
    "and year twice (skipped), different years, a government's whole-region report\n"
    "with reports from inside its region, incomplete copies (left out), each\n"
    "report's own table errors. A report that cannot be read or would overflow a\n"
    "sum is skipped with its finding, in files and JSON Lines alike. --rules,\n"
    "--min-severity and --waive apply to these findings, in the --lang language.\n"
    "\n"
    "  --name NAME  agency name of the consolidated report\n"
    "  --format F   json (pretty, default) or csv\n"
    "  --lang L     messages in Chinese (zh, default) or English (en)\n"
    "  --strict     warnings also make the exit status 1\n"
    "  --min-severity S, --rules LIST, --waive R[:C]=WHY: as for validate\n"
    "  --from F     format of the files that are not JSON Lines: auto, json, text,\n"
    "               html, docx\n"
    "  --multi-year          reports of different years are meant to be summed\n"
    "  --include-incomplete  sum incomplete copies too (still listed)\n"
    "  --repair     apply each report's single-cell repair (the suspect of a failed\n"
    "               identity) before summing; every repair is listed\n"
    "  --max-findings N      list at most N findings per rule (default 100, 0 all);\n"
    "                        the number of the others is given\n"
    "  --agency NAME, --level L, --kind K, --region R: agency metadata set on each\n"
    "               report file read, over what it says (a new name brings its level,\n"
    "               kind and region), as for validate; not for JSON Lines\n"
    "\n"
    "Exit status: 0 no errors, 1 an error (a skipped report or line, a duplicate,\n"
    "different years, a report's own table error; with --strict, or a warning),\n"
    "2 bad usage, an unreadable JSON Lines input or nothing to consolidate.\n";

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

/* Take this command's own options out of argv (before "--"): the flags of the
 * aggregate and the finding cap. CLI_OK or CLI_USAGE (error printed). */
static int own_options(int *argc, char **argv, uint32_t *flags, uint64_t *cap) {
  int k = 1;
  for (int i = 1; i < *argc; i++) {
    const char *s = argv[i];
    if (strcmp(s, "--") == 0) {
      while (i < *argc) argv[k++] = argv[i++];
      break;
    }
    if (strcmp(s, "--multi-year") == 0) *flags |= GK_AGGREGATE_MULTI_YEAR;
    else if (strcmp(s, "--include-incomplete") == 0) *flags |= GK_AGGREGATE_INCLUDE_INCOMPLETE;
    else if (strcmp(s, "--repair") == 0) *flags |= GK_AGGREGATE_REPAIR;
    else if (strcmp(s, "--max-findings") == 0) {
      char *end = NULL;
      errno = 0;
      unsigned long long v = i + 1 < *argc ? strtoull(argv[i + 1], &end, 10) : 0;
      if (i + 1 >= *argc || !end || *end || end == argv[i + 1] || errno || argv[i + 1][0] == '-') {
        cli_error(argv[0], "--max-findings needs a number");
        return CLI_USAGE;
      }
      *cap = (uint64_t)v;
      i++;
    } else argv[k++] = argv[i];
  }
  *argc = k;
  return CLI_OK;
}

/* Add one report file, with the --agency/--level/--kind/--region given; a file
 * that cannot be read as a report is counted in *unreadable and skipped. */
static int add_file(gk_aggregate *agg, const cli_inputs *in, const char *cmd, const char *path,
                    gk_diags *d, size_t *unreadable) {
  FILE *probe = fopen(path, "rb");
  if (!probe) { /* an unreadable input is a usage error, as for JSON Lines */
    cli_read_error(cmd, path, errno);
    return CLI_USAGE;
  }
  fclose(probe);
  gk_report *r = NULL;
  if (cli_load(&r, cmd, path, in->from, NULL) != CLI_OK) { /* its errors printed: skipped */
    (*unreadable)++;
    return CLI_OK;
  }
  if (cli_meta_apply(&in->meta, r, cmd) != CLI_OK) { /* as validate: skipped */
    gk_report_free(r);
    (*unreadable)++;
    return CLI_OK;
  }
  int rc = gk_aggregate_add(agg, r, d);
  gk_report_free(r);
  if (rc != GK_OK && rc != GK_EOVERFLOW) { /* an overflow is skipped with its finding */
    cli_error(cmd, "%s: cannot add: %s", path, gk_strerror(rc));
    return CLI_USAGE;
  }
  return CLI_OK;
}

int cli_cmd_aggregate(int argc, char **argv) {
  static const char *const formats[] = {"json", "csv", NULL};
  uint32_t flags = GK_AGGREGATE_CHECK_CONTRIBUTORS;
  uint64_t cap = 100;
  int own = own_options(&argc, argv, &flags, &cap);
  cli_inputs in;
  int status = cli_inputs_parse(&in, argc, argv, formats, CLI_IN_NAME | CLI_IN_RULES,
                                "missing FILE... (or '-' for JSON Lines on standard input)");
  if (own != CLI_OK) status = own;
  const char *cmd = argv[0];
  gk_aggregate *agg = NULL;
  gk_diags *d = NULL;
  int meta = in.meta.agency || in.meta.region || in.meta.level > 0 || in.meta.kind > 0;
  for (int k = 0; status == CLI_OK && k < in.nfiles; k++) /* streams: no per-report list */
    if (strcmp(in.files[k], "-") == 0 || ends_with(in.files[k], ".jsonl")) {
      flags |= GK_AGGREGATE_NO_CONTRIBUTORS;
      if (meta) status = cli_usage_error(cmd, "--agency, --level, --kind and --region apply to "
                                              "report files, not to JSON Lines (%s)", in.files[k]);
    }
  if (status == CLI_OK && (gk_aggregate_new(&agg, flags) != GK_OK || gk_diags_new(&d) != GK_OK ||
                           gk_aggregate_set_finding_cap(agg, cap) != GK_OK)) {
    cli_error(cmd, "%s", gk_strerror(GK_ENOMEM));
    status = CLI_USAGE;
  }
  size_t unreadable = 0;
  for (int k = 0; status == CLI_OK && k < in.nfiles; k++) {
    const char *path = in.files[k];
    if (strcmp(path, "-") == 0 || ends_with(path, ".jsonl")) {
      status = add_jsonl(agg, cmd, path, d);
      continue;
    }
    status = add_file(agg, &in, cmd, path, d, &unreadable);
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
  size_t failures = status == CLI_OK ? cli_check_failures(&in.check, d, 0) + unreadable : 0;
  gk_report_free(total);
  gk_diags_free(d);
  gk_aggregate_free(agg);
  cli_inputs_free(&in);
  if (status != CLI_OK) return status;
  return failures ? CLI_FINDINGS : CLI_OK;
}
