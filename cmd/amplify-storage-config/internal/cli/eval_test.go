package cli

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/seed-258d3fb3/amplify-storage-config/convert/jsconfig"
)

// Without the sandbox program, --eval cannot run: exit 3 with how to install it, and nothing on
// stdout. Without --eval the same file is read statically and needs no sandbox.
func TestEvalWithoutTheSandboxProgram(t *testing.T) {
	// This test binary has no sandbox program beside it.
	js := filepath.Join(t.TempDir(), "aws-exports.js")
	src := `export default {"aws_user_files_s3_bucket": "b-dev", "aws_user_files_s3_bucket_region": "us-east-1"}`
	if err := os.WriteFile(js, []byte(src), 0o644); err != nil {
		t.Fatal(err)
	}
	a, out, errOut := testApp(false, nil)
	if code := a.Run(context.Background(), []string{"convert", "--eval", js}); code != ExitFailure {
		t.Fatalf("exit code %d, want %d; stderr:\n%s", code, ExitFailure, errOut)
	}
	if out.Len() != 0 || !strings.Contains(errOut.String(), jsconfig.SandboxInstall()) {
		t.Errorf("stdout %q\nstderr %q", out, errOut)
	}
	a, out, errOut = testApp(false, nil)
	if code := a.Run(context.Background(), []string{"convert", js}); code != ExitOK || !strings.Contains(out.String(), `"bucket_name": "b-dev"`) {
		t.Errorf("static read: exit %d, stdout %q, stderr %q", code, out, errOut)
	}
}
