# The two instrumented builds (README "Fuzzing and the sanitizer suite"). Both instrument every
# target of the project, so they come before the modules are added.
#   GEOCLAIM_SANITIZE  ASan + UBSan for the whole test suite, any compiler (.ci/sanitize).
#   GEOCLAIM_FUZZ      the libFuzzer targets of fuzz/, clang only: the project's libraries with
#                      the fuzzer's coverage instrumentation, ASan and UBSan (.ci/fuzz).
option(GEOCLAIM_SANITIZE "Build everything with AddressSanitizer and UndefinedBehaviorSanitizer" OFF)
option(GEOCLAIM_FUZZ "Build the libFuzzer targets in fuzz/ (clang), everything with ASan and UBSan" OFF)

# An undefined behaviour stops the program (no recovery), so a test that meets one fails.
set(geoclaim_sanitizers -fsanitize=address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer)
if(GEOCLAIM_FUZZ)
  if(NOT CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
    message(FATAL_ERROR "GEOCLAIM_FUZZ needs clang (libFuzzer): -DCMAKE_CXX_COMPILER=clang++")
  endif()
  add_compile_options(-fsanitize=fuzzer-no-link ${geoclaim_sanitizers})
  add_link_options(${geoclaim_sanitizers})
elseif(GEOCLAIM_SANITIZE)
  # GCC documents that -fsanitize=address makes -Wmaybe-uninitialized report false positives
  # (here inside libstdc++'s <regex>); the normal build keeps the warning.
  add_compile_options(${geoclaim_sanitizers} $<$<CXX_COMPILER_ID:GNU>:-Wno-maybe-uninitialized>)
  add_link_options(${geoclaim_sanitizers})
endif()
