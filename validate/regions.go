package validate

import (
	"strings"
	"sync"
)

// Partition is one AWS partition: its region-name pattern and the regions it holds.
type Partition struct {
	// ID is the partition name (aws, aws-cn, aws-us-gov, ...).
	ID string
	// RegionRegex matches every well-formed region name of the partition.
	RegionRegex string
	// Global is the partition's global pseudo-region (aws-global), not a place where a bucket
	// or table can live.
	Global string
	// Regions are the partition's regions, sorted.
	Regions []Region
}

// Region is one AWS region and its human description.
type Region struct {
	Name        string
	Description string
}

// PartitionsVersion is the version of the AWS SDK partitions data these facts come from.
const PartitionsVersion = "1.1"

// Partitions returns every AWS partition with its regions, as the AWS SDK's partitions data
// (endpoints partitions.json, version PartitionsVersion) lists them.
func Partitions() []Partition {
	return []Partition{
		{ID: "aws", RegionRegex: `^(us|eu|ap|sa|ca|me|af|il|mx)\-\w+\-\d+$`, Global: "aws-global", Regions: []Region{
			{"af-south-1", "Africa (Cape Town)"},
			{"ap-east-1", "Asia Pacific (Hong Kong)"},
			{"ap-east-2", "Asia Pacific (Taipei)"},
			{"ap-northeast-1", "Asia Pacific (Tokyo)"},
			{"ap-northeast-2", "Asia Pacific (Seoul)"},
			{"ap-northeast-3", "Asia Pacific (Osaka)"},
			{"ap-south-1", "Asia Pacific (Mumbai)"},
			{"ap-south-2", "Asia Pacific (Hyderabad)"},
			{"ap-southeast-1", "Asia Pacific (Singapore)"},
			{"ap-southeast-2", "Asia Pacific (Sydney)"},
			{"ap-southeast-3", "Asia Pacific (Jakarta)"},
			{"ap-southeast-4", "Asia Pacific (Melbourne)"},
			{"ap-southeast-5", "Asia Pacific (Malaysia)"},
			{"ap-southeast-6", "Asia Pacific (New Zealand)"},
			{"ap-southeast-7", "Asia Pacific (Thailand)"},
			{"ca-central-1", "Canada (Central)"},
			{"ca-west-1", "Canada West (Calgary)"},
			{"eu-central-1", "Europe (Frankfurt)"},
			{"eu-central-2", "Europe (Zurich)"},
			{"eu-north-1", "Europe (Stockholm)"},
			{"eu-south-1", "Europe (Milan)"},
			{"eu-south-2", "Europe (Spain)"},
			{"eu-west-1", "Europe (Ireland)"},
			{"eu-west-2", "Europe (London)"},
			{"eu-west-3", "Europe (Paris)"},
			{"il-central-1", "Israel (Tel Aviv)"},
			{"me-central-1", "Middle East (UAE)"},
			{"me-south-1", "Middle East (Bahrain)"},
			{"me-west-1", "Middle East (Saudi Arabia)"},
			{"mx-central-1", "Mexico (Central)"},
			{"sa-east-1", "South America (Sao Paulo)"},
			{"sa-west-1", "South America (Chile)"},
			{"us-east-1", "US East (N. Virginia)"},
			{"us-east-2", "US East (Ohio)"},
			{"us-west-1", "US West (N. California)"},
			{"us-west-2", "US West (Oregon)"},
		}},
		{ID: "aws-cn", RegionRegex: `^cn\-\w+\-\d+$`, Global: "aws-cn-global", Regions: []Region{
			{"cn-north-1", "China (Beijing)"},
			{"cn-northwest-1", "China (Ningxia)"},
		}},
		{ID: "aws-eusc", RegionRegex: `^eusc\-(de)\-\w+\-\d+$`, Global: "", Regions: []Region{
			{"eusc-de-east-1", "AWS European Sovereign Cloud (Germany)"},
		}},
		{ID: "aws-iso", RegionRegex: `^us\-iso\-\w+\-\d+$`, Global: "aws-iso-global", Regions: []Region{
			{"us-iso-east-1", "US ISO East"},
			{"us-iso-west-1", "US ISO WEST"},
		}},
		{ID: "aws-iso-b", RegionRegex: `^us\-isob\-\w+\-\d+$`, Global: "aws-iso-b-global", Regions: []Region{
			{"us-isob-east-1", "US ISOB East (Ohio)"},
			{"us-isob-west-1", "US ISOB West"},
		}},
		{ID: "aws-iso-e", RegionRegex: `^eu\-isoe\-\w+\-\d+$`, Global: "aws-iso-e-global", Regions: []Region{
			{"eu-isoe-west-1", "EU ISOE West"},
		}},
		{ID: "aws-iso-f", RegionRegex: `^us\-isof\-\w+\-\d+$`, Global: "aws-iso-f-global", Regions: []Region{
			{"us-isof-east-1", "US ISOF EAST"},
			{"us-isof-south-1", "US ISOF SOUTH"},
		}},
		{ID: "aws-us-gov", RegionRegex: `^us\-gov\-\w+\-\d+$`, Global: "aws-us-gov-global", Regions: []Region{
			{"us-gov-east-1", "AWS GovCloud (US-East)"},
			{"us-gov-west-1", "AWS GovCloud (US-West)"},
		}},
	}
}

