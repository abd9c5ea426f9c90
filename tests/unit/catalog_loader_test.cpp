// Catalog loading (spec/scorecards.md §1): descriptors, exports, JSON Lines, and bad input.
#include <catch2/catch.hpp>

#include <filesystem>

#include "cql/catalog.hpp"
#include "unit/catalog_temp_dir.hpp"

using namespace cql;

namespace {

const std::string kSuiteCatalog = std::string(CQL_TEST_DATA_DIR) + "/conformance/suite/catalog";
const std::string kFixtures = std::string(CQL_TEST_DATA_DIR) + "/fixtures/catalog";

const Entity& entity(const CatalogLoad& load, std::string_view tag) {
  const Entity* found = load.catalog.find(tag);
  REQUIRE(found != nullptr);
  return *found;
}

const Value& custom(const Entity& e, std::string_view key) {
  REQUIRE(e.custom.type() == Type::Object);
  const Value* v = e.custom.as_object().find(key);
  REQUIRE(v != nullptr);
  return *v;
}

std::string rendered(const std::vector<Diagnostic>& problems) { return render(problems); }

}  // namespace

TEST_CASE("the conformance catalog loads every descriptor field", "[unit][catalog]") {
  const CatalogLoad load = load_catalog(kSuiteCatalog);
  INFO(rendered(load.problems));
  REQUIRE(load.problems.empty());
  CHECK_FALSE(load.unreadable);
  CHECK(load.catalog.entities().size() == 12);

  const Entity& payments = entity(load, "payments");
  CHECK(payments.name == "Payments Service");
  CHECK(payments.type == "service");
  CHECK(payments.description == "Card and wallet payment processing for the storefront.");
  CHECK(payments.groups == std::vector<std::string>{"tier-1", "pci", "domain-commerce"});
  REQUIRE(payments.owners.size() == 3);
  CHECK(payments.owners[0].type == "group");
  CHECK(payments.owners[0].name == "payments-team");
  CHECK(payments.owners[0].provider == "GITHUB");
  CHECK(payments.owners[0].description == "Owns the service end to end");
  CHECK(payments.owners[1].type == "user");
  CHECK(payments.owners[1].email == "maria.lopez@acme.io");
  CHECK(payments.owners[2].type == "slack");
  CHECK(payments.owners[2].name == "payments-oncall");
  REQUIRE(payments.links.size() == 5);
  CHECK(payments.links[1].type == "RUNBOOK");
  CHECK(payments.links[0].description == "First steps when payments pages");
  CHECK(custom(payments, "cost-center").type() == Type::String);
  CHECK(custom(payments, "cost-center").as_string() == "4410");
  CHECK(custom(payments, "launched").type() == Type::String);
  CHECK(custom(payments, "tier").as_int() == 1);
  CHECK(custom(payments, "pci-scope").as_bool());
  CHECK(custom(payments, "test.coverage").type() == Type::Object);
  CHECK(custom(payments, "slo").as_object().find("availability")->as_double() == Approx(99.95));
  // Key order is kept.
  CHECK(payments.custom.as_object().entries().front().first == "tier");
  REQUIRE(payments.dependencies.size() == 4);
  CHECK(payments.dependencies[0].tag == "ledger");
  CHECK(payments.dependencies[0].method == "POST");
  CHECK(payments.dependencies[0].path == "/v1/entries");
  CHECK(payments.dependencies[0].description == "Posts journal entries for captured payments");
  CHECK(payments.jira.present);
  REQUIRE(payments.jira.components.size() == 2);
  CHECK(payments.jira.components[1].value == "Billing \"Classic\"");
  CHECK(payments.jira.projects[0].value == "PAY");
  CHECK(payments.descriptor.as_object().find("openapi")->as_string() == "3.0.1");
  CHECK(payments.origin_file == kSuiteCatalog + "/payments.yaml");
  CHECK(payments.origin_line == 5);
  CHECK(payments.values.tag.as_string() == "payments");
  CHECK(payments.values.groups.as_list().size() == 3);

  const Entity& fraud = entity(load, "fraud-check");
  CHECK(fraud.type == "service");
  CHECK_FALSE(fraud.description.has_value());
  CHECK(fraud.values.description.is_null());
  CHECK(fraud.owners.empty());

  CHECK(entity(load, "legacy-billing").is_archived);
  CHECK_FALSE(payments.is_archived);
  const Entity& team = entity(load, "payments-team");
  CHECK(team.type == "team");
  REQUIRE(team.team_members.size() == 2);
  CHECK(team.team_members[1].email == "dev.patel@acme.io");
  const Entity& indexer = entity(load, "search-indexer");
  REQUIRE(indexer.jira.labels.size() == 2);
  CHECK(indexer.jira.labels[1].alias == "legacy-jira");
  CHECK(entity(load, "notifications").jira.default_jql == "status = \"In Progress\"");
}

