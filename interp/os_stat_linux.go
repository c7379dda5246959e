//go:build linux

package interp

import "syscall"

// statFields is os.stat's tuple for path: st_mode, st_ino, st_dev,
// st_nlink, st_uid, st_gid, st_size, then st_atime, st_mtime, st_ctime in
// nanoseconds. follow=false is lstat.
func statFields(path string, follow bool) ([10]int64, error) {
	var st syscall.Stat_t
	var err error
	if follow {
		err = syscall.Stat(path, &st)
	} else {
		err = syscall.Lstat(path, &st)
	}
	if err != nil {
		return [10]int64{}, err
	}
	return [10]int64{int64(st.Mode), int64(st.Ino), int64(st.Dev), int64(st.Nlink), int64(st.Uid), int64(st.Gid),
		st.Size, st.Atim.Nano(), st.Mtim.Nano(), st.Ctim.Nano()}, nil
}
