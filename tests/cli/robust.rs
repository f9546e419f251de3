//! The fuzz targets' ground, bounded, on every `cargo test`: mutated data
//! files through the loader (and, when they load, the engine), and odd
//! text through position and `--have` parsing. Nothing may panic.
//! The long runs are `cargo fuzz` (see CONTRIBUTING.md).

#[path = "../../fuzz/exercise.rs"]
mod exercise;

use hcsw_roadmap::embedded;
use proptest::prelude::*;
use std::sync::OnceLock;

/// The committed fuzz seeds: valid data, every broken fixture, overlays.
fn seeds() -> &'static [Vec<u8>] {
    static SEEDS: OnceLock<Vec<Vec<u8>>> = OnceLock::new();
    SEEDS.get_or_init(|| {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz/seeds/loader");
        let mut paths: Vec<_> = std::fs::read_dir(&dir)
            .expect("fuzz/seeds/loader")
            .map(|e| e.expect("entry").path())
            .collect();
        paths.sort();
        paths
            .iter()
            .map(|p| std::fs::read(p).expect("seed"))
            .collect()
    })
}

#[derive(Debug, Clone)]
enum Edit {
    Insert(usize, Vec<u8>),
    Delete(usize, usize),
    Replace(usize, u8),
}

/// Fragments that make a mutation land on something the parser cares about.
const TOKENS: &[&str] = &[
    "[[role]]",
    "[[pathway]]",
    "[[programme]]",
    "[[requirement]]",
    "id = ",
    "\"",
    "'''",
    "[",
    "]",
    "{",
    "}",
    "=",
    ",",
    "\n",
    "#",
    "band = ",
    "from = [\"",
    "to = \"",
    "via = [\"",
    "entry = [\"",
    "satisfied-by = [\"",
    " | ",
    " & ",
    "registered-nurse",
    "hca",
    "maths-l2",
    "2026-11-21",
    "\u{1b}[31m",
    "\u{feff}",
    "\0",
    "\u{202e}",
    "-1",
    "255",
    "99999999999999999999",
];

fn edit() -> impl Strategy<Value = Edit> {
    prop_oneof![
        (any::<usize>(), prop::sample::select(TOKENS))
            .prop_map(|(at, t)| Edit::Insert(at, t.as_bytes().to_vec())),
        (any::<usize>(), prop::collection::vec(any::<u8>(), 1..8))
            .prop_map(|(at, b)| Edit::Insert(at, b)),
        (any::<usize>(), 1usize..64).prop_map(|(at, n)| Edit::Delete(at, n)),
        (any::<usize>(), any::<u8>()).prop_map(|(at, b)| Edit::Replace(at, b)),
    ]
}

fn apply(mut bytes: Vec<u8>, edits: &[Edit]) -> Vec<u8> {
    for e in edits {
        // Offset 0 is the mode byte; edits land in the file after it.
        let len = bytes.len().max(1);
        match e {
            Edit::Insert(at, b) => {
                let at = 1 + at % len;
                let at = at.min(bytes.len());
                bytes.splice(at..at, b.iter().copied());
            }
            Edit::Delete(at, n) if bytes.len() > 1 => {
                let at = 1 + at % (bytes.len() - 1);
                let end = (at + n).min(bytes.len());
                bytes.drain(at..end);
            }
            Edit::Replace(at, b) if bytes.len() > 1 => {
                let at = 1 + at % (bytes.len() - 1);
                bytes[at] = *b;
            }
            _ => {}
        }
    }
    bytes
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn mutated_data_files_never_panic_the_loader_or_engine(
        seed in any::<prop::sample::Index>(),
        edits in prop::collection::vec(edit(), 1..6),
        overlay in prop::bool::weighted(0.15),
    ) {
        let seeds = seeds();
        let mut bytes = apply(seed.get(seeds).clone(), &edits);
        // Overlays on the shipped data cost a full load each: keep most
        // cases standalone so the run stays short.
        bytes[0] = if overlay { b'1' } else { b'0' };
        exercise::loader(&bytes);
    }

    #[test]
    fn arbitrary_text_never_panics_the_loader(text in "\\PC{0,200}") {
        exercise::loader(format!("0{text}").as_bytes());
    }

    #[test]
    fn arbitrary_positions_and_have_words_never_panic(
        text in prop_oneof![
            "\\PC{0,60}",
            "(band|b|Band|BAND)[ -]?[0-9]{0,3}",
            "[a-z ]{0,12}(HCA|senior HCA|MSW|nurse|maths|english|gcse|level 2)[a-z ,&|]{0,12}",
        ],
    ) {
        static MAP: OnceLock<hcsw_roadmap::model::Roadmap> = OnceLock::new();
        exercise::position(MAP.get_or_init(embedded::roadmap), &text);
    }
}
