/* SPDX-License-Identifier: MIT */
/* The DOCX reader (lib/read_docx.c): its grid (paragraphs, runs, tables with
 * gridSpan and vMerge, nested tables, DOCX positions), the renderings of every
 * complete given report read cell by cell against the truth, and hostile files
 * (not a zip, truncated, no word/document.xml, wrong content type, bad XML, a
 * zip bomb, deep nesting). Test archives are built in memory with libzip. */
#include <zip.h>
#include "doc_testutil.h"
#include "read_doc.h"
#include "gkreport/document.h"

#define W_NS "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\""
static const char *const ctypes_ok =
    "<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/"
    "content-types\"><Override PartName=\"/word/document.xml\" ContentType=\"application/"
    "vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/></Types>";

/* A zip of n parts (name, text) in memory; free() the result. */
static char *make_zip(size_t *len, int n, const char *const *names, const char *const *texts,
                      const size_t *lens) {
  zip_error_t ze;
  zip_error_init(&ze);
  zip_source_t *src = zip_source_buffer_create(NULL, 0, 0, &ze);
  CU_ASSERT_PTR_NOT_NULL_FATAL(src);
  zip_source_keep(src);
  zip_t *za = zip_open_from_source(src, ZIP_TRUNCATE, &ze);
  CU_ASSERT_PTR_NOT_NULL_FATAL(za);
  for (int i = 0; i < n; i++) {
    size_t k = lens ? lens[i] : strlen(texts[i]);
    zip_source_t *s = zip_source_buffer(za, texts[i], k, 0);
    CU_ASSERT_TRUE_FATAL(s && zip_file_add(za, names[i], s, ZIP_FL_OVERWRITE) >= 0);
  }
  CU_ASSERT_EQUAL_FATAL(zip_close(za), 0);
  CU_ASSERT_EQUAL_FATAL(zip_source_open(src), 0);
  zip_source_seek(src, 0, SEEK_END);
  zip_int64_t size = zip_source_tell(src);
  zip_source_seek(src, 0, SEEK_SET);
  char *out = malloc((size_t)size + 1);
  CU_ASSERT_PTR_NOT_NULL_FATAL(out);
  CU_ASSERT_EQUAL_FATAL(zip_source_read(src, out, (zip_uint64_t)size), size);
  zip_source_close(src);
  zip_source_free(src);
  zip_error_fini(&ze);
  *len = (size_t)size;
  return out;
}

static char *docx_of(size_t *len, const char *body) {
  static char doc[8192];
  snprintf(doc, sizeof doc, "<?xml version=\"1.0\"?><w:document %s><w:body>%s</w:body></w:document>",
           W_NS, body);
  const char *names[] = {"[Content_Types].xml", "word/document.xml"};
  const char *texts[] = {ctypes_ok, doc};
  return make_zip(len, 2, names, texts, NULL);
}

static void test_docx_every_report_reads_as_its_truth(void) { gk_doc_check_all(".docx"); }

/* The parts' order is the document's: a DOCX numbers paragraphs and tables
 * apart, so their positions do not compare (text.sections used to fire on
 * every .docx); a report whose parts are out of order still fires. */
static void test_docx_sections_in_document_order(void) {
  CU_ASSERT_EQUAL(gk_doc_count_rule_all(".docx", "text.sections"), 0);
}

