//! `pool-console`: with a command, the cardano-cli-compatible command line; without, the console.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

use std::io::Write;
use std::process::ExitCode;

use eframe::egui;
use pool_console::app::{ConsoleApp, Platform, Tab};
use pool_console::cli::{self, Streams};
use pool_console::platform::{dirs, stdio};

/// With `POOL_CONSOLE_MEASURE_STARTUP` set, prints the time from process start to the end of
/// the first frame and closes (used by scripts/measure-console.sh, never by users).
struct StartupProbe {
    app: ConsoleApp,
    started: std::time::Instant,
    reported: bool,
}

impl eframe::App for StartupProbe {
    fn ui(&mut self, ui: &mut egui::Ui, frame: &mut eframe::Frame) {
        self.app.ui(ui, frame);
        if !self.reported {
            self.reported = true;
            let ms = self.started.elapsed().as_secs_f64() * 1000.0;
            let _ = writeln!(std::io::stderr(), "first frame after {ms:.1} ms");
            ui.ctx().request_repaint();
        } else {
            ui.ctx().send_viewport_cmd(egui::ViewportCommand::Close);
        }
    }
}

/// With `POOL_CONSOLE_TAB` set to a tab's name (`kes`, `watch`, `op cert`…), the console opens on
/// that tab (used by scripts/measure-console.sh to measure each tab idle).
fn tab_from_env() -> Option<Tab> {
    let name = std::env::var("POOL_CONSOLE_TAB").ok()?;
    Tab::ALL
        .into_iter()
        .find(|t| t.label().eq_ignore_ascii_case(name.trim()))
}

fn run_console(folder: Option<std::path::PathBuf>) -> ExitCode {
    let started = std::time::Instant::now();
    let measure = std::env::var_os("POOL_CONSOLE_MEASURE_STARTUP").is_some();
    let tab = tab_from_env();
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
                // Kept in the recent list and as a draft's key: the same folder from any cwd.
                let dir = std::path::absolute(&dir).unwrap_or(dir);
                app.open_workspace(&dir);
            }
            if let Some(tab) = tab {
                app.tab = tab;
            }
            if measure {
                return Ok(Box::new(StartupProbe {
                    app,
                    started,
                    reported: false,
                }));
            }
            Ok(Box::new(app))
        }),
    );
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            let _ = writeln!(
                std::io::stderr(),
                "Pool Console could not open its window: {e}\n\
                 It needs a graphical desktop. Without one, every action is also a command: \
                 run `pool-console --help`."
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
        let code = cli::main_with_stdout(
            args,
            &mut Streams {
                out: &mut out,
                err: &mut err,
            },
            stdio::stdout_was_closed(),
        );
        let _ = out.flush();
        code
    };
    match code {
        cli::Exit::Code(c) => ExitCode::from(u8::try_from(c).unwrap_or(1)),
        cli::Exit::Console(folder) => run_console(folder),
    }
}
