package cli

import (
	"archive/tar"
	"compress/gzip"
	"crypto/sha256"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// The GitHub Action's script (action.yml runs scripts/action.sh) downloads the release for the
// runner, checks it against SHA256SUMS and runs it with the README example's arguments: on
// records that stand it exits 0, once the policy excludes a pick 1; an archive that does not
// match its checksum is not run.
func TestActionScript(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("the action's script is POSIX sh; Windows runners use the same script under Git Bash")
	}
	for _, tool := range []string{"sh", "curl", "sha256sum", "tar", "go"} {
		if _, err := exec.LookPath(tool); err != nil {
			t.Skipf("%s is not installed", tool)
		}
	}
	script, err := filepath.Abs("../../scripts/action.sh")
	if err != nil {
		t.Fatal(err)
	}
	args := ciExamples(t)["github"]

	// A release folder as GitHub serves it: download/TAG/{archive, SHA256SUMS}.
	dir := t.TempDir()
	bin := filepath.Join(dir, "stackadvisor")
	build := exec.Command("go", "build", "-o", bin, "./cmd/stackadvisor")
	build.Dir = "../.."
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	name := "stackadvisor_0.0.0-test_" + runtime.GOOS + "_" + runtime.GOARCH // as .goreleaser.yaml names them
	rel := filepath.Join(dir, "releases", "download", "v0.0.0-test")
	if err := os.MkdirAll(rel, 0o755); err != nil {
		t.Fatal(err)
	}
	writeRelease := func(binary []byte) {
		t.Helper()
		archive := filepath.Join(rel, name+".tar.gz")
		f, err := os.Create(archive)
		if err != nil {
			t.Fatal(err)
		}
		gz := gzip.NewWriter(f)
		tw := tar.NewWriter(gz)
		if err := tw.WriteHeader(&tar.Header{Name: "stackadvisor", Mode: 0o755, Size: int64(len(binary))}); err != nil {
			t.Fatal(err)
		}
		if _, err := tw.Write(binary); err != nil {
			t.Fatal(err)
		}
		for _, c := range []interface{ Close() error }{tw, gz, f} {
			if err := c.Close(); err != nil {
				t.Fatal(err)
			}
		}
		data, err := os.ReadFile(archive)
		if err != nil {
			t.Fatal(err)
		}
		sums := fmt.Sprintf("%x  %s\n%x  other.tar.gz\n", sha256.Sum256(data), name+".tar.gz", sha256.Sum256(nil))
		if err := os.WriteFile(filepath.Join(rel, "SHA256SUMS"), []byte(sums), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	binary, err := os.ReadFile(bin)
	if err != nil {
		t.Fatal(err)
	}
	writeRelease(binary)

	// The repository the workflow checks out: records written with the policy.
	repo := t.TempDir()
	t.Chdir(repo)
	if err := os.MkdirAll("policy", 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile("policy/engine.yaml", []byte("category: engine\nrules:\n  - {id: org.note, when: {}, effect: caveat, target: {ids: [podman]}, because: {en: \"Ask first.\", zh: \"先问。\"}, source: \"https://wiki.example.com\"}\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, stderr, code := run("adr", "new", "sandbox", "docs/adr", "--tenancy", "untrusted", "--rules", "policy/"); code != 0 {
		t.Fatalf("adr new: %s", stderr)
	}
	action := func() (string, int) {
		t.Helper()
		cmd := exec.Command("sh", script)
		cmd.Env = append(os.Environ(), "STACKADVISOR_BASE_URL=file://"+filepath.Join(dir, "releases"), "STACKADVISOR_VERSION=v0.0.0-test",
			"STACKADVISOR_ARGS="+strings.Join(args, " "), "RUNNER_OS=", "RUNNER_ARCH=", "NO_COLOR=1")
		if runtime.GOOS == "darwin" {
			cmd.Env = append(cmd.Env, "RUNNER_OS=macOS")
		}
		out, err := cmd.CombinedOutput()
		code := 0
		if ee, ok := err.(*exec.ExitError); ok {
			code = ee.ExitCode()
		} else if err != nil {
			t.Fatal(err)
		}
		return string(out), code
	}
	if out, code := action(); code != 0 || !strings.Contains(out, "0001-sandbox-kata.md: unchanged") {
		t.Errorf("the action on records that stand: exit %d\n%s", code, out)
	}
	if err := os.WriteFile("policy/hosts.yaml", []byte("category: sandbox\nrules:\n  - {id: org.no-kata, when: {}, effect: exclude, target: {ids: [kata]}, because: {en: \"No nested virtualization.\", zh: \"无。\"}, source: \"https://wiki.example.com/hosts\"}\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if out, code := action(); code != ExitFailure || !strings.Contains(out, "0001-sandbox-kata.md: changed") {
		t.Errorf("the action once the policy excludes the pick: exit %d\n%s", code, out)
	}
	// An archive that is not the one the checksums name is not run.
	writeRelease(binary)
	sums, _ := os.ReadFile(filepath.Join(rel, "SHA256SUMS"))
	if err := os.WriteFile(filepath.Join(rel, "SHA256SUMS"), []byte(strings.Replace(string(sums), string(sums[:8]), "00000000", 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	if out, code := action(); code != 1 || !strings.Contains(out, "does not match the release's SHA256SUMS; nothing was run") || strings.Contains(out, "0001-sandbox-kata.md") {
		t.Errorf("a tampered release: exit %d\n%s", code, out)
	}
}