static void test_docx_runs_tables_and_positions(void) {
  const char *body =
      "<w:p><w:pPr><w:pStyle w:val=\"Heading2\"/></w:pPr><w:r><w:t>一、总</w:t></w:r>"
      "<w:r><w:t>体情况</w:t></w:r></w:p>"
      "<w:p/>"
      "<w:p><w:r><w:t xml:space=\"preserve\">甲 </w:t><w:tab/><w:t>乙</w:t><w:br/><w:t>丙</w:t></w:r>"
      "<w:del><w:r><w:delText>删</w:delText></w:r></w:del></w:p>"
      "<w:tbl>"
      "<w:tr><w:tc><w:tcPr><w:gridSpan w:val=\"2\"/><w:vMerge w:val=\"restart\"/></w:tcPr>"
      "<w:p><w:r><w:t>项目</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>A</w:t></w:r></w:p></w:tc></w:tr>"
      "<w:tr><w:tc><w:tcPr><w:gridSpan w:val=\"2\"/><w:vMerge/></w:tcPr><w:p/></w:tc>"
      "<w:tc><w:p><w:r><w:t>1</w:t></w:r></w:p><w:p><w:r><w:t>2</w:t></w:r></w:p></w:tc></w:tr>"
      "<w:tr><w:tc><w:p><w:r><w:t>x</w:t></w:r></w:p>"
      "<w:tbl><w:tr><w:tc><w:p><w:r><w:t>内</w:t></w:r></w:p></w:tc></w:tr></w:tbl></w:tc>"
      "<w:tc><w:p/></w:tc><w:tc><w:p><w:r><w:t>3</w:t></w:r></w:p></w:tc></w:tr>"
      "</w:tbl>"
      "<w:p><w:r><w:t>完</w:t></w:r></w:p>";
  size_t len = 0;
  char *file = docx_of(&len, body);
  gk__grid g;
  gk__grid_init(&g);
  CU_ASSERT_EQUAL_FATAL(gk__docx_grid(&g, file, len, "t.docx", NULL), GK_OK);
  CU_ASSERT_EQUAL(gk__grid_check(&g), GK_OK);
  CU_ASSERT_EQUAL(g.pos_kind, GK__POS_DOCX);
  CU_ASSERT_EQUAL_FATAL(g.nblocks, 7);
  CU_ASSERT_EQUAL(g.blocks[0].kind, GK__BLK_HEADING);
  CU_ASSERT_EQUAL(g.blocks[0].level, 2);
  CU_ASSERT_STRING_EQUAL(gk__grid_text(&g, g.blocks[0].off), "一、总体情况");
  CU_ASSERT_EQUAL(g.blocks[0].pos.line, 1);
  /* paragraph 2 is empty (no block); paragraph 3: tab kept (the space before it
   * collapses), a break is a line, deleted text is not read */
  CU_ASSERT_STRING_EQUAL(gk__grid_text(&g, g.blocks[1].off), "甲\t乙\n丙");
  CU_ASSERT_EQUAL(g.blocks[1].pos.line, 3);
  CU_ASSERT_EQUAL(g.blocks[1].pos.col, 0);
  /* row 1: a 2-wide merged cell over two rows */
  CU_ASSERT_EQUAL(g.blocks[2].table, 1);
  CU_ASSERT_EQUAL_FATAL(g.blocks[2].ncells, 2);
  gk__gcell *c = &g.cells[g.blocks[2].first];
  CU_ASSERT_EQUAL(c[0].colspan, 2);
  CU_ASSERT_EQUAL(c[0].rowspan, 2);
  CU_ASSERT_EQUAL(c[1].x, 2);
  CU_ASSERT_EQUAL(c[1].pos.line, (1u << 16) | 1u);
  CU_ASSERT_EQUAL(c[1].pos.col, 2);
  /* row 2: the continuation is no cell; paragraphs of a cell are lines */
  CU_ASSERT_EQUAL_FATAL(g.blocks[3].ncells, 1);
  CU_ASSERT_STRING_EQUAL(gk_doc_cell(&g, 3, 0), "1\n2");
  CU_ASSERT_EQUAL(g.cells[g.blocks[3].first].x, 2);
  CU_ASSERT_EQUAL(g.cells[g.blocks[3].first].pos.col, 2);
  /* the nested table (table 2) goes out before the row that holds it */
  CU_ASSERT_EQUAL(g.blocks[4].table, 2);
  CU_ASSERT_STRING_EQUAL(gk_doc_cell(&g, 4, 0), "内");
  CU_ASSERT_EQUAL(g.blocks[5].table, 1);
  CU_ASSERT_EQUAL(g.blocks[5].row, 3);
  CU_ASSERT_EQUAL_FATAL(g.blocks[5].ncells, 3);
  CU_ASSERT_STRING_EQUAL(gk_doc_cell(&g, 5, 0), "x");
  CU_ASSERT_EQUAL(g.cells[g.blocks[5].first + 1].len, 0); /* empty cell kept */
  CU_ASSERT_EQUAL(g.cells[g.blocks[5].first + 2].pos.line, (1u << 16) | 3u);
  CU_ASSERT_EQUAL(g.cells[g.blocks[5].first + 2].pos.col, 3);
  CU_ASSERT_STRING_EQUAL(gk__grid_text(&g, g.blocks[6].off), "完");
  CU_ASSERT_EQUAL(g.blocks[6].pos.line, 4); /* paragraphs of the body: tables' are not counted */
  gk__grid_free(&g);
  free(file);
}

static void test_docx_numbering_rendered(void) {
  const char *numbering =
      "<w:numbering " W_NS "><w:abstractNum w:abstractNumId=\"3\">"
      "<w:lvl w:ilvl=\"0\"><w:start w:val=\"10\"/><w:numFmt w:val=\"chineseCounting\"/>"
      "<w:lvlText w:val=\"（%1）\"/></w:lvl>"
      "<w:lvl w:ilvl=\"1\"><w:start w:val=\"1\"/><w:numFmt w:val=\"decimal\"/>"
      "<w:lvlText w:val=\"%1.%2\"/></w:lvl>"
      "<w:lvl w:ilvl=\"2\"><w:numFmt w:val=\"bullet\"/><w:lvlText w:val=\"*\"/></w:lvl>"
      "</w:abstractNum><w:num w:numId=\"7\"><w:abstractNumId w:val=\"3\"/></w:num></w:numbering>";
  const char *item = "<w:p><w:pPr><w:numPr><w:ilvl w:val=\"%d\"/><w:numId w:val=\"7\"/></w:numPr>"
                     "</w:pPr><w:r><w:t>项</w:t></w:r></w:p>";
  char body[4096] = "<?xml version=\"1.0\"?><w:document " W_NS "><w:body>";
  int levels[] = {0, 1, 1, 0, 2, 0};
  for (int i = 0; i < 6; i++) {
    char p[256];
    snprintf(p, sizeof p, item, levels[i]);
    strcat(body, p);
  }
  strcat(body, "</w:body></w:document>");
  const char *names[] = {"[Content_Types].xml", "word/document.xml", "word/numbering.xml"};
  const char *texts[] = {ctypes_ok, body, numbering};
  size_t len = 0;
  char *z = make_zip(&len, 3, names, texts, NULL);
  gk__grid g;
  gk__grid_init(&g);
  CU_ASSERT_EQUAL_FATAL(gk__docx_grid(&g, z, len, "n.docx", NULL), GK_OK);
  const char *want[] = {"（十）项", "十.1项", "十.2项", "（十一）项", "项", "（十二）项"};
  CU_ASSERT_EQUAL_FATAL(g.nblocks, 6);
  for (int i = 0; i < 6; i++) CU_ASSERT_STRING_EQUAL(gk__grid_text(&g, g.blocks[i].off), want[i]);
  gk__grid_free(&g);
  free(z);
}

/* Characters of a run besides w:t: a non-breaking hyphen is '-', a soft
 * hyphen nothing, a w:sym its character unless it is a symbol font's glyph;
 * a deleted row is no row (the rows keep their source numbers); a text box's
 * paragraphs come after the paragraph that anchors it (in a cell: lines of the
 * cell), its VML copy not read. */
