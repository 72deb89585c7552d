// The design card's ordinary job at full size: a strike log of 200,000 points against
// 2,000,000 building footprints. Generates both (deterministically: fixed grid, fixed seed),
// writes them as a FlatGeobuf and a CSV through GDAL, then runs a job through the whole
// pipeline (read, index, claims, attribution, output) and prints the wall time of each step
// and the peak memory.
//
//   geoclaim_scale_bench [--footprints N] [--strikes M] [--offset-km K] [--dir DIR]
#include <gdal.h>
#include <ogr_api.h>
#include <ogr_srs_api.h>
#include <sys/resource.h>

#include <CLI/CLI.hpp>
#include <chrono>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <random>

#include "app/WriteResults.hpp"
#include "engine/Geodesy.hpp"
#include "engine/SpatialIndex.hpp"
#include "engine/Units.hpp"
#include "io/OgrSource.hpp"
#include "job/Interpreter.hpp"

namespace fs = std::filesystem;
using namespace geoclaim;

namespace {

using Clock = std::chrono::steady_clock;
double seconds_since(Clock::time_point t) { return std::chrono::duration<double>(Clock::now() - t).count(); }

// The footprint grid: 12 m × 10 m buildings on a 25 m pitch, laid out from a south-west corner
// with the geodesic direct problem (so sizes are metres on the ground at every latitude used).
struct Grid {
  GeoPoint origin = GeoPoint::from_lat_lon(35.10, 40.05);
  int side = 0;
  double pitch_m = 25.0;
  GeoPoint corner(int col, int row, double dx_m, double dy_m) const {
    const GeoPoint south = geodesic_direct(origin, 0.0, row * pitch_m + dy_m);
    return geodesic_direct(south, 90.0, col * pitch_m + dx_m);
  }
};

void write_footprints(const Grid& g, long count, const std::string& path) {
  GDALDriverH drv = GDALGetDriverByName("FlatGeobuf");
  GDALDatasetH ds = GDALCreate(drv, path.c_str(), 0, 0, 0, GDT_Unknown, nullptr);
  OGRSpatialReferenceH srs = OSRNewSpatialReference(nullptr);
  OSRImportFromEPSG(srs, 4326);
  OSRSetAxisMappingStrategy(srs, OAMS_TRADITIONAL_GIS_ORDER);
  OGRLayerH layer = GDALDatasetCreateLayer(ds, "footprints", srs, wkbPolygon, nullptr);
  OGRFieldDefnH id = OGR_Fld_Create("id", OFTInteger64);
  OGR_L_CreateField(layer, id, TRUE);
  OGR_Fld_Destroy(id);
  OGRFeatureDefnH defn = OGR_L_GetLayerDefn(layer);
  // Row by row, one direct problem per row corner and a fixed degree step along the row: at
  // 25 m spacing over ~35 km the metres-per-degree of a row changes by far less than a cm.
  const double m_per_deg_lon =
      geodesic_inverse(g.origin, GeoPoint::from_lat_lon(g.origin.lat(), g.origin.lon() + 0.01)).distance_m / 0.01;
  long written = 0;
  for (int row = 0; row < g.side && written < count; ++row) {
    const GeoPoint south = g.corner(0, row, 0, 0), north = g.corner(0, row, 0, 10.0);
    for (int col = 0; col < g.side && written < count; ++col, ++written) {
      const double w = south.lon() + col * g.pitch_m / m_per_deg_lon, e = w + 12.0 / m_per_deg_lon;
      OGRGeometryH ring = OGR_G_CreateGeometry(wkbLinearRing);
      OGR_G_AddPoint_2D(ring, w, south.lat());
      OGR_G_AddPoint_2D(ring, e, south.lat());
      OGR_G_AddPoint_2D(ring, e, north.lat());
      OGR_G_AddPoint_2D(ring, w, north.lat());
      OGR_G_AddPoint_2D(ring, w, south.lat());
      OGRGeometryH poly = OGR_G_CreateGeometry(wkbPolygon);
      OGR_G_AddGeometryDirectly(poly, ring);
      OGRFeatureH f = OGR_F_Create(defn);
      OGR_F_SetFieldInteger64(f, 0, written + 1);
      OGR_F_SetGeometryDirectly(f, poly);
      if (OGR_L_CreateFeature(layer, f) != OGRERR_NONE) throw std::runtime_error("cannot write a footprint");
      OGR_F_Destroy(f);
    }
  }
  GDALClose(ds);
  OSRDestroySpatialReference(srs);
}

void write_strikes(const Grid& g, long count, double offset_km, const std::string& path) {
  std::mt19937_64 rng(20161217);  // fixed: the same strikes every run
  std::uniform_real_distribution<double> along(0.0, g.side * g.pitch_m);
  std::ofstream out(path);
  out << "id,lat,lon,uncertainty_m\n";
  out.precision(9);
  for (long i = 0; i < count; ++i) {
    const double north = along(rng) + (offset_km > 0 ? g.side * g.pitch_m + offset_km * 1000 : 0.0);
    const GeoPoint p = geodesic_direct(geodesic_direct(g.origin, 0.0, north), 90.0, along(rng));
    out << i + 1 << "," << p.lat() << "," << p.lon() << "," << (i % 2 ? 10 : 0) << "\n";
  }
}

long peak_rss_mib() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  return u.ru_maxrss / 1024;
}

}  // namespace

