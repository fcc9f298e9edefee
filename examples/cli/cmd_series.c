/* SPDX-License-Identifier: MIT */
/* gkreport series: one agency over several years (cross-year rules and trends). */
#include "cli.h"

#include <stdlib.h>
#include <string.h>

const char cli_series_usage[] =
    "Usage: gkreport series [--format text|json|csv|html|xlsx] [--lang zh|en] [--strict]\n"
    "                       [--min-severity S] [--rules LIST]\n"
    "                       [--waive RULE[:CELL]=REASON]... [--from F]\n"
    "                       [--by-agency] FILE...|DIR...\n"
    "                       [--agency NAME] [--level L] [--kind K] [--region R]\n"
    "\n"
    "Read the reports of one agency (any years, either edition), check the\n"
    "cross-year rules (series.*: carry-over, stock of rules in force, gaps, one\n"
    "agency, copied prose) and print the findings and the trend table: each cell's\n"
    "value per year and its change over the last year, then the indicators.\n"
    "Each year's own findings are shown with the cross-year ones. Folders are\n"
    "searched recursively for reports.\n"
    "\n"
    "  --format F   text (default: findings, then the table of non-blank cells),\n"
    "               json ({\"findings\": [...], \"trend\": {...}}) or csv (the trend\n"
    "               table in long form on stdout, findings on stderr), html (a\n"
    "               self-contained page: SVG line charts of the main totals and the\n"
    "               indicators, the edition change marked, and the findings) or\n"
    "               xlsx (a workbook with native line charts; needs -o or a pipe;\n"
    "               html and xlsx take one agency's series, not --by-agency)\n"
    "  --lang L     messages and names in Chinese (zh, default) or English (en)\n"
    "  --by-agency  find each agency's reports among the files (by its region and\n"
    "               kind when the gazetteer places it, else by its name) and run\n"
    "               one series per agency; the trend CSV gains an agency column\n"
    "  --agency, --level, --kind, --region: agency metadata over what the\n"
    "               reports say (as for summary)\n"
    "  --strict, --min-severity, --rules, --waive, --from: as for validate\n"
    "\n"
    "Exit status: 0 no errors, 1 an error (with --strict, or a warning), 2 an\n"
    "input could not be read or parsed.\n";

enum { FORMAT_TEXT = 0, FORMAT_JSON = 1, FORMAT_CSV = 2, FORMAT_HTML = 3, FORMAT_XLSX = 4 };

typedef struct {
  const gk_series *s;
  const gk_diags *d;
  int lang;
} xlsx_job;

static int write_xlsx(const char *path, void *ctx) {
  const xlsx_job *j = ctx;
  return gk_series_to_xlsx(path, j->s, j->d, j->lang);
}
#define VALUE_CAP 64

/* Value kind of column col of table t in r's edition (GK_KIND_*). */
static gk_kind entry_kind(const gk_report *r, int t, size_t col) {
  int kind = gk_schema_col_kind(gk_report_edition(r), t, col);
  return kind < 0 ? GK_KIND_COUNT : (gk_kind)kind;
}

/* Text of entry i in report j: value, "·" blank, literal, "n/a" absent. */
static void trend_text(char *buf, size_t cap, const gk_series *s, size_t i, size_t j) {
  int st = GK_CELL_BLANK;
  int64_t v = 0;
  if (gk_series_trend_value(&st, &v, s, i, j) != GK_OK) {
    snprintf(buf, cap, "n/a");
    return;
  }
  const gk_report *r = gk_series_report(s, j);
  int t = 0;
  size_t row = 0, col = 0;
  int located = gk_report_path_find(&t, &row, &col, r, gk_series_trend_path(s, i),
                                    GK_NUL_TERMINATED) == GK_OK;
  if (st == GK_CELL_BLANK) {
    snprintf(buf, cap, "·");
  } else if (st == GK_CELL_LITERAL) {
    const char *lit = located ? gk_report_literal(r, t, row, col) : NULL;
    snprintf(buf, cap, "%s", lit ? lit : "?");
  } else {
    gk_value_format(buf, cap, located ? entry_kind(r, t, col) : GK_KIND_COUNT, GK_UNIT_DEFAULT, v);
  }
}