static void test_docx_run_characters_deleted_rows_text_boxes(void) {
  const char *box = "<w:r><mc:AlternateContent xmlns:mc=\"m\"><mc:Choice Requires=\"wps\"><w:drawing>"
                    "<w:txbxContent><w:p><w:r><w:t>框</w:t></w:r></w:p><w:p><w:r><w:t>二</w:t></w:r>"
                    "</w:p></w:txbxContent></w:drawing></mc:Choice><mc:Fallback><w:pict><w:txbxContent>"
                    "<w:p><w:r><w:t>框</w:t></w:r></w:p></w:txbxContent></w:pict></mc:Fallback>"
                    "</mc:AlternateContent></w:r>";
  char body[4096];
  snprintf(body, sizeof body,
           "<w:p><w:r><w:t>甲</w:t></w:r>%s<w:r><w:t>乙</w:t><w:noBreakHyphen/><w:t>5</w:t>"
           "<w:softHyphen/><w:sym w:font=\"Wingdings\" w:char=\"F0FC\"/><w:sym w:font=\"Symbol\" "
           "w:char=\"00D7\"/></w:r></w:p>"
           "<w:tbl><w:tr><w:tc><w:p><w:r><w:t>a</w:t></w:r></w:p></w:tc></w:tr>"
           "<w:tr><w:trPr><w:del w:id=\"1\" w:author=\"x\"/></w:trPr><w:tc><w:p><w:del><w:r>"
           "<w:delText>old</w:delText></w:r></w:del></w:p></w:tc></w:tr>"
           "<w:tr><w:tc><w:p><w:r><w:t>c</w:t></w:r>%s</w:p></w:tc></w:tr></w:tbl>",
           box, box);
  size_t len = 0;
  char *z = docx_of(&len, body);
  gk__grid g;
  gk__grid_init(&g);
  CU_ASSERT_EQUAL_FATAL(gk__docx_grid(&g, z, len, "c.docx", NULL), GK_OK);
  CU_ASSERT_EQUAL(gk__grid_check(&g), GK_OK);
  CU_ASSERT_EQUAL_FATAL(g.nblocks, 5);
  CU_ASSERT_STRING_EQUAL(gk__grid_text(&g, g.blocks[0].off), "甲乙-5×");
  CU_ASSERT_STRING_EQUAL(gk__grid_text(&g, g.blocks[1].off), "框");
  CU_ASSERT_STRING_EQUAL(gk__grid_text(&g, g.blocks[2].off), "二");
  CU_ASSERT_EQUAL(g.blocks[1].pos.line, g.blocks[0].pos.line);
  CU_ASSERT_EQUAL(g.blocks[3].kind, GK__BLK_ROW);
  CU_ASSERT_EQUAL(g.blocks[3].row, 1);
  CU_ASSERT_EQUAL(g.blocks[4].row, 3); /* row 2 was deleted */
  CU_ASSERT_STRING_EQUAL(gk_doc_cell(&g, 4, 0), "c\n框\n二");
  gk__grid_free(&g);
  free(z);
}

/* The grid of body (docx_of) into g, checked; GK_OK asserted. */
static void grid_of(gk__grid *g, const char *body) {
  size_t len = 0;
  char *z = docx_of(&len, body);
  gk__grid_init(g);
  CU_ASSERT_EQUAL_FATAL(gk__docx_grid(g, z, len, "f.docx", NULL), GK_OK);
  CU_ASSERT_EQUAL(gk__grid_check(g), GK_OK);
  free(z);
}

#define P(t) "<w:p><w:r><w:t>" t "</w:t></w:r></w:p>"
#define H2(t) "<w:p><w:pPr><w:pStyle w:val=\"Heading2\"/></w:pPr><w:r><w:t>" t "</w:t></w:r></w:p>"
#define TC(x) "<w:tc>" x "</w:tc>"
#define TBL(rows) "<w:tbl><w:tblGrid><w:gridCol/></w:tblGrid>" rows "</w:tbl>"
#define DATA TBL("<w:tr>" TC(P("项目")) TC(P("件数")) "</w:tr><w:tr>" TC(P("规章")) TC(P("2")) "</w:tr>")

/* The blocks of a grid as one line each: H<level>:text, P:text, R<table>.<row>:cell|cell. */
static void grid_lines(const gk__grid *g, char *out, size_t cap) {
  size_t at = 0;
  out[0] = 0;
  for (size_t i = 0; i < g->nblocks && at < cap; i++) {
    const gk__gblock *b = &g->blocks[i];
    if (b->kind == GK__BLK_ROW) {
      at += (size_t)snprintf(out + at, cap - at, "R%u.%u:", b->table, b->row);
      for (uint32_t k = 0; k < b->ncells && at < cap; k++)
        at += (size_t)snprintf(out + at, cap - at, "%s%s", k ? "|" : "", gk_doc_cell(g, i, k));
    } else {
      at += (size_t)snprintf(out + at, cap - at, "%c%u:%.*s", b->kind == GK__BLK_HEADING ? 'H' : 'P',
                             b->level, (int)b->len, gk__grid_text(g, b->off));
    }
    if (at < cap) at += (size_t)snprintf(out + at, cap - at, "\n");
  }
}

/* A table used as a frame (one cell; a cell holding nested tables with
 * paragraphs around them, or prose; at most three columns) yields its
 * paragraphs as the body's, headings kept, and its nested tables as the
 * document's tables, numbered as if the frame were not there. A table that is
 * data by its structure stays data, and so does a frame-like table nested in
 * a data table; a data table's row that only holds nested tables is none. */
