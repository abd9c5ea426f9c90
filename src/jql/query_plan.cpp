// Planning and running JQL over an issue dump (see query_plan.hpp). Field semantics follow
// spec/jira.md §5/§7: values match case-insensitively; `!=`, NOT IN and `!~` never match an
// issue without a value; dates compare to the minute.
#include "jql/query_plan.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>

#include "jql/ascii.hpp"
#include "jql/jql_dates.hpp"
#include "jql/jql_printer.hpp"
#include "jql/text_match.hpp"

namespace cql::jql {
namespace {

using sources::DumpCustomValue;
using sources::DumpIssue;

// One value of an operand once functions and lists are resolved.
struct Atom {
  enum class Kind : std::uint8_t { Empty, Text, Date } kind = Kind::Text;
  std::string text;      // Text (as written, not lower-cased)
  bool number = false;   // Text: written as a bare number
  Timestamp date{};      // Date
  std::string function;  // the function that produced it ("now"), for messages
};

Operator inverse(Operator op) {
  switch (op) {
    case Operator::Equals: return Operator::NotEquals;
    case Operator::NotEquals: return Operator::Equals;
    case Operator::Like: return Operator::NotLike;
    case Operator::NotLike: return Operator::Like;
    case Operator::Less: return Operator::GreaterEquals;
    case Operator::GreaterEquals: return Operator::Less;
    case Operator::Greater: return Operator::LessEquals;
    case Operator::LessEquals: return Operator::Greater;
    case Operator::In: return Operator::NotIn;
    case Operator::NotIn: return Operator::In;
    case Operator::Is: return Operator::IsNot;
    case Operator::IsNot: return Operator::Is;
    case Operator::Was: return Operator::WasNot;
    case Operator::WasNot: return Operator::Was;
    case Operator::WasIn: return Operator::WasNotIn;
    case Operator::WasNotIn: return Operator::WasIn;
    case Operator::Changed: return Operator::Changed;
  }
  return op;
}

bool is_history(Operator op) {
  return op == Operator::Was || op == Operator::WasNot || op == Operator::WasIn || op == Operator::WasNotIn ||
         op == Operator::Changed;
}
bool is_ordering(Operator op) {
  return op == Operator::Less || op == Operator::LessEquals || op == Operator::Greater || op == Operator::GreaterEquals;
}
bool is_positive_match(Operator op) { return op == Operator::Equals || op == Operator::In; }
bool is_negative_match(Operator op) { return op == Operator::NotEquals || op == Operator::NotIn; }

// `cmp` is a <=> b as -1/0/1.
bool ordering_holds(Operator op, int cmp) {
  switch (op) {
    case Operator::Less: return cmp < 0;
    case Operator::LessEquals: return cmp <= 0;
    case Operator::Greater: return cmp > 0;
    case Operator::GreaterEquals: return cmp >= 0;
    default: return false;
  }
}
template <typename T>
int three_way(const T& a, const T& b) {
  return a < b ? -1 : (b < a ? 1 : 0);
}

std::optional<std::int64_t> to_int(std::string_view s) {
  std::int64_t v = 0;
  const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || end != s.data() + s.size()) return std::nullopt;
  return v;
}
std::optional<double> to_double(std::string_view s) {
  if (auto i = to_int(s)) return static_cast<double>(*i);
  double v = 0;
  const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || end != s.data() + s.size() || s.empty()) return std::nullopt;
  return v;
}

// JQL functions an issue dump cannot answer, and what they would need.
struct UnavailableFunction {
  std::string_view name;  // lower-case
  std::string_view needs;
};
constexpr UnavailableFunction kUnavailable[] = {
    {"membersof", "Jira's user groups"},
    {"opensprints", "Jira's boards and sprints"},
    {"closedsprints", "Jira's boards and sprints"},
    {"futuresprints", "Jira's boards and sprints"},
    {"releasedversions", "the projects' versions and their release dates"},
    {"unreleasedversions", "the projects' versions and their release dates"},
    {"latestreleasedversion", "the projects' versions and their release dates"},
    {"earliestunreleasedversion", "the projects' versions and their release dates"},
    {"issuehistory", "the current user's browsing history"},
    {"watchedissues", "the issues' watchers"},
    {"votedissues", "the issues' votes"},
    {"linkedissues", "the issue links"},
    {"updatedby", "the issues' change history"},
    {"lastlogin", "the current user's login times"},
    {"currentlogin", "the current user's login times"},
    {"issueswithremotelinksbyglobalid", "the issues' remote links"},
    {"projectsleadbyuser", "the projects' leads"},
    {"componentsleadbyuser", "the components' leads"},
    {"projectswhereuserhaspermission", "Jira's permission schemes"},
    {"projectswhereuserhasrole", "Jira's project roles"},
    {"cascadeoption", "the custom fields' option tree"},
    {"portfoliochildissuesof", "Advanced Roadmaps' hierarchy"},
    {"parentepic", "the issue hierarchy"},
};

