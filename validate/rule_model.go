package validate

import (
	"fmt"
	"regexp"
	"runtime"
	"slices"
	"sync"

	"github.com/seed-258d3fb3/amplify-storage-config/schema"
)

// CheckModel applies the rules beyond the JSON Schemas to the model read from one source of
// format f: names, regions, Gen 2 paths, the buckets of one app, and the mistakes seen in real
// repositories. Positions come from the model's values; derived values (no position) are not
// checked.
func CheckModel(m *schema.Model, f schema.Format) []Diagnostic {
	if m == nil {
		return nil
	}
	c := modelChecker{format: f, model: m}
	c.region(m.ProjectRegion, "project region")
	for _, e := range m.Gen1Envs {
		c.region(e.Region, fmt.Sprintf("region of env %q", e.Name.Value))
	}
	c.ds = append(c.ds, checkBuckets(f, m)...)
	for i := range m.Tables {
		c.table(&m.Tables[i])
	}
	c.projectRegion()
	if isOutputs(f) {
		c.bucketSet()
	}
	return append(c.ds, checkGen1Resources(m)...)
}

// checkBuckets applies the per-bucket rules to every bucket of m, in order. A model with very
// many buckets (a large amplify_outputs.json) is split between the cores; each part's findings
// keep their order, so the result is the same as one pass.
func checkBuckets(f schema.Format, m *schema.Model) []Diagnostic {
	parts := min(runtime.GOMAXPROCS(0), len(m.Buckets)/parallelBucketsPerPart)
	if parts <= 1 {
		c := modelChecker{format: f, model: m}
		for i := range m.Buckets {
			c.bucket(&m.Buckets[i])
		}
		return c.ds
	}
	found := make([][]Diagnostic, parts)
	inParallel(parts, func(p int) {
		c := modelChecker{format: f, model: m}
		for i := p * len(m.Buckets) / parts; i < (p+1)*len(m.Buckets)/parts; i++ {
			c.bucket(&m.Buckets[i])
		}
		found[p] = c.ds
	})
	return slices.Concat(found...)
}

// parallelBucketsPerPart is the fewest buckets worth a core of their own.
const parallelBucketsPerPart = 32

type modelChecker struct {
	format schema.Format
	model  *schema.Model
	ds     []Diagnostic
	// keys and pathMem are memory the path rules reuse from bucket to bucket (pathScratch).
	keys    []string
	pathMem pathScratch
}

func (c *modelChecker) add(pos schema.Pos, sev Severity, rule, format string, args ...any) {
	c.ds = append(c.ds, At(pos, sev, rule, format, args...))
}

// isOutputs reports whether f is a Gen 2 outputs format (whose "version" picks the schema).
func isOutputs(f schema.Format) bool {
	return f == schema.AmplifyOutputs || f == schema.AmplifyOutputsDart
}

func isFlatWeb(f schema.Format) bool { return f == schema.AWSExports || f == schema.AmplifyConfigWeb }

// checkable reports whether s is a value read from a file (not derived, not absent).
func checkable(s schema.String) bool { return s.Set && !s.Pos.IsZero() }

// placeholder reports (and records) a placeholder value; callers then skip its other checks.
func (c *modelChecker) placeholder(s schema.String, what string) bool {
	if !checkable(s) {
		return false
	}
	kind := PlaceholderKind(s.Value)
	if kind == "" {
		return false
	}
	c.add(s.Pos, Error, RulePlaceholder, "%s %q is %s, not a real value; put the real %s here", what, s.Value, kind, what)
	return true
}

func (c *modelChecker) region(s schema.String, what string) {
	if !checkable(s) || c.placeholder(s, what) {
		return
	}
	for _, d := range RegionProblems(s.Value, what) {
		c.add(s.Pos, d.Severity, d.Rule, "%s", d.Message)
	}
}

// RegionProblems returns what is wrong with a region name (nothing for a known region):
// region/malformed when no partition's pattern matches, region/unknown when the name is
// well-formed but not listed, each with the closest known region when there is one.
func RegionProblems(region, what string) []NameProblem {
	partition, status := LookupRegion(region)
	if status == RegionKnown {
		return nil // the common case: skip the costly suggestion search
	}
	suggest := ""
	if s := SuggestRegion(region); s != "" && s != region {
		suggest = fmt.Sprintf("; did you mean %q?", s)
	}
	switch status {
	case RegionGlobal:
		return []NameProblem{{RuleRegionUnknown, Warning, fmt.Sprintf(
			"%s %q is the %s partition's global pseudo-region; storage lives in a real region such as %q",
			what, region, partition, firstRegion(partition))}}
	case RegionUnknown:
		if suggest == "" {
			suggest = "; if it is a region newer than this tool's data, ignore this warning"
		}
		return []NameProblem{{RuleRegionUnknown, Warning, fmt.Sprintf(
			"%s %q is not a region of the %s partition in the AWS partitions data%s", what, region, partition, suggest)}}
	case RegionMalformed:
		if suggest == "" {
			suggest = "; write a region name such as \"us-east-1\""
		}
		return []NameProblem{{RuleRegionMalformed, Error, fmt.Sprintf(
			"%s %q is not a well-formed AWS region name%s", what, region, suggest)}}
	}
	return nil
}

