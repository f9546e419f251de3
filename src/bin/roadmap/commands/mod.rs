//! One module per subcommand. Each parses nothing itself: it takes clap's
//! arguments, asks the engine, and hands the result to a renderer.

mod assess;
mod check;
mod cohort;
mod export;
mod listings;
mod pathways;
mod profile;
mod schema;
mod show;

use crate::cli::{Cli, ColorChoice, Command, Global};
use hcsw_roadmap::engine::Engine;
use hcsw_roadmap::engine::next::Filter;
use hcsw_roadmap::load::{self, LayerFile};
use hcsw_roadmap::model::Roadmap;
use hcsw_roadmap::render::Style;
use hcsw_roadmap::{Error, Result, embedded};
use hcsw_roadmap::{atomic, terminal};
use std::io::{IsTerminal, Write};
use std::path::Path;

pub fn run(cli: Cli) -> Result<()> {
    let mut app = App::new(cli.global);
    match cli.command {
        Command::Check(a) => check::run(&app, &a),
        Command::Cohort(a) => {
            // A staff list is personal data: a team's analysis writes
            // nothing it was not asked for, not even the data cache.
            app.write_cache = false;
            cohort::run(&app, &a)
        }
        Command::Schema { export } => schema::run(&app, export),
        Command::Export(a) => export::run(&app, &a),
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
        Command::Pathways(a) => pathways::run(&app, &a),
        Command::Roles {
            band,
            setting,
            family,
            out,
        } => listings::roles(
            &app,
            band,
            Filter {
                setting,
                family,
                ..Default::default()
            },
            out.format,
        ),
        Command::Areas { id, out } => listings::areas(&app, id.as_deref(), out.format),
        Command::Search { words, out } => listings::search(&app, &words, out.format),
        Command::Show { id, start, out } => show::run(&app, &id, start.as_deref(), out.format),
        Command::Assess(a) => assess::run(&app, &a),
        Command::Profile(p) => profile::run(&app, &p),
    }
}

/// What every command needs: the global options and how to draw output.
pub struct App {
    pub global: Global,
    pub style: Style,
    /// Whether messages on stderr may be coloured.
    pub stderr_color: bool,
    /// Whether validated `--data`/`--overlay` directories may be cached.
    pub write_cache: bool,
}

/// How output looks, decided in this one place for both streams: colour
/// follows `--color`, `NO_COLOR` and whether the stream is a terminal; a
/// terminal that says `TERM=dumb` gets plain ASCII, no bold.
pub struct Look {
    pub stdout: Style,
    pub stderr_color: bool,
}

impl Look {
    pub fn decide(choice: ColorChoice) -> Look {
        let dumb = std::env::var_os("TERM").is_some_and(|t| t == "dumb");
        let color_on = |tty: bool| match choice {
            ColorChoice::Always => true,
            ColorChoice::Never => false,
            ColorChoice::Auto => tty && !dumb && std::env::var_os("NO_COLOR").is_none(),
        };
        let tty = std::io::stdout().is_terminal();
        let color = color_on(tty);
        Look {
            stdout: Style {
                color,
                fancy: tty && color && !dumb,
                width: terminal_width(tty),
                ascii: tty && dumb,
                brief: false,
            },
            stderr_color: color_on(std::io::stderr().is_terminal()),
        }
    }
}

impl App {
    fn new(global: Global) -> Self {
        let look = Look::decide(global.color);
        App {
            global,
            style: look.stdout,
            stderr_color: look.stderr_color,
            write_cache: true,
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

    /// The engine over the roadmap to answer from.
    pub fn engine(&self) -> Result<Engine<'static>> {
        Ok(Engine::at(self.roadmap()?, &today()))
    }

    /// The roadmap to answer from. The plain national data comes from the
    /// pre-validated compact form; anything else is read and validated now (or
    /// taken from the cache of an earlier validation).
    ///
    /// It lives for the whole run and is never freed: freeing thousands of
    /// small strings just before exit cost about 7% of a `pathways` run.
    pub fn roadmap(&self) -> Result<&'static Roadmap> {
        self.load().map(|r| &*Box::leak(Box::new(r)))
    }

    fn load(&self) -> Result<Roadmap> {
        use hcsw_roadmap::cache::{self, Origin};
        if self.global.data.is_none() && self.global.overlay.is_empty() {
            return Ok(embedded::roadmap());
        }
        // Read every file once: the cache key hashes exactly the bytes that
        // would be validated, so the cache can only answer for these files.
        let layers = self.layers()?;
        let origins = std::iter::once(match &self.global.data {
            Some(d) => Origin::Dir(d),
            None => Origin::BuiltIn,
        })
        .chain(self.global.overlay.iter().map(|d| Origin::Dir(d)));
        let named: Vec<_> = origins.zip(layers.iter().map(Vec::as_slice)).collect();
        let key = cache::key(&named);
        let dir = cache_dir();
        if let Some(c) = &dir
            && let Some(r) = cache::read(c, &key)
        {
            return Ok(r);
        }
        let roadmap = load::build(layers).map_err(Error::InvalidData)?;
        if let Some(c) = dir
            && self.write_cache
        {
            cache::write(&c, key, roadmap.clone());
        }
        Ok(roadmap)
    }
}

