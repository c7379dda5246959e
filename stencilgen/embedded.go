package stencilgen

import (
	"io/fs"
	"os"
	"path/filepath"

	"github.com/copypatch/copypatch/templates"
)

// EmbeddedTemplates writes copypatch's own uop templates, as embedded in
// this binary (templates.Sources), into a directory of cacheDir named by
// their content, and returns it: an installed stencilgen builds, inspects
// and verifies them with nothing from the source tree.
func EmbeddedTemplates(cacheDir string) (string, error) {
	files, err := fs.Glob(templates.Sources, "*.[ch]")
	if err != nil {
		return "", err
	}
	var parts [][]byte
	contents := make([][]byte, len(files))
	for i, f := range files {
		if contents[i], err = templates.Sources.ReadFile(f); err != nil {
			return "", err
		}
		parts = append(parts, []byte(f), contents[i])
	}
	dir := filepath.Join(cacheDir, "templates-"+digest(parts...)[:16])
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", err
	}
	for i, f := range files {
		if _, err := writeIfChanged(filepath.Join(dir, f), contents[i]); err != nil {
			return "", err
		}
	}
	return dir, nil
}