/* 1 when entry i has a non-zero value or a literal in some report (the text
 * table leaves out the cells that are zero or blank every year). */
static int trend_filled(const gk_series *s, size_t i) {
  for (size_t j = 0; j < gk_series_count(s); j++) {
    int st = GK_CELL_BLANK;
    int64_t v = 0;
    if (gk_series_trend_value(&st, &v, s, i, j) != GK_OK) continue;
    if (st == GK_CELL_LITERAL || (st == GK_CELL_VALUE && v != 0)) return 1;
  }
  return 0;
}

/* Change over the last step of entry i: "+2" and "40.00%", or "" when absent. */
static void last_change(char *chg, char *pct, size_t cap, const gk_series *s, size_t i) {
  size_t n = gk_series_count(s);
  int64_t d = 0;
  chg[0] = pct[0] = '\0';
  if (n < 2 || gk_series_trend_change(&d, pct, cap, s, i, n - 1) != GK_OK) return;
  const gk_report *r = gk_series_report(s, n - 1);
  int t = 0;
  size_t row = 0, col = 0;
  char num[VALUE_CAP / 2];
  int located = gk_report_path_find(&t, &row, &col, r, gk_series_trend_path(s, i),
                                    GK_NUL_TERMINATED) == GK_OK;
  gk_value_format(num, sizeof num, located ? entry_kind(r, t, col) : GK_KIND_COUNT,
                  GK_UNIT_DEFAULT, d);
  snprintf(chg, cap, "%s%s", d > 0 ? "+" : "", num);
  if (pct[0]) {
    size_t k = strlen(pct);
    if (k + 1 < cap) {
      pct[k] = '%';
      pct[k + 1] = '\0';
    }
  }
}

