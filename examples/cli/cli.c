/* SPDX-License-Identifier: MIT */
/* gkreport CLI: shared helpers (arguments, errors, input, output, display width). */
#include "cli.h"

#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <strings.h>

/* ---- subcommands --------------------------------------------------------- */

const cli_command *cli_command_find(const char *name) {
  if (!name) return NULL;
  for (const cli_command *c = cli_commands; c->name; c++)
    if (strcmp(c->name, name) == 0) return c;
  return NULL;
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

int cli_help_requested(int argc, char **argv) {
  for (int i = 1; i < argc && strcmp(argv[i], "--") != 0; i++)
    if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0) return 1;
  return 0;
}

int cli_single_file(const char **path, cli_args *a) {
  const char *v = cli_operand(a);
  if (!v) return cli_unknown(a);
  if (*path) return cli_usage_error(a->cmd, "only one FILE can be given");
  *path = v;
  return CLI_OK;
}

int cli_unknown(cli_args *a) {
  return cli_usage_error(a->cmd, "unknown option '%s'", a->argv[a->i]);
}

int cli_parse_int(int *out, const char *cmd, const char *text, int min, int max, const char *opt) {
  char *end = NULL;
  errno = 0;
  long v = strtol(text, &end, 10);
  if (text[0] == '\0' || *end != '\0' || errno != 0 || v < min || v > max) {
    return cli_usage_error(cmd, "invalid value '%s' for %s (expected an integer %d..%d)", text, opt,
                           min, max);
  }
  *out = (int)v;
  return CLI_OK;
}

const char *const cli_langs[] = {"zh", "en", NULL};
const char *const cli_froms[] = {"auto", "json", "text", "html", "docx", "csv", "xlsx", NULL};

int cli_choice(int *out, cli_args *a, const char *opt, const char *const *choices) {
  const char *v = NULL;
  int m = cli_value(a, opt, &v);
  if (m <= 0) return m;
  for (int k = 0; choices[k]; k++) {
    if (strcmp(v, choices[k]) == 0) {
      *out = k;
      return 1;
    }
  }
  char expected[128] = "";
  size_t n = 0;
  for (int k = 0; choices[k] && n < sizeof expected; k++) {
    int w = snprintf(expected + n, sizeof expected - n, "%s%s", k == 0 ? "" : choices[k + 1] ? ", " : " or ",
                     choices[k]);
    if (w < 0) break;
    n += (size_t)w;
  }
  cli_usage_error(a->cmd, "invalid value '%s' for %s (expected %s)", v, opt, expected);
  return -1;
}

/* ---- errors -------------------------------------------------------------- */

static void verror(const char *cmd, const char *fmt, va_list ap) {
  fprintf(stderr, cmd ? "gkreport %s: " : "gkreport: ", cmd);
  vfprintf(stderr, fmt, ap);
  fputc('\n', stderr);
}

/* The language of the messages about the inputs themselves (unreadable, not a
 * report): the command's --lang, Chinese by default like the findings. */
static int cli_msg_lang = GK_LANG_ZH;

void cli_set_lang(int lang) { cli_msg_lang = lang == GK_LANG_EN ? GK_LANG_EN : GK_LANG_ZH; }