static void test_docx_frames(void) {
  static const struct {
    const char *body, *want;
  } cases[] = {
      {TBL("<w:tr>" TC(H2("一、总体情况") P("正文") DATA P("") H2("二、其他")) "</w:tr>"),
       "H2:一、总体情况\nP0:正文\nR1.1:项目|件数\nR1.2:规章|2\nH2:二、其他\n"},
      /* two columns: the report beside a narrow column of notes */
      {TBL("<w:tr>" TC(P("甲") P("乙") DATA P("")) TC(P("注")) "</w:tr>") P("完"),
       "P0:甲\nP0:乙\nR1.1:项目|件数\nR1.2:规章|2\nP0:注\nP0:完\n"},
      /* a heading in a one-cell table; a cell holding nothing but a table */
      {TBL("<w:tr>" TC(P("三、情况")) "</w:tr>") TBL("<w:tr>" TC(DATA P("")) "</w:tr>"),
       "P0:三、情况\nR1.1:项目|件数\nR1.2:规章|2\n"},
      /* prose in a cell of a two-column table */
      {TBL("<w:tr>" TC(P("五、")) TC(P("存在的主要问题是公开内容还不够全面，主动公开的深度和广度还需进一步拓展，解读回应还不够及时。")
                                   P("下一步将加强培训，提高公开质量，进一步规范依申请公开办理流程。")
                                   P("同时加强政策解读，回应社会关切，推进政务公开标准化规范化建设。")) "</w:tr>"),
       "P0:五、\nP0:存在的主要问题是公开内容还不够全面，主动公开的深度和广度还需进一步拓展，解读回应还不够及时。\n"
       "P0:下一步将加强培训，提高公开质量，进一步规范依申请公开办理流程。\n"
       "P0:同时加强政策解读，回应社会关切，推进政务公开标准化规范化建设。\n"},
      /* data: a label beside a nested table; four columns; a frame inside a data cell */
      {TBL("<w:tr>" TC(P("x") DATA) TC(P("1")) "</w:tr>"), "R2.1:项目|件数\nR2.2:规章|2\nR1.1:x|1\n"},
      {TBL("<w:tr>" TC(P("a") P("b") DATA) TC(P("1")) TC(P("2")) TC(P("3")) "</w:tr>"),
       "R2.1:项目|件数\nR2.2:规章|2\nR1.1:a\nb|1|2|3\n"},
      {TBL("<w:tr>" TC(P("y")) TC(TBL("<w:tr>" TC(P("内")) "</w:tr>") P("")) TC(P("1")) TC(P("2")) "</w:tr>"),
       "R2.1:内\nR1.1:y||1|2\n"},
      /* a data table's row that only holds a nested table is no row */
      {TBL("<w:tr>" TC(P("a")) TC(P("b")) TC(P("c")) TC(P("d")) "</w:tr><w:tr><w:tc><w:tcPr><w:gridSpan "
           "w:val=\"4\"/></w:tcPr>" DATA P("") "</w:tc></w:tr><w:tr>" TC(P("e")) "</w:tr>"),
       "R1.1:a|b|c|d\nR2.1:项目|件数\nR2.2:规章|2\nR1.3:e\n"},
      /* an empty table element is nothing */
      {"<w:tbl/>" P("完"), "P0:完\n"},
  };
  for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
    gk__grid g;
    grid_of(&g, cases[i].body);
    char got[2048];
    grid_lines(&g, got, sizeof got);
    if (strcmp(got, cases[i].want) != 0) printf("\n  case %zu:\n%s  want:\n%s", i, got, cases[i].want);
    CU_ASSERT_STRING_EQUAL(got, cases[i].want);
    gk__grid_free(&g);
  }
}

/* A table in a text box is a table: after the anchoring paragraph's text so
 * far and the box's paragraphs before it; in a data table's cell the box's
 * table is a nested table. Word's VML copy is not read. */
static void test_docx_table_in_text_box(void) {
#define BOX(x) "<w:r><mc:AlternateContent xmlns:mc=\"m\"><mc:Choice><w:drawing><w:txbxContent>" x \
               "</w:txbxContent></w:drawing></mc:Choice><mc:Fallback><w:pict><w:txbxContent>" x \
               "</w:txbxContent></w:pict></mc:Fallback></mc:AlternateContent></w:r>"
  gk__grid g;
  grid_of(&g, "<w:p><w:r><w:t>锚</w:t></w:r>" BOX(P("框") DATA P("后")) "<w:r><w:t>尾</w:t></w:r></w:p>"
              TBL("<w:tr>" TC("<w:p>" BOX(DATA) "</w:p>") TC(P("9")) TC(P("8")) TC(P("7")) "</w:tr>"));
  char got[2048];
  grid_lines(&g, got, sizeof got);
  CU_ASSERT_STRING_EQUAL(got, "P0:锚\nP0:框\nR1.1:项目|件数\nR1.2:规章|2\nP0:尾\nP0:后\n"
                              "R3.1:项目|件数\nR3.2:规章|2\nR2.1:|9|8|7\n");
  gk__grid_free(&g);
#undef BOX
}

/* A superscript or subscript run in a cell (a note mark typed after a value)
 * stands apart from the text beside it: 8 with a mark 3 is "8 3", never 83;
 * in body text nothing changes. Hidden text (w:vanish) is not read. */
