// geoclaim: checks the spatial claims of reports against coordinate data.
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <csignal>
#include <iostream>

#include "app/Commands.hpp"
#include "app/RedactingStream.hpp"
#include "io/Network.hpp"

int main(int argc, char** argv) {
  using namespace geoclaim::app;
  // A write past the file-size limit (`ulimit -f`) then fails with EFBIG, which geoclaim reports
  // as a data error naming the file, instead of killing the process with SIGXFSZ.
  std::signal(SIGXFSZ, SIG_IGN);
  // No password reaches the terminal or a log, whatever prints it (app/RedactingStream.hpp).
  const RedactOutput redact_out(std::cout), redact_err(std::cerr);
  CLI::App cli{
      "geoclaim: checks the spatial claims of airstrike reports against coordinate data.\n"
      "Docs: docs/language.md (jobs), docs/cli.md (this command), docs/outputs.md (results)."};
  cli.set_version_flag("--version", std::string("geoclaim ") + GEOCLAIM_VERSION);
  cli.footer(
      "Examples:\n"
      "  geoclaim run scripts/ayyash-2015.gcl            evaluate the claims, write out/ayyash-2015/\n"
      "  geoclaim run job.gcl -o out/today --fail-on contradicted\n"
      "  geoclaim check job.gcl                         every error, nothing run or written\n"
      "  geoclaim info strikes.gpkg                     layers, counts, types, CRS, extent\n"
      "  geoclaim measure \"35.383, 40.017\" 37SFV0692205349\n"
      "Exit codes: 0 ran; 1 --fail-on contradicted and a claim was contradicted;\n"
      "            2 usage or script error; 3 data error;\n"
      "            4 internal error: a geometry operation failed or a bug; please report it.");
  cli.require_subcommand(1);

  RunOptions run;
  std::string fail_on;
  auto* run_cmd = cli.add_subcommand("run", "Run a job: evaluate its claims and write its report folders.");
  run_cmd->add_option("job", run.job, "the job script (.gcl)")->required();
  run_cmd->add_option("-o,--output", run.output_dir, "write results here instead of the job's 'report to' folders");
  run_cmd->add_option("--fail-on", fail_on, "exit 1 when a claim has this verdict")
      ->check(CLI::IsMember({"contradicted"}));

  // Network access is off unless asked for (io/Network.hpp, docs/cli.md).
  bool allow_network = false;
  const char* network_help =
      "let GDAL read from the network (/vsicurl/, /vsis3/, URLs, also inside a .vrt), as a job's 'set network on' does";
  run_cmd->add_flag("--allow-network", allow_network, network_help);

  std::string check_path;
  auto* check_cmd =
      cli.add_subcommand("check", "Find every error in a job (syntax, names, files, CRSs) without running it.");
  check_cmd->add_option("job", check_path, "the job script (.gcl)")->required();
  check_cmd->add_flag("--allow-network", allow_network, network_help);

  std::string info_path;
  auto* info_cmd = cli.add_subcommand("info", "Describe a data source: layers, counts, geometry types, CRS, extent.");
  info_cmd->add_option("file", info_path, "any OGR vector source")->required();
  info_cmd->add_flag("--allow-network", allow_network, network_help);

  std::string a, b;
  auto* measure_cmd = cli.add_subcommand(
      "measure", "Geodesic distance and azimuths between two coordinates (\"35.383, 40.017\", DMS, MGRS).");
  measure_cmd->add_option("from", a, "first coordinate, latitude first")->required();
  measure_cmd->add_option("to", b, "second coordinate")->required();

  try {
    cli.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int code = cli.exit(e);
    return code == 0 ? kOk : kUsage;
  }
  try {
    geoclaim::io::allow_network(allow_network);
    if (*run_cmd) {
      run.fail_on_contradicted = fail_on == "contradicted";
      run.color = ::isatty(STDOUT_FILENO) && !std::getenv("NO_COLOR");
      run.progress_on_terminal = ::isatty(STDERR_FILENO);
      return run_job(run, std::cout, std::cerr);
    }
    if (*check_cmd) return check_job(check_path, std::cout, std::cerr);
    if (*info_cmd) return info(info_path, std::cout, std::cerr);
    return measure(a, b, std::cout, std::cerr);
  } catch (const std::exception& e) {
    // The subcommands report every expected failure themselves; this is the last guard, so
    // that nothing ends in std::terminate.
    std::cerr << "geoclaim: internal error: " << e.what() << "\n";
    return kInternalError;
  }
}
