package catalog_test

import (
	"testing"

	"github.com/knead/knead/catalog"
)

// The embedded catalog loads without a single problem.
func TestBuiltinLoads(t *testing.T) {
	cat, err := catalog.Builtin()
	if err != nil {
		t.Fatalf("built-in catalog:\n%v", err)
	}
	if len(cat.Techniques) == 0 {
		t.Fatal("built-in catalog has no techniques")
	}
}
