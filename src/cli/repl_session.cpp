#include "cli/repl_session.hpp"

#include <fmt/format.h>

#include <chrono>
#include <filesystem>

#include "ast/printer.hpp"
#include "cql/catalog.hpp"
#include "cql/time.hpp"
#include "parse/parser.hpp"

namespace cql::cli {

namespace {

SourceRef source_of(std::string_view text) {
  return std::make_shared<const SourceFile>(kReplSourceName, std::string(text));
}

Diagnostic usage_error(std::string message) {
  return Diagnostic{ErrorKind::Usage, Severity::Error, std::move(message), nullptr, {}, {}};
}

std::string format_elapsed(std::chrono::nanoseconds elapsed) {
  const double us = static_cast<double>(elapsed.count()) / 1000.0;
  if (us < 1000.0) return fmt::format("{:.1f} µs", us);
  if (us < 1'000'000.0) return fmt::format("{:.2f} ms", us / 1000.0);
  return fmt::format("{:.2f} s", us / 1'000'000.0);
}

template <typename F>
auto timed(std::chrono::nanoseconds& elapsed, F&& f) {
  const auto start = std::chrono::steady_clock::now();
  auto result = f();
  elapsed = std::chrono::steady_clock::now() - start;
  return result;
}

}  // namespace

ReplSession::ReplSession(DataOptions options, std::shared_ptr<LoadedData> data, ReplStyle style)
    : options_(std::move(options)), completer_(registry_), style_(style) {
  completer_.set_static_type_oracle([this](std::string_view expression) -> std::optional<StaticType> {
    auto program = engine_->compile(expression, kReplSourceName);
    if (!program) return std::nullopt;
    return program.value().result_type();
  });
  adopt(std::move(data));
}

void ReplSession::adopt(std::shared_ptr<LoadedData> data) {
  data_ = std::move(data);
  registry_ = data_->registry();  // facts can add namespaces, so the engine follows the data
  engine_.emplace(EngineBuilder(registry_).build());
  std::vector<std::string> tags;
  if (data_->catalog) {
    for (const Entity& e : data_->catalog->entities()) tags.push_back(e.tag);
  }
  completer_.set_entity_tags(std::move(tags));
}

std::string ReplSession::entity_summary() const {
  const Entity& e = data_->entity;
  std::string from = "no catalog";
  if (!options_.entity_file.empty()) {
    from = options_.entity_file;
  } else if (data_->catalog) {
    from = fmt::format("catalog {}, {} entities", options_.catalog, data_->catalog->entities().size());
  }
  return fmt::format("entity {} ({})", e.tag, from);
}

std::string ReplSession::banner() const {
  return fmt::format("cql {} REPL: {}\nType :help for commands; Tab completes; Ctrl-D leaves.\n", CQL_VERSION,
                     entity_summary());
}

Reply ReplSession::run(std::string_view input) {
  if (!is_meta_command_line(input)) return evaluate(input);
  auto parsed = parse_meta_command(input);
  if (const auto* message = std::get_if<std::string>(&parsed)) return error_reply(usage_error(*message));
  return run_meta(std::get<MetaCommand>(parsed));
}

Reply ReplSession::run_meta(const MetaCommand& command) {
  switch (command.kind) {
    case MetaKind::Help: return help(command.argument);
    case MetaKind::Entity: return entity(command.argument);
    case MetaKind::Catalog:
    case MetaKind::Issues:
    case MetaKind::Config:
    case MetaKind::Facts: return data_file(command.kind, command.argument);
    case MetaKind::Now: return clock(command.argument);
    case MetaKind::Ast: return ast(command.argument);
    case MetaKind::Explain: return explain(command.argument);
    case MetaKind::Time: return time(command.argument);
    case MetaKind::Quit: return Reply{.quit = true};
  }
  return {};
}

Reply ReplSession::error_reply(const Diagnostic& diagnostic) const {
  return error_reply(std::vector<Diagnostic>{diagnostic});
}

Reply ReplSession::error_reply(const std::vector<Diagnostic>& diagnostics) const {
  Reply reply;
  reply.is_error = true;
  reply.line = "error: " + diagnostics.front().message;
  reply.diagnostic = render(diagnostics);
  return reply;
}

Reply ReplSession::value_reply(const EvalResult& result, const std::string& suffix) const {
  const std::string literal = to_cql_literal(result.value);
  Reply reply;
  reply.line = suffix.empty() ? literal : literal + "  " + suffix;
  reply.display = style_.paint(StyleRole::Value, literal) + " " +
                  style_.paint(StyleRole::Type, ": " + std::string(type_name(result.value.type())));
  if (!result.captures.empty()) {
    reply.display += "\ncaptures:";
    for (const Capture& capture : result.captures) {
      reply.display += "\n  " + style_.paint(StyleRole::Capture, capture.name) + " = " + to_cql_literal(capture.value);
    }
  }
  if (!suffix.empty()) reply.display += "\n" + style_.paint(StyleRole::Note, suffix);
  return reply;
}

Reply ReplSession::evaluate(std::string_view text) {
  auto program = engine_->compile(source_of(text));
  if (!program) return error_reply(program.errors());
  const EvalResult result = program.value().evaluate(data_->context());
  if (!result.ok()) return error_reply(*result.error);
  return value_reply(result, "");
}

Reply ReplSession::help(const std::string& argument) const {
  if (argument.empty()) {
    std::string names;
    for (const MetaCommandInfo& info : meta_commands()) names += (names.empty() ? ":" : " :") + std::string(info.name);
    return Reply{.line = "commands: " + names, .display = meta_help_text()};
  }
  const auto text = meta_command_help(argument);
  if (!text) return error_reply(usage_error(fmt::format("unknown command :{} (try :help)", argument)));
  std::string line = *text;
  line.replace(line.find('\n'), 3, ": ");  // "usage\n  summary\n" -> "usage: summary"
  line.pop_back();
  return Reply{.line = line, .display = *text};
}

Reply ReplSession::reload(const DataOptions& candidate, const std::string& summary) {
  auto loaded = load_data(candidate);
  if (!loaded) return error_reply(loaded.errors());
  options_ = candidate;
  adopt(std::move(loaded.value()));
  return Reply{.line = summary};
}

Reply ReplSession::entity(const std::string& argument) {
  if (argument.empty()) return Reply{.line = entity_summary()};
  DataOptions candidate = options_;
  // A tag of the loaded catalog wins; otherwise the argument names a descriptor or entity file.
  if (data_->catalog && data_->catalog->find(argument) != nullptr) {
    candidate.tag = argument;
    candidate.entity_file.clear();
  } else if (std::error_code ec; std::filesystem::is_regular_file(argument, ec)) {
    candidate.entity_file = argument;
    candidate.tag.clear();
  } else {
    const std::string where = data_->catalog ? "in the catalog" : "(no catalog is loaded)";
    return error_reply(usage_error(fmt::format("no entity `{}` {} and no file of that name", argument, where)));
  }
  auto reply = reload(candidate, "");
  if (!reply.is_error) reply.line = entity_summary();
  return reply;
}

Reply ReplSession::data_file(MetaKind kind, const std::string& argument) {
  std::string DataOptions::*field = &DataOptions::catalog;
  switch (kind) {
    case MetaKind::Catalog: field = &DataOptions::catalog; break;
    case MetaKind::Issues: field = &DataOptions::issues; break;
    case MetaKind::Config: field = &DataOptions::config; break;
    default: field = &DataOptions::facts; break;
  }
  const std::string_view name = meta_command_info(kind).name;
  if (argument.empty()) {
    const std::string& current = options_.*field;
    return Reply{.line = fmt::format("{} {}", name, current.empty() ? "(none)" : current)};
  }
  DataOptions candidate = options_;
  candidate.*field = argument;
  Reply reply = reload(candidate, "");
  // A new catalog may not hold the entity chosen by tag; fall back to the example entity
  // rather than refusing the catalog (the user picks one with :entity).
  if (reply.is_error && kind == MetaKind::Catalog && !candidate.tag.empty()) {
    candidate.tag.clear();
    Reply retry = reload(candidate, "");
    if (!retry.is_error) reply = retry;
  }
  if (reply.is_error) return reply;
  reply.line = kind == MetaKind::Catalog ? entity_summary() : fmt::format("{} {}", name, argument);
  return reply;
}

Reply ReplSession::clock(const std::string& argument) {
  if (!argument.empty()) {
    DataOptions candidate = options_;
    candidate.now = argument == "real" ? std::string() : argument;
    Reply reply = reload(candidate, "");
    if (reply.is_error) return reply;
  }
  const std::string shown = format_timestamp(data_->now);
  return Reply{.line = options_.now.empty() ? fmt::format("now {} (real time)", shown) : fmt::format("now {}", shown)};
}

Reply ReplSession::ast(const std::string& expression) const {
  auto parsed = parse::parse_expression(source_of(expression));
  if (!parsed) return error_reply(parsed.errors());
  return Reply{.line = ast::to_sexpr(*parsed.value().root)};
}

Reply ReplSession::time(const std::string& expression) {
  const SourceRef source = source_of(expression);
  std::chrono::nanoseconds parse_time{}, compile_time{}, eval_time{};
  auto parsed = timed(parse_time, [&] { return parse::parse_expression(source); });
  if (!parsed) return error_reply(parsed.errors());
  // Engine::compile() is the whole front end (it parses again, then checks and plans), so its
  // time is reported as is rather than as a difference of two noisy measurements.
  auto program = timed(compile_time, [&] { return engine_->compile(source); });
  if (!program) return error_reply(program.errors());
  const auto context = data_->context();
  const EvalResult result = timed(eval_time, [&] { return program.value().evaluate(context); });
  if (!result.ok()) return error_reply(*result.error);
  return value_reply(result, fmt::format("parse {}, compile {} (parse+check+plan), eval {}", format_elapsed(parse_time),
                                         format_elapsed(compile_time), format_elapsed(eval_time)));
}

}  // namespace cql::cli