class Planner {
 public:
  explicit Planner(const PlanInputs& in) : in_(in) {}

  Plan clause(const Clause& c, bool negated) {
    switch (c.kind) {
      case ClauseKind::Not: return clause(c.children.front(), !negated);
      case ClauseKind::And:
      case ClauseKind::Or: {
        Plan p;
        // De Morgan: NOT (a AND b) is NOT a OR NOT b.
        p.kind = (c.kind == ClauseKind::And) != negated ? Plan::Kind::And : Plan::Kind::Or;
        for (const auto& child : c.children) p.children.push_back(clause(child, negated));
        if (p.kind == Plan::Kind::And) {
          // Posting-list children first: the scans after them see only the issues left.
          std::stable_partition(p.children.begin(), p.children.end(), [](const Plan& child) { return child.indexed(); });
        }
        return p;
      }
      case ClauseKind::Terminal: return terminal(c, negated);
    }
    throw PlanError{"unknown clause"};
  }

 private:
  Plan terminal(const Clause& c, bool negated) {
    if (is_history(c.op)) {
      throw PlanError{fmt::format("{} needs the change history that Jira keeps, which an issue dump does not have ({}).",
                                  operator_text(c.op), normalize_clause(c))};
    }
    // Operands first, so a function the dump cannot answer (openSprints()) is what the
    // message names, even when the field is not in the dump either (sprint).
    std::vector<Atom> values;
    atoms(*c.operand, values);
    std::string error;
    const auto field = resolve_field(c.field, in_.dump.custom_field_names, error);
    if (!field) throw PlanError{error};
    const Operator op = negated ? inverse(c.op) : c.op;
    if (!supports(*field, op)) {
      throw PlanError{fmt::format("The operator '{}' is not supported by the '{}' field.", operator_text(op), field->name)};
    }
    switch (field->kind) {
      case FieldKind::Token: return token(*field, op, values);
      case FieldKind::Date: return date(*field, op, values);
      case FieldKind::Text: return text(*field, op, values);
      case FieldKind::Custom: return custom(*field, op, values);
    }
    throw PlanError{"unknown field kind"};
  }

  static bool supports(const ResolvedField& f, Operator op) {
    const bool like = op == Operator::Like || op == Operator::NotLike;
    switch (f.kind) {
      case FieldKind::Token:
        if (like) return false;
        return !is_ordering(op) || f.id == FieldId::Priority || f.id == FieldId::Key;
      case FieldKind::Date: return !like;
      case FieldKind::Text: return like || op == Operator::Is || op == Operator::IsNot;
      case FieldKind::Custom: return true;
    }
    return false;
  }

  // ---- operands ----

  void atoms(const Operand& o, std::vector<Atom>& out) {
    switch (o.kind) {
      case OperandKind::Empty: out.push_back({Atom::Kind::Empty, {}, false, {}, {}}); return;
      case OperandKind::Value: out.push_back({Atom::Kind::Text, o.text, o.number, {}, {}}); return;
      case OperandKind::List:
        for (const auto& item : o.items) atoms(item, out);
        return;
      case OperandKind::Function: function(o, out); return;
    }
  }

