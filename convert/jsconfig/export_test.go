package jsconfig

// InProcessForTest is sandbox.InProcess, for this package's evaluation tests. Package sandbox
// imports this one, so this package's own test files cannot import it; the external test file
// inprocess_hook_test.go sets this before any test runs (test builds only).
var InProcessForTest Evaluator
