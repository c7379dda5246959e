//go:build !linux

package interp

import (
	"io/fs"
	"os"
)

// statFields is os.stat's tuple for path (see os_stat_linux.go); here
// from what package os reports on every system: no inode, device, link
// count or owner, and the modification time for all three times.
func statFields(path string, follow bool) ([10]int64, error) {
	stat := os.Stat
	if !follow {
		stat = os.Lstat
	}
	fi, err := stat(path)
	if err != nil {
		return [10]int64{}, err
	}
	m := fi.Mode()
	mode := int64(m.Perm())
	switch {
	case m.IsDir():
		mode |= 0o040000
	case m&fs.ModeSymlink != 0:
		mode |= 0o120000
	case m.IsRegular():
		mode |= 0o100000
	}
	t := fi.ModTime().UnixNano()
	return [10]int64{mode, 0, 0, 1, 0, 0, fi.Size(), t, t, t}, nil
}
