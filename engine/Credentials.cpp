#include "engine/Credentials.hpp"

#include <algorithm>
#include <cctype>
#include <cstring>
#include <vector>

namespace geoclaim {
namespace {

bool is_space(char c) { return std::isspace(static_cast<unsigned char>(c)) != 0; }
bool is_word(char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '_'; }

/// A credential in a text: [keyword, value) is what precedes it ("password=", "user:"),
/// [value, end) the secret.
struct Secret {
  size_t keyword, value, end;
};

/// The end of an unquoted value: whitespace, a double quote, or a single quote that closes the
/// quoting around a message's path ("… password=x': …"). A quote inside the value is kept in it.
size_t unquoted_end(const std::string& t, size_t k) {
  for (; k < t.size(); ++k) {
    if (is_space(t[k]) || t[k] == '"') return k;
    if (t[k] == '\'') {
      const char next = k + 1 < t.size() ? t[k + 1] : ' ';
      if (is_space(next) || std::strchr(":,;)|", next)) return k;
    }
  }
  return k;
}

/// `password = value` and `password='quoted \' value'` (libpq's conninfo syntax).
void find_passwords(const std::string& t, std::vector<Secret>& out) {
  static const std::string kWord = "password";
  for (size_t i = 0; i + kWord.size() <= t.size(); ++i) {
    if (i > 0 && is_word(t[i - 1])) continue;
    size_t j = 0;
    while (j < kWord.size() && std::tolower(static_cast<unsigned char>(t[i + j])) == kWord[j]) ++j;
    if (j < kWord.size()) continue;
    size_t k = i + kWord.size();
    while (k < t.size() && is_space(t[k])) ++k;
    if (k >= t.size() || t[k] != '=') continue;
    ++k;
    while (k < t.size() && is_space(t[k])) ++k;
    size_t end = k;
    if (k < t.size() && t[k] == '\'') {
      for (end = k + 1; end < t.size() && t[end] != '\''; ++end)
        if (t[end] == '\\') ++end;
      end = std::min(end + 1, t.size());
    } else {
      end = unquoted_end(t, k);
    }
    out.push_back({i, k, end});
    i = end;
  }
}

/// `scheme://user:password@host`: the password of a URL's user information.
void find_url_passwords(const std::string& t, std::vector<Secret>& out) {
  for (size_t p = t.find("://"); p != std::string::npos; p = t.find("://", p + 3)) {
    const size_t start = p + 3;
    size_t stop = start;
    while (stop < t.size() && t[stop] != '/' && !is_space(t[stop]) && t[stop] != '"' && t[stop] != '\'') ++stop;
    const size_t at = t.rfind('@', stop == 0 ? 0 : stop - 1);
    if (at == std::string::npos || at < start) continue;
    const size_t colon = t.find(':', start);
    if (colon == std::string::npos || colon > at) continue;
    out.push_back({start, colon + 1, at});
  }
}

std::vector<Secret> secrets(const std::string& t) {
  std::vector<Secret> out;
  find_passwords(t, out);
  find_url_passwords(t, out);
  std::sort(out.begin(), out.end(), [](const Secret& a, const Secret& b) { return a.value < b.value; });
  return out;
}

}  // namespace

std::string redact_credentials(const std::string& text) {
  std::vector<Redacted> replaced;
  return redact_credentials(text, replaced);
}

std::string redact_credentials(const std::string& text, std::vector<Redacted>& replaced) {
  replaced.clear();
  if (text.find("://") == std::string::npos && text.find_first_of("pP") == std::string::npos) return text;
  std::string out;
  size_t done = 0;
  for (const Secret& s : secrets(text)) {
    if (s.value < done) continue;  // inside one already redacted
    out.append(text, done, s.value - done);
    out += "***";
    replaced.push_back({s.value, s.end});
    done = s.end;
  }
  return out + text.substr(done);
}

std::string without_password(const std::string& connection) {
  std::string out;
  size_t done = 0;
  for (const Secret& s : secrets(connection)) {
    if (s.keyword < done) continue;
    // A URL keeps "user@"; a keyword goes with the space after it.
    const bool url = connection[s.value - 1] == ':';
    size_t from = url ? s.value - 1 : s.keyword, to = s.end;
    if (!url)
      while (to < connection.size() && is_space(connection[to])) ++to;
    out.append(connection, done, from - done);
    done = to;
  }
  out += connection.substr(done);
  while (!out.empty() && is_space(out.back())) out.pop_back();
  return out;
}

}  // namespace geoclaim
