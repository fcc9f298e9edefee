/* SPDX-License-Identifier: MIT */
/* The rule catalogue of format.md §7 as data, and the emit helper shared by the
 * rule modules (validate.c: within one report; text rules; series rules), and the
 * catalogue's public accessors gk_rule_* (validate.h). */
#include <string.h>
#include "gkreport/validate.h"
#include "rules_int.h"

#define E GK_SEV_ERROR
#define W GK_SEV_WARNING
#define I GK_SEV_INFO
#define REP GK__SCOPE_REPORT
#define TXT GK__SCOPE_TEXT
#define SER GK__SCOPE_SERIES
#define AGG GK__SCOPE_AGGREGATE
#define IMP GK__SCOPE_IMPORT
/* the editions a rule covers: all, or a range of edition ids */
#define ED_ALL 0, 0
#define ED_2019_ONLY GK_EDITION_2019, GK_EDITION_2019
#define ED_2021_ON GK_EDITION_2021, 0

const gk__rule_info gk__rules[] = {
  /* within one report */
  {"requests.balance", E, REP, ED_ALL,
   "本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和",
   "for each column: new requests + carried over from last year = total handled + carried forward to next year"},
  {"requests.row_total", E, REP, ED_ALL,
   "各行：总计等于自然人、商业企业、科研机构、社会公益组织、法律服务机构、其他之和",
   "for each row: total = natural persons + commercial enterprises + research institutions + public-interest organisations + legal service institutions + other organisations"},
  {"requests.outcome_total", E, REP, ED_ALL,
   "各列：办理结果总计等于各项办理结果之和",
   "for each column: total = sum of all leaf outcome rows"},
  {"review.total", E, REP, ED_ALL,
   "行政复议、行政诉讼各行：总计等于结果维持、结果纠正、其他结果、尚未审结之和",
   "for each row of review and litigation: total = upheld + corrected + other outcome + pending"},
  {"cell.value", E, REP, ED_ALL,
   "数值类型错误：计数为负数或小数，或数值单元格中有无法识别的文字",
   "a value of the wrong kind: negative count, fraction in a count, unreadable literal in a numeric cell"},
  {"cell.blank", W, REP, ED_ALL,
   "有数据的表格中存在空白单元格（尤其是空白的总计）",
   "a blank cell in a table that has values (above all a blank total)"},
  {"report.year", E, REP, ED_ALL,
   "年度缺失，或与所用格式不符（2019、2021年格式要求年度不早于2019年）",
   "year missing, or impossible for the edition (editions 2019/2021 need year >= 2019)"},
  {"edition.year", W, REP, ED_ALL,
   "所用格式与年度不符（2019-2020年用2019年格式，2021年起用2021年格式）",
   "edition does not match the year (2019-2020 -> 2019; 2021 on -> 2021)"},
  {"active.cumulative", W, REP, ED_2019_ONLY,
   "对外公开总数量小于本年新公开数量",
   "2019 edition: total public is less than the number published this year"},
  {"active.rulemaking", W, REP, ED_ALL,
   "无规章制定权的机关报告了规章数据",
   "non-zero regulations from an agency without rule-making power"},
  {"active.misread_delta", I, REP, ED_2019_ONLY,
   "处理决定数量等于上一年项目数量加本年增/减，可能误读了栏目",
   "2019 edition: decisions = items last year + change this year in a non-zero row: the columns were probably misread"},
  /* text of the report */
  {"text.sections", W, TXT, ED_ALL,
   "报告六个部分不全或顺序不对",
   "the six sections are not all present, in order"},
  {"text.period", W, TXT, ED_ALL,
   "统计期限不是报告年度的1月1日至12月31日",
   "the stated statistical period is not 1 January to 31 December of the report year"},
  {"text.sum", W, TXT, ED_ALL,
   "正文中的合计数不等于各分项之和",
   "a prose total does not equal the sum of its parts"},
  {"text.table", W, TXT, ED_ALL,
   "正文中的数字与表格数据不一致",
   "a number in the prose that restates a table cell contradicts the table"},
  {"text.fee", W, TXT, ED_2021_ON,
   "第六部分未报告信息处理费收取情况",
   "2021 edition: section 六 does not report 信息处理费"},
  {"text.placeholder", W, TXT, ED_ALL,
   "存在未填写的模板残留（如XX、××、【】、〔〕号、年份空缺）",
   "unfilled template residue (XX, ××, 【】, 〔〕号, a year left out)"},
  /* across years */
  {"series.carry", E, SER, ED_ALL,
   "本年上年结转数应等于上一年度结转下年度继续办理数",
   "carried over from last year (year N) = carried forward to next year (year N-1) (error on the total, warning per column)"},
  {"series.in_force", W, SER, ED_2021_ON,
   "现行有效件数应等于上年现行有效件数加本年制发件数减本年废止件数",
   "2021 edition: in force (year N) = in force (N-1) + issued (N) - repealed (N)"},
  {"series.items", W, SER, ED_2019_ONLY,
   "上一年项目数量应等于上年的上一年项目数量加上年本年增/减",
   "2019 edition: items last year (year N) = items last year (N-1) + change this year (N-1)"},
  {"series.cumulative", W, SER, ED_2019_ONLY,
   "对外公开总数量不应少于上一年度",
   "2019 edition: total public (year N) is not less than in year N-1"},
  {"series.gap", W, SER, ED_ALL,
   "年度缺失或重复",
   "a year is missing or appears twice"},
  {"series.agency", E, SER, ED_ALL,
   "系列中的报告不属于同一机关",
   "the reports of a series are not from one agency"},
  {"series.copied_text", W, SER, ED_ALL,
   "正文与上一年度报告大段雷同",
   "the prose largely repeats the previous year's report"},
  /* consolidation of many reports (aggregate.c, jsonl.c) */
  {"aggregate.overlap", W, AGG, ED_ALL,
   "政府的全区域报告与其区域内机关（部门、下级政府）的报告相加，重复计算",
   "a government's whole-region report is summed with reports of organs inside its region (double counting)"},
  {"aggregate.editions", I, AGG, ED_ALL,
   "不同格式的报告按共同口径汇总（2021年格式其他处理子项合并，第二部分仅保留可比单元格）",
   "reports of both editions summed in the common view (2021 other.* collapsed, section 二 restricted)"},
  {"aggregate.literal", W, AGG, ED_ALL,
   "汇总时文字单元格按空白处理",
   "a literal cell counted as blank in a consolidation"},
  {"aggregate.unit", W, AGG, ED_ALL,
   "汇总的金额单位不一致（元、万元、未注明）",
   "amounts summed with different or unknown units (元, 万元, none)"},
  {"aggregate.overflow", E, AGG, ED_ALL,
   "汇总数值溢出，该报告未计入",
   "a sum overflows int64; the report was not added"},
  {"aggregate.duplicate", E, AGG, ED_ALL,
   "同一机关同一年度的报告，或表格完全相同的报告重复汇总",
   "one agency and year twice, or the same tables under two names"},
  {"aggregate.years", E, AGG, ED_ALL,
   "汇总了不同年度的报告（未明确要求跨年度汇总）",
   "reports of different years summed without asking for a multi-year sum"},
  {"aggregate.incomplete", W, AGG, ED_ALL,
   "报告不完整（副本截断、缺少表格、2019年以前、表格全空），默认不计入汇总",
   "an incomplete contributor (truncated, tables missing, pre-2019, all blank), left out by default"},
  {"aggregate.contributor", E, AGG, ED_ALL,
   "参与汇总的报告自身存在表格错误",
   "a contributor's own table error, carried into the consolidation"},
  {"aggregate.repaired", I, AGG, ED_ALL,
   "汇总前按唯一可疑单元格修复了参与汇总的报告",
   "a contributor's single suspect cell repaired before summing"},
  /* reading input (json*.c, jsonl.c, text_import*.c, encoding.c) */
  {"json.syntax", E, IMP, ED_ALL, "JSON语法错误", "JSON syntax error"},
  {"json.type", E, IMP, ED_ALL, "JSON值类型错误", "a JSON value of the wrong type"},
  {"json.key", E, IMP, ED_ALL, "未知、重复或派生行的JSON键",
   "an unknown, repeated or derived-row JSON key"},
  {"json.edition", E, IMP, ED_ALL, "未知的格式版本", "unknown edition"},
  {"json.value", E, IMP, ED_ALL, "单元格数值无效（负数、小数、超出范围、编码错误）",
   "an invalid value (negative count, fraction, out of range, bad encoding)"},
  {"csv.syntax", E, IMP, ED_ALL, "CSV格式错误（引号、字段个数）", "CSV syntax error (quotes, number of fields)"},
  {"csv.key", E, IMP, ED_ALL, "CSV中未知的表格、行、栏或状态，派生行，或重复的单元格",
   "an unknown table, row, column or state, a derived row, or a repeated cell in CSV"},
  {"csv.value", E, IMP, ED_ALL, "CSV中的数值无效，或某行属于另一份报告",
   "an invalid value in CSV, or a line of another report"},
  {"jsonl.line", E, IMP, ED_ALL, "JSON Lines中的一行无法读取，已跳过",
   "a line of a JSON Lines stream could not be read and was skipped"},
  {"import.encoding", E, IMP, ED_ALL, "输入不是可读的文本：既非UTF-8也非GB18030，或是PDF、.doc、RTF、图片等其他格式",
   "the input is no readable text: neither UTF-8 nor GB18030, or a PDF, .doc, RTF, image or other form"},
  {"import.not_report", E, IMP, ED_ALL, "文本不是政府信息公开工作年度报告",
   "the text is not an annual report"},
  {"import.converted", I, IMP, ED_ALL, "文本已由GB18030转换为UTF-8",
   "the text was converted from GB18030 to UTF-8"},
  {"import.edition", I, IMP, ED_ALL, "报告格式版本由表头判定",
   "how the edition was decided from the table headers"},
  {"import.legacy", I, IMP, ED_ALL, "2019年以前的报告，没有统一表格",
   "a report before 2019, without the national tables"},
  {"import.split", I, IMP, ED_ALL, "连写的数字依据表格勾稽关系拆分",
   "run-together digits split where the table identities decide"},
  {"import.ambiguous", W, IMP, ED_ALL, "数字与栏目无法一一对应，相关单元格留空",
   "the numbers of a row do not fit its columns; the cells stay blank"},
  {"import.unknown_row", W, IMP, ED_ALL, "表格中有无法识别的行", "a table row that was not recognised"},
  {"import.missing_row", W, IMP, ED_ALL, "表格缺少某行", "a row of a table is missing"},
  {"import.missing_table", W, IMP, ED_ALL, "缺少某个表格", "a table is missing"},
  {"import.truncated", W, IMP, ED_ALL, "报告文本不完整", "the report text ends early"},
  {"import.value", W, IMP, ED_ALL, "单元格文字无法读作数值，按原文保留",
   "cell text that is not a value, kept verbatim"},
  {"import.too_large", E, IMP, ED_ALL, "输入超过读取上限（默认256 MiB）",
   "the input is larger than the reader's cap (256 MiB by default)"},
  {"import.duplicate_table", W, IMP, ED_ALL, "同一表格出现两份且数值不同，采用第一份",
   "a table printed twice with different numbers; the first copy is kept"},
  {"import.agency", I, IMP, ED_ALL, "机关名称取自报告正文或网页元数据，而非标题",
   "the agency name was taken from the opening paragraph or the page's metadata, not the title"},
  {"import.region", I, IMP, ED_ALL, "机关名称中的地名对应多个地方，所属地区未定",
   "the place in the agency name exists in several places: the region is left unknown"},
  {"import.unknown_column", I, IMP, ED_ALL, "表头中有不是本表栏目的列（序号、备注），其内容已忽略",
   "a header column that is no column of the table (序号, 备注); its cells are ignored"},
};

