//! Command-line definitions. Names follow DESIGN.md: people and scripts
//! depend on them.

use clap::{Args, Parser, Subcommand, ValueEnum};
pub use hcsw_roadmap::render::{ExportFormat, Format};
use std::path::PathBuf;

const ABOUT: &str = "Where can I go from here? The NHS healthcare support worker \
learning and development roadmap, in your terminal.";

const EXAMPLES: &str = "\
Examples:
  roadmap pathways --from band3                  next steps from a band 3 role
  roadmap pathways --from band2 --to registered-nurse --have gcse-english
  roadmap roles --band 4                         every band 4 role
  roadmap show nursing-associate                 everything about one record
  roadmap assess                                 answer a few questions, get a plan
  roadmap check --overlay ./our-trust            validate your trust's additions";

#[derive(Debug, Parser)]
#[command(name = "roadmap", version, about = ABOUT, after_help = EXAMPLES)]
pub struct Cli {
    #[command(flatten)]
    pub global: Global,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Args)]
pub struct Global {
    /// Use the data in DIR instead of the national roadmap built into roadmap.
    #[arg(long, global = true, value_name = "DIR")]
    pub data: Option<PathBuf>,
    /// Add or replace records from DIR (repeatable; later ones win).
    #[arg(long, global = true, value_name = "DIR")]
    pub overlay: Vec<PathBuf>,
    /// When to use colour.
    #[arg(long, global = true, value_enum, default_value_t = ColorChoice::Auto, value_name = "WHEN")]
    pub color: ColorChoice,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    Auto,
    Always,
    Never,
}

