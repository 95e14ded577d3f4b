package plan

import (
	"encoding/json"
	"errors"
	"strings"
	"testing"
)

// FuzzMake feeds request bodies, as the web API receives them, to the
// planner: it must never panic, must refuse with a *plan.Error naming a
// field, and must keep its promises when it plans.
func FuzzMake(f *testing.F) {
	for _, s := range []string{
		`{"areas":["back","scalp"],"minutes":20,"mode":"partner"}`,
		`{"areas":["shoulders","arms"],"minutes":10,"mode":"self","pressure":"light"}`,
		`{"areas":["feet"],"minutes":15,"conditions":["inflamed-joint:ankle"],"seed":3}`,
		`{"areas":["legs","back"],"minutes":45.5,"weights":{"back":3},"conditions":["sensitive:calves","injury:thighs"]}`,
		`{"areas":["head"],"minutes":1,"conditions":["unhealthy-scalp"]}`,
		`{"areas":["scalp"],"minutes":120,"seed":-9}`,
		`{"areas":[],"minutes":0}`,
		`{"areas":["BACK "],"minutes":1e308,"mode":"x","weights":{"back":-1}}`,
	} {
		f.Add(s)
	}
	cat := builtin(f)
	f.Fuzz(func(t *testing.T, body string) {
		var req Request
		if json.Unmarshal([]byte(body), &req) != nil {
			return
		}
		p, err := Make(cat, req)
		if err != nil {
			var pe *Error
			if !errors.As(err, &pe) || pe.Field == "" || pe.Message == "" {
				t.Fatalf("%s: error %v is not a *plan.Error naming a field", body, err)
			}
			return
		}
		norm, _, _ := req.normalize()
		if ps := problems(cat, norm, p); len(ps) > 0 {
			t.Fatalf("%s:\n  %s", body, strings.Join(ps, "\n  "))
		}
	})
}
