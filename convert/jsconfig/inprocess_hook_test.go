package jsconfig_test

import (
	"github.com/seed-258d3fb3/amplify-storage-config/convert/jsconfig"
	"github.com/seed-258d3fb3/amplify-storage-config/convert/jsconfig/sandbox"
)

// init hands the in-process evaluator to the package's internal tests (see InProcessForTest).
func init() { jsconfig.InProcessForTest = sandbox.InProcess{} }
