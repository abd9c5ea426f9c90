// Canonical JQL text (see jql_printer.hpp for what "canonical" means).
#include "jql/jql_printer.hpp"

#include <fmt/format.h>

#include <tao/pegtl.hpp>

#include "jql/ascii.hpp"
#include "jql_rules.hpp"

namespace cql::jql {
namespace {

namespace pegtl = tao::pegtl;

// Whether `name` reads back as the same unquoted word (no escapes needed, not a keyword,
// not a reserved word). Letters, digits, `_`, `-` and `.` only keeps the normal form plain.
bool is_plain_word(std::string_view name) {
  if (name.empty()) return false;
  for (char c : name) {
    const bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-' || c == '.';
    if (!ok) return false;
  }
  pegtl::memory_input<pegtl::tracking_mode::lazy> in(name.data(), name.size(), "");
  return pegtl::parse<pegtl::seq<grammar::unquoted, pegtl::eof>>(in);
}

std::string name_text(std::string_view name) {
  const std::string lower = lower_ascii(name);
  return is_plain_word(lower) ? lower : quote_jql_string(lower);
}

std::string field_text(const FieldRef& f) {
  std::string out = f.custom_id ? fmt::format("cf[{}]", *f.custom_id) : name_text(f.name);
  for (const auto& p : f.properties) {
    out += "[" + quote_jql_string(p.key) + "]";
    for (const auto& part : p.path) out += "." + part;
  }
  return out;
}

std::string operand_text(const Operand& o) {
  switch (o.kind) {
    case OperandKind::Empty: return "EMPTY";
    case OperandKind::Value: return o.number ? o.text : quote_jql_string(o.text);
    case OperandKind::Function: {
      std::string out = name_text(o.text) + "(";
      for (std::size_t i = 0; i < o.args.size(); ++i) out += (i ? ", " : "") + quote_jql_string(o.args[i]);
      return out + ")";
    }
    case OperandKind::List: {
      std::string out = "(";
      for (std::size_t i = 0; i < o.items.size(); ++i) out += (i ? ", " : "") + operand_text(o.items[i]);
      return out + ")";
    }
  }
  return "";
}

int binding(ClauseKind kind) {
  switch (kind) {
    case ClauseKind::Or: return 1;
    case ClauseKind::And: return 2;
    case ClauseKind::Not: return 3;
    case ClauseKind::Terminal: return 4;
  }
  return 4;
}

void print(const Clause& c, std::string& out);

void print_child(const Clause& child, int needed, std::string& out) {
  if (binding(child.kind) < needed) {
    out += '(';
    print(child, out);
    out += ')';
  } else {
    print(child, out);
  }
}

// AND inside AND (and OR inside OR) print as one flat list: the same query.
void print_flat(const Clause& c, ClauseKind kind, bool& first, std::string& out) {
  for (const auto& child : c.children) {
    if (child.kind == kind) {
      print_flat(child, kind, first, out);
      continue;
    }
    if (!first) out += kind == ClauseKind::And ? " AND " : " OR ";
    first = false;
    print_child(child, binding(kind) + 1, out);
  }
}

void print(const Clause& c, std::string& out) {
  switch (c.kind) {
    case ClauseKind::Terminal:
      out += field_text(c.field);
      out += ' ';
      out += operator_text(c.op);
      if (c.operand) out += " " + operand_text(*c.operand);
      for (const auto& p : c.predicates) {
        out += ' ';
        out += predicate_text(p.kind);
        out += " " + operand_text(p.operand);
      }
      return;
    case ClauseKind::Not:
      out += "NOT ";
      print_child(c.children.front(), binding(ClauseKind::Not), out);
      return;
    case ClauseKind::And:
    case ClauseKind::Or: {
      bool first = true;
      print_flat(c, c.kind, first, out);
      return;
    }
  }
}

}  // namespace

std::string_view operator_text(Operator op) noexcept {
  switch (op) {
    case Operator::Equals: return "=";
    case Operator::NotEquals: return "!=";
    case Operator::Like: return "~";
    case Operator::NotLike: return "!~";
    case Operator::Less: return "<";
    case Operator::LessEquals: return "<=";
    case Operator::Greater: return ">";
    case Operator::GreaterEquals: return ">=";
    case Operator::In: return "IN";
    case Operator::NotIn: return "NOT IN";
    case Operator::Is: return "IS";
    case Operator::IsNot: return "IS NOT";
    case Operator::Was: return "WAS";
    case Operator::WasNot: return "WAS NOT";
    case Operator::WasIn: return "WAS IN";
    case Operator::WasNotIn: return "WAS NOT IN";
    case Operator::Changed: return "CHANGED";
  }
  return "?";
}

std::string_view predicate_text(PredicateKind kind) noexcept {
  switch (kind) {
    case PredicateKind::After: return "AFTER";
    case PredicateKind::Before: return "BEFORE";
    case PredicateKind::On: return "ON";
    case PredicateKind::During: return "DURING";
    case PredicateKind::By: return "BY";
    case PredicateKind::From: return "FROM";
    case PredicateKind::To: return "TO";
  }
  return "?";
}

std::string quote_jql_string(std::string_view value) {
  std::string out = "\"";
  for (std::size_t i = 0; i < value.size();) {
    const auto c = static_cast<unsigned char>(value[i]);
    if (c == '"' || c == '\\') {
      out += '\\';
      out += static_cast<char>(c);
      ++i;
    } else if (c == '\t') {
      out += "\\t", ++i;
    } else if (c == '\n') {
      out += "\\n", ++i;
    } else if (c == '\r') {
      out += "\\r", ++i;
    } else if (c < 0x20 || c == 0x7F) {
      out += fmt::format("\\u{:04x}", c), ++i;
    } else if (c < 0x80) {
      out += static_cast<char>(c), ++i;
    } else {
      // Multi-byte: copy valid UTF-8, escape JQL's non-character/C1 ranges, replace bad bytes.
      const std::size_t len = (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
      char32_t cp = len == 0 ? 0 : c & (0x3F >> (len - 1));
      bool valid = len != 0 && i + len <= value.size();
      for (std::size_t k = 1; valid && k < len; ++k) {
        const auto next = static_cast<unsigned char>(value[i + k]);
        valid = (next & 0xC0) == 0x80;
        cp = (cp << 6) | (next & 0x3F);
      }
      if (!valid) {
        out += "\\ufffd";
        ++i;
        continue;
      }
      if ((cp >= 0x80 && cp <= 0x9F) || (cp >= 0xFDD0 && cp <= 0xFDEF) || cp == 0xFFFE || cp == 0xFFFF) {
        out += fmt::format("\\u{:04x}", static_cast<std::uint32_t>(cp));
      } else {
        out.append(value.substr(i, len));
      }
      i += len;
    }
  }
  out += '"';
  return out;
}

std::string normalize_clause(const Clause& clause) {
  std::string out;
  print(clause, out);
  return out;
}

std::string normalize_jql(const JqlQuery& query) {
  std::string out;
  if (query.where) print(*query.where, out);
  if (!query.order_by.empty()) {
    if (!out.empty()) out += ' ';
    out += "ORDER BY ";
    for (std::size_t i = 0; i < query.order_by.size(); ++i) {
      const SortKey& key = query.order_by[i];
      if (i) out += ", ";
      out += field_text(key.field);
      if (key.direction == SortDirection::Ascending) out += " ASC";
      if (key.direction == SortDirection::Descending) out += " DESC";
    }
  }
  return out;
}

}  // namespace cql::jql
