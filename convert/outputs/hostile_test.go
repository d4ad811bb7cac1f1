package outputs

import (
	"bytes"
	"encoding/json"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"unicode/utf8"

	"github.com/tidwall/gjson"
)

// hostileFS fails the operations atomic_test.go's faultFS does not cover: Stat, Close and the
// clean-up Remove.
type hostileFS struct {
	OSFS
	failStat, failClose, failRemove, failWrite error
}

func (h hostileFS) Stat(name string) (fs.FileInfo, error) {
	if h.failStat != nil {
		return nil, &fs.PathError{Op: "stat", Path: name, Err: h.failStat}
	}
	return h.OSFS.Stat(name)
}

func (h hostileFS) CreateTemp(dir, pattern string) (File, error) {
	f, err := os.CreateTemp(dir, pattern)
	if err != nil {
		return nil, err
	}
	return hostileFile{File: f, fs: h}, nil
}

func (h hostileFS) Remove(name string) error {
	if h.failRemove != nil {
		return &fs.PathError{Op: "remove", Path: name, Err: h.failRemove}
	}
	return h.OSFS.Remove(name)
}

type hostileFile struct {
	*os.File
	fs hostileFS
}

func (f hostileFile) Write(p []byte) (int, error) {
	if f.fs.failWrite != nil {
		n, _ := f.File.Write(p[:len(p)/3])
		return n, f.fs.failWrite
	}
	return f.File.Write(p)
}

func (f hostileFile) Close() error {
	err := f.File.Close()
	if f.fs.failClose != nil {
		return f.fs.failClose
	}
	return err
}

func TestWriteFileAtomicMoreFaults(t *testing.T) {
	const original = "{\"version\": \"1.4\"}\n"
	for name, fault := range map[string]hostileFS{
		"stat fails":             {failStat: syscall.EACCES},
		"close fails (NFS, EIO)": {failClose: syscall.EIO},
		"disk full on a link":    {failWrite: syscall.ENOSPC},
	} {
		t.Run(name, func(t *testing.T) {
			dir := t.TempDir()
			target := filepath.Join(dir, "amplify_outputs.json")
			if err := os.WriteFile(target, []byte(original), 0o644); err != nil {
				t.Fatal(err)
			}
			link := filepath.Join(dir, "link.json")
			if err := os.Symlink("amplify_outputs.json", link); err != nil {
				t.Fatal(err)
			}
			for _, path := range []string{target, link} {
				err := WriteFileAtomic(fault, path, []byte(strings.Repeat("x", 4096)))
				if err == nil || !strings.Contains(err.Error(), "amplify_outputs.json") && !strings.Contains(err.Error(), path) {
					t.Fatalf("%s: err = %v, want a failure naming the file", path, err)
				}
				if got, _ := os.ReadFile(target); string(got) != original {
					t.Errorf("%s: the existing file changed to %q", path, got)
				}
				if names := listDir(t, dir); len(names) != 2 {
					t.Errorf("%s: files left behind: %v", path, names)
				}
				if fi, err := os.Lstat(link); err != nil || fi.Mode()&fs.ModeSymlink == 0 {
					t.Errorf("the symlink was replaced")
				}
			}
		})
	}
}

// When the temporary file cannot even be removed, the error says so and names it.
func TestWriteFileAtomicReportsLeftoverTemp(t *testing.T) {
	dir := t.TempDir()
	target := filepath.Join(dir, "out.json")
	if err := os.WriteFile(target, []byte("old"), 0o644); err != nil {
		t.Fatal(err)
	}
	err := WriteFileAtomic(hostileFS{failWrite: syscall.ENOSPC, failRemove: syscall.EROFS}, target, []byte("new content"))
	if err == nil || !errors.Is(err, syscall.ENOSPC) || !strings.Contains(err.Error(), "could not be removed") || !strings.Contains(err.Error(), ".out.json.tmp-") {
		t.Errorf("err = %v, want the write failure and the temporary file named", err)
	}
	if got, _ := os.ReadFile(target); string(got) != "old" {
		t.Errorf("the existing file changed to %q", got)
	}
}