  void function(const Operand& o, std::vector<Atom>& out) {
    const std::string name = lower_ascii(o.text);
    if (is_date_function(name)) {
      std::string error;
      const auto t = evaluate_date_function(o.text, o.args, in_.context.now, error);
      if (!t) throw PlanError{error};
      out.push_back({Atom::Kind::Date, {}, false, *t, o.text});
      return;
    }
    if (name == "currentuser") {
      if (in_.context.current_user.empty()) {
        throw PlanError{
            "currentUser() needs to know who the current user is: set current_user for the Jira account in the "
            "configuration."};
      }
      out.push_back({Atom::Kind::Text, in_.context.current_user, false, {}, o.text});
      return;
    }
    if (name == "standardissuetypes" || name == "subtaskissuetypes") {
      for (const auto& t : name == "standardissuetypes" ? in_.standard_types : in_.subtask_types) {
        out.push_back({Atom::Kind::Text, t, false, {}, o.text});
      }
      return;
    }
    for (const auto& f : kUnavailable) {
      if (f.name == name) {
        throw PlanError{fmt::format("{}() needs {}, which an issue dump does not have.", o.text, f.needs)};
      }
    }
    throw PlanError{fmt::format("Unable to find JQL function '{}()'.", o.text)};
  }

  static bool has_empty(const std::vector<Atom>& values) {
    return std::any_of(values.begin(), values.end(), [](const Atom& a) { return a.kind == Atom::Kind::Empty; });
  }

  static const Atom& single(const ResolvedField& f, Operator op, const std::vector<Atom>& values) {
    if (values.size() != 1 || values[0].kind == Atom::Kind::Empty) {
      throw PlanError{fmt::format("The operator '{}' needs a single value for the field '{}'.", operator_text(op), f.name)};
    }
    return values[0];
  }

  // ---- token fields (posting lists) ----

  Plan token(const ResolvedField& f, Operator op, const std::vector<Atom>& values) {
    if (is_ordering(op)) return f.id == FieldId::Priority ? priority_order(f, op, values) : key_order(f, op, values);
    const TokenPostings& postings = in_.tokens[static_cast<std::size_t>(f.id)];
    Plan p;
    p.kind = Plan::Kind::Postings;
    p.postings = &postings;
    if (op == Operator::Is || op == Operator::IsNot) {
      p.with_empty = op == Operator::Is;
      p.complement = op == Operator::IsNot;
      return p;
    }
    p.complement = is_negative_match(op);
    for (const Atom& a : values) {
      if (a.kind == Atom::Kind::Empty) {
        p.with_empty = !p.complement;  // `!= EMPTY` leaves only issues with a value anyway
        continue;
      }
      if (a.kind == Atom::Kind::Date) {
        throw PlanError{fmt::format("The function '{}' is not supported by the '{}' field.", a.function, f.name)};
      }
      const std::string key = lower_ascii(a.text);
      if (f.id == FieldId::Resolution && key == "unresolved") {
        p.with_empty = !p.complement;
        continue;
      }
      const auto it = postings.rows.find(key);
      if (it == postings.rows.end()) {
        // Jira rejects a project or component that does not exist (and so does its fake).
        if (f.id == FieldId::Project || f.id == FieldId::Component) {
          throw PlanError{fmt::format("The value '{}' does not exist for the field '{}'.", a.text, f.name)};
        }
        continue;
      }
      p.lists.push_back(&it->second);
    }
    return p;
  }

  Plan priority_order(const ResolvedField& f, Operator op, const std::vector<Atom>& values) {
    const Atom& a = single(f, op, values);
    const int wanted = priority_rank(a.text);
    if (a.kind != Atom::Kind::Text || wanted == 0) {
      throw PlanError{fmt::format("The value '{}' does not exist for the field '{}'.", a.text, f.name)};
    }
    Plan p;
    p.test = [op, wanted](const DumpIssue& issue) {
      const int rank = issue.priority ? priority_rank(issue.priority->name) : 0;
      return rank != 0 && ordering_holds(op, three_way(rank, wanted));
    };
    return p;
  }

  // `key > ABC-123`: issues of project ABC with a higher number.
  Plan key_order(const ResolvedField& f, Operator op, const std::vector<Atom>& values) {
    const Atom& a = single(f, op, values);
    const auto dash = a.text.rfind('-');
    const auto number = dash == std::string::npos ? std::nullopt : to_int(std::string_view(a.text).substr(dash + 1));
    if (a.kind != Atom::Kind::Text || !number) {
      throw PlanError{fmt::format("The issue key '{}' for field '{}' is invalid.", a.text, f.name)};
    }
    Plan p;
    p.test = [op, project = a.text.substr(0, dash), wanted = *number](const DumpIssue& issue) {
      return iequals(issue.project_key, project) && ordering_holds(op, three_way(issue.key_number, wanted));
    };
    return p;
  }

  // ---- dates ----

