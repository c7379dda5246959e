package stencil

import (
	"reflect"
	"testing"
)

func TestVariants(t *testing.T) {
	cases := []struct {
		src     string
		want    []Variant
		wantErr bool
	}{
		{"int x;\n", []Variant{{Name: "u"}}, false},
		{"//cp:variants A=s,f0 B=x\n", []Variant{
			{Name: "u__s_x", Defines: []string{"A=s", "B=x"}},
			{Name: "u__f0_x", Defines: []string{"A=f0", "B=x"}}}, false},
		{"//cp:variants A=s,f0 B=s,f0 -s_s -f0_f0\n", []Variant{
			{Name: "u__s_f0", Defines: []string{"A=s", "B=f0"}},
			{Name: "u__f0_s", Defines: []string{"A=f0", "B=s"}}}, false},
		{"//cp:variants A=s,f0 -f1\n", nil, true},             // no such combination
		{"//cp:variants a=s\n", nil, true},                    // lower-case name
		{"//cp:variants A=S\n", nil, true},                    // upper-case value
		{"//cp:variants A=s\n//cp:variants B=t\n", nil, true}, // two lines
		{"//cp:variants\n", nil, true},                        // no parameter
	}
	for _, c := range cases {
		got, err := Variants("u", []byte(c.src))
		if (err != nil) != c.wantErr || !c.wantErr && !reflect.DeepEqual(got, c.want) {
			t.Errorf("%q: got %v, %v; want %v (error: %v)", c.src, got, err, c.want, c.wantErr)
		}
	}
	if base, vals := VariantBase("float_add_r__t_f0_s_f1"); base != "float_add_r" || !reflect.DeepEqual(vals, []string{"t", "f0", "s", "f1"}) {
		t.Errorf("VariantBase: %q %q", base, vals)
	}
}