#[derive(Debug, Args)]
pub struct ListOut {
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Table)]
    pub format: Format,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// The roadmap's four areas, or one area with its offers and signposts.
    #[command(after_help = "Examples:\n  roadmap areas\n  roadmap areas skills-for-life")]
    Areas {
        /// An area id, e.g. skills-for-life.
        id: Option<String>,
        #[command(flatten)]
        out: ListOut,
    },
    /// List roles, optionally by band, setting or family.
    #[command(
        after_help = "Examples:\n  roadmap roles --band 3\n  roadmap roles --setting mental-health\n  roadmap roles --family ahp --format csv"
    )]
    Roles {
        /// Agenda for Change band: 4, band4 or "band 4".
        #[arg(long, value_parser = parse_band_arg)]
        band: Option<u8>,
        /// A setting id, e.g. acute, community, mental-health.
        #[arg(long)]
        setting: Option<String>,
        /// A family, e.g. nursing, midwifery, ahp, mental-health.
        #[arg(long)]
        family: Option<String>,
        #[command(flatten)]
        out: ListOut,
    },
    /// Everything about one record: a role, programme, requirement, resource, ...
    #[command(
        after_help = "Examples:\n  roadmap show nursing-associate\n  roadmap show english-l2\n  roadmap show senior-hcsw-apprenticeship --format json\n  roadmap show senior-hcsw-apprenticeship --start 2022-03   the rules for an earlier start"
    )]
    Show {
        /// Any record id (see `roadmap search`).
        id: String,
        /// For a programme: the national rules for a start in this month (YYYY-MM; default today).
        #[arg(long, value_name = "YYYY-MM", value_parser = parse_month)]
        start: Option<String>,
        #[command(flatten)]
        out: ListOut,
    },
    /// Where can I go from here? Next steps, or routes to a goal.
    #[command(
        after_help = "Examples:\n  roadmap pathways --from band3\n  roadmap pathways --from hca --have gcse-maths,gcse-english\n  roadmap pathways --from band2 --to registered-nurse --have gcse-english\n  roadmap pathways --from msw --to midwife --routes 2\n  roadmap pathways --profile --to nursing-associate"
    )]
    Pathways(PathwaysArgs),
    /// Search every record by words.
    #[command(
        after_help = "Examples:\n  roadmap search maths\n  roadmap search physiotherapy apprenticeship"
    )]
    Search {
        /// Words to look for.
        #[arg(required = true)]
        words: Vec<String>,
        #[command(flatten)]
        out: ListOut,
    },
    /// A few plain questions about you, then your personal plan.
    #[command(
        after_help = "Examples:\n  roadmap assess                                   answer the questions\n  roadmap assess -o career-conversation.md         also write a record for your manager\n  roadmap assess -o plan.html                      the record as a page to print\n  roadmap assess --template > answers.toml         a file to fill in\n  roadmap assess --answers answers.toml            no questions: answers from a file\n  roadmap assess --answers sam.toml --profile-file sam-profile.toml   keep Sam's own history"
    )]
    Assess(AssessArgs),
    /// Your saved profile: show it, say where it is, or delete it.
    #[command(
        subcommand,
        after_help = "Examples:\n  roadmap profile show\n  roadmap profile path\n  roadmap profile forget --yes"
    )]
    Profile(ProfileCommand),
    /// A training-needs analysis for a team, from its staff list.
    #[command(
        after_help = "Examples:\n  roadmap cohort --template xlsx -o staff.xlsx          an empty sheet to fill in\n  roadmap cohort staff.csv                              the summary on screen\n  roadmap cohort staff.xlsx -o report.xlsx              the full analysis as a workbook\n  roadmap cohort staff.csv --format html -o tna.html --suppress-below 5\n  roadmap cohort esr.csv --column role=\"Position Title\" --column band=\"Pay Band\"\n  roadmap cohort answers/ --plans records/              each person's career-conversation record"
    )]
    Cohort(CohortArgs),
    /// Check data files: the national data, or --data / --overlay directories.
    #[command(
        after_help = "Examples:\n  roadmap check\n  roadmap check --overlay ./our-trust\n  roadmap check --data ./data\n  roadmap check --stale --older-than 12m      records not checked for a year, oldest first"
    )]
    Check(CheckArgs),
    /// Export the roadmap, or part of it, for documents, spreadsheets and intranets.
    #[command(
        after_help = "Examples:\n  roadmap export --format html -o roadmap.html\n  roadmap export --format csv --from band2 -o band2-moves.csv\n  roadmap export --format json | jq '.roles[].title'\n  roadmap export --format mermaid --to midwife"
    )]
    Export(ExportArgs),
    /// Print the JSON Schema of the data files (or of `export --format json`).
    #[command(
        after_help = "Examples:\n  roadmap schema > roadmap.schema.json\n  roadmap schema --export > export.schema.json"
    )]
    Schema {
        /// The schema of `roadmap export --format json` instead.
        #[arg(long)]
        export: bool,
    },
    /// Print a shell completion script.
    #[command(
        after_help = "Examples:\n  roadmap completions bash > ~/.local/share/bash-completion/completions/roadmap\n  roadmap completions zsh > ~/.zfunc/_roadmap\n  roadmap completions fish > ~/.config/fish/completions/roadmap.fish"
    )]
    Completions {
        /// bash, zsh, fish, powershell or elvish.
        shell: clap_complete::Shell,
    },
    /// Print the manual page (roff).
    #[command(
        after_help = "Examples:\n  roadmap man > roadmap.1 && man ./roadmap.1\n  roadmap man > ~/.local/share/man/man1/roadmap.1"
    )]
    Man,
}

/// Output formats of `roadmap cohort`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum CohortFormat {
    /// A summary that fits one screen.
    Table,
    /// Everything, for scripts (see docs/JSON.md).
    Json,
    /// One row per person and next step (or, with -o DIR, a file per table).
    Csv,
    /// A document with every table.
    Markdown,
    /// One self-contained page with bar charts and tables.
    Html,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum TemplateFormat {
    Csv,
    Xlsx,
}

