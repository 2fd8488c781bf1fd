package signoff

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// Dir is the directory, relative to the repository root, that holds the
// records: one file per content file, at Dir/<content path>.json.
const Dir = ".redact/signoffs"

const recordExt = ".json"

// RecordPath returns the file that holds the record of contentPath, a
// canonical content path (see CheckPath): root/.redact/signoffs/<contentPath>.json
// in the operating system's form. It refuses paths that are not canonical,
// so a record can never be written outside Dir.
func RecordPath(root, contentPath string) (string, error) {
	return RecordPathIn(root, Dir, contentPath)
}

// RecordPathIn is RecordPath for records kept in dir (a canonical path
// relative to root, as in the [signoff] dir setting of .redact.toml)
// instead of Dir; an empty dir means Dir.
func RecordPathIn(root, dir, contentPath string) (string, error) {
	if dir == "" {
		dir = Dir
	}
	if err := CheckPath(dir); err != nil {
		return "", fmt.Errorf("records directory: %v", err)
	}
	if err := CheckPath(contentPath); err != nil {
		return "", fmt.Errorf("content path: %v", err)
	}
	return filepath.Join(root, filepath.FromSlash(dir), filepath.FromSlash(contentPath)+recordExt), nil
}

// Load reads and parses the record at path (ParseRecord). A missing file
// gives an error wrapping fs.ErrNotExist, which the caller reports as
// ReasonUnsigned (VerifyFile does); an invalid one wraps ErrInvalidRecord.
func Load(path string) (Record, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return Record{}, err
	}
	r, err := ParseRecord(data)
	if err != nil {
		return Record{}, fmt.Errorf("%s: %w", path, err)
	}
	return r, nil
}

// Save writes r (Record.Marshal) to path atomically: to a temporary file in
// the same directory, synced, then renamed over path. Missing directories
// are created.
func Save(path string, r Record) (err error) {
	data, err := r.Marshal()
	if err != nil {
		return err
	}
	dir := filepath.Dir(path)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	f, err := os.CreateTemp(dir, ".signoff-*.tmp")
	if err != nil {
		return err
	}
	tmp := f.Name()
	defer func() {
		if err != nil {
			f.Close()
			os.Remove(tmp)
		}
	}()
	if _, err = f.Write(data); err != nil {
		return err
	}
	if err = f.Chmod(0o644); err != nil {
		return err
	}
	if err = f.Sync(); err != nil {
		return err
	}
	if err = f.Close(); err != nil {
		return err
	}
	if err = os.Rename(tmp, path); err != nil {
		return err
	}
	// Make the rename durable; not every system can sync a directory.
	if d, derr := os.Open(dir); derr == nil {
		d.Sync()
		d.Close()
	}
	return nil
}

// Remove deletes the record at path, for content that was deleted. A
// record that does not exist is not an error.
func Remove(path string) error {
	err := os.Remove(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	return err
}

// List returns the content paths (canonical, sorted) that have a record
// under root, so that a caller can find records whose content is gone.
// Files in Dir that are not records (names not ending in .json, temporary
// files of Save) are skipped.
func List(root string) ([]string, error) { return ListIn(root, Dir) }

// ListIn is List for records kept in dir (see RecordPathIn).
func ListIn(root, dir string) ([]string, error) {
	if dir == "" {
		dir = Dir
	}
	if err := CheckPath(dir); err != nil {
		return nil, fmt.Errorf("records directory: %v", err)
	}
	base := filepath.Join(root, filepath.FromSlash(dir))
	var out []string
	err := filepath.WalkDir(base, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			if p == base && errors.Is(err, fs.ErrNotExist) {
				return filepath.SkipDir
			}
			return err
		}
		if d.IsDir() || !strings.HasSuffix(p, recordExt) || strings.HasPrefix(d.Name(), ".signoff-") {
			return nil
		}
		rel, err := filepath.Rel(base, p)
		if err != nil {
			return err
		}
		content := strings.TrimSuffix(filepath.ToSlash(rel), recordExt)
		if CheckPath(content) == nil {
			out = append(out, content)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	sort.Strings(out)
	return out, nil
}

// ContentPathOf returns the content path whose record is the file
// recordFile (a slash path relative to root, such as a path git reports),
// and false when recordFile is not a record in dir (see RecordPathIn).
func ContentPathOf(dir, recordFile string) (string, bool) {
	if dir == "" {
		dir = Dir
	}
	rest, ok := strings.CutPrefix(recordFile, dir+"/")
	if !ok || !strings.HasSuffix(rest, recordExt) {
		return "", false
	}
	content := strings.TrimSuffix(rest, recordExt)
	if CheckPath(content) != nil {
		return "", false
	}
	return content, true
}