static void test_docx_script_runs_in_cells(void) {
  const char *sup = "<w:rPr><w:vertAlign w:val=\"superscript\"/></w:rPr>";
  char body[4096];
  snprintf(body, sizeof body,
           "<w:p><w:r><w:t>注</w:t></w:r><w:r>%s<w:t>1</w:t></w:r></w:p>"
           "<w:tbl><w:tr><w:tc><w:p><w:r><w:t>8</w:t></w:r><w:r>%s<w:t>3</w:t></w:r></w:p></w:tc>"
           "<w:tc><w:p><w:pPr><w:rPr><w:vertAlign w:val=\"superscript\"/></w:rPr></w:pPr><w:r><w:t>1</w:t>"
           "</w:r><w:r><w:t>2</w:t></w:r></w:p></w:tc>"
           "<w:tc><w:p><w:r><w:t>5</w:t></w:r><w:r><w:rPr><w:vertAlign w:val=\"baseline\"/></w:rPr>"
           "<w:t>6</w:t></w:r><w:r><w:rPr><w:vertAlign w:val=\"subscript\"/></w:rPr><w:t>x</w:t></w:r>"
           "<w:r><w:t>7</w:t></w:r></w:p></w:tc>"
           "<w:tc><w:p><w:r><w:t>1</w:t></w:r><w:r><w:rPr><w:vanish/></w:rPr><w:t>5</w:t></w:r>"
           "<w:r><w:rPr><w:vanish w:val=\"0\"/></w:rPr><w:t>0</w:t></w:r></w:p></w:tc></w:tr></w:tbl>",
           sup, sup);
  size_t len = 0;
  char *z = docx_of(&len, body);
  gk__grid g;
  gk__grid_init(&g);
  CU_ASSERT_EQUAL_FATAL(gk__docx_grid(&g, z, len, "s.docx", NULL), GK_OK);
  CU_ASSERT_EQUAL_FATAL(g.nblocks, 2);
  CU_ASSERT_STRING_EQUAL(gk__grid_text(&g, g.blocks[0].off), "注1");
  CU_ASSERT_STRING_EQUAL(gk_doc_cell(&g, 1, 0), "8 3");
  CU_ASSERT_STRING_EQUAL(gk_doc_cell(&g, 1, 1), "12"); /* the paragraph mark's superscript is no run's */
  CU_ASSERT_STRING_EQUAL(gk_doc_cell(&g, 1, 2), "56 x 7");
  CU_ASSERT_STRING_EQUAL(gk_doc_cell(&g, 1, 3), "10"); /* hidden text (w:vanish) is not read */
  gk__grid_free(&g);
  free(z);
}

/* A heading numbered through its style: Chinese Word's style id "1" named
 * "heading 1", the numbering in the style (basedOn followed); a paragraph's own
 * w:numPr wins (numId 0: none); the old numbering of a tracked formatting
 * change is not rendered; styles based on each other end (body text). */
static void test_docx_style_headings_and_numbering(void) {
  const char *styles =
      "<w:styles " W_NS "><w:style w:type=\"paragraph\" w:styleId=\"1\"><w:name w:val=\"heading 1\"/>"
      "<w:pPr><w:numPr><w:numId w:val=\"1\"/></w:numPr></w:pPr></w:style>"
      "<w:style w:type=\"paragraph\" w:styleId=\"my\"><w:name w:val=\"我的标题\"/><w:basedOn w:val=\"1\"/>"
      "</w:style><w:style w:type=\"paragraph\" w:styleId=\"o\"><w:pPr><w:outlineLvl w:val=\"1\"/></w:pPr>"
      "</w:style><w:style w:styleId=\"x\"><w:basedOn w:val=\"y\"/></w:style>"
      "<w:style w:styleId=\"y\"><w:basedOn w:val=\"x\"/></w:style></w:styles>";
  const char *numbering =
      "<w:numbering " W_NS "><w:abstractNum w:abstractNumId=\"0\"><w:lvl w:ilvl=\"0\"><w:start "
      "w:val=\"1\"/><w:numFmt w:val=\"chineseCounting\"/><w:lvlText w:val=\"%1、\"/></w:lvl>"
      "</w:abstractNum><w:num w:numId=\"1\"><w:abstractNumId w:val=\"0\"/></w:num></w:numbering>";
  const char *body =
      "<?xml version=\"1.0\"?><w:document " W_NS "><w:body>"
      "<w:p><w:pPr><w:pStyle w:val=\"1\"/></w:pPr><w:r><w:t>总</w:t></w:r></w:p>"
      "<w:p><w:pPr><w:pStyle w:val=\"my\"/><w:pPrChange><w:pPr><w:numPr><w:numId w:val=\"1\"/>"
      "</w:numPr></w:pPr></w:pPrChange></w:pPr><w:r><w:t>主</w:t></w:r></w:p>"
      "<w:p><w:pPr><w:pStyle w:val=\"1\"/><w:numPr><w:numId w:val=\"0\"/></w:numPr></w:pPr>"
      "<w:r><w:t>无</w:t></w:r></w:p>"
      "<w:p><w:pPr><w:pStyle w:val=\"o\"/></w:pPr><w:r><w:t>纲</w:t></w:r></w:p>"
      "<w:p><w:pPr><w:pStyle w:val=\"x\"/></w:pPr><w:r><w:t>文</w:t></w:r></w:p></w:body></w:document>";
  const char *names[] = {"[Content_Types].xml", "word/document.xml", "word/numbering.xml",
                         "word/styles.xml"};
  const char *texts[] = {ctypes_ok, body, numbering, styles};
  size_t len = 0;
  char *z = make_zip(&len, 4, names, texts, NULL);
  gk__grid g;
  gk__grid_init(&g);
  CU_ASSERT_EQUAL_FATAL(gk__docx_grid(&g, z, len, "s.docx", NULL), GK_OK);
  CU_ASSERT_EQUAL_FATAL(g.nblocks, 5);
  const char *want[] = {"一、总", "二、主", "无", "纲", "文"};
  const int kind[] = {GK__BLK_HEADING, GK__BLK_HEADING, GK__BLK_HEADING, GK__BLK_HEADING, GK__BLK_PARA};
  const int level[] = {1, 1, 1, 2, 0};
  for (int i = 0; i < 5; i++) {
    CU_ASSERT_STRING_EQUAL(gk__grid_text(&g, g.blocks[i].off), want[i]);
    CU_ASSERT_EQUAL(g.blocks[i].kind, kind[i]);
    CU_ASSERT_EQUAL(g.blocks[i].level, level[i]);
  }
  gk__grid_free(&g);
  free(z);
}

