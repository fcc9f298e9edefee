/* SPDX-License-Identifier: MIT */
/* The official format as data: the two editions' tables, columns, rows, label
 * variants and linear relations. This is the only file that spells the format;
 * everything else walks these declarations (format.md §3-§5, §7). */
#include "internal.h"

#define C(i) (1u << (i))
#define LEAF (GK_ROW_LEAF | GK_ROW_STORED | GK_ROW_OUTCOME)

/* ----------------------------------------------------------------- labels */
const gk__label gk__tables[GK_NTABLES] = {
  {"active", "主动公开政府信息情况", "Proactive disclosure",
   {"主动公开政府信息情况"}},
  {"requests", "收到和处理政府信息公开申请情况", "Requests received and handled",
   {"收到和处理政府信息公开申请情况"}},
  {"review", "政府信息公开行政复议、行政诉讼情况",
   "Administrative reconsideration and litigation",
   {"政府信息公开行政复议、行政诉讼情况", "政府信息公开行政复议行政诉讼情况",
    "因政府信息公开工作被申请行政复议和提起行政诉讼情况",
    "因政府信息公开工作被申请行政复议、提起行政诉讼情况",
    "政府信息公开行政复议和行政诉讼情况"}},
};

const gk__label gk__sections[GK_NSECTIONS] = {
  {"preamble", "前言", "Preamble", {NULL}},
  {"overview", "总体情况", "Overview",
   {"总体情况", "工作基本情况", "基本情况", "总体工作情况"}},
  {"problems", "存在的主要问题及改进情况", "Main problems and improvements",
   {"存在的主要问题及改进情况", "政府信息公开工作存在的主要问题及改进情况",
    "存在的主要问题和改进措施", "存在的主要问题及改进措施", "存在的问题及改进情况",
    "存在的主要问题和改进情况"}},
  {"other", "其他需要报告的事项", "Other matters to report",
   {"其他需要报告的事项", "其它需要报告的事项", "其他需要报告事项", "其它需要报告事项"}},
};

/* ----------------------------------------------------------------- requests columns (both editions) */
static const gk__col_decl requests_cols[] = {
  {"natural", "自然人", "Natural persons", {NULL}, GK_KIND_COUNT, 1, GK_UNIT_DEFAULT},
  {"commercial", "商业企业", "Commercial enterprises", {NULL}, GK_KIND_COUNT, 1, GK_UNIT_DEFAULT},
  {"research", "科研机构", "Research institutions", {NULL}, GK_KIND_COUNT, 1, GK_UNIT_DEFAULT},
  {"social", "社会公益组织", "Public-interest organisations", {NULL}, GK_KIND_COUNT, 1, GK_UNIT_DEFAULT},
  {"legal", "法律服务机构", "Legal service institutions", {NULL}, GK_KIND_COUNT, 1, GK_UNIT_DEFAULT},
  {"other_org", "其他", "Other organisations", {"其它"}, GK_KIND_COUNT, 1, GK_UNIT_DEFAULT},
  {"total", "总计", "Total", {"合计"}, GK_KIND_COUNT, 0, GK_UNIT_DEFAULT},
};
#define RQ_ALL 0x7Fu

