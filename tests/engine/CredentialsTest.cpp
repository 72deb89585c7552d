// Credentials are redacted from every message and report (issue 9): each row a text, what it
// becomes, and what a QGIS reference keeps of it.
#include <gtest/gtest.h>

#include "engine/Credentials.hpp"

namespace geoclaim {
namespace {

struct Case {
  const char* text;
  const char* redacted;
  const char* without;  ///< without_password
};

const Case kCases[] = {
    {"PG:host=db dbname=sites user=u password=hunter2 tables=sites",
     "PG:host=db dbname=sites user=u password=*** tables=sites", "PG:host=db dbname=sites user=u tables=sites"},
    {"PG:dbname=sites password=hunter2", "PG:dbname=sites password=***", "PG:dbname=sites"},
    {"PG:dbname=sites PASSWORD = 'two words \\' quote' user=u", "PG:dbname=sites PASSWORD = *** user=u",
     "PG:dbname=sites user=u"},
    // In a message, the quote that closes the path is not part of the password.
    {"cannot open 'PG:dbname=x password=hunter2': FATAL", "cannot open 'PG:dbname=x password=***': FATAL", nullptr},
    {"load s from \"PG:dbname=x password=hunter2\"", "load s from \"PG:dbname=x password=***\"", nullptr},
    // A quote inside the password is the password's.
    {"PG:password=it's tables=t", "PG:password=*** tables=t", "PG:tables=t"},
    {"PG:postgresql://analyst:hunter2@db.example/sites", "PG:postgresql://analyst:***@db.example/sites",
     "PG:postgresql://analyst@db.example/sites"},
    {"/vsicurl/https://u:s3cret@example.org/a.geojson", "/vsicurl/https://u:***@example.org/a.geojson", nullptr},
    // Nothing to redact.
    {"PG:service=sites tables=sites", "PG:service=sites tables=sites", "PG:service=sites tables=sites"},
    {"https://example.org/a@b.geojson", "https://example.org/a@b.geojson", nullptr},
    {"testdata/ayyash-2015/oil-wells.geojson", "testdata/ayyash-2015/oil-wells.geojson", nullptr},
    {"mypassword=x", "mypassword=x", nullptr},  // another word
};

TEST(Credentials, EachCase) {
  for (const Case& c : kCases) {
    EXPECT_EQ(redact_credentials(c.text), c.redacted) << c.text;
    if (c.without) {
      EXPECT_EQ(without_password(c.text), c.without) << c.text;
    }
  }
}

TEST(Credentials, RedactingTwiceChangesNothing) {
  for (const Case& c : kCases) EXPECT_EQ(redact_credentials(c.redacted), c.redacted) << c.text;
}

}  // namespace
}  // namespace geoclaim