static void test_docx_rendering_grid(void) {
  size_t len = 0;
  char *file = gk_doc_read("2023_suqian-municipal-government", ".docx", &len);
  CU_ASSERT_PTR_NOT_NULL_FATAL(file);
  gk__grid g;
  gk__grid_init(&g);
  CU_ASSERT_EQUAL_FATAL(gk__docx_grid(&g, file, len, "s.docx", NULL), GK_OK);
  CU_ASSERT_EQUAL(gk__grid_check(&g), GK_OK);
  /* headings numbered by numbering.xml (chineseCounting, "%1、") get their
   * number rendered; header and footer parts are not read */
  CU_ASSERT_STRING_EQUAL(gk__grid_text(&g, g.blocks[2].off), "一、总体情况");
  CU_ASSERT_STRING_EQUAL(gk__grid_text(&g, g.blocks[4].off), "二、主动公开政府信息情况");
  CU_ASSERT_EQUAL(g.blocks[2].kind, GK__BLK_HEADING);
  size_t rows = 0;
  for (size_t i = 0; i < g.nblocks; i++) {
    if (g.blocks[i].kind != GK__BLK_ROW) {
      CU_ASSERT_PTR_NULL(strstr(gk__grid_text(&g, g.blocks[i].off), "页眉"));
      continue;
    }
    rows++;
    if (g.blocks[i].table == 2 && g.blocks[i].row == 8) { /* （三）不予公开 over its 8 rows */
      CU_ASSERT_STRING_EQUAL(gk_doc_cell(&g, i, 0), "（三）不予公开");
      CU_ASSERT_EQUAL(g.cells[g.blocks[i].first].rowspan, 8);
      CU_ASSERT_EQUAL(g.cells[g.blocks[i].first].x, 1);
      CU_ASSERT_EQUAL(g.cells[g.blocks[i].first + 3].pos.line, (2u << 16) | 8u);
      CU_ASSERT_EQUAL(g.cells[g.blocks[i].first + 3].pos.col, 5); /* cell 1 is the merged 三、 */
      CU_ASSERT_STRING_EQUAL(gk_doc_cell(&g, i, 3), "0");
    }
  }
  CU_ASSERT_EQUAL(rows, 9 + 28 + 4);
  gk__grid_free(&g);
  free(file);
}

static void expect_error(const char *bytes, size_t len, const char *rule, int rc_want) {
  gk_diags *d = NULL;
  gk_report *r = NULL;
  CU_ASSERT_EQUAL_FATAL(gk_diags_new(&d), GK_OK);
  CU_ASSERT_EQUAL(gk_report_from_docx(&r, bytes, len, "h.docx", d), rc_want);
  CU_ASSERT_PTR_NULL(r);
  CU_ASSERT_TRUE(gk_doc_find_rule(d, rule) >= 0);
  gk_diags_free(d);
}

/* Zips of other forms (OFD, Excel, PowerPoint, OpenDocument) are named in the
 * finding, not called a broken Word file; a .docx that also holds such a part
 * is read as Word. */
static void test_docx_other_zip_forms(void) {
  static const char *const parts[][2] = {{"OFD.xml", "OFD"}, {"xl/workbook.xml", "Excel"},
                                         {"ppt/presentation.xml", "PowerPoint"}, {"content.xml", "OpenDocument"}};
  for (size_t i = 0; i < sizeof parts / sizeof parts[0]; i++) {
    const char *names[] = {parts[i][0]}, *texts[] = {"<x/>"};
    size_t len = 0;
    char *z = make_zip(&len, 1, names, texts, NULL);
    gk_diags *d = NULL;
    gk_report *r = NULL;
    CU_ASSERT_EQUAL_FATAL(gk_diags_new(&d), GK_OK);
    CU_ASSERT_EQUAL(gk_report_from_docx(&r, z, len, "o.zip", d), GK_EPARSE);
    long k = gk_doc_find_rule(d, "import.docx");
    CU_ASSERT_TRUE_FATAL(k >= 0);
    CU_ASSERT_PTR_NOT_NULL(strstr(gk_diag_message(d, (size_t)k, GK_LANG_EN), parts[i][1]));
    gk_diags_free(d);
    free(z);
  }
  char doc[512];
  snprintf(doc, sizeof doc, "<?xml version=\"1.0\"?><w:document %s><w:body><w:p><w:r><w:t>甲</w:t></w:r></w:p>"
           "</w:body></w:document>", W_NS);
  const char *names[] = {"[Content_Types].xml", "word/document.xml", "content.xml"};
  const char *texts[] = {ctypes_ok, doc, "<x/>"};
  size_t len = 0;
  char *z = make_zip(&len, 3, names, texts, NULL);
  gk__grid g;
  gk__grid_init(&g);
  CU_ASSERT_EQUAL(gk__docx_grid(&g, z, len, "w.docx", NULL), GK_OK);
  CU_ASSERT_EQUAL_FATAL(g.nblocks, 1);
  CU_ASSERT_STRING_EQUAL(gk__grid_text(&g, g.blocks[0].off), "甲");
  gk__grid_free(&g);
  free(z);
}

