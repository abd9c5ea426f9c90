// JQL parser: PEGTL parse tree (grammar/jql_rules.hpp) -> typed AST (jql_ast.hpp).
#include "jql/jql_parser.hpp"

#include <fmt/format.h>

#include <tao/pegtl.hpp>
#include <tao/pegtl/contrib/limit_depth.hpp>
#include <tao/pegtl/contrib/parse_tree.hpp>

#include "jql/jql_diagnose.hpp"
#include "jql_errors.hpp"
#include "jql_rules.hpp"

namespace cql::jql {
namespace {

namespace pegtl = tao::pegtl;
namespace g = grammar;

// A parse tree node. PEGTL allocates one for every attempt at a stored rule (and at each rule
// above one), most of them discarded on backtracking; a per-thread free list turns those
// allocations into pointer swaps (parsing was dominated by malloc/free).
struct Node : pegtl::parse_tree::basic_node<Node> {
  static void* operator new(std::size_t size) {
    if (FreeList& list = free_list(); list.head && size == sizeof(Node)) {
      void* p = list.head;
      list.head = list.head->next;
      --list.count;
      return p;
    }
    return ::operator new(size);
  }
  static void operator delete(void* p, std::size_t size) {
    FreeList& list = free_list();
    if (size != sizeof(Node) || list.count >= kKeep) {
      ::operator delete(p);
      return;
    }
    list.head = new (p) FreeBlock{list.head};
    ++list.count;
  }

 private:
  struct FreeBlock {
    FreeBlock* next;
  };
  struct FreeList {
    FreeBlock* head = nullptr;
    std::size_t count = 0;
    ~FreeList() {
      while (head) {
        FreeBlock* next = head->next;
        ::operator delete(head);
        head = next;
      }
    }
  };
  static constexpr std::size_t kKeep = 4096;  // blocks kept per thread (about 0.5 MB at most)
  static FreeList& free_list() {
    thread_local FreeList list;
    return list;
  }
};

// The nodes the AST is built from; every other rule is folded into its parent.
template <typename Rule>
using selector = pegtl::parse_tree::selector<
    Rule,
    pegtl::parse_tree::store_content::on<
        g::where, g::sub_clause_body, g::and_clause, g::and_operand, g::negation, g::terminal_clause, g::field,
        g::custom_field, g::posnumber, g::property, g::property_key, g::property_path, g::number, g::quoted_dq,
        g::quoted_sq, g::unquoted, g::op_eq, g::op_neq, g::op_like, g::op_not_like, g::op_lt, g::op_lte, g::op_gt,
        g::op_gte, g::op_in, g::op_not_in, g::op_is, g::op_is_not, g::op_was, g::op_was_not, g::op_was_in,
        g::op_was_not_in, g::op_changed, g::empty_operand, g::value, g::list, g::function, g::function_name,
        g::argument, g::was_predicate, g::changed_predicate, g::pred_after, g::pred_before,
        g::pred_on, g::pred_during, g::pred_by, g::pred_from, g::pred_to, g::order_by, g::sort_key, g::sort_asc,
        g::sort_desc>>;

// Only the recursive rules count towards the nesting limit.
template <typename Rule>
struct depth_action : pegtl::nothing<Rule> {};
template <>
struct depth_action<g::sub_clause> : pegtl::limit_depth<kMaxJqlNesting> {};
template <>
struct depth_action<g::negation> : pegtl::limit_depth<kMaxJqlNesting> {};
template <>
struct depth_action<g::list> : pegtl::limit_depth<kMaxJqlNesting> {};

constexpr std::string_view kDepthMessage = "maximum parser rule nesting depth exceeded";

// An error found while building the AST (a bad \u escape); thrown only inside this file.
struct BuildError {
  std::size_t offset;
  std::string message;
};

Span span_of(const Node& n) {
  return {static_cast<std::uint32_t>(n.m_begin.byte), static_cast<std::uint32_t>(n.m_end.byte)};
}

void append_utf8(std::string& out, char32_t c) {
  if (c < 0x80) {
    out += static_cast<char>(c);
  } else if (c < 0x800) {
    out += static_cast<char>(0xC0 | (c >> 6));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else if (c < 0x10000) {
    out += static_cast<char>(0xE0 | (c >> 12));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (c >> 18));
    out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  }
}

char32_t hex4(std::string_view s) {
  char32_t v = 0;
  for (char c : s) v = v * 16 + static_cast<char32_t>(c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10);
  return v;
}

// Decodes the escapes of a token the grammar accepted; `base` is its byte offset (for errors).
// UTF-16 surrogate pairs written as two \u escapes become one code point.
std::string decode(std::string_view raw, std::size_t base) {
  std::string out;
  out.reserve(raw.size());
  for (std::size_t i = 0; i < raw.size(); ++i) {
    if (raw[i] != '\\') {
      out += raw[i];
      continue;
    }
    const char e = raw[++i];
    switch (e) {
      case 't': out += '\t'; break;
      case 'n': out += '\n'; break;
      case 'r': out += '\r'; break;
      case 'u': {
        char32_t c = hex4(raw.substr(i + 1, 4));
        const std::size_t escape_at = i - 1;
        i += 4;
        if (c >= 0xD800 && c <= 0xDBFF && raw.substr(i + 1, 2) == "\\u") {
          const char32_t low = hex4(raw.substr(i + 3, 4));
          if (low >= 0xDC00 && low <= 0xDFFF) {
            c = 0x10000 + ((c - 0xD800) << 10) + (low - 0xDC00);
            i += 6;
          }
        }
        if (c >= 0xD800 && c <= 0xDFFF) {
          throw BuildError{base + escape_at, fmt::format("The escape sequence '{}' is not a complete character.",
                                                         raw.substr(escape_at, 6))};
        }
        append_utf8(out, c);
        break;
      }
      default: out += e; break;  // \" \' \\ and '\ '
    }
  }
  return out;
}

class Builder {
 public:
  JqlQuery query(const Node& root) {
    JqlQuery q;
    for (const auto& child : root.children) {
      if (child->is_type<g::where>()) {
        q.where = clause(*child);
        q.where_span = trimmed_span(*child);
      } else if (child->is_type<g::order_by>()) {
        for (const auto& key : child->children) q.order_by.push_back(sort_key(*key));
        q.order_by_span = trimmed_span(*child);
      }
    }
    return q;
  }

