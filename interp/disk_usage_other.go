//go:build !linux

package interp

// diskUsage has no statfs to read off Linux.
func diskUsage(path string) ([3]int64, error) {
	return [3]int64{}, newErr(OSError, "shutil.disk_usage is not supported on this system by minipy")
}
