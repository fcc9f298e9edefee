/* SPDX-License-Identifier: MIT */
/* gkreport: where output goes. The global -o/--output FILE (any command, any
 * place before "--") sends standard output to FILE; binary formats (XLSX) are
 * written through a temporary file and refuse a terminal. */
#include "cli.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* The value of -o / --output at argv[i] (advancing *i past it), or NULL. */
static const char *output_arg(int argc, char **argv, int *i, int *missing) {
  const char *a = argv[*i];
  if (strncmp(a, "--output=", 9) == 0) return a + 9;
  if (strcmp(a, "-o") != 0 && strcmp(a, "--output") != 0) return NULL;
  if (*i + 1 >= argc) {
    *missing = 1;
    return NULL;
  }
  return argv[++*i];
}

int cli_output_option(int *argc, char **argv) {
  const char *path = NULL;
  int kept = 1, missing = 0;
  for (int i = 1; i < *argc; i++) {
    if (strcmp(argv[i], "--") == 0) { /* the rest are operands */
      while (i < *argc) argv[kept++] = argv[i++];
      break;
    }
    const char *p = output_arg(*argc, argv, &i, &missing);
    if (missing) return cli_usage_error(NULL, "option '%s' needs a FILE", argv[i]);
    if (p) path = p;
    else argv[kept++] = argv[i];
  }
  argv[kept] = NULL;
  *argc = kept;
  if (!path || strcmp(path, "-") == 0) return CLI_OK;
  if (!freopen(path, "wb", stdout)) {
    cli_error(NULL, "cannot write '%s': %s", path, strerror(errno));
    return CLI_USAGE;
  }
  return CLI_OK;
}

int cli_emit_binary(const char *cmd, int (*write_file)(const char *path, void *ctx), void *ctx) {
  if (isatty(fileno(stdout))) {
    cli_error(cmd, "refusing to write a binary file to the terminal: use -o FILE or a redirection");
    return CLI_USAGE;
  }
  const char *dir = getenv("TMPDIR");
  char tmpl[4096];
  snprintf(tmpl, sizeof tmpl, "%s/gkreport-XXXXXX", dir && dir[0] ? dir : "/tmp");
  int fd = mkstemp(tmpl);
  if (fd < 0) {
    cli_error(cmd, "cannot create a temporary file: %s", strerror(errno));
    return CLI_USAGE;
  }
  close(fd);
  int rc = write_file(tmpl, ctx), st = CLI_USAGE;
  if (rc != GK_OK) {
    cli_error(cmd, "%s", gk_strerror(rc));
  } else {
    char *buf = NULL;
    size_t len = 0;
    st = cli_read(&buf, &len, cmd, tmpl);
    if (st == CLI_OK) st = cli_write(cmd, buf, len);
    free(buf);
  }
  unlink(tmpl);
  return st == CLI_OK ? cli_finish_output(cmd) : st;
}