 private:
  static Span trimmed_span(const Node& n) {
    Span s = span_of(n);
    const std::string_view text = n.string_view();
    std::size_t len = text.size();
    while (len > 0 && (text[len - 1] == ' ' || text[len - 1] == '\t' || text[len - 1] == '\r' || text[len - 1] == '\n')) --len;
    s.end = s.begin + static_cast<std::uint32_t>(len);
    return s;
  }

  // where / sub_clause_body (OR level), and_clause / and_operand (AND level), negation, terminal.
  Clause clause(const Node& n) {
    if (n.is_type<g::terminal_clause>()) return terminal(n);
    Clause c;
    c.span = trimmed_span(n);
    if (n.is_type<g::negation>()) {
      c.kind = ClauseKind::Not;
      c.children.push_back(clause(*n.children.front()));
      return c;
    }
    if (n.children.size() == 1) return clause(*n.children.front());
    const bool is_or = n.is_type<g::where>() || n.is_type<g::sub_clause_body>();
    c.kind = is_or ? ClauseKind::Or : ClauseKind::And;
    for (const auto& child : n.children) c.children.push_back(clause(*child));
    return c;
  }

  Clause terminal(const Node& n) {
    Clause c;
    c.kind = ClauseKind::Terminal;
    c.span = trimmed_span(n);
    c.field = field(*n.children[0]);
    c.op = op(*n.children[1]);
    for (std::size_t i = 2; i < n.children.size(); ++i) {
      const Node& child = *n.children[i];
      if (child.is_type<g::was_predicate>() || child.is_type<g::changed_predicate>()) {
        c.predicates.push_back(predicate(child));
      } else {
        c.operand = operand(child);
      }
    }
    return c;
  }

  static Operator op(const Node& n) {
    if (n.is_type<g::op_eq>()) return Operator::Equals;
    if (n.is_type<g::op_neq>()) return Operator::NotEquals;
    if (n.is_type<g::op_like>()) return Operator::Like;
    if (n.is_type<g::op_not_like>()) return Operator::NotLike;
    if (n.is_type<g::op_lt>()) return Operator::Less;
    if (n.is_type<g::op_lte>()) return Operator::LessEquals;
    if (n.is_type<g::op_gt>()) return Operator::Greater;
    if (n.is_type<g::op_gte>()) return Operator::GreaterEquals;
    if (n.is_type<g::op_in>()) return Operator::In;
    if (n.is_type<g::op_not_in>()) return Operator::NotIn;
    if (n.is_type<g::op_is>()) return Operator::Is;
    if (n.is_type<g::op_is_not>()) return Operator::IsNot;
    if (n.is_type<g::op_was>()) return Operator::Was;
    if (n.is_type<g::op_was_not>()) return Operator::WasNot;
    if (n.is_type<g::op_was_in>()) return Operator::WasIn;
    if (n.is_type<g::op_was_not_in>()) return Operator::WasNotIn;
    return Operator::Changed;
  }

  HistoryPredicate predicate(const Node& n) {
    HistoryPredicate p;
    const Node& kind = *n.children[0];
    p.kind = kind.is_type<g::pred_after>()    ? PredicateKind::After
             : kind.is_type<g::pred_before>() ? PredicateKind::Before
             : kind.is_type<g::pred_on>()     ? PredicateKind::On
             : kind.is_type<g::pred_during>() ? PredicateKind::During
             : kind.is_type<g::pred_by>()     ? PredicateKind::By
             : kind.is_type<g::pred_from>()   ? PredicateKind::From
                                              : PredicateKind::To;
    p.operand = operand(*n.children[1]);
    return p;
  }

