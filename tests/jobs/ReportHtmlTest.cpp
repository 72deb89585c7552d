// report.html as the command writes it (docs/outputs.md): text from the script escaped, a
// large zone clipped to the evidence, one map per measured claim. tests/html/check_page.py
// opens the seed jobs' pages in Chromium; these checks need no browser.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <regex>

#include "tests/TestSupport.hpp"
#include "tests/jobs/RunJob.hpp"

namespace geoclaim {
namespace {
namespace fs = std::filesystem;

std::string run_page(const fs::path& job, const std::string& name) {
  const fs::path out = test::scratch_path(name);
  std::string err;
  EXPECT_EQ(test::run_to(job, out, err), app::kOk) << err;
  std::string page = test::read_file((out / "report.html").string());
  fs::remove_all(out);
  return page;
}

size_t count(const std::string& text, const std::string& what) {
  size_t n = 0;
  for (size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
  return n;
}

/// The `<svg …>…</svg>` of the map in the section of claim `id`.
std::string map_of(const std::string& page, const std::string& id) {
  const size_t section = page.find("<h2>" + id + " ");
  if (section == std::string::npos) return "";
  const size_t from = page.find("<svg", section), to = page.find("</svg>", section);
  if (from == std::string::npos || to == std::string::npos) return "";
  return page.substr(from, to + 6 - from);
}

TEST(ReportHtml, EscapesQuotesSourcesAndIdsFromTheScript) {
  const fs::path job = test::scratch_path("html-escape.gcl");
  std::ofstream(job) << "place a at 35.0, 40.0\nplace b at 35.1, 40.1\n"
                     << "claim near: distance between a and b at most 20 km\n"
                     << "  source \"A & B <i>news</i>\" quote \"<script>alert(1)</script> & \\\"more\\\"\"\n";
  const std::string page = run_page(job, "html-escape");
  fs::remove(job);
  EXPECT_NE(page.find("&lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;more&quot;"), std::string::npos);
  EXPECT_NE(page.find("A &amp; B &lt;i&gt;news&lt;/i&gt;"), std::string::npos);
  EXPECT_EQ(page.find("<script"), std::string::npos) << "the page has no script, and the quote's is escaped";
  EXPECT_EQ(page.find("<i>news"), std::string::npos);
}

TEST(ReportHtml, LoadsNothingFromAnywhere) {
  const std::string page = run_page("scripts/ayyash-2015.gcl", "html-csp");
  EXPECT_NE(page.find("content=\"default-src 'none'; style-src 'unsafe-inline'\""), std::string::npos);
  // No URL but the SVG namespace (a name, never fetched).
  std::smatch m;
  std::string rest = page;
  while (std::regex_search(rest, m, std::regex(R"((https?:|//)[^"' <]*)"))) {
    EXPECT_EQ(m.str(), "http://www.w3.org/2000/svg");
    rest = m.suffix();
  }
}

TEST(ReportHtml, ALargeZoneIsClippedToTheEvidence) {
  // `reach`: Mozdok to the camp is 1011 km; the zone is a 2,400 km disc round Mozdok.
  const std::string page = run_page("scripts/ayyash-2015.gcl", "html-large-zone");
  const std::string map = map_of(page, "reach");
  ASSERT_FALSE(map.empty());
  std::smatch m;
  ASSERT_TRUE(std::regex_search(map, m, std::regex(R"re(data-view-width-m="([0-9.]+)")re")));
  const double width_m = std::stod(m[1]);
  EXPECT_GT(width_m, 1011e3);      // the whole evidence line is in view
  EXPECT_LT(width_m, 2 * 1011e3);  // the 4,800 km zone is not
  ASSERT_TRUE(std::regex_search(map, m, std::regex(R"re(<path class="zone" d="([^"]+)")re")));
  // Clipped: every vertex of the zone's outline within a view's width of the view.
  const std::string d = m[1];
  const std::regex number(R"(-?[0-9]+\.[0-9])");
  int vertices = 0;
  for (auto it = std::sregex_iterator(d.begin(), d.end(), number); it != std::sregex_iterator(); ++it, ++vertices) {
    const double v = std::stod(it->str());
    EXPECT_GE(v, -640.0 - 1);
    EXPECT_LE(v, 2 * 640.0 + 1);
  }
  EXPECT_GT(vertices, 4);
  EXPECT_NE(page.find("only its part in view is drawn"), std::string::npos);
  // A small zone is drawn whole: `on_wells`' 500 m discs lie in the evidence's view.
  EXPECT_NE(map_of(page, "on_wells").find("class=\"zone\""), std::string::npos);
}

TEST(ReportHtml, ANoClaimsZoneIsDrawnRedAsGroundNoFeatureMayEnter) {
  const std::string page = run_page("scripts/ayyash-2015.gcl", "html-no-zone");
  const std::regex zone_colour(R"re(class="zone" d="[^"]+" fill="(#[0-9a-f]{6})")re");
  std::smatch m;
  const std::string no_camp = map_of(page, "not_camp"), on_wells = map_of(page, "on_wells");
  ASSERT_TRUE(std::regex_search(no_camp, m, zone_colour));
  EXPECT_EQ(m[1], "#c62828");  // `no strikes within 10 km of camp`
  ASSERT_TRUE(std::regex_search(on_wells, m, zone_colour));
  EXPECT_EQ(m[1], "#1a7f37");  // `every strikes within 500 m of wells`
}

TEST(ReportHtml, EveryMeasuredClaimHasOneMapWithScaleBarAndNorthArrow) {
  for (const char* seed : {"ayyash-2015", "deir-ez-zor-2016", "al-jinah-2017"}) {
    const std::string page = run_page(std::string("scripts/") + seed + ".gcl", std::string("html-maps-") + seed);
    const size_t claims = count(page, "<section class=\"claim\"");
    EXPECT_GT(claims, 3u) << seed;
    EXPECT_EQ(count(page, "<svg "), claims) << seed;
    EXPECT_EQ(count(page, "class=\"scale-bar\""), claims) << seed;
    EXPECT_EQ(count(page, "class=\"north-arrow\""), claims) << seed;
    // North is up at the centre of a local azimuthal equidistant projection.
    EXPECT_EQ(count(page, "rotate(0.0)") + count(page, "rotate(-0.0)"), claims) << seed;
    EXPECT_GT(count(page, "class=\"evidence\""), 0u) << seed;
  }
}

}  // namespace
}  // namespace geoclaim
