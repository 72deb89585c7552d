#pragma once
// geoclaim reads no network unless it is told to (issue 9: a `/vsicurl/` path, or a local .vrt
// that points at a URL, fetched from the network, even in `geoclaim check`). GDAL 3.6 has no
// switch that turns its network access off, so geoclaim closes both of its doors: every
// network file system of GDAL's virtual file layer (/vsicurl/, /vsis3/, /vsigs/, /vsiaz/, …:
// every /vsi prefix that is not a local one) is replaced by one that refuses to open anything,
// wherever the path comes from (a job, a VRT, an archive inside an archive), and GDAL's HTTP
// client (CPLHTTPFetch, which drivers such as GeoJSON, WFS and GML use for URLs) gets a fetch
// callback that refuses every request. `--allow-network`, or a job's `set network on`, puts
// GDAL's own file systems and HTTP client back.
namespace geoclaim::io {

/// Allows (or not) network access from now on; the default is off. Before GDAL is set up it
/// only records the choice; after, it swaps the refusals in or out.
void allow_network(bool allowed);

/// Whether network access is allowed now.
bool network_allowed();

/// Installs the refusals unless the network is allowed; called once, by ensure_gdal().
void setup_network_access();

}  // namespace geoclaim::io
