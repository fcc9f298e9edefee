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
/* The current argument is not understood: print an error and return CLI_USAGE. */
int cli_unknown(cli_args *a);
/* 1 when the current argument is --help / -h (advancing); the caller prints usage. */
int cli_help_requested(cli_args *a);
/* Print the usage of the command `a->cmd` to `f`. */
void cli_print_usage(FILE *f, const char *cmd);

/* Parse an integer in [min, max] given for option `opt`; error printed on failure. */
int cli_parse_int(int *out, const char *text, int min, int max, const char *opt);
/* Parse --lang zh|en into GK_LANG_*; error printed on failure. */
int cli_parse_lang(int *out, const char *text);

/* ---- errors -------------------------------------------------------------- */

/* Print "gkreport: MESSAGE\n" (or "gkreport CMD: ...") to stderr. */
void cli_error(const char *cmd, const char *fmt, ...) CLI_PRINTF(2, 3);
/* Usage error: the message, then "Try 'gkreport help CMD'."; returns CLI_USAGE. */
int cli_usage_error(const char *cmd, const char *fmt, ...) CLI_PRINTF(2, 3);
/* Print every item of a diagnostics list to stderr (compiler style, English). */
void cli_print_diags(FILE *f, const gk_diags *d, int lang);

/* ---- input --------------------------------------------------------------- */

/* Display name of a path: "<stdin>" for "-". */
const char *cli_display_name(const char *path);
/* Read a whole file (or stdin for "-") into a NUL-terminated buffer. On failure
 * prints "gkreport CMD: cannot read 'PATH': reason" and returns CLI_USAGE. */
int cli_read(char **buf_out, size_t *len_out, const char *cmd, const char *path);

/* ---- output -------------------------------------------------------------- */

/* Write len bytes to stdout; CLI_USAGE (error printed) on a write error. */
int cli_write(const char *cmd, const char *buf, size_t len);
/* Flush stdout and report a write error (CLI_USAGE) or CLI_OK. */
int cli_finish_output(const char *cmd);

/* ---- terminal display ---------------------------------------------------- */

/* Display width in terminal columns of UTF-8 text: CJK and full-width code
 * points count 2, combining marks 0, others 1. Invalid bytes count 1. */
size_t cli_display_width(const char *s);
/* Print s padded with spaces to `width` columns (right-aligned when `right`). */
void cli_print_padded(FILE *f, const char *s, size_t width, int right);

#endif /* GKREPORT_CLI_H */
