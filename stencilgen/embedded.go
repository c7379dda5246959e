package stencilgen

import (
	"io/fs"
	"os"
	"path"
	"path/filepath"

	"github.com/copypatch/copypatch/templates"
)

// EmbeddedTemplates writes copypatch's own uop templates, as embedded in
// this binary (templates.Sources), into a directory of cacheDir named by
// their content, and returns it: an installed stencilgen builds, inspects
// and verifies them with nothing from the source tree.
func EmbeddedTemplates(cacheDir string) (string, error) {
	return writeEmbedded(cacheDir, "templates-", templates.Sources, "*.[ch]")
}

// EmbeddedAsmTemplates is EmbeddedTemplates for the avo backend's Go
// assembly templates (templates.AsmSources).
func EmbeddedAsmTemplates(cacheDir string) (string, error) {
	return writeEmbedded(cacheDir, "asm-templates-", templates.AsmSources, "avo/*.s")
}

// writeEmbedded writes the files of fsys matching pattern, flat, into a
// directory of cacheDir named by prefix and their content.
func writeEmbedded(cacheDir, prefix string, fsys fs.ReadFileFS, pattern string) (string, error) {
	files, err := fs.Glob(fsys, pattern)
	if err != nil {
		return "", err
	}
	var parts [][]byte
	contents := make([][]byte, len(files))
	for i, f := range files {
		if contents[i], err = fsys.ReadFile(f); err != nil {
			return "", err
		}
		parts = append(parts, []byte(path.Base(f)), contents[i])
	}
	dir := filepath.Join(cacheDir, prefix+digest(parts...)[:16])
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", err
	}
	for i, f := range files {
		if _, err := writeIfChanged(filepath.Join(dir, path.Base(f)), contents[i]); err != nil {
			return "", err
		}
	}
	return dir, nil
}