TEST_CASE("a directory is read recursively, with several documents per file", "[unit][catalog]") {
  const CatalogLoad load = load_catalog(kFixtures + "/multi");
  INFO(rendered(load.problems));
  REQUIRE(load.problems.empty());
  std::vector<std::string> tags;
  for (const auto& e : load.catalog.entities()) tags.push_back(e.tag);
  // Files in path order (nested/more.yml before services.yaml); README.md is not read.
  CHECK(tags == std::vector<std::string>{"shipping", "orders", "inventory", "warehouse-team"});
  CHECK(entity(load, "inventory").origin_line == 29);
  const Entity& team = entity(load, "warehouse-team");
  REQUIRE(team.team_groups.size() == 1);
  CHECK(team.team_groups[0].name == "warehouse");
  CHECK(team.team_groups[0].provider == "OKTA");
}

TEST_CASE("a large directory loads on several threads in path order", "[unit][catalog]") {
  test::TempDir dir;
  for (int i = 0; i < 300; ++i) {
    const std::string tag = "svc-" + std::to_string(1000 + i);
    dir.write("d" + std::to_string(i % 7) + "/" + tag + ".yaml",
              "info:\n  x-cortex-tag: " + tag + "\n  x-cortex-dependency: [{tag: svc-1000}]\n");
  }
  dir.write("d3/dup.yaml", "info:\n  x-cortex-tag: svc-1005\n");
  const CatalogLoad load = load_catalog(dir.path());
  CHECK(load.catalog.entities().size() == 300);
  // d3/dup.yaml comes before d5/svc-1005.yaml in path order: the latter is the duplicate.
  REQUIRE(load.problems.size() == 1);
  CHECK(load.problems[0].message.find("duplicate tag 'svc-1005'") == 0);
  CHECK(load.problems[0].source->name() == dir.path() + "/d5/svc-1005.yaml");
  CHECK(load.catalog.entities().front().tag == "svc-1000");  // d0/svc-1000.yaml comes first
  CHECK(load.catalog.incoming("svc-1000").size() == 299);    // the kept svc-1005 declares none
}

TEST_CASE("YAML scalars: quoted text stays text, plain scalars follow the core schema", "[unit][catalog]") {
  const CatalogLoad load = load_catalog(kFixtures + "/multi/services.yaml");
  REQUIRE(load.problems.empty());
  const Entity& orders = entity(load, "orders");
  CHECK(custom(orders, "version").as_string() == "2.0");
  CHECK(custom(orders, "replicas").type() == Type::Int);
  CHECK(custom(orders, "ratio").type() == Type::Double);
  CHECK(custom(orders, "big").type() == Type::Double);     // beyond int64
  CHECK(custom(orders, "zip").as_string() == "01234");      // a leading zero keeps the text
  CHECK(custom(orders, "flag").as_string() == "yes");       // YAML 1.2: not a bool
  CHECK(custom(orders, "nothing").is_null());
  CHECK(custom(orders, "when").as_string() == "2026-01-01T00:00:00Z");
  CHECK(custom(orders, "quoted-true").as_string() == "true");
  CHECK(custom(orders, "block").as_string() == "line one\n");
  REQUIRE(orders.dependencies.size() == 2);
  CHECK(orders.dependencies[0].metadata.as_object().find("timeoutMs")->as_int() == 250);
}

