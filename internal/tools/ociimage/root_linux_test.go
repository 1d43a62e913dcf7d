package main

import (
	"archive/tar"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
	"testing"
	"time"

	v1 "github.com/google/go-containerregistry/pkg/v1"
	"github.com/google/go-containerregistry/pkg/v1/layout"
)

// The image's binary does its CI job in the image's root alone, as the image's user: no shell, no
// /tmp, no /etc, no HOME. Needs root (to chroot); the unprivileged rerun skips it.
func TestBinaryRunsInImageRoot(t *testing.T) {
	if os.Geteuid() != 0 || runtime.GOOS != "linux" {
		t.Skip("needs root on linux to chroot")
	}
	dir := t.TempDir()
	bin := filepath.Join(dir, "stackadvisor")
	build := exec.Command("go", "build", "-o", bin, "../../../cmd/stackadvisor")
	build.Env = append(os.Environ(), "CGO_ENABLED=0")
	if out, err := build.CombinedOutput(); err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	out := filepath.Join(dir, "image")
	digest, err := buildImage(t, out, bin)
	if err != nil {
		t.Fatal(err)
	}
	root := filepath.Join(dir, "root")
	unpack(t, out, digest, root)
	if err := os.Chmod(root, 0o755); err != nil {
		t.Fatal(err)
	}
	run := func(args ...string) string {
		t.Helper()
		cmd := exec.Command("/stackadvisor", args...)
		cmd.Dir = "/work"
		cmd.Env = []string{}
		cmd.SysProcAttr = &syscall.SysProcAttr{Chroot: root, Credential: &syscall.Credential{Uid: 65532, Gid: 65532}}
		b, err := cmd.CombinedOutput()
		if err != nil {
			t.Fatalf("stackadvisor %s: %v\n%s", strings.Join(args, " "), err, b)
		}
		return string(b)
	}
	if got := run("adr", "new", "stack", "adr", "--workloads", "web-services"); !strings.HasPrefix(got, "adr/0001-stack-") {
		t.Errorf("adr new printed %q", got)
	}
	if got := run("adr", "check", "adr"); !strings.Contains(got, "unchanged") {
		t.Errorf("adr check printed %q", got)
	}
}

func buildImage(t *testing.T, out, bin string) (v1.Hash, error) {
	t.Helper()
	return build("1.2.3", time.Unix(0, 0).UTC(), out, []string{runtime.GOOS + "/" + runtime.GOARCH + "=" + bin})
}

// unpack writes the layout's image for this platform into root, as a container runtime would.
func unpack(t *testing.T, out string, digest v1.Hash, root string) {
	t.Helper()
	p, err := layout.FromPath(out)
	if err != nil {
		t.Fatal(err)
	}
	ix, err := p.ImageIndex()
	if err != nil {
		t.Fatal(err)
	}
	inner, err := ix.ImageIndex(digest)
	if err != nil {
		t.Fatal(err)
	}
	m, err := inner.IndexManifest()
	if err != nil || len(m.Manifests) != 1 {
		t.Fatalf("%v, %v", m, err)
	}
	img, err := inner.Image(m.Manifests[0].Digest)
	if err != nil {
		t.Fatal(err)
	}
	layers, err := img.Layers()
	if err != nil {
		t.Fatal(err)
	}
	rc, err := layers[0].Uncompressed()
	if err != nil {
		t.Fatal(err)
	}
	defer rc.Close()
	for tr := tar.NewReader(rc); ; {
		h, err := tr.Next()
		if err == io.EOF {
			return
		}
		if err != nil {
			t.Fatal(err)
		}
		target := filepath.Join(root, filepath.FromSlash(h.Name))
		switch h.Typeflag {
		case tar.TypeDir:
			err = os.MkdirAll(target, os.FileMode(h.Mode))
			if err == nil {
				err = os.Chmod(target, os.FileMode(h.Mode)) // past the umask, as a runtime does
			}
		case tar.TypeReg:
			var b []byte
			if b, err = io.ReadAll(tr); err == nil {
				err = os.WriteFile(target, b, os.FileMode(h.Mode))
			}
		}
		if err != nil {
			t.Fatal(err)
		}
	}
}
