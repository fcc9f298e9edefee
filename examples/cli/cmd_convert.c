/* gkreport convert: read a report and write it in another format. */
#include "cli.h"

#include <string.h>

const char cli_convert_usage[] =
    "Usage: gkreport convert [--from auto|json|text|html|docx] [--to json|csv|text|md]\n"
    "                        [--lines] FILE|-\n"
    "\n"
    "Read a report and write it to standard output, normalised.\n"
    "\n"
    "  --from F     input format: json, text (a published report), html (a web\n"
    "               page), docx (a Word file) or auto (default: .html/.htm/.docx by\n"
    "               the name, else by the content: PK zip, '<' markup, '{' JSON)\n"
    "  --to F       output format: json (pretty, default), csv (one line per cell:\n"
    "               agency,year,edition,table,row,col,state,value), text (the\n"
    "               official layout, which imports back to the same report) or md\n"
    "               (Markdown tables)\n"
    "  --lines      json: keep the source line of every cell ({\"value\": N, \"line\": L})\n";

enum { TO_JSON = 0, TO_CSV = 1, TO_TEXT = 2, TO_MD = 3 };
static const char *const targets[] = {"json", "csv", "text", "md", NULL};

/* Serialize r in format `to` into a library buffer (free with gk_free). */
static int serialize(char **out, size_t *len, const gk_report *r, int to, int lines) {
  switch (to) {
  case TO_CSV:
    return gk_report_to_csv(out, len, r, 0);
  case TO_TEXT:
    return gk_report_to_text(out, len, r);
  case TO_MD:
    return gk_report_to_markdown(out, len, r);
  default:
    return gk_report_to_json(out, len, r, GK_JSON_PRETTY | (lines ? GK_JSON_LINES : 0u));
  }
}

int cli_cmd_convert(int argc, char **argv) {
  cli_args a;
  cli_args_init(&a, argc, argv);
  int from = CLI_FROM_AUTO, to = TO_JSON, lines = 0;
  const char *path = NULL;
  while (cli_more(&a)) {
    int m;
    if ((m = cli_choice(&from, &a, "--from", cli_froms)) != 0 ||
        (m = cli_choice(&to, &a, "--to", targets)) != 0) {
      if (m < 0) return CLI_USAGE;
    } else if (cli_flag(&a, "--lines")) {
      lines = 1;
    } else if (cli_single_file(&path, &a) != CLI_OK) {
      return CLI_USAGE;
    }
  }
  gk_report *r = NULL;
  int st = cli_load_single(&r, a.cmd, path, from);
  if (st != CLI_OK) return st;
  char *out = NULL;
  size_t len = 0;
  int rc = serialize(&out, &len, r, to, lines);
  gk_report_free(r);
  st = cli_emit(a.cmd, rc, out, len);
  return st == CLI_OK ? cli_finish_output(a.cmd) : st;
}
