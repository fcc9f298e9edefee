/* SPDX-License-Identifier: MIT */
/* gkreport: command-line front end of libgkreport (dispatch, help, version). */
#include "cli.h"

#include <string.h>

static int cmd_help(int argc, char **argv);

static const char help_usage[] =
    "Usage: gkreport help [COMMAND]\n"
    "\n"
    "Print the list of commands, or the usage of COMMAND.\n";

/* The subcommands. Each lives in its own cmd_<name>.c. */
const cli_command cli_commands[] = {
    {"template", "write an empty report as JSON", cli_template_usage, cli_cmd_template},
    {"convert", "convert a report (JSON or text) to JSON, CSV, text or Markdown",
     cli_convert_usage, cli_cmd_convert},
    {"show", "print a report's tables in the terminal", cli_show_usage, cli_cmd_show},
    {"validate", "check reports against the rules of the format", cli_validate_usage,
     cli_cmd_validate},
    {"series", "check one agency's reports across years; trend table", cli_series_usage,
     cli_cmd_series},
    {"aggregate", "consolidate many agencies' reports into one", cli_aggregate_usage,
     cli_cmd_aggregate},
    {"summary", "one row per report: metadata, totals and indicators", cli_summary_usage,
     cli_cmd_summary},
    {"indicators", "each indicator of a report with its numerator and denominator",
     cli_indicators_usage, cli_cmd_indicators},
    {"rules", "list the rules that validate checks", cli_rules_usage, cli_cmd_rules},
    {"help", "print the usage of a command", help_usage, cmd_help},
    {NULL, NULL, NULL, NULL}};

static void print_main_help(FILE *f) {
  fputs("Usage: gkreport COMMAND [OPTIONS] [FILE...]\n"
        "       gkreport --help | --version\n"
        "\n"
        "Read, check and convert 政府信息公开工作年度报告 (government information\n"
        "disclosure annual reports) with libgkreport. FILE '-' is standard input.\n"
        "\n"
        "Commands:\n",
        f);
  for (const cli_command *c = cli_commands; c->name; c++) {
    fprintf(f, "  ");
    cli_print_padded(f, c->name, 11, 0);
    fprintf(f, "%s\n", c->summary);
  }
  fputs("\n"
        "Every command takes -o FILE (--output FILE): write the output to FILE.\n"
        "Exit status: 0 success, 1 findings (validate, series, aggregate),\n"
        "2 bad usage or unreadable input.\n"
        "Every command accepts --max-input SIZE (bytes, or 512K, 64M, 1G): the\n"
        "largest input read (default 256M); a larger one is refused (exit 2).\n"
        "Run 'gkreport help COMMAND' for the options of a command.\n",
        f);
}

static int cmd_help(int argc, char **argv) {
  if (argc < 2) {
    print_main_help(stdout);
    return cli_finish_output("help");
  }
  if (argc > 2) return cli_usage_error("help", "too many arguments");
  const cli_command *c = cli_command_find(argv[1]);
  if (!c) return cli_usage_error(NULL, "unknown command '%s'", argv[1]);
  fputs(c->usage, stdout);
  return cli_finish_output("help");
}

/* --max-input SIZE / --max-input=SIZE, anywhere before a "--": taken out of
 * argv (it applies to every command) and set. CLI_OK or CLI_USAGE. */
static int take_max_input(int *argc, char **argv) {
  int k = 1;
  for (int i = 1; i < *argc; i++) {
    const char *a = argv[i];
    if (strcmp(a, "--") == 0) {
      while (i < *argc) argv[k++] = argv[i++];
      break;
    }
    const char *v = NULL;
    if (strcmp(a, "--max-input") == 0) {
      if (i + 1 >= *argc) return cli_usage_error(NULL, "--max-input needs a size");
      v = argv[++i];
    } else if (strncmp(a, "--max-input=", 12) == 0) {
      v = a + 12;
    }
    if (!v) {
      argv[k++] = argv[i];
      continue;
    }
    if (cli_set_max_input(v) != CLI_OK) return CLI_USAGE;
  }
  argv[k] = NULL;
  *argc = k;
  return CLI_OK;
}

int main(int argc, char **argv) {
  if (cli_output_option(&argc, argv) != CLI_OK) return CLI_USAGE;
  if (take_max_input(&argc, argv) != CLI_OK) return CLI_USAGE;
  if (argc < 2) {
    print_main_help(stderr);
    return CLI_USAGE;
  }
  const char *name = argv[1];
  if (strcmp(name, "--help") == 0 || strcmp(name, "-h") == 0) {
    print_main_help(stdout);
    return cli_finish_output(NULL);
  }
  if (strcmp(name, "--version") == 0 || strcmp(name, "-V") == 0) {
    printf("gkreport %s\n", gk_version_string());
    return cli_finish_output(NULL);
  }
  const cli_command *c = cli_command_find(name);
  if (!c) {
    if (name[0] == '-') return cli_usage_error(NULL, "unknown option '%s'", name);
    return cli_usage_error(NULL, "unknown command '%s'", name);
  }
  if (cli_help_requested(argc - 1, argv + 1)) {
    fputs(c->usage, stdout);
    return cli_finish_output(c->name);
  }
  return c->run(argc - 1, argv + 1);
}
