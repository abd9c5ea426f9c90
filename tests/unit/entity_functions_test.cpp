// The entity family (spec/cql.md §6, §11): shapes, dotted custom keys, teams, dependencies.
#include <catch2/catch.hpp>

#include "cql/catalog.hpp"
#include "stdlib/families.hpp"
#include "unit/entity_test_context.hpp"

using namespace cql;
using test::call;
using test::EntityContext;

namespace {

const std::string kSuiteCatalog = std::string(CQL_TEST_DATA_DIR) + "/conformance/suite/catalog";
const std::string kFixtures = std::string(CQL_TEST_DATA_DIR) + "/fixtures/catalog";

const Catalog& suite() {
  static const CatalogLoad load = load_catalog(kSuiteCatalog);
  return load.catalog;
}

const Registry& registry() {
  static const Registry r = [] {
    Registry registry;
    register_entity(registry);
    return registry;
  }();
  return r;
}

const Entity& get(std::string_view tag) {
  const Entity* e = suite().find(tag);
  REQUIRE(e != nullptr);
  return *e;
}

Value entity_call(std::string_view tag, std::string_view ns, std::string_view name, std::vector<Value> args = {}) {
  EntityContext ctx(get(tag), &suite());
  return call(registry(), ctx, ns, name, std::move(args));
}

std::vector<std::string> field_strings(const Value& list, std::string_view field) {
  std::vector<std::string> out;
  for (const auto& item : list.as_list()) {
    const Value* v = item.as_object().find(field);
    out.push_back(v && v->type() == Type::String ? std::string(v->as_string()) : "<" + std::string(type_name(v ? v->type() : Type::Null)) + ">");
  }
  return out;
}

}  // namespace

TEST_CASE("entity metadata functions", "[unit][entity]") {
  CHECK(entity_call("payments", "entity", "tag").as_string() == "payments");
  CHECK(entity_call("payments", "entity", "name").as_string() == "Payments Service");
  CHECK(entity_call("checkout-web", "entity", "type").as_string() == "frontend");
  CHECK(entity_call("fraud-check", "entity", "type").as_string() == "service");
  CHECK(entity_call("fraud-check", "entity", "description").is_null());
  CHECK(entity_call("ledger", "entity", "description").as_string() == "Double-entry ledger for all money movements.");
  CHECK(entity_call("legacy-billing", "entity", "isArchived").as_bool());
  CHECK_FALSE(entity_call("payments", "entity", "isArchived").as_bool());
  const Value descriptor = entity_call("payments", "entity", "descriptor");
  CHECK(descriptor.as_object().find("info")->as_object().find("x-cortex-tag")->as_string() == "payments");
  CHECK(entity_call("payments", "entity", "created").is_null());  // descriptors have no creation time
}

TEST_CASE("entity.created from an export", "[unit][entity]") {
  const CatalogLoad load = load_catalog(kFixtures + "/exports/export.json");
  EntityContext ctx(*load.catalog.find("api-gateway"), &load.catalog);
  CHECK(call(registry(), ctx, "entity", "created").as_string() == "2024-02-01T10:00:00Z");
  const Value ts = call(registry(), ctx, "entity", "created", {Value(true)});
  REQUIRE(ts.type() == Type::Timestamp);
  CHECK(ts.as_timestamp().ms == 1706781600000);
}

TEST_CASE("hot-path functions share the loaded values instead of allocating", "[unit][entity]") {
  const Entity& payments = get("payments");
  EntityContext ctx(payments, &suite());
  // Short texts ("payments", "4410") are stored inside the Value: copies allocate nothing.
  CHECK(call(registry(), ctx, "entity", "tag").as_string() == payments.values.tag.as_string());
  CHECK(payments.values.tag.string_block() == nullptr);
  // A long text is one heap block that every copy shares.
  const Entity& ledger = get("ledger");
  EntityContext ledger_ctx(ledger, &suite());
  const Value description = call(registry(), ledger_ctx, "entity", "description");
  REQUIRE(ledger.values.description.string_block() != nullptr);
  CHECK(description.string_block() == ledger.values.description.string_block());
  CHECK(call(registry(), ctx, "", "groups").list_ptr() == payments.values.groups.list_ptr());
  const Value cost = call(registry(), ctx, "", "custom", {Value("cost-center")});
  CHECK(cost.as_string() == "4410");
  const Value nested = call(registry(), ctx, "", "custom", {Value("slo")});
  CHECK(nested.object_ptr() == payments.custom.as_object().find("slo")->object_ptr());
}

