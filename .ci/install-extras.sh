# Sourced by .ci/run: installs what the end-to-end tests need beyond Go, from the package
# registries (npm, Debian), and exports the paths the tests read. Fails the run when an install
# fails, so that no test skips itself in CI.

# The official SARIF 2.1.0 JSON Schema (draft-04, "2.1.0-rtm.5") ships in npm
# @microsoft/jest-sarif; cmd/amplify-storage-config/testdata/script/sarif_schema.txtar validates
# the --format sarif output against it. Pinned version and checksum.
sarif_dir=${SARIF_CACHE:-$HOME/.cache/amplify-storage-config-sarif}
sarif_file=$sarif_dir/package/lib/schemas/sarif-2.1.0-rtm.5.json
if [[ ! -f $sarif_file ]]; then
  mkdir -p "$sarif_dir"
  (cd "$sarif_dir" && npm pack --silent @microsoft/jest-sarif@1.0.0-beta.0 >/dev/null \
    && tar xzf microsoft-jest-sarif-1.0.0-beta.0.tgz package/lib/schemas/sarif-2.1.0-rtm.5.json)
fi
echo "2d99159ae54a3eea97f81781cff48780548657c35949f4b7f25e99a2ba4de4f8  $sarif_file" | sha256sum -c -
export SARIF_SCHEMA=$sarif_file

# pre-commit (Debian package) for .ci/precommit-e2e.sh.
if ! command -v pre-commit >/dev/null; then
  sudo=""
  [[ $(id -u) == 0 ]] || sudo=sudo
  $sudo apt-get install -y -q pre-commit >/dev/null 2>&1 \
    || { $sudo apt-get update -q >/dev/null && $sudo apt-get install -y -q pre-commit >/dev/null; }
fi
pre-commit --version
