/* SPDX-License-Identifier: MIT */
/* gkreport CLI: shared helpers of the subcommands (argument parsing, reading a
 * FILE or "-", loading a report, printing errors, terminal display width).
 *
 * The CLI uses only the public API (<gkreport/gkreport.h>) and never spells a
 * row or column of the format: it walks the schema functions.
 *
 * Exit status of every subcommand: CLI_OK (0) success, CLI_FINDINGS (1) findings
 * at the chosen severity (validate, series, aggregate), CLI_USAGE (2) bad usage or
 * an input that could not be read or parsed (message on stderr, naming the file
 * and line). */
#ifndef GKREPORT_CLI_H
#define GKREPORT_CLI_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <gkreport/gkreport.h>

enum { CLI_OK = 0, CLI_FINDINGS = 1, CLI_USAGE = 2 };

#if defined(__GNUC__)
#  define CLI_PRINTF(f, a) __attribute__((format(printf, f, a)))
#else
#  define CLI_PRINTF(f, a)
#endif

/* ---- subcommands --------------------------------------------------------- */

/* One subcommand: its name, a one-line summary, its usage text (printed by
 * `gkreport help NAME` and `gkreport NAME --help`) and its entry point, which
 * receives argv[0] = NAME and returns the exit status. */
typedef struct cli_command {
  const char *name;
  const char *summary;
  const char *usage;
  int (*run)(int argc, char **argv);
} cli_command;

/* The subcommands, in the order `gkreport --help` lists them (main.c). */
extern const cli_command cli_commands[];
/* The command called NAME, or NULL. */
const cli_command *cli_command_find(const char *name);

/* Usage texts and entry points of the subcommands (cmd_<name>.c). */
extern const char cli_template_usage[];
int cli_cmd_template(int argc, char **argv);
extern const char cli_show_usage[];
int cli_cmd_show(int argc, char **argv);
extern const char cli_convert_usage[];
int cli_cmd_convert(int argc, char **argv);
extern const char cli_validate_usage[];
int cli_cmd_validate(int argc, char **argv);
extern const char cli_rules_usage[];
int cli_cmd_rules(int argc, char **argv);
extern const char cli_series_usage[];
int cli_cmd_series(int argc, char **argv);
extern const char cli_aggregate_usage[];
int cli_cmd_aggregate(int argc, char **argv);
extern const char cli_summary_usage[];
int cli_cmd_summary(int argc, char **argv);
extern const char cli_indicators_usage[];
int cli_cmd_indicators(int argc, char **argv);

/* ---- arguments ----------------------------------------------------------- */

/* A cursor over a subcommand's argv (argv[0] is the subcommand's name). Options
 * are "--name VALUE" or "--name=VALUE"; "--" ends the options; "-" is a file. */
typedef struct cli_args {
  int argc;
  char **argv;
  int i;
  int only_files; /* after "--" */
  const char *cmd;
} cli_args;

void cli_args_init(cli_args *a, int argc, char **argv);
/* 1 while arguments remain. Consumes a "--" separator. */
int cli_more(cli_args *a);
/* 1 (and advance) when the current argument is the flag `name`. */
int cli_flag(cli_args *a, const char *name);
/* 1 (and advance, *value_out set) when the current argument is the option
 * `name` with a value; -1 when it is `name` but the value is missing (error
 * printed); 0 when it is something else. */
int cli_value(cli_args *a, const char *name, const char **value_out);
/* The current argument when it is an operand (not an option), advancing; else NULL. */
const char *cli_operand(cli_args *a);
/* The argument at the cursor as the one FILE of a command: CLI_OK (taken), or
 * CLI_USAGE (error printed) for a second FILE or an unknown option. */
int cli_single_file(const char **path, cli_args *a);
/* The current argument is not understood: print an error and return CLI_USAGE. */
int cli_unknown(cli_args *a);
/* 1 when a subcommand's arguments (before "--") ask for --help or -h: main
 * then prints the usage instead of running the command. */
int cli_help_requested(int argc, char **argv);

/* Parse an integer in [min, max] given for option `opt`; error printed on failure. */
int cli_parse_int(int *out, const char *cmd, const char *text, int min, int max, const char *opt);
/* When the current argument is option `opt` with a value that is one of
 * `choices` (NULL-terminated), set *out to its index and return 1; 0 when it is
 * another argument; -1 (error printed) for a missing or unknown value. */