TEST_CASE("groups, hasGroup and links", "[unit][entity]") {
  const Value groups = entity_call("payments", "", "groups");
  CHECK(field_strings(groups, "name") == std::vector<std::string>{"tier-1", "pci", "domain-commerce"});
  CHECK(groups.as_list()[0].as_object().size() == 1);
  CHECK(entity_call("payments", "", "hasGroup", {Value("pci")}).as_bool());
  CHECK_FALSE(entity_call("payments", "", "hasGroup", {Value("PCI")}).as_bool());
  CHECK(entity_call("audit", "", "groups").as_list().size() == 2);
  CHECK(entity_call("commerce", "", "groups").as_list().empty());

  const Value runbooks = entity_call("payments", "", "links", {Value("runbook")});
  CHECK(field_strings(runbooks, "url") ==
        std::vector<std::string>{"https://wiki.acme.io/runbooks/payments", "https://wiki.acme.io/runbooks/payments-failover"});
  CHECK(field_strings(runbooks, "type") == std::vector<std::string>{"runbook", "RUNBOOK"});
  CHECK(field_strings(runbooks, "description") == std::vector<std::string>{"First steps when payments pages", "<null>"});
  CHECK(entity_call("payments", "", "links", {Value("DASHBOARD")}).as_list().size() == 1);
  CHECK(entity_call("fraud-check", "", "links", {Value("runbook")}).as_list().empty());
}

TEST_CASE("custom data and dotted keys", "[unit][entity]") {
  CHECK(entity_call("payments", "", "custom", {Value("cost-center")}).as_string() == "4410");
  const Value coverage = entity_call("payments", "", "custom", {Value("test.coverage")});
  CHECK(coverage.as_object().find("branch")->as_int() == 78);  // a literal dotted key
  CHECK(entity_call("ledger", "", "custom", {Value("test.coverage.line")}).as_int() == 88);  // walks test -> coverage
  CHECK(entity_call("ledger", "", "custom", {Value("build.tool")}).as_string() == "bazel");  // the literal key wins
  CHECK(entity_call("ledger", "", "custom", {Value("build.cache")}).as_bool());               // no literal key: walk
  CHECK(entity_call("payments", "", "custom", {Value("cloud-cost.cost.compute.actual")}).as_double() == 1234.5);
  CHECK(entity_call("payments", "", "custom", {Value("test.coverage.line")}).as_string() == "91.5");
  CHECK(entity_call("payments", "", "custom", {Value("does-not-exist")}).is_null());
  CHECK(entity_call("payments", "", "custom", {Value("tier.x")}).is_null());  // tier is not an object
  CHECK(entity_call("commerce", "", "custom", {Value("anything")}).is_null());  // no custom data at all
}

TEST_CASE("ownership.allOwners: owners as declared, then owning teams' members", "[unit][entity]") {
  const Value owners = entity_call("payments", "ownership", "allOwners");
  CHECK(field_strings(owners, "type") == std::vector<std::string>{"group", "user", "slack", "user"});
  CHECK(field_strings(owners, "name") == std::vector<std::string>{"payments-team", "<null>", "payments-oncall", "Dev Patel"});
  // Maria is declared as a user owner and is a payments-team member: listed once.
  CHECK(field_strings(owners, "email") ==
        std::vector<std::string>{"<null>", "maria.lopez@acme.io", "<null>", "dev.patel@acme.io"});
  CHECK(owners.as_list()[0].as_object().find("provider")->as_string() == "GITHUB");
  CHECK(owners.as_list()[0].as_object().find("description")->as_string() == "Owns the service end to end");
  CHECK(owners.as_list()[0].as_object().size() == 5);
  CHECK(entity_call("fraud-check", "ownership", "allOwners").as_list().empty());
  // Without a catalog, no team can be resolved: only the declared owners.
  EntityContext alone(get("payments"));
  CHECK(call(registry(), alone, "ownership", "allOwners").as_list().size() == 3);
}

TEST_CASE("ownership.teams resolves group owners to team entities", "[unit][entity]") {
  const Value teams = entity_call("checkout-web", "ownership", "teams");
  CHECK(field_strings(teams, "tag") == std::vector<std::string>{"payments-team", "platform-team"});
  CHECK(field_strings(teams, "name") == std::vector<std::string>{"Payments Team", "Platform Team"});
  const Object& payments_team = teams.as_list()[0].as_object();
  CHECK(field_strings(*payments_team.find("members"), "email") ==
        std::vector<std::string>{"maria.lopez@acme.io", "dev.patel@acme.io"});
  const Value& idp = *payments_team.find("identityProviderGroups");
  REQUIRE(idp.as_list().size() == 1);
  CHECK(idp.as_list()[0].as_object().find("source")->as_string() == "GITHUB");
  CHECK(idp.as_list()[0].as_object().find("groupIdentifier")->as_string() == "payments-team");
  CHECK(teams.as_list()[1].as_object().find("identityProviderGroups")->as_list().empty());
  CHECK(entity_call("fraud-check", "ownership", "teams").as_list().empty());

  // A group without a team entity: members empty, the name is the group's.
  EntityContext alone(get("checkout-web"));
  const Value unresolved = call(registry(), alone, "ownership", "teams");
  CHECK(field_strings(unresolved, "name") == std::vector<std::string>{"payments-team", "platform-team"});
  CHECK(unresolved.as_list()[0].as_object().find("members")->as_list().empty());

  // A team entity's own identity-provider groups come first.
  const CatalogLoad multi = load_catalog(kFixtures + "/multi");
  Entity owned;
  owned.tag = "owned";
  owned.owners.push_back(Owner{"GROUP", "warehouse-team", "", "", ""});
  EntityContext ctx(owned, &multi.catalog);
  const Value warehouse = call(registry(), ctx, "ownership", "teams");
  REQUIRE(warehouse.as_list().size() == 1);
  const Value& groups = *warehouse.as_list()[0].as_object().find("identityProviderGroups");
  CHECK(field_strings(groups, "source") == std::vector<std::string>{"OKTA"});
  CHECK(field_strings(groups, "groupIdentifier") == std::vector<std::string>{"warehouse"});
}

