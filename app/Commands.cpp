#include "app/Commands.hpp"

#include <chrono>
#include <ctime>
#include <fstream>
#include <iostream>
#include <regex>
#include <sstream>

#include "app/ProgressPrinter.hpp"
#include "app/TerminalTable.hpp"
#include "app/WriteResults.hpp"
#include "engine/CoordinateText.hpp"
#include "engine/Errors.hpp"
#include "engine/Geodesy.hpp"
#include "engine/Text.hpp"
#include "engine/Units.hpp"
#include "io/FileInfo.hpp"
#include "io/LibraryVersions.hpp"
#include "io/OgrSource.hpp"
#include "io/Sha256.hpp"
#include "job/Interpreter.hpp"

namespace geoclaim::app {
namespace {

/// Reads the job file. @throw ScriptError (a missing job is a usage problem: exit 2).
std::string read_job(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw ScriptError("cannot read the job file " + quote_path(path));
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

std::string utc_now() {
  const std::time_t t = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", std::gmtime(&t));
  return buf;
}

/// A GEOS failure (GeometryError) or a bug: exit code 4.
int internal_error(const std::exception& e, std::ostream& err) {
  err << "internal error: " << e.what() << "\n";
  return kInternalError;
}

}  // namespace

GeoPoint parse_any_coordinate(const std::string& text) {
  std::string compact;
  for (char c : text)
    if (c != ' ') compact += c;
  static const std::regex mgrs(R"(^\d{1,2}[C-HJ-NP-Xc-hj-np-x][A-Za-z]{2}(\d{2}){0,5}$)");
  if (std::regex_match(compact, mgrs)) return parse_mgrs(text);
  return parse_lat_lon_text(text);
}

int run_job(const RunOptions& o, std::ostream& out, std::ostream& err) {
  try {
    const std::string text = read_job(o.job);
    lang::SourceFile file(o.job, text);
    io::OgrSource source;
    ProgressPrinter progress(err, o.progress_on_terminal);
    Interpreter interpreter(
        source, [&err](const std::string& w) { err << "warning: " << w << "\n"; }, progress.callbacks());
    JobResult job = interpreter.run(file);
    if (o.output_dir) {
      const std::string format = job.reports.empty() ? "geojson" : job.reports.front().format;
      job.reports = {{*o.output_dir, format}};
    }
    const layers::RunInfo run{GEOCLAIM_VERSION, io::sha256_of(text), utc_now(), io::library_versions(), {}};
    for (const auto& r : job.reports) write_results(job, r, run, source.tables_read());
    out << verdict_table(job, o.color);
    for (const auto& e : job.row_errors) err << "error: " << e << "\n";
    for (const auto& r : job.reports) out << "wrote " << printable_path(r.dir) << "\n";
    if (!job.row_errors.empty()) return kDataError;
    const bool contradicted = std::any_of(job.claims.begin(), job.claims.end(),
                                          [](const ClaimResult& c) { return c.verdict == Verdict::contradicted; });
    return o.fail_on_contradicted && contradicted ? kContradicted : kOk;
  } catch (const ScriptError& e) {
    err << e.what() << (std::string(e.what()).ends_with("\n") ? "" : "\n");
    return kUsage;
  } catch (const DataError& e) {
    err << e.what() << (std::string(e.what()).ends_with("\n") ? "" : "\n");
    return kDataError;
  } catch (const std::exception& e) {  // GeometryError among them
    return internal_error(e, err);
  }
}

int check_job(const std::string& job, std::ostream& out, std::ostream& err) {
  try {
    const std::string text = read_job(job);
    lang::SourceFile file(job, text);
    io::OgrSource source;
    Interpreter interpreter(source, {});
    const auto errors = interpreter.check(file, /*probe_files=*/true);
    if (errors.empty()) {
      out << printable_path(job) << ": no errors\n";
      return kOk;
    }
    err << render(file, errors);
    const bool all_data = std::all_of(errors.begin(), errors.end(), [](const lang::Diagnostic& d) { return d.data; });
    err << errors.size() << (errors.size() == 1 ? " error\n" : " errors\n");
    return all_data ? kDataError : kUsage;
  } catch (const ScriptError& e) {
    err << e.what() << "\n";
    return kUsage;
  } catch (const DataError& e) {
    err << e.what() << "\n";
    return kDataError;
  } catch (const GeometryError& e) {
    return internal_error(e, err);
  }
}

int info(const std::string& path, std::ostream& out, std::ostream& err) {
  try {
    out << io::format_source_info(io::describe_source(path));
    return kOk;
  } catch (const DataError& e) {
    err << e.what() << "\n";
    return kDataError;
  } catch (const GeometryError& e) {
    return internal_error(e, err);
  }
}

int measure(const std::string& a, const std::string& b, std::ostream& out, std::ostream& err) {
  GeoPoint pa, pb;
  try {
    pa = parse_any_coordinate(a);
  } catch (const CoordinateError& e) {
    err << "first coordinate: " << e.what() << "\n";
    return kUsage;
  }
  try {
    pb = parse_any_coordinate(b);
  } catch (const CoordinateError& e) {
    err << "second coordinate: " << e.what() << "\n";
    return kUsage;
  }
  const auto inv = geodesic_inverse(pa, pb);
  out << "from      " << format_number(pa.lat(), 7) << ", " << format_number(pa.lon(), 7) << "  (lat, lon)\n"
      << "to        " << format_number(pb.lat(), 7) << ", " << format_number(pb.lon(), 7) << "\n"
      << "distance  " << format_number(inv.distance_m, 3) << " m (" << format_length(inv.distance_m) << ")\n"
      << "azimuth   " << format_azimuth(inv.azimuth1_deg, 4) << "° at the start, "
      << format_azimuth(inv.azimuth2_deg, 4) << "° at the end\n"
      << "method    geodesic on WGS84 (Karney)\n";
  return kOk;
}

}  // namespace geoclaim::app
