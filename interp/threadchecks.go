//go:build !nothreadchecks

package interp

// threadChecks: shared objects take their locks once a program starts a
// thread (objlock.go). `go build -tags nothreadchecks` builds minipy with
// every such check compiled out and threads refused, to measure what the
// checks cost programs that never start a thread (README, Threads).
const threadChecks = true
