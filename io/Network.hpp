#pragma once
// geoclaim reads no network unless it is told to (issue 9: a `/vsicurl/` path, or a local .vrt
// that points at a URL, fetched from the network, even in `geoclaim check`). GDAL 3.6 has no
// switch that turns its network access off, so geoclaim closes both of its doors: every
// network file system of GDAL's virtual file layer (/vsicurl/, /vsis3/, /vsigs/, /vsiaz/, …:
// every /vsi prefix that is not a local one) is replaced by one that refuses to open anything,
// wherever the path comes from (a job, a VRT, an archive inside an archive), and GDAL's HTTP
// client (CPLHTTPFetch, which drivers such as GeoJSON, WFS and GML use for URLs) gets a fetch
// callback that refuses every request. `--allow-network` leaves GDAL as it is.
namespace geoclaim::io {

/// Allows (or not) network access for the rest of the process; the default is off.
/// @throw Error when GDAL was already set up (this must come first).
void allow_network(bool allowed);

/// Installs the refusals unless the network is allowed; called once, by ensure_gdal().
void setup_network_access();

}  // namespace geoclaim::io
