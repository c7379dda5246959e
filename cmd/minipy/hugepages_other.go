//go:build !linux

package main

// adviseHugeHeapLater does nothing: huge pages for the heap are asked for
// on Linux only (hugepages_linux.go).
func adviseHugeHeapLater() {}
