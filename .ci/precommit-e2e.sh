#!/usr/bin/env bash
# End-to-end check of .pre-commit-hooks.yaml with the real pre-commit (Debian package
# `pre-commit`): snapshot this working tree as a git repository, install both hooks into a fresh
# git repository with `pre-commit install`, and show each hook passing on a good commit and
# failing on a bad one. Runs offline: pre-commit clones the snapshot from disk, and its
# `go install ./...` (language: golang) builds from the local module cache (GOMODCACHE is kept,
# GOPROXY=off).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
command -v pre-commit >/dev/null || { echo "pre-commit is not installed (apt-get install -y pre-commit)"; exit 1; }
command -v go >/dev/null || { echo "go is not installed"; exit 1; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export PRE_COMMIT_HOME=$work/pre-commit-home
export GOMODCACHE=${GOMODCACHE:-$(go env GOMODCACHE)}
export GOPROXY=off GOFLAGS=-mod=mod
export GIT_AUTHOR_NAME=e2e GIT_AUTHOR_EMAIL=e2e@example.invalid
export GIT_COMMITTER_NAME=e2e GIT_COMMITTER_EMAIL=e2e@example.invalid
git() { command git -c init.defaultBranch=main -c commit.gpgsign=false "$@"; }

fail() { echo "FAIL: $*"; exit 1; }
pass() { echo "ok: $*"; }

echo "--- snapshot of the working tree (tracked and untracked, not ignored files)"
snap=$work/hooks-repo
mkdir -p "$snap"
(cd "$root" && git ls-files -co --exclude-standard -z | xargs -0 -I{} cp --parents {} "$snap/")
(cd "$snap" && git init -q && git add -A && git commit -qm snapshot)
rev=$(cd "$snap" && git rev-parse HEAD)
pre-commit --version

echo "--- a project using both hooks"
proj=$work/project
mkdir -p "$proj"
cd "$proj"
git init -q
cat > .pre-commit-config.yaml <<YAML
repos:
  - repo: $snap
    rev: $rev
    hooks:
      - id: amplify-storage-config-validate
      - id: amplify-storage-config-migrate-check
YAML
git add .pre-commit-config.yaml
pre-commit install
git commit -qm "pre-commit config" || fail "committing the config alone"

commit() { # commit MESSAGE: runs the installed git hook; its output goes to $work/hook.log
  git commit -m "$1" >"$work/hook.log" 2>&1
}

echo "--- validate hook: a good Gen 2 amplify_outputs.json is accepted"
mkdir -p app
cat > app/amplify_outputs.json <<'JSON'
{
  "version": "1.5",
  "storage": {
    "aws_region": "us-east-1",
    "bucket_name": "my-app-media-bucket",
    "buckets": [
      {"name": "media", "bucket_name": "my-app-media-bucket", "aws_region": "us-east-1",
       "paths": {"public/*": {"guest": ["get", "list"], "authenticated": ["get", "list", "write", "delete"]}}}
    ]
  }
}
JSON
git add app/amplify_outputs.json
commit "good outputs" || { cat "$work/hook.log"; fail "the validate hook rejected a good file"; }
grep -q 'validate Amplify storage configuration.*Passed' "$work/hook.log" || { cat "$work/hook.log"; fail "the validate hook did not run"; }
pass "validate hook passed on a good file"

echo "--- validate hook: a bad bucket name is refused, with file:line:col"
sed -i 's/"bucket_name": "my-app-media-bucket",$/"bucket_name": "My_App_Media",/' app/amplify_outputs.json
git add app/amplify_outputs.json
if commit "bad outputs"; then cat "$work/hook.log"; fail "the validate hook accepted a bad file"; fi
cat "$work/hook.log"
grep -q 'app/amplify_outputs.json:5:20: error: ' "$work/hook.log" || fail "no positioned diagnostic in the hook output"
pass "validate hook failed on a bad file"
git checkout -q HEAD -- app/amplify_outputs.json

echo "--- migrate-check hook: a Gen 1 project without amplify_outputs.json is refused"
cp -r "$root/fixtures/projects/gen1-imported/amplify" amplify
git add amplify
if commit "gen1 backend"; then cat "$work/hook.log"; fail "migrate --check accepted a missing amplify_outputs.json"; fi
grep -q 'missing' "$work/hook.log" || { cat "$work/hook.log"; fail "migrate --check did not say the file is missing"; }
pass "migrate-check hook failed while amplify_outputs.json is missing"

echo "--- migrate-check hook: after migrate, the commit goes through"
go run -C "$snap" ./cmd/amplify-storage-config migrate "$proj" 2>/dev/null
git add amplify amplify_outputs.json
commit "gen1 backend and its Gen 2 outputs" || { cat "$work/hook.log"; fail "migrate --check rejected an up-to-date file"; }
grep -q 'up to date with the Gen 1 storage.*Passed' "$work/hook.log" || { cat "$work/hook.log"; fail "the migrate-check hook did not run"; }
pass "migrate-check hook passed on an up-to-date amplify_outputs.json"

echo "--- migrate-check hook: a stale amplify_outputs.json is refused"
sed -i 's/acme-invoices-prod-eu/acme-invoices-old/' amplify_outputs.json
git add amplify_outputs.json
if commit "stale outputs"; then cat "$work/hook.log"; fail "migrate --check accepted a stale file"; fi
grep -q '^-.*acme-invoices-old' "$work/hook.log" || { cat "$work/hook.log"; fail "no diff in the hook output"; }
pass "migrate-check hook failed on a stale amplify_outputs.json"

echo "pre-commit end to end: all passed"
