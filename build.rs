//! Validates the shipped data with the same loader `roadmap check` uses, and
//! embeds it in a compact binary form (the validated `Roadmap` in `src/compact.rs`
//! binary form), so invalid data fails the build and start-up parses nothing.

#[allow(dead_code, unused_imports)]
#[path = "src/model/mod.rs"]
mod model;

#[allow(dead_code, unused_imports)]
#[path = "src/load/mod.rs"]
mod load;

#[allow(dead_code)]
#[path = "src/matching.rs"]
mod matching;

#[allow(dead_code)]
#[path = "src/terminal.rs"]
mod terminal;

#[allow(dead_code)]
#[path = "src/words.rs"]
mod words;

#[allow(dead_code)]
#[path = "src/compact.rs"]
mod compact;

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

fn main() {
    for p in [
        "data",
        "src/model",
        "src/load",
        "src/matching.rs",
        "src/terminal.rs",
        "src/words.rs",
        "src/compact.rs",
    ] {
        println!("cargo:rerun-if-changed={p}");
    }
    // Developers may point the build at other data while editing; releases
    // always build from data/.
    println!("cargo:rerun-if-env-changed=ROADMAP_BUILD_DATA");
    let data = std::env::var("ROADMAP_BUILD_DATA").unwrap_or_else(|_| "data".into());
    let dir = PathBuf::from(&data);
    let out = PathBuf::from(std::env::var("OUT_DIR").expect("cargo sets OUT_DIR"));
    let files = match load::read_dir(&dir) {
        Ok(files) => files,
        Err(e) => fail(&e.to_string()),
    };
    let roadmap = match load::build(vec![files.clone()]) {
        Ok(r) => r,
        Err(report) => fail(&format!(
            "the shipped data in data/ is invalid:\n\n{}",
            report.render(false)
        )),
    };
    let packed = compact::to_bytes(&roadmap).expect("the model serialises");
    std::fs::write(out.join("roadmap.bin"), packed).expect("OUT_DIR is writable");

    // The TOML itself is embedded too, for `roadmap check` and overlays.
    let root = std::env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR");
    let mut list = String::from("pub const FILES: &[(&str, &str)] = &[\n");
    for f in &files {
        let name = Path::new(&f.file.name)
            .file_name()
            .expect("data files have names")
            .to_string_lossy();
        let path = Path::new(&root).join(&data).join(name.as_ref());
        writeln!(
            list,
            "    ({:?}, include_str!({:?})),",
            format!("data/{name}"),
            path
        )
        .expect("writing to a String");
    }
    list.push_str("];\n");
    std::fs::write(out.join("embedded_files.rs"), list).expect("OUT_DIR is writable");
}

fn fail(message: &str) -> ! {
    // Cargo shows a build script's stderr when it fails.
    eprintln!("{message}");
    std::process::exit(1);
}