/* Requests rows shared by both editions up to (五); indexes 0..22. */
#define REQUEST_ROWS_HEAD \
  {"new", "一、本年新收政府信息公开申请数量", "New requests this year", \
   {"本年新收政府信息公开申请数量", "本年新收政府信息公开申请"}, GK_ROW_STORED, RQ_ALL, -1}, \
  {"carried_over", "二、上年结转政府信息公开申请数量", "Carried over from last year", \
   {"上年结转政府信息公开申请数量", "上年结转政府信息公开申请"}, GK_ROW_STORED, RQ_ALL, -1}, \
  {"granted", "（一）予以公开", "Disclosed", {"予以公开"}, LEAF, RQ_ALL, -1}, \
  {"partial", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）", "Partly disclosed", \
   {"部分公开（区分处理的，只计这一情形，不计其他情形）", "部分公开"}, LEAF, RQ_ALL, -1}, \
  {"denied", "（三）不予公开", "Not disclosed", {"不予公开"}, \
   GK_ROW_DERIVED | GK_ROW_OUTCOME, RQ_ALL, -1}, \
  {"denied.state_secret", "1.属于国家秘密", "State secret", {"属于国家秘密"}, LEAF, RQ_ALL, 4}, \
  {"denied.prohibited", "2.其他法律行政法规禁止公开", "Prohibited by other laws", \
   {"其他法律行政法规禁止公开"}, LEAF, RQ_ALL, 4}, \
  {"denied.security", "3.危及“三安全一稳定”", "Endangers security or stability", \
   {"危及“三安全一稳定”", "危及三安全一稳定", "危及\"三安全一稳定\""}, LEAF, RQ_ALL, 4}, \
  {"denied.third_party", "4.保护第三方合法权益", "Third-party rights", \
   {"保护第三方合法权益"}, LEAF, RQ_ALL, 4}, \
  {"denied.internal", "5.属于三类内部事务信息", "Internal affairs", \
   {"属于三类内部事务信息"}, LEAF, RQ_ALL, 4}, \
  {"denied.process", "6.属于四类过程性信息", "Process information", \
   {"属于四类过程性信息"}, LEAF, RQ_ALL, 4}, \
  {"denied.enforcement", "7.属于行政执法案卷", "Enforcement case files", \
   {"属于行政执法案卷"}, LEAF, RQ_ALL, 4}, \
  {"denied.query", "8.属于行政查询事项", "Administrative query matters", \
   {"属于行政查询事项"}, LEAF, RQ_ALL, 4}, \
  {"unavailable", "（四）无法提供", "Cannot be provided", {"无法提供"}, \
   GK_ROW_DERIVED | GK_ROW_OUTCOME, RQ_ALL, -1}, \
  {"unavailable.not_held", "1.本机关不掌握相关政府信息", "Not held by this organ", \
   {"本机关不掌握相关政府信息"}, LEAF, RQ_ALL, 13}, \
  {"unavailable.needs_creation", "2.没有现成信息需要另行制作", "Would need to be created", \
   {"没有现成信息需要另行制作"}, LEAF, RQ_ALL, 13}, \
  {"unavailable.unclear", "3.补正后申请内容仍不明确", "Still unclear after correction", \
   {"补正后申请内容仍不明确"}, LEAF, RQ_ALL, 13}, \
  {"not_processed", "（五）不予处理", "Not processed", {"不予处理"}, \
   GK_ROW_DERIVED | GK_ROW_OUTCOME, RQ_ALL, -1}, \
  {"not_processed.complaint", "1.信访举报投诉类申请", "Petitions and complaints", \
   {"信访举报投诉类申请"}, LEAF, RQ_ALL, 17}, \
  {"not_processed.duplicate", "2.重复申请", "Duplicate requests", {"重复申请"}, LEAF, RQ_ALL, 17}, \
  {"not_processed.publication", "3.要求提供公开出版物", "Requests for publications", \
   {"要求提供公开出版物"}, LEAF, RQ_ALL, 17}, \
  {"not_processed.excessive", "4.无正当理由大量反复申请", "Excessive repeated requests", \
   {"无正当理由大量反复申请"}, LEAF, RQ_ALL, 17}, \
  {"not_processed.confirmation", "5.要求行政机关确认或重新出具已获取信息", \
   "Confirmation or re-issue of information held", \
   {"要求行政机关确认或重新出具已获取信息"}, LEAF, RQ_ALL, 17}

#define REQUEST_ROWS_TAIL \
  {"total", "（七）总计", "Total handled", {"总计"}, GK_ROW_STORED | GK_ROW_OUTCOME, RQ_ALL, -1}, \
  {"carried_forward", "四、结转下年度继续办理", "Carried forward to next year", \
   {"结转下年度继续办理"}, GK_ROW_STORED, RQ_ALL, -1}

static const gk__row_decl requests_rows_2019[] = {
  REQUEST_ROWS_HEAD,
  {"other", "（六）其他处理", "Other handling", {"其他处理", "其它处理"}, LEAF, RQ_ALL, -1},
  REQUEST_ROWS_TAIL,
};
enum { R19_NEW = 0, R19_CARRIED_OVER = 1, R19_GRANTED = 2, R19_PARTIAL = 3, R19_DENIED = 4,
       R19_UNAVAILABLE = 13, R19_NOT_PROCESSED = 17, R19_OTHER = 23, R19_TOTAL = 24,
       R19_CARRIED_FORWARD = 25 };

