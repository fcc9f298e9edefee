/* SPDX-License-Identifier: MIT */
/* gkreport indicators: each indicator of a report with its numerator and
 * denominator (gkreport/indicator.h). */
#include "cli.h"

#include <string.h>

const char cli_indicators_usage[] =
    "Usage: gkreport indicators [--format text|csv] [--lang zh|en] [--from F] FILE...\n"
    "\n"
    "For each report, every indicator of the format (format.md §10): its id, name,\n"
    "value in percent, numerator, denominator and formula. An indicator without a\n"
    "value (a blank input cell, a zero denominator) shows '–'.\n"
    "\n"
    "  --format F  text (default) or csv (file,id,value,numerator,denominator)\n"
    "  --lang L    names in Chinese (zh, default) or English (en)\n"
    "  --from F    format of the files: auto (default), json, text\n"
    "\n"
    "Exit status: 0 success, 2 bad usage or an unreadable file.\n";

/* When a printed total the indicator reads contradicts its parts, say so and
 * give the rate the parts give. */
static void print_from_parts(const gk_report *r, size_t i, int lang) {
  int64_t num = 0, den = 0;
  size_t fixed = 0;
  char pct[48];
  if (gk_report_indicator_from_parts(&num, &den, &fixed, r, i) != GK_OK || !fixed ||
      gk_indicator_format(pct, sizeof pct, num, den) < 0)
    return;
  printf(lang == GK_LANG_ZH ? "  %-32s 注：所用的印出总计与其分项之和不符；按分项计算为 %s%% = %lld / %lld\n"
                            : "  %-32s note: a printed total it uses contradicts its parts; from the "
                              "parts it is %s%% = %lld / %lld\n",
         "", pct, (long long)num, (long long)den);
}

static void print_one(const char *file, const gk_report *r, int csv, int lang) {
  if (!csv) printf("%s\n", file);
  for (size_t i = 0; i < gk_indicator_count(); i++) {
    int64_t num = 0, den = 0;
    char pct[48] = "";
    int ok = gk_report_indicator(&num, &den, r, i) == GK_OK &&
             gk_indicator_format(pct, sizeof pct, num, den) >= 0;
    if (csv) {
      if (ok)
        printf("%s,%s,%s,%lld,%lld\n", file, gk_indicator_id(i), pct, (long long)num, (long long)den);
      else
        printf("%s,%s,,,\n", file, gk_indicator_id(i));
    } else if (ok) {
      printf("  %-32s %-12s %8s%%  = %lld / %lld   (%s)\n", gk_indicator_id(i),
             gk_indicator_name(i, lang), pct, (long long)num, (long long)den, gk_indicator_formula(i));
    } else {
      printf("  %-32s %-12s %8s   (%s)\n", gk_indicator_id(i), gk_indicator_name(i, lang), "–",
             gk_indicator_formula(i));
    }
    if (!csv) print_from_parts(r, i, lang);
  }
}

int cli_cmd_indicators(int argc, char **argv) {
  static const char *const formats[] = {"text", "csv", NULL};
  cli_args a;
  cli_args_init(&a, argc, argv);
  int format = 0, from = CLI_FROM_AUTO, lang = GK_LANG_ZH, nfiles = 0;
  char **files = argv + 1;
  while (cli_more(&a)) {
    int got;
    if ((got = cli_choice(&format, &a, "--format", formats)) != 0 ||
        (got = cli_choice(&from, &a, "--from", cli_froms)) != 0 ||
        (got = cli_choice(&lang, &a, "--lang", cli_langs)) != 0) {
      if (got < 0) return CLI_USAGE;
      continue;
    }
    const char *f = cli_operand(&a);
    if (!f) return cli_unknown(&a);
    files[nfiles++] = (char *)f;
  }
  if (!nfiles) return cli_usage_error(argv[0], "missing FILE...");
  if (format == 1) printf("file,id,value,numerator,denominator\n");
  for (int k = 0; k < nfiles; k++) {
    gk_report *r = NULL;
    int status = cli_load(&r, argv[0], files[k], from, NULL);
    if (status != CLI_OK) return status;
    print_one(cli_display_name(files[k]), r, format == 1, lang);
    gk_report_free(r);
  }
  return cli_finish_output(argv[0]);
}