  Timestamp date_value(const ResolvedField& f, const Atom& a) const {
    if (a.kind == Atom::Kind::Date) return a.date;
    if (a.number) {
      if (auto ms = to_int(a.text)) return Timestamp{*ms};  // a bare number is epoch milliseconds
    }
    if (auto t = parse_jql_date(a.text, in_.context.now)) return *t;
    throw PlanError{fmt::format(
        "Date value '{}' for field '{}' is invalid. Valid formats include: 'yyyy/MM/dd HH:mm', 'yyyy-MM-dd HH:mm', "
        "'yyyy/MM/dd', 'yyyy-MM-dd', or a period format e.g. '-5d', '4w 2d'.",
        a.text, f.name)};
  }

  Plan date(const ResolvedField& f, Operator op, const std::vector<Atom>& values) {
    Plan p;
    const FieldId id = f.id;
    if (op == Operator::Is || op == Operator::IsNot) {
      const bool want_empty = op == Operator::Is;
      p.test = [id, want_empty](const DumpIssue& issue) { return !date_of(issue, id).has_value() == want_empty; };
      return p;
    }
    if (is_ordering(op)) {
      const Timestamp bound = floor_to_minute(date_value(f, single(f, op, values)));
      p.test = [id, op, bound](const DumpIssue& issue) {
        const auto t = date_of(issue, id);
        return t && ordering_holds(op, three_way(floor_to_minute(*t).ms, bound.ms));
      };
      return p;
    }
    std::vector<std::int64_t> minutes;
    for (const Atom& a : values) {
      if (a.kind != Atom::Kind::Empty) minutes.push_back(floor_to_minute(date_value(f, a)).ms);
    }
    const bool positive = is_positive_match(op);
    const bool empty_matches = positive && has_empty(values);
    p.test = [id, positive, empty_matches, minutes = std::move(minutes)](const DumpIssue& issue) {
      const auto t = date_of(issue, id);
      if (!t) return empty_matches;
      const bool hit = std::find(minutes.begin(), minutes.end(), floor_to_minute(*t).ms) != minutes.end();
      return positive ? hit : !hit;
    };
    return p;
  }

  // ---- texts (`~`) ----

  static std::vector<std::string> words_of(const std::vector<std::string_view>& texts) {
    std::vector<std::string> words;
    for (auto t : texts) {
      auto w = text_words(t);
      words.insert(words.end(), std::make_move_iterator(w.begin()), std::make_move_iterator(w.end()));
    }
    return words;
  }

  Plan text(const ResolvedField& f, Operator op, const std::vector<Atom>& values) {
    Plan p;
    const FieldId id = f.id;
    auto has_text = [id](const DumpIssue& issue) {
      std::vector<std::string_view> texts;
      texts_of(issue, id, texts);
      return std::any_of(texts.begin(), texts.end(), [](std::string_view t) { return !t.empty(); });
    };
    // `IS EMPTY`, and `~ EMPTY` (which Jira reads the same way).
    if (op == Operator::Is || op == Operator::IsNot || has_empty(values)) {
      const bool want_empty = op == Operator::Is || op == Operator::Like;
      p.test = [has_text, want_empty](const DumpIssue& issue) { return has_text(issue) != want_empty; };
      return p;
    }
    const Atom& a = single(f, op, values);
    auto query = std::make_shared<const TextQuery>(a.text);
    if (query->empty()) {
      throw PlanError{fmt::format("The text '{}' for the field '{}' has no words to search for.", a.text, f.name)};
    }
    const bool positive = op == Operator::Like;
    p.test = [id, positive, query](const DumpIssue& issue) {
      std::vector<std::string_view> texts;
      texts_of(issue, id, texts);
      const auto words = words_of(texts);
      if (words.empty()) return false;  // neither ~ nor !~ match an empty field
      return query->matches(words) == positive;
    };
    return p;
  }

  // ---- custom fields ----

  static bool custom_equals(const DumpCustomValue& v, const Atom& a) {
    if (a.kind == Atom::Kind::Date) return v.date && floor_to_minute(*v.date) == floor_to_minute(a.date);
    if (v.number) {
      if (auto n = to_double(a.text)) {
        if (*n == *v.number) return true;
      }
    }
    return std::any_of(v.texts.begin(), v.texts.end(), [&a](const std::string& t) { return iequals(t, a.text); });
  }

