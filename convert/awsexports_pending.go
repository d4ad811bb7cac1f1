//go:build !jsconfig

package convert

import (
	"context"

	"github.com/seed-258d3fb3/amplify-storage-config/validate"
)

// RuleJSUnavailable: this build has no JavaScript reader yet (convert/jsconfig's ReadStatic
// and Evaluate). Delete this file, and the build tag of awsexports.go, when they land.
const RuleJSUnavailable = "js/unavailable"

// readAWSExports reports that JavaScript sources cannot be read by this build.
func readAWSExports(ctx context.Context, doc *Document, data []byte, opts ReadOptions) error {
	doc.Diagnostics = append(doc.Diagnostics, doc.Lines.At(0, "", validate.Error, RuleJSUnavailable,
		"this build cannot read JavaScript configuration files yet"))
	return nil
}