const size_t gk__nrules = sizeof gk__rules / sizeof gk__rules[0];

const gk__rule_info *gk__rule_find(const char *id) {
  if (!id) return NULL;
  for (size_t i = 0; i < gk__nrules; i++)
    if (strcmp(gk__rules[i].id, id) == 0) return &gk__rules[i];
  return NULL;
}

int gk__rule_covers(const gk__rule_info *ri, int edition) {
  if (!ri || !gk__edition_get(edition)) return 0;
  return (!ri->since || edition >= ri->since) && (!ri->until || edition <= ri->until);
}

/* ---------------------------------------------------------------- the public view (validate.h) */
GK_API size_t gk_rule_count(void) { return gk__nrules; }

GK_API const char *gk_rule_id(size_t i) { return i < gk__nrules ? gk__rules[i].id : NULL; }

GK_API int gk_rule_severity(size_t i) { return i < gk__nrules ? gk__rules[i].severity : -1; }

GK_API const char *gk_rule_description(size_t i, gk_lang lang) {
  if (i >= gk__nrules) return NULL;
  return lang == GK_LANG_EN ? gk__rules[i].en : gk__rules[i].zh;
}

GK_API const char *gk_rule_scope(size_t i) {
  return i < gk__nrules ? gk__scope_key(gk__rules[i].scope) : NULL;
}

