//! Whether standard output leads anywhere.
//!
//! A command started with standard output closed (`pool-console kes period >&-`) would lose
//! its output and still exit 0: Rust's runtime reopens a closed descriptor 0, 1 or 2 on
//! `/dev/null` at start-up, read-write, before `main` runs, so every write "succeeds". A
//! shell's `> /dev/null` opens it write-only, which is how the two are told apart. A parent
//! that gave all three descriptors a read-write `/dev/null` (daemon(3), start-stop-daemon
//! --background) meant to discard the output, and is left alone.

/// True when standard output was closed when this process started. Linux only, and only
/// when `/proc/self/fd` can tell; elsewhere, false.
pub fn stdout_was_closed() -> bool {
    #[cfg(target_os = "linux")]
    {
        linux::stdout_was_closed()
    }
    #[cfg(not(target_os = "linux"))]
    {
        false
    }
}

#[cfg(target_os = "linux")]
mod linux {
    use std::fs;
    use std::io::ErrorKind;
    use std::os::unix::fs::{FileTypeExt, MetadataExt};
    use std::path::Path;

    const O_ACCMODE: u32 = 0o3;
    const O_RDWR: u32 = 0o2;

    pub(super) fn stdout_was_closed() -> bool {
        if !fs::metadata("/proc/self/fd").is_ok_and(|m| m.is_dir()) {
            return false;
        }
        match fs::symlink_metadata("/proc/self/fd/1") {
            // Still closed: another runtime did not reopen it.
            Err(e) if e.kind() == ErrorKind::NotFound => return true,
            Err(_) => return false,
            Ok(_) => {}
        }
        let Ok(null) = fs::metadata("/dev/null") else {
            return false;
        };
        let reopened = |fd: i32| read_write_null(fd, null.rdev());
        reopened(1) && !(reopened(0) && reopened(2))
    }

    /// Descriptor `fd` is the null device (`rdev`), open for reading and writing.
    fn read_write_null(fd: i32, rdev: u64) -> bool {
        let is_null = fs::metadata(format!("/proc/self/fd/{fd}"))
            .is_ok_and(|m| m.file_type().is_char_device() && m.rdev() == rdev);
        is_null && access_mode(fd) == Some(O_RDWR)
    }

    /// The access mode of descriptor `fd`, from the `flags:` line (octal) of its fdinfo: a
    /// few dozen bytes that procfs writes at once, never a stream.
    fn access_mode(fd: i32) -> Option<u32> {
        let info = fs::read_to_string(Path::new("/proc/self/fdinfo").join(fd.to_string())).ok()?;
        let flags = info.lines().find_map(|l| l.strip_prefix("flags:"))?.trim();
        u32::from_str_radix(flags, 8).ok().map(|f| f & O_ACCMODE)
    }

    #[cfg(test)]
    mod tests {
        use super::*;
        use std::os::fd::AsRawFd;

        /// What the runtime's repair leaves is told from a shell's `> /dev/null`.
        #[test]
        fn a_read_write_null_is_told_from_a_write_only_one() {
            let rdev = fs::metadata("/dev/null").unwrap().rdev();
            let open = |read: bool| {
                fs::OpenOptions::new()
                    .read(read)
                    .write(true)
                    .open("/dev/null")
                    .unwrap()
            };
            let (both, write_only) = (open(true), open(false));
            assert!(read_write_null(both.as_raw_fd(), rdev));
            assert!(!read_write_null(write_only.as_raw_fd(), rdev));
            let dir = tempfile::tempdir().unwrap();
            let file = fs::File::create(dir.path().join("f")).unwrap();
            assert_eq!(access_mode(file.as_raw_fd()), Some(0o1));
            assert!(!read_write_null(file.as_raw_fd(), rdev));
        }
    }
}
