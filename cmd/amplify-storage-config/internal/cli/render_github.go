package cli

import (
	"fmt"
	"io"
	"strings"

	"github.com/seed-258d3fb3/amplify-storage-config/validate"
)

// githubRenderer prints GitHub Actions workflow commands, one per diagnostic:
// `::error file=F,line=L,col=C::message [rule]` (warning and notice for the other severities).
type githubRenderer struct{}

func (githubRenderer) render(w io.Writer, f findings) error {
	var b strings.Builder
	for _, d := range f.Diagnostics {
		kind := "notice"
		switch d.Severity {
		case validate.Error:
			kind = "error"
		case validate.Warning:
			kind = "warning"
		}
		props := []string{"file=" + escapeGitHubProperty(d.File)}
		if d.Line > 0 {
			props = append(props, fmt.Sprintf("line=%d", d.Line), fmt.Sprintf("col=%d", max(d.Column, 1)))
		}
		props = append(props, "title="+escapeGitHubProperty(d.Rule))
		fmt.Fprintf(&b, "::%s %s::%s\n", kind, strings.Join(props, ","), escapeGitHubData(d.Message+" ["+d.Rule+"]"))
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// escapeGitHubData escapes a workflow command's message: %, CR and LF.
func escapeGitHubData(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A").Replace(s)
}

// escapeGitHubProperty escapes a workflow command property value: as data, plus ':' and ','.
func escapeGitHubProperty(s string) string {
	return strings.NewReplacer("%", "%25", "\r", "%0D", "\n", "%0A", ":", "%3A", ",", "%2C").Replace(s)
}
