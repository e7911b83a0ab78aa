//! Pure: the one place a pair's verdict is decided. The engine gathers the facts (pages, history, the cosmetic
//! filter's reading of the source's commits, structure signals) and every command — status, compare, check, diff,
//! tasks, sync — takes its verdict from [`judge`].

use super::sections::Severity;
use super::{Reason, State, SyncFacts, byte_verdict};
use crate::pairing::PairKind;

/// What history says about a source whose bytes changed since the sync point, read commit by commit and section by
/// section (everything `--strict` turns off).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refinement {
    /// Only formatting changed.
    CosmeticOnly,
    /// The meaningful changes all came in commits carrying a directive (`[skip-l10n]`…).
    SkipDirective,
    /// The meaningful changes all came in commits that made the same change to the translation.
    Mirrored,
    /// Meaningful changes, every one a change of link or image targets that the translation already has.
    InTranslation,
    /// A version needed is not in this (partial) clone.
    MissingBlob,
    /// Meaningful changes, but a version cannot be compared section by section (it does not parse).
    Unparsed,
    /// Meaningful changes; `explained`: at least one changed section (the front matter is one) shows them;
    /// `mirrored_only`: they are all mirrored front-matter keys (values to copy, nothing to translate).
    Changed {
        severity: Severity,
        explained: bool,
        mirrored_only: bool,
    },
}

/// Everything a verdict depends on, as plain values.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PairFacts {
    pub kind: PairKind,
    /// The sync point and the source's blob there and now.
    pub sync: SyncFacts,
    /// The source had another name at the sync point (renames followed).
    pub source_renamed: bool,
    /// An unpaired translation whose front matter cannot be read (its keys are unknown, not absent).
    pub unreadable_translation: bool,
    /// The refinement of a byte-stale source; `None` under `--strict` (bytes decide) or when the bytes are equal.
    pub refinement: Option<Refinement>,
    /// The highest severity of the structure signals between the source and the translation now; `None` when they
    /// were not compared (`--strict`, or a page that does not parse).
    pub structure: Option<Severity>,
}

/// A pair's verdict.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Verdict {
    pub state: State,
    pub reason: Reason,
    pub severity: Severity,
    /// The structure signals are the page's explanation (it is stale and no changed section shows why).
    pub signals_explain: bool,
}

