/* SPDX-License-Identifier: MIT */
/* gkreport summary: one row per report (gkreport/summary.h). */
#include "cli.h"

#include <string.h>

const char cli_summary_usage[] =
    "Usage: gkreport summary [--format csv|json|html|xlsx] [--sort COLUMN]\n"
    "                        [--ascending] [--lang zh|en] [--from F]\n"
    "                        [--agency NAME] [--level L] [--kind K]\n"
    "                        [--region R] FILE...|DIR...\n"
    "\n"
    "Read every report (folders are searched recursively for .txt, .json, .md,\n"
    "and .html files) and write one row per report: file, agency, level, kind,\n"
    "region, year, edition, completeness (complete, truncated, tables_missing,\n"
    "blank_tables, pre_format), errors, warnings, the main totals and every\n"
    "indicator as its own column named by its id (rate.disclosed ...).\n"
    "\n"
    "  --format F    csv (default), json, html (a self-contained page: a bar chart\n"
    "                ranking the reports by the --sort indicator, else by\n"
    "                rate.disclosed, and the table) or xlsx (a workbook: one row per\n"
    "                report, frozen header, filters; needs -o or a pipe)\n"
    "  --sort COL    rank the rows by a numeric column or indicator, highest first\n"
    "  --ascending   with --sort: lowest first\n"
    "  --lang L      headings of html and xlsx in Chinese (zh, default) or English (en)\n"
    "  --from F      format of the files: auto (default), json, text\n"
    "  --agency NAME, --level L, --kind K, --region R\n"
    "                agency metadata over what the reports say (a new name\n"
    "                brings the level, kind and region it says)\n"
    "\n"
    "Exit status: 0 every file read, 1 a file could not be read (it is left out\n"
    "and named on standard error), 2 bad usage or no report at all.\n";

enum { FORMAT_CSV = 0, FORMAT_JSON = 1, FORMAT_HTML = 2, FORMAT_XLSX = 3 };

typedef struct {
  int format, from, ascending, lang;
  const char *sort;
  cli_meta meta;
} summary_opts;

static int parse(summary_opts *o, cli_args *a, char **files, int *nfiles) {
  static const char *const formats[] = {"csv", "json", "html", "xlsx", NULL};
  while (cli_more(a)) {
    int got;
    if ((got = cli_choice(&o->format, a, "--format", formats)) != 0) {
      if (got < 0) return CLI_USAGE;
    } else if ((got = cli_choice(&o->lang, a, "--lang", cli_langs)) != 0) {
      if (got < 0) return CLI_USAGE;
    } else if ((got = cli_choice(&o->from, a, "--from", cli_froms)) != 0) {
      if (got < 0) return CLI_USAGE;
    } else if ((got = cli_value(a, "--sort", &o->sort)) != 0) {
      if (got < 0) return CLI_USAGE;
    } else if ((got = cli_meta_option(&o->meta, a)) != 0) {
      if (got < 0) return CLI_USAGE;
    } else if (cli_flag(a, "--ascending")) {
      o->ascending = 1;
    } else {
      const char *f = cli_operand(a);
      if (!f) return cli_unknown(a);
      files[(*nfiles)++] = (char *)f;
    }
  }
  if (!*nfiles) return cli_usage_error(a->cmd, "missing FILE... or DIR");
  return CLI_OK;
}

/* Add every file; a file that cannot be read is named on stderr and left out. */
static int add_files(gk_summary *s, const char *cmd, const cli_files *fl, int from,
                     const cli_meta *meta, size_t *bad) {
  for (size_t i = 0; i < fl->n; i++) {
    gk_report *r = NULL;
    gk_diags *notes = NULL;
    if (gk_diags_new(&notes) != GK_OK) return CLI_USAGE;
    if (cli_load(&r, cmd, fl->paths[i], from, notes) != CLI_OK ||
        cli_meta_apply(meta, r, cmd) != CLI_OK) {
      gk_report_free(r);
      (*bad)++;
      gk_diags_free(notes);
      continue;
    }
    int rc = gk_summary_add(s, r, cli_display_name(fl->paths[i]), notes);
    gk_report_free(r);
    gk_diags_free(notes);
    if (rc != GK_OK) {
      cli_error(cmd, "%s: %s", fl->paths[i], gk_strerror(rc));
      return CLI_USAGE;
    }
  }
  return CLI_OK;
}

typedef struct {
  const gk_summary *s;
  int lang;
} xlsx_job;

static int write_xlsx(const char *path, void *ctx) {
  const xlsx_job *j = ctx;
  return gk_summary_to_xlsx(path, j->s, j->lang);
}

/* The ranking of the page: the --sort column when it is an indicator, else
 * rate.disclosed. */
static const char *rank_by(const summary_opts *o) {
  size_t col;
  if (o->sort && gk_summary_col_find(&col, o->sort) == GK_OK &&
      gk_summary_col_kind(col) == GK_SUMMARY_PERCENT)
    return o->sort;
  return "rate.disclosed";
}

static int emit(const char *cmd, const gk_summary *s, const summary_opts *o) {
  if (o->format == FORMAT_XLSX) {
    xlsx_job job = {s, o->lang};
    return cli_emit_binary(cmd, write_xlsx, &job);
  }
  char *out = NULL;
  size_t len = 0;
  int rc = o->format == FORMAT_JSON ? gk_summary_to_json(&out, &len, s)
           : o->format == FORMAT_HTML ? gk_summary_to_html(&out, &len, s, rank_by(o), o->lang)
                                      : gk_summary_to_csv(&out, &len, s);
  int status = cli_emit(cmd, rc, out, len);
  return status == CLI_OK ? cli_finish_output(cmd) : status;
}

int cli_cmd_summary(int argc, char **argv) {
  cli_args a;
  cli_args_init(&a, argc, argv);
  summary_opts o = {FORMAT_CSV, CLI_FROM_AUTO, 0, GK_LANG_ZH, NULL, {NULL, NULL, 0, 0}};
  int nfiles = 0;
  int status = parse(&o, &a, argv + 1, &nfiles);
  if (status != CLI_OK) return status;
  size_t col;
  if (o.sort && (gk_summary_col_find(&col, o.sort) != GK_OK ||
                 gk_summary_col_kind(col) == GK_SUMMARY_TEXT))
    return cli_usage_error(argv[0], "cannot sort by '%s' (a numeric column or an indicator id)",
                           o.sort);
  cli_files fl;
  status = cli_files_expand(&fl, argv[0], argv + 1, nfiles);
  if (status != CLI_OK) return status;
  gk_summary *s = NULL;
  size_t bad = 0;
  if (gk_summary_new(&s) != GK_OK) status = CLI_USAGE;
  if (status == CLI_OK) status = add_files(s, argv[0], &fl, o.from, &o.meta, &bad);
  if (status == CLI_OK && gk_summary_row_count(s) == 0) {
    cli_error(argv[0], "no report to summarise");
    status = CLI_USAGE;
  }
  if (status == CLI_OK && o.sort) gk_summary_sort(s, o.sort, !o.ascending);
  if (status == CLI_OK) status = emit(argv[0], s, &o);
  gk_summary_free(s);
  cli_files_free(&fl);
  if (status != CLI_OK) return status;
  return bad ? CLI_FINDINGS : CLI_OK;
}
