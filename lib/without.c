/* SPDX-License-Identifier: MIT */
/* What a build without an optional feature has in its place (CMakeLists.txt:
 * GK_WITH_HTML, GK_WITH_DOCX, GK_WITH_XLSX, each ON by default): the same
 * functions, returning GK_EUNSUPPORTED. A build with every feature compiles
 * nothing here. */
#include "internal.h"
#include "export_int.h"
#include "read_doc.h"
#include "read_xlsx.h"
#include "gkreport/xlsx.h"

#ifndef GK_WITH_HTML
int gk__html_grid(gk__grid *g, const char *bytes, size_t len, const char *file, gk_diags *d) {
  (void)g, (void)bytes, (void)len, (void)file, (void)d;
  return GK_EUNSUPPORTED;
}
int gk__html_fragment(gk__grid *g, const char *s, size_t n, uint32_t line, uint32_t *ntables,
                      gk_diags *d) {
  (void)g, (void)s, (void)n, (void)line, (void)ntables, (void)d;
  return GK_EUNSUPPORTED;
}
#endif

#ifndef GK_WITH_DOCX
int gk__docx_grid(gk__grid *g, const char *bytes, size_t len, const char *file, gk_diags *d) {
  (void)g, (void)bytes, (void)len, (void)file, (void)d;
  return GK_EUNSUPPORTED;
}
int gk__docx_grid_cap(gk__grid *g, const char *bytes, size_t len, const char *file, gk_diags *d,
                      size_t xml_cap) {
  (void)xml_cap;
  return gk__docx_grid(g, bytes, len, file, d);
}
int gk__xlsx_grid(gk__grid *g, const char *bytes, size_t len, const char *file, gk_diags *d) {
  (void)g, (void)bytes, (void)len, (void)file, (void)d;
  return GK_EUNSUPPORTED;
}
int gk__xlsx_grid_caps(gk__grid *g, const char *bytes, size_t len, const char *file, gk_diags *d,
                       const gk__xlsx_caps *caps) {
  (void)caps;
  return gk__xlsx_grid(g, bytes, len, file, d);
}
#endif

#ifndef GK_WITH_XLSX
GK_API int gk_report_to_xlsx(const char *path, const gk_report *r, const gk_diags *findings,
                             int lang) {
  (void)path, (void)r, (void)findings, (void)lang;
  return GK_EUNSUPPORTED;
}
GK_API int gk_series_to_xlsx(const char *path, const gk_series *s, const gk_diags *findings,
                             int lang) {
  (void)path, (void)s, (void)findings, (void)lang;
  return GK_EUNSUPPORTED;
}
int gk__panel_xlsx(const char *path, const char *sheet, const gk__panel *p,
                   const gk_diags *findings, int lang, size_t rank_col) {
  (void)path, (void)sheet, (void)p, (void)findings, (void)lang, (void)rank_col;
  return GK_EUNSUPPORTED;
}
#endif

/* ISO C forbids an empty translation unit */
typedef int gk__without_nonempty;