static void print_trend_text(const gk_series *s, int lang) {
  size_t n = gk_series_count(s), ne = gk_series_trend_count(s);
  char buf[VALUE_CAP], chg[VALUE_CAP], pct[VALUE_CAP];
  size_t path_w = 4, val_w = 4, chg_w = 6, pct_w = 1;
  int noncomparable = 0;
  size_t omitted = 0;
  for (size_t i = 0; i < ne; i++) {
    if (!trend_filled(s, i)) {
      omitted++;
      continue;
    }
    size_t w = strlen(gk_series_trend_path(s, i)) + 2;
    if (w > path_w) path_w = w;
    for (size_t j = 0; j < n; j++) {
      trend_text(buf, sizeof buf, s, i, j);
      if (cli_display_width(buf) > val_w) val_w = cli_display_width(buf);
    }
    last_change(chg, pct, sizeof chg, s, i);
    if (strlen(chg) > chg_w) chg_w = strlen(chg);
    if (strlen(pct) > pct_w) pct_w = strlen(pct);
  }
  printf("\n");
  cli_print_padded(stdout, lang == GK_LANG_ZH ? "单元格" : "cell", path_w, 0);
  for (size_t j = 0; j < n; j++) {
    snprintf(buf, sizeof buf, "%d", gk_report_year(gk_series_report(s, j)));
    fputs("  ", stdout);
    cli_print_padded(stdout, buf, val_w, 1);
  }
  if (n > 1) {
    fputs("  ", stdout);
    cli_print_padded(stdout, lang == GK_LANG_ZH ? "增减" : "change", chg_w, 1);
    fputs("  ", stdout);
    cli_print_padded(stdout, "%", pct_w, 1);
  }
  fputc('\n', stdout);
  for (size_t i = 0; i < ne; i++) {
    if (!trend_filled(s, i)) continue;
    int comparable = gk_series_trend_comparable(s, i) == 1;
    if (!comparable) noncomparable = 1;
    snprintf(buf, sizeof buf, "%s%s", gk_series_trend_path(s, i), comparable ? "" : " *");
    cli_print_padded(stdout, buf, path_w, 0);
    for (size_t j = 0; j < n; j++) {
      trend_text(buf, sizeof buf, s, i, j);
      fputs("  ", stdout);
      cli_print_padded(stdout, buf, val_w, 1);
    }
    if (n > 1) {
      last_change(chg, pct, sizeof chg, s, i);
      fputs("  ", stdout);
      cli_print_padded(stdout, chg, chg_w, 1);
      fputs("  ", stdout);
      cli_print_padded(stdout, pct, pct_w, 1);
    }
    fputc('\n', stdout);
  }
  if (noncomparable)
    printf("%s\n", lang == GK_LANG_ZH ? "* 跨格式版本不可比" : "* not comparable across the editions");
  if (omitted)
    printf(lang == GK_LANG_ZH ? "（另有 %zu 个单元格各年均为 0 或空白，未列出；完整表格见 --format csv）\n"
                              : "(%zu more cells are 0 or blank every year; --format csv lists all)\n",
           omitted);
  /* indicators per year */
  size_t name_w = 4;
  for (size_t k = 0; k < gk_indicator_count(); k++)
    if (cli_display_width(gk_indicator_name(k, lang)) > name_w)
      name_w = cli_display_width(gk_indicator_name(k, lang));
  printf("\n");
  cli_print_padded(stdout, lang == GK_LANG_ZH ? "指标" : "indicator", name_w, 0);
  for (size_t j = 0; j < n; j++) {
    snprintf(buf, sizeof buf, "%d", gk_report_year(gk_series_report(s, j)));
    fputs("  ", stdout);
    cli_print_padded(stdout, buf, 8, 1);
  }
  fputc('\n', stdout);
  for (size_t k = 0; k < gk_indicator_count(); k++) {
    cli_print_padded(stdout, gk_indicator_name(k, lang), name_w, 0);
    for (size_t j = 0; j < n; j++) {
      int64_t num = 0, den = 0;
      if (gk_report_indicator(&num, &den, gk_series_report(s, j), k) != GK_OK ||
          gk_indicator_format(buf, sizeof buf - 8, num, den) < 0)
        snprintf(buf, sizeof buf, "–");
      else {
        size_t used = strlen(buf);
        snprintf(buf + used, sizeof buf - used, "%s", gk_indicator_unit(k) ? gk_indicator_unit(k) : "");
      }
      fputs("  ", stdout);
      cli_print_padded(stdout, buf, 8, 1);
    }
    fputc('\n', stdout);
  }
  /* indicators computed around a wrong printed total: the rate from the parts */
  for (size_t j = 0; j < n; j++)
    for (size_t k = 0; k < gk_indicator_count(); k++) {
      int64_t num = 0, den = 0;
      size_t fixed = 0;
      char rate[48];
      const gk_report *r = gk_series_report(s, j);
      if (gk_report_indicator_from_parts(&num, &den, &fixed, r, k) != GK_OK || !fixed ||
          gk_indicator_format(rate, sizeof rate, num, den) < 0)
        continue;
      printf(lang == GK_LANG_ZH
                 ? "注：%d年%s所用的印出总计与其分项之和不符；按分项计算为 %s%%（%lld/%lld）\n"
                 : "note: %d %s uses a printed total that contradicts its parts; from the parts "
                   "it is %s%% (%lld/%lld)\n",
             gk_report_year(r), gk_indicator_name(k, lang), rate, (long long)num, (long long)den);
    }
}

/* 1 when no report of the series holds a table cell. */
static int no_tables(const gk_series *s) {
  for (size_t j = 0; j < gk_series_count(s); j++)
    for (int t = 0; t < GK_NTABLES; t++)
      if (gk_report_count_filled(gk_series_report(s, j), t)) return 0;
  return 1;
}

static void cli_csv_field(FILE *f, const char *s) {
  if (!strpbrk(s, ",\"\r\n")) {
    fputs(s, f);
    return;
  }
  fputc('"', f);
  for (; *s; s++) {
    if (*s == '"') fputc('"', f);
    fputc(*s, f);
  }
  fputc('"', f);
}

