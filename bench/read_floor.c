/* SPDX-License-Identifier: MIT */
/* The floor of any checker over many files: each file named opened, read
 * whole into memory (open, fstat, read, close) and its lines counted, nothing
 * else. bench/validate_vs.sh runs it over the same files as `gkreport
 * validate`, `cat` and the Python checker: no checker that reads the files
 * can take less CPU time.
 *   gkreport_read_floor FILE... */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

int main(int argc, char **argv) {
  size_t cap = 1 << 20, lines = 0, bytes = 0;
  char *buf = malloc(cap);
  if (!buf) return 2;
  for (int i = 1; i < argc; i++) {
    int fd = open(argv[i], O_RDONLY);
    struct stat st;
    if (fd < 0 || fstat(fd, &st) != 0) {
      perror(argv[i]);
      if (fd >= 0) close(fd);
      continue;
    }
    if ((size_t)st.st_size + 1 > cap) {
      char *nb = realloc(buf, cap = (size_t)st.st_size + 1);
      if (!nb) break;
      buf = nb;
    }
    ssize_t got, len = 0;
    while ((got = read(fd, buf + len, cap - (size_t)len)) > 0) len += got;
    close(fd);
    for (const char *p = buf, *e = buf + len; (p = memchr(p, '\n', (size_t)(e - p))) != NULL; p++) lines++;
    bytes += (size_t)len;
  }
  free(buf);
  printf("%d files, %zu bytes, %zu lines\n", argc - 1, bytes, lines);
  return 0;
}
