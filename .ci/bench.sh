#!/usr/bin/env bash
# Side-by-side benchmarks of amplify-storage-config against the Node peer (issue 7's five
# targets). Not run in CI: it needs the bench kit (../shared/bench/setup.sh installs it) and
# Node, and its numbers only mean something as ratios from one interleaved run.
#
#   .ci/bench.sh [ROUNDS]        (default 15 rounds, 2 warm-up)
#
# Environment: CACHE (the kit's cache dir, default ~/.cache/amplify-storage-bench),
# NM_TREE (a directory whose node_modules holds 200,000 files; made in a temp dir if unset).
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
cache=${CACHE:-$HOME/.cache/amplify-storage-bench}
rounds=${1:-15}
bin=$root/bin/amplify-storage-config
pb="$cache/pairbench -n $rounds -w 2 --"

[ -x "$cache/pairbench" ] || { echo "bench kit not installed: run ../shared/bench/setup.sh" >&2; exit 3; }
# Built as the README installs it: static (CGO_ENABLED=0), no dynamic loader at start-up.
export CGO_ENABLED=0
(cd "$root" && go build -o bin/amplify-storage-config ./cmd/amplify-storage-config)

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
(cd "$root" && go build -o "$tmp/floor" ./.ci/floor) # imports only: issue 7's start-up floor

echo "## 1. convert aws-exports.js (target: >= 50x the peer, <= 1.5x version)"
$pb "peer::node $cache/peer-convert.mjs $cache/inputs/aws-exports.js" \
	"ours::$bin convert $cache/inputs/aws-exports.js" \
	"version::$bin version" \
	"floor::$tmp/floor"

echo "## 2. validate one small amplify_outputs.json (target: <= 1.5x version)"
$pb "peer::node $cache/peer-validate.mjs $cache/inputs/small/out-00000.json" \
	"ours::$bin validate $cache/inputs/small/out-00000.json" \
	"version::$bin version"

echo "## 3. validate 10,000 small files as 10,000 arguments (target: >= 1.5x faster than the peer)"
# One command line of 10,000 paths is longer than one exec argument may be, so each side is a
# two-line script that expands the glob (the same small cost on both sides).
printf '#!/bin/sh\nexec node %s/peer-validate.mjs %s/inputs/small/*\n' "$cache" "$cache" >"$tmp/peer-small"
printf '#!/bin/sh\nexec %s validate %s/inputs/small/*\n' "$bin" "$cache" >"$tmp/ours-small"
chmod +x "$tmp/peer-small" "$tmp/ours-small"
$pb "peer::$tmp/peer-small" "ours::$tmp/ours-small"

echo "## 4. validate the ~6 MB file (target: >= 4x faster than the peer; peak RSS <= 3x size + 20 MB)"
large=$cache/inputs/large/amplify_outputs.json
$pb "peer::node $cache/peer-validate.mjs $large" "ours::$bin validate $large"
size=$(wc -c <"$large")
rss=$(/usr/bin/time -f %M "$bin" validate "$large" 2>&1 >/dev/null | tail -1)
echo "peak RSS: ${rss} KiB; budget 3 x $size B + 20 MiB = $(((3 * size + 20 * 1024 * 1024) / 1024)) KiB"

echo "## 5. migrate a Gen 1 project with and without 200,000 files in node_modules (target: <= +50 ms)"
cp -R "$root/fixtures/projects/gen1-managed" "$tmp/plain"
cp -R "$root/fixtures/projects/gen1-managed" "$tmp/nm"
if [ -n "${NM_TREE:-}" ] && [ -d "$NM_TREE/node_modules" ]; then
	cp -al "$NM_TREE/node_modules/." "$tmp/nm/node_modules/" 2>/dev/null || cp -R "$NM_TREE/node_modules/." "$tmp/nm/node_modules/"
else
	for p in $(seq 1 2000); do
		mkdir -p "$tmp/nm/node_modules/pkg$p"
		(cd "$tmp/nm/node_modules/pkg$p" && seq -f "f%g.js" 1 100 | xargs touch)
	done
fi
echo "node_modules files: $(find "$tmp/nm/node_modules" -type f | wc -l)"
$pb "plain::$bin migrate --dry-run $tmp/plain" "nm200k::$bin migrate --dry-run $tmp/nm"
