//! Atomic file writes: the new bytes go to a temporary file in the same folder, which then replaces the target in
//! one rename. A reader sees the old file or the new one, never half of one; on any error the original is intact.

use std::io::Write;
use std::path::{Path, PathBuf};

/// Writes `bytes` to `path` through a temporary file in the same folder and a rename; on any error the original file is intact.
pub fn write_atomic(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    write_atomic_with(path, |file| file.write_all(bytes))
}

/// [`write_atomic`] with the writing done by `fill` (tests make it fail half-way).
pub fn write_atomic_with(
    path: &Path,
    fill: impl FnOnce(&mut std::fs::File) -> std::io::Result<()>,
) -> std::io::Result<()> {
    replace(path, fill, true)
}

/// [`write_atomic_with`] for a file tandem rebuilds when it is damaged (a cache): replaced in one rename all the same,
/// without waiting for the disk to hold the new bytes first. Each cache carries its length and a checksum, so a file
/// that a crash leaves empty or torn is read as damaged and rebuilt; a cold run saves three caches and waited about
/// 2 ms for the disk.
pub fn write_rebuildable_with(
    path: &Path,
    fill: impl FnOnce(&mut std::fs::File) -> std::io::Result<()>,
) -> std::io::Result<()> {
    replace(path, fill, false)
}

/// Why a file cannot be written by [`write_atomic`].
#[derive(Debug)]
pub enum Unwritable {
    /// The file exists and is read-only (no write bit, or not writable by this user): the rename would replace it
    /// all the same, ignoring the lock another tool or its owner put on it.
    ReadOnly,
    /// The folder that would hold the temporary file (or the nearest one that exists, for a file whose folders are
    /// to be created) does not take a new file.
    Folder {
        folder: PathBuf,
        error: std::io::Error,
    },
}

/// Checks that `path` can be written by [`write_atomic`] (its folders created first when missing), without writing
/// anything: a command that writes several files checks them all before the first write.
pub fn check_writable(path: &Path) -> Result<(), Unwritable> {
    if read_only(path) {
        return Err(Unwritable::ReadOnly);
    }
    let mut folder = match path.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir.to_path_buf(),
        _ => PathBuf::from("."),
    };
    while std::fs::symlink_metadata(&folder).is_err() {
        match folder.parent() {
            Some(up) if !up.as_os_str().is_empty() => folder = up.to_path_buf(),
            _ => break,
        }
    }
    match std::fs::metadata(&folder) {
        Ok(metadata) if !metadata.is_dir() => Err(Unwritable::Folder {
            folder,
            error: std::io::Error::from(std::io::ErrorKind::NotADirectory),
        }),
        Err(error) => Err(Unwritable::Folder { folder, error }),
        Ok(_) if !access_write(&folder) => Err(Unwritable::Folder {
            folder,
            error: std::io::Error::from(std::io::ErrorKind::PermissionDenied),
        }),
        Ok(_) => Ok(()),
    }
}

/// Whether `path` is a file that is read-only: no write bit, or not writable by this user.
pub fn read_only(path: &Path) -> bool {
    std::fs::metadata(path).is_ok_and(|metadata| {
        metadata.is_file() && (metadata.permissions().readonly() || !access_write(path))
    })
}

/// Whether this user may write `path` (for a folder: create files in it), as the system says.
fn access_write(path: &Path) -> bool {
    #[cfg(unix)]
    {
        use rustix::fs::{Access, access};
        let mode = if path.is_dir() {
            Access::WRITE_OK | Access::EXEC_OK
        } else {
            Access::WRITE_OK
        };
        access(path, mode).is_ok()
    }
    #[cfg(not(unix))]
    {
        let _ = path;
        true
    }
}

/// The temporary file's name ends with this.
const SUFFIX: &str = ".tandem-tmp";
/// Random characters in the temporary file's name.
const RANDOM: usize = 6;
/// The longest file name most file systems take (`NAME_MAX`), in bytes.
const NAME_MAX: usize = 255;

/// The part of the target's name in the temporary file's name (`.{stem}.XXXXXX.tandem-tmp`): the name, cut at a
/// character boundary so that the whole stays within [`NAME_MAX`] bytes. A name of 237 bytes or more, legal itself,
/// made a temporary name too long to create, and the page could not be written at all.
fn temp_stem(name: &str) -> &str {
    let room = NAME_MAX - 2 - RANDOM - SUFFIX.len();
    if name.len() <= room {
        return name;
    }
    let mut end = room;
    while !name.is_char_boundary(end) {
        end -= 1;
    }
    &name[..end]
}

