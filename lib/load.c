/* SPDX-License-Identifier: MIT */
/* libgkreport: gk_report_load, the one entry that detects a document's form by
 * its content and hands it to the reader of that form (document.h). */
#include <string.h>
#include "internal.h"
#include "gkreport/text.h"
#include "gkreport/json.h"
#include "gkreport/document.h"
#include "gkreport/csv.h"

static size_t le16(const char *p) { return (size_t)(unsigned char)p[0] | (size_t)(unsigned char)p[1] << 8; }

/* A zip's form by the entries its central directory names (found from the
 * end-of-central-directory record, read by the bytes: no zip library needed):
 * a workbook holds xl/workbook.xml; anything else, Word documents
 * (word/document.xml) above all, goes to the DOCX reader, which names the
 * forms it does not take. */
static gk_form zip_form(const char *bytes, size_t len) {
  static const char book[] = "xl/workbook.xml", word[] = "word/document.xml";
  size_t e = len >= 22 ? len - 22 : 0, stop = e > 65535 ? e - 65535 : 0;
  while (len >= 22 && memcmp(bytes + e, "PK\5\6", 4) != 0 && e > stop) e--;
  if (len < 22 || memcmp(bytes + e, "PK\5\6", 4) != 0) return GK_FORM_DOCX;
  size_t count = le16(bytes + e + 10), at = le16(bytes + e + 16) | le16(bytes + e + 18) << 16;
  int has_book = 0, has_word = 0;
  for (size_t k = 0; k < count && at <= e && e - at >= 46 && memcmp(bytes + at, "PK\1\2", 4) == 0; k++) {
    size_t n = le16(bytes + at + 28), extra = le16(bytes + at + 30), note = le16(bytes + at + 32);
    if (n > e - at - 46) break;
    const char *name = bytes + at + 46;
    has_book |= n == sizeof book - 1 && memcmp(name, book, n) == 0;
    has_word |= n == sizeof word - 1 && memcmp(name, word, n) == 0;
    at += 46 + n + extra + note;
  }
  return has_book && !has_word ? GK_FORM_XLSX : GK_FORM_DOCX;
}

GK_API gk_form gk_report_detect_form(const char *bytes, size_t len) {
  len = gk__nul_len(bytes, len);
  if (!bytes) return GK_FORM_TEXT;
  if (len >= 4 && memcmp(bytes, "PK\3\4", 4) == 0) return zip_form(bytes, len);
  size_t i = 0;
  if (len >= 3 && memcmp(bytes, "\xEF\xBB\xBF", 3) == 0) i = 3;
  while (i < len && (bytes[i] == ' ' || bytes[i] == '\t' || bytes[i] == '\r' || bytes[i] == '\n')) i++;
  if (i < len && bytes[i] == '{') return GK_FORM_JSON;
  if (i < len && bytes[i] == '<') return GK_FORM_HTML;
  static const char csv_head[] = "agency,year,edition,table,row,col,state,value";
  if (len - i >= sizeof csv_head - 1 && memcmp(bytes + i, csv_head, sizeof csv_head - 1) == 0) return GK_FORM_CSV;
  return GK_FORM_TEXT;
}

/* Files of forms no reader here takes, by their first bytes: named in the
 * finding with what to do, instead of being read as text that is no report. */
static const struct {
  const char *magic;
  size_t len;
  const char *zh, *en;
} foreign[] = {
    {"%PDF-", 5, "这是PDF文件，不是文本：请先用 pdftotext -layout 转换为文本再读取",
     "a PDF file, not text: convert it with pdftotext -layout first"},
    {"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8,
     "这是Word 97-2003（.doc）、WPS或Excel 97-2003文件：请另存为.docx再读取",
     "a Word 97-2003 (.doc), WPS or Excel 97-2003 file: save it as .docx first"},
    {"{\\rtf", 5, "这是RTF文件：请另存为.docx再读取", "an RTF file: save it as .docx first"},
    {"\x89PNG", 4, "这是图片文件（PNG）：需要先识别文字", "an image (PNG): its text must be recognised (OCR) first"},
    {"\xFF\xD8\xFF", 3, "这是图片文件（JPEG）：需要先识别文字", "an image (JPEG): its text must be recognised (OCR) first"},
};

/* GK_EENCODING and an import.encoding finding when bytes start as a form of
 * foreign[]; GK_OK otherwise. */
static int foreign_form(const char *bytes, size_t len, const char *source_name, gk_diags *diags) {
  for (size_t i = 0; i < sizeof foreign / sizeof foreign[0]; i++) {
    if (len < foreign[i].len || memcmp(bytes, foreign[i].magic, foreign[i].len) != 0) continue;
    if (diags) {
      int rc = gk_diags_add(NULL, diags, GK_SEV_ERROR, "import.encoding", foreign[i].zh, foreign[i].en,
                            source_name, 1, 1);
      if (rc) return rc;
    }
    return GK_EENCODING;
  }
  return GK_OK;
}

GK_API int gk_report_load_form(gk_report **out, const char *bytes, size_t len, gk_form form,
                               const char *source_name, gk_diags *diags) {
  len = gk__nul_len(bytes, len);
  if (!out) return GK_EINVAL;
  *out = NULL;
  if (!bytes && len) return GK_EINVAL;
  if (!bytes) bytes = "";
  if (form == GK_FORM_TEXT || form == GK_FORM_JSON) {
    int rc = foreign_form(bytes, len, source_name, diags);
    if (rc) return rc;
  }
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
  case GK_FORM_CSV:
    return gk_report_from_csv(out, bytes, len, source_name, diags);
  case GK_FORM_XLSX:
    return gk_report_from_xlsx(out, bytes, len, source_name, diags);
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