  // A number, quoted or unquoted token: its decoded text.
  std::string token_text(const Node& n, bool* quoted = nullptr, bool* is_number = nullptr) {
    const std::string_view raw = n.string_view();
    const std::size_t base = n.m_begin.byte;
    if (quoted) *quoted = false;
    if (is_number) *is_number = false;
    if (n.is_type<g::quoted_dq>() || n.is_type<g::quoted_sq>()) {
      if (quoted) *quoted = true;
      return decode(raw.substr(1, raw.size() - 2), base + 1);
    }
    if (n.is_type<g::number>() || n.is_type<g::posnumber>()) {
      if (is_number) *is_number = true;
      return std::string(raw);
    }
    return decode(raw, base);
  }

  Operand operand(const Node& n) {
    Operand o;
    o.span = trimmed_span(n);
    if (n.is_type<g::empty_operand>()) {
      o.kind = OperandKind::Empty;
    } else if (n.is_type<g::value>()) {
      o.kind = OperandKind::Value;
      o.text = token_text(*n.children.front(), &o.quoted, &o.number);
    } else if (n.is_type<g::function>()) {
      o.kind = OperandKind::Function;
      o.text = token_text(*n.children.front()->children.front());
      for (std::size_t i = 1; i < n.children.size(); ++i) o.args.push_back(token_text(*n.children[i]->children.front()));
    } else {
      o.kind = OperandKind::List;
      for (const auto& item : n.children) o.items.push_back(operand(*item));
    }
    return o;
  }

  FieldRef field(const Node& n) {
    FieldRef f;
    f.span = trimmed_span(n);
    for (const auto& part : n.children) {
      if (part->is_type<g::custom_field>()) {
        const Node& id = *part->children.front();
        f.name = fmt::format("cf[{}]", id.string_view());
        f.custom_id = parse_custom_id(id);
      } else if (part->is_type<g::property>()) {
        FieldRef::Property p;
        p.key = token_text(*part->children[0]->children.front());
        for (std::size_t i = 1; i < part->children.size(); ++i) {
          // `.a.b`: one unquoted token; its parts are the property path.
          const std::string path = decode(part->children[i]->string_view(), part->children[i]->m_begin.byte);
          std::size_t start = 1;
          while (start <= path.size()) {
            const std::size_t dot = std::min(path.find('.', start), path.size());
            p.path.push_back(path.substr(start, dot - start));
            start = dot + 1;
          }
        }
        f.properties.push_back(std::move(p));
      } else {
        f.name = token_text(*part, &f.quoted);
      }
    }
    return f;
  }

  static std::int64_t parse_custom_id(const Node& digits) {
    std::int64_t v = 0;
    for (char c : digits.string_view()) {
      if (v > (INT64_MAX - 9) / 10) {
        throw BuildError{digits.m_begin.byte, fmt::format("The custom field id '{}' is too large.", digits.string_view())};
      }
      v = v * 10 + (c - '0');
    }
    return v;
  }

  SortKey sort_key(const Node& n) {
    SortKey k;
    k.field = field(*n.children[0]);
    if (n.children.size() > 1) {
      k.direction = n.children[1]->is_type<g::sort_asc>() ? SortDirection::Ascending : SortDirection::Descending;
    }
    return k;
  }
};

}  // namespace


void jql_line_and_character(std::string_view text, std::size_t offset, std::uint32_t& line, std::uint32_t& character) {
  line = 1;
  character = 1;
  for (std::size_t i = 0; i < offset && i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c == '\n') {
      ++line;
      character = 1;
    } else if ((c & 0xC0) != 0x80) {  // count lead bytes only: one per code point
      ++character;
    }
  }
}

JqlParse parse_jql(std::string_view text) {
  JqlParse result;
  pegtl::memory_input<> in(text.data(), text.size(), "jql");
  try {
    auto root = pegtl::parse_tree::parse<g::query, Node, selector, depth_action, pegtl::must_if<g::errors>::control>(in);
    if (!root) {
      // The grammar ends in must points, so a plain failure only happens on malformed input
      // the token rules cannot even start on (for example invalid UTF-8 at the very start).
      result.error = diagnose_parse_failure(text, 0, "Expecting a field name but got {got}.");
      return result;
    }
    result.query = Builder().query(*root);
  } catch (const pegtl::parse_error& e) {
    const std::size_t offset = e.positions().empty() ? 0 : e.positions().front().byte;
    if (e.message() == kDepthMessage) {
      result.error = make_jql_error(text, offset,
                                    fmt::format("The query is nested too deeply (more than {} levels of parentheses, "
                                                "NOT and lists).",
                                                kMaxJqlNesting));
    } else {
      result.error = diagnose_parse_failure(text, offset, e.message());
    }
  } catch (const BuildError& e) {
    result.error = make_jql_error(text, e.offset, e.message);
  }
  return result;
}

}  // namespace cql::jql

namespace cql {

std::string JqlSyntaxError::text() const { return fmt::format("{} (line {}, character {})", message, line, character); }

std::optional<JqlSyntaxError> check_jql_syntax(std::string_view jql) { return jql::parse_jql(jql).error; }

}  // namespace cql