#[derive(Debug, Args)]
pub struct CohortArgs {
    /// The staff list: a .csv file, an .xlsx workbook, or a directory of answers files.
    #[arg(value_name = "STAFF", required_unless_present = "template")]
    pub staff: Option<PathBuf>,
    /// The workbook's sheet to read (default: the first).
    #[arg(long, value_name = "NAME")]
    pub sheet: Option<String>,
    /// Which column holds a key, e.g. --column role="Position Title" (repeatable).
    #[arg(long, value_name = "KEY=HEADER", value_parser = parse_column)]
    pub column: Vec<(String, String)>,
    /// Leave out rows with problems (and say how many, and why) instead of stopping.
    #[arg(long)]
    pub skip_bad: bool,
    /// Show any count under N as "fewer than N", and name no one: for reports shared beyond the team.
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u64).range(2..))]
    pub suppress_below: Option<u64>,
    /// Replace names with codes (the same person gets the same code, given the same --salt).
    #[arg(long, requires = "salt")]
    pub pseudonymise: bool,
    /// A secret phrase for --pseudonymise: keep it, to get the same codes next time.
    #[arg(long, value_name = "SECRET")]
    pub salt: Option<String>,
    /// Write each person's career-conversation record into DIR.
    #[arg(long, value_name = "DIR")]
    pub plans: Option<PathBuf>,
    /// Replace files that exist.
    #[arg(long)]
    pub force: bool,
    /// Output format (-o FILE.xlsx writes a workbook).
    #[arg(long, value_enum, default_value_t = CohortFormat::Table)]
    pub format: CohortFormat,
    /// Write to FILE (or, with --format csv, a directory) instead of standard output.
    #[arg(short = 'o', long = "output", value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Write an empty staff sheet with every column instead (xlsx: with a sheet of allowed values).
    #[arg(long, value_enum, value_name = "FORMAT", conflicts_with = "staff")]
    pub template: Option<TemplateFormat>,
}

/// `role="Position Title"` as (key, header).
fn parse_column(s: &str) -> Result<(String, String), String> {
    let (k, v) = s
        .split_once('=')
        .ok_or_else(|| format!("\"{s}\": write KEY=HEADER, e.g. role=\"Position Title\""))?;
    Ok((k.trim().to_string(), v.trim().trim_matches('"').to_string()))
}

#[derive(Debug, Args)]
pub struct CheckArgs {
    /// List records by when they were last checked against their sources, oldest first.
    #[arg(long)]
    pub stale: bool,
    /// With --stale: only records last checked longer ago than this, e.g. 12m, 2y, 90d.
    #[arg(long, value_name = "AGE", requires = "stale", value_parser = parse_age)]
    pub older_than: Option<jiff::Span>,
    #[command(flatten)]
    pub out: ListOut,
}

/// A band as people write it: `4`, `band4`, `band-4`, `"band 4"`.
fn parse_band_arg(s: &str) -> Result<u8, String> {
    s.trim()
        .parse()
        .ok()
        .or_else(|| hcsw_roadmap::engine::parse_band(s))
        .ok_or_else(|| format!("\"{s}\" is not a band: give a number from 1 to 9, e.g. --band 4"))
}

/// `2022-03` as the first day of that month, `2022-03-01`.
fn parse_month(s: &str) -> Result<String, String> {
    let day = format!("{}-01", s.trim());
    day.parse::<jiff::civil::Date>()
        .map(|d| d.to_string())
        .map_err(|_| format!("\"{s}\" is not a month: write it as YYYY-MM, e.g. 2022-03"))
}

/// `12m`, `2y`, `6w`, `90d`: an age as a span of the calendar.
fn parse_age(s: &str) -> Result<jiff::Span, String> {
    let t = s.trim();
    let (n, unit) = t.split_at(t.find(|c: char| !c.is_ascii_digit()).unwrap_or(t.len()));
    let n: i64 = n
        .parse()
        .map_err(|_| format!("\"{s}\" is not an age: use a number and d, w, m or y, e.g. 12m"))?;
    let span = match unit {
        "d" => jiff::Span::new().try_days(n),
        "w" => jiff::Span::new().try_weeks(n),
        "m" => jiff::Span::new().try_months(n),
        "y" => jiff::Span::new().try_years(n),
        _ => {
            return Err(format!(
                "\"{s}\": the unit is d (days), w (weeks), m (months) or y (years), e.g. 12m"
            ));
        }
    };
    span.map_err(|e| format!("\"{s}\": {e}"))
}

/// `--depth`: a number of moves, or every move reachable.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Depth(pub Option<u32>);

fn parse_depth(s: &str) -> Result<Depth, String> {
    match s.trim() {
        "all" => Ok(Depth(None)),
        n => match n.parse::<u32>() {
            Ok(n) if n >= 1 => Ok(Depth(Some(n))),
            _ => Err(format!(
                "\"{n}\" is not a depth: give a number of moves, such as 2, or all"
            )),
        },
    }
}