TEST_CASE("the reverse dependency index is sorted by the dependent's tag", "[unit][catalog]") {
  const CatalogLoad suite = load_catalog(kSuiteCatalog);
  std::vector<std::string> from;
  for (const auto& in : suite.catalog.incoming("ledger")) from.push_back(in.from->tag);
  CHECK(from == std::vector<std::string>{"fraud-check", "legacy-billing", "payments"});
  const auto& payments_in = suite.catalog.incoming("payments");
  REQUIRE(payments_in.size() == 1);
  CHECK(payments_in[0].from->tag == "checkout-web");
  CHECK(payments_in[0].ref->path == "/v1/charges");
  CHECK(suite.catalog.incoming("audit").empty());

  const CatalogLoad multi = load_catalog(kFixtures + "/multi");
  from.clear();
  for (const auto& in : multi.catalog.incoming("inventory")) from.push_back(in.from->tag);
  CHECK(from == std::vector<std::string>{"orders", "shipping"});
  // A tag outside the catalog still has its dependents.
  REQUIRE(multi.catalog.incoming("outside-the-catalog").size() == 1);
  CHECK(multi.catalog.find("outside-the-catalog") == nullptr);

  // A copy has its own, valid index.
  const Catalog copy = multi.catalog;
  REQUIRE(copy.incoming("inventory").size() == 2);
  CHECK(copy.incoming("inventory")[0].from == copy.find("orders"));
}

TEST_CASE("a JSON export in the vendor API shape", "[unit][catalog]") {
  const CatalogLoad load = load_catalog(kFixtures + "/exports/export.json");
  INFO(rendered(load.problems));
  REQUIRE(load.problems.empty());
  REQUIRE(load.catalog.entities().size() == 2);
  const Entity& gateway = entity(load, "api-gateway");
  CHECK(gateway.name == "API Gateway");
  CHECK(gateway.description == "Edge routing");
  CHECK(gateway.groups == std::vector<std::string>{"tier-1", "edge"});
  REQUIRE(gateway.owners.size() == 2);
  CHECK(gateway.owners[0].type == "group");
  CHECK(gateway.owners[0].name == "edge-team");
  CHECK(gateway.owners[0].provider == "GITHUB");
  CHECK(gateway.owners[1].type == "user");
  CHECK(gateway.owners[1].email == "lead@example.com");
  REQUIRE(gateway.links.size() == 1);
  CHECK(gateway.links[0].url == "https://wiki/gw");
  CHECK(custom(gateway, "tier").as_int() == 1);
  CHECK(custom(gateway, "cloud").as_object().find("provider")->as_string() == "aws");
  REQUIRE(gateway.dependencies.size() == 1);
  CHECK(gateway.dependencies[0].tag == "auth");
  CHECK(gateway.created == "2024-02-01T10:00:00Z");
  CHECK(gateway.jira.projects.size() == 1);
  CHECK(gateway.origin_line == 2);
  const Entity& auth = entity(load, "auth");
  CHECK(auth.is_archived);
  CHECK(auth.created == "2023-05-05");
  CHECK(auth.type == "service");
  CHECK(custom(auth, "tier").as_int() == 2);
  CHECK(auth.descriptor.is_null());
  REQUIRE(load.catalog.incoming("auth").size() == 1);
}

