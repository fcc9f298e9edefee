/* gkreport CLI: shared helpers (arguments, errors, input, output, display width). */
#include "cli.h"

#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

/* ---- subcommands --------------------------------------------------------- */

const cli_command *cli_command_find(const char *name) {
  if (!name) return NULL;
  for (const cli_command *c = cli_commands; c->name; c++)
    if (strcmp(c->name, name) == 0) return c;
  return NULL;
}

void cli_print_usage(FILE *f, const char *cmd) {
  const cli_command *c = cli_command_find(cmd);
  if (c) fputs(c->usage, f);
}

/* ---- arguments ----------------------------------------------------------- */

void cli_args_init(cli_args *a, int argc, char **argv) {
  a->argc = argc;
  a->argv = argv;
  a->i = 1;
  a->only_files = 0;
  a->cmd = argc > 0 ? argv[0] : "gkreport";
}

int cli_more(cli_args *a) {
  if (!a->only_files && a->i < a->argc && strcmp(a->argv[a->i], "--") == 0) {
    a->only_files = 1;
    a->i++;
  }
  return a->i < a->argc;
}

static int is_option(const cli_args *a) {
  const char *s = a->argv[a->i];
  return !a->only_files && s[0] == '-' && s[1] != '\0';
}

int cli_flag(cli_args *a, const char *name) {
  if (a->i >= a->argc || !is_option(a) || strcmp(a->argv[a->i], name) != 0) return 0;
  a->i++;
  return 1;
}

int cli_value(cli_args *a, const char *name, const char **value_out) {
  if (a->i >= a->argc || !is_option(a)) return 0;
  const char *s = a->argv[a->i];
  size_t n = strlen(name);
  if (strncmp(s, name, n) != 0) return 0;
  if (s[n] == '=') {
    *value_out = s + n + 1;
    a->i++;
    return 1;
  }
  if (s[n] != '\0') return 0;
  if (a->i + 1 >= a->argc) {
    cli_usage_error(a->cmd, "option '%s' needs a value", name);
    return -1;
  }
  *value_out = a->argv[a->i + 1];
  a->i += 2;
  return 1;
}

const char *cli_operand(cli_args *a) {
  if (a->i >= a->argc || is_option(a)) return NULL;
  return a->argv[a->i++];
}

int cli_help_requested(cli_args *a) {
  return cli_flag(a, "--help") || cli_flag(a, "-h");
}

int cli_unknown(cli_args *a) {
  return cli_usage_error(a->cmd, "unknown option '%s'", a->argv[a->i]);
}

int cli_parse_int(int *out, const char *text, int min, int max, const char *opt) {
  char *end = NULL;
  errno = 0;
  long v = strtol(text, &end, 10);
  if (text[0] == '\0' || *end != '\0' || errno != 0 || v < min || v > max) {
    cli_error(NULL, "invalid value '%s' for %s (expected an integer %d..%d)", text, opt, min, max);
    return CLI_USAGE;
  }
  *out = (int)v;
  return CLI_OK;
}

int cli_parse_lang(int *out, const char *text) {
  if (strcmp(text, "zh") == 0) *out = GK_LANG_ZH;
  else if (strcmp(text, "en") == 0) *out = GK_LANG_EN;
  else {
    cli_error(NULL, "invalid value '%s' for --lang (expected zh or en)", text);
    return CLI_USAGE;
  }
  return CLI_OK;
}

/* ---- errors -------------------------------------------------------------- */

static void verror(const char *cmd, const char *fmt, va_list ap) {
  fprintf(stderr, cmd ? "gkreport %s: " : "gkreport: ", cmd);
  vfprintf(stderr, fmt, ap);
  fputc('\n', stderr);
}

void cli_error(const char *cmd, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  verror(cmd, fmt, ap);
  va_end(ap);
}

int cli_usage_error(const char *cmd, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  verror(cmd, fmt, ap);
  va_end(ap);
  if (cmd) fprintf(stderr, "Try 'gkreport help %s'.\n", cmd);
  else fputs("Try 'gkreport --help'.\n", stderr);
  return CLI_USAGE;
}

void cli_print_diags(FILE *f, const gk_diags *d, int lang) {
  char stackbuf[512];
  for (size_t i = 0; i < gk_diags_count(d); i++) {
    int n = gk_diag_format(stackbuf, sizeof stackbuf, d, i, lang);
    if (n < 0) continue;
    if ((size_t)n < sizeof stackbuf) {
      fprintf(f, "%s\n", stackbuf);
      continue;
    }
    char *big = malloc((size_t)n + 1);
    if (!big) continue;
    gk_diag_format(big, (size_t)n + 1, d, i, lang);
    fprintf(f, "%s\n", big);
    free(big);
  }
}

