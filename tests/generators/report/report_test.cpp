// The report: diagrams render in-process, readable at 50 pools (no two node shapes overlap),
// byte-stable, and the page is self-contained with one row per planned artifact.

#include <algorithm>
#include <filesystem>
#include <regex>
#include <string>
#include <vector>

#include <fmt/format.h>
#include <catch2/catch.hpp>
#include <pugixml.hpp>

#include "generators/artifact_set.hpp"
#include "generators/certificates/certificate_model.hpp"
#include "generators/loadbalancer/loadbalancer_model.hpp"
#include "generators/report/diagrams.hpp"
#include "generators/report/graphviz_render.hpp"
#include "generators/report/report_generator.hpp"
#include "generators/run_generators.hpp"
#include "model/load.hpp"
#include "model/plan/plan.hpp"
#include "model/validate/validate.hpp"

namespace lynctopo {
namespace {

Topology LoadExample(const std::string& name) {
  Diagnostics diagnostics;
  auto path = std::filesystem::path(LYNCTOPO_SOURCE_DIR) / "examples" / (name + ".json");
  std::optional<Topology> topology = LoadTopologyFile(path.string(), diagnostics);
  REQUIRE(topology);
  ValidateTopology(*topology, diagnostics);
  REQUIRE_FALSE(diagnostics.HasErrors());
  return std::move(*topology);
}

// The enterprise example with its first site grown to `extra` more Front End pools of three
// servers each, all using the Edge pool: a 50-pool deployment.
Topology GrowEnterprise(int extra) {
  Topology topology = LoadExample("enterprise");
  Site& site = topology.sites.front();
  Pool model = site.pools.front();
  for (int i = 0; i < extra; ++i) {
    Pool pool = model;
    std::string n = std::to_string(i + 10);
    pool.fqdn = "pool" + n + ".contoso.local";
    pool.vip = "10.9." + n + ".10";
    pool.internal_web_vip = "10.9." + n + ".11";
    pool.external_web_vip = "10.9." + n + ".12";
    pool.internal_web_fqdn = "webint" + n + ".contoso.local";
    pool.external_web_fqdn = "webext" + n + ".contoso.com";
    for (size_t s = 0; s < pool.servers.size(); ++s) {
      pool.servers[s].fqdn = "fe" + n + "-" + std::to_string(s) + ".contoso.local";
      pool.servers[s].addresses = {"10.9." + n + "." + std::to_string(21 + s)};
    }
    site.pools.push_back(std::move(pool));
  }
  return topology;
}

struct Box {
  double x0, y0, x1, y1;
  std::string id;
};

void Extend(Box& box, double x, double y) {
  box.x0 = std::min(box.x0, x);
  box.y0 = std::min(box.y0, y);
  box.x1 = std::max(box.x1, x);
  box.y1 = std::max(box.y1, y);
}

// Bounding box of each node's shape and label text (polygon points, ellipses, text anchors).
std::vector<Box> NodeBoxes(const std::string& svg) {
  pugi::xml_document doc;
  REQUIRE(doc.load_string(svg.c_str()));
  std::vector<Box> boxes;
  for (pugi::xpath_node node : doc.select_nodes("//*[local-name()='g'][@class='node']")) {
    Box box{1e18, 1e18, -1e18, -1e18, node.node().attribute("id").value()};
    for (pugi::xml_node shape : node.node().children()) {
      std::string name = shape.name();
      if (name == "polygon") {
        std::string points = shape.attribute("points").value();
        std::regex pair(R"((-?[0-9.]+),(-?[0-9.]+))");
        for (auto it = std::sregex_iterator(points.begin(), points.end(), pair);
             it != std::sregex_iterator(); ++it) {
          Extend(box, std::stod((*it)[1]), std::stod((*it)[2]));
        }
      } else if (name == "ellipse") {
        double cx = shape.attribute("cx").as_double(), cy = shape.attribute("cy").as_double();
        double rx = shape.attribute("rx").as_double(), ry = shape.attribute("ry").as_double();
        Extend(box, cx - rx, cy - ry);
        Extend(box, cx + rx, cy + ry);
      } else if (name == "text") {
        Extend(box, shape.attribute("x").as_double(), shape.attribute("y").as_double());
      }
    }
    if (box.x1 >= box.x0) boxes.push_back(box);
  }
  return boxes;
}

bool Overlap(const Box& a, const Box& b) {
  return a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;
}

std::vector<Diagram> DiagramsOf(const Plan& plan, const ArtifactSet& artifacts) {
  Diagnostics diagnostics;
  LoadBalancerPlan lb = BuildLoadBalancerPlan(plan, {}, diagnostics);
  return BuildDiagrams(plan, *artifacts.proxy, lb);
}

}  // namespace

TEST_CASE("report diagrams: readable at 50 pools, byte-stable", "[report]") {
  if (!GraphvizAvailable()) {
    WARN("SKIPPED: built without Graphviz");
    return;
  }
  Topology topology = GrowEnterprise(41);
  Diagnostics diagnostics;
  Plan plan = DerivePlan(topology, diagnostics);
  REQUIRE(plan.pools.size() == 50);
  ArtifactSet artifacts = BuildArtifacts(plan, diagnostics);
  std::vector<Diagram> diagrams = DiagramsOf(plan, artifacts);
  REQUIRE(diagrams.size() == plan.sites.size() + 2);
  for (const Diagram& diagram : diagrams) {
    DYNAMIC_SECTION(diagram.id) {
      std::string error;
      std::optional<std::string> svg = RenderDotToSvg(diagram.dot, &error);
      INFO(error);
      REQUIRE(svg);
      CHECK(svg->rfind("<svg", 0) == 0);
      std::string again = *RenderDotToSvg(diagram.dot, &error);
      CHECK(again == *svg);
      std::vector<Box> boxes = NodeBoxes(*svg);
      if (diagram.id == "global") {
        size_t pools = std::count_if(boxes.begin(), boxes.end(), [](const Box& b) {
          return b.id.rfind("global-pool-", 0) == 0;
        });
        CHECK(pools == 50);
      }
      // Sweep by x so the check stays cheap on big diagrams.
      std::sort(boxes.begin(), boxes.end(), [](const Box& a, const Box& b) { return a.x0 < b.x0; });
      for (size_t i = 0; i < boxes.size(); ++i) {
        for (size_t j = i + 1; j < boxes.size() && boxes[j].x0 < boxes[i].x1; ++j) {
          INFO(boxes[i].id << " overlaps " << boxes[j].id);
          CHECK_FALSE(Overlap(boxes[i], boxes[j]));
        }
      }
    }
  }
}

TEST_CASE("report diagrams: the layout does not depend on the state of the heap", "[report]") {
  if (!GraphvizAvailable()) {
    WARN("SKIPPED: built without Graphviz");
    return;
  }
  // Graphviz's default ID discipline ordered clusters by heap address, so the hosting site
  // diagram came out 311 or 320 points tall from run to run. Heap holes of other sizes before
  // each rendering stand in for another run.
  Topology topology = LoadExample("hosting");
  Diagnostics diagnostics;
  Plan plan = DerivePlan(topology, diagnostics);
  ArtifactSet artifacts = BuildArtifacts(plan, diagnostics);
  for (const Diagram& diagram : DiagramsOf(plan, artifacts)) {
    DYNAMIC_SECTION(diagram.id) {
      std::string error;
      std::optional<std::string> first = RenderDotToSvg(diagram.dot, &error);
      REQUIRE(first);
      for (size_t round = 1; round <= 8; ++round) {
        std::vector<std::string> holes;
        for (size_t i = 0; i < 400; ++i) holes.emplace_back(8 + (i * round * 37) % 120, 'x');
        for (size_t i = round % 2; i < holes.size(); i += 2) std::string().swap(holes[i]);
        std::optional<std::string> again = RenderDotToSvg(diagram.dot, &error);
        REQUIRE(again);
        CHECK(*again == *first);
      }
    }
  }
}

TEST_CASE("report page: self-contained, one row per certificate, one node per pool", "[report]") {
  Topology topology = LoadExample("enterprise");
  Diagnostics diagnostics;
  Plan plan = DerivePlan(topology, diagnostics);
  ArtifactSet artifacts = BuildArtifacts(plan, diagnostics);
  TemplateStore templates;
  OutputSet outputs;
  const Generator* report = &ReportGenerator();
  RunGenerators(std::span<const Generator* const>(&report, 1), plan, {}, templates, artifacts,
                outputs, diagnostics);
  REQUIRE_FALSE(diagnostics.HasErrors());
  auto page = outputs.artifacts().find(kReportPagePath);
  REQUIRE(page != outputs.artifacts().end());
  const std::string& html = page->second.content;
  // No fetch of anything: no src attribute, no link element, no absolute URL in an href.
  CHECK(html.find(" src=") == std::string::npos);
  CHECK(html.find("<link") == std::string::npos);
  CHECK_FALSE(std::regex_search(html, std::regex(R"(href="(https?:)?//)")));
  // One certificate row per planned certificate.
  std::string certificates = html.substr(html.find("<table class=\"data\" id=\"certificates\""));
  certificates = certificates.substr(0, certificates.find("</table>"));
  size_t rows = 0;
  for (size_t at = certificates.find("<tbody>");
       (at = certificates.find("<tr", at + 1)) != std::string::npos;) {
    ++rows;
  }
  CHECK(rows == artifacts.certificates->certificates.size());
  // Every pool links to its certificate rows and has a node in the global diagram.
  CHECK(html.find("href=\"#certificates-pool01.contoso.local\"") != std::string::npos);
  CHECK(html.find("id=\"certificates-pool01.contoso.local\"") != std::string::npos);
  if (GraphvizAvailable()) {
    for (size_t i = 0; i < plan.pools.size(); ++i) {
      // Graphviz writes '-' in SVG ids as the character reference &#45; (the same id to a
      // browser).
      std::string id = "global&#45;pool&#45;" + std::to_string(i);
      CHECK(html.find("id=\"" + id + "\"") != std::string::npos);
    }
  }
  // The DOT files are artifacts too.
  CHECK(outputs.artifacts().count("report/global.dot") == 1);
  CHECK(outputs.artifacts().count("report/edge-network.dot") == 1);
}

TEST_CASE("report diagrams: free text cannot break out of DOT quoting", "[report]") {
  CHECK(DotEscape("a\"b\\c\nd") == "a\\\"b\\\\c d");
}

TEST_CASE("report diagrams: many Edge pools are drawn sixteen a page, each once", "[report]") {
  Topology topology = LoadExample("enterprise");
  Site& site = topology.sites.front();
  auto edge = std::find_if(site.pools.begin(), site.pools.end(),
                           [](const Pool& p) { return p.kind == PoolKind::kEdge; });
  REQUIRE(edge != site.pools.end());
  const Pool model = *edge;
  for (int i = 0; i < 37; ++i) {
    Pool pool = model;
    std::string n = std::to_string(i + 10);
    pool.fqdn = "edge" + n + ".contoso.local";
    for (size_t s = 0; s < pool.servers.size(); ++s)
      pool.servers[s].fqdn = "edge" + n + "-" + std::to_string(s) + ".contoso.local";
    site.pools.push_back(std::move(pool));
  }
  Diagnostics diagnostics;
  Plan plan = DerivePlan(topology, diagnostics);
  ArtifactSet artifacts = BuildArtifacts(plan, diagnostics);
  std::vector<Diagram> diagrams = DiagramsOf(plan, artifacts);
  std::vector<const Diagram*> edge_pages;
  for (const Diagram& d : diagrams) {
    if (d.id.rfind("edge-network", 0) == 0) edge_pages.push_back(&d);
  }
  size_t edge_pools = 0;
  for (const PlannedPool& pool : plan.pools) edge_pools += pool.kind == PoolKind::kEdge;
  REQUIRE(edge_pools >= 38);
  REQUIRE(edge_pages.size() == (edge_pools + 15) / 16);
  CHECK(edge_pages[0]->id == "edge-network-1");
  CHECK(edge_pages[0]->file == "edge-network-1.dot");
  CHECK(edge_pages[0]->title == fmt::format("Edge network, Edge pools 1-16 of {}", edge_pools));
  CHECK(edge_pages.back()->title == fmt::format("Edge network, Edge pools {}-{} of {}",
                                                (edge_pages.size() - 1) * 16 + 1, edge_pools,
                                                edge_pools));
  // Every Edge pool's cluster is on exactly one page.
  for (const PlannedPool& pool : plan.pools) {
    if (pool.kind != PoolKind::kEdge) continue;
    INFO(pool.fqdn.str());
    size_t pages = 0;
    for (const Diagram* d : edge_pages)
      pages += d->dot.find("Edge pool " + pool.fqdn.str() + " ") != std::string::npos;
    CHECK(pages == 1);
  }
}

}  // namespace lynctopo