/* The trend CSV with an agency column in front (--by-agency). */
static int emit_csv_with_agency(const char *cmd, const char *agency, int header, char *buf,
                                size_t len) {
  size_t line = 0;
  for (size_t i = 0; i < len;) {
    const char *nl = memchr(buf + i, '\n', len - i);
    size_t end = nl ? (size_t)(nl - buf) + 1 : len;
    if (line > 0 || header) {
      if (line == 0) fputs("agency,", stdout);
      else cli_csv_field(stdout, agency), fputc(',', stdout);
      fwrite(buf + i, 1, end - i, stdout);
    }
    line++;
    i = end;
  }
  gk_free(buf);
  return cli_finish_output(cmd);
}

/* One series: its reports' own findings, the cross-year ones, the trend. */
static int run_series(const cli_inputs *in, const char *cmd, gk_report **reports, size_t n,
                      const char *agency, int first, size_t *failures) {
  gk_series *s = NULL;
  gk_diags *d = NULL;
  int status = CLI_OK, rc = GK_OK;
  if (gk_series_new(&s) != GK_OK || gk_diags_new(&d) != GK_OK) rc = GK_ENOMEM;
  for (size_t k = 0; rc == GK_OK && k < n; k++) {
    rc = gk_report_validate(reports[k], in->check.opts, d); /* each year's own findings */
    if (rc == GK_OK) rc = gk_series_add(s, reports[k]);
  }
  if (rc == GK_OK) rc = gk_series_validate(s, in->check.opts, d);
  if (rc != GK_OK) {
    cli_error(cmd, "cannot check the series: %s", gk_strerror(rc));
    status = CLI_USAGE;
  }
  if (status == CLI_OK) {
    char *buf = NULL;
    size_t len = 0;
    int lang = in->check.lang;
    if (in->format == FORMAT_JSON) {
      fputs(first ? "" : ",\n", stdout);
      if (agency) fputs("{\"agency\": ", stdout), cli_json_string(stdout, agency), fputs(", ", stdout);
      fputs(agency ? "\"findings\": " : "{\"findings\": ", stdout);
      rc = gk_diags_to_json(&buf, &len, d, 0);
      status = cli_emit(cmd, rc, buf, len);
      if (status == CLI_OK) {
        fputs(", \"trend\": ", stdout);
        rc = gk_series_trend_to_json(&buf, &len, s);
        status = cli_emit(cmd, rc, buf, len);
      }
      if (status == CLI_OK) fputs("}", stdout);
      if (status == CLI_OK && !agency) fputs("\n", stdout);
    } else if (in->format == FORMAT_HTML) {
      rc = gk_series_to_html(&buf, &len, s, d, lang);
      status = cli_emit(cmd, rc, buf, len);
    } else if (in->format == FORMAT_XLSX) {
      xlsx_job job = {s, d, lang};
      status = cli_emit_binary(cmd, write_xlsx, &job);
    } else if (in->format == FORMAT_CSV) {
      cli_print_findings(stderr, d, 0, gk_diags_count(d), lang);
      rc = gk_series_trend_to_csv(&buf, &len, s);
      if (rc != GK_OK) status = cli_emit(cmd, rc, buf, len);
      else if (agency) status = emit_csv_with_agency(cmd, agency, first, buf, len);
      else status = cli_emit(cmd, rc, buf, len);
    } else {
      if (agency) printf("%s== %s ==\n", first ? "" : "\n", agency);
      cli_print_findings(stdout, d, 0, gk_diags_count(d), lang);
      cli_print_summary(stdout, d, gk_series_count(s), 0, lang);
      if (no_tables(s))
        printf(lang == GK_LANG_ZH ? "\n这些报告没有表格数据（缺表、空表或2019年以前的格式），无法列出趋势。\n"
                                  : "\nThe reports hold no table data (tables missing, blank, or a "
                                    "pre-2019 format): there is no trend to show.\n");
      else
        print_trend_text(s, lang);
    }
    if (status == CLI_OK) status = cli_finish_output(cmd);
  }
  if (status == CLI_OK) *failures += cli_check_failures(&in->check, d, 0);
  gk_diags_free(d);
  gk_series_free(s);
  return status;
}

/* An agency's key in a folder of reports: its region and kind when the
 * gazetteer placed it (洪泽区人民政府 and 淮安市洪泽区人民政府 are one agency),
 * else its name. */
