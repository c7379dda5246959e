//go:build race

package interp

// raceDetector: the race detector is on (see race_off_test.go).
const raceDetector = true
