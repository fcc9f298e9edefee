/* libgkreport: gk_report_load, the one entry that detects a document's form by
 * its content and hands it to the reader of that form. */
#include <string.h>
#include "internal.h"
#include "gkreport/text.h"
#include "gkreport/json.h"

GK_API int gk_report_load(gk_report **out, const char *bytes, size_t len, const char *source_name,
                          gk_diags *diags) {
  if (!out) return GK_EINVAL;
  *out = NULL;
  if (!bytes && len) return GK_EINVAL;
  size_t i = 0;
  if (len >= 3 && memcmp(bytes, "\xEF\xBB\xBF", 3) == 0) i = 3;
  while (i < len && (bytes[i] == ' ' || bytes[i] == '\t' || bytes[i] == '\r' || bytes[i] == '\n')) i++;
  if (i < len && bytes[i] == '{') {
#ifdef GK_HAVE_JSON
    return gk_report_from_json(out, bytes + i, len - i, source_name, diags);
#else
    return GK_EUNSUPPORTED;
#endif
  }
  return gk_report_from_text(out, bytes, len, source_name, diags);
}
