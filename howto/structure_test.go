package howto

import (
	"go/ast"
	"go/importer"
	"go/parser"
	gotoken "go/token"
	"go/types"
	"path/filepath"
	"sort"
	"strings"
	"testing"
)

// The package reads as the pipeline doc.go describes: every file belongs to
// one stage, a stage uses only what its own or an earlier stage declares, and
// no function is longer than a screen.

// maxFuncLines is a screen: a function, from its func line to its closing
// brace, fits in it.
const maxFuncLines = 50

// stageFiles names each stage's files, in the order data flows. A name ending
// in "_" is a prefix.
var stageFiles = [][]string{
	{"doc.go", "tokens.go", "lexicon.go", "words.go", "phrases.go", "verbs.go", "result.go", "state.go"}, // shared
	{"input.go", "sniff.go", "markup.go", "html.go", "read_"},                                            // read
	{"split_"}, // split
	{"classify_", "sentence.go", "sentence_", "kinds.go", "cues.go", "measure.go"}, // each sentence
	{"steps_"},               // steps
	{"draft.go", "extract_"}, // extract
	{"finish.go", "match.go", "assemble_", "routine.go", "file.go", "file_own.go"}, // assemble
	{"import.go"},                      // the driver
	{"eval.go", "labels.go", "train_"}, // evaluate and train
}

func stageOf(file string) int {
	for i, names := range stageFiles {
		for _, n := range names {
			if file == n || strings.HasSuffix(n, "_") && strings.HasPrefix(file, n) {
				return i
			}
		}
	}
	return -1
}

func parsePackage(t *testing.T) (*gotoken.FileSet, []*ast.File) {
	t.Helper()
	fset := gotoken.NewFileSet()
	paths, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	var files []*ast.File
	for _, p := range paths {
		if strings.HasSuffix(p, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, p, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		files = append(files, f)
	}
	return fset, files
}

func TestFunctionsFitOnAScreen(t *testing.T) {
	fset, files := parsePackage(t)
	for _, f := range files {
		for _, d := range f.Decls {
			fd, ok := d.(*ast.FuncDecl)
			if !ok {
				continue
			}
			from, to := fset.Position(fd.Pos()), fset.Position(fd.End())
			if n := to.Line - from.Line + 1; n > maxFuncLines {
				t.Errorf("%s:%d: %s is %d lines long; a screen is %d", from.Filename, from.Line, fd.Name.Name, n, maxFuncLines)
			}
		}
	}
}

func TestStagesFlowOneWay(t *testing.T) {
	fset, files := parsePackage(t)
	for _, f := range files {
		if name := filepath.Base(fset.Position(f.Pos()).Filename); stageOf(name) < 0 {
			t.Errorf("%s belongs to no stage of stageFiles", name)
		}
	}
	info := &types.Info{Uses: map[*ast.Ident]types.Object{}}
	conf := types.Config{Importer: importer.ForCompiler(fset, "source", nil)}
	pkg, err := conf.Check("github.com/knead/knead/howto", fset, files, info)
	if err != nil {
		t.Fatal(err)
	}
	inTypes := typeDeclRanges(files)
	back := map[string]bool{}
	for id, obj := range info.Uses {
		if obj.Pkg() != pkg || !declaredAtTop(pkg, obj) || inTypes(id.Pos()) {
			continue
		}
		from := filepath.Base(fset.Position(id.Pos()).Filename)
		to := filepath.Base(fset.Position(obj.Pos()).Filename)
		if stageOf(to) > stageOf(from) {
			back[from+" uses "+obj.Name()+" from "+to+", a later stage"] = true
		}
	}
	var list []string
	for b := range back {
		list = append(list, b)
	}
	sort.Strings(list)
	for _, b := range list {
		t.Error(b)
	}
}

// typeDeclRanges says whether a position is inside a type declaration. A
// type may hold fields that later stages fill in (a sentence keeps its role
// model's guess), so what its fields name is not a use.
func typeDeclRanges(files []*ast.File) func(gotoken.Pos) bool {
	var spans [][2]gotoken.Pos
	for _, f := range files {
		for _, d := range f.Decls {
			if g, ok := d.(*ast.GenDecl); ok && g.Tok == gotoken.TYPE {
				spans = append(spans, [2]gotoken.Pos{g.Pos(), g.End()})
			}
		}
	}
	return func(p gotoken.Pos) bool {
		for _, s := range spans {
			if s[0] <= p && p < s[1] {
				return true
			}
		}
		return false
	}
}

// declaredAtTop says whether obj is a package-level name or a method: what
// one file can take from another.
func declaredAtTop(pkg *types.Package, obj types.Object) bool {
	if obj.Parent() == pkg.Scope() {
		return true
	}
	f, ok := obj.(*types.Func)
	return ok && f.Type().(*types.Signature).Recv() != nil
}