TEST_CASE("dependencies.out and dependencies.in", "[unit][entity]") {
  CHECK(field_strings(entity_call("payments", "dependencies", "out"), "tag") ==
        std::vector<std::string>{"ledger", "fraud-check", "notifications"});
  const Value all = entity_call("payments", "dependencies", "out", {Value(true)});
  CHECK(field_strings(all, "tag") == std::vector<std::string>{"ledger", "fraud-check", "legacy-billing", "notifications"});
  const Object& ledger = all.as_list()[0].as_object();
  CHECK(ledger.find("type")->as_string() == "service");
  CHECK_FALSE(ledger.find("isArchived")->as_bool());
  CHECK(ledger.find("method")->as_string() == "POST");
  CHECK(ledger.find("path")->as_string() == "/v1/entries");
  CHECK(ledger.find("description")->as_string() == "Posts journal entries for captured payments");
  CHECK(all.as_list()[1].as_object().find("description")->is_null());
  CHECK(all.as_list()[2].as_object().find("isArchived")->as_bool());

  CHECK(field_strings(entity_call("ledger", "dependencies", "in"), "tag") == std::vector<std::string>{"fraud-check", "payments"});
  const Value in_all = entity_call("ledger", "dependencies", "in", {Value(true)});
  CHECK(field_strings(in_all, "tag") == std::vector<std::string>{"fraud-check", "legacy-billing", "payments"});
  CHECK(field_strings(in_all, "path") == std::vector<std::string>{"/v1/balances", "/v1/entries", "/v1/entries"});
  CHECK(field_strings(in_all, "type") == std::vector<std::string>{"service", "service", "service"});

  const CatalogLoad multi = load_catalog(kFixtures + "/multi");
  EntityContext orders(*multi.catalog.find("orders"), &multi.catalog);
  const Value out = call(registry(), orders, "dependencies", "out");
  CHECK(field_strings(out, "tag") == std::vector<std::string>{"inventory", "outside-the-catalog"});
  CHECK(out.as_list()[1].as_object().find("type")->is_null());  // outside the catalog
  CHECK(out.as_list()[1].as_object().find("method")->is_null());
}

TEST_CASE("dependencies.in needs the catalog", "[unit][entity]") {
  EntityContext alone(get("ledger"));
  try {
    call(registry(), alone, "dependencies", "in");
    FAIL("expected a failure");
  } catch (const EvalFailure& failure) {
    CHECK(failure.kind == ErrorKind::Provider);
    CHECK(failure.message == "dependencies.in() needs the whole catalog (--catalog)");
  }
  // out() still works without the catalog: the targets' types are unknown, none is skipped.
  EntityContext payments_alone(get("payments"));
  CHECK(field_strings(call(registry(), payments_alone, "dependencies", "out"), "type") ==
        std::vector<std::string>{"<null>", "<null>", "<null>", "<null>"});
}

TEST_CASE("an entity filled by hand without prepare_values still answers", "[unit][entity]") {
  Entity e;
  e.tag = "manual";
  e.name = "Manual";
  e.groups = {"g1"};
  e.links.push_back(Link{"Docs", "docs", "https://x", ""});
  REQUIRE_FALSE(e.values_prepared());
  EntityContext ctx(e);
  CHECK(call(registry(), ctx, "entity", "tag").as_string() == "manual");
  CHECK(call(registry(), ctx, "", "groups").as_list().size() == 1);
  CHECK(call(registry(), ctx, "", "links", {Value("DOCS")}).as_list().size() == 1);
  CHECK(call(registry(), ctx, "", "custom", {Value("x")}).is_null());
}

TEST_CASE("entity, ownership and dependencies are namespaces that are never null", "[unit][entity]") {
  const Entity example = example_entity();
  EntityContext ctx(example);
  for (const char* name : {"entity", "ownership", "dependencies"}) {
    const NamespaceSpec* ns = registry().find_namespace(name);
    REQUIRE(ns != nullptr);
    CHECK(ns->is_present(ctx));
  }
  for (const auto& spec : registry().functions()) {
    CHECK_FALSE(spec.pure);  // entity-dependent: never folded
    CHECK(spec.function);
  }
}
