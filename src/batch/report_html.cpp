// `html`: one self-contained page (inline CSS and a few lines of inline script, no external
// resource, a Content-Security-Policy that forbids any fetch). Per scorecard: the level
// distribution, the pass rate per rule, and an entity × rule grid whose cells show the outcome
// with the failure message or error in a tooltip (title attribute). Every text from the report
// is HTML-escaped; level colours are used only when they are plain CSS colour literals.
#include <fmt/format.h>

#include "batch/report_text.hpp"
#include "batch/report_writers.hpp"
#include "cql/time.hpp"

namespace cql::batch {

namespace {

constexpr std::string_view kHead = R"(<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Scorecard results</title>
<style>
body{font:14px/1.4 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:1.5rem;color:#1f2328;background:#fff}
h1{font-size:1.6rem;margin:0 0 .3rem}h2{margin:2rem 0 .3rem;border-bottom:1px solid #d0d7de}h2 small{color:#59636e;font-weight:normal}
h3{font-size:1.05rem;margin:1.2rem 0 .4rem}.muted{color:#59636e}
table{border-collapse:collapse}th,td{padding:.2rem .5rem;text-align:left;vertical-align:middle}
table.stats td.n{text-align:right;font-variant-numeric:tabular-nums}
table.stats tr:nth-child(even){background:#f6f8fa}
.bar{display:inline-block;height:.8rem;background:#2da44e;vertical-align:middle;border-radius:2px}
.barbox{display:inline-block;width:12rem;background:#eaeef2;border-radius:2px;margin-right:.4rem}
.swatch{display:inline-block;width:.8rem;height:.8rem;border-radius:50%;margin-right:.3rem;vertical-align:middle;background:#8c959f}
.gridwrap{overflow:auto;max-height:80vh;border:1px solid #d0d7de}
table.grid th{position:sticky;top:0;background:#f6f8fa;z-index:1}
table.grid td.o{text-align:center;width:1.6rem;min-width:1.6rem;font-weight:bold;cursor:default}
table.grid tbody tr:hover{background:#f6f8fa}
.o-pass{background:#dafbe1;color:#116329}.o-fail{background:#ffebe9;color:#a40e26}
.o-error{background:#fff1c2;color:#7d4e00}.o-exempt{background:#ddf4ff;color:#0550ae}
.o-not_applicable{color:#8c959f}.stale{outline:2px dashed #7d4e00;outline-offset:-3px}
input.filter{margin:.3rem 0;padding:.3rem .5rem;width:20rem;max-width:100%}
.legend span{margin-right:1rem}
</style>
</head>
<body>
)";

constexpr std::string_view kScript = R"(<script>
document.querySelectorAll('input.filter').forEach(function (input) {
  input.addEventListener('input', function () {
    var needle = input.value.toLowerCase();
    document.getElementById(input.dataset.grid).querySelectorAll('tbody tr').forEach(function (row) {
      row.hidden = needle !== '' && row.dataset.search.indexOf(needle) < 0;
    });
  });
});
</script>
)";

// `#abc`, `#a1b2c3`, `#a1b2c3d4` or a plain colour name: nothing that could end the attribute.
bool is_css_color(std::string_view color) {
  if (color.empty() || color.size() > 32) return false;
  if (color[0] == '#') {
    if (color.size() != 4 && color.size() != 7 && color.size() != 9) return false;
    return color.find_first_not_of("0123456789abcdefABCDEF", 1) == std::string_view::npos;
  }
  return color.find_first_not_of("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ") == std::string_view::npos;
}

std::string swatch(const ScorecardResult& card, const std::string& level_name) {
  for (const auto& l : card.levels) {
    if (l.name == level_name && l.color && is_css_color(*l.color)) {
      return fmt::format("<span class=\"swatch\" style=\"background:{}\"></span>", *l.color);
    }
  }
  return "<span class=\"swatch\"></span>";
}

std::string bar(double fraction) {
  return fmt::format("<span class=\"barbox\"><span class=\"bar\" style=\"width:{:.1f}%\"></span></span>", 100.0 * fraction);
}

std::string_view symbol(Outcome outcome) {
  switch (outcome) {
    case Outcome::Pass: return "✓";
    case Outcome::Fail: return "✗";
    case Outcome::Error: return "!";
    case Outcome::Exempt: return "E";
    case Outcome::NotApplicable: return "·";
  }
  return "?";
}

std::string lower(std::string_view s) {
  std::string out(s);
  for (auto& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

void write_levels(std::ostream& out, const ScorecardResult& card) {
  if (card.levels.empty()) return;
  out << "<h3>Levels</h3>\n<table class=\"stats levels\"><thead><tr><th>Level</th><th>Entities</th><th></th></tr></thead><tbody>\n";
  const double total = static_cast<double>(std::max<std::int64_t>(card.summary.entities, 1));
  std::int64_t with_level = 0;
  for (auto it = card.summary.levels.rbegin(); it != card.summary.levels.rend(); ++it) {
    with_level += it->second;
    out << fmt::format("<tr><td>{}{}</td><td class=\"n\">{}</td><td>{}</td></tr>\n", swatch(card, it->first),
                       markup_escape(it->first), it->second, bar(static_cast<double>(it->second) / total));
  }
  const std::int64_t none = card.summary.entities - with_level;
  out << fmt::format("<tr><td><span class=\"swatch\"></span><em>no level</em></td><td class=\"n\">{}</td><td>{}</td></tr>\n",
                     none, bar(static_cast<double>(none) / total));
  out << "</tbody></table>\n";
}

void write_rules(std::ostream& out, const ScorecardResult& card) {
  out << "<h3>Rules</h3>\n<table class=\"stats rules\"><thead><tr><th>#</th><th>Rule</th><th>Level</th>"
         "<th>Pass</th><th>Fail</th><th>Error</th><th>Exempt</th><th>N/A</th><th>Pass rate</th></tr></thead><tbody>\n";
  std::size_t index = 0;
  for (const auto& r : card.summary.rules) {
    const std::int64_t counted = r.pass + r.fail + r.error;
    const double rate = counted == 0 ? 0.0 : static_cast<double>(r.pass) / static_cast<double>(counted);
    out << fmt::format(
        "<tr><td class=\"n\">R{}</td><td>{}</td><td>{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td>"
        "<td class=\"n\">{}</td><td class=\"n\">{}</td><td class=\"n\">{}</td><td>{}{}</td></tr>\n",
        ++index, markup_escape(r.title), markup_escape(rule_level(card, r.title)), r.pass, r.fail, r.error, r.exempt,
        r.not_applicable, bar(rate), counted == 0 ? "—" : format_percentage(100.0 * rate) + "%");
  }
  out << "</tbody></table>\n";
}

void write_grid(std::ostream& out, const ScorecardResult& card, std::size_t card_index) {
  out << "<h3>Entities</h3>\n<p class=\"legend muted\"><span>✓ pass</span><span>✗ fail</span><span>! error</span>"
         "<span>E exempt</span><span>· not applicable</span><span>dashed: stale (kept from the previous run)</span>"
         "<span>hover a cell for its message</span></p>\n";
  out << fmt::format("<input class=\"filter\" type=\"search\" placeholder=\"Filter entities by tag, name or level\" "
                     "data-grid=\"grid-{}\" aria-label=\"Filter entities\">\n",
                     card_index);
  out << fmt::format("<div class=\"gridwrap\"><table class=\"grid\" id=\"grid-{}\"><thead><tr><th>Entity</th>"
                     "<th>Level</th><th>Score</th>",
                     card_index);
  std::size_t index = 0;
  for (const auto& r : card.summary.rules) out << fmt::format("<th title=\"{}\">R{}</th>", markup_escape(r.title), ++index);
  out << "</tr></thead><tbody>\n";
  for (const auto& e : card.entities) {
    const std::string level = e.level.value_or("");
    out << fmt::format("<tr data-search=\"{}\"><th class=\"entity\" title=\"{}\">{}</th><td>{}{}</td><td class=\"n\">{}/{} ({}%)</td>",
                       markup_escape(lower(e.tag + " " + e.name + " " + level)), markup_escape(e.name),
                       markup_escape(e.tag), level.empty() ? "" : swatch(card, level),
                       level.empty() ? "—" : markup_escape(level), e.score, e.total, format_percentage(e.percentage));
    for (const auto& r : e.rules) {
      // Plain passes and rules that do not apply carry no tooltip (the column header names the
      // rule): on 10,000 entities x 20 rules that keeps the page a few megabytes smaller.
      const bool quiet = (r.outcome == Outcome::Pass || r.outcome == Outcome::NotApplicable) && !r.stale;
      std::string tip;
      if (!quiet) {
        tip = r.title + ": " + std::string(outcome_name(r.outcome));
        if (const std::string detail = rule_detail(r); detail != outcome_name(r.outcome)) tip += "\n" + detail;
      }
      out << fmt::format("<td class=\"o o-{}{}\"{}>{}</td>", outcome_name(r.outcome), r.stale ? " stale" : "",
                         quiet ? "" : " title=\"" + markup_escape(tip) + "\"", symbol(r.outcome));
    }
    out << "</tr>\n";
  }
  out << "</tbody></table></div>\n";
}

}  // namespace

void write_html(std::ostream& out, const BatchReport& report) {
  out << kHead;
  out << "<h1>Scorecard results</h1>\n";
  out << fmt::format("<p class=\"muted run\">Evaluated at {} · {} ms · {} requests · {} cache hits · {} errors</p>\n",
                     format_timestamp(report.run.now), report.run.duration_ms, report.run.requests,
                     report.run.cache_hits, report.run.errors);
  if (report.scorecards.size() > 1) {
    out << "<nav><ul>\n";
    for (std::size_t i = 0; i < report.scorecards.size(); ++i) {
      out << fmt::format("<li><a href=\"#scorecard-{}\">{}</a></li>\n", i, markup_escape(report.scorecards[i].name));
    }
    out << "</ul></nav>\n";
  }
  for (std::size_t i = 0; i < report.scorecards.size(); ++i) {
    const auto& card = report.scorecards[i];
    out << fmt::format("<section class=\"scorecard\" id=\"scorecard-{}\">\n<h2>{} <small>{}</small></h2>\n", i,
                       markup_escape(card.name), markup_escape(card.tag));
    out << fmt::format("<p class=\"muted\">{} entities scored</p>\n", card.summary.entities);
    write_levels(out, card);
    write_rules(out, card);
    write_grid(out, card, i);
    out << "</section>\n";
  }
  out << kScript << "</body>\n</html>\n";
}

}  // namespace cql::batch
