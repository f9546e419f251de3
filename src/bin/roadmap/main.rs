//! The `roadmap` binary: parse arguments, run, and map failures to exit codes.

mod cli;
mod commands;
mod wizard;

use clap::Parser;
use hcsw_roadmap::Error;
use hcsw_roadmap::terminal::printable;
use std::io::Write;

fn main() {
    let cli = match cli::Cli::try_parse() {
        Ok(cli) => cli,
        // Help and version go to stdout as clap formats them.
        Err(e) if !e.use_stderr() => e.exit(),
        Err(e) => {
            // Plain text, so what the user typed (possibly an escape
            // sequence) can be made safe before it reaches the terminal.
            let mut text = printable(&e.render().to_string());
            if let Some(hint) = quoting_hint(&e) {
                text.push_str(&hint);
            }
            let _ = write!(std::io::stderr().lock(), "{text}");
            std::process::exit(e.exit_code());
        }
    };
    let color_err = commands::Look::decide(cli.global.color).stderr_color;
    let code = match commands::run(cli) {
        Ok(()) => hcsw_roadmap::error::exit::OK,
        Err(e) => {
            report(&e, color_err);
            e.exit_code()
        }
    };
    std::process::exit(code);
}

/// `--from band 3` without quotes: the shell splits it, so clap sees a
/// stray `3`. Say how to write it.
fn quoting_hint(e: &clap::Error) -> Option<String> {
    if e.kind() != clap::error::ErrorKind::UnknownArgument {
        return None;
    }
    let args: Vec<String> = std::env::args().collect();
    args.windows(3).find_map(|w| {
        let flag_takes_position = matches!(w[0].as_str(), "--from" | "--to");
        (flag_takes_position && w[2].chars().all(|c| c.is_ascii_digit()) && !w[2].is_empty()).then(
            || {
                let joined = printable(&format!("{} {}", w[1], w[2]));
                format!(
                    "\nhint: a position with a space needs quotes: {} \"{joined}\" (or {} {}{})\n",
                    w[0],
                    w[0],
                    printable(&w[1]),
                    printable(&w[2])
                )
            },
        )
    })
}

/// Writes a failure to stderr, with the data report when there is one.
fn report(e: &Error, color: bool) {
    let mut err = std::io::stderr().lock();
    // A closed stderr leaves nowhere to report to; the exit code still tells.
    let _ = match e {
        Error::InvalidData(r) => {
            writeln!(err, "{}error: {e}; nothing was changed", r.render(color))
        }
        Error::Interrupted => {
            drop(err);
            wizard::say_nothing_saved();
            Ok(())
        }
        // Messages quote what the user typed, and paths: neither reaches
        // the terminal raw.
        _ => writeln!(err, "error: {}", printable(&e.to_string())),
    };
}
