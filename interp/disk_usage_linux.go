//go:build linux

package interp

import "syscall"

// diskUsage is shutil.disk_usage's (total, used, free) in bytes for the
// file system holding path, from statfs as CPython's os.statvfs gives it:
// free is what an unprivileged user may use.
func diskUsage(path string) ([3]int64, error) {
	var st syscall.Statfs_t
	if err := syscall.Statfs(path, &st); err != nil {
		return [3]int64{}, osError(err, path)
	}
	bs := int64(st.Frsize)
	if bs == 0 {
		bs = int64(st.Bsize)
	}
	total := int64(st.Blocks) * bs
	free := int64(st.Bavail) * bs
	used := (int64(st.Blocks) - int64(st.Bfree)) * bs
	return [3]int64{total, used, free}, nil
}
