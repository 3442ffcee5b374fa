//! Waiting for sources to change: notify's watcher (inotify here), with the burst of events
//! one save makes (write, rename, attributes) taken as one change.

use std::path::PathBuf;
use std::sync::mpsc::{channel, Receiver};
use std::time::Duration;

use notify::{Event, EventKind, RecursiveMode, Watcher};

/// How long a burst of events may go on before it counts as one change.
const SETTLE: Duration = Duration::from_millis(120);

pub struct Changes {
    _watcher: notify::RecommendedWatcher,
    events: Receiver<notify::Result<Event>>,
}

impl Changes {
    pub fn watch(paths: &[PathBuf]) -> Result<Changes, String> {
        let (sender, events) = channel();
        let mut watcher = notify::recommended_watcher(sender).map_err(|e| format!("cannot watch files: {e}"))?;
        for path in paths {
            watcher
                .watch(path, RecursiveMode::Recursive)
                .map_err(|e| format!("cannot watch {}: {e}", path.display()))?;
        }
        Ok(Changes { _watcher: watcher, events })
    }

    /// Block until something under the paths changed (and the burst settled). False when the
    /// watcher stopped.
    pub fn next(&self) -> bool {
        loop {
            match self.events.recv() {
                Ok(Ok(event)) if is_change(&event.kind) => break,
                Ok(_) => continue,
                Err(_) => return false,
            }
        }
        while self.events.recv_timeout(SETTLE).is_ok() {}
        true
    }
}

fn is_change(kind: &EventKind) -> bool {
    matches!(kind, EventKind::Create(_) | EventKind::Modify(_) | EventKind::Remove(_))
}
