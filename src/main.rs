//! `pool-console`: with a command, the cardano-cli-compatible command line; without, the console.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

use std::io::Write;
use std::process::ExitCode;

use eframe::egui;
use pool_console::app::{ConsoleApp, Platform};
use pool_console::cli::{self, Streams};
use pool_console::platform::dirs;

fn run_console(folder: Option<std::path::PathBuf>) -> ExitCode {
    let icon = eframe::icon_data::from_png_bytes(include_bytes!("../icons/256x256.png"))
        .unwrap_or_default();
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_app_id(dirs::APP_ID)
            .with_title("Pool Console")
            .with_inner_size([1180.0, 780.0])
            .with_min_inner_size([960.0, 640.0])
            .with_icon(icon)
            .with_drag_and_drop(true),
        persistence_path: dirs::settings_dir().map(|d| d.join("settings.ron")),
        ..Default::default()
    };
    let result = eframe::run_native(
        "Pool Console",
        options,
        Box::new(move |cc| {
            let mut app = ConsoleApp::from_creation(cc, Platform::default());
            if let Some(dir) = folder {
                app.open_workspace(&dir);
            }
            Ok(Box::new(app))
        }),
    );
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            let _ = writeln!(
                std::io::stderr(),
                "Pool Console could not open its window: {e}"
            );
            ExitCode::FAILURE
        }
    }
}

fn main() -> ExitCode {
    let args: Vec<_> = std::env::args_os().collect();
    let code = {
        let stdout = std::io::stdout();
        let stderr = std::io::stderr();
        let mut out = stdout.lock();
        let mut err = stderr.lock();
        let code = cli::main_with(
            args,
            &mut Streams {
                out: &mut out,
                err: &mut err,
            },
        );
        let _ = out.flush();
        code
    };
    match code {
        cli::Exit::Code(c) => ExitCode::from(u8::try_from(c).unwrap_or(1)),
        cli::Exit::Console(folder) => run_console(folder),
    }
}