static const gk__row_decl requests_rows_2021[] = {
  REQUEST_ROWS_HEAD,
  {"other", "（六）其他处理", "Other handling", {"其他处理", "其它处理"},
   GK_ROW_DERIVED | GK_ROW_STORED | GK_ROW_OUTCOME, RQ_ALL, -1},
  {"other.no_correction",
   "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
   "No correction in time",
   {"申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
    "申请人无正当理由逾期不补正，行政机关不再处理其政府信息公开申请", "逾期不补正"},
   LEAF, RQ_ALL, 23},
  {"other.unpaid_fee",
   "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
   "Fee not paid in time",
   {"申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
    "申请人逾期未按收费通知要求缴纳费用，行政机关不再处理其政府信息公开申请", "逾期不缴费"},
   LEAF, RQ_ALL, 23},
  {"other.misc", "3.其他", "Other", {"其他", "其它"}, LEAF, RQ_ALL, 23},
  REQUEST_ROWS_TAIL,
};
enum { R21_OTHER = 23, R21_TOTAL = 27, R21_CARRIED_FORWARD = 28 };

/* ----------------------------------------------------------------- review (both editions) */
static const gk__col_decl review_cols[] = {
  {"upheld", "结果维持", "Upheld", {"维持", "结果维护"}, GK_KIND_COUNT, 1, GK_UNIT_DEFAULT},
  {"corrected", "结果纠正", "Corrected", {"纠正"}, GK_KIND_COUNT, 1, GK_UNIT_DEFAULT},
  {"other", "其他结果", "Other result", {"其它结果"}, GK_KIND_COUNT, 1, GK_UNIT_DEFAULT},
  {"pending", "尚未审结", "Pending", {"未审结"}, GK_KIND_COUNT, 1, GK_UNIT_DEFAULT},
  {"total", "总计", "Total", {"合计"}, GK_KIND_COUNT, 0, GK_UNIT_DEFAULT},
};
static const gk__row_decl review_rows[] = {
  {"reconsideration", "行政复议", "Administrative reconsideration", {NULL}, GK_ROW_STORED, 0x1Fu, -1},
  {"litigation_direct", "行政诉讼 未经复议直接起诉", "Litigation without prior reconsideration",
   {"未经复议直接起诉"}, GK_ROW_STORED, 0x1Fu, -1},
  {"litigation_after_review", "行政诉讼 复议后起诉", "Litigation after reconsideration",
   {"复议后起诉"}, GK_ROW_STORED, 0x1Fu, -1},
};

/* ----------------------------------------------------------------- active, 2019 trial edition */
static const gk__col_decl active_cols_2019[] = {
  {"made", "本年新制作数量", "Made this year", {"本年新制作数量"}, GK_KIND_COUNT, 0, GK_UNIT_DEFAULT},
  {"published", "本年新公开数量", "Published this year", {"本年新公开数量"}, GK_KIND_COUNT, 0, GK_UNIT_DEFAULT},
  {"total_public", "对外公开总数量", "Total public", {"对外公开总数量"}, GK_KIND_COUNT, 0, GK_UNIT_DEFAULT},
  {"prev_items", "上一年项目数量", "Items last year", {"上一年项目数量"}, GK_KIND_COUNT, 0, GK_UNIT_DEFAULT},
  {"delta", "本年增/减", "Change this year", {"本年增/减", "本年增减", "本年增"}, GK_KIND_SIGNED, 0, GK_UNIT_DEFAULT},
  {"decisions", "处理决定数量", "Decisions", {"处理决定数量"}, GK_KIND_COUNT, 0, GK_UNIT_DEFAULT},
  {"projects", "采购项目数量", "Procurement projects", {"采购项目数"}, GK_KIND_COUNT, 0, GK_UNIT_DEFAULT},
  {"amount", "采购总金额", "Procurement amount", {"采购总金额"}, GK_KIND_AMOUNT, 0, GK_UNIT_DEFAULT},
};
#define A19_DOCS (C(0) | C(1) | C(2))
#define A19_ITEMS (C(3) | C(4) | C(5))
static const gk__row_decl active_rows_2019[] = {
  {"regulations", "规章", "Regulations", {NULL}, GK_ROW_STORED | GK_ROW_RULEMAKING, A19_DOCS, -1},
  {"normative_docs", "规范性文件", "Normative documents", {"行政规范性文件"}, GK_ROW_STORED, A19_DOCS, -1},
  {"licensing", "行政许可", "Administrative licensing", {NULL}, GK_ROW_STORED, A19_ITEMS, -1},
  {"other_services", "其他对外管理服务事项", "Other external management services",
   {"其它对外管理服务事项"}, GK_ROW_STORED, A19_ITEMS, -1},
  {"penalty", "行政处罚", "Administrative penalties", {NULL}, GK_ROW_STORED, A19_ITEMS, -1},
  {"coercion", "行政强制", "Administrative coercion", {NULL}, GK_ROW_STORED, A19_ITEMS, -1},
  {"fees", "行政事业性收费", "Administrative fees", {NULL}, GK_ROW_STORED, C(3) | C(4), -1},
  {"procurement", "政府集中采购", "Government centralised procurement", {NULL},
   GK_ROW_STORED, C(6) | C(7), -1},
};

