//go:build !linux

package main

// adviseHugeHeap does nothing: huge pages for the heap are asked for on
// Linux only (hugepages_linux.go).
func adviseHugeHeap() {}