static void agency_key(char *buf, size_t cap, const gk_report *r) {
  const char *region = gk_report_agency(r, GK_AGENCY_REGION);
  const char *name = gk_report_agency(r, GK_AGENCY_NAME);
  if (region && region[0])
    snprintf(buf, cap, "%s|%d", region, gk_report_agency_kind(r));
  else
    snprintf(buf, cap, "|%s", name ? name : "");
}

/* Remove the flag `name` from argv (cli_inputs_parse does not know it); 1 if seen. */
static int take_flag(int *argc, char **argv, const char *name) {
  int seen = 0, k = 1;
  for (int i = 1; i < *argc; i++) {
    if (strcmp(argv[i], "--") == 0) {
      while (i < *argc) argv[k++] = argv[i++];
      break;
    }
    if (strcmp(argv[i], name) == 0) seen = 1;
    else argv[k++] = argv[i];
  }
  *argc = k;
  return seen;
}

int cli_cmd_series(int argc, char **argv) {
  static const char *const formats[] = {"text", "json", "csv", "html", "xlsx", NULL};
  int by_agency = take_flag(&argc, argv, "--by-agency");
  cli_inputs in;
  int status = cli_inputs_parse(&in, argc, argv, formats, CLI_IN_RULES,
                                "missing FILE... (the reports of one agency)");
  const char *cmd = argv[0];
  if (status == CLI_OK && by_agency && (in.format == FORMAT_HTML || in.format == FORMAT_XLSX))
    status = cli_usage_error(cmd, "--format html|xlsx shows one agency's series: not with --by-agency");
  cli_files fl = {NULL, 0, 0};
  if (status == CLI_OK) status = cli_files_expand(&fl, cmd, in.files, in.nfiles);
  gk_report **reports = status == CLI_OK ? calloc(fl.n + 1, sizeof *reports) : NULL;
  char (*keys)[512] = status == CLI_OK ? calloc(fl.n + 1, sizeof *keys) : NULL;
  if (status == CLI_OK && (!reports || !keys)) status = CLI_USAGE;
  size_t n = 0, failures = 0;
  for (; status == CLI_OK && n < fl.n; n++) {
    status = cli_load(&reports[n], cmd, fl.paths[n], in.from, NULL);
    if (status == CLI_OK) status = cli_meta_apply(&in.meta, reports[n], cmd);
    if (status != CLI_OK) break;
    agency_key(keys[n], sizeof keys[n], reports[n]);
  }
  if (status == CLI_OK && !by_agency)
    status = run_series(&in, cmd, reports, n, NULL, 1, &failures);
  if (status == CLI_OK && by_agency && in.format == FORMAT_JSON) fputs("[", stdout);
  int first = 1;
  for (size_t i = 0; status == CLI_OK && by_agency && i < n; i++) {
    if (!keys[i][0]) continue; /* already in an earlier agency's series */
    gk_report **group = calloc(n, sizeof *group);
    size_t m = 0;
    if (!group) status = CLI_USAGE;
    for (size_t j = i; group && j < n; j++)
      if (keys[j][0] && strcmp(keys[j], keys[i]) == 0) group[m++] = reports[j];
    for (size_t j = n; group && j-- > i;)
      if (j != i && strcmp(keys[j], keys[i]) == 0) keys[j][0] = '\0';
    const char *name = gk_report_agency(group ? group[m - 1] : reports[i], GK_AGENCY_NAME);
    if (group) status = run_series(&in, cmd, group, m, name ? name : "?", first, &failures);
    keys[i][0] = '\0';
    first = 0;
    free(group);
  }
  if (status == CLI_OK && by_agency && in.format == FORMAT_JSON) fputs("]\n", stdout);
  if (status == CLI_OK) status = cli_finish_output(cmd);
  for (size_t k = 0; reports && k < n; k++) gk_report_free(reports[k]);
  free(reports);
  free(keys);
  cli_files_free(&fl);
  cli_inputs_free(&in);
  if (status != CLI_OK) return status;
  return failures ? CLI_FINDINGS : CLI_OK;
}
