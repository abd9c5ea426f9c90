// The HTML report in a real headless browser (scripts/check-html-report.sh): it renders, shows
// every entity and makes no network request. Negative controls prove the checker can fail.
// Skipped (with a warning) when Chromium or jq is not installed.
#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "fixtures/batch/run_process.hpp"
#include "fixtures/batch/sample_report.hpp"

using namespace cql;

namespace {

const std::string kScript = std::string(CQL_SOURCE_DIR) + "/scripts/check-html-report.sh";

std::string report_text(ReportFormat format) {
  std::ostringstream out;
  write_report(out, test::sample_report(), format);
  return out.str();
}

test::ProcessResult check(const std::vector<std::string>& args) {
  std::vector<std::string> argv{"/bin/bash", kScript};
  argv.insert(argv.end(), args.begin(), args.end());
  return test::run_process(argv);
}

}  // namespace

TEST_CASE("the html report renders offline in headless Chromium", "[integration][html]") {
  namespace fs = std::filesystem;
  const fs::path dir = fs::temp_directory_path() / ("cql_html_" + std::to_string(::getpid()));
  fs::create_directories(dir);
  const std::string html = report_text(ReportFormat::Html);
  std::ofstream(dir / "scores.html") << html;
  std::ofstream(dir / "scores.json") << report_text(ReportFormat::Json);

  auto r = check({(dir / "scores.html").string(), "--json", (dir / "scores.json").string()});
  if (r.status == 77) {
    WARN("skipped: " << r.err);
    fs::remove_all(dir);
    return;
  }
  INFO(r.err);
  CHECK(r.status == 0);
  CHECK_THAT(r.out, Catch::Contains("renders 2 entity rows, 2 expected entities shown, no network request"));

  {  // a resource blocked by the policy is caught
    std::string tampered = html;
    tampered.replace(tampered.find("<body>"), 6, "<body><img src=\"http://127.0.0.1:9/pixel.png\">");
    std::ofstream(dir / "blocked.html") << tampered;
    r = check({(dir / "blocked.html").string()});
    CHECK(r.status == 1);
    CHECK_THAT(r.err, Catch::Contains("the page tried to load something the policy blocked"));
  }
  {  // a request without the policy is caught in the net log
    std::string tampered = html;
    const auto meta = tampered.find("<meta http-equiv");
    tampered.erase(meta, tampered.find('>', meta) + 1 - meta);
    tampered.replace(tampered.find("<body>"), 6, "<body><img src=\"http://127.0.0.1:9/pixel.png\">");
    std::ofstream(dir / "leaky.html") << tampered;
    r = check({(dir / "leaky.html").string()});
    CHECK(r.status == 1);
    CHECK_THAT(r.err, Catch::Contains("no Content-Security-Policy meta"));
    CHECK_THAT(r.err, Catch::Contains("the page made network requests:\nhttp://127.0.0.1:9/pixel.png"));
  }
  {  // a missing entity is caught
    r = check({(dir / "scores.html").string(), "payments", "not-in-the-report"});
    CHECK(r.status == 1);
    CHECK_THAT(r.err, Catch::Contains("entity `not-in-the-report` is not shown"));
    CHECK_THAT(r.err, !Catch::Contains("entity `payments` is not shown"));
  }
  fs::remove_all(dir);
}
