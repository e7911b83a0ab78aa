//! The layout of the source tree: the pure modules (`markdown`, `pairing`, `drift`) import only each other, never
//! the site's configuration, git, the engine, reports or commands, so they stay testable with plain values.

use std::path::Path;

const PURE: &[&str] = &["markdown", "pairing", "drift"];
const FORBIDDEN: &[&str] = &[
    "site",
    "history",
    "engine",
    "report",
    "commands",
    "config",
    "workspace",
    "analysis",
    "gate",
    "pairs",
    "refine",
];

fn rust_files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

#[test]
fn pure_modules_import_only_each_other() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut offences = Vec::new();
    for module in PURE {
        let mut files = Vec::new();
        rust_files(&src.join(module), &mut files);
        assert!(!files.is_empty(), "src/{module} has no files");
        for file in files {
            let text = std::fs::read_to_string(&file).unwrap();
            for (number, line) in text.lines().enumerate() {
                for name in FORBIDDEN {
                    let needle = format!("crate::{name}");
                    if line.contains(&format!("{needle}::")) || line.contains(&format!("{needle};"))
                    {
                        offences.push(format!(
                            "{}:{}: {}",
                            file.display(),
                            number + 1,
                            line.trim()
                        ));
                    }
                }
                if line.contains("std::fs::") || line.contains("std::process::") {
                    offences.push(format!(
                        "{}:{}: {}",
                        file.display(),
                        number + 1,
                        line.trim()
                    ));
                }
            }
        }
    }
    assert!(
        offences.is_empty(),
        "pure modules reach out:\n{}",
        offences.join("\n")
    );
}
