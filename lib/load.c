/* SPDX-License-Identifier: MIT */
/* libgkreport: gk_report_load, the one entry that detects a document's form by
 * its content and hands it to the reader of that form (document.h). */
#include <string.h>
#include "internal.h"
#include "gkreport/text.h"
#include "gkreport/json.h"
#include "gkreport/document.h"

GK_API gk_form gk_report_detect_form(const char *bytes, size_t len) {
  len = gk__nul_len(bytes, len);
  if (!bytes) return GK_FORM_TEXT;
  if (len >= 4 && memcmp(bytes, "PK\3\4", 4) == 0) return GK_FORM_DOCX;
  size_t i = 0;
  if (len >= 3 && memcmp(bytes, "\xEF\xBB\xBF", 3) == 0) i = 3;
  while (i < len && (bytes[i] == ' ' || bytes[i] == '\t' || bytes[i] == '\r' || bytes[i] == '\n')) i++;
  if (i < len && bytes[i] == '{') return GK_FORM_JSON;
  if (i < len && bytes[i] == '<') return GK_FORM_HTML;
  return GK_FORM_TEXT;
}

GK_API int gk_report_load_form(gk_report **out, const char *bytes, size_t len, gk_form form,
                               const char *source_name, gk_diags *diags) {
  len = gk__nul_len(bytes, len);
  if (!out) return GK_EINVAL;
  *out = NULL;
  if (!bytes && len) return GK_EINVAL;
  if (!bytes) bytes = "";
  switch (form) {
  case GK_FORM_TEXT:
    return gk_report_from_text(out, bytes, len, source_name, diags);
  case GK_FORM_JSON: {
#ifdef GK_HAVE_JSON
    size_t i = 0; /* the JSON reader takes the document from its '{' */
    if (len >= 3 && memcmp(bytes, "\xEF\xBB\xBF", 3) == 0) i = 3;
    while (i < len && (bytes[i] == ' ' || bytes[i] == '\t' || bytes[i] == '\r' || bytes[i] == '\n')) i++;
    return gk_report_from_json(out, bytes + i, len - i, source_name, diags);
#else
    return GK_EUNSUPPORTED;
#endif
  }
  case GK_FORM_HTML:
    return gk_report_from_html(out, bytes, len, source_name, diags);
  case GK_FORM_DOCX:
    return gk_report_from_docx(out, bytes, len, source_name, diags);
  }
  return GK_EINVAL;
}

GK_API int gk_report_load(gk_report **out, const char *bytes, size_t len, const char *source_name,
                          gk_diags *diags) {
  len = gk__nul_len(bytes, len);
  if (!out) return GK_EINVAL;
  *out = NULL;
  if (!bytes && len) return GK_EINVAL;
  return gk_report_load_form(out, bytes, len, gk_report_detect_form(bytes, len), source_name, diags);
}