/// Where validated `--data`/`--overlay` directories are cached:
/// `$ROADMAP_HOME/cache` when that is set (tests), else the user cache
/// directory. An empty `ROADMAP_HOME` counts as unset, not as `./`.
fn cache_dir() -> Option<std::path::PathBuf> {
    match std::env::var_os("ROADMAP_HOME") {
        Some(h) if !h.is_empty() => Some(std::path::PathBuf::from(h).join("cache")),
        _ => dirs::cache_dir().map(|d| d.join("roadmap")),
    }
}

/// Today's date where the person is, `YYYY-MM-DD` (UK summer time and all:
/// a plan made just after midnight is dated that day), or `ROADMAP_TODAY`
/// when set, for tests.
pub fn today() -> String {
    if let Ok(d) = std::env::var("ROADMAP_TODAY") {
        return d;
    }
    // jiff's system time zone lists the whole time zone database first
    // (about 1.5 ms, half the start-up); reading /etc/localtime is enough
    // unless TZ says otherwise.
    let local = std::env::var_os("TZ")
        .is_none()
        .then(|| std::fs::read("/etc/localtime").ok())
        .flatten()
        .and_then(|tzif| jiff::tz::TimeZone::tzif("Local", &tzif).ok());
    match local {
        Some(tz) => jiff::Timestamp::now().to_zoned(tz).date().to_string(),
        None => jiff::Zoned::now().date().to_string(),
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
pub fn refuse_existing(path: Option<&Path>, force: bool) -> Result<()> {
    match path {
        // A dangling link counts: writing would go through it.
        Some(p) if p.symlink_metadata().is_ok() && !force => Err(exists(p)),
        _ => Ok(()),
    }
}

fn exists(p: &Path) -> Error {
    Error::CantCreate(format!(
        "{} already exists; choose another file, or add --force to replace it",
        terminal::path(p)
    ))
}

/// Writes an output file atomically. An existing file is replaced only with
/// `force`; otherwise exit 73 and the file is untouched (also when another
/// process creates it first).
pub fn write_new_file(path: &Path, bytes: &[u8], force: bool) -> Result<()> {
    write_file(path, bytes, force, false)
}

/// [`write_new_file`] for personal data (a career-conversation record):
/// readable by its owner only (0600), as the saved profile is.
pub fn write_private_file(path: &Path, bytes: &[u8], force: bool) -> Result<()> {
    write_file(path, bytes, force, true)
}

fn write_file(path: &Path, bytes: &[u8], force: bool, private: bool) -> Result<()> {
    let opts = atomic::Options {
        replace: force,
        private,
        ..Default::default()
    };
    match atomic::write(path, bytes, opts) {
        Ok(_) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => Err(exists(path)),
        Err(e) if e.kind() == std::io::ErrorKind::IsADirectory => Err(Error::CantCreate(format!(
            "{} is a directory; give a file name",
            terminal::path(path)
        ))),
        Err(e) => Err(Error::io(path, e)),
    }
}

/// Says what was done, on stderr ("Wrote …"). By then the work is saved, so
/// a stderr that cannot be written (closed, full, a closed pipe) costs
/// nothing: the failure is ignored, never a panic.
pub fn status(message: &str) {
    let _ = writeln!(std::io::stderr().lock(), "{}", terminal::printable(message));
}

/// Writes to stdout; a closed pipe (`roadmap ... | head`) is not an error,
/// but a closed stdout (`>&-`), where everything would be lost, is.
pub fn emit(text: &str) -> Result<()> {
    if stdout_was_closed() {
        return Err(Error::io(
            "standard output",
            std::io::Error::other("it is closed, so the output would be lost"),
        ));
    }
    let mut out = std::io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => {
            Err(Error::io("standard output", e))
        }
        _ => Ok(()),
    }
}

/// Rust's runtime reopens a closed standard output on /dev/null (read and
/// write), so writes to it "succeed". A shell's `>/dev/null` opens it write
/// only, so the two can be told apart.
#[cfg(target_os = "linux")]
fn stdout_was_closed() -> bool {
    let null = std::fs::read_link("/proc/self/fd/1").is_ok_and(|t| t == Path::new("/dev/null"));
    null && std::fs::read_to_string("/proc/self/fdinfo/1").is_ok_and(|info| {
        info.lines()
            .find_map(|l| l.strip_prefix("flags:"))
            .and_then(|f| u32::from_str_radix(f.trim(), 8).ok())
            .is_some_and(|flags| flags & 0o3 == 0o2)
    })
}

#[cfg(not(target_os = "linux"))]
fn stdout_was_closed() -> bool {
    false
}
