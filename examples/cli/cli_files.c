/* SPDX-License-Identifier: MIT */
/* gkreport CLI: FILE…|DIR operands expanded into the list of report files
 * (folders recursed, their files in byte order of their paths). */
#include "cli.h"

#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

static const char *const report_suffixes[] = {".txt", ".json", ".md", ".htm", ".html", NULL};

static int is_report_file(const char *name) {
  size_t n = strlen(name);
  if (name[0] == '.') return 0;
  for (size_t i = 0; report_suffixes[i]; i++) {
    size_t k = strlen(report_suffixes[i]);
    if (n > k && strcmp(name + n - k, report_suffixes[i]) == 0) return 1;
  }
  return 0;
}

static int push(cli_files *fl, const char *path) {
  if (fl->n == fl->cap) {
    size_t cap = fl->cap ? fl->cap * 2 : 32;
    char **p = realloc(fl->paths, cap * sizeof *p);
    if (!p) return -1;
    fl->paths = p;
    fl->cap = cap;
  }
  char *s = malloc(strlen(path) + 1);
  if (!s) return -1;
  strcpy(s, path);
  fl->paths[fl->n++] = s;
  return 0;
}

static int by_path(const void *a, const void *b) {
  return strcmp(*(char *const *)a, *(char *const *)b);
}

static int walk(cli_files *fl, const char *cmd, const char *dir, int depth) {
  DIR *d = opendir(dir);
  if (!d) {
    cli_error(cmd, "cannot read '%s': %s", dir, strerror(errno));
    return CLI_USAGE;
  }
  size_t first = fl->n;
  int status = CLI_OK;
  for (struct dirent *e; status == CLI_OK && (e = readdir(d)) != NULL;) {
    if (e->d_name[0] == '.') continue;
    size_t len = strlen(dir) + strlen(e->d_name) + 2;
    char *path = malloc(len);
    if (!path) {
      status = CLI_USAGE;
      break;
    }
    snprintf(path, len, "%s/%s", dir, e->d_name);
    struct stat st;
    if (stat(path, &st) == 0 && S_ISDIR(st.st_mode)) {
      if (depth < 32) status = walk(fl, cmd, path, depth + 1);
    } else if (is_report_file(e->d_name) && push(fl, path) != 0) {
      status = CLI_USAGE;
    }
    free(path);
  }
  closedir(d);
  qsort(fl->paths + first, fl->n - first, sizeof *fl->paths, by_path);
  return status;
}

int cli_files_expand(cli_files *fl, const char *cmd, char **operands, int n) {
  memset(fl, 0, sizeof *fl);
  for (int i = 0; i < n; i++) {
    struct stat st;
    int status = CLI_OK;
    if (strcmp(operands[i], "-") != 0 && stat(operands[i], &st) == 0 && S_ISDIR(st.st_mode))
      status = walk(fl, cmd, operands[i], 0);
    else if (push(fl, operands[i]) != 0)
      status = CLI_USAGE;
    if (status != CLI_OK) {
      cli_files_free(fl);
      return status;
    }
  }
  return CLI_OK;
}

void cli_files_free(cli_files *fl) {
  for (size_t i = 0; i < fl->n; i++) free(fl->paths[i]);
  free(fl->paths);
  memset(fl, 0, sizeof *fl);
}
