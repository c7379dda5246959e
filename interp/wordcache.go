package interp

import "unsafe"

// The word cache: short ASCII strs that strip, lower, upper and
// capitalize keep making (a text's words, over and over) are shared, so a
// repeated word costs no allocation, and its hash, cached in the Str, is computed once for all
// the dict look-ups that follow, where each new copy hashed its text again
// (wordcount: three quarters of a million words of an 82-word vocabulary).
// CPython makes a new str each time, but equal strs of its own making may
// be one object too (it shares single characters and interns names):
// identity of equal strs is the implementation's choice.
//
// The cache is direct-mapped and per VM (a thread's own), so it needs no
// lock. A text is cached on its second miss at its slot in a row, so a
// text of mostly distinct words pays the look-up, not a copy each. Cached
// strs own their text (a copy), never a slice of a larger str, which they
// would keep alive. split's words do not come here: a text's raw tokens
// (punctuation and case attached) are many more than its words, and
// looking each up cost wordcount more than the hits saved.

const (
	wordCacheBits = 9
	// wordCacheMax is the longest text cached: words, not lines.
	wordCacheMax = 16
)

type wordCache struct {
	ways [1 << wordCacheBits]wordWay
	// missed is the key of the last text that missed at each slot.
	missed [1 << wordCacheBits]wordKey
	// last is the str the last hit gave: a str that is it already (strip's
	// word, then lower of it) is the shared one with no look-up.
	last *Str
}

// wordKey is a text of 2 to 16 bytes as two words that together hold all
// its bytes (overlapping when it is short) and its length: equal keys are
// equal texts, tested without a byte loop.
type wordKey struct {
	a, b uint64
	n    int
}

type wordWay struct {
	key wordKey
	s   *Str
}

// keyOf is s's wordKey, 2 <= len(s) <= 16: loads inside s only.
func keyOf(s string) wordKey {
	p := unsafe.Pointer(unsafe.StringData(s))
	n := len(s)
	switch {
	case n >= 8:
		return wordKey{*(*uint64)(p), *(*uint64)(unsafe.Add(p, n-8)), n}
	case n >= 4:
		return wordKey{uint64(*(*uint32)(p)), uint64(*(*uint32)(unsafe.Add(p, n-4))), n}
	}
	return wordKey{uint64(s[0]) | uint64(s[1])<<8, uint64(s[n-1]), n}
}

// slot is where k lives in the cache: its words mixed by multiplying.
func (k wordKey) slot() uint64 {
	h := (k.a*0x9E3779B97F4A7C15 ^ k.b) * 0xC2B2AE3D27D4EB4F
	return (h ^ uint64(k.n)) >> (64 - wordCacheBits)
}

// sharedWord is the cached str with ASCII text s, cached now if s missed
// at its slot last time too; nil when s is not cached (the caller makes
// its own str). Texts of 2 to wordCacheMax bytes only: single characters
// have their own table (charObjs).
func (vm *VM) sharedWord(s string) *Str {
	if len(s) < 2 || len(s) > wordCacheMax || vm == nil || vm.threaded() {
		return nil
	}
	c := vm.words
	if c == nil {
		c = new(wordCache)
		vm.words = c
	}
	k := keyOf(s)
	i := k.slot()
	if w := &c.ways[i]; w.key == k && w.s != nil {
		c.last = w.s
		return w.s
	}
	if c.missed[i] != k {
		c.missed[i] = k
		return nil
	}
	w, buf := newStrBuf(len(s))
	copy(buf, s)
	w.seal(buf, 1)
	c.ways[i] = wordWay{k, w}
	return w
}

// isLastWord reports whether s is the str sharedWord's last hit gave.
func (vm *VM) isLastWord(s *Str) bool {
	return vm != nil && vm.words != nil && vm.words.last == s
}

// asciiWordVal is the str with ASCII text b (scratch the caller reuses):
// the cached one when there is one, else a new str of its own.
func (vm *VM) asciiWordVal(b []byte) Val {
	if w := vm.sharedWord(unsafe.String(unsafe.SliceData(b), len(b))); w != nil {
		return ObjVal(w)
	}
	r, buf := newStrBuf(len(b))
	copy(buf, b)
	return r.seal(buf, 1)
}
