package validate

import (
	"regexp"
	"slices"
	"testing"
)

func TestLookupRegion(t *testing.T) {
	tests := []struct {
		region, partition string
		status            RegionStatus
	}{
		{"us-east-1", "aws", RegionKnown},
		{"eu-central-2", "aws", RegionKnown},
		{"cn-northwest-1", "aws-cn", RegionKnown},
		{"us-gov-west-1", "aws-us-gov", RegionKnown},
		{"us-iso-east-1", "aws-iso", RegionKnown},
		{"us-isob-east-1", "aws-iso-b", RegionKnown},
		{"eu-isoe-west-1", "aws-iso-e", RegionKnown},
		{"us-isof-south-1", "aws-iso-f", RegionKnown},
		{"eusc-de-east-1", "aws-eusc", RegionKnown},
		{"us-east-9", "aws", RegionUnknown},
		{"us-gov-north-1", "aws-us-gov", RegionUnknown},
		{"aws-global", "aws", RegionGlobal},
		{"us-east1", "", RegionMalformed},
		{"US-EAST-1", "", RegionMalformed},
		{"", "", RegionMalformed},
		{"virginia", "", RegionMalformed},
	}
	for _, tt := range tests {
		p, s := LookupRegion(tt.region)
		if p != tt.partition || s != tt.status {
			t.Errorf("LookupRegion(%q) = %q, %d; want %q, %d", tt.region, p, s, tt.partition, tt.status)
		}
	}
}

func TestSuggestRegion(t *testing.T) {
	tests := map[string]string{
		"us-east1":     "us-east-1",
		"US-EAST-1":    "us-east-1",
		"us_west_2":    "us-west-2",
		"useast1":      "us-east-1",
		"eu-cental-1":  "eu-central-1",
		"Frankfurt":    "eu-central-1",
		"ap-southeast": "ap-southeast-1",
		"completely":   "",
		"us-gov-west1": "us-gov-west-1",
	}
	for in, want := range tests {
		if got := SuggestRegion(in); got != want {
			t.Errorf("SuggestRegion(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestPartitionsData checks the data's own consistency: every listed region matches its
// partition's regex, regions are sorted and unique, and the partitions the AWS SDK has are there.
func TestPartitionsData(t *testing.T) {
	var ids []string
	seen := map[string]bool{}
	for _, p := range Partitions() {
		ids = append(ids, p.ID)
		re := regexp.MustCompile(p.RegionRegex)
		if !slices.IsSortedFunc(p.Regions, func(a, b Region) int { return compareStrings(a.Name, b.Name) }) {
			t.Errorf("%s: regions not sorted", p.ID)
		}
		for _, r := range p.Regions {
			if !re.MatchString(r.Name) {
				t.Errorf("%s: region %q does not match %s", p.ID, r.Name, p.RegionRegex)
			}
			if seen[r.Name] {
				t.Errorf("region %q listed twice", r.Name)
			}
			seen[r.Name] = true
			if r.Description == "" {
				t.Errorf("region %q has no description", r.Name)
			}
		}
	}
	for _, want := range []string{"aws", "aws-cn", "aws-us-gov", "aws-iso", "aws-iso-b", "aws-iso-e", "aws-iso-f", "aws-eusc"} {
		if !slices.Contains(ids, want) {
			t.Errorf("partition %q missing", want)
		}
	}
	if len(seen) < 40 {
		t.Errorf("only %d regions", len(seen))
	}
}

func compareStrings(a, b string) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}
