//go:build nothreadchecks

package interp

// threadChecks: off in this build, which refuses to start threads. See
// threadchecks.go.
const threadChecks = false
