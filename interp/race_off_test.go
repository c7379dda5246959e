//go:build !race

package interp

// raceDetector: the race detector is off. Tests whose threads race by
// design (a read that overlaps a store and is thrown away) run only then.
const raceDetector = false
