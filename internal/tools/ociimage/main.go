// Command ociimage builds stackadvisor's container image from the linux binaries of a release
// (make dist), without a Docker daemon or a registry: an OCI image layout holding one
// multi-platform index, tagged with the version, of an image per architecture, each the binary
// alone on an empty base, run as a non-root user (65532), with every time set to the commit's, so
// that the same binaries give the same digest (printed on stdout).
//
//	ociimage -version 1.2.3 -time 1796601600 -out dist/image linux/amd64=dist/…/stackadvisor linux/arm64=…
//
// `ociimage -out dist/image -push ghcr.io/stackadvisor/stackadvisor` pushes it (make release);
// `skopeo copy oci:dist/image:1.2.3 docker-daemon:stackadvisor:1.2.3` loads it locally. CI runs it as
// `docker run --rm -v "$PWD:/work" IMAGE adr check docs/adr`.
package main

import (
	"archive/tar"
	"bytes"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"github.com/google/go-containerregistry/pkg/authn"
	"github.com/google/go-containerregistry/pkg/name"
	v1 "github.com/google/go-containerregistry/pkg/v1"
	"github.com/google/go-containerregistry/pkg/v1/empty"
	"github.com/google/go-containerregistry/pkg/v1/layout"
	"github.com/google/go-containerregistry/pkg/v1/mutate"
	"github.com/google/go-containerregistry/pkg/v1/remote"
	"github.com/google/go-containerregistry/pkg/v1/tarball"
	"github.com/google/go-containerregistry/pkg/v1/types"
)

func main() {
	version := flag.String("version", "", "the release's version (the image's tag)")
	epoch := flag.Int64("time", 0, "the commit's time, in seconds since 1970 (SOURCE_DATE_EPOCH)")
	out := flag.String("out", "", "the OCI image layout folder to write (or, with -push, to read)")
	push := flag.String("push", "", "push the layout's image to this repository (registry/name), tagged with its version; credentials from REGISTRY_USER and REGISTRY_PASSWORD")
	flag.Parse()
	var digest v1.Hash
	var err error
	switch {
	case *push != "" && *out != "" && flag.NArg() == 0:
		digest, err = pushLayout(*out, *push, os.Getenv("REGISTRY_USER"), os.Getenv("REGISTRY_PASSWORD"))
	case *version != "" && *out != "" && flag.NArg() > 0:
		digest, err = build(*version, time.Unix(*epoch, 0).UTC(), *out, flag.Args())
	default:
		fmt.Fprintln(os.Stderr, "usage: ociimage -version V -time EPOCH -out DIR os/arch=BINARY …  |  ociimage -out DIR -push REGISTRY/NAME")
		os.Exit(2)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, "ociimage:", err)
		os.Exit(1)
	}
	fmt.Println(digest)
}

// build writes the layout: one multi-platform image index, tagged with the version, holding an
// image per os/arch=BINARY argument. It returns the index's digest.
func build(version string, when time.Time, out string, binaries []string) (v1.Hash, error) {
	ix := mutate.IndexMediaType(empty.Index, types.OCIImageIndex)
	for _, arg := range binaries {
		platform, path, ok := strings.Cut(arg, "=")
		osName, arch, ok2 := strings.Cut(platform, "/")
		if !ok || !ok2 {
			return v1.Hash{}, fmt.Errorf("%q: want os/arch=BINARY", arg)
		}
		img, err := image(version, when, osName, arch, path)
		if err != nil {
			return v1.Hash{}, err
		}
		ix = mutate.AppendManifests(ix, mutate.IndexAddendum{Add: img,
			Descriptor: v1.Descriptor{Platform: &v1.Platform{OS: osName, Architecture: arch}}})
	}
	if err := os.RemoveAll(out); err != nil {
		return v1.Hash{}, err
	}
	p, err := layout.Write(out, empty.Index)
	if err != nil {
		return v1.Hash{}, err
	}
	if err := p.AppendIndex(ix, layout.WithAnnotations(map[string]string{"org.opencontainers.image.ref.name": version})); err != nil {
		return v1.Hash{}, err
	}
	return ix.Digest()
}

// pushLayout sends the layout's tagged index, with its images, to repo:TAG (TAG the version it
// was built with), with basic credentials when user is set, and returns the index's digest.
func pushLayout(dir, repo, user, password string) (v1.Hash, error) {
	p, err := layout.FromPath(dir)
	if err != nil {
		return v1.Hash{}, err
	}
	top, err := p.ImageIndex()
	if err != nil {
		return v1.Hash{}, err
	}
	m, err := top.IndexManifest()
	if err != nil {
		return v1.Hash{}, err
	}
	if len(m.Manifests) != 1 || m.Manifests[0].Annotations["org.opencontainers.image.ref.name"] == "" {
		return v1.Hash{}, fmt.Errorf("%s: want one tagged image index, as make dist writes it", dir)
	}
	d := m.Manifests[0]
	ix, err := top.ImageIndex(d.Digest)
	if err != nil {
		return v1.Hash{}, err
	}
	ref, err := name.NewTag(repo + ":" + d.Annotations["org.opencontainers.image.ref.name"])
	if err != nil {
		return v1.Hash{}, err
	}
	auth := authn.Anonymous
	if user != "" {
		auth = &authn.Basic{Username: user, Password: password}
	}
	return d.Digest, remote.WriteIndex(ref, ix, remote.WithAuth(auth))
}

// image is the binary alone at /stackadvisor, owned by root and run as 65532, in /work.
func image(version string, when time.Time, osName, arch, path string) (v1.Image, error) {
	bin, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var buf bytes.Buffer
	tw := tar.NewWriter(&buf)
	for _, h := range []*tar.Header{
		{Name: "work/", Typeflag: tar.TypeDir, Mode: 0o777, ModTime: when},
		{Name: "stackadvisor", Typeflag: tar.TypeReg, Mode: 0o755, Size: int64(len(bin)), ModTime: when},
	} {
		if err := tw.WriteHeader(h); err != nil {
			return nil, err
		}
		if h.Typeflag == tar.TypeReg {
			if _, err := tw.Write(bin); err != nil {
				return nil, err
			}
		}
	}
	if err := tw.Close(); err != nil {
		return nil, err
	}
	data := buf.Bytes()
	layer, err := tarball.LayerFromOpener(func() (io.ReadCloser, error) { return io.NopCloser(bytes.NewReader(data)), nil },
		tarball.WithMediaType(types.OCILayer))
	if err != nil {
		return nil, err
	}
	base := mutate.MediaType(empty.Image, types.OCIManifestSchema1)
	base = mutate.ConfigMediaType(base, types.OCIConfigJSON)
	img, err := mutate.Append(base, mutate.Addendum{Layer: layer, History: v1.History{Created: v1.Time{Time: when}, CreatedBy: "stackadvisor release"}})
	if err != nil {
		return nil, err
	}
	cfg, err := img.ConfigFile()
	if err != nil {
		return nil, err
	}
	cfg = cfg.DeepCopy()
	cfg.OS, cfg.Architecture = osName, arch
	cfg.Created = v1.Time{Time: when}
	cfg.Config.Entrypoint = []string{"/stackadvisor"}
	cfg.Config.User = "65532:65532"
	cfg.Config.WorkingDir = "/work"
	cfg.Config.Labels = map[string]string{
		"org.opencontainers.image.title":    "stackadvisor",
		"org.opencontainers.image.version":  version,
		"org.opencontainers.image.licenses": "Apache-2.0",
		"org.opencontainers.image.source":   "https://github.com/stackadvisor/stackadvisor",
	}
	return mutate.ConfigFile(img, cfg)
}
