// Claim evaluation tests that cannot be rows of tests/claims/claim-cases.csv belong here: tests
// of evaluate() internals on layers built in memory, below what a job can say.
//
// Every test that was here is now a row of that file (issue 7), run as a job by
// tests/claims/ClaimCaseTest.cpp; the CSV's comments name the old TEST each group of rows
// replaces: Within, DistanceDirection, DistanceFrom, Direction and Inside (ThreeVerdicts), Inside
// OverlappingFootprintsCountTheirOverlapOnce, DistanceBetween, Crosses and Quantifiers.
// claimed_interval is tested in UnitsDirectionToleranceTest.cpp.
