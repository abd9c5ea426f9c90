// The JQL AST and its normal form: structure, precedence, decoding, spans.
#include <catch2/catch.hpp>

#include "jql/jql_parser.hpp"
#include "jql/jql_printer.hpp"

using namespace cql::jql;

namespace {

JqlQuery parse_ok(std::string_view text) {
  auto parsed = parse_jql(text);
  INFO(text);
  if (!parsed.ok()) FAIL(parsed.error->text());
  return parsed.query;
}

std::string normal(std::string_view text) { return normalize_jql(parse_ok(text)); }

}  // namespace

TEST_CASE("normal form: keywords upper-case, names lower-case, values quoted", "[unit][jql]") {
  CHECK(normal("Status=Open") == "status = \"Open\"");
  CHECK(normal("status in (open,'In Progress', 5)") == "status IN (\"open\", \"In Progress\", 5)");
  CHECK(normal("assignee = currentUser()") == "assignee = currentuser()");
  CHECK(normal("created > startOfDay(-1)") == "created > startofday(\"-1\")");
  CHECK(normal("a is null") == "a IS EMPTY");
  CHECK(normal("a is not empty") == "a IS NOT EMPTY");
  CHECK(normal("\"Story Points\" > 5") == "\"story points\" > 5");
  CHECK(normal("cf[10010] = x") == "cf[10010] = \"x\"");
  CHECK(normal("issue.property[x].a.b = 1") == "issue.property[\"x\"].a.b = 1");
  CHECK(normal("status was not in (a) by b after -1d") == "status WAS NOT IN (\"a\") BY \"b\" AFTER \"-1d\"");
  CHECK(normal("status changed from a to b") == "status CHANGED FROM \"a\" TO \"b\"");
  CHECK(normal("order by created desc, key") == "ORDER BY created DESC, key");
  CHECK(normal("a=b order by c asc") == "a = \"b\" ORDER BY c ASC");
}

TEST_CASE("normal form: precedence and parentheses", "[unit][jql]") {
  CHECK(normal("a = 1 or b = 2 and c = 3") == "a = 1 OR b = 2 AND c = 3");
  CHECK(normal("(a = 1 or b = 2) and c = 3") == "(a = 1 OR b = 2) AND c = 3");
  CHECK(normal("((a = 1))") == "a = 1");
  CHECK(normal("(a = 1 and b = 2) and c = 3") == "a = 1 AND b = 2 AND c = 3");
  CHECK(normal("not a = 1 and b = 2") == "NOT a = 1 AND b = 2");
  CHECK(normal("not (a = 1 and b = 2)") == "NOT (a = 1 AND b = 2)");
  CHECK(normal("!!a = 1") == "NOT NOT a = 1");
  CHECK(normal("a=1&b=2||c=3") == "a = 1 AND b = 2 OR c = 3");
}

TEST_CASE("AND binds tighter than OR, NOT tighter than AND", "[unit][jql]") {
  const auto q = parse_ok("a = 1 OR NOT b = 2 AND c = 3");
  REQUIRE(q.where);
  const Clause& root = *q.where;
  REQUIRE(root.kind == ClauseKind::Or);
  REQUIRE(root.children.size() == 2);
  CHECK(root.children[0].kind == ClauseKind::Terminal);
  const Clause& conj = root.children[1];
  REQUIRE(conj.kind == ClauseKind::And);
  CHECK(conj.children[0].kind == ClauseKind::Not);
  CHECK(conj.children[0].children[0].field.name == "b");
  CHECK(conj.children[1].field.name == "c");
}

TEST_CASE("terminal clauses keep field, operator, operand kinds", "[unit][jql]") {
  const auto q = parse_ok("cf[10010][k].p.q in (EMPTY, x, -5, f(a, 7), (y))");
  const Clause& c = *q.where;
  REQUIRE(c.kind == ClauseKind::Terminal);
  CHECK(c.field.name == "cf[10010]");
  CHECK(c.field.custom_id == 10010);
  REQUIRE(c.field.properties.size() == 1);
  CHECK(c.field.properties[0].key == "k");
  CHECK(c.field.properties[0].path == std::vector<std::string>{"p", "q"});
  CHECK(c.op == Operator::In);
  REQUIRE(c.operand);
  REQUIRE(c.operand->kind == OperandKind::List);
  const auto& items = c.operand->items;
  REQUIRE(items.size() == 5);
  CHECK(items[0].kind == OperandKind::Empty);
  CHECK(items[1].kind == OperandKind::Value);
  CHECK(items[1].text == "x");
  CHECK_FALSE(items[1].number);
  CHECK(items[2].number);
  CHECK(items[2].text == "-5");
  CHECK(items[3].kind == OperandKind::Function);
  CHECK(items[3].text == "f");
  CHECK(items[3].args == std::vector<std::string>{"a", "7"});
  CHECK(items[4].kind == OperandKind::List);
}