GK_API int gk_rule_applies_to(size_t i, gk_edition edition) {
  return i < gk__nrules && gk__rule_covers(&gk__rules[i], edition);
}

GK_API int gk_rule_find(size_t *index_out, const char *id) {
  if (index_out) *index_out = 0;
  if (!id) return GK_EINVAL;
  const gk__rule_info *ri = gk__rule_find(id);
  if (!ri) return GK_ENOTFOUND;
  if (index_out) *index_out = (size_t)(ri - gk__rules);
  return GK_OK;
}

static const char *const scope_keys[] = {"report", "text", "series", "aggregate", "import"};

const char *gk__scope_key(int scope) {
  return (scope >= 0 && scope <= GK__SCOPE_IMPORT) ? scope_keys[scope] : NULL;
}

int gk__emit_sev(gk_diags *d, const gk_report *r, const char *rule_id, int severity,
                 const char *cell_path, uint32_t line, const char *expected, const char *actual,
                 const char *msg_zh, const char *msg_en, size_t *index_out) {
  if (index_out) *index_out = 0;
  const gk__rule_info *ri = gk__rule_find(rule_id);
  if (!d || !ri) return GK_EINVAL;
  if (severity < 0) severity = ri->severity;
  uint32_t column = 0;
  if (!line && r && cell_path) {
    int t;
    size_t row, col;
    if (gk_report_path_find(&t, &row, &col, r, cell_path, GK_NUL_TERMINATED) == GK_OK) {
      const gk__cell *c = gk__cell_at(r, t, row, col);
      line = c ? c->line : 0;
      column = c ? c->column : 0; /* known for grid readers (HTML <td>, DOCX cell) */
    }
  }
  size_t k;
  int rc = gk_diags_add(&k, d, severity, ri->id, msg_zh, msg_en, r ? gk_report_source(r) : NULL,
                        line, column);
  if (rc) return rc;
  if (cell_path && (rc = gk_diags_add_cell(d, k, cell_path))) return rc;
  if ((expected || actual) && (rc = gk_diags_set_values(d, k, expected, actual))) return rc;
  if (index_out) *index_out = k;
  return GK_OK;
}

int gk__emit(gk_diags *d, const gk_report *r, const char *rule_id, const char *cell_path,
             uint32_t line, const char *expected, const char *actual, const char *msg_zh,
             const char *msg_en, size_t *index_out) {
  return gk__emit_sev(d, r, rule_id, -1, cell_path, line, expected, actual, msg_zh, msg_en,
                      index_out);
}
