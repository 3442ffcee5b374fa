//! Politeness: at most four requests at once, and at most one at a time to any host, so a list
//! of forty links to one site is fetched one by one while links to other sites go alongside.

use std::collections::{HashSet, VecDeque};
use std::sync::mpsc;
use std::sync::{Condvar, Mutex};

pub const MAX_AT_ONCE: usize = 4;

struct Queue {
    waiting: VecDeque<usize>,
    busy_hosts: HashSet<String>,
}

/// `work` on each job on a few threads, the results in the jobs' order. `progress(done, total)`
/// is called on this thread as each one ends.
pub fn run<J: Sync, T: Send>(
    jobs: &[J],
    host: impl Fn(&J) -> String + Sync,
    work: impl Fn(&J) -> T + Sync,
    progress: &mut impl FnMut(usize, usize),
) -> Vec<T> {
    let queue = Mutex::new(Queue { waiting: (0..jobs.len()).collect(), busy_hosts: HashSet::new() });
    let freed = Condvar::new();
    let (done_tx, done_rx) = mpsc::channel();
    let mut results: Vec<Option<T>> = jobs.iter().map(|_| None).collect();
    std::thread::scope(|scope| {
        for _ in 0..MAX_AT_ONCE.min(jobs.len()) {
            let done_tx = done_tx.clone();
            let (queue, freed, host, work) = (&queue, &freed, &host, &work);
            scope.spawn(move || {
                while let Some(i) = next(queue, freed, |i| host(&jobs[i])) {
                    let result = work(&jobs[i]);
                    queue.lock().expect("not poisoned").busy_hosts.remove(&host(&jobs[i]));
                    freed.notify_all();
                    let _ = done_tx.send((i, result));
                }
            });
        }
        drop(done_tx);
        for (done, (i, result)) in done_rx.iter().enumerate() {
            results[i] = Some(result);
            progress(done + 1, jobs.len());
        }
    });
    results.into_iter().map(|r| r.expect("every job ran")).collect()
}

/// The first waiting job whose host is free, marked busy; waits while every waiting job's host
/// is busy; None when nothing is left to take.
fn next(queue: &Mutex<Queue>, freed: &Condvar, host: impl Fn(usize) -> String) -> Option<usize> {
    let mut q = queue.lock().expect("not poisoned");
    loop {
        if q.waiting.is_empty() {
            return None;
        }
        if let Some(pos) = q.waiting.iter().position(|&i| !q.busy_hosts.contains(&host(i))) {
            let i = q.waiting.remove(pos).expect("found");
            q.busy_hosts.insert(host(i));
            return Some(i);
        }
        q = freed.wait(q).expect("not poisoned");
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicUsize, Ordering};
    use std::time::Duration;

    #[test]
    fn one_request_per_host_and_four_at_most() {
        let jobs: Vec<(String, usize)> = (0..24).map(|i| (format!("host{}", i % 6), i)).collect();
        let running: Mutex<Vec<String>> = Mutex::new(Vec::new());
        let peak = AtomicUsize::new(0);
        let mut seen = 0;
        let out = run(
            &jobs,
            |(h, _)| h.clone(),
            |(h, i)| {
                {
                    let mut r = running.lock().unwrap();
                    assert!(!r.contains(h), "two requests to {h} at once");
                    r.push(h.clone());
                    peak.fetch_max(r.len(), Ordering::SeqCst);
                }
                // Long enough for the workers to overlap.
                std::thread::sleep(Duration::from_millis(5));
                running.lock().unwrap().retain(|x| x != h);
                *i * 10
            },
            &mut |done, total| {
                seen = done;
                assert_eq!(total, 24);
            },
        );
        assert_eq!(out, (0..24).map(|i| i * 10).collect::<Vec<_>>());
        assert_eq!(seen, 24);
        assert!(peak.load(Ordering::SeqCst) <= MAX_AT_ONCE);
    }
}