void cli_read_error(const char *cmd, const char *name, int err) {
  if (cli_msg_lang == GK_LANG_EN)
    cli_error(cmd, "cannot read '%s': %s", name, strerror(err));
  else
    cli_error(cmd, "无法读取“%s”：%s", name, strerror(err));
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

/* ---- input --------------------------------------------------------------- */

const char *cli_display_name(const char *path) {
  return strcmp(path, "-") == 0 ? "<stdin>" : path;
}

/* --max-input: the most bytes read from one input (a program setting, made once
 * by main before any command runs). */
static size_t max_input = GK_DEFAULT_MAX_INPUT;

int cli_set_max_input(const char *text) {
  char *end = NULL;
  errno = 0;
  unsigned long long v = strtoull(text, &end, 10);
  unsigned shift = 0;
  if (end && (*end == 'K' || *end == 'k')) shift = 10, end++;
  else if (end && (*end == 'M' || *end == 'm')) shift = 20, end++;
  else if (end && (*end == 'G' || *end == 'g')) shift = 30, end++;
  if (!end || end == text || *end || errno || text[0] == '-' || v == 0 ||
      v > (SIZE_MAX >> shift) - 1)
    return cli_usage_error(NULL, "--max-input: '%s' is not a size such as 1048576, 512K, 64M or 1G",
                           text);
  max_input = (size_t)v << shift;
  return CLI_OK;
}

/* The first buffer: a regular file's size + 2 (its bytes, the NUL, and room to
 * see the end of file in the same buffer: one allocation, and with stdio's
 * buffer off, no copy), capped by the input cap; 64 KiB for a pipe. */
static size_t read_capacity(FILE *f) {
  struct stat st;
  if (f == stdin || fstat(fileno(f), &st) != 0 || !S_ISREG(st.st_mode) || st.st_size < 0) return 1 << 16;
  setvbuf(f, NULL, _IONBF, 0);
  uint64_t size = (uint64_t)st.st_size;
  return (size < max_input ? (size_t)size : max_input) + 2;
}

int cli_read(char **buf_out, size_t *len_out, const char *cmd, const char *path) {
  *buf_out = NULL;
  *len_out = 0;
  int from_stdin = strcmp(path, "-") == 0;
  FILE *f = from_stdin ? stdin : fopen(path, "rb");
  if (!f) {
    cli_read_error(cmd, path, errno);
    return CLI_USAGE;
  }
  /* read at most max_input + 1 bytes: one more than the cap says it is too large,
   * and an endless input (/dev/zero) stops there */
  size_t cap = read_capacity(f), len = 0;
  char *buf = malloc(cap);
  int err = 0;
  while (buf && len <= max_input) {
    if (cap - len < 2) {
      if (cap > SIZE_MAX / 2) { err = ENOMEM; break; }
      size_t ncap = cap * 2 < max_input + 2 ? cap * 2 : max_input + 2;
      char *nb = realloc(buf, ncap);
      if (!nb) { err = ENOMEM; break; }
      buf = nb;
      cap = ncap;
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
  if (!err && len > max_input) {
    free(buf);
    cli_error(cmd, "'%s' is larger than %zu bytes (the input cap; see --max-input)",
              cli_display_name(path), max_input);
    return CLI_USAGE;
  }
  if (err) {
    free(buf);
    cli_read_error(cmd, cli_display_name(path), err);
    return CLI_USAGE;
  }
  buf[len] = '\0';
  *buf_out = buf;
  *len_out = len;
  return CLI_OK;
}

/* The form a file name says: .html/.htm a web page, .docx a Word file, .xlsx
 * a workbook, else
 * CLI_FROM_AUTO (the content decides). */
static int cli_from_path(const char *name) {
  size_t n = name ? strlen(name) : 0;
  if (n > 5 && strcasecmp(name + n - 5, ".html") == 0) return CLI_FROM_HTML;
  if (n > 4 && strcasecmp(name + n - 4, ".htm") == 0) return CLI_FROM_HTML;
  if (n > 5 && strcasecmp(name + n - 5, ".docx") == 0) return CLI_FROM_DOCX;
  if (n > 5 && strcasecmp(name + n - 5, ".xlsx") == 0) return CLI_FROM_XLSX;
  return CLI_FROM_AUTO;
}

/* Load a report from bytes named `name` (for messages): JSON, published text,
 * or either (auto: gk_report_load decides by the first non-blank byte). On
 * failure print the parser's errors (FILE:LINE:COL) to stderr. On success the
 * importer's notes and warnings are appended to `notes` when it is not NULL. */
static int load_buffer(gk_report **out, const char *cmd, const char *name, const char *buf,
                       size_t len, int from, gk_diags *notes) {
  *out = NULL;
  gk_diags *d = NULL;
  if (gk_diags_new(&d) != GK_OK) {
    cli_error(cmd, "%s", gk_strerror(GK_ENOMEM));
    return CLI_USAGE;
  }
  if (from == CLI_FROM_AUTO) from = cli_from_path(name);
  int rc = from == CLI_FROM_JSON   ? gk_report_from_json(out, buf, len, name, d)
           : from == CLI_FROM_TEXT ? gk_report_from_text(out, buf, len, name, d)
           : from == CLI_FROM_HTML ? gk_report_load_form(out, buf, len, GK_FORM_HTML, name, d)
           : from == CLI_FROM_DOCX ? gk_report_load_form(out, buf, len, GK_FORM_DOCX, name, d)
           : from == CLI_FROM_CSV  ? gk_report_load_form(out, buf, len, GK_FORM_CSV, name, d)
           : from == CLI_FROM_XLSX ? gk_report_load_form(out, buf, len, GK_FORM_XLSX, name, d)
                                   : gk_report_load(out, buf, len, name, d);
  if (rc != GK_OK) {
    if (gk_diags_count_severity(d, GK_SEV_ERROR) > 0) {
      for (size_t i = 0; i < gk_diags_count(d); i++)
        if (gk_diag_severity(d, i) == GK_SEV_ERROR) cli_print_findings(stderr, d, i, i + 1, cli_msg_lang);
    } else {
      cli_error(cmd, "%s: %s", name, gk_strerror(rc));
    }
  } else if (notes && gk_diags_append(notes, d) != GK_OK) {
    gk_report_free(*out);
    *out = NULL;
    rc = GK_ENOMEM;
    cli_error(cmd, "%s", gk_strerror(rc));
  }
  gk_diags_free(d);
  return rc == GK_OK ? CLI_OK : CLI_USAGE;
}

int cli_load_single(gk_report **out, const char *cmd, const char *path, int from) {
  *out = NULL;
  if (!path) return cli_usage_error(cmd, "missing FILE (use '-' for standard input)");
  return cli_load(out, cmd, path, from, NULL);
}

int cli_load(gk_report **out, const char *cmd, const char *path, int from, gk_diags *notes) {
  char *buf = NULL;
  size_t len = 0;
  *out = NULL;
  int st = cli_read(&buf, &len, cmd, path);
  if (st != CLI_OK) return st;
  st = load_buffer(out, cmd, cli_display_name(path), buf, len, from, notes);
  free(buf);
  return st;
}

/* ---- findings ------------------------------------------------------------ */

int cli_check_init(cli_check *c, const char *cmd) {
  c->opts = NULL;
  c->lang = GK_LANG_ZH;
  c->strict = 0;
  c->rules_set = 0;
  c->min_severity = GK_SEV_INFO;
  if (gk_validate_opts_new(&c->opts) != GK_OK) {
    cli_error(cmd, "%s", gk_strerror(GK_ENOMEM));
    return CLI_USAGE;
  }
  return CLI_OK;
}

void cli_check_free(cli_check *c) {
  gk_validate_opts_free(c->opts);
  c->opts = NULL;
}

/* --rules LIST: comma-separated ids or patterns ("requests.*"); an item with a
 * leading '-' turns rules off. A list starting with a rule to turn on selects
 * only the listed rules. */
static int parse_rules(cli_check *c, const char *cmd, const char *list) {
  const char *p = list;
  int first = 1;
  while (1) {
    const char *comma = strchr(p, ',');
    size_t n = comma ? (size_t)(comma - p) : strlen(p);
    char item[128];
    if (n == 0 || n >= sizeof item) {
      cli_usage_error(cmd, "invalid rule list '%s'", list);
      return -1;
    }
    memcpy(item, p, n);
    item[n] = '\0';
    int off = item[0] == '-';
    if (first && !off && !c->rules_set) gk_validate_opts_disable(c->opts, "*");
    int rc = off ? gk_validate_opts_disable(c->opts, item + 1)
                 : gk_validate_opts_enable(c->opts, item);
    if (rc != GK_OK) {
      cli_usage_error(cmd, "no rule matches '%s' (see 'gkreport rules')", item + off);
      return -1;
    }
    first = 0;
    if (!comma) break;
    p = comma + 1;
  }
  c->rules_set = 1;
  return 1;
}

/* --waive RULE[:CELL]=REASON */
static int parse_waiver(cli_check *c, const char *cmd, const char *spec) {
  const char *eq = strchr(spec, '=');
  if (!eq || eq == spec || eq[1] == '\0') {
    cli_usage_error(cmd, "invalid waiver '%s' (expected RULE[:CELL]=REASON)", spec);
    return -1;
  }
  size_t n = (size_t)(eq - spec);
  char *head = malloc(n + 1);
  if (!head) {
    cli_error(cmd, "%s", gk_strerror(GK_ENOMEM));
    return -1;
  }
  memcpy(head, spec, n);
  head[n] = '\0';
  char *colon = strchr(head, ':');
  if (colon) *colon = '\0';
  int rc = gk_validate_opts_add_waiver(c->opts, head, colon ? colon + 1 : NULL, eq + 1);
  if (rc != GK_OK)
    cli_usage_error(cmd, "cannot waive '%s': %s", head,
                    rc == GK_ENOTFOUND ? "no such rule" : gk_strerror(rc));
  free(head);
  return rc == GK_OK ? 1 : -1;
}

int cli_check_option(cli_check *c, cli_args *a) {
  const char *v = NULL;
  int m;
  if (cli_flag(a, "--strict")) {
    c->strict = 1;
    return 1;
  }
  if ((m = cli_choice(&c->lang, a, "--lang", cli_langs)) != 0) return m;
  if ((m = cli_value(a, "--min-severity", &v)) != 0) {
    if (m < 0) return -1;
    int sev = gk_severity_find(v);
    if (sev < 0 || gk_validate_opts_set_min_severity(c->opts, sev) != GK_OK) {
      cli_usage_error(a->cmd, "invalid value '%s' for --min-severity (expected info, warning "
                      "or error)", v);
      return -1;
    }
    c->min_severity = sev;
    return 1;
  }
  if ((m = cli_value(a, "--rules", &v)) != 0)
    return m < 0 ? -1 : parse_rules(c, a->cmd, v);
  if ((m = cli_value(a, "--waive", &v)) != 0)
    return m < 0 ? -1 : parse_waiver(c, a->cmd, v);
  return 0;
}

/* Copy item i of src to the end of dst. */
static int copy_item(gk_diags *dst, const gk_diags *src, size_t i) {
  size_t k = 0;
  int rc = gk_diags_add(&k, dst, gk_diag_severity(src, i), gk_diag_rule(src, i),
                        gk_diag_message(src, i, GK_LANG_ZH), gk_diag_message(src, i, GK_LANG_EN),
                        gk_diag_file(src, i), gk_diag_line(src, i), gk_diag_column(src, i));
  for (size_t c = 0; rc == GK_OK && c < gk_diag_ncells(src, i); c++)
    rc = gk_diags_add_cell(dst, k, gk_diag_cell(src, i, c));
  if (rc == GK_OK && (gk_diag_expected(src, i) || gk_diag_actual(src, i)))
    rc = gk_diags_set_values(dst, k, gk_diag_expected(src, i), gk_diag_actual(src, i));
  if (rc == GK_OK && gk_diag_suspect(src, i))
    rc = gk_diags_set_suspect(dst, k, gk_diag_suspect(src, i), gk_diag_suspect_value(src, i));
  for (size_t c = 0; rc == GK_OK && c < gk_diag_ncandidates(src, i); c++)
    rc = gk_diags_add_candidate(dst, k, gk_diag_candidate(src, i, c),
                                gk_diag_candidate_value(src, i, c));
  if (rc == GK_OK && gk_diag_note(src, i, GK_LANG_ZH))
    rc = gk_diags_set_note(dst, k, gk_diag_note(src, i, GK_LANG_ZH), gk_diag_note(src, i, GK_LANG_EN));
  if (rc == GK_OK && gk_diag_waived(src, i))
    rc = gk_diags_waive(dst, k, gk_diag_waiver_reason(src, i));
  return rc;
}

int cli_check_keep(const cli_check *c, gk_diags *dst, const gk_diags *src) {
  int rc = GK_OK;
  size_t from = gk_diags_count(dst);
  for (size_t i = 0; rc == GK_OK && i < gk_diags_count(src); i++)
    if (gk_diag_severity(src, i) >= c->min_severity) rc = copy_item(dst, src, i);
  /* --rules and --waive reach the importer's findings too */
  if (rc == GK_OK && c->opts) rc = gk_diags_apply_opts(dst, from, c->opts);
  return rc;
}

size_t cli_check_failures(const cli_check *c, const gk_diags *d, size_t from) {
  int min = c->strict ? GK_SEV_WARNING : GK_SEV_ERROR;
  size_t n = 0;
  for (size_t i = from; i < gk_diags_count(d); i++)
    if (!gk_diag_waived(d, i) && gk_diag_severity(d, i) >= min) n++;
  return n;
}

void cli_print_findings(FILE *f, const gk_diags *d, size_t from, size_t to, int lang) {
  char stackbuf[512];
  for (size_t i = from; i < to && i < gk_diags_count(d); i++) {
    int n = gk_diag_format(stackbuf, sizeof stackbuf, d, i, lang);
    if (n < 0) continue;
    if ((size_t)n < sizeof stackbuf) {
      fprintf(f, "%s\n", stackbuf);
    } else {
      char *big = malloc((size_t)n + 1);
      if (big) {
        gk_diag_format(big, (size_t)n + 1, d, i, lang);
        fprintf(f, "%s\n", big);
        free(big);
      }
    }
    const char *cell = gk_diag_suspect(d, i), *value = gk_diag_suspect_value(d, i);
    const char *note = gk_diag_note(d, i, lang);
    if (!note && (!cell || !value)) continue;
    const char *file = gk_diag_file(d, i);
    char pos[96];
    gk_diag_position(pos, sizeof pos, d, i, lang);
    fprintf(f, "%s%s", file ? file : "<report>", pos);
    if (note)
      fprintf(f, ": note: %s\n", note);
    else
      fprintf(f, lang == GK_LANG_ZH ? ": note: %s 可能应为 %s\n"
                                    : ": note: probably %s should be %s\n", cell, value);
  }
}

int cli_inputs_parse(cli_inputs *in, int argc, char **argv, const char *const *formats,
                     unsigned flags, const char *missing) {
  cli_args a;
  cli_args_init(&a, argc, argv);
  in->format = 0;
  in->from = CLI_FROM_AUTO;
  in->name = NULL;
  memset(&in->meta, 0, sizeof in->meta);
  in->nfiles = 0;
  in->files = argv + 1; /* operands never move before their own position */
  if (cli_check_init(&in->check, a.cmd) != CLI_OK) return CLI_USAGE;
  while (cli_more(&a)) {
    const char *v = NULL;
    int m;
    if ((flags & CLI_IN_RULES) && (m = cli_check_option(&in->check, &a)) != 0) {
      if (m < 0) return CLI_USAGE;
    } else if (!(flags & CLI_IN_RULES) && cli_flag(&a, "--strict")) {
      in->check.strict = 1;
    } else if (!(flags & CLI_IN_RULES) && (m = cli_choice(&in->check.lang, &a, "--lang", cli_langs)) != 0) {
      if (m < 0) return CLI_USAGE;
    } else if ((m = cli_choice(&in->format, &a, "--format", formats)) != 0 ||
               (m = cli_choice(&in->from, &a, "--from", cli_froms)) != 0) {
      if (m < 0) return CLI_USAGE;
    } else if ((m = cli_meta_option(&in->meta, &a)) != 0) {
      if (m < 0) return CLI_USAGE;
    } else if ((flags & CLI_IN_NAME) && (m = cli_value(&a, "--name", &v)) != 0) {
      if (m < 0) return CLI_USAGE;
      in->name = v;
    } else if ((v = cli_operand(&a)) != NULL) {
      in->files[in->nfiles++] = (char *)v;
    } else {
      return cli_unknown(&a);
    }
  }
  if (in->nfiles == 0) return cli_usage_error(a.cmd, "%s", missing);
  cli_set_lang(in->check.lang);
  return CLI_OK;
}

void cli_inputs_free(cli_inputs *in) {
  cli_check_free(&in->check);
}

/* "1 report: 0 errors, 1 warning, 0 infos" or "1份报告：0个错误，1个警告，0个提示" */
void cli_print_summary(FILE *f, const gk_diags *d, size_t nreports, size_t nunreadable,
                       int lang) {
  size_t sev[3] = {0, 0, 0}, waived = 0;
  for (size_t i = 0; i < gk_diags_count(d); i++) {
    int s = gk_diag_severity(d, i);
    if (gk_diag_waived(d, i)) waived++;
    else if (s >= GK_SEV_INFO && s <= GK_SEV_ERROR) sev[s]++;
  }
  if (lang == GK_LANG_EN) {
    fprintf(f, "%zu report%s: %zu error%s, %zu warning%s, %zu info%s", nreports,
            nreports == 1 ? "" : "s", sev[GK_SEV_ERROR], sev[GK_SEV_ERROR] == 1 ? "" : "s",
            sev[GK_SEV_WARNING], sev[GK_SEV_WARNING] == 1 ? "" : "s", sev[GK_SEV_INFO],
            sev[GK_SEV_INFO] == 1 ? "" : "s");
    if (waived) fprintf(f, " (%zu waived)", waived);
    if (nunreadable)
      fprintf(f, "; %zu input%s unreadable", nunreadable, nunreadable == 1 ? "" : "s");
  } else {
    fprintf(f, "%zu份报告：%zu个错误，%zu个警告，%zu个提示", nreports, sev[GK_SEV_ERROR],
            sev[GK_SEV_WARNING], sev[GK_SEV_INFO]);
    if (waived) fprintf(f, "（另有%zu项已豁免）", waived);
    if (nunreadable) fprintf(f, "；%zu个输入无法读取", nunreadable);
  }
  fputc('\n', f);
}

/* ---- JSON output helpers ------------------------------------------------- */

void cli_json_string(FILE *f, const char *s) {
  if (!s) {
    fputs("null", f);
    return;
  }
  fputc('"', f);
  for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
    if (*p == '"' || *p == '\\') fprintf(f, "\\%c", *p);
    else if (*p == '\n') fputs("\\n", f);
    else if (*p == '\t') fputs("\\t", f);
    else if (*p == '\r') fputs("\\r", f);
    else if (*p < 0x20) fprintf(f, "\\u%04x", *p);
    else fputc(*p, f);
  }
  fputc('"', f);
}

/* ---- output -------------------------------------------------------------- */

int cli_write(const char *cmd, const char *buf, size_t len) {
  if (len && fwrite(buf, 1, len, stdout) != len) {
    cli_error(cmd, "cannot write the output: %s", strerror(errno));
    return CLI_USAGE;
  }
  return CLI_OK;
}

int cli_emit(const char *cmd, int rc, char *buf, size_t len) {
  int st = CLI_USAGE;
  if (rc != GK_OK) cli_error(cmd, "%s", gk_strerror(rc));
  else st = cli_write(cmd, buf, len);
  if (st == CLI_OK && len > 0 && buf[len - 1] != '\n') st = cli_write(cmd, "\n", 1);
  gk_free(buf);
  return st;
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