/// Writes through a temporary file and a rename; `durable`: the bytes are on the disk before the rename.
fn replace(
    path: &Path,
    fill: impl FnOnce(&mut std::fs::File) -> std::io::Result<()>,
    durable: bool,
) -> std::io::Result<()> {
    let dir = match path.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir,
        _ => Path::new("."),
    };
    // A read-only file is not replaced: the rename would ignore its write bit.
    if durable && read_only(path) {
        return Err(std::io::Error::new(
            std::io::ErrorKind::PermissionDenied,
            "the file is read-only",
        ));
    }
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let mut temp = tempfile::Builder::new()
        .prefix(&format!(".{}.", temp_stem(&name)))
        .rand_bytes(RANDOM)
        .suffix(SUFFIX)
        .tempfile_in(dir)?;
    fill(temp.as_file_mut())?;
    if durable {
        temp.as_file().sync_all()?;
    }
    // The new file keeps the permissions of the one it replaces; a new file gets the usual rw-r--r-- rather than the
    // temporary file's private rw-------.
    match std::fs::metadata(path) {
        Ok(metadata) => temp.as_file().set_permissions(metadata.permissions())?,
        Err(_) => {
            #[cfg(unix)]
            {
                use std::os::unix::fs::PermissionsExt;
                temp.as_file()
                    .set_permissions(std::fs::Permissions::from_mode(0o644))?;
            }
        }
    }
    // On error the temporary file is removed when `temp` is dropped.
    temp.persist(path).map_err(|err| err.error)?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entries(dir: &Path) -> Vec<String> {
        let mut names: Vec<String> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
        names.sort();
        names
    }

    #[test]
    fn replaces_and_creates() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("page.md");
        write_atomic(&path, b"one").unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"one");
        write_atomic(&path, b"two").unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"two");
        assert_eq!(entries(dir.path()), vec!["page.md"]);
    }

    #[cfg(unix)]
    #[test]
    fn keeps_permissions() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("run.sh");
        std::fs::write(&path, b"old").unwrap();
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o755)).unwrap();
        write_atomic(&path, b"new").unwrap();
        let mode = std::fs::metadata(&path).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o755);
        let created = dir.path().join("new.md");
        write_atomic(&created, b"new").unwrap();
        let mode = std::fs::metadata(&created).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o644);
    }

    #[test]
    fn a_failed_write_leaves_the_original_and_no_temporary_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("page.md");
        std::fs::write(&path, b"original").unwrap();
        let err = write_atomic_with(&path, |file| {
            file.write_all(b"half")?;
            Err(std::io::Error::other("disk full"))
        })
        .unwrap_err();
        assert_eq!(err.to_string(), "disk full");
        assert_eq!(std::fs::read(&path).unwrap(), b"original");
        assert_eq!(entries(dir.path()), vec!["page.md"]);
    }

    #[test]
    fn a_rebuildable_file_is_replaced_whole_or_not_at_all_too() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("cache");
        write_rebuildable_with(&path, |file| file.write_all(b"one")).unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"one");
        let err = write_rebuildable_with(&path, |file| {
            file.write_all(b"tw")?;
            Err(std::io::Error::other("disk full"))
        })
        .unwrap_err();
        assert_eq!(err.to_string(), "disk full");
        assert_eq!(std::fs::read(&path).unwrap(), b"one");
        assert_eq!(entries(dir.path()), vec!["cache"]);
    }

    #[test]
    fn a_long_name_gets_a_temporary_name_within_name_max() {
        let dir = tempfile::tempdir().unwrap();
        // 255 bytes: the longest name there is.
        let name = format!("{}é.md", "x".repeat(250));
        assert_eq!(name.len(), 255);
        let stem = temp_stem(&name);
        assert_eq!(stem.len() + 2 + RANDOM + SUFFIX.len(), NAME_MAX);
        // A two-byte character across the cut is left out whole.
        let accented = format!("{}é.md", "x".repeat(235));
        assert_eq!(temp_stem(&accented).len(), 235);
        let path = dir.path().join(&name);
        write_atomic(&path, b"one").unwrap();
        write_atomic(&path, b"two").unwrap();
        assert_eq!(std::fs::read(&path).unwrap(), b"two");
        assert_eq!(entries(dir.path()), vec![name]);
    }

    #[test]
    fn a_missing_folder_is_an_error() {
        let dir = tempfile::tempdir().unwrap();
        assert!(write_atomic(&dir.path().join("no/such/page.md"), b"x").is_err());
    }
}
