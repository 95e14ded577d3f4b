package web

import (
	"context"
	"net/url"
	"path/filepath"
	"strings"
	"testing"

	"github.com/knead/knead/catalog"
	"github.com/knead/knead/howto"
	"github.com/knead/knead/store"
)

// FuzzReviewForm sends the review form anything a browser (or anyone) can:
// it is read, its button applied and its routine checked without a panic,
// and a routine it lets through is one the catalog's check accepts.
func FuzzReviewForm(f *testing.F) {
	cat, err := catalog.Builtin()
	if err != nil {
		f.Fatal(err)
	}
	st, err := store.Open(context.Background(), filepath.Join(f.TempDir(), "knead.db"))
	if err != nil {
		f.Fatal(err)
	}
	defer st.Close()
	app, err := New(Options{Store: st, Catalog: cat})
	if err != nil {
		f.Fatal(err)
	}
	res, err := howto.Import([]byte(pastedText), howto.Options{Catalog: cat})
	if err != nil {
		f.Fatal(err)
	}
	d := app.draftFromImport(res)
	good := values(d)
	good.Set("action", "save")
	f.Add(good.Encode())
	for _, a := range []string{"up-1", "down-0", "del-2", "del-99", "refresh", "merge-0", "merge-2", "split-0", "cut-1"} {
		v := values(d)
		v.Set("action", a)
		f.Add(v.Encode())
	}
	v := values(d)
	v.Set("row0-secs", "1e309")
	v.Set("row1-data", `{"Item":{"Steps":[]}}`)
	v.Set("base", `{"ID":"x","SourceDefs":[{"id":7}]}`)
	f.Add(v.Encode())
	f.Add("rows=1&row0-data=null&base=null&name=%00&mode=self&action=save")
	v = values(d)
	v.Set("row0-say", "One. Two! Three? four")
	v.Set("row0-cut", "5")
	v.Set("row1-repeat", "4-5")
	v.Set("row1-pressure", "deep")
	v.Set("pressure", "light")
	v.Set("action", "cut-0")
	f.Add(v.Encode())
	v.Set("action", "split-0")
	f.Add(v.Encode())
	v.Set("row0-say", "a|b|c")
	v.Set("row0-cut", "99999999999")
	f.Add(v.Encode())
	f.Fuzz(func(t *testing.T, body string) {
		q, err := url.ParseQuery(body)
		if err != nil {
			return
		}
		d, err := draftFromForm(q)
		if err != nil {
			return
		}
		d.apply(q.Get("action"))
		rt, defs := app.routine(d)
		if rt == nil {
			if len(d.Problems) == 0 {
				t.Fatal("refused without a reason")
			}
			return
		}
		b, err := app.routineFile(rt, defs)
		if err != nil {
			t.Fatalf("a routine that passed review fails the check: %v", err)
		}
		if strings.TrimSpace(string(b)) == "" {
			t.Fatal("an empty file")
		}
	})
}