int cli_choice(int *out, cli_args *a, const char *opt, const char *const *choices);
/* Choices of --lang (index = GK_LANG_*) and --from (index = CLI_FROM_*). */
extern const char *const cli_langs[];
extern const char *const cli_froms[];

/* ---- errors -------------------------------------------------------------- */

/* Print "gkreport: MESSAGE\n" (or "gkreport CMD: ...") to stderr. */
void cli_error(const char *cmd, const char *fmt, ...) CLI_PRINTF(2, 3);
/* The language (GK_LANG_*) of the messages about unreadable inputs; set from
 * --lang by cli_inputs_parse. */
void cli_set_lang(int lang);
/* "cannot read NAME: strerror(err)" in that language. */
void cli_read_error(const char *cmd, const char *name, int err);
/* Usage error: the message, then "Try 'gkreport help CMD'."; returns CLI_USAGE. */
int cli_usage_error(const char *cmd, const char *fmt, ...) CLI_PRINTF(2, 3);

/* ---- input --------------------------------------------------------------- */

/* Display name of a path: "<stdin>" for "-". */
const char *cli_display_name(const char *path);
/* Read a whole file (or stdin for "-") into a NUL-terminated buffer. On failure
 * prints "gkreport CMD: cannot read 'PATH': reason" and returns CLI_USAGE. */
int cli_read(char **buf_out, size_t *len_out, const char *cmd, const char *path);
/* --max-input SIZE (bytes, or with K, M, G): the most cli_read reads from one
 * input before refusing it (default GK_DEFAULT_MAX_INPUT). CLI_OK, or CLI_USAGE
 * with the error printed. */
int cli_set_max_input(const char *text);

/* Input formats of a report (--from). */
enum { CLI_FROM_AUTO = 0, CLI_FROM_JSON = 1, CLI_FROM_TEXT = 2, CLI_FROM_HTML = 3, CLI_FROM_DOCX = 4, CLI_FROM_CSV = 5, CLI_FROM_XLSX = 6 };
/* Load the one FILE of a command (cli_single_file); usage error when none. */
int cli_load_single(gk_report **out, const char *cmd, const char *path, int from);
/* Read and load the report at `path` ("-": stdin): JSON, published text, or
 * either (CLI_FROM_AUTO: JSON when the first non-blank byte is '{'). On failure
 * prints the reader's or parser's errors (FILE:LINE:COL) to stderr and returns
 * CLI_USAGE. On success the importer's notes (e.g. import.truncated) are
 * appended to `notes` when it is not NULL. */
int cli_load(gk_report **out, const char *cmd, const char *path, int from, gk_diags *notes);

/* FILE…|DIR operands as report files: folders recursed (files ending .txt,
 * .json, .md, .htm, .html; hidden ones skipped), each folder's files in path
 * order (cli_files.c). CLI_OK or CLI_USAGE (error printed). */
typedef struct cli_files {
  char **paths;
  size_t n, cap;
} cli_files;
int cli_files_expand(cli_files *fl, const char *cmd, char **operands, int n);
void cli_files_free(cli_files *fl);

/* Agency metadata given on the command line, over what each report says
 * (cli_meta.c): --agency NAME (level, kind and region then follow the new name
 * unless given), --level L, --kind K, --region R. */
typedef struct cli_meta {
  const char *agency, *region;
  int level, kind; /* 0: not given */
} cli_meta;
/* Consume one of the options at the cursor: 1 consumed, 0 not one of them, -1
 * bad value (error printed). */
int cli_meta_option(cli_meta *m, cli_args *a);
/* Apply to r: CLI_OK or CLI_USAGE (error printed). */
int cli_meta_apply(const cli_meta *m, gk_report *r, const char *cmd);

/* ---- findings (validate, series, aggregate) ------------------------------ */

/* Options shared by the commands that report findings. */
typedef struct cli_check {
  gk_validate_opts *opts; /* rule selection, minimum severity, waivers */
  int lang;               /* GK_LANG_*, default zh */
  int strict;             /* warnings also fail */
  int rules_set;          /* --rules seen (the selection starts from none) */
  int min_severity;       /* GK_SEV_*, default info */
} cli_check;