#[derive(Debug, Args)]
pub struct ExportArgs {
    /// The format to write.
    #[arg(long, value_enum)]
    pub format: ExportFormat,
    /// Only the moves that start at this role or band (see --depth).
    #[arg(long, value_name = "POSITION")]
    pub from: Option<String>,
    /// Only the moves into this role (see --depth).
    #[arg(long, value_name = "ROLE")]
    pub to: Option<String>,
    /// How many moves --from and --to follow: 1 (the default) is the moves
    /// that start or end there, 2 adds the moves after (or before) those,
    /// and `all` is everything reachable.
    #[arg(long, value_name = "N|all", default_value = "1", value_parser = parse_depth)]
    pub depth: Depth,
    /// Only programmes and moves in this area, e.g. skills-for-life.
    #[arg(long, value_name = "ID")]
    pub area: Option<String>,
    /// Only moves into roles in this setting.
    #[arg(long)]
    pub setting: Option<String>,
    /// Only moves into roles of this family.
    #[arg(long)]
    pub family: Option<String>,
    /// Write to FILE instead of standard output.
    #[arg(short = 'o', long = "output", value_name = "FILE")]
    pub output: Option<std::path::PathBuf>,
    /// Replace FILE if it exists.
    #[arg(long)]
    pub force: bool,
}

#[derive(Debug, Args)]
pub struct AssessArgs {
    /// Take every answer from a TOML file instead of asking (see README).
    #[arg(long, value_name = "FILE")]
    pub answers: Option<PathBuf>,
    /// Do not save your answers (the wizard otherwise asks).
    #[arg(long, conflicts_with = "save")]
    pub no_save: bool,
    /// Save your answers as your profile without asking. With --answers,
    /// answers are saved only when you add --save or --profile-file.
    #[arg(long)]
    pub save: bool,
    /// Print a commented answers file with every key and its allowed values.
    #[arg(long, conflicts_with_all = ["answers", "output", "save", "no_save", "profile_file"])]
    pub template: bool,
    /// Keep this person's profile in FILE instead of your own: it is read
    /// for "what has changed" and saved there.
    #[arg(long, value_name = "FILE")]
    pub profile_file: Option<PathBuf>,
    /// Write a career-conversation record to FILE: a printable web page for
    /// .html, otherwise plain text with Markdown headings.
    #[arg(short = 'o', long = "output", value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// Replace FILE if it exists.
    #[arg(long)]
    pub force: bool,
}

#[derive(Debug, Subcommand)]
pub enum ProfileCommand {
    /// Print your saved profile.
    #[command(after_help = "Example:\n  roadmap profile show")]
    Show,
    /// Print where your profile is saved.
    #[command(after_help = "Example:\n  roadmap profile path")]
    Path,
    /// Delete your saved profile (asks first).
    #[command(after_help = "Examples:\n  roadmap profile forget\n  roadmap profile forget --yes")]
    Forget {
        /// Delete without asking.
        #[arg(long)]
        yes: bool,
    },
}

#[derive(Debug, Args)]
pub struct PathwaysArgs {
    /// Where you are: band3, "band 3", a role id, or what people call it ("HCA", "MSW").
    #[arg(long, value_name = "POSITION")]
    pub from: Option<String>,
    /// A role you want to reach: plans routes with total time.
    #[arg(long, value_name = "ROLE")]
    pub to: Option<String>,
    /// What you hold, comma-separated: gcse-maths, fs-english-l2, care-certificate, ...
    #[arg(long, value_delimiter = ',', value_name = "REQ,...")]
    pub have: Vec<String>,
    /// Use your saved profile (from `roadmap assess`) for where you are and what you hold.
    #[arg(long)]
    pub profile: bool,
    /// Only moves into roles found in this setting.
    #[arg(long)]
    pub setting: Option<String>,
    /// Only moves into roles of this family.
    #[arg(long)]
    pub family: Option<String>,
    /// How many routes to show with --to.
    #[arg(long, default_value_t = 3, value_name = "N", value_parser = clap::value_parser!(u8).range(1..=20))]
    pub routes: u8,
    /// Only ways where you are paid while you learn: apprenticeships, trainee
    /// posts and study alongside your job (no full-time unpaid university).
    #[arg(long)]
    pub paid: bool,
    /// Only the summary: one line per option.
    #[arg(long)]
    pub brief: bool,
    #[command(flatten)]
    pub out: ListOut,
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn cli_is_well_formed() {
        Cli::command().debug_assert();
    }
}