static void test_docx_hostile_files(void) {
  /* not a zip, and a rendering cut in half */
  expect_error("PK\3\4garbage", 11, "import.docx", GK_EPARSE);
  size_t len = 0;
  char *file = gk_doc_read("2024_suqian-municipal-government", ".docx", &len);
  CU_ASSERT_PTR_NOT_NULL_FATAL(file);
  expect_error(file, len / 2, "import.docx", GK_EPARSE);
  /* a zip holding no document part */
  const char *names[] = {"[Content_Types].xml", "word/document.xml", "readme.txt"};
  const char *texts[] = {ctypes_ok, "", "hello"};
  char *z = make_zip(&len, 1, names + 2, texts + 2, NULL);
  expect_error(z, len, "import.docx", GK_EPARSE);
  free(z);
  /* a wrong content type: a spreadsheet's main part */
  const char *xlsx = "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                     "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd."
                     "openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/></Types>";
  const char *texts2[] = {xlsx, "<w:document/>"};
  z = make_zip(&len, 2, names, texts2, NULL);
  expect_error(z, len, "import.docx", GK_EPARSE);
  free(z);
  /* malformed XML: the error names its line */
  const char *texts3[] = {ctypes_ok, "<?xml version=\"1.0\"?>\n<w:document " W_NS ">\n<w:body>\n<w:p></w:tbl>"};
  z = make_zip(&len, 2, names, texts3, NULL);
  gk_diags *d = NULL;
  gk_report *r = NULL;
  CU_ASSERT_EQUAL_FATAL(gk_diags_new(&d), GK_OK);
  CU_ASSERT_EQUAL(gk_report_load(&r, z, len, "bad.docx", d), GK_EPARSE);
  long i = gk_doc_find_rule(d, "import.docx");
  CU_ASSERT_TRUE_FATAL(i >= 0);
  CU_ASSERT_EQUAL(gk_diag_line(d, (size_t)i), 4);
  gk_diags_free(d);
  free(z);
  free(file);
}

static void test_docx_zip_bomb_and_nesting(void) {
  /* 8 MiB of spaces deflate to a few KiB; with a 1 MiB cap the reader stops */
  size_t big = (size_t)8 << 20, len = 0;
  char *xml = malloc(big);
  CU_ASSERT_PTR_NOT_NULL_FATAL(xml);
  const char *open = "<w:document " W_NS "><w:body><w:p><w:r><w:t>";
  memset(xml, ' ', big);
  memcpy(xml, open, strlen(open));
  const char *names[] = {"[Content_Types].xml", "word/document.xml"};
  const char *texts[] = {ctypes_ok, xml};
  size_t lens[] = {strlen(ctypes_ok), big};
  char *z = make_zip(&len, 2, names, texts, lens);
  CU_ASSERT_TRUE(len < big / 100);
  gk_diags *d = NULL;
  CU_ASSERT_EQUAL_FATAL(gk_diags_new(&d), GK_OK);
  gk__grid g;
  gk__grid_init(&g);
  CU_ASSERT_EQUAL(gk__docx_grid_cap(&g, z, len, "bomb.docx", d, (size_t)1 << 20), GK_EPARSE);
  CU_ASSERT_TRUE(gk_doc_find_rule(d, "import.too_large") >= 0);
  gk__grid_free(&g);
  gk_diags_clear(d);
  free(z);
  /* 10^5 nested tables: a located error (libxml2's depth limit), bounded memory */
  const char *nest = "<w:tbl><w:tr><w:tc>";
  size_t k = strlen(nest), n = 100000, at = strlen(open) - strlen("<w:p><w:r><w:t>");
  CU_ASSERT_TRUE_FATAL(at + n * k < big);
  for (size_t j = 0; j < n; j++) memcpy(xml + at + j * k, nest, k);
  lens[1] = at + n * k;
  z = make_zip(&len, 2, names, texts, lens);
  gk_report *r = NULL;
  CU_ASSERT_EQUAL(gk_report_from_docx(&r, z, len, "deep.docx", d), GK_EPARSE);
  CU_ASSERT_TRUE(gk_doc_find_rule(d, "import.docx") >= 0);
  free(z);
  free(xml);
  /* over the input cap */
  char *huge = calloc(GK_DOCUMENT_MAX_INPUT + 1, 1);
  CU_ASSERT_PTR_NOT_NULL_FATAL(huge);
  memcpy(huge, "PK\3\4", 4);
  gk_diags_clear(d);
  CU_ASSERT_EQUAL(gk_report_load(&r, huge, GK_DOCUMENT_MAX_INPUT + 1, "huge.docx", d), GK_EPARSE);
  CU_ASSERT_TRUE(gk_doc_find_rule(d, "import.too_large") >= 0);
  free(huge);
  gk_diags_free(d);
}

