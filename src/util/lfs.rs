//! Git LFS pointers: the few lines git stores in place of a file kept in LFS, left in the work tree when the file was
//! never pulled (`git lfs pull`). Such a file is no page, and writing a pin into it would replace the page in LFS.

/// The first line of every pointer (git-lfs's specification, v1).
const VERSION_LINE: &[u8] = b"version https://git-lfs.github.com/spec/v1";

/// Pointers are smaller than this (the specification's limit; git-lfs reads nothing larger as one).
const MAX_POINTER: usize = 1024;

/// Whether `bytes` are a Git LFS pointer rather than the file it stands for.
pub fn is_pointer(bytes: &[u8]) -> bool {
    bytes.len() < MAX_POINTER
        && bytes
            .strip_prefix(VERSION_LINE)
            .is_some_and(|rest| rest.starts_with(b"\n") || rest.starts_with(b"\r\n"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_pointer_and_pages_that_are_not() {
        let pointer = b"version https://git-lfs.github.com/spec/v1\noid sha256:4d7a214614ab2935c943f9e0ff69d22eadbb8f32b1258daaa5e2ca24d17e2393\nsize 12345\n";
        assert!(is_pointer(pointer));
        assert!(!is_pointer(b"---\ntitle: T\n---\n"));
        assert!(!is_pointer(
            b"version https://git-lfs.github.com/spec/v1 is the pointer format\n"
        ));
        let mut long = pointer.to_vec();
        long.extend(std::iter::repeat_n(b'x', MAX_POINTER));
        assert!(!is_pointer(&long));
    }
}
