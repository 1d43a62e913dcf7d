#!/bin/sh
# The GitHub Action's script (action.yml): download a stackadvisor release for this runner,
# verify it against the release's SHA256SUMS, and run stackadvisor with the given arguments.
#
#   STACKADVISOR_VERSION   the release tag (v1.2.3), or "latest"
#   STACKADVISOR_ARGS      the arguments, split on white space (default: adr check docs/adr)
#   STACKADVISOR_BASE_URL  where releases live (default: this repository's GitHub releases;
#                          the tests point it at a folder)
#   RUNNER_OS, RUNNER_ARCH set by GitHub Actions (Linux/macOS/Windows, X64/ARM64)
#
# Nothing is run unless the archive's checksum matches; the exit code is stackadvisor's.
set -eu

version=${STACKADVISOR_VERSION:-latest}
args=${STACKADVISOR_ARGS:-adr check docs/adr}
base=${STACKADVISOR_BASE_URL:-https://github.com/stackadvisor/stackadvisor/releases}

case "${RUNNER_OS:-$(uname -s)}" in
  Linux) os=linux ;;
  macOS | Darwin) os=darwin ;;
  Windows | MINGW* | MSYS*) os=windows ;;
  *) echo "stackadvisor action: unsupported runner OS ${RUNNER_OS:-$(uname -s)}" >&2; exit 2 ;;
esac
case "${RUNNER_ARCH:-$(uname -m)}" in
  X64 | x86_64 | amd64) arch=amd64 ;;
  ARM64 | aarch64 | arm64) arch=arm64 ;;
  *) echo "stackadvisor action: unsupported runner architecture ${RUNNER_ARCH:-$(uname -m)}" >&2; exit 2 ;;
esac

if [ "$version" = latest ]; then
  # The latest release's page redirects to .../tag/vX.Y.Z: its tag names the archives.
  version=$(curl -fsSLI -o /dev/null -w '%{url_effective}' "$base/latest")
  version=${version##*/}
fi
url="$base/download/$version"
name="stackadvisor_${version#v}_${os}_${arch}"
archive="$name.tar.gz"
[ "$os" = windows ] && archive="$name.zip"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
curl -fsSL -o "$work/$archive" "$url/$archive"
curl -fsSL -o "$work/SHA256SUMS" "$url/SHA256SUMS"
if ! (cd "$work" && grep " $archive\$" SHA256SUMS | sha256sum -c - >/dev/null); then
  echo "stackadvisor action: $archive does not match the release's SHA256SUMS; nothing was run" >&2
  exit 1
fi
if [ "$os" = windows ]; then
  (cd "$work" && unzip -q "$archive")
  bin="$work/stackadvisor.exe"
else
  tar -xzf "$work/$archive" -C "$work"
  bin="$work/stackadvisor"
fi

# The arguments are split on white space on purpose: a workflow writes them as one string.
# shellcheck disable=SC2086
set +e
"$bin" $args
code=$?
exit $code
