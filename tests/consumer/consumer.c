/* SPDX-License-Identifier: MIT */
/* A tiny program that uses an installed libgkreport the way another system would:
 * only the public umbrella header, linked through pkg-config or find_package. */
#include <stdio.h>
#include <string.h>
#include <gkreport/gkreport.h>

int main(void) {
  gk_report *r = NULL;
  char buf[64];
  int rc = gk_report_new(&r, 2021, 2023);
  if (rc != GK_OK) {
    fprintf(stderr, "consumer: gk_report_new: %s\n", gk_strerror(rc));
    return 1;
  }
  rc = gk_report_set_text(r, "requests/new/total", "3511", 4);
  if (rc == GK_OK && gk_report_text(buf, sizeof buf, r, "requests/new/total", GK_NUL_TERMINATED) < 0)
    rc = GK_EINVAL;
  if (rc != GK_OK) {
    fprintf(stderr, "consumer: cell: %s\n", gk_strerror(rc));
    gk_report_free(r);
    return 1;
  }
  printf("gkreport %s edition %d year %d requests/new/total=%s\n", gk_version_string(),
         gk_report_edition(r), gk_report_year(r), buf);
  gk_report_free(r);
  return strcmp(gk_version_string(), GK_VERSION_STRING) == 0 ? 0 : 1;
}
