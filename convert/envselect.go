package convert

import (
	"slices"
	"strings"

	"github.com/seed-258d3fb3/amplify-storage-config/schema"
	"github.com/seed-258d3fb3/amplify-storage-config/validate"
)

// Rule IDs for choosing a Gen 1 environment.
const (
	// RuleEnvAmbiguous: several environments and nothing says which one to use.
	RuleEnvAmbiguous = "project/env-ambiguous"
	// RuleEnvUnknown: the chosen environment is not in team-provider-info.json.
	RuleEnvUnknown = "project/env-unknown"
	// RuleEnvIgnored: --env was given for a project that has no Gen 1 environments.
	RuleEnvIgnored = "project/env-ignored"
)

// chooseEnv picks the Gen 1 environment: flag (--env), else current (local-env-info.json's
// envName), else the only one of envs. at is where team-provider-info.json's environments
// are, for diagnostics. ok is false when no usable env was found (then a diagnostic says why).
func chooseEnv(envs []string, flag string, current schema.String, at schema.Pos) (env string, diags []validate.Diagnostic, ok bool) {
	listed := func() string {
		s := slices.Clone(envs)
		slices.Sort(s)
		return strings.Join(s, ", ")
	}
	switch {
	case flag != "":
		env = flag
		if len(envs) > 0 && !slices.Contains(envs, env) {
			return env, []validate.Diagnostic{validate.At(at, validate.Error, RuleEnvUnknown,
				"--env %q is not an environment of team-provider-info.json; choose one of: %s", env, listed())}, false
		}
		return env, nil, true
	case current.Set && current.Value != "":
		env = current.Value
		if len(envs) > 0 && !slices.Contains(envs, env) {
			return env, []validate.Diagnostic{validate.At(current.Pos, validate.Error, RuleEnvUnknown,
				"current environment %q (local-env-info.json) is not in team-provider-info.json; pass --env with one of: %s",
				env, listed())}, false
		}
		return env, nil, true
	case len(envs) == 1:
		return envs[0], nil, true
	case len(envs) == 0:
		return "", nil, false
	}
	return "", []validate.Diagnostic{validate.At(at, validate.Error, RuleEnvAmbiguous,
		"the project has %d environments and no amplify/.config/local-env-info.json says which is current; choose one with --env (one of: %s)",
		len(envs), listed())}, false
}