int main(int argc, char** argv) {
  long footprints = 2000000, strikes = 200000;
  double offset_km = 0;
  std::string dir = (fs::temp_directory_path() / "geoclaim-bench").string();
  CLI::App cli{"geoclaim scale benchmark: strikes against building footprints, end to end"};
  cli.add_option("--footprints", footprints, "number of footprints")->capture_default_str();
  cli.add_option("--strikes", strikes, "number of strikes")->capture_default_str();
  cli.add_option("--offset-km", offset_km,
                 "put the strikes this far north of the footprints (every nearest search then starts far away)")
      ->capture_default_str();
  cli.add_option("--dir", dir, "scratch folder for the generated data and results")->capture_default_str();
  CLI11_PARSE(cli, argc, argv);

  GDALAllRegister();
  fs::create_directories(dir);
  Grid grid;
  grid.side = static_cast<int>(std::ceil(std::sqrt(static_cast<double>(footprints))));
  const std::string fgb = dir + "/footprints.fgb", csv = dir + "/strikes.csv", job_path = dir + "/bench.gcl";

  std::cout << "geoclaim scale benchmark: " << strikes << " strikes, " << footprints << " footprints (" << grid.side
            << " x " << grid.side << " grid, 25 m pitch)\n\n";
  std::cout << "step                                   items      seconds   items/s\n";
  auto row = [](const std::string& what, size_t items, double s) {
    std::printf("%-36s %9zu %10.2f %9.0f\n", what.c_str(), items, s, s > 0 ? items / s : 0.0);
  };
  auto t = Clock::now();
  write_footprints(grid, footprints, fgb);
  row("generate footprints (FlatGeobuf)", static_cast<size_t>(footprints), seconds_since(t));
  t = Clock::now();
  write_strikes(grid, strikes, offset_km, csv);
  row("generate strikes (CSV)", static_cast<size_t>(strikes), seconds_since(t));

  std::ofstream(job_path) << "load footprints from \"" << fgb << "\"\n"
                          << "load strikes from \"" << csv << "\"\n"
                          << "claim near: every strikes within 100 m of footprints\n"
                          << "claim hit: any strikes inside footprints\n"
                          << "attribute strikes to footprints within 50 m\n";
  std::ifstream in(job_path);
  std::stringstream text;
  text << in.rdbuf();
  lang::SourceFile file(job_path, text.str());
  io::OgrSource source;
  Progress progress;
  progress.finished = [&](const std::string& what, size_t items, double s) { row(what, items, s); };
  Interpreter interpreter(source, {}, progress);
  t = Clock::now();
  JobResult job = interpreter.run(file);
  const double job_s = seconds_since(t);
  // The R-tree is built on first use inside the first claim; time a fresh one on its own.
  t = Clock::now();
  const SpatialIndex index(*job.layers[0].second.layer);
  row("build R-tree over footprints", index.size(), seconds_since(t));
  t = Clock::now();
  app::write_results(job, {dir + "/out", "geojson"}, {"bench", "", "bench", {}, {}});
  row("write results folder", job.claims.size(), seconds_since(t));
  row("whole job (read, index, claims)", static_cast<size_t>(strikes), job_s);
  std::printf("\npeak memory: %ld MiB\n", peak_rss_mib());
  for (const auto& c : job.claims)
    std::printf("claim %-5s %-12s (%zu supported, %zu contradicted, %zu inconclusive)\n", c.spec.id.c_str(),
                std::string(word(c.verdict)).c_str(), c.counts[0], c.counts[1], c.counts[2]);
  return 0;
}
