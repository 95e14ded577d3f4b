package catalog

import (
	"embed"
	"io/fs"
	"os"
	"path"
	"path/filepath"
	"sort"
	"strings"
	"sync"

	"github.com/knead/knead/massage"
)

//go:embed data/*.yaml
var builtinFS embed.FS

// builtin loads the embedded files once per process.
var builtin = sync.OnceValues(func() (*massage.Catalog, error) {
	l := newLoader()
	l.addBuiltin()
	cat, errs := l.finish()
	return cat, errs.orNil()
})

func (l *loader) addBuiltin() { l.addBuiltinExcept(nil) }

// addBuiltinExcept loads the embedded files but those whose names are in skip.
func (l *loader) addBuiltinExcept(skip map[string]bool) {
	names, _ := fs.Glob(builtinFS, "data/*.yaml")
	sort.Strings(names)
	for _, name := range names {
		if skip[path.Base(name)] {
			continue
		}
		data, err := builtinFS.ReadFile(name)
		if err != nil {
			l.errs = append(l.errs, Error{File: name, Msg: err.Error()})
			continue
		}
		l.addFile("catalog/"+name, data)
	}
}

// Builtin is the catalog embedded in the binary. An error means the
// embedded files themselves are broken (a test catches that).
func Builtin() (*massage.Catalog, error) { return builtin() }

// Load is the built-in catalog plus every *.yaml file under the folders in
// dirs. A returned error is an Errors listing every problem found.
func Load(dirs []string) (*massage.Catalog, error) {
	if len(dirs) == 0 {
		return Builtin()
	}
	l := newLoader()
	l.addBuiltin()
	for _, dir := range dirs {
		l.addPath(dir, true)
	}
	cat, errs := l.finish()
	if len(errs) > 0 {
		return nil, errs
	}
	return cat, nil
}

// Input is a file's bytes already read, such as standard input, with the
// name its errors give.
type Input struct {
	Name string
	Data []byte
}

// Check reports every problem in the files at paths (files, or folders of
// *.yaml files), checked together with the built-in catalog and the folders
// in dirs. It returns nil when all is well.
//
// A checked file that is one of the built-in files on disk (a file of the
// same name in a folder named data, as in this repository's catalog/data)
// stands in for its embedded copy, so editing the built-in catalog and
// checking it does not report every id as its own duplicate.
func Check(dirs, paths []string, more ...Input) Errors {
	l := newLoader()
	l.addBuiltinExcept(builtinOnDisk(paths))
	for _, dir := range dirs {
		l.addPath(dir, true)
	}
	for _, p := range paths {
		l.addPath(p, false)
	}
	for _, in := range more {
		l.addFile(in.Name, in.Data)
	}
	_, errs := l.finish()
	if len(errs) == 0 {
		return nil
	}
	return errs
}

// addPath adds a file, or every *.yaml/*.yml file under a folder. A folder
// given with mustDir false is walked too; a file given as a catalog folder is
// an error.
func (l *loader) addPath(path string, mustDir bool) {
	fi, err := os.Stat(path)
	if err != nil {
		msg := err.Error()
		if os.IsNotExist(err) {
			msg = "no such file or folder"
		}
		l.errs = append(l.errs, Error{File: path, Msg: msg})
		return
	}
	if !fi.IsDir() {
		if mustDir {
			l.errs = append(l.errs, Error{File: path, Msg: "expected a folder of .yaml files for --catalog, found a file"})
			return
		}
		l.addOne(path)
		return
	}
	var files []string
	_ = filepath.WalkDir(path, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			l.errs = append(l.errs, Error{File: p, Msg: err.Error()})
			return nil
		}
		if d.IsDir() && p != path && strings.HasPrefix(d.Name(), ".") {
			return filepath.SkipDir
		}
		if !d.IsDir() && (strings.HasSuffix(p, ".yaml") || strings.HasSuffix(p, ".yml")) {
			files = append(files, p)
		}
		return nil
	})
	sort.Strings(files)
	if len(files) == 0 {
		l.errs = append(l.errs, Error{File: path, Msg: "no .yaml files in this folder"})
	}
	for _, p := range files {
		l.addOne(p)
	}
}

func (l *loader) addOne(path string) {
	key, err := filepath.Abs(path)
	if err != nil {
		key = path
	}
	if l.files[key] {
		return
	}
	l.files[key] = true
	data, err := readLimited(path)
	if err != nil {
		l.errs = append(l.errs, Error{File: path, Msg: err.Error()})
		return
	}
	l.addFile(path, data)
}

// builtinOnDisk names the embedded files that paths hold copies of: files
// (or files in folders) called like an embedded file, in a folder named data.
func builtinOnDisk(paths []string) map[string]bool {
	embedded := map[string]bool{}
	names, _ := fs.Glob(builtinFS, "data/*.yaml")
	for _, n := range names {
		embedded[path.Base(n)] = true
	}
	skip := map[string]bool{}
	consider := func(p string) {
		abs, err := filepath.Abs(p)
		if err == nil && filepath.Base(filepath.Dir(abs)) == "data" && embedded[filepath.Base(abs)] {
			skip[filepath.Base(abs)] = true
		}
	}
	for _, p := range paths {
		fi, err := os.Stat(p)
		if err != nil {
			continue
		}
		if !fi.IsDir() {
			consider(p)
			continue
		}
		entries, _ := os.ReadDir(p)
		for _, e := range entries {
			consider(filepath.Join(p, e.Name()))
		}
	}
	return skip
}