/* ----------------------------------------------------------------- active, 2021 edition */
static const gk__col_decl active_cols_2021[] = {
  {"issued", "本年制发件数", "Issued this year", {"本年发件数", "本年发件"}, GK_KIND_COUNT, 0, GK_UNIT_DEFAULT},
  {"repealed", "本年废止件数", "Repealed this year", {"本年废止件"}, GK_KIND_COUNT, 0, GK_UNIT_DEFAULT},
  {"in_force", "现行有效件数", "In force", {"现行有效件"}, GK_KIND_COUNT, 0, GK_UNIT_DEFAULT},
  {"decisions", "本年处理决定数量", "Decisions this year", {"处理决定数量"}, GK_KIND_COUNT, 0, GK_UNIT_DEFAULT},
  {"amount", "本年收费金额（单位：万元）", "Fees collected (10,000 yuan)",
   {"本年收费金额", "本年收费金额(单位:万元)"}, GK_KIND_AMOUNT, 0, GK_UNIT_WANYUAN},
};
#define A21_DOCS (C(0) | C(1) | C(2))
static const gk__row_decl active_rows_2021[] = {
  {"regulations", "规章", "Regulations", {NULL}, GK_ROW_STORED | GK_ROW_RULEMAKING, A21_DOCS, -1},
  {"normative_docs", "行政规范性文件", "Administrative normative documents", {"规范性文件"},
   GK_ROW_STORED, A21_DOCS, -1},
  {"licensing", "行政许可", "Administrative licensing", {NULL}, GK_ROW_STORED, C(3), -1},
  {"penalty", "行政处罚", "Administrative penalties", {NULL}, GK_ROW_STORED, C(3), -1},
  {"coercion", "行政强制", "Administrative coercion", {NULL}, GK_ROW_STORED, C(3), -1},
  {"fees", "行政事业性收费", "Administrative fees", {NULL}, GK_ROW_STORED, C(4), -1},
};

/* ----------------------------------------------------------------- relations (format.md §7) */
/* requests.row_total, per stored row: total - (natural + ... + other_org) = 0 */
static const gk__term rq_row_terms[] = {{6, 1}, {0, -1}, {1, -1}, {2, -1}, {3, -1}, {4, -1}, {5, -1}};
/* review.total, per row: total - (upheld + corrected + other + pending) = 0 */
static const gk__term rv_row_terms[] = {{4, 1}, {0, -1}, {1, -1}, {2, -1}, {3, -1}};
/* requests.balance, per column: new + carried_over - total - carried_forward = 0 */
static const gk__term bal_terms_2019[] = {{R19_NEW, 1}, {R19_CARRIED_OVER, 1}, {R19_TOTAL, -1},
                                          {R19_CARRIED_FORWARD, -1}};
static const gk__term bal_terms_2021[] = {{R19_NEW, 1}, {R19_CARRIED_OVER, 1}, {R21_TOTAL, -1},
                                          {R21_CARRIED_FORWARD, -1}};
/* requests.outcome_total, per column: total - Σ outcomes = 0; derived rows expand
 * into their leaves (2021 other: into other.*, or itself when printed as one row) */
static const gk__term out_terms_2019[] = {{R19_TOTAL, 1}, {R19_GRANTED, -1}, {R19_PARTIAL, -1},
  {R19_DENIED, -1}, {R19_UNAVAILABLE, -1}, {R19_NOT_PROCESSED, -1}, {R19_OTHER, -1}};
static const gk__term out_terms_2021[] = {{R21_TOTAL, 1}, {R19_GRANTED, -1}, {R19_PARTIAL, -1},
  {R19_DENIED, -1}, {R19_UNAVAILABLE, -1}, {R19_NOT_PROCESSED, -1}, {R21_OTHER, -1}};

