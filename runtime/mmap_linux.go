package jit

// mapJITFlag is zero on Linux: no flag is needed to make pages executable
// later with mprotect.
const mapJITFlag = 0