/* Create the options (CLI_OK, or CLI_USAGE with the error printed). */
int cli_check_init(cli_check *c, const char *cmd);
void cli_check_free(cli_check *c);
/* Consume one of --lang, --strict, --min-severity S, --rules LIST,
 * --waive RULE[:CELL]=REASON at the cursor: 1 consumed, 0 not one of them,
 * -1 bad value (error printed; exit with CLI_USAGE). */
int cli_check_option(cli_check *c, cli_args *a);
/* Append to dst the items of src at or above the minimum severity (the
 * importer's notes), then apply --rules and --waive to them. GK_OK or GK_ENOMEM. */
int cli_check_keep(const cli_check *c, gk_diags *dst, const gk_diags *src);
/* Number of findings of d[from..] that fail the run: not waived and at least
 * an error (a warning with --strict). */
size_t cli_check_failures(const cli_check *c, const gk_diags *d, size_t from);
/* Print findings d[from..to) like a compiler, one per line, each followed by
 * "FILE:LINE: note: probably CELL should be VALUE" when a suspect is known. */
void cli_print_findings(FILE *f, const gk_diags *d, size_t from, size_t to, int lang);
/* The arguments of the commands that read FILE... and report findings
 * (validate, series, aggregate). */
typedef struct cli_inputs {
  cli_check check;
  int format;       /* index into the formats given to cli_inputs_parse */
  int from;         /* CLI_FROM_* */
  const char *name; /* --name (CLI_IN_NAME) */
  cli_meta meta;    /* --agency, --level, --kind, --region */
  int nfiles;
  char **files;     /* the operands, compacted in argv after the command name */
} cli_inputs;
enum {
  CLI_IN_RULES = 1u << 0, /* accept --min-severity, --rules, --waive */
  CLI_IN_NAME = 1u << 1   /* accept --name NAME */
};
/* Parse argv: --format (one of `formats`, NULL-terminated; default the first),
 * --from, --lang, --strict, the options of `flags`, and at least one FILE
 * (`missing` is the error when there is none). CLI_OK, or CLI_USAGE with
 * the error printed. Free with cli_inputs_free in every case. */
int cli_inputs_parse(cli_inputs *in, int argc, char **argv, const char *const *formats,
                     unsigned flags, const char *missing);
void cli_inputs_free(cli_inputs *in);

/* Print a summary "N reports: E errors, W warnings, I infos (K waived); U inputs
 * unreadable" (the parts in brackets and after ';' only when not zero; singular
 * for 1), or in Chinese "N份报告：E个错误，W个警告，I个提示（另有K项已豁免）；
 * U个输入无法读取" when `lang` is not GK_LANG_EN. */
void cli_print_summary(FILE *f, const gk_diags *d, size_t nreports, size_t nunreadable,
                       int lang);

/* ---- JSON output helpers ------------------------------------------------- */

/* Write s as a JSON string literal (quoted, escaped); null for NULL. */
void cli_json_string(FILE *f, const char *s);

/* ---- output -------------------------------------------------------------- */

/* Write len bytes to stdout; CLI_USAGE (error printed) on a write error. */
int cli_write(const char *cmd, const char *buf, size_t len);
/* Write a buffer the library made with status rc (adding a final newline when
 * it lacks one) and gk_free it. CLI_USAGE (error printed) when rc is not GK_OK
 * or the write fails. */
int cli_emit(const char *cmd, int rc, char *buf, size_t len);
/* Flush stdout and report a write error (CLI_USAGE) or CLI_OK. */
int cli_finish_output(const char *cmd);
/* The global -o/--output FILE (output.c): removed from argv (before "--"), and
 * standard output reopened on FILE ("-": stay on stdout). CLI_OK or CLI_USAGE. */
int cli_output_option(int *argc, char **argv);
/* Write a binary output (XLSX) made by write_file(path, ctx) through a temporary
 * file to standard output; refuses a terminal. CLI_OK or CLI_USAGE (printed). */
int cli_emit_binary(const char *cmd, int (*write_file)(const char *path, void *ctx), void *ctx);

/* ---- terminal display ---------------------------------------------------- */

/* Display width in terminal columns of UTF-8 text: CJK and full-width code
 * points count 2, combining marks 0, others 1. Invalid bytes count 1. */
size_t cli_display_width(const char *s);
/* Print s padded with spaces to `width` columns (right-aligned when `right`). */
void cli_print_padded(FILE *f, const char *s, size_t width, int right);

#endif /* GKREPORT_CLI_H */