TEST_CASE("an export wrapped in {\"entities\": [...]} and JSON Lines", "[unit][catalog]") {
  const CatalogLoad wrapped = load_catalog(kFixtures + "/exports/wrapped.json");
  REQUIRE(wrapped.problems.empty());
  const Entity& team = entity(wrapped, "edge-team");
  REQUIRE(team.team_members.size() == 1);
  CHECK(team.team_members[0].name == "Kim");

  const CatalogLoad lines = load_catalog(kFixtures + "/exports/lines.jsonl");
  REQUIRE(lines.problems.empty());
  REQUIRE(lines.catalog.entities().size() == 2);
  CHECK(entity(lines, "line-two").groups == std::vector<std::string>{"g"});
  CHECK(entity(lines, "line-two").origin_line == 3);
}

TEST_CASE("broken YAML is reported with its position and the rest still loads", "[unit][catalog]") {
  test::TempDir dir;
  dir.write("good.yaml", "info:\n  x-cortex-tag: good\n");
  const std::string bad = dir.write("bad.yaml", "info:\n  x-cortex-tag: [unclosed\n  title: x\n");
  const CatalogLoad load = load_catalog(dir.path());
  CHECK_FALSE(load.unreadable);
  CHECK(load.catalog.find("good") != nullptr);
  REQUIRE(load.problems.size() == 1);
  const Diagnostic& p = load.problems[0];
  CHECK(p.kind == ErrorKind::Syntax);
  CHECK(p.severity == Severity::Error);
  CHECK(render(p).rfind(bad + ":3:", 0) == 0);
  CHECK(p.message.rfind("invalid YAML: ", 0) == 0);
}

TEST_CASE("documents before a syntax error in the same file still load", "[unit][catalog]") {
  test::TempDir dir;
  const std::string file = dir.write("two.yaml", "info:\n  x-cortex-tag: first\n---\ninfo: {x-cortex-tag: [\n");
  const CatalogLoad load = load_catalog(file);
  CHECK(load.catalog.find("first") != nullptr);
  REQUIRE(load.problems.size() == 1);
  CHECK(render(load.problems[0]).rfind(file + ":", 0) == 0);
}

TEST_CASE("a descriptor without x-cortex-tag is skipped with its line", "[unit][catalog]") {
  test::TempDir dir;
  const std::string file = dir.write("x.yaml",
                                     "info:\n  x-cortex-tag: fine\n---\n# comment\ninfo:\n  title: No Tag\n---\nopenapi: 3.0.1\n");
  const CatalogLoad load = load_catalog(file);
  CHECK(load.catalog.entities().size() == 1);
  REQUIRE(load.problems.size() == 2);
  CHECK(render(load.problems[0]) ==
        file + ":5:1: error: descriptor has no x-cortex-tag; skipped\n  info:\n  ^\n");
  CHECK(load.problems[1].message == "not an entity descriptor (no `info` mapping with x-cortex-tag); skipped");
  CHECK(load.problems[1].source->position(load.problems[1].span.begin).line == 8);
}

TEST_CASE("a duplicate tag keeps the first entity and reports the second", "[unit][catalog]") {
  test::TempDir dir;
  const std::string first = dir.write("a.yaml", "info:\n  title: First\n  x-cortex-tag: same\n");
  const std::string second = dir.write("b.yaml", "# again\ninfo:\n  title: Second\n  x-cortex-tag: same\n");
  const CatalogLoad load = load_catalog(dir.path());
  REQUIRE(load.catalog.entities().size() == 1);
  CHECK(load.catalog.find("same")->name == "First");
  REQUIRE(load.problems.size() == 1);
  CHECK(render(load.problems[0]) == second + ":4:3: error: duplicate tag 'same' (first declared at " + first +
                                        ":3); skipped\n    x-cortex-tag: same\n    ^^^^^^^^^^^^\n");
}

