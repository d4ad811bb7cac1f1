package main

import (
	"encoding/json"
	"errors"
	"flag"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"
	"github.com/santhosh-tekuri/jsonschema/v5"

	"github.com/seed-258d3fb3/amplify-storage-config/convert/jsconfig/sandbox"
)

var update = flag.Bool("update", false, "rewrite the expected output in testdata/script/*.txtar")

// TestMain runs this test binary as either program when a script calls it by that name.
func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){
		"amplify-storage-config": main,
		"amplify-storage-config-eval": func() {
			os.Exit(sandbox.Main(os.Args[1:], os.Getenv, os.Stdin, os.Stdout, os.Stderr))
		},
	})
}

// TestScripts runs the CLI behaviour scripts in testdata/script against the real main.
//
// Besides testscript's own commands the scripts have:
//
//	exits CODE PROGRAM ARGS...   run PROGRAM and require exactly exit code CODE
//	sarif-valid FILE             validate FILE against the SARIF 2.1.0 JSON Schema at
//	                             $SARIF_SCHEMA (guard with [!sarif-schema] skip 'message')
//	json-valid FILE              require FILE to hold exactly one JSON value
func TestScripts(t *testing.T) {
	wd, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	repoRoot := filepath.Join(wd, "..", "..")
	testscript.Run(t, testscript.Params{
		Dir:           filepath.Join("testdata", "script"),
		UpdateScripts: *update,
		Setup: func(env *testscript.Env) error {
			env.Setenv("REPO", repoRoot)
			env.Setenv("FIXTURES", filepath.Join(repoRoot, "fixtures"))
			env.Setenv("SARIF_SCHEMA", os.Getenv("SARIF_SCHEMA"))
			// Scripts run as in a CI log; NO_COLOR and CI start unset.
			env.Setenv("CI", "")
			env.Setenv("NO_COLOR", "")
			return nil
		},
		// [sarif-schema]: SARIF_SCHEMA names the official SARIF 2.1.0 JSON Schema.
		// [race]: built with -race (the --eval child cannot start under its memory limit then).
		Condition: func(cond string) (bool, error) {
			switch cond {
			case "sarif-schema":
				return os.Getenv("SARIF_SCHEMA") != "", nil
			case "race":
				return raceEnabled, nil
			}
			return false, errors.New("unknown condition " + cond)
		},
		Cmds: map[string]func(ts *testscript.TestScript, neg bool, args []string){
			"exits":       cmdExits,
			"sarif-valid": cmdSARIFValid,
			"json-valid":  cmdJSONValid,
		},
	})
}

func cmdExits(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) < 2 {
		ts.Fatalf("usage: exits CODE PROGRAM [ARGS...]")
	}
	want, err := strconv.Atoi(args[0])
	if err != nil {
		ts.Fatalf("exits: bad code %q", args[0])
	}
	got := 0
	if err := ts.Exec(args[1], args[2:]...); err != nil {
		var ee *exec.ExitError
		if !errors.As(err, &ee) {
			ts.Fatalf("exits: %v", err)
		}
		got = ee.ExitCode()
	}
	if got != want {
		ts.Fatalf("exit code %d, want %d", got, want)
	}
}

func cmdSARIFValid(ts *testscript.TestScript, neg bool, args []string) {
	if len(args) != 1 {
		ts.Fatalf("usage: sarif-valid FILE")
	}
	schemaPath := ts.Getenv("SARIF_SCHEMA")
	if schemaPath == "" {
		ts.Fatalf("sarif-valid: SARIF_SCHEMA is not set (guard the script with [!sarif-schema] skip)")
	}
	c := jsonschema.NewCompiler()
	c.Draft = jsonschema.Draft4 // the official SARIF 2.1.0 schema is draft-04
	c.LoadURL = func(s string) (io.ReadCloser, error) { return nil, errors.New("no network: " + s) }
	data, err := os.ReadFile(schemaPath)
	ts.Check(err)
	ts.Check(c.AddResource("sarif.json", strings.NewReader(string(data))))
	sch, err := c.Compile("sarif.json")
	ts.Check(err)
	doc, err := os.ReadFile(ts.MkAbs(args[0]))
	ts.Check(err)
	var v any
	ts.Check(json.Unmarshal(doc, &v))
	err = sch.Validate(v)
	if neg {
		if err == nil {
			ts.Fatalf("%s is valid SARIF 2.1.0", args[0])
		}
		return
	}
	if err != nil {
		ts.Fatalf("%s is not valid SARIF 2.1.0: %#v", args[0], err)
	}
}

func cmdJSONValid(ts *testscript.TestScript, neg bool, args []string) {
	if len(args) != 1 {
		ts.Fatalf("usage: json-valid FILE")
	}
	data, err := os.ReadFile(ts.MkAbs(args[0]))
	ts.Check(err)
	valid := json.Valid(data)
	if valid == neg {
		ts.Fatalf("json-valid %s: valid=%v", args[0], valid)
	}
}
