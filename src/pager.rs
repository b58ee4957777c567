//! Paging, as git, gh and bat do: on a terminal, output taller than the screen goes through
//! `$EWG_PAGER`, else `$PAGER`, else `less -FRX` (quit if it fits, keep colour). A pager that
//! cannot start, or fails before it takes the output, leaves the output printed as it is (once);
//! quitting it early is a normal end.

use std::io::{self, Write};
use std::process::{Command, Stdio};

/// The pager to run, from the environment: `None` where paging is off (`--no-pager`, or
/// `EWG_PAGER`/`PAGER` set empty or to `cat`).
pub(crate) fn pager_command(
    no_pager: bool,
    ewg_pager: Option<&str>,
    pager: Option<&str>,
) -> Option<Vec<String>> {
    if no_pager {
        return None;
    }
    let words: Vec<String> = match ewg_pager.or(pager) {
        Some(command) => command.split_whitespace().map(String::from).collect(),
        None => vec!["less".into(), "-FRX".into()],
    };
    match words.first().map(String::as_str) {
        None | Some("cat") => None,
        Some(_) => Some(words),
    }
}

/// Writes `output` to standard output, through `pager` when it is taller than `height` lines.
pub(crate) fn write(
    output: &[u8],
    pager: Option<&[String]>,
    height: Option<usize>,
) -> io::Result<()> {
    let taller = height.is_some_and(|h| output.iter().filter(|&&b| b == b'\n').count() >= h);
    if let Some([program, args @ ..]) = pager
        && taller
        && let Ok(mut child) = Command::new(program)
            .args(args)
            .stdin(Stdio::piped())
            .spawn()
    {
        let written = child
            .stdin
            .take()
            .map(|mut stdin| stdin.write_all(output))
            .unwrap_or(Ok(()));
        let status = child.wait()?;
        match written {
            // The pager took it all: it has shown it, whatever its exit status says.
            Ok(()) => return Ok(()),
            // The reader quit before the end (`q` in less): that is how paging ends.
            Err(err) if err.kind() == io::ErrorKind::BrokenPipe && status.success() => {
                return Ok(());
            }
            // The pager failed before it took the output: it is printed after all.
            Err(_) => {}
        }
    }
    let mut stdout = io::stdout().lock();
    stdout.write_all(output)?;
    stdout.flush()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_pager_comes_from_ewg_pager_then_pager_then_less() {
        let words = |v: Option<Vec<String>>| v.map(|v| v.join(" "));
        assert_eq!(
            words(pager_command(false, None, None)).as_deref(),
            Some("less -FRX")
        );
        assert_eq!(
            words(pager_command(false, None, Some("more"))).as_deref(),
            Some("more")
        );
        assert_eq!(
            words(pager_command(false, Some("bat -p"), Some("more"))).as_deref(),
            Some("bat -p")
        );
        assert_eq!(pager_command(true, None, None), None);
        assert_eq!(pager_command(false, Some(""), Some("more")), None);
        assert_eq!(pager_command(false, Some("cat"), None), None);
        assert_eq!(pager_command(false, None, Some("cat")), None);
    }
}
