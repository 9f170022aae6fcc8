//! Where the console keeps its settings.

use std::path::PathBuf;

/// Reverse-DNS id: desktop file, icon, window class and settings folder share it.
pub const APP_ID: &str = "io.github.poolconsole.PoolConsole";

/// The folder for eframe's settings file, per the platform's conventions.
pub fn settings_dir() -> Option<PathBuf> {
    directories::ProjectDirs::from("io.github", "poolconsole", "PoolConsole")
        .map(|d| d.data_dir().to_path_buf())
}

/// The person's home folder, where the console's own file picker starts.
pub fn home_dir() -> Option<PathBuf> {
    directories::BaseDirs::new().map(|d| d.home_dir().to_path_buf())
}
