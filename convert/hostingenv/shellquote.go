package hostingenv

import "strings"

// ShellQuote returns s as one POSIX shell word that evaluates to exactly s: the whole value
// in single quotes, inside which nothing ($, backticks, backslashes, double quotes, newlines)
// is special, with each single quote written as four characters: close the quotes, a
// backslash-escaped quote, reopen the quotes.
func ShellQuote(s string) string {
	return "'" + strings.ReplaceAll(s, "'", `'\''`) + "'"
}
