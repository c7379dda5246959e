//go:build linux || darwin

package jit

import "golang.org/x/sys/unix"

// pageSize is the granule of protection changes.
var pageSize = unix.Getpagesize()

// mapRW maps n bytes (a multiple of pageSize) of private anonymous memory
// read-write (never executable): the free pages of a chunk.
func mapRW(n int) ([]byte, error) {
	return unix.Mmap(-1, 0, n, unix.PROT_READ|unix.PROT_WRITE, unix.MAP_PRIVATE|unix.MAP_ANON|mapJITFlag)
}

func unmap(b []byte) error { return unix.Munmap(b) }

type prot int

const (
	protNone prot = unix.PROT_NONE
	protRW   prot = unix.PROT_READ | unix.PROT_WRITE
	protRX   prot = unix.PROT_READ | unix.PROT_EXEC
)

func protect(b []byte, p prot) error { return unix.Mprotect(b, int(p)) }

// mapStack maps a native stack of n bytes with an inaccessible guard page
// below it, so an overflow faults instead of corrupting memory. It returns
// the whole mapping.
func mapStack(n int) ([]byte, error) {
	b, err := unix.Mmap(-1, 0, n+pageSize, unix.PROT_READ|unix.PROT_WRITE, unix.MAP_PRIVATE|unix.MAP_ANON)
	if err != nil {
		return nil, err
	}
	if err := unix.Mprotect(b[:pageSize], unix.PROT_NONE); err != nil {
		unix.Munmap(b)
		return nil, err
	}
	return b, nil
}
