/* SPDX-License-Identifier: MIT */
/* The HTML page frame shared by the page exporters (export_int.h): escaping,
 * <head> with the inline style sheet, and the end of the page. Pages are one
 * self-contained file: no script, font, image or style from elsewhere, since
 * government intranets are offline. */
#include <string.h>
#include "export_int.h"

void gk__html_text(gk__buf *b, const char *s, size_t n, int one_line) {
  size_t from = 0;
  for (size_t i = 0; i < n; i++) {
    const char *rep = NULL;
    switch (s[i]) {
    case '&': rep = "&amp;"; break;
    case '<': rep = "&lt;"; break;
    case '>': rep = "&gt;"; break;
    case '"': rep = "&quot;"; break;
    case '\'': rep = "&#39;"; break;
    case '\0': rep = "\xEF\xBF\xBD"; break; /* U+FFFD: NUL is no character of HTML */
    case '\r': case '\n': if (one_line) rep = " "; break;
    default: break;
    }
    if (!rep) continue;
    gk__buf_put(b, s + from, i - from);
    gk__buf_puts(b, rep);
    from = i + 1;
  }
  gk__buf_put(b, s + from, n - from);
}

void gk__html_str(gk__buf *b, const char *s, int one_line) {
  if (s) gk__html_text(b, s, strlen(s), one_line);
}

/* The fonts that draw Chinese on the machines that open the pages: Windows
 * (Microsoft YaHei, SimSun), Kylin and UOS (Noto Sans CJK, WenQuanYi), macOS. */
#define GK_FONTS                                                                    \
  "\"Microsoft YaHei\", \"微软雅黑\", \"Noto Sans CJK SC\", \"Noto Sans SC\", "        \
  "\"Source Han Sans SC\", \"WenQuanYi Micro Hei\", \"WenQuanYi Zen Hei\", "          \
  "\"PingFang SC\", \"SimSun\", \"宋体\", sans-serif"

static const char style[] =
  "body{font-family:" GK_FONTS ";color:#222;background:#fff;margin:1.5em auto;"
  "max-width:60em;padding:0 1em;line-height:1.6}\n"
  "h1{font-size:1.5em;text-align:center}h2{font-size:1.15em;margin-top:1.6em}\n"
  ".meta{text-align:center;color:#555}\n"
  "table{border-collapse:collapse;margin:.6em 0;font-size:.9em}\n"
  "th,td{border:1px solid #888;padding:.2em .45em;vertical-align:middle}\n"
  "thead th{background:#eef1f5;font-weight:600}\n"
  "tbody th{text-align:left;font-weight:normal}\n"
  "td{text-align:right;font-variant-numeric:tabular-nums;min-width:2.5em}\n"
  "td.lit{text-align:center}\n"
  "td.error{background:#fdd;outline:2px solid #c00}\n"
  "td.warning{background:#fff3c4}td.info{background:#e6f0ff}\n"
  "td.suspect{font-weight:bold;text-decoration:underline wavy #c00}\n"
  "sup a{color:#a00;text-decoration:none;font-size:.75em}\n"
  "mark{background:#fff3c4}\n"
  ".findings li{margin:.3em 0}.sev-error{color:#b00;font-weight:bold}"
  ".sev-warning{color:#8a5a00;font-weight:bold}.sev-info{color:#245;font-weight:bold}\n"
  ".note{border-left:4px solid #e0a000;background:#fffaf0;padding:.3em .8em;margin:.5em 0}\n"
  "figure{margin:1em 0;break-inside:avoid}figcaption{font-weight:600}\n"
  "#charts{display:flex;flex-wrap:wrap;gap:0 1.5em}\n"
  "svg text{font-family:" GK_FONTS ";font-size:12px}\n"
  "@page{size:A4;margin:15mm}\n"
  "@media print{body{max-width:none;margin:0;padding:0;font-size:10.5pt}"
  "tr,figure{break-inside:avoid}h2{break-after:avoid}a{color:inherit}}\n";

void gk__html_begin(gk__buf *b, const char *title, int lang) {
  gk__buf_printf(b, "<!DOCTYPE html>\n<html lang=\"%s\">\n<head>\n<meta charset=\"utf-8\"/>\n",
                 lang == GK_LANG_EN ? "en" : "zh-CN");
  gk__buf_puts(b, "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n");
  gk__buf_puts(b, "<meta name=\"generator\" content=\"libgkreport ");
  gk__buf_puts(b, gk_version_string());
  gk__buf_puts(b, "\"/>\n<title>");
  gk__html_str(b, title, 1);
  gk__buf_puts(b, "</title>\n<style>\n");
  gk__buf_puts(b, style);
  gk__buf_puts(b, "</style>\n</head>\n<body>\n");
}

void gk__html_end(gk__buf *b) { gk__buf_puts(b, "</body>\n</html>\n"); }
