#!/usr/bin/env bash
# Runs the tests whose cases differ for root (read-only folders, device nodes) as an
# unprivileged user too, when `make test` runs as root (as CI does): the end-to-end scripts
# and the output-file tests, from test binaries built as root, in a scratch folder of their own.
# As a normal user there is nothing to add: `go test` already ran them unprivileged.
set -euo pipefail
GO=${GO:-go}
if [ "$(id -u)" != 0 ]; then
  echo "unprivileged tests: already running as $(id -un); nothing to add"
  exit 0
fi
if ! command -v setpriv >/dev/null 2>&1; then
  echo "unprivileged tests: skipped, setpriv (util-linux) is not installed" >&2
  exit 0
fi
uid=65534 # nobody
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
mkdir -p "$scratch/pkg/cli" "$scratch/internal/outfile" "$scratch/home" "$scratch/tmp"
"$GO" test -c -o "$scratch/cli.test" ./pkg/cli
"$GO" test -c -o "$scratch/outfile.test" ./internal/outfile
cp -r testdata "$scratch/testdata"
chmod -R a+rX "$scratch"
chown "$uid:$uid" "$scratch/home" "$scratch/tmp"
run() { # dir binary args...
  (cd "$scratch/$1" && setpriv --reuid=$uid --regid=$uid --clear-groups \
    env -i PATH="$PATH" HOME="$scratch/home" TMPDIR="$scratch/tmp" LANG=C.UTF-8 "$scratch/$2" "${@:3}")
}
echo "unprivileged tests: as uid $uid"
run pkg/cli cli.test -test.count=1 -test.run '^TestScripts$'
run internal/outfile outfile.test -test.count=1