TEST_CASE("unreadable inputs", "[unit][catalog]") {
  SECTION("a named path that does not exist is unreadable as a whole") {
    const CatalogLoad load = load_catalog("/nonexistent/cql/catalog");
    CHECK(load.unreadable);
    REQUIRE(load.problems.size() == 1);
    CHECK(load.problems[0].kind == ErrorKind::Io);
    CHECK(render(load.problems[0]) == "cql: error: /nonexistent/cql/catalog: cannot read catalog: No such file or directory\n");
  }
  SECTION("an unreadable file in a directory is skipped; the load is not unreadable") {
    test::TempDir dir;
    dir.write("ok.yaml", "info:\n  x-cortex-tag: ok\n");
    std::filesystem::create_symlink(dir.path() + "/missing-target.yaml", dir.path() + "/dangling.yaml");
    const CatalogLoad load = load_catalog(dir.path());
    CHECK_FALSE(load.unreadable);
    CHECK(load.catalog.find("ok") != nullptr);
    REQUIRE(load.problems.size() == 1);
    CHECK(load.problems[0].kind == ErrorKind::Io);
    CHECK(load.problems[0].message == dir.path() + "/dangling.yaml: cannot read file: No such file or directory");
  }
}

TEST_CASE("malformed fields are ignored with a warning at the field", "[unit][catalog]") {
  test::TempDir dir;
  const std::string file = dir.write("w.yaml",
                                     "info:\n"
                                     "  x-cortex-tag: w\n"
                                     "  x-cortex-groups: tier-1\n"
                                     "  x-cortex-archived: 'yes'\n"
                                     "  x-cortex-owners:\n"
                                     "    - type: user\n"
                                     "  x-cortex-dependency:\n"
                                     "    - method: GET\n");
  const CatalogLoad load = load_catalog(file);
  const Entity& w = entity(load, "w");
  CHECK(w.groups.empty());
  CHECK_FALSE(w.is_archived);
  REQUIRE(load.problems.size() == 4);
  for (const auto& p : load.problems) CHECK(p.severity == Severity::Warning);
  CHECK(load.problems[0].message == "w: x-cortex-archived must be true or false, not string; ignored");
  CHECK(render(load.problems[1]) ==
        file + ":3:3: warning: w: x-cortex-groups must be a list, not string; ignored\n    x-cortex-groups: tier-1\n    ^^^^^^^^^^^^^^^\n");
  CHECK(load.problems[2].message == "w: x-cortex-owners item 1 has neither a name nor an email; ignored");
  CHECK(load.problems[2].source->position(load.problems[2].span.begin).line == 5);
  CHECK(load.problems[3].message == "w: x-cortex-dependency item 1 has no tag; ignored");
}

TEST_CASE("a duplicate YAML key keeps the later value and warns", "[unit][catalog]") {
  test::TempDir dir;
  const std::string file = dir.write("d.yaml", "info:\n  x-cortex-tag: d\n  title: One\n  title: Two\n");
  const CatalogLoad load = load_catalog(file);
  CHECK(entity(load, "d").name == "Two");
  REQUIRE(load.problems.size() == 1);
  CHECK(render(load.problems[0]).rfind(file + ":4:3: warning: duplicate key 'title': the later value is used", 0) == 0);
}