// RegionStatus says what the partitions data makes of a region name.
type RegionStatus int

// The outcomes of LookupRegion.
const (
	// RegionKnown: a region of its partition.
	RegionKnown RegionStatus = iota
	// RegionUnknown: well-formed for a partition (its region regex matches) but not listed;
	// possibly a region newer than the data.
	RegionUnknown
	// RegionGlobal: a partition's global pseudo-region (aws-global), where nothing is stored.
	RegionGlobal
	// RegionMalformed: no partition's region regex matches.
	RegionMalformed
)

// compiledPartition is a Partition with its regions as a set and its region regex compiled on
// first use: a listed region (nearly every one a file names) needs no regex, and compiling the
// eight took about a tenth of a small convert's own work.
type compiledPartition struct {
	Partition
	re    *lazyRegexp
	known map[string]bool
}

// compiledPartitions builds the partitions' region sets once; the result is never modified.
var compiledPartitions = sync.OnceValue(func() []compiledPartition {
	ps := Partitions()
	out := make([]compiledPartition, len(ps))
	for i, p := range ps {
		known := make(map[string]bool, len(p.Regions))
		for _, r := range p.Regions {
			known[r.Name] = true
		}
		out[i] = compiledPartition{Partition: p, known: known, re: &lazyRegexp{expr: p.RegionRegex}}
	}
	return out
})

// LookupRegion classifies a region name and names the partition it belongs to ("" when
// malformed). A listed region wins over a regex match, so a region is placed in the partition
// that lists it even where two partitions' patterns overlap.
func LookupRegion(name string) (partition string, status RegionStatus) {
	ps := compiledPartitions()
	for _, p := range ps {
		if p.known[name] {
			return p.ID, RegionKnown
		}
		if p.Global != "" && p.Global == name {
			return p.ID, RegionGlobal
		}
	}
	for _, p := range ps {
		if p.re.MatchString(name) {
			return p.ID, RegionUnknown
		}
	}
	return "", RegionMalformed
}

// SuggestRegion returns the known region that s most likely means ("" when none is close):
// it forgives case, "_" or " " for "-", a missing "-" before the number (us-east1), a region
// description (Frankfurt), and up to two typing mistakes.
func SuggestRegion(s string) string {
	norm := strings.ToLower(strings.TrimSpace(s))
	norm = strings.NewReplacer("_", "-", " ", "-").Replace(norm)
	squashed := strings.ReplaceAll(norm, "-", "")
	type cand struct{ name, desc string }
	var all []cand
	for _, p := range compiledPartitions() {
		for _, r := range p.Regions {
			all = append(all, cand{r.Name, strings.ToLower(r.Description)})
		}
	}
	for _, c := range all {
		if c.name == norm || strings.ReplaceAll(c.name, "-", "") == squashed {
			return c.name
		}
	}
	if len(norm) >= 4 && squashed != "" {
		words := strings.ReplaceAll(norm, "-", " ")
		for _, c := range all {
			if strings.Contains(c.desc, words) {
				return c.name
			}
		}
	}
	best, bestDist := "", 3
	for _, c := range all {
		if d := EditDistance(norm, c.name, bestDist); d < bestDist {
			best, bestDist = c.name, d
		}
	}
	return best
}