/// The verdict: the byte verdict (`git diff --quiet <sync>...HEAD -- <source>`), then what history says about a
/// changed source, then the structure: a translation said current that lacks what its source has is stale.
pub fn judge(facts: &PairFacts) -> Verdict {
    let (mut state, mut reason) = byte_verdict(facts.kind, &facts.sync);
    if facts.kind == PairKind::Orphaned && facts.unreadable_translation {
        (state, reason) = (State::Unknown, Reason::BadFrontMatter);
    }
    // A source renamed since the sync point: the path as it is now did not exist there.
    if reason == Reason::SourceCreated && facts.source_renamed {
        reason = Reason::SourceRenamed;
    }
    let mut severity = Severity::None;
    let mut explained = false;
    if state == State::Stale {
        match facts.refinement {
            None => {}
            Some(Refinement::CosmeticOnly) => {
                (state, reason) = (State::Current, Reason::CosmeticOnly)
            }
            Some(Refinement::SkipDirective) => {
                (state, reason) = (State::Current, Reason::SkipDirective)
            }
            Some(Refinement::Mirrored) => {
                (state, reason) = (State::Current, Reason::MirroredInTranslation)
            }
            Some(Refinement::InTranslation) => {
                (state, reason) = (State::Current, Reason::AlreadyInTranslation)
            }
            Some(Refinement::MissingBlob) => {
                (state, reason) = (State::Unknown, Reason::MissingBlob)
            }
            // A source that cannot be read section by section, now or at the sync point: a bad page.
            Some(Refinement::Unparsed) => {
                (state, reason) = (State::Unknown, Reason::SourceBadFrontMatter)
            }
            Some(Refinement::Changed {
                severity: changed,
                explained: shown,
                mirrored_only,
            }) => {
                severity = changed;
                explained = shown;
                if mirrored_only && reason == Reason::SourceChanged {
                    (reason, severity) = (Reason::MirroredOnly, Severity::Low);
                }
            }
        }
    }
    if matches!(state, State::Current | State::Stale)
        && let Some(structure) = facts.structure
    {
        if state == State::Current && structure == Severity::High {
            (state, reason) = (State::Stale, Reason::Structure);
        }
        // Content missing from the translation is more than mirrored values to copy.
        if reason == Reason::MirroredOnly && structure == Severity::High {
            reason = Reason::SourceChanged;
        }
        severity = severity.max(structure);
    }
    Verdict {
        state,
        reason,
        severity,
        signals_explain: state == State::Stale && !explained,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::drift::SourceBlob;

    fn facts(
        changed: bool,
        refinement: Option<Refinement>,
        structure: Option<Severity>,
    ) -> PairFacts {
        let blob = |n| {
            Some(SourceBlob {
                id: [n; 20],
                mode: None,
            })
        };
        PairFacts {
            kind: PairKind::Paired,
            sync: SyncFacts::Known {
                at_sync: blob(1),
                now: blob(if changed { 2 } else { 1 }),
            },
            source_renamed: false,
            unreadable_translation: false,
            refinement,
            structure,
        }
    }

    #[test]
    fn changes_already_in_the_translation_are_current_unless_content_is_missing() {
        let v = judge(&facts(true, Some(Refinement::InTranslation), None));
        assert_eq!(
            (v.state, v.reason),
            (State::Current, Reason::AlreadyInTranslation)
        );
        let v = judge(&facts(
            true,
            Some(Refinement::InTranslation),
            Some(Severity::High),
        ));
        assert_eq!(
            (v.state, v.reason, v.signals_explain),
            (State::Stale, Reason::Structure, true)
        );
    }

    #[test]
    fn history_can_only_clear_a_byte_stale_source() {
        let v = judge(&facts(true, Some(Refinement::CosmeticOnly), None));
        assert_eq!((v.state, v.reason), (State::Current, Reason::CosmeticOnly));
        let v = judge(&facts(false, Some(Refinement::Unparsed), None));
        assert_eq!((v.state, v.severity), (State::Current, Severity::None));
        let v = judge(&facts(true, Some(Refinement::Unparsed), None));
        assert_eq!(
            (v.state, v.reason, v.signals_explain),
            (State::Unknown, Reason::SourceBadFrontMatter, false)
        );
        let v = judge(&facts(
            true,
            Some(Refinement::MissingBlob),
            Some(Severity::High),
        ));
        assert_eq!((v.state, v.severity), (State::Unknown, Severity::None));
    }

    #[test]
    fn structure_makes_a_current_page_stale_and_explains_it() {
        let v = judge(&facts(false, None, Some(Severity::High)));
        assert_eq!(
            (v.state, v.reason, v.signals_explain),
            (State::Stale, Reason::Structure, true)
        );
        let v = judge(&facts(false, None, Some(Severity::Low)));
        assert_eq!((v.state, v.severity), (State::Current, Severity::Low));
        let changed = Refinement::Changed {
            severity: Severity::Low,
            explained: true,
            mirrored_only: false,
        };
        let v = judge(&facts(true, Some(changed), Some(Severity::High)));
        assert_eq!(
            (v.state, v.reason, v.severity, v.signals_explain),
            (State::Stale, Reason::SourceChanged, Severity::High, false)
        );
    }

    #[test]
    fn mirrored_only_is_low_unless_the_translation_lacks_content() {
        let mirrored = Refinement::Changed {
            severity: Severity::Low,
            explained: true,
            mirrored_only: true,
        };
        let v = judge(&facts(true, Some(mirrored), Some(Severity::Low)));
        assert_eq!(
            (v.state, v.reason, v.severity),
            (State::Stale, Reason::MirroredOnly, Severity::Low)
        );
        let v = judge(&facts(true, Some(mirrored), Some(Severity::High)));
        assert_eq!(
            (v.state, v.reason, v.severity),
            (State::Stale, Reason::SourceChanged, Severity::High)
        );
    }

    #[test]
    fn renamed_and_unreadable() {
        let mut f = facts(true, None, None);
        f.sync = SyncFacts::Known {
            at_sync: None,
            now: Some(SourceBlob {
                id: [2; 20],
                mode: None,
            }),
        };
        f.source_renamed = true;
        assert_eq!(judge(&f).reason, Reason::SourceRenamed);
        let mut f = facts(true, None, None);
        f.kind = PairKind::Orphaned;
        f.unreadable_translation = true;
        assert_eq!(judge(&f).reason, Reason::BadFrontMatter);
    }
}
