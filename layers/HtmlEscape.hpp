#pragma once
// Text from users' scripts and data (quotes, sources, feature ids) made safe to put in HTML and
// SVG, as element text or in a quoted attribute.
#include <string>
#include <string_view>

namespace geoclaim::layers {

/// `&`, `<`, `>`, `"` and `'` as character references; bytes that are not UTF-8 (a Latin-1
/// CSV) and control characters other than tab and line ends as U+FFFD, so the page stays valid
/// UTF-8 and the text valid XML (the KMZ's balloons; escaping `>` also keeps `]]>` out of the
/// CDATA section LIBKML writes them in).
std::string html_escape(std::string_view text);

}  // namespace geoclaim::layers
