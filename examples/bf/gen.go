package bf

// The stencil tables in bfgen/ are built from templates/ by copypatch's
// stencilgen, as any module that uses copypatch would run it (Clang 19 is
// needed only to regenerate; the tables are committed).
//
//go:generate go run github.com/copypatch/copypatch/cmd/stencilgen build --templates templates --out bfgen --package bfgen --quiet
//go:generate go run ./mandelgen -o testdata/mandelbrot.b -expect testdata/mandelbrot.out
//go:generate go run ./mandelgen -w 24 -h 10 -iter 12 -o testdata/mandelbrot_small.b -expect testdata/mandelbrot_small.out