func firstRegion(partition string) string {
	for _, p := range Partitions() {
		if p.ID == partition && len(p.Regions) > 0 {
			if p.ID == "aws" {
				return "us-east-1"
			}
			return p.Regions[0].Name
		}
	}
	return "us-east-1"
}

func (c *modelChecker) bucket(b *schema.Bucket) {
	c.placeholder(b.Name, "bucket friendly name")
	if checkable(b.BucketName) && !b.DerivedName && !c.placeholder(b.BucketName, "bucket name") {
		for _, p := range BucketNameProblems(b.BucketName.Value) {
			c.add(b.BucketName.Pos, p.Severity, p.Rule, "%s", p.Message)
		}
		c.deploymentBucket(b.BucketName)
	}
	if b.Region.Set {
		c.region(b.Region, "bucket region")
	} else if checkable(b.BucketName) && isFlatWeb(c.format) {
		c.add(b.BucketName.Pos, Error, RuleRegionMissing,
			"bucket %q has no region; amplify-js reads the S3 region only from aws_user_files_s3_bucket_region: add it%s",
			b.BucketName.Value, c.projectRegionHint())
	}
	if b.TestEndpoint.Set && b.TestEndpoint.Value && !b.TestEndpoint.Pos.IsZero() {
		c.add(b.TestEndpoint.Pos, Warning, RuleTestEndpoint,
			"aws_user_files_s3_dangerously_connect_to_http_endpoint_for_testing is true: the app talks to a local mock endpoint over HTTP; set it to false or remove it before shipping")
	}
	c.paths(b)
}

func (c *modelChecker) projectRegionHint() string {
	if c.model.ProjectRegion.Set && c.model.ProjectRegion.Value != "" {
		return fmt.Sprintf(" (the project region is %q)", c.model.ProjectRegion.Value)
	}
	return ""
}

func (c *modelChecker) deploymentBucket(name schema.String) {
	deployment := IsDeploymentBucket(name.Value)
	for _, e := range c.model.Gen1Envs {
		if e.DeploymentBucket.Set && e.DeploymentBucket.Value == name.Value {
			deployment = true
		}
	}
	if deployment {
		c.add(name.Pos, Warning, RuleDeploymentBucket,
			"bucket %q is an Amplify deployment bucket (it holds CloudFormation templates and build artifacts), not app storage; configure the storage bucket instead",
			name.Value)
	}
}

func (c *modelChecker) table(t *schema.Table) {
	if checkable(t.TableName) && !t.DerivedName && !c.placeholder(t.TableName, "table name") {
		for _, p := range TableNameProblems(t.TableName.Value) {
			c.add(t.TableName.Pos, p.Severity, p.Rule, "%s", p.Message)
		}
	}
	c.region(t.Region, "table region")
}

// projectRegion: aws-amplify refuses a flat aws_* configuration without aws_project_region.
func (c *modelChecker) projectRegion() {
	if !isFlatWeb(c.format) || c.model.ProjectRegion.Set {
		return
	}
	var at schema.Pos
	for _, b := range c.model.Buckets {
		if !b.BucketName.Pos.IsZero() {
			at = b.BucketName.Pos
			break
		}
	}
	if at.IsZero() {
		for _, t := range c.model.Tables {
			if !t.TableName.Pos.IsZero() {
				at = t.TableName.Pos
				break
			}
		}
	}
	if at.IsZero() {
		return
	}
	hint := ""
	if len(c.model.Buckets) > 0 && c.model.Buckets[0].Region.Set {
		hint = fmt.Sprintf(" (for example \"aws_project_region\": %q)", c.model.Buckets[0].Region.Value)
	}
	c.add(at, Error, RuleMissingProjectRegion,
		"the configuration has storage but no aws_project_region; aws-amplify refuses a legacy aws_* configuration without it: add aws_project_region%s", hint)
}

// friendlyNamePattern is the pattern of a Gen 2 bucket's friendly name; compiled once.
var friendlyNamePattern = sync.OnceValue(func() *regexp.Regexp {
	return regexp.MustCompile(`^[a-zA-Z][a-zA-Z0-9-_ ]*$`)
})

func friendlyNameOK(name string) bool { return friendlyNamePattern().MatchString(name) }

