// Package migrate turns a Gen 1 Amplify project's storage (or any supported configuration
// files) into a Gen 2 amplify_outputs.json: it loads the project, maps Gen 1 access to Gen 2
// paths, builds and validates the outputs, merges them into an existing file and writes it
// atomically, and reports everything Gen 2 cannot express.
package migrate

import (
	"slices"
	"strings"

	"github.com/seed-258d3fb3/amplify-storage-config/schema"
)

// Gen 1 permission names (cli-inputs.json authAccess, guestAccess, groupAccess).
const (
	permCreate = "CREATE_AND_UPDATE"
	permRead   = "READ"
	permDelete = "DELETE"
)

// The prefixes Gen 1 granted access under, as Gen 2 output path keys.
const (
	// OwnerSub is the identity placeholder Gen 1 policies and Gen 2 outputs use for the owner.
	OwnerSub         = "${cognito-identity.amazonaws.com:sub}"
	pathPublic       = "public/*"
	pathProtected    = "protected/*"
	pathProtectedOwn = "protected/" + OwnerSub + "/*"
	pathPrivate      = "private/*"
	pathPrivateOwn   = "private/" + OwnerSub + "/*"
	pathUploads      = "uploads/*"
)

// Loss kinds: what Gen 2 outputs cannot say, or what the migration had to assume.
const (
	// LossGroupWholeBucket: Gen 1 gave a user-pool group the whole bucket; Gen 2 paths cannot
	// say "the whole bucket", so only the Gen 1 prefixes are carried over.
	LossGroupWholeBucket = "group-whole-bucket"
	// LossAssumedAccess: no Gen 1 access settings were found; the Gen 1 library's default
	// access levels were assumed.
	LossAssumedAccess = "assumed-default-access"
	// LossGuestWithoutGuestAccess: guestAccess is set but storageAccess is "auth".
	LossGuestWithoutGuestAccess = "guest-access-ignored"
	// LossUnknownPermission: a Gen 1 permission other than CREATE_AND_UPDATE, READ, DELETE.
	LossUnknownPermission = "unknown-permission"
	// LossDefaultAccessLevel: a native config's defaultAccessLevel; Gen 2 has no default level.
	LossDefaultAccessLevel = "default-access-level"
	// LossTestEndpoint: aws_user_files_s3_dangerously_connect_to_http_endpoint_for_testing.
	LossTestEndpoint = "test-endpoint"
	// LossTrigger: an S3 trigger function; Gen 2 outputs do not describe triggers.
	LossTrigger = "trigger-function"
	// LossVersionDrop: the chosen outputs version cannot hold buckets or paths.
	LossVersionDrop = "outputs-version"
)

// Loss is one grant or setting that Gen 2 amplify_outputs.json cannot express (or an assumption
// the migration made), with where Gen 1 says it.
type Loss struct {
	// Kind is one of the Loss* constants.
	Kind string `json:"kind"`
	// Bucket is the physical name of the bucket concerned ("" when none).
	Bucket string `json:"bucket,omitempty"`
	// Message says what is lost, in plain words.
	Message string `json:"message"`
	// Pos is the Gen 1 source of the setting (zero when derived).
	Pos schema.Pos `json:"at"`
	// reported: another finding already says it (no migrate/not-carried-over warning).
	reported bool
}

