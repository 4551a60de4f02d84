#!/usr/bin/env bash
# The action's first step: which release of the command line (this action's own version unless
# the workflow names one), where releases are, and the folder it is installed and cached in.
set -euo pipefail
here=${GITHUB_ACTION_PATH:?runs as a step of the action}

version=${INPUT_VERSION:-}
version=${version#v}
if [ -z "$version" ]; then
  # The action's ref carries Cargo.toml, whose version is the release made from that ref.
  version=$(sed -n '/^\[workspace.package\]/,/^\[/{s/^version = "\(.*\)"/\1/p;}' "$here/Cargo.toml")
fi
[ -n "$version" ] || { echo "::error::lifetime-guard: no version in $here/Cargo.toml; set the action's version input"; exit 1; }

releases=${INPUT_RELEASES_URL:-}
if [ -z "$releases" ]; then
  # github.action_repository is empty in composite actions (actions/runner#2525): the runner
  # checks an action out at .../_actions/OWNER/REPO/REF, which names it. An action used from the
  # workflow's own repository (uses: ./) is that repository's.
  case "$here" in
    */_actions/*/*/*)
      rest=${here#*/_actions/}
      repo=$(printf '%s' "$rest" | cut -d/ -f1-2)
      ;;
    *) repo=${GITHUB_REPOSITORY:?} ;;
  esac
  releases="${GITHUB_SERVER_URL:-https://github.com}/$repo/releases/download"
fi

os=${RUNNER_OS:-$(uname -s)}
arch=${RUNNER_ARCH:-$(uname -m)}
dir="${RUNNER_TOOL_CACHE:-${RUNNER_TEMP:-/tmp}}/lifetime-guard/$version/$arch"
{
  echo "version=$version"
  echo "releases-url=$releases"
  echo "dir=$dir"
  echo "cache-key=lifetime-guard-$version-$os-$arch"
} >> "${GITHUB_OUTPUT:?}"
echo "lifetime-guard $version from $releases"
