package main

import (
	"runtime"
	"runtime/debug"
	"testing"
	"time"
)

// TestTuneHeap checks that tuneHeap sets GOGC=400 and the ballast when
// asked to tune, and leaves the GC percent as it found it when not.
func TestTuneHeap(t *testing.T) {
	old := debug.SetGCPercent(150)
	defer debug.SetGCPercent(old)
	defer func() { ballast = nil }()
	ballast = nil
	tuneHeap(false, false)
	if got := debug.SetGCPercent(150); got != 150 || ballast != nil {
		t.Errorf("tuneHeap(false, false): GC percent %d, ballast %d bytes; want 150, none", got, len(ballast))
	}
	tuneHeap(true, false)
	if got := debug.SetGCPercent(150); got != 400 || len(ballast) != ballastSize {
		t.Errorf("tuneHeap(true, false): GC percent %d, ballast %d bytes; want 400, %d", got, len(ballast), ballastSize)
	}
}

// TestAfterFirstCollection checks that the function runs once a
// collection has run, and only then.
func TestAfterFirstCollection(t *testing.T) {
	done := make(chan struct{})
	old := debug.SetGCPercent(-1) // no collection but the one below
	defer debug.SetGCPercent(old)
	afterFirstCollection(func() { close(done) })
	select {
	case <-done:
		t.Fatal("ran before any collection")
	case <-time.After(20 * time.Millisecond):
	}
	runtime.GC()
	select {
	case <-done:
	case <-time.After(10 * time.Second):
		t.Fatal("did not run after a collection")
	}
}