#define NT(a) (sizeof(a) / sizeof((a)[0]))
static const gk__relation relations_2019[] = {
  {"requests.balance", GK_TABLE_REQUESTS, GK__PER_COL, 0, -1, bal_terms_2019, NT(bal_terms_2019)},
  {"requests.row_total", GK_TABLE_REQUESTS, GK__PER_ROW, GK_ROW_STORED, 0, rq_row_terms, NT(rq_row_terms)},
  {"requests.outcome_total", GK_TABLE_REQUESTS, GK__PER_COL, 0, 0, out_terms_2019, NT(out_terms_2019)},
  {"review.total", GK_TABLE_REVIEW, GK__PER_ROW, GK_ROW_STORED, 0, rv_row_terms, NT(rv_row_terms)},
};
static const gk__relation relations_2021[] = {
  {"requests.balance", GK_TABLE_REQUESTS, GK__PER_COL, 0, -1, bal_terms_2021, NT(bal_terms_2021)},
  {"requests.row_total", GK_TABLE_REQUESTS, GK__PER_ROW, GK_ROW_STORED, 0, rq_row_terms, NT(rq_row_terms)},
  {"requests.outcome_total", GK_TABLE_REQUESTS, GK__PER_COL, 0, 0, out_terms_2021, NT(out_terms_2021)},
  {"review.total", GK_TABLE_REVIEW, GK__PER_ROW, GK_ROW_STORED, 0, rv_row_terms, NT(rv_row_terms)},
};

/* ----------------------------------------------------------------- editions */
const gk__edition gk__editions[] = {
  {GK_EDITION_2019, "国办公开办函〔2019〕60号", 2019, 2020,
   {{active_rows_2019, NT(active_rows_2019), active_cols_2019, NT(active_cols_2019)},
    {requests_rows_2019, NT(requests_rows_2019), requests_cols, NT(requests_cols)},
    {review_rows, NT(review_rows), review_cols, NT(review_cols)}},
   relations_2019, NT(relations_2019)},
  {GK_EDITION_2021, "国办公开办函〔2021〕30号", 2021, 0,
   {{active_rows_2021, NT(active_rows_2021), active_cols_2021, NT(active_cols_2021)},
    {requests_rows_2021, NT(requests_rows_2021), requests_cols, NT(requests_cols)},
    {review_rows, NT(review_rows), review_cols, NT(review_cols)}},
   relations_2021, NT(relations_2021)},
};

const size_t gk__neditions = NT(gk__editions);

/* ----------------------------------------------------------------- units */
const gk__unit_decl gk__units[] = {
    {GK_UNIT_YUAN, "元", 1},
    {GK_UNIT_WANYUAN, "万元", 10000},
};
const size_t gk__nunits = sizeof gk__units / sizeof gk__units[0];

/* Counting words a count may be printed with in its cell ("3件", "12 条"): the
 * number is the count, the word adds nothing (the column says what is counted).
 * Amounts take the units above instead. */
const char *const gk__count_words[] = {"件", "条", "條", "个", "個", "项", "項", "次"};
const size_t gk__ncount_words = sizeof gk__count_words / sizeof gk__count_words[0];

/* ----------------------------------------------------------------- printed header groups
 * Header texts of the published tables that label a group of columns or rows: the
 * merged header cells of the XLSX and HTML exports. GK__GROUP_COLS spans columns
 * `first`..`last` (keys); GK__GROUP_ALL spans every column above them;
 * GK__GROUP_CORNER heads the row labels; GK__GROUP_OUTCOME labels the rows flagged
 * GK_ROW_OUTCOME. Both editions. */

const gk__header_group gk__header_groups[] = {
  {GK_TABLE_ACTIVE, GK__GROUP_CORNER, NULL, NULL, "信息内容", "Item"},
  {GK_TABLE_REQUESTS, GK__GROUP_ALL, NULL, NULL, "申请人情况", "Requesters"},
  {GK_TABLE_REQUESTS, GK__GROUP_COLS, "commercial", "other_org", "法人或其他组织",
   "Legal persons or other organisations"},
  {GK_TABLE_REQUESTS, GK__GROUP_OUTCOME, NULL, NULL, "三、本年度办理结果", "Outcomes this year"},
};
const size_t gk__nheader_groups = NT(gk__header_groups);
/* ----------------------------------------------------------------- parts 一 … 六 (format.md §2) */
/* The six numbered parts of a report in order, each a prose section or a table:
 * the one map import, Markdown, text export and the text rules use. */
