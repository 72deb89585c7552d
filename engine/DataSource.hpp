#pragma once
// The engine's small interfaces to the outside world. io/ implements them with GDAL/OGR and
// main connects them (as wren's loadModuleFn/writeFn): the engine reads and writes nothing
// itself.
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "engine/Layer.hpp"

namespace geoclaim {

/// What `load` asks for.
struct LoadOptions {
  std::string name;  ///< the layer's name in the job
  std::string path;
  std::optional<std::string> layer;  ///< source layer (GeoPackage, …)
  std::optional<std::string> crs;    ///< overrides the source's CRS (CSV default EPSG:4326)
  std::optional<std::string> lat_col, lon_col, wkt_col, mgrs_col, id_col;
  double uncertainty_m = 0;  ///< for every feature, unless an `uncertainty_m` column says
  /// Called with the number of features read so far, every Progress::kEvery features.
  std::function<void(size_t read)> on_read;
};

/// A table of text cells with the line each row came from (reported-claims CSVs).
struct Table {
  std::string path;
  std::vector<std::string> columns;
  struct Row {
    uint64_t line = 0;  ///< 1-based line in the file
    std::vector<std::string> cells;
  };
  std::vector<Row> rows;
};

/// Warnings that do not stop a job (a repaired polygon); the sink prints or collects them.
using WarningSink = std::function<void(const std::string&)>;

/// Progress of long work, for people watching and for benchmarks. Both callbacks are optional.
struct Progress {
  /// `done` of `total` items of the step `what` ("load footprints", "claim on_wells"); total is
  /// 0 when unknown. Called every few thousand items, not per item.
  std::function<void(const std::string& what, size_t done, size_t total)> advance;
  /// A step finished after `seconds` of wall time, having handled `items`.
  std::function<void(const std::string& what, size_t items, double seconds)> finished;

  /// How often `advance` is called, in items.
  static constexpr size_t kEvery = 4096;
};

class FeatureSource {
 public:
  virtual ~FeatureSource() = default;
  /// Reads a whole layer into WGS84 lon/lat.
  /// @throw DataError naming the file, line or feature and what is wrong.
  virtual Layer load(const LoadOptions& options, const WarningSink& warn) = 0;
  /// Checks that the source opens and the layer exists, without reading features.
  /// @throw DataError
  virtual void probe(const LoadOptions& options) = 0;
  /// Reads a CSV table of text cells. @throw DataError
  virtual Table read_table(const std::string& path) = 0;
  /// Checks that a table `read_table` would read is there, without reading it.
  /// @throw DataError
  virtual void probe_table(const std::string& path) = 0;
  /// The job allows its inputs to be read from the network (`set network on`), for as long as
  /// this source lives. A source that reads nothing from a network ignores it.
  virtual void allow_network() {}
  /// Checks, without creating anything, that results may be written to folder `dir`: it is no
  /// file, no folder of someone's data, and holds none of `inputs` (the job's paths) nor what
  /// this source has read. Writing checks again; this check lets `report to` name its own line.
  /// @throw DataError
  virtual void check_output(const std::string& dir, const std::vector<std::string>& inputs) {
    (void)dir;
    (void)inputs;
  }
};

}  // namespace geoclaim