// bucketSet checks the buckets of one amplify_outputs.json together: one default, unique and
// well-formed friendly names.
func (c *modelChecker) bucketSet() {
	var defaults []*schema.Bucket
	seen := map[string]schema.Pos{}
	for i := range c.model.Buckets {
		b := &c.model.Buckets[i]
		if b.Default {
			defaults = append(defaults, b)
		}
		if !checkable(b.Name) || PlaceholderKind(b.Name.Value) != "" {
			continue
		}
		if !friendlyNameOK(b.Name.Value) {
			c.add(b.Name.Pos, Error, RuleFriendlyName,
				"bucket friendly name %q must start with a letter and hold only letters, digits, \"-\", \"_\" and spaces", b.Name.Value)
		}
		if first, dup := seen[b.Name.Value]; dup {
			c.add(b.Name.Pos, Error, RuleDuplicateName,
				"bucket friendly name %q is used twice (first at %s); amplify-js throws \"Duplicate friendly name found\": rename one",
				b.Name.Value, first.String())
		} else {
			seen[b.Name.Value] = b.Name.Pos
		}
	}
	for _, b := range defaults[min(1, len(defaults)):] {
		c.add(bucketPos(b), Error, RuleOneDefault,
			"bucket %q is a second default bucket (the first is %q); exactly one bucket may be the default",
			bucketLabel(b), bucketLabel(defaults[0]))
	}
}

func bucketPos(b *schema.Bucket) schema.Pos {
	if !b.Name.Pos.IsZero() {
		return b.Name.Pos
	}
	return b.BucketName.Pos
}

func bucketLabel(b *schema.Bucket) string {
	if b.Name.Set {
		return b.Name.Value
	}
	return b.BucketName.Value
}

// posString renders a position as file:line:col.

// paths applies the defineStorage path rules to a bucket's rebuilt paths, then the rules about
// the principals and actions of each rebuilt path.
func (c *modelChecker) paths(b *schema.Bucket) {
	if len(b.Paths) == 0 {
		return
	}
	keys := c.keys[:0]
	for _, p := range b.Paths {
		keys = append(keys, p.Path.Value)
	}
	c.keys = keys
	rebuilt := c.pathMem.rebuild(keys)
	for _, p := range c.pathMem.check(keys, rebuilt) {
		c.add(b.Paths[p.Index].Path.Pos, Error, p.Rule, "%s", p.Message)
	}
	var seen principalSet
	for _, r := range rebuilt {
		seen.reset()
		for _, i := range r.From {
			for j := range b.Paths[i].Rules {
				rule := &b.Paths[i].Rules[j]
				if first := seen.add(&rule.Principal); first != nil {
					c.add(rule.Principal.Pos, Error, RulePathDuplicatePrincipal,
						"principal %q has a second access rule for path %q (first at %s); give each principal one rule per path: merge their actions",
						rule.Principal.Value, r.Path, first.Pos.String())
				}
				c.actions(rule)
			}
		}
	}
}

// principalSet holds the principals of one path, to find a second rule for one of them. A path
// has a handful, so they are scanned in a slice reused from path to path (a map per path
// cost a fifth of the large bench file's checking); past principalSetScanMax, a map keeps a
// hostile path with very many principals linear.
type principalSet struct {
	list  []*schema.String
	index map[string]*schema.String
}

const principalSetScanMax = 16

func (s *principalSet) reset() {
	s.list, s.index = s.list[:0], nil
}

// add records p and returns nil, or returns the principal of the same name recorded first.
func (s *principalSet) add(p *schema.String) (first *schema.String) {
	if s.index != nil {
		if first := s.index[p.Value]; first != nil {
			return first
		}
		s.index[p.Value] = p
		return nil
	}
	for _, q := range s.list {
		if q.Value == p.Value {
			return q
		}
	}
	s.list = append(s.list, p)
	if len(s.list) > principalSetScanMax {
		s.index = make(map[string]*schema.String, 2*len(s.list))
		for _, q := range s.list {
			if s.index[q.Value] == nil {
				s.index[q.Value] = q
			}
		}
	}
	return nil
}

func (c *modelChecker) actions(rule *schema.AccessRule) {
	read, getOrList := -1, false
	for i, a := range rule.Actions {
		switch a.Value {
		case "read":
			if read < 0 {
				read = i
			}
		case "get", "list":
			getOrList = true
		}
	}
	if read < 0 || !getOrList {
		return
	}
	pos := rule.Actions[read].Pos
	if pos.IsZero() {
		pos = rule.Principal.Pos
	}
	c.add(pos, Warning, RulePathReadWithGetList,
		"principal %q has \"read\" together with \"get\"/\"list\"; \"read\" already means \"get\" and \"list\": keep either \"read\" or the finer actions",
		rule.Principal.Value)
}
