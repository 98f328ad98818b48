//! Running child processes: echo the command, stream its output, and turn failure into an error.

use std::io::{BufRead, BufReader, Write};
use std::process::{Command, Stdio};

use crate::DynError;

/// The command line as a person would type it, for messages.
pub fn display(cmd: &Command) -> String {
    let mut line = cmd.get_program().to_string_lossy().into_owned();
    for arg in cmd.get_args() {
        let arg = arg.to_string_lossy();
        line.push(' ');
        if arg.contains(' ') {
            line.push_str(&format!("'{arg}'"));
        } else {
            line.push_str(&arg);
        }
    }
    line
}

/// Runs `cmd` with inherited output; an error names the command when it cannot start or fails.
pub fn run(cmd: &mut Command) -> Result<(), DynError> {
    let line = display(cmd);
    println!("$ {line}");
    let status = cmd
        .status()
        .map_err(|e| format!("could not start `{line}`: {e}"))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("`{line}` failed ({status})").into())
    }
}

/// Runs `cmd`, copying its stdout to ours line by line (stderr is inherited), and returns the
/// stdout text with whether it succeeded (so test counts can be read even from a failed run).
pub fn run_teed(cmd: &mut Command) -> Result<(bool, String), DynError> {
    let line = display(cmd);
    println!("$ {line}");
    let mut child = cmd
        .stdout(Stdio::piped())
        .spawn()
        .map_err(|e| format!("could not start `{line}`: {e}"))?;
    let mut captured = String::new();
    if let Some(out) = child.stdout.take() {
        // Bytes, not `lines()`: a line that is not UTF-8 must not stop the reading (the child
        // would then block on a full pipe).
        let mut reader = BufReader::new(out);
        let mut stdout = std::io::stdout();
        let mut buf = Vec::new();
        while reader.read_until(b'\n', &mut buf)? > 0 {
            let _ = stdout.write_all(&buf);
            captured.push_str(&String::from_utf8_lossy(&buf));
            buf.clear();
        }
        let _ = stdout.flush();
    }
    let status = child.wait()?;
    Ok((status.success(), captured))
}

/// The trimmed stdout of `cmd` when it starts and succeeds; `None` otherwise. Nothing is echoed:
/// this is for probes such as `wasm-bindgen --version`.
pub fn probe(cmd: &mut Command) -> Option<String> {
    let output = cmd
        .stdin(Stdio::null())
        .stderr(Stdio::null())
        .output()
        .ok()?;
    output
        .status
        .success()
        .then(|| String::from_utf8_lossy(&output.stdout).trim().to_string())
}