TEST_CASE("every operator spelling maps to its operator", "[unit][jql]") {
  const std::pair<const char*, Operator> cases[] = {
      {"a = 1", Operator::Equals},          {"a != 1", Operator::NotEquals},   {"a ~ x", Operator::Like},
      {"a !~ x", Operator::NotLike},        {"a < 1", Operator::Less},         {"a <= 1", Operator::LessEquals},
      {"a > 1", Operator::Greater},         {"a >= 1", Operator::GreaterEquals}, {"a in (1)", Operator::In},
      {"a not in (1)", Operator::NotIn},    {"a is empty", Operator::Is},      {"a is not empty", Operator::IsNot},
      {"a was 1", Operator::Was},           {"a was not 1", Operator::WasNot}, {"a was in (1)", Operator::WasIn},
      {"a was not in (1)", Operator::WasNotIn}, {"a changed", Operator::Changed}};
  for (const auto& [text, op] : cases) {
    INFO(text);
    const auto q = parse_ok(text);
    CHECK(q.where->op == op);
    CHECK(normal(text).find(std::string(operator_text(op))) != std::string::npos);
  }
}

TEST_CASE("history predicates are kept in order", "[unit][jql]") {
  const auto q = parse_ok("status changed from a to b by c during (d, e) on f before g after h");
  const auto& p = q.where->predicates;
  REQUIRE(p.size() == 7);
  CHECK(p[0].kind == PredicateKind::From);
  CHECK(p[1].kind == PredicateKind::To);
  CHECK(p[2].kind == PredicateKind::By);
  CHECK(p[3].kind == PredicateKind::During);
  CHECK(p[3].operand.kind == OperandKind::List);
  CHECK(p[4].kind == PredicateKind::On);
  CHECK(p[5].kind == PredicateKind::Before);
  CHECK(p[6].kind == PredicateKind::After);
  CHECK_FALSE(q.where->operand.has_value());
}

TEST_CASE("escapes decode in quoted and unquoted strings", "[unit][jql]") {
  CHECK(parse_ok(R"(a = "q\"d \\ \t\n\r \u00e9 \' \ ")")
            .where->operand->text == "q\"d \\ \t\n\r \xC3\xA9 '  ");
  CHECK(parse_ok(R"(a = 'it\'s')").where->operand->text == "it's");
  CHECK(parse_ok(R"(a = x\ y\u0041)").where->operand->text == "x yA");
  // A UTF-16 surrogate pair written as two escapes is one code point (U+1F600).
  CHECK(parse_ok(R"(a = "\ud83d\ude00")").where->operand->text == "\xF0\x9F\x98\x80");
  CHECK(parse_ok("a = \"\"").where->operand->text.empty());
  CHECK(parse_ok("a = \"x\"").where->operand->quoted);
}

TEST_CASE("spans of the WHERE part and the ORDER BY part", "[unit][jql]") {
  const std::string text = "  a = 1 OR b = 2  ORDER BY c DESC ,d  ";
  const auto q = parse_ok(text);
  REQUIRE(q.where_span);
  REQUIRE(q.order_by_span);
  CHECK(text.substr(q.where_span->begin, q.where_span->end - q.where_span->begin) == "a = 1 OR b = 2");
  CHECK(text.substr(q.order_by_span->begin, q.order_by_span->end - q.order_by_span->begin) == "ORDER BY c DESC ,d");
  REQUIRE(q.order_by.size() == 2);
  CHECK(q.order_by[0].direction == SortDirection::Descending);
  CHECK(q.order_by[1].direction == SortDirection::Default);
  const auto only_order = parse_ok("order by created");
  CHECK_FALSE(only_order.where);
  CHECK_FALSE(only_order.where_span);
  CHECK(only_order.order_by_span);
}

TEST_CASE("quote_jql_string escapes what could break out of the string", "[unit][jql]") {
  CHECK(quote_jql_string("plain") == "\"plain\"");
  CHECK(quote_jql_string("a\"b") == "\"a\\\"b\"");
  CHECK(quote_jql_string("a\\b") == "\"a\\\\b\"");
  CHECK(quote_jql_string("t\tn\nr\r") == "\"t\\tn\\nr\\r\"");
  CHECK(quote_jql_string(std::string("nul\0x", 5)) == "\"nul\\u0000x\"");
  CHECK(quote_jql_string("\xC2\x85") == "\"\\u0085\"");
  CHECK(quote_jql_string("\xE6\x97\xA5") == "\"\xE6\x97\xA5\"");
  CHECK(quote_jql_string("bad\xFF") == "\"bad\\ufffd\"");
  // Whatever goes in comes back as the same single value.
  for (const std::string v : {"a\" OR project = \"X", "\\", "\\\"", "x) OR (y = z", "'", "\"\"\"", "a\\\" OR b"}) {
    INFO(v);
    const auto q = parse_jql("labels = " + quote_jql_string(v));
    REQUIRE(q.ok());
    CHECK(q.query.where->kind == ClauseKind::Terminal);
    CHECK(q.query.where->operand->text == v);
  }
}

TEST_CASE("normalize_jql_text: one text for queries that mean the same, invalid ones unchanged", "[unit][jql]") {
  CHECK(cql::normalize_jql_text("Status=Open and (labels = x)") == cql::normalize_jql_text("status = \"Open\" AND labels = 'x'"));
  CHECK(cql::normalize_jql_text("Status=Open and (labels = x)") == "status = \"Open\" AND labels = \"x\"");
  CHECK(cql::normalize_jql_text("status = ") == "status = ");
  CHECK(cql::normalize_jql_text("  ").empty());
}
