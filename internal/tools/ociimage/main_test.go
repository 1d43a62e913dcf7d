package main

import (
	"archive/tar"
	"fmt"
	"io"
	"log"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/google/go-containerregistry/pkg/name"
	"github.com/google/go-containerregistry/pkg/registry"
	v1 "github.com/google/go-containerregistry/pkg/v1"
	"github.com/google/go-containerregistry/pkg/v1/layout"
	"github.com/google/go-containerregistry/pkg/v1/remote"
)

// The layout holds one image per platform, each the binary alone at /stackadvisor, run as a
// non-root user, dated by the commit; the same binaries give the same digests.
func TestImage(t *testing.T) {
	dir := t.TempDir()
	bin := filepath.Join(dir, "stackadvisor")
	if err := os.WriteFile(bin, []byte("#!/bin/true\n"), 0o755); err != nil {
		t.Fatal(err)
	}
	when := time.Date(2026, 12, 7, 0, 0, 0, 0, time.UTC)
	digests := func(out string) []string {
		t.Helper()
		digest, err := build("1.2.3", when, out, []string{"linux/amd64=" + bin, "linux/arm64=" + bin})
		if err != nil {
			t.Fatal(err)
		}
		p, err := layout.FromPath(out)
		if err != nil {
			t.Fatal(err)
		}
		top, err := p.ImageIndex()
		if err != nil {
			t.Fatal(err)
		}
		tm, err := top.IndexManifest()
		if err != nil {
			t.Fatal(err)
		}
		// One entry, the multi-platform index, tagged with the version (what skopeo's oci:DIR:TAG reads).
		if len(tm.Manifests) != 1 || tm.Manifests[0].Digest != digest ||
			tm.Manifests[0].Annotations["org.opencontainers.image.ref.name"] != "1.2.3" {
			t.Fatalf("index.json %+v, want one entry %s tagged 1.2.3", tm.Manifests, digest)
		}
		idx, err := top.ImageIndex(digest)
		if err != nil {
			t.Fatal(err)
		}
		m, err := idx.IndexManifest()
		if err != nil {
			t.Fatal(err)
		}
		out2 := []string{digest.String()}
		for _, d := range m.Manifests {
			out2 = append(out2, d.Digest.String())
			img, err := idx.Image(d.Digest)
			if err != nil {
				t.Fatal(err)
			}
			cfg, err := img.ConfigFile()
			if err != nil {
				t.Fatal(err)
			}
			if cfg.Config.User != "65532:65532" || len(cfg.Config.Entrypoint) != 1 || cfg.Config.Entrypoint[0] != "/stackadvisor" ||
				!cfg.Created.Time.Equal(when) || cfg.OS != "linux" || d.Platform == nil || d.Platform.Architecture != cfg.Architecture {
				t.Errorf("config %+v, platform %+v", cfg.Config, d.Platform)
			}
			layers, err := img.Layers()
			if err != nil || len(layers) != 1 {
				t.Fatalf("%d layers: %v", len(layers), err)
			}
			rc, err := layers[0].Uncompressed()
			if err != nil {
				t.Fatal(err)
			}
			var names []string
			for tr := tar.NewReader(rc); ; {
				h, err := tr.Next()
				if err == io.EOF {
					break
				}
				if err != nil {
					t.Fatal(err)
				}
				names = append(names, fmt.Sprintf("%s %o %d:%d", h.Name, h.Mode, h.Uid, h.Gid))
			}
			rc.Close()
			if got := strings.Join(names, ", "); got != "work/ 777 0:0, stackadvisor 755 0:0" {
				t.Errorf("layer holds %s, want the binary alone and the working folder", got)
			}
		}
		if len(out2) != 3 {
			t.Fatalf("%d images, want 2", len(out2)-1)
		}
		return out2
	}
	a, b := digests(filepath.Join(dir, "a")), digests(filepath.Join(dir, "b"))
	if a[0] != b[0] || a[1] != b[1] || a[2] != b[2] {
		t.Errorf("two builds differ: %v, %v", a, b)
	}
}

// A pushed layout arrives whole: the registry serves the same index under the version's tag, and
// each platform's image from it.
func TestPush(t *testing.T) {
	srv := httptest.NewServer(registry.New(registry.Logger(log.New(io.Discard, "", 0))))
	defer srv.Close()
	dir := t.TempDir()
	bin := filepath.Join(dir, "stackadvisor")
	if err := os.WriteFile(bin, []byte("#!/bin/true\n"), 0o755); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "image")
	built, err := build("1.2.3", time.Unix(0, 0).UTC(), out, []string{"linux/amd64=" + bin, "linux/arm64=" + bin})
	if err != nil {
		t.Fatal(err)
	}
	repo := strings.TrimPrefix(srv.URL, "http://") + "/stackadvisor"
	pushed, err := pushLayout(out, repo, "", "")
	if err != nil || pushed != built {
		t.Fatalf("pushed %s (%v), built %s", pushed, err, built)
	}
	ix, err := remote.Index(mustRef(t, repo+":1.2.3"))
	if err != nil {
		t.Fatal(err)
	}
	if got, _ := ix.Digest(); got != built {
		t.Errorf("the registry serves %s, want %s", got, built)
	}
	img, err := remote.Image(mustRef(t, repo+":1.2.3"), remote.WithPlatform(v1.Platform{OS: "linux", Architecture: "arm64"}))
	if err != nil {
		t.Fatal(err)
	}
	if cfg, err := img.ConfigFile(); err != nil || cfg.Architecture != "arm64" {
		t.Errorf("arm64 image: %+v, %v", cfg, err)
	}
	if _, err := pushLayout(dir, repo, "", ""); err == nil {
		t.Error("a folder that is no image layout was pushed")
	}
}

func mustRef(t *testing.T, s string) name.Reference {
	t.Helper()
	ref, err := name.ParseReference(s)
	if err != nil {
		t.Fatal(err)
	}
	return ref
}
