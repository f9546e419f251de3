//! One module per subcommand. Each parses nothing itself: it takes clap's
//! arguments, asks the engine, and hands the result to a renderer.

mod assess;
mod check;
mod export;
mod listings;
mod pathways;
mod profile;
mod schema;
mod show;

use crate::cli::{Cli, ColorChoice, Command, Global};
use hcsw_roadmap::load::{self, LayerFile};
use hcsw_roadmap::model::Roadmap;
use hcsw_roadmap::render::Style;
use hcsw_roadmap::{Error, Result, embedded};
use std::io::{IsTerminal, Write};

pub fn run(cli: Cli) -> Result<()> {
    let ctx = Ctx::new(cli.global);
    match cli.command {
        Command::Check => check::run(&ctx),
        Command::Schema { export } => schema::run(&ctx, export),
        Command::Export(a) => export::run(&ctx, &a),
        Command::Completions { shell } => {
            let mut cmd = <Cli as clap::CommandFactory>::command();
            let mut out = Vec::new();
            clap_complete::generate(shell, &mut cmd, "roadmap", &mut out);
            emit(&String::from_utf8_lossy(&out))
        }
        Command::Man => {
            let mut out = Vec::new();
            clap_mangen::Man::new(<Cli as clap::CommandFactory>::command())
                .render(&mut out)
                .map_err(|e| Error::io("standard output", e))?;
            emit(&String::from_utf8_lossy(&out))
        }
        Command::Pathways(a) => pathways::run(&ctx, &a),
        Command::Roles {
            band,
            setting,
            family,
            out,
        } => listings::roles(&ctx, band, setting, family, out.format),
        Command::Areas { id, out } => listings::areas(&ctx, id.as_deref(), out.format),
        Command::Search { words, out } => listings::search(&ctx, &words, out.format),
        Command::Show { id, out } => show::run(&ctx, &id, out.format),
        Command::Assess(a) => assess::run(&ctx, &a),
        Command::Profile(p) => profile::run(&ctx, &p),
    }
}

/// What every command needs: the global options and how to draw output.
pub struct Ctx {
    pub global: Global,
    pub style: Style,
}

impl Ctx {
    fn new(global: Global) -> Self {
        let tty = std::io::stdout().is_terminal();
        let color = match global.color {
            ColorChoice::Always => true,
            ColorChoice::Never => false,
            ColorChoice::Auto => tty && std::env::var_os("NO_COLOR").is_none(),
        };
        let width = terminal_width(tty);
        Ctx {
            global,
            style: Style {
                color,
                fancy: tty && color,
                width,
            },
        }
    }

    /// The data layers the options name: base data, then each overlay.
    pub fn layers(&self) -> Result<Vec<Vec<LayerFile>>> {
        let base = match &self.global.data {
            Some(dir) => load::read_dir(dir)?,
            None => embedded::files(),
        };
        let mut layers = vec![base];
        for dir in &self.global.overlay {
            layers.push(load::read_dir(dir)?);
        }
        Ok(layers)
    }

    /// The roadmap to answer from. The plain national data comes from the
    /// pre-validated digest; anything else is read and validated now (or
    /// taken from the cache of an earlier validation).
    ///
    /// It lives for the whole run and is never freed: freeing thousands of
    /// small strings just before exit cost about 7% of a `pathways` run.
    pub fn roadmap(&self) -> Result<&'static Roadmap> {
        self.load().map(|r| &*Box::leak(Box::new(r)))
    }

    fn load(&self) -> Result<Roadmap> {
        if self.global.data.is_none() && self.global.overlay.is_empty() {
            return Ok(embedded::roadmap());
        }
        let dirs: Vec<&std::path::Path> = self
            .global
            .data
            .iter()
            .chain(&self.global.overlay)
            .map(|p| p.as_path())
            .collect();
        // The built-in data is part of the key through the version.
        let key = load::cache::key(&dirs);
        let cache = cache_dir();
        if let (Some(k), Some(c)) = (&key, &cache)
            && let Some(r) = load::cache::read(c, k)
        {
            return Ok(r);
        }
        let roadmap = load::build(self.layers()?).map_err(Error::InvalidData)?;
        if let (Some(k), Some(c)) = (key, cache) {
            load::cache::write(&c, k, roadmap.clone());
        }
        Ok(roadmap)
    }
}

/// Where validated `--data`/`--overlay` directories are cached:
/// `$ROADMAP_HOME/cache` when set (tests), else the user cache directory.
fn cache_dir() -> Option<std::path::PathBuf> {
    match std::env::var_os("ROADMAP_HOME") {
        Some(h) => Some(std::path::PathBuf::from(h).join("cache")),
        None => dirs::cache_dir().map(|d| d.join("roadmap")),
    }
}

/// Columns to draw tables in: the terminal's, `COLUMNS`, or 100 when piped.
fn terminal_width(tty: bool) -> u16 {
    if let Some(n) = std::env::var("COLUMNS")
        .ok()
        .and_then(|c| c.parse::<u16>().ok())
    {
        return n.max(40);
    }
    if tty && let Ok((w, _)) = crossterm::terminal::size() {
        return w.max(40);
    }
    100
}

/// Exit 73 when `path` exists and there is no `--force`. Commands call it
/// before any work too, so nobody answers questions for a file that fails.
pub fn refuse_existing(path: Option<&std::path::Path>, force: bool) -> Result<()> {
    match path {
        Some(p) if p.exists() && !force => Err(Error::CantCreate(format!(
            "{} already exists; choose another file, or add --force to replace it",
            p.display()
        ))),
        _ => Ok(()),
    }
}

/// Writes a new file atomically. An existing file is replaced only with
/// `force`; otherwise exit 73 and the file is untouched.
pub fn write_new_file(path: &std::path::Path, bytes: &[u8], force: bool) -> Result<()> {
    refuse_existing(Some(path), force)?;
    if path.is_dir() {
        return Err(Error::CantCreate(format!(
            "{} is a directory; give a file name",
            path.display()
        )));
    }
    hcsw_roadmap::atomic::write_atomic(path, bytes, None).map_err(|e| Error::io(path, e))
}

/// Writes to stdout; a closed pipe (`roadmap ... | head`) is not an error.
pub fn emit(text: &str) -> Result<()> {
    let mut out = std::io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => {
            Err(Error::io("standard output", e))
        }
        _ => Ok(()),
    }
}
