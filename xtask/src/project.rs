//! Where things are: the project root, its well-known paths, and the PATH the tasks run with.

use std::env;
use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::process::Command;

/// The checked-out project the tasks act on.
pub struct Project {
    root: PathBuf,
}

impl Project {
    /// Finds the project root: the parent of this crate's manifest directory.
    pub fn locate() -> Project {
        let manifest_dir = Path::new(env!("CARGO_MANIFEST_DIR"));
        let root = manifest_dir.parent().unwrap_or(manifest_dir).to_path_buf();
        Project { root }
    }

    pub fn root(&self) -> &Path {
        &self.root
    }

    /// The site's sources: the page, the element, and the built package in `www/pkg`.
    pub fn www(&self) -> PathBuf {
        self.root.join("www")
    }

    /// Where `wasm-bindgen` writes the JS glue and the wasm module.
    pub fn pkg(&self) -> PathBuf {
        self.www().join("pkg")
    }

    /// The page's wasm module as wasm-bindgen writes it into `www/pkg`.
    pub fn wasm_module(&self) -> PathBuf {
        self.pkg().join(crate::build::WASM_FILE)
    }

    /// The built site: what `serve` serves, `size` measures and the browser tests load.
    pub fn site(&self) -> PathBuf {
        self.target().join("site")
    }

    pub fn node_modules(&self) -> PathBuf {
        self.root.join("node_modules")
    }

    /// Scratch space for the tasks (screenshots, throw-away crates), inside the git-ignored target.
    pub fn target(&self) -> PathBuf {
        self.root.join("target")
    }

    /// Directories searched before the inherited PATH: cargo's bin (where `cargo install` puts
    /// wasm-bindgen and wasm-pack) and the project's `node_modules/.bin` (wasm-opt from binaryen).
    fn extra_path_dirs(&self) -> Vec<PathBuf> {
        let cargo_home = env::var_os("CARGO_HOME")
            .map(PathBuf::from)
            .or_else(|| env::var_os("HOME").map(|home| PathBuf::from(home).join(".cargo")));
        let mut dirs = Vec::new();
        if let Some(cargo_home) = cargo_home {
            dirs.push(cargo_home.join("bin"));
        }
        dirs.push(self.node_modules().join(".bin"));
        dirs
    }

    /// The PATH for every child process: the extra directories, then the inherited PATH.
    pub fn path_var(&self) -> OsString {
        let inherited = env::var_os("PATH").unwrap_or_default();
        let mut dirs = self.extra_path_dirs();
        dirs.extend(env::split_paths(&inherited));
        env::join_paths(dirs).unwrap_or(inherited)
    }

    /// A command run in the project root with the task PATH.
    pub fn command(&self, program: impl AsRef<std::ffi::OsStr>) -> Command {
        let mut cmd = Command::new(program);
        cmd.current_dir(&self.root).env("PATH", self.path_var());
        cmd
    }

    /// Looks a program up on the task PATH, as a shell would.
    pub fn which(&self, program: &str) -> Option<PathBuf> {
        find_executable(program, &self.path_var())
    }
}

/// The first executable file called `program` in the directories of `path`.
pub fn find_executable(program: &str, path: &OsString) -> Option<PathBuf> {
    if program.contains('/') {
        let candidate = PathBuf::from(program);
        return is_executable(&candidate).then_some(candidate);
    }
    env::split_paths(path)
        .map(|dir| dir.join(program))
        .find(|candidate| is_executable(candidate))
}

fn is_executable(path: &Path) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        path.metadata()
            .map(|m| m.is_file() && m.permissions().mode() & 0o111 != 0)
            .unwrap_or(false)
    }
    #[cfg(not(unix))]
    {
        path.is_file()
    }
}
