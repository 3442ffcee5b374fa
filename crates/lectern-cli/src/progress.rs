//! What the CLI says while it works: a progress bar for each long step (counts, rate, time
//! left) on a terminal, nothing of it in a log or a pipe; `--quiet` and `--verbose`.

use std::sync::atomic::{AtomicU8, Ordering};
use std::time::{Duration, Instant};

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressState, ProgressStyle};

static LEVEL: AtomicU8 = AtomicU8::new(1);

/// How much to say: 0 errors only, 1 summaries, 2 every step.
pub fn set_level(quiet: bool, verbose: bool) {
    LEVEL.store(if quiet { 0 } else if verbose { 2 } else { 1 }, Ordering::Relaxed);
}

/// A summary line (not under `--quiet`).
pub fn say(text: &str) {
    if LEVEL.load(Ordering::Relaxed) >= 1 {
        eprintln!("lectern: {text}");
    }
}

/// A detail line (only under `--verbose`).
pub fn detail(text: &str) {
    if LEVEL.load(Ordering::Relaxed) >= 2 {
        eprintln!("lectern: {text}");
    }
}

/// One bar, redrawn for each step. Hidden (and free) when stderr is not a terminal or under
/// `--quiet`; under `--verbose` each finished step is also printed with its time.
pub struct Bar {
    bar: ProgressBar,
    step: Option<(&'static str, Instant, usize)>,
}

impl Bar {
    pub fn new() -> Self {
        // Hidden until the first step is named: nothing is drawn with no name and no count.
        let bar = ProgressBar::with_draw_target(None, ProgressDrawTarget::hidden());
        bar.set_style(
            ProgressStyle::with_template("lectern: {prefix:<15} [{bar:28}] {pos}/{len} {rate:>8} {eta:>4} left")
                .expect("the template is valid")
                .with_key("rate", |state: &ProgressState, w: &mut dyn std::fmt::Write| {
                    let _ = write!(w, "{:.0}/s", state.per_sec());
                })
                .progress_chars("=> "),
        );
        Bar { bar, step: None }
    }

    /// Start `name`, of `total` items (or move it to `done` of `total`, for callers that count).
    pub fn show(&mut self, name: &'static str, done: usize, total: usize) {
        if self.step.is_none_or(|(current, _, _)| current != name) {
            self.finish_step();
            self.step = Some((name, Instant::now(), total));
            self.bar.reset();
            self.bar.set_prefix(name);
            self.bar.set_length(total as u64);
            if self.bar.is_hidden() && LEVEL.load(Ordering::Relaxed) > 0 {
                // Drawn from the first step on (stderr hides it where that is not a terminal),
                // and redrawn while a step's count stands still.
                self.bar.set_draw_target(ProgressDrawTarget::stderr());
                self.bar.enable_steady_tick(Duration::from_millis(200));
            }
        }
        if let Some(step) = &mut self.step {
            step.2 = total;
        }
        self.bar.set_length(total as u64);
        self.bar.set_position(done as u64);
    }

    fn finish_step(&mut self) {
        if let Some((name, started, total)) = self.step.take() {
            self.bar.suspend(|| detail(&format!("{name}: {total} in {:.2} s", started.elapsed().as_secs_f64())));
        }
    }

    /// Take the bar off the screen (before printing what the step found).
    pub fn clear(&mut self) {
        self.finish_step();
        self.bar.finish_and_clear();
    }
}

impl Drop for Bar {
    fn drop(&mut self) {
        self.bar.finish_and_clear();
    }
}

impl lectern_core::progress::Progress for Bar {
    fn step(&mut self, name: &'static str, total: usize) {
        self.show(name, 0, total);
    }

    fn advance(&mut self) {
        self.bar.inc(1);
    }
}