/* ---- input --------------------------------------------------------------- */

const char *cli_display_name(const char *path) {
  return strcmp(path, "-") == 0 ? "<stdin>" : path;
}

int cli_read(char **buf_out, size_t *len_out, const char *cmd, const char *path) {
  *buf_out = NULL;
  *len_out = 0;
  int from_stdin = strcmp(path, "-") == 0;
  FILE *f = from_stdin ? stdin : fopen(path, "rb");
  if (!f) {
    cli_error(cmd, "cannot read '%s': %s", path, strerror(errno));
    return CLI_USAGE;
  }
  size_t cap = 1 << 16, len = 0;
  char *buf = malloc(cap);
  int err = 0;
  while (buf) {
    if (cap - len < 2) {
      if (cap > SIZE_MAX / 2) { err = ENOMEM; break; }
      char *nb = realloc(buf, cap * 2);
      if (!nb) { err = ENOMEM; break; }
      buf = nb;
      cap *= 2;
    }
    size_t n = fread(buf + len, 1, cap - len - 1, f);
    len += n;
    if (n == 0) {
      if (ferror(f)) err = errno ? errno : EIO;
      break;
    }
  }
  if (!buf) err = ENOMEM;
  if (!from_stdin) fclose(f);
  if (err) {
    free(buf);
    cli_error(cmd, "cannot read '%s': %s", cli_display_name(path), strerror(err));
    return CLI_USAGE;
  }
  buf[len] = '\0';
  *buf_out = buf;
  *len_out = len;
  return CLI_OK;
}

/* ---- output -------------------------------------------------------------- */

int cli_write(const char *cmd, const char *buf, size_t len) {
  if (len && fwrite(buf, 1, len, stdout) != len) {
    cli_error(cmd, "cannot write the output: %s", strerror(errno));
    return CLI_USAGE;
  }
  return CLI_OK;
}

int cli_finish_output(const char *cmd) {
  if (fflush(stdout) != 0 || ferror(stdout)) {
    cli_error(cmd, "cannot write the output: %s", strerror(errno));
    return CLI_USAGE;
  }
  return CLI_OK;
}

/* ---- terminal display ---------------------------------------------------- */

/* Decode one UTF-8 code point at s; *len_out bytes consumed (1 for invalid). */
static uint32_t decode(const unsigned char *s, size_t *len_out) {
  uint32_t c = s[0];
  size_t n = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
  if (n == 0) { *len_out = 1; return 0xFFFD; }
  if (n == 1) { *len_out = 1; return c; }
  c &= 0x7Fu >> n;
  for (size_t k = 1; k < n; k++) {
    if ((s[k] & 0xC0) != 0x80) { *len_out = 1; return 0xFFFD; }
    c = (c << 6) | (s[k] & 0x3Fu);
  }
  *len_out = n;
  return c;
}

static int is_wide(uint32_t c) {
  return (c >= 0x1100 && c <= 0x115F) || (c >= 0x2E80 && c <= 0x303E) ||
         (c >= 0x3041 && c <= 0x33FF) || (c >= 0x3400 && c <= 0x4DBF) ||
         (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0xA000 && c <= 0xA4CF) ||
         (c >= 0xAC00 && c <= 0xD7A3) || (c >= 0xF900 && c <= 0xFAFF) ||
         (c >= 0xFE30 && c <= 0xFE4F) || (c >= 0xFF00 && c <= 0xFF60) ||
         (c >= 0xFFE0 && c <= 0xFFE6) || (c >= 0x1F300 && c <= 0x1F64F) ||
         (c >= 0x20000 && c <= 0x3FFFD);
}

static int is_zero_width(uint32_t c) {
  return (c >= 0x0300 && c <= 0x036F) || c == 0x200B || c == 0x200C || c == 0x200D ||
         c == 0xFEFF || (c >= 0xFE00 && c <= 0xFE0F);
}

size_t cli_display_width(const char *s) {
  size_t w = 0;
  const unsigned char *p = (const unsigned char *)s;
  while (*p) {
    size_t n;
    uint32_t c = decode(p, &n);
    p += n;
    w += is_zero_width(c) ? 0 : is_wide(c) ? 2 : 1;
  }
  return w;
}

void cli_print_padded(FILE *f, const char *s, size_t width, int right) {
  size_t w = cli_display_width(s);
  size_t pad = w < width ? width - w : 0;
  if (!right) fputs(s, f);
  for (size_t k = 0; k < pad; k++) fputc(' ', f);
  if (right) fputs(s, f);
}
