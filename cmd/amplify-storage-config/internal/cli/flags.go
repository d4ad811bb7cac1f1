package cli

import (
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"
	"time"

	"github.com/spf13/pflag"

	"github.com/seed-258d3fb3/amplify-storage-config/convert"
	"github.com/seed-258d3fb3/amplify-storage-config/schema"
)

// newFlagSet returns a flag set that reports errors instead of printing or exiting, keeps flags
// in declaration order, and has -h/--help.
func newFlagSet(name string) *pflag.FlagSet {
	fs := pflag.NewFlagSet(name, pflag.ContinueOnError)
	fs.SortFlags = false
	fs.SetOutput(io.Discard)
	fs.Usage = func() {}
	return fs
}

// helpText is what a subcommand's --help says besides its flags.
type helpText struct {
	usage       string // after the program name, e.g. "validate [flags] [PATH...]"
	description string
	examples    string // one example per line, without the program name prefix
	output      string // what goes to stdout and what to stderr
}

// printHelp writes a subcommand's help: usage, description, flags, examples and exit codes.
func printHelp(w io.Writer, h helpText, fs *pflag.FlagSet) {
	var b strings.Builder
	fmt.Fprintf(&b, "Usage:\n  %s %s\n\n%s\n", programName, h.usage, strings.TrimSpace(h.description))
	if h.output != "" {
		fmt.Fprintf(&b, "\nOutput:\n%s\n", indent(strings.TrimSpace(h.output)))
	}
	fmt.Fprintf(&b, "\nFlags:\n%s", fs.FlagUsagesWrapped(100))
	if h.examples != "" {
		b.WriteString("\nExamples:\n")
		for _, line := range strings.Split(strings.TrimSpace(h.examples), "\n") {
			line = strings.TrimSpace(line)
			if line == "" {
				b.WriteString("\n")
				continue
			}
			if strings.HasPrefix(line, "#") {
				fmt.Fprintf(&b, "  %s\n", line)
				continue
			}
			fmt.Fprintf(&b, "  %s %s\n", programName, line)
		}
	}
	b.WriteString("\n" + exitCodesHelp)
	io.WriteString(w, b.String())
}

func indent(s string) string {
	lines := strings.Split(s, "\n")
	for i, l := range lines {
		if l != "" {
			lines[i] = "  " + l
		}
	}
	return strings.Join(lines, "\n")
}

// parseFlags parses args into fs. It returns done=true with the exit code when the command must
// stop: --help was asked for (help on stdout, exit 0) or the flags were wrong (exit 2).
func (a *App) parseFlags(cmd string, fs *pflag.FlagSet, h helpText, args []string) (code int, done bool) {
	help := fs.BoolP("help", "h", false, "show this help")
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, pflag.ErrHelp) {
			printHelp(a.Stdout, h, fs)
			return ExitOK, true
		}
		return a.flagError(cmd, fs, err), true
	}
	if *help {
		printHelp(a.Stdout, h, fs)
		return ExitOK, true
	}
	return 0, false
}

// flagError reports a flag parsing error, suggesting the closest flag for an unknown one.
func (a *App) flagError(cmd string, fs *pflag.FlagSet, err error) int {
	var notExist *pflag.NotExistError
	if errors.As(err, &notExist) {
		name := notExist.GetSpecifiedName()
		if short := notExist.GetSpecifiedShortnames(); short != "" {
			return a.usagef(cmd, "unknown flag -%s in -%s%s", name, short, didYouMean(name, shorthands(fs)))
		}
		var long []string
		fs.VisitAll(func(f *pflag.Flag) { long = append(long, f.Name) })
		msg := fmt.Sprintf("unknown flag --%s", name)
		if best, ok := closest(name, long); ok {
			msg += fmt.Sprintf("; did you mean --%s?", best)
		}
		return a.usagef(cmd, "%s", msg)
	}
	return a.usagef(cmd, "%v", err)
}

func shorthands(fs *pflag.FlagSet) []string {
	var s []string
	fs.VisitAll(func(f *pflag.Flag) {
		if f.Shorthand != "" {
			s = append(s, f.Shorthand)
		}
	})
	return s
}

// choiceValue is a string flag restricted to a fixed set of values. A value outside the set is a
// usage error that names the closest valid one; there is never a silent fallback.
type choiceValue struct {
	value   string
	choices []string
}

func newChoice(def string, choices ...string) *choiceValue {
	return &choiceValue{value: def, choices: choices}
}

func (c *choiceValue) String() string { return c.value }
func (c *choiceValue) Type() string   { return "string" }

func (c *choiceValue) Set(s string) error {
	if !slices.Contains(c.choices, s) {
		sorted := slices.Sorted(slices.Values(c.choices))
		return fmt.Errorf("unknown value %q%s (valid: %s)", s, didYouMean(s, c.choices), strings.Join(sorted, ", "))
	}
	c.value = s
	return nil
}

// readFlags are the flags of every subcommand that reads configuration files.
type readFlags struct {
	from          *choiceValue
	eval          bool
	defines       []string
	evalTimeout   time.Duration
	env           string
	stdinFilename string
}

// addReadFlags registers the reading flags on fs.
func addReadFlags(fs *pflag.FlagSet) *readFlags {
	var formats []string
	for _, f := range schema.Formats() {
		formats = append(formats, string(f))
	}
	r := &readFlags{from: newChoice("", formats...)}
	fs.Var(r.from, "from", "read every input as this `FORMAT` instead of detecting it (one of: "+strings.Join(formats, ", ")+")")
	fs.BoolVar(&r.eval, "eval", false, "evaluate JavaScript configs in a sandbox instead of reading them statically")
	fs.StringArrayVar(&r.defines, "define", nil, "set process.env.KEY for --eval (`KEY=VALUE`, repeatable)")
	fs.DurationVar(&r.evalTimeout, "eval-timeout", convert.DefaultEvalTimeout, "time limit for one --eval evaluation (`DURATION`)")
	fs.StringVar(&r.env, "env", "", "Amplify environment to use (default: amplify/.config/local-env-info.json, else the only one)")
	fs.StringVar(&r.stdinFilename, "stdin-filename", "", "`NAME` to report for input read from - (stdin); also the format hint")
	return r
}

// options turns the reading flags into convert.ReadOptions.
func (r *readFlags) options() (convert.ReadOptions, error) {
	opts := convert.ReadOptions{From: schema.Format(r.from.value), Eval: r.eval, EvalTimeout: r.evalTimeout}
	if r.evalTimeout < 0 {
		return opts, fmt.Errorf("--eval-timeout must not be negative (got %s)", r.evalTimeout)
	}
	if len(r.defines) > 0 {
		if !r.eval {
			return opts, fmt.Errorf("--define only applies with --eval")
		}
		opts.Defines = make(map[string]string, len(r.defines))
		for _, d := range r.defines {
			k, v, ok := strings.Cut(d, "=")
			if !ok || k == "" {
				return opts, fmt.Errorf("--define %q: want KEY=VALUE", d)
			}
			opts.Defines[k] = v
		}
	}
	return opts, nil
}