  Plan custom(const ResolvedField& f, Operator op, const std::vector<Atom>& values) {
    Plan p;
    const std::string id = f.custom_id;
    if (op == Operator::Is || op == Operator::IsNot) {
      const bool want_empty = op == Operator::Is;
      p.test = [id, want_empty](const DumpIssue& issue) { return (issue.custom_field(id) == nullptr) == want_empty; };
      return p;
    }
    if (op == Operator::Like || op == Operator::NotLike) {
      const Atom& a = single(f, op, values);
      auto query = std::make_shared<const TextQuery>(a.text);
      const bool positive = op == Operator::Like;
      p.test = [id, positive, query](const DumpIssue& issue) {
        const DumpCustomValue* v = issue.custom_field(id);
        if (!v || v->texts.empty()) return false;
        std::vector<std::string_view> texts(v->texts.begin(), v->texts.end());
        return query->matches(words_of(texts)) == positive;
      };
      return p;
    }
    if (is_ordering(op)) {
      const Atom a = single(f, op, values);
      const auto number = a.kind == Atom::Kind::Text ? to_double(a.text) : std::nullopt;
      const auto when = a.kind == Atom::Kind::Date ? std::optional<Timestamp>(a.date) : parse_jql_date(a.text, in_.context.now);
      p.test = [id, op, number, when](const DumpIssue& issue) {
        const DumpCustomValue* v = issue.custom_field(id);
        if (!v) return false;
        if (number && v->number) return ordering_holds(op, three_way(*v->number, *number));
        if (when && v->date) return ordering_holds(op, three_way(floor_to_minute(*v->date).ms, floor_to_minute(*when).ms));
        return false;
      };
      return p;
    }
    const bool positive = is_positive_match(op);
    const bool empty_matches = positive && has_empty(values);
    std::vector<Atom> wanted;
    for (const Atom& a : values) {
      if (a.kind != Atom::Kind::Empty) wanted.push_back(a);
    }
    p.test = [id, positive, empty_matches, wanted = std::move(wanted)](const DumpIssue& issue) {
      const DumpCustomValue* v = issue.custom_field(id);
      if (!v) return empty_matches;
      const bool hit = std::any_of(wanted.begin(), wanted.end(), [v](const Atom& a) { return custom_equals(*v, a); });
      return positive ? hit : !hit;
    };
    return p;
  }

  const PlanInputs& in_;
};

RowSet postings_rows(const Plan& p, std::size_t n) {
  RowSet hits(n);
  for (const auto* list : p.lists) {
    if (const auto dense = p.postings->dense.find(list); dense != p.postings->dense.end()) {
      hits |= dense->second;
      continue;
    }
    for (std::uint32_t row : *list) hits.set(row);
  }
  if (p.complement) {
    RowSet out = p.postings->with_value;
    return out.subtract(hits);
  }
  if (p.with_empty) {
    RowSet empty(n, true);
    empty.subtract(p.postings->with_value);
    hits |= empty;
  }
  return hits;
}

}  // namespace

bool Plan::indexed() const noexcept {
  switch (kind) {
    case Kind::Postings: return true;
    case Kind::Scan: return false;
    default: return std::all_of(children.begin(), children.end(), [](const Plan& c) { return c.indexed(); });
  }
}

Plan plan_query(const Clause& where, const PlanInputs& inputs) { return Planner(inputs).clause(where, false); }

RowSet run_plan(const Plan& plan, const PlanInputs& inputs, const RowSet* within) {
  const std::size_t n = inputs.dump.issues.size();
  switch (plan.kind) {
    case Plan::Kind::Postings: {
      RowSet rows = postings_rows(plan, n);
      if (within) rows &= *within;
      return rows;
    }
    case Plan::Kind::Scan: {
      RowSet rows(n);
      auto visit = [&](std::size_t row) {
        if (plan.test(inputs.dump.issues[row])) rows.set(row);
      };
      if (within) {
        within->for_each(visit);
      } else {
        for (std::size_t row = 0; row < n; ++row) visit(row);
      }
      return rows;
    }
    case Plan::Kind::And: {
      RowSet rows = within ? *within : RowSet(n, true);
      for (const Plan& child : plan.children) rows = run_plan(child, inputs, &rows);
      return rows;
    }
    case Plan::Kind::Or: {
      RowSet rows(n);
      for (const Plan& child : plan.children) rows |= run_plan(child, inputs, within);
      return rows;
    }
  }
  return RowSet(n);
}

}  // namespace cql::jql