// A symlink to something that is not a regular file is refused like the thing itself.
func TestWriteFileAtomicRefusesLinksToNonRegular(t *testing.T) {
	dir := t.TempDir()
	sub := filepath.Join(dir, "folder")
	if err := os.Mkdir(sub, 0o755); err != nil {
		t.Fatal(err)
	}
	links := map[string]string{"to-folder.json": sub}
	if _, err := os.Stat("/dev/full"); err == nil {
		links["to-dev-full.json"] = "/dev/full"
	}
	for name, target := range links {
		link := filepath.Join(dir, name)
		if err := os.Symlink(target, link); err != nil {
			t.Fatal(err)
		}
		err := WriteFileAtomic(nil, link, []byte("{}"))
		if err == nil || !strings.Contains(err.Error(), "refusing") {
			t.Errorf("%s -> %s: err = %v, want a refusal", name, target, err)
		}
		if fi, err := os.Lstat(link); err != nil || fi.Mode()&fs.ModeSymlink == 0 {
			t.Errorf("%s was replaced", name)
		}
	}
	if entries, _ := os.ReadDir(sub); len(entries) != 0 {
		t.Errorf("files written into the folder: %v", entries)
	}
	if names := listDir(t, dir); len(names) != 1+len(links) {
		t.Errorf("files left behind: %v", names)
	}
}

// outputsSeeds returns the amplify_outputs fixtures as fuzz seeds.
func outputsSeeds(t testing.TB) [][]byte {
	t.Helper()
	var seeds [][]byte
	for _, pattern := range []string{"../../fixtures/*/*/*.json", "../../fixtures/*/*/*/*.json", "../../fixtures/hostile/*.json"} {
		paths, err := filepath.Glob(pattern)
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range paths {
			if data, err := os.ReadFile(p); err == nil && len(data) < 64<<10 {
				seeds = append(seeds, data)
			}
		}
	}
	if len(seeds) == 0 {
		t.Fatal("no JSON fixtures found")
	}
	return seeds
}

// keptMembers lists the raw text of every top-level member Merge must not touch: all but
// storage and custom, and version unless withVersion (the existing file already has the
// version Merge writes, so it stays as it is).
func keptMembers(data []byte, withVersion bool) []string {
	var out []string
	gjson.ParseBytes(data).ForEach(func(k, v gjson.Result) bool {
		switch {
		case k.Str == "storage" || k.Str == "custom":
		case k.Str == "version" && !withVersion:
		default:
			out = append(out, k.Raw+"\x00"+v.Raw)
		}
		return true
	})
	return out
}

// FuzzMerge: merging into any existing JSON object gives valid JSON in which every top-level
// member other than storage and custom is byte-identical, in the same order; anything else is
// refused with an error.
func FuzzMerge(f *testing.F) {
	for _, seed := range outputsSeeds(f) {
		f.Add(seed, true)
	}
	f.Add([]byte("\xEF\xBB\xBF{\"auth\": {}, \"custom\": {\"a\": 1}}"), false)
	f.Add([]byte("{\r\n\t\"version\" : 1,\r\n\t\"storage\": null\r\n}"), true)
	f.Add([]byte(`{"custom": {}, "custom": {"dynamodb_tables": []}, "x": "\u00e9"}`), true)
	f.Fuzz(func(t *testing.T, existing []byte, keepVersion bool) {
		if !utf8.Valid(existing) {
			// Merge keeps such bytes as they are, but encoding/json (the check below) reads them
			// as U+FFFD; migrate never gets here with one (input checks refuse invalid UTF-8,
			// and an existing file's unknown version is refused).
			return
		}
		version := "1.4"
		if keepVersion {
			if v := ExistingVersion(existing); v != "" {
				version = v
			}
		}
		out := smallOutputs("1.4")
		out.Version = version
		got, err := Merge(existing, out)
		if err != nil {
			return
		}
		body := bytes.TrimPrefix(got, []byte("\xEF\xBB\xBF"))
		if !json.Valid(body) {
			t.Fatalf("Merge gave invalid JSON:\n%s", got)
		}
		if bytes.HasPrefix(existing, []byte("\xEF\xBB\xBF")) != (len(body) != len(got)) {
			t.Errorf("the BOM was not kept as it was")
		}
		plain := bytes.TrimPrefix(existing, []byte("\xEF\xBB\xBF"))
		lastVersion := gjson.Result{}
		gjson.ParseBytes(plain).ForEach(func(k, v gjson.Result) bool {
			if k.Str == "version" {
				lastVersion = v
			}
			return true
		})
		same := lastVersion.Type == gjson.String && lastVersion.Str == version
		before, after := keptMembers(plain, same), keptMembers(body, same)
		if strings.Join(before, "\n") != strings.Join(after, "\n") {
			t.Errorf("members changed:\nbefore %q\nafter  %q", before, after)
		}
		var v map[string]any
		if err := json.Unmarshal(body, &v); err != nil {
			t.Fatalf("not an object: %v", err)
		}
		if v["version"] != version || v["storage"] == nil {
			t.Errorf("version %v, storage %v", v["version"], v["storage"])
		}
		if c, ok := v["custom"].(map[string]any); !ok || c["dynamodb_tables"] == nil {
			t.Errorf("custom = %v", v["custom"])
		}
	})
}
