#pragma once
// The compact verdict table `geoclaim run` prints: coloured on a terminal, plain when piped.
#include <string>

#include "engine/JobResult.hpp"

namespace geoclaim::app {

std::string verdict_table(const JobResult& job, bool color);

}  // namespace geoclaim::app