// PathsFromGen1 returns the Gen 2 access paths that reproduce what Gen 1 granted on bucket b
// (amplify-cli s3-stack-builder.ts / s3-stack-transform.ts), and what cannot be carried over:
//
//   - authenticated: the authAccess actions on public/*, on their own protected and private
//     folders (entityidentity); get,list on protected/* with READ; write on uploads/* with
//     CREATE_AND_UPDATE;
//   - guest (storageAccess authAndGuest only): the guestAccess actions on public/*; get,list on
//     protected/* with READ; write on uploads/* with CREATE_AND_UPDATE;
//   - groups<Name>: Gen 1 gave the whole bucket; the rule is added to every emitted prefix
//     (public/*, protected/*, private/*, uploads/*) and the rest of the bucket is a Loss.
//
// READ is get and list, CREATE_AND_UPDATE write, DELETE delete. Without Gen 1 access settings
// (a frontend-only or imported bucket) the Gen 1 library's default access levels are used
// (libraryDefaultPaths), reported as LossAssumedAccess.
func PathsFromGen1(b *schema.Bucket) ([]schema.AccessPath, []Loss) {
	at := firstPos(b.Name.Pos, b.BucketName.Pos)
	g := b.Gen1
	if g == nil || (!g.StorageAccess.Set && len(g.Auth) == 0 && len(g.Guest) == 0 && len(g.Groups) == 0) {
		return libraryDefaultPaths(at), []Loss{{Kind: LossAssumedAccess, Bucket: b.BucketName.Value, Pos: at,
			Message: "no Gen 1 access settings (amplify/backend/storage/<name>/cli-inputs.json) for this bucket: " +
				"assumed the Gen 1 library's default access levels as its guide's IAM policies grant them: public/* for guests and signed-in users, " +
				"read of protected/* for both, each signed-in user's own protected/ and private/ folders; " +
				"uploads/* (PutObject in those policies) is not an access level and is not assumed: check the paths against the bucket's IAM policies"}}
	}
	var losses []Loss
	withGuest := g.StorageAccess.Value == "authAndGuest"
	auth, l := perms(g.Auth, b.BucketName.Value, "authAccess")
	losses = append(losses, l...)
	guest, l := perms(g.Guest, b.BucketName.Value, "guestAccess")
	losses = append(losses, l...)
	if !withGuest && len(guest) > 0 {
		losses = append(losses, Loss{Kind: LossGuestWithoutGuestAccess, Bucket: b.BucketName.Value,
			Pos: firstPos(g.Guest[0].Pos, g.StorageAccess.Pos),
			Message: "guestAccess is set but storageAccess is " + quote(g.StorageAccess.Value) +
				" (not authAndGuest), so Gen 1 gave guests nothing; no guest rule is written"})
		guest = nil
	}

	var paths []schema.AccessPath
	add := func(path string, rules ...schema.AccessRule) {
		var kept []schema.AccessRule
		for _, r := range rules {
			if len(r.Actions) > 0 {
				kept = append(kept, r)
			}
		}
		if len(kept) > 0 {
			paths = append(paths, schema.AccessPath{Path: schema.String{Value: path, Set: true}, Rules: kept})
		}
	}
	read := func(ps perm) perm {
		if ps.has(permRead) {
			return perm{permRead}
		}
		return nil
	}
	write := func(ps perm) perm {
		if ps.has(permCreate) {
			return perm{permCreate}
		}
		return nil
	}
	var groups []schema.AccessRule
	for _, ga := range g.Groups {
		acts, l := perms(ga.Actions, b.BucketName.Value, "groupAccess."+ga.Group.Value)
		losses = append(losses, l...)
		if len(acts) == 0 {
			continue
		}
		groups = append(groups, rule("groups"+ga.Group.Value, acts, ga.Group.Pos))
		losses = append(losses, Loss{Kind: LossGroupWholeBucket, Bucket: b.BucketName.Value, Pos: ga.Group.Pos,
			Message: "Gen 1 gave group " + quote(ga.Group.Value) + " " + strings.Join(acts.actions(), ",") +
				" on the whole bucket; Gen 2 paths cannot name the whole bucket, so the rule is carried over on " +
				"public/*, protected/*, private/* and uploads/* only: objects under any other prefix are not covered"})
	}
	guestRule := func(ps perm) schema.AccessRule { return rule("guest", ps, g.StorageAccess.Pos) }
	authRule := func(ps perm) schema.AccessRule { return rule("authenticated", ps, firstPos(posOf(g.Auth), at)) }
	ownerRule := func(ps perm) schema.AccessRule { return rule("entityidentity", ps, firstPos(posOf(g.Auth), at)) }

	add(pathPublic, slices.Concat([]schema.AccessRule{guestRule(guest), authRule(auth)}, groups)...)
	add(pathProtected, slices.Concat([]schema.AccessRule{guestRule(read(guest)), authRule(read(auth))}, groups)...)
	add(pathProtectedOwn, ownerRule(auth))
	add(pathPrivate, groups...)
	add(pathPrivateOwn, ownerRule(auth))
	add(pathUploads, slices.Concat([]schema.AccessRule{guestRule(write(guest)), authRule(write(auth))}, groups)...)
	return paths, losses
}

// libraryDefaultPaths are the Gen 1 library's three access levels as its guide's manual IAM
// policies grant them (Auth_Role and Unauth_Role): public/* get, list, write, delete for guests
// and signed-in users; protected/* get, list for both; the signed-in owner's
// protected/{sub}/* and private/{sub}/* get, list, write, delete. The policies' PutObject on
// uploads/* belongs to no access level and is left out.
func libraryDefaultPaths(at schema.Pos) []schema.AccessPath {
	all := perm{permRead, permCreate, permDelete}
	read := perm{permRead}
	path := func(p string, rules ...schema.AccessRule) schema.AccessPath {
		return schema.AccessPath{Path: schema.String{Value: p, Set: true}, Rules: rules}
	}
	return []schema.AccessPath{
		path(pathPublic, rule("guest", all, at), rule("authenticated", all, at)),
		path(pathProtected, rule("guest", read, at), rule("authenticated", read, at)),
		path(pathProtectedOwn, rule("entityidentity", all, at)),
		path(pathPrivateOwn, rule("entityidentity", all, at)),
	}
}

// perm is a set of Gen 1 permissions.
type perm []string

func (p perm) has(x string) bool { return slices.Contains(p, x) }

// actions returns the Gen 2 actions, in Amplify's order: get, list, write, delete.
func (p perm) actions() []string {
	var out []string
	if p.has(permRead) {
		out = append(out, "get", "list")
	}
	if p.has(permCreate) {
		out = append(out, "write")
	}
	if p.has(permDelete) {
		out = append(out, "delete")
	}
	return out
}

// perms reads Gen 1 permissions; unknown ones are losses.
func perms(ss []schema.String, bucket, field string) (perm, []Loss) {
	var p perm
	var losses []Loss
	for _, s := range ss {
		switch v := strings.ToUpper(strings.TrimSpace(s.Value)); v {
		case permCreate, permRead, permDelete:
			if !p.has(v) {
				p = append(p, v)
			}
		default:
			losses = append(losses, Loss{Kind: LossUnknownPermission, Bucket: bucket, Pos: s.Pos,
				Message: field + " holds " + quote(s.Value) + ", not a Gen 1 permission (valid: CREATE_AND_UPDATE, DELETE, READ); it is not carried over"})
		}
	}
	return p, losses
}

func rule(principal string, p perm, at schema.Pos) schema.AccessRule {
	r := schema.AccessRule{Principal: schema.String{Value: principal, Set: true, Pos: at}}
	for _, a := range p.actions() {
		r.Actions = append(r.Actions, schema.String{Value: a, Set: true, Pos: at})
	}
	return r
}

func posOf(ss []schema.String) schema.Pos {
	if len(ss) == 0 {
		return schema.Pos{}
	}
	return ss[0].Pos
}

func firstPos(ps ...schema.Pos) schema.Pos {
	for _, p := range ps {
		if !p.IsZero() {
			return p
		}
	}
	return schema.Pos{}
}
