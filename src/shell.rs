//! What the widget shows around the check-in: the crisis panel and the region chosen in it, the
//! storage notices, the last import's report and the "keep nothing" choice.
//!
//! The check-in itself is [`crate::flow::Flow`]; this is the rest of the widget's state, changed
//! only by [`Shell::apply`], so the web layer keeps it in one reducer (each state hook is its own
//! copy of Yew's hook code in the wasm) and what each change does is tested here.

use crate::help::Region;
use crate::i18n::Msg;
use crate::text::Text;

/// The widget's state outside the check-in.
#[derive(Clone, Debug, PartialEq)]
pub struct Shell {
    /// Whether the crisis panel is open.
    pub help_open: bool,
    /// Whose crisis contacts to show: the partner's choice until the person picks another.
    pub region: Region,
    /// What storage had to say (blocked, full, damaged entries), each once, oldest first.
    pub notices: Vec<Msg>,
    /// What the last import or export did, in plain words.
    pub report: Vec<Text>,
    /// Whether the person chose to keep nothing on this device.
    pub keep_nothing: bool,
    /// Whether the person chose to have the check-in in progress deleted on quick exit.
    pub exit_clears_draft: bool,
    /// The lock on saved check-ins.
    pub lock: Lock,
    /// Whether the lock is working (a passphrase being tried or set, everything encrypted
    /// again): "Unlocking…" shows, and the forms wait.
    pub lock_busy: bool,
    /// What went wrong with the last passphrase given (wrong, too short, not the same twice),
    /// shown beside the form.
    pub lock_problem: Option<Msg>,
}

/// The lock on saved check-ins, as the screen shows it.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Lock {
    /// No passphrase is set (or the browser cannot do the cryptography: then none can be).
    #[default]
    Off,
    /// A passphrase is set and not given yet: the unlock screen shows.
    Locked,
    /// Unlocked in this visit.
    Open,
}

/// A change to the [`Shell`].
#[derive(Clone, Debug, PartialEq)]
pub enum ShellAction {
    /// Pressed "Help now" (or "Close help" on the same button).
    ToggleHelp,
    /// Pressed "Close help" in the panel.
    CloseHelp,
    /// Chose another region in the crisis panel.
    ChooseRegion(Region),
    /// Storage had something to say: each message is added once.
    Notify(Vec<Msg>),
    /// What an import or export did, replacing the last report.
    Report(Vec<Text>),
    /// The "keep nothing" choice, as stored.
    KeepNothing(bool),
    /// The choice to delete the check-in in progress on quick exit, as stored.
    ExitClearsDraft(bool),
    /// The lock is now this, and the work on it is done; with what went wrong, if anything.
    Lock(Lock, Option<Msg>),
    /// The lock is working ("Unlocking…"); the last problem goes.
    LockBusy,
}

impl Shell {
    /// The panel closed, the partner's region, nothing to say.
    pub fn new(region: Region) -> Shell {
        Shell {
            help_open: false,
            region,
            notices: Vec::new(),
            report: Vec::new(),
            keep_nothing: false,
            exit_clears_draft: false,
            lock: Lock::Off,
            lock_busy: false,
            lock_problem: None,
        }
    }