static void test_docx_positions_in_findings(void) {
  gk_diags *d = NULL;
  CU_ASSERT_EQUAL_FATAL(gk_diags_new(&d), GK_OK);
  CU_ASSERT_EQUAL(gk_diags_add(NULL, d, GK_SEV_ERROR, "r", "z", "e", "a.docx", (3u << 16) | 5u, 2), GK_OK);
  CU_ASSERT_EQUAL(gk_diags_add(NULL, d, GK_SEV_ERROR, "r", "z", "e", "a.DOCX", 12, 0), GK_OK);
  CU_ASSERT_EQUAL(gk_diags_add(NULL, d, GK_SEV_ERROR, "r", "z", "e", "a.html", 118, 7), GK_OK);
  CU_ASSERT_EQUAL(gk_diags_add(NULL, d, GK_SEV_ERROR, "r", "z", "e", "a.docx", (1u << 16) | 9u, 0), GK_OK);
  char buf[128];
  CU_ASSERT_EQUAL(gk_diag_position(buf, sizeof buf, d, 0, GK_LANG_EN), 25);
  CU_ASSERT_STRING_EQUAL(buf, " (table 3, row 5, cell 2)");
  gk_diag_position(buf, sizeof buf, d, 0, GK_LANG_ZH);
  CU_ASSERT_STRING_EQUAL(buf, "（表3第5行第2格）");
  gk_diag_position(buf, sizeof buf, d, 1, GK_LANG_EN);
  CU_ASSERT_STRING_EQUAL(buf, " (paragraph 12)");
  gk_diag_position(buf, sizeof buf, d, 2, GK_LANG_EN);
  CU_ASSERT_STRING_EQUAL(buf, ":118:7");
  gk_diag_position(buf, sizeof buf, d, 3, GK_LANG_EN);
  CU_ASSERT_STRING_EQUAL(buf, " (table 1, row 9)");
  CU_ASSERT_EQUAL(gk_diag_position(buf, sizeof buf, d, 9, GK_LANG_EN), GK_EINVAL);
  gk_diag_format(buf, sizeof buf, d, 0, GK_LANG_EN);
  CU_ASSERT_STRING_EQUAL(buf, "a.docx (table 3, row 5, cell 2): error r: e");
  gk_diags_clear(d);
  /* a finding of a .docx report points at its table and row: 洪泽 2023's 复议
   * total (review.total) is in table 3 (the review table), row 4 */
  size_t len = 0;
  char *file = gk_doc_read("2023_huaian-hongze-district-government", ".docx", &len);
  CU_ASSERT_PTR_NOT_NULL_FATAL(file);
  gk_report *r = NULL;
  CU_ASSERT_EQUAL_FATAL(gk_report_load(&r, file, len, "hongze.docx", d), GK_OK);
  gk_diags_clear(d);
  CU_ASSERT_EQUAL(gk_report_validate(r, NULL, d), GK_OK);
  long i = gk_doc_find_rule(d, "review.total");
  CU_ASSERT_TRUE_FATAL(i >= 0);
  CU_ASSERT_EQUAL(gk_diag_line(d, (size_t)i), (3u << 16) | 4u);
  CU_ASSERT_EQUAL(gk_diag_column(d, (size_t)i), 5);
  gk_diag_position(buf, sizeof buf, d, (size_t)i, GK_LANG_EN);
  CU_ASSERT_STRING_EQUAL(buf, " (table 3, row 4, cell 5)");
  gk_diag_position(buf, sizeof buf, d, (size_t)i, GK_LANG_ZH);
  CU_ASSERT_STRING_EQUAL(buf, "（表3第4行第5格）");
  /* the second review.total: 复议后起诉's total, the 15th cell of the row */
  CU_ASSERT_EQUAL_FATAL(gk_diags_count(d) > (size_t)i + 1, 1);
  CU_ASSERT_STRING_EQUAL(gk_diag_rule(d, (size_t)i + 1), "review.total");
  gk_diag_format(buf, sizeof buf, d, (size_t)i + 1, GK_LANG_EN);
  CU_ASSERT_EQUAL(strncmp(buf, "hongze.docx (table 3, row 4, cell 15): error review.total", 57), 0);
  /* a cell found by its path (cell.blank names the blank total) also has its cell:
   * 上海 2019's 予以公开 total is blank, the 9th cell of table 2's 6th row */
  gk_report_free(r);
  free(file);
  file = gk_doc_read("2019_shanghai-municipal-general-office", ".docx", &len);
  CU_ASSERT_PTR_NOT_NULL_FATAL(file);
  gk_diags_clear(d);
  CU_ASSERT_EQUAL_FATAL(gk_report_load(&r, file, len, "sh.docx", d), GK_OK);
  gk_diags_clear(d);
  CU_ASSERT_EQUAL(gk_report_validate(r, NULL, d), GK_OK);
  i = gk_doc_find_rule(d, "cell.blank");
  CU_ASSERT_TRUE_FATAL(i >= 0);
  CU_ASSERT_STRING_EQUAL(gk_diag_cell(d, (size_t)i, 0), "requests/granted/total");
  gk_diag_position(buf, sizeof buf, d, (size_t)i, GK_LANG_EN);
  CU_ASSERT_STRING_EQUAL(buf, " (table 2, row 6, cell 9)");
  gk_report_free(r);
  free(file);
  gk_diags_free(d);
}

static void test_docx_allocation_failures(void) {
  size_t len = 0;
  char *file = gk_doc_read("2023_huaian-hongze-district-government", ".docx", &len);
  CU_ASSERT_PTR_NOT_NULL_FATAL(file);
  int done = 0;
  for (long n = 0; n < 100000 && !done; n++) {
    gk_report *r = NULL;
    gk__alloc_fail_after(n);
    int rc = gk_report_from_docx(&r, file, len, "d.docx", NULL);
    gk__alloc_fail_after(-1);
    if (rc == GK_OK) done = 1;
    else CU_ASSERT_EQUAL_FATAL(rc, GK_ENOMEM);
    gk_report_free(r);
  }
  CU_ASSERT_TRUE(done);
  free(file);
}

int main(void) {
  CU_TestInfo tests[] = {
      {"every report reads as its truth", test_docx_every_report_reads_as_its_truth},
      {"sections in document order", test_docx_sections_in_document_order},
      {"runs, tables and positions", test_docx_runs_tables_and_positions},
      {"grid of a rendering", test_docx_rendering_grid},
      {"script runs in cells", test_docx_script_runs_in_cells},
      {"run characters, deleted rows, text boxes", test_docx_run_characters_deleted_rows_text_boxes},
      {"style headings and numbering", test_docx_style_headings_and_numbering},
      {"numbering rendered", test_docx_numbering_rendered},
      {"hostile files", test_docx_hostile_files},
      {"zips of other forms named", test_docx_other_zip_forms},
      {"zip bomb and nesting", test_docx_zip_bomb_and_nesting},
      {"positions in findings", test_docx_positions_in_findings},
      {"allocation failures", test_docx_allocation_failures},
      {"frames", test_docx_frames},
      {"table in a text box", test_docx_table_in_text_box},
      CU_TEST_INFO_NULL};
  return gk_test_main("docx", tests);
}