TEST_CASE("bad JSON exports", "[unit][catalog]") {
  test::TempDir dir;
  SECTION("a syntax error skips the file, with its position") {
    const std::string file = dir.write("e.json", "[\n  {\"tag\": \"a\"},\n  {\"tag\": }\n]\n");
    const CatalogLoad load = load_catalog(file);
    CHECK(load.catalog.entities().empty());
    REQUIRE(load.problems.size() == 1);
    CHECK(render(load.problems[0]) == file + ":3:11: error: invalid JSON: syntax error while parsing value - unexpected '}'; "
                                         "expected '[', '{', or a literal; file skipped\n    {\"tag\": }\n            ^\n");
  }
  SECTION("a bad JSON line is skipped, the other lines load") {
    const std::string file = dir.write("e.jsonl", "{\"tag\": \"a\"}\n{\"tag\": \n{\"tag\": \"c\"}\n");
    const CatalogLoad load = load_catalog(file);
    CHECK(load.catalog.entities().size() == 2);
    REQUIRE(load.problems.size() == 1);
    CHECK(load.problems[0].source->position(load.problems[0].span.begin).line == 2);
    CHECK(load.problems[0].message.find("line skipped") != std::string::npos);
  }
  SECTION("an entity without a tag points at the entity") {
    const std::string file = dir.write("e.json", "{\"entities\": [\n  {\"tag\": \"a\"},\n  {\"name\": \"b\"}\n]}\n");
    const CatalogLoad load = load_catalog(file);
    CHECK(load.catalog.entities().size() == 1);
    REQUIRE(load.problems.size() == 1);
    CHECK(render(load.problems[0]).rfind(file + ":3:3: error: entity has no tag; skipped", 0) == 0);
  }
  SECTION("absurd nesting is refused, not a stack overflow") {
    const std::string file = dir.write("deep.json", std::string(100000, '[') + std::string(100000, ']'));
    const CatalogLoad load = load_catalog(file);
    REQUIRE(load.problems.size() == 1);
    CHECK(load.problems[0].message == "JSON nested deeper than 512 levels; file skipped");
  }
  SECTION("a JSON document that is not an export") {
    const std::string file = dir.write("e.json", "{\"name\": \"x\"}");
    const CatalogLoad load = load_catalog(file);
    REQUIRE(load.problems.size() == 1);
    CHECK(load.problems[0].message.rfind("not a catalog export", 0) == 0);
  }
}

TEST_CASE("YAML aliases are shared, and their expansion is bounded", "[unit][catalog]") {
  test::TempDir dir;
  SECTION("an alias reuses the anchored value") {
    const std::string file = dir.write("a.yaml",
                                       "info:\n  x-cortex-tag: a\n  x-cortex-custom-metadata:\n"
                                       "    base: &b {x: 1}\n    copy: *b\n");
    const CatalogLoad load = load_catalog(file);
    REQUIRE(load.problems.empty());
    CHECK(custom(entity(load, "a"), "copy").as_object().find("x")->as_int() == 1);
  }
  SECTION("a billion laughs is refused") {
    std::string text = "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n";
    for (int i = 1; i < 10; ++i) {
      std::string prev = "*a" + std::to_string(i - 1);
      text += "a" + std::to_string(i) + ": &a" + std::to_string(i) + " [" + prev;
      for (int j = 1; j < 10; ++j) text += ", " + prev;
      text += "]\n";
    }
    const std::string file = dir.write("laughs.yaml", text);
    const CatalogLoad load = load_catalog(file);
    REQUIRE(load.problems.size() == 1);
    CHECK(load.problems[0].message == "invalid YAML: aliases expand this document beyond 10,000,000 nodes");
  }
}

TEST_CASE("load_entity_file reads exactly one entity", "[unit][catalog]") {
  auto ok = load_entity_file(kSuiteCatalog + "/payments.yaml");
  REQUIRE(ok);
  CHECK(ok.value().tag == "payments");
  CHECK(ok.value().values_prepared());

  auto several = load_entity_file(kFixtures + "/multi/services.yaml");
  REQUIRE_FALSE(several);
  CHECK(several.error().message == kFixtures + "/multi/services.yaml: this file holds 3 entities; use --catalog with --tag");

  auto missing = load_entity_file("/nonexistent/entity.yaml");
  REQUIRE_FALSE(missing);
  CHECK(missing.error().kind == ErrorKind::Io);
}

TEST_CASE("the example entity", "[unit][catalog]") {
  const Entity e = example_entity();
  CHECK(e.tag == "example");
  CHECK(e.type == "service");
  CHECK(e.values_prepared());
  CHECK(e.custom.is_null());
  CHECK(e.groups.empty());
}
