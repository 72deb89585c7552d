// Network access: off by default, on for as long as a job that says `set network on` runs (its
// OgrSource lives), and on for the whole process with --allow-network (io/Network.hpp). The
// refusal comes before any request, so a loopback port that nothing listens on is enough: with
// the network on, GDAL tries it and fails to connect, which is a different message.
#include <cpl_error.h>
#include <cpl_http.h>
#include <cpl_vsi.h>
#include <cpl_vsi_error.h>
#include <gtest/gtest.h>

#include <string>

#include "engine/Errors.hpp"
#include "io/FileInfo.hpp"
#include "io/GdalErrors.hpp"
#include "io/Network.hpp"
#include "io/OgrSource.hpp"

namespace geoclaim {
namespace {

constexpr const char* kOff = "network access is off";

/// GDAL's message for opening a /vsicurl/ path on a port with no server (an error of GDAL's, or
/// of its virtual file layer), or "opened".
std::string vsicurl_error() {
  CPLPushErrorHandler(CPLQuietErrorHandler);
  CPLErrorReset();
  VSIErrorReset();
  VSILFILE* f = VSIFOpenExL("/vsicurl/http://127.0.0.1:9/points.geojson", "rb", TRUE);
  const std::string message = f ? "opened" : std::string(CPLGetLastErrorMsg()) + VSIGetLastErrorMsg();
  if (f) VSIFCloseL(f);
  CPLPopErrorHandler();
  return message;
}

/// The error of GDAL's HTTP client (which drivers use for a bare URL) for the same port.
std::string http_error() {
  CPLPushErrorHandler(CPLQuietErrorHandler);
  CPLHTTPResult* r = CPLHTTPFetch("http://127.0.0.1:9/points.geojson", nullptr);
  std::string message = r && r->pszErrBuf ? r->pszErrBuf : "";
  CPLHTTPDestroyResult(r);
  CPLPopErrorHandler();
  return message;
}

TEST(Network, AJobAllowsItWhileItRunsAfterGdalIsSetUp) {
  io::ensure_gdal();  // as when an earlier job of the process read something
  ASSERT_FALSE(io::network_allowed());
  EXPECT_NE(vsicurl_error().find(kOff), std::string::npos) << vsicurl_error();
  EXPECT_NE(http_error().find(kOff), std::string::npos) << http_error();
  {
    io::OgrSource job;
    job.allow_network();  // `set network on`
    EXPECT_TRUE(io::network_allowed());
    const std::string curl = vsicurl_error(), http = http_error();
    EXPECT_EQ(curl.find(kOff), std::string::npos) << curl;
    EXPECT_NE(curl, "opened") << "nothing listens on that port";
    EXPECT_EQ(http.find(kOff), std::string::npos) << http;
    EXPECT_FALSE(http.empty()) << "GDAL's HTTP client should have failed to connect";
  }
  // The job is over: the next one in this process starts with the network off again.
  EXPECT_FALSE(io::network_allowed());
  EXPECT_NE(vsicurl_error().find(kOff), std::string::npos) << vsicurl_error();
  EXPECT_NE(http_error().find(kOff), std::string::npos) << http_error();
}

// A local .vrt whose source is a URL: `geoclaim info` says the network is off (it said "0
// features", as GDAL opens a VRT's source only when a layer is read).
TEST(Network, InfoOnAVrtWithANetworkSourceSaysTheNetworkIsOff) {
  ASSERT_FALSE(io::network_allowed());
  std::string message = "no error";
  try {
    io::describe_source("testdata/bad/network-source.vrt");
  } catch (const DataError& e) {
    message = e.what();
  }
  EXPECT_EQ(message.rfind("cannot read 'testdata/bad/network-source.vrt': ", 0), 0u) << message;
  EXPECT_NE(message.find(kOff), std::string::npos) << message;
}

TEST(Network, AJobLeavesTheCommandLinesAllowanceOn) {
  io::ensure_gdal();
  io::allow_network(true);  // --allow-network
  {
    io::OgrSource job;
    job.allow_network();
  }
  EXPECT_TRUE(io::network_allowed());
  EXPECT_EQ(vsicurl_error().find(kOff), std::string::npos);
  io::allow_network(false);
  EXPECT_NE(vsicurl_error().find(kOff), std::string::npos);
}

}  // namespace
}  // namespace geoclaim