const gk__part gk__parts[GK__NPARTS] = {
  {GK_SECTION_OVERVIEW, -1, "一", {"总体", "基本情况", "概况", "概述"}},
  {-1, GK_TABLE_ACTIVE, "二", {"主动公开"}},
  {-1, GK_TABLE_REQUESTS, "三", {"申请"}},
  {-1, GK_TABLE_REVIEW, "四", {"复议", "诉讼"}},
  {GK_SECTION_PROBLEMS, -1, "五", {"问题", "改进", "不足"}},
  {GK_SECTION_OTHER, -1, "六", {"其他", "其它"}},
};
/* ----------------------------------------------------------------- cross-edition correspondences
 * Section 二 cells comparable across the edition change (format.md §8). */
const gk__edition_common gk__edition_commons[] = {
  {GK_TABLE_ACTIVE, "regulations", {{GK_EDITION_2019, "made"}, {GK_EDITION_2021, "issued"}}},
  {GK_TABLE_ACTIVE, "normative_docs", {{GK_EDITION_2019, "made"}, {GK_EDITION_2021, "issued"}}},
  {GK_TABLE_ACTIVE, "licensing", {{GK_EDITION_2019, "decisions"}, {GK_EDITION_2021, "decisions"}}},
  {GK_TABLE_ACTIVE, "penalty", {{GK_EDITION_2019, "decisions"}, {GK_EDITION_2021, "decisions"}}},
  {GK_TABLE_ACTIVE, "coercion", {{GK_EDITION_2019, "decisions"}, {GK_EDITION_2021, "decisions"}}},
};
const size_t gk__nedition_commons = NT(gk__edition_commons);
/* ----------------------------------------------------------------- panels */
/* The main totals of a report that a panel shows beside its metadata
 * (summary.c): column id, cell path, zh and en heading. A path the report's
 * edition has not (fees amount in 2019) reads blank. */
const gk__panel_col gk__panel_totals[] = {
  {"new", "requests/new/total", "本年新收", "new"},
  {"carried_over", "requests/carried_over/total", "上年结转", "carried over"},
  {"granted", "requests/granted/total", "予以公开", "granted"},
  {"partial", "requests/partial/total", "部分公开", "partial"},
  {"denied", "requests/denied/total", "不予公开", "denied"},
  {"unavailable", "requests/unavailable/total", "无法提供", "unavailable"},
  {"not_processed", "requests/not_processed/total", "不予处理", "not processed"},
  {"other", "requests/other/total", "其他处理", "other"},
  {"total", "requests/total/total", "总计", "total"},
  {"carried_forward", "requests/carried_forward/total", "结转下年度", "carried forward"},
  {"reconsideration", "review/reconsideration/total", "行政复议总计", "reconsideration total"},
  {"litigation_direct", "review/litigation_direct/total", "未经复议直接起诉总计",
   "direct litigation total"},
  {"litigation_after_review", "review/litigation_after_review/total", "复议后起诉总计",
   "litigation after review total"},
  {"fees", "active/fees/amount", "行政事业性收费金额（万元）", "fees (10k yuan)"},
};
const size_t gk__npanel_totals = NT(gk__panel_totals);

/* ----------------------------------------------------------------- across years */
/* The cross-year identities of format.md §7 (series.c applies them). */
const gk__xrelation gk__cross_year[] = {
  {"series.carry", 0, GK_TABLE_REQUESTS, "carried_over", NULL, 0, 1,
   {{1, "carried_forward", NULL, 1}}},
  {"series.in_force", GK_EDITION_2021, GK_TABLE_ACTIVE, NULL, "in_force", 0, 0,
   {{1, NULL, "in_force", 1}, {0, NULL, "issued", 1}, {0, NULL, "repealed", -1}}},
  {"series.items", GK_EDITION_2019, GK_TABLE_ACTIVE, NULL, "prev_items", 0, 0,
   {{1, NULL, "prev_items", 1}, {1, NULL, "delta", 1}}},
  {"series.cumulative", GK_EDITION_2019, GK_TABLE_ACTIVE, NULL, "total_public", 1, 0,
   {{1, NULL, "total_public", 1}}},
};
const size_t gk__ncross_year = NT(gk__cross_year);