    /// Applies one change; returns whether anything changed (a notice already shown changes
    /// nothing, so the widget need not draw again).
    pub fn apply(&mut self, action: ShellAction) -> bool {
        match action {
            ShellAction::ToggleHelp => self.help_open = !self.help_open,
            ShellAction::CloseHelp => self.help_open = false,
            ShellAction::ChooseRegion(region) => {
                let changed = self.region != region;
                self.region = region;
                return changed;
            }
            ShellAction::Notify(msgs) => {
                let before = self.notices.len();
                for msg in msgs {
                    if !self.notices.contains(&msg) {
                        self.notices.push(msg);
                    }
                }
                return self.notices.len() != before;
            }
            ShellAction::Report(texts) => self.report = texts,
            ShellAction::KeepNothing(keep_nothing) => self.keep_nothing = keep_nothing,
            ShellAction::ExitClearsDraft(on) => self.exit_clears_draft = on,
            ShellAction::Lock(lock, problem) => {
                self.lock = lock;
                self.lock_busy = false;
                self.lock_problem = problem;
            }
            ShellAction::LockBusy => {
                self.lock_busy = true;
                self.lock_problem = None;
            }
        }
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn help_opens_and_closes_and_the_region_is_the_partners_until_chosen() {
        let mut shell = Shell::new(Region::Gb);
        assert!(!shell.help_open);
        assert_eq!(shell.region, Region::Gb);
        shell.apply(ShellAction::ToggleHelp);
        assert!(shell.help_open);
        assert!(shell.apply(ShellAction::ChooseRegion(Region::Au)));
        assert_eq!(shell.region, Region::Au);
        // The same region again (the partner page setting the one already shown) changes
        // nothing, so the widget is not drawn again.
        assert!(!shell.apply(ShellAction::ChooseRegion(Region::Au)));
        shell.apply(ShellAction::ToggleHelp);
        assert!(!shell.help_open);
        shell.apply(ShellAction::ToggleHelp);
        shell.apply(ShellAction::CloseHelp);
        assert!(!shell.help_open);
        shell.apply(ShellAction::CloseHelp);
        assert!(!shell.help_open, "closing a closed panel leaves it closed");
    }

    #[test]
    fn each_notice_is_shown_once_in_the_order_it_came() {
        let mut shell = Shell::new(Region::Us);
        assert!(
            !shell.apply(ShellAction::Notify(Vec::new())),
            "nothing to say changes nothing"
        );
        assert!(shell.apply(ShellAction::Notify(vec![Msg::StorageBlocked, Msg::StorageFull])));
        assert!(!shell.apply(ShellAction::Notify(vec![Msg::StorageFull])));
        assert!(shell.apply(ShellAction::Notify(vec![
            Msg::StorageFull,
            Msg::StorageFailed,
            Msg::StorageFailed
        ])));
        assert_eq!(
            shell.notices,
            [Msg::StorageBlocked, Msg::StorageFull, Msg::StorageFailed]
        );
    }

    #[test]
    fn a_report_replaces_the_last_and_keep_nothing_is_as_stored() {
        let mut shell = Shell::new(Region::Us);
        shell.apply(ShellAction::Report(vec![Text::new(Msg::StorageImportEmpty)]));
        shell.apply(ShellAction::Report(vec![Text::new(Msg::StorageImportNotOurs)]));
        assert_eq!(shell.report, [Text::new(Msg::StorageImportNotOurs)]);
        shell.apply(ShellAction::Report(Vec::new()));
        assert!(shell.report.is_empty());
        shell.apply(ShellAction::KeepNothing(true));
        assert!(shell.keep_nothing);
        shell.apply(ShellAction::KeepNothing(false));
        assert!(!shell.keep_nothing);
        assert!(!shell.exit_clears_draft);
        shell.apply(ShellAction::ExitClearsDraft(true));
        assert!(shell.exit_clears_draft);
        shell.apply(ShellAction::ExitClearsDraft(false));
        assert!(!shell.exit_clears_draft);
    }

    #[test]
    fn the_lock_shows_busy_then_its_new_state_or_what_went_wrong() {
        let mut shell = Shell::new(Region::Us);
        assert_eq!(shell.lock, Lock::Off);
        shell.apply(ShellAction::Lock(Lock::Locked, None));
        shell.apply(ShellAction::LockBusy);
        assert!(shell.lock_busy);
        shell.apply(ShellAction::Lock(Lock::Locked, Some(Msg::StorageFailed)));
        assert!(!shell.lock_busy);
        assert_eq!(shell.lock_problem, Some(Msg::StorageFailed));
        shell.apply(ShellAction::LockBusy);
        assert_eq!(shell.lock_problem, None, "a new try clears the last problem");
        shell.apply(ShellAction::Lock(Lock::Open, None));
        assert_eq!(
            (shell.lock, shell.lock_busy, shell.lock_problem),
            (Lock::Open, false, None)
        );
    }
}
