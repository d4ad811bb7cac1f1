package cli

import (
	"context"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/seed-258d3fb3/amplify-storage-config/convert"
	"github.com/seed-258d3fb3/amplify-storage-config/schema"
	"github.com/seed-258d3fb3/amplify-storage-config/validate"
)

// loadedModel is the storage of a project (or of some of its files) for one environment.
type loadedModel struct {
	model schema.Model
	env   string
	docs  []*convert.Document
	diags []validate.Diagnostic
}

// loadModel reads the storage PATH... describe: one project directory (default "."), or files
// of one project (only those are read, each with the format its place in the project gives
// it), or "-" (stdin, one file). ok is false when the command must stop with code.
func (a *App) loadModel(ctx context.Context, cmd string, paths []string, rf *readFlags, opts convert.ReadOptions) (lm loadedModel, code int, ok bool) {
	if len(paths) == 0 {
		paths = []string{"."}
	}
	if err := countStdin(paths); err != nil {
		return lm, a.usagef(cmd, "%v", err), false
	}
	if slices.Contains(paths, "-") {
		if len(paths) > 1 {
			return lm, a.usagef(cmd, "- (stdin) cannot be combined with other paths"), false
		}
		docs, err := a.readDocuments(ctx, paths, opts, rf.stdinFilename, "reading", nil)
		if err != nil {
			return lm, a.failf(cmd, "%v", err), false
		}
		d := docs[0]
		return loadedModel{model: d.Model, env: rf.env, docs: docs, diags: d.Diagnostics}, 0, true
	}
	var dirs []string
	for _, p := range paths {
		if isDir(p) {
			dirs = append(dirs, p)
		} else if !fileExists(p) {
			return lm, a.failf(cmd, "%s: no such file or folder", p), false
		}
	}
	po := convert.ProjectOptions{ReadOptions: opts, Env: rf.env}
	root := ""
	switch {
	case len(dirs) == 1 && len(paths) == 1:
		root = dirs[0]
	case len(dirs) > 0:
		return lm, a.usagef(cmd, "give one project folder, or files of one project, not both or several folders"), false
	default:
		root, po.FS = selectFiles(paths)
	}
	po.From = ""
	p, err := convert.LoadProject(ctx, root, po)
	if err != nil {
		return lm, a.failf(cmd, "%v", err), false
	}
	return loadedModel{model: p.Model, env: p.Env, docs: p.Docs, diags: attachAll(p.Docs, p.AllDiagnostics())}, 0, true
}

// projectRoot returns the project folder a file belongs to: the folder above its last
// "amplify" path element (amplify/team-provider-info.json, amplify/backend/...), else the
// file's own folder.
func projectRoot(file string) string {
	parts := strings.Split(filepath.ToSlash(filepath.Clean(file)), "/")
	for i := len(parts) - 2; i >= 0; i-- {
		if parts[i] == "amplify" {
			if i == 0 {
				return "."
			}
			return filepath.FromSlash(strings.Join(parts[:i], "/"))
		}
	}
	return filepath.Dir(file)
}

// selectFiles returns the folder that holds all of files as a project, and a file system that
// shows only those files (and the folders leading to them) to project discovery.
func selectFiles(files []string) (string, convert.WalkFS) {
	abs := slices.ContainsFunc(files, filepath.IsAbs) || slices.ContainsFunc(files, func(f string) bool {
		return strings.HasPrefix(filepath.ToSlash(filepath.Clean(f)), "../")
	})
	norm := func(p string) string {
		if abs {
			if ap, err := filepath.Abs(p); err == nil {
				return ap
			}
		}
		return filepath.Clean(p)
	}
	sel := selectedFS{files: map[string]bool{}, dirs: map[string]bool{}}
	var root string
	for i, f := range files {
		f = norm(f)
		sel.files[f] = true
		r := projectRoot(f)
		if i == 0 {
			root = r
		} else {
			root = commonDir(root, r)
		}
	}
	for f := range sel.files {
		for d := filepath.Dir(f); ; d = filepath.Dir(d) {
			sel.dirs[d] = true
			if d == filepath.Dir(d) || d == "." {
				break
			}
		}
	}
	return root, sel
}

// commonDir returns the deepest folder holding both a and b (both relative, or both absolute).
func commonDir(a, b string) string {
	pa := strings.Split(filepath.ToSlash(a), "/")
	pb := strings.Split(filepath.ToSlash(b), "/")
	n := 0
	for n < len(pa) && n < len(pb) && pa[n] == pb[n] {
		n++
	}
	if n == 0 {
		if filepath.IsAbs(a) {
			return string(filepath.Separator)
		}
		return "."
	}
	joined := strings.Join(pa[:n], "/")
	if joined == "" {
		return string(filepath.Separator)
	}
	return filepath.FromSlash(joined)
}

// selectedFS is the operating system's files, with folder listings cut down to the selected
// files and the folders that lead to them.
type selectedFS struct {
	files map[string]bool
	dirs  map[string]bool
}

func (s selectedFS) ReadDir(name string) ([]fs.DirEntry, error) {
	entries, err := os.ReadDir(name)
	if err != nil {
		return nil, err
	}
	return slices.DeleteFunc(entries, func(e fs.DirEntry) bool {
		p := filepath.Join(name, e.Name())
		return !s.files[p] && !s.dirs[p]
	}), nil
}

func (selectedFS) Stat(name string) (fs.FileInfo, error) { return os.Stat(name) }
func (selectedFS) ReadFile(name string) ([]byte, error)  { return os.ReadFile(name) }
