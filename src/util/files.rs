//! What a path names when it is not a regular file. Reading a named pipe waits for a writer that may never come, and
//! a folder or a device is no page nor config: such a path is said to be what it is instead of being read.

use std::path::Path;

/// The message id saying what `path` is, when `metadata` (followed through links) is not a regular file's: a folder
/// (a git submodule when it holds `.git`), a named pipe, a socket, a device.
pub fn not_regular(path: &Path, metadata: &std::fs::Metadata) -> Option<&'static str> {
    let kind = metadata.file_type();
    if kind.is_file() {
        return None;
    }
    if kind.is_dir() {
        return Some(if path.join(".git").exists() {
            "file-kind-submodule"
        } else {
            "file-kind-folder"
        });
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if kind.is_fifo() {
            return Some("file-kind-fifo");
        }
        if kind.is_socket() {
            return Some("file-kind-socket");
        }
        if kind.is_block_device() || kind.is_char_device() {
            return Some("file-kind-device");
        }
    }
    Some("file-kind-special")
}

/// The message id saying what `path` is: a file, or what [`not_regular`] says.
pub fn kind(path: &Path, metadata: &std::fs::Metadata) -> &'static str {
    not_regular(path, metadata).unwrap_or("file-kind-file")
}

/// Whether an error means nothing is at the path (a missing file, or a file where a folder was expected).
pub fn is_absent(err: &std::io::Error) -> bool {
    matches!(
        err.kind(),
        std::io::ErrorKind::NotFound | std::io::ErrorKind::NotADirectory
    )
}
