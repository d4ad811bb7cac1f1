package hostingenv

import (
	"bufio"
	"fmt"
	"strconv"
	"strings"
)

// githubDelimiterBase starts every heredoc delimiter the github format writes.
const githubDelimiterBase = "AMPLIFY_STORAGE_CONFIG_EOF"

func writeGitHub(w *bufio.Writer, v Vars) error {
	for _, x := range v {
		if !strings.ContainsAny(x.Value, "\n\r") {
			fmt.Fprintf(w, "%s=%s\n", x.Name, x.Value)
			continue
		}
		if strings.HasSuffix(x.Value, "\r") {
			// The runner reads "\r\n" as one line break, so a value's final "\r" would be lost.
			return fmt.Errorf("variable %s ends with a carriage return, which $GITHUB_ENV cannot carry", x.Name)
		}
		delim := GitHubDelimiter(x.Value)
		fmt.Fprintf(w, "%s<<%s\n%s\n%s\n", x.Name, delim, x.Value, delim)
	}
	return nil
}

// GitHubDelimiter returns a heredoc delimiter for value in $GITHUB_ENV: a fixed word, with a
// counter appended until no line of value (as the runner splits lines, at "\n" or "\r\n")
// equals it. No randomness: the same value always gets the same delimiter.
func GitHubDelimiter(value string) string {
	lines := map[string]bool{}
	for _, l := range strings.Split(value, "\n") {
		lines[strings.TrimSuffix(l, "\r")] = true
	}
	delim := githubDelimiterBase
	for i := 1; lines[delim]; i++ {
		delim = githubDelimiterBase + "_" + strconv.Itoa(i)
	}
	return delim
}
