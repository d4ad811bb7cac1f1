package jsconfig

// Rule IDs of the diagnostics this package reports.
const (
	// RuleSyntax: the file is not valid JavaScript.
	RuleSyntax = "js/syntax"
	// RuleTypeScript: the file holds TypeScript syntax (annotations, declare, .d.ts).
	RuleTypeScript = "js/typescript"
	// RuleNoExport: no exported configuration object was found.
	RuleNoExport = "js/no-export"
	// RuleTooComplex: the file nests too deeply or is too large to read safely.
	RuleTooComplex = "js/too-complex"
	// RuleDuplicateKey: an object literal repeats a key (the last one wins, as in JavaScript).
	RuleDuplicateKey = "js/duplicate-key"
	// RuleEvalError: the script failed while being evaluated (--eval).
	RuleEvalError = "js/eval-error"
)
