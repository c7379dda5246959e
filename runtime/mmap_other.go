//go:build !linux && !darwin

package jit

var pageSize = 4096

type prot int

const (
	protNone prot = iota
	protRW
	protRX
)

func mapRW(int) ([]byte, error)    { return nil, ErrUnsupported }
func unmap([]byte) error           { return ErrUnsupported }
func protect([]byte, prot) error   { return ErrUnsupported }
func mapStack(int) ([]byte, error) { return nil, ErrUnsupported }

func prefault([]byte) {}
