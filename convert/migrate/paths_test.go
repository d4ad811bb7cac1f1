package migrate

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/seed-258d3fb3/amplify-storage-config/schema"
)

func s(v string) schema.String {
	return schema.Str(v, schema.At(schema.Place{File: "amplify/backend/storage/media/cli-inputs.json", Line: 2, Column: 3}))
}

func list(vs ...string) []schema.String {
	var out []schema.String
	for _, v := range vs {
		out = append(out, s(v))
	}
	return out
}

// flatten renders paths as "path principal=a,b" lines for comparison.
func flatten(ps []schema.AccessPath) []string {
	var out []string
	for _, p := range ps {
		for _, r := range p.Rules {
			var acts []string
			for _, a := range r.Actions {
				acts = append(acts, a.Value)
			}
			out = append(out, p.Path.Value+" "+r.Principal.Value+"="+strings.Join(acts, ","))
		}
	}
	return out
}

func kinds(ls []Loss) []string {
	var out []string
	for _, l := range ls {
		out = append(out, l.Kind)
	}
	return out
}

const sub = "${cognito-identity.amazonaws.com:sub}"

func TestPathsFromGen1(t *testing.T) {
	tests := []struct {
		name   string
		access *schema.Gen1Access
		want   []string
		losses []string
	}{
		{
			name:   "auth only, read",
			access: &schema.Gen1Access{StorageAccess: s("auth"), Auth: list("READ")},
			want: []string{"public/* authenticated=get,list", "protected/* authenticated=get,list",
				"protected/" + sub + "/* entityidentity=get,list", "private/" + sub + "/* entityidentity=get,list"},
		},
		{
			name:   "auth create and delete, no read",
			access: &schema.Gen1Access{StorageAccess: s("auth"), Auth: list("CREATE_AND_UPDATE", "DELETE")},
			want: []string{"public/* authenticated=write,delete", "protected/" + sub + "/* entityidentity=write,delete",
				"private/" + sub + "/* entityidentity=write,delete", "uploads/* authenticated=write"},
		},
		{
			name: "auth and guest with groups",
			access: &schema.Gen1Access{StorageAccess: s("authAndGuest"), Auth: list("CREATE_AND_UPDATE", "READ", "DELETE"),
				Guest:  list("READ", "CREATE_AND_UPDATE"),
				Groups: []schema.GroupAccess{{Group: s("Admins"), Actions: list("READ", "DELETE")}}},
			want: []string{
				"public/* guest=get,list,write", "public/* authenticated=get,list,write,delete", "public/* groupsAdmins=get,list,delete",
				"protected/* guest=get,list", "protected/* authenticated=get,list", "protected/* groupsAdmins=get,list,delete",
				"protected/" + sub + "/* entityidentity=get,list,write,delete",
				"private/* groupsAdmins=get,list,delete",
				"private/" + sub + "/* entityidentity=get,list,write,delete",
				"uploads/* guest=write", "uploads/* authenticated=write", "uploads/* groupsAdmins=get,list,delete"},
			losses: []string{LossGroupWholeBucket},
		},
		{
			name:   "guest access under auth is not granted",
			access: &schema.Gen1Access{StorageAccess: s("auth"), Auth: list("READ"), Guest: list("READ", "BOGUS")},
			want: []string{"public/* authenticated=get,list", "protected/* authenticated=get,list",
				"protected/" + sub + "/* entityidentity=get,list", "private/" + sub + "/* entityidentity=get,list"},
			losses: []string{LossUnknownPermission, LossGuestWithoutGuestAccess},
		},
		{
			name: "no settings: the library's defaults",
			want: []string{
				"public/* guest=get,list,write,delete", "public/* authenticated=get,list,write,delete",
				"protected/* guest=get,list", "protected/* authenticated=get,list",
				"protected/" + sub + "/* entityidentity=get,list,write,delete",
				"private/" + sub + "/* entityidentity=get,list,write,delete"},
			losses: []string{LossAssumedAccess},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			b := &schema.Bucket{Name: s("media"), BucketName: s("media-bucket"), Gen1: tt.access}
			paths, losses := PathsFromGen1(b)
			if diff := cmp.Diff(tt.want, flatten(paths)); diff != "" {
				t.Errorf("paths (-want +got):\n%s", diff)
			}
			if diff := cmp.Diff(tt.losses, kinds(losses)); diff != "" {
				t.Errorf("losses (-want +got):\n%s", diff)
			}
			for _, l := range losses {
				if l.Pos.File() == "" || l.Message == "" || l.Bucket != "media-bucket" {
					t.Errorf("loss without position, message or bucket: %+v", l)
				}
			}
		})
	}
}

func TestUnifiedDiff(t *testing.T) {
	if d := UnifiedDiff("a", "b", []byte("x\n"), []byte("x\n")); d != "" {
		t.Errorf("equal inputs: %q", d)
	}
	old := "1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n11\n12\n"
	new := "1\n2\nthree\n4\n5\n6\n7\n8\n9\n10\n11\n12\n13"
	want := "--- a\n+++ b\n@@ -1,6 +1,6 @@\n 1\n 2\n-3\n+three\n 4\n 5\n 6\n@@ -10,3 +10,4 @@\n 10\n 11\n 12\n+13\n\\ No newline at end of file\n"
	if d := UnifiedDiff("a", "b", []byte(old), []byte(new)); d != want {
		t.Errorf("diff:\n%s\nwant:\n%s", d, want)
	}
	if d := UnifiedDiff("/dev/null", "b", nil, []byte("a\nb\n")); d != "--- /dev/null\n+++ b\n@@ -0,0 +1,2 @@\n+a\n+b\n" {
		t.Errorf("new file diff:\n%s", d)
	}
}
