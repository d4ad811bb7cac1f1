package validate

import (
	"regexp"
	"regexp/syntax"
	"sync"
)

// lazyRegexp is a regular expression compiled only when first matched (the region patterns
// use it too). A fast form's are checked when the form is compiled, and compiled lazily
// because a run that checks one small document needs few of a schema's patterns (often none:
// "^groups." runs only on a groups principal), and compiling them all took about a third of
// convert's time beyond start-up. Its zero state is plain data (the generated forms hold them
// as such). Safe for concurrent use.
type lazyRegexp struct {
	expr string
	once sync.Once
	re   *regexp.Regexp // set by once
}

// newLazyRegexp checks expr's syntax now and compiles it on first use. prefix is the literal
// every match starts with when expr is anchored at the start of the text (see
// anchoredPrefix), found from the same parse.
func newLazyRegexp(expr string) (r *lazyRegexp, prefix string, err error) {
	re, err := syntax.Parse(expr, syntax.Perl)
	if err != nil {
		return nil, "", err
	}
	return &lazyRegexp{expr: expr}, anchoredPrefix(re), nil
}

// MatchString reports whether s contains a match of the expression.
func (r *lazyRegexp) MatchString(s string) bool {
	r.once.Do(r.compile)
	return r.re.MatchString(s)
}

// compile compiles the expression. Parse accepted it; Compile may still refuse an expression
// too large to run (over 1,000 repetitions), which no embedded schema holds:
// TestEverySchemaCompiles compiles every pattern with jsonschema/v5.
func (r *lazyRegexp) compile() { r.re = regexp.MustCompile(r.expr) }

// anchoredPrefix returns the literal that every match of the parsed pattern re starts with when
// it is anchored at the start of the text ("^" without (?m)), else "".
func anchoredPrefix(re *syntax.Regexp) string {
	re = re.Simplify()
	if re.Op != syntax.OpConcat || len(re.Sub) < 2 || re.Sub[0].Op != syntax.OpBeginText {
		return ""
	}
	if lit := re.Sub[1]; lit.Op == syntax.OpLiteral && lit.Flags&syntax.FoldCase == 0 {
		return string(lit.Rune)
	}
	return ""
}
