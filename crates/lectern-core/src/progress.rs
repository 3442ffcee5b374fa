//! How far a long piece of work has got, for whoever shows it: the CLI's progress bar, the
//! worker's messages. The core only counts; it draws nothing.

/// Told when each step of a long job starts, and after each of its `total` items.
pub trait Progress {
    fn step(&mut self, _name: &'static str, _total: usize) {}
    fn advance(&mut self) {}
}

/// No one is watching.
pub struct Unwatched;

impl Progress for Unwatched {}
