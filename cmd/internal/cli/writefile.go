package cli

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// Writing files never leaves a half-written file: data goes to a temporary
// file in the same directory (same file system, so the rename is atomic),
// is synced, given the original's permissions, and renamed over the
// original. On any error the temporary file is removed and the original is
// untouched. os.Rename replaces an existing file on Windows too
// (MoveFileEx with MOVEFILE_REPLACE_EXISTING), so one code path serves all.

// testHookBeforeRename, when set by a test, runs after the temporary file
// is written and synced and before it is renamed; an error aborts the write.
var testHookBeforeRename func(tmp string) error

// errChanged means the file changed on disk after it was read.
var errChanged = errors.New("changed since it was read; not written (run the command again)")

// writeFileAtomic replaces path with data. An existing file keeps its
// permissions; symbolic links are refused rather than followed.
func writeFileAtomic(path string, data []byte, perm os.FileMode) error {
	if st, err := os.Lstat(path); err == nil {
		if st.Mode()&os.ModeSymlink != 0 {
			return fmt.Errorf("%s is a symbolic link; refusing to replace it", path)
		}
		perm = st.Mode().Perm()
	}
	return atomicWrite(path, data, perm, nil)
}

// replaceFile replaces path, which was read as orig, with data. It refuses
// when the file no longer holds orig (someone saved it meanwhile), and
// follows a symbolic link only to a file inside root.
func replaceFile(path string, data, orig []byte, root string) error {
	target := path
	st, err := os.Lstat(path)
	if err != nil {
		return err
	}
	if st.Mode()&os.ModeSymlink != 0 {
		if target, err = linkInside(path, root); err != nil {
			return err
		}
		if st, err = os.Stat(target); err != nil {
			return err
		}
	}
	if !st.Mode().IsRegular() {
		return fmt.Errorf("not a regular file")
	}
	return atomicWrite(target, data, st.Mode().Perm(), func() error {
		now, err := os.ReadFile(target)
		if err != nil {
			return err
		}
		if !bytes.Equal(now, orig) {
			return errChanged
		}
		return nil
	})
}

// linkInside resolves a symbolic link and refuses targets outside root.
func linkInside(path, root string) (string, error) {
	target, err := filepath.EvalSymlinks(path)
	if err != nil {
		return "", err
	}
	r, err := filepath.EvalSymlinks(root)
	if err != nil {
		return "", err
	}
	abs, err := filepath.Abs(target)
	if err != nil {
		return "", err
	}
	rel, err := filepath.Rel(r, abs)
	if err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator)) || filepath.IsAbs(rel) {
		return "", fmt.Errorf("symbolic link to %s, outside the working directory; refusing to write through it", target)
	}
	return abs, nil
}

// atomicWrite writes data to a temporary file next to path and renames it
// over path. check, when given, runs right before the rename.
func atomicWrite(path string, data []byte, perm os.FileMode, check func() error) (err error) {
	dir := filepath.Dir(path)
	tmp, err := os.CreateTemp(dir, "."+filepath.Base(path)+".redact-*")
	if err != nil {
		return fmt.Errorf("cannot write in %s: %w", dir, unwrapPathError(err))
	}
	name := tmp.Name()
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(name)
		}
	}()
	if _, err = tmp.Write(data); err != nil {
		return err
	}
	if err = tmp.Chmod(perm); err != nil {
		return err
	}
	if err = tmp.Sync(); err != nil {
		return err
	}
	if err = tmp.Close(); err != nil {
		return err
	}
	if testHookBeforeRename != nil {
		if err = testHookBeforeRename(name); err != nil {
			return err
		}
	}
	if check != nil {
		if err = check(); err != nil {
			return err
		}
	}
	if err = os.Rename(name, path); err != nil {
		return err
	}
	syncDir(dir)
	return nil
}

// syncDir makes the rename durable where the platform allows it; failure
// only weakens durability after a crash, so it is not reported.
func syncDir(dir string) {
	if d, err := os.Open(dir); err == nil {
		_ = d.Sync()
		d.Close()
	}
}
