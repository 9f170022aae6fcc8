//! The Keys tab's recovery-phrase dialog: make cold keys from a new phrase (shown once, three
//! words typed back) or restore them from a written-down phrase and a pool index.
//!
//! The phrase lives only here, in memory that is wiped when the dialog closes: never in
//! settings, messages or logs, and this state has no `Debug`.

use zeroize::Zeroizing;

use super::key_actions::cold_files;
use super::{ConsoleApp, Pending};
use crate::core::keys::address::pool_bech32;
use crate::core::keys::derive;
use crate::core::keys::mnemonic::{PhraseError, RecoveryPhrase, WORD_COUNTS};
use crate::core::keys::KeyKind;
use crate::ops::keys::PairPaths;
use crate::ops::recovery;
use crate::platform::entropy;

/// How many words the person types back to show they wrote the phrase down.
pub const CHECKED_WORDS: usize = 3;

/// Room for any phrase typed by hand, reserved up front: a `String` that grows leaves its
/// old, unwiped buffer behind.
const TYPED_CAPACITY: usize = 1024;

#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Step {
    /// Create: the warning and the number of words.
    Warning,
    /// Create: the words, shown once.
    Words,
    /// Create: three words typed back, and the pool index.
    TypeBack,
    /// Restore: the phrase typed in, the pool index, the pool id once checked.
    Restore,
}

pub struct PhraseDialog {
    pub step: Step,
    /// Create: how many words the new phrase has.
    pub word_count: usize,
    /// The pool index as typed ("0" for the first pool).
    pub index: String,
    /// Restore: the phrase as typed.
    pub typed: Zeroizing<String>,
    /// Restore: show the typed words instead of dots.
    pub show_words: bool,
    /// Create: the positions asked for (from 1) and what was typed for each.
    pub checks: Vec<(usize, Zeroizing<String>)>,
    /// What stops the next step, said in the dialog.
    pub problem: Option<String>,
    /// Restore: the pool id of the checked phrase and index, before anything is written.
    pub pool_id: Option<String>,
    /// The phrase made (create) or checked (restore); wiped when dropped.
    phrase: Option<RecoveryPhrase>,
}

impl PhraseDialog {
    fn new(step: Step) -> Self {
        Self {
            step,
            word_count: 24,
            index: "0".to_owned(),
            typed: Zeroizing::new(String::with_capacity(TYPED_CAPACITY)),
            show_words: false,
            checks: Vec::new(),
            problem: None,
            pool_id: None,
            phrase: None,
        }
    }

    /// The words of the phrase made, for showing once (wiped when dropped).
    pub fn words(&self) -> Option<Zeroizing<Vec<String>>> {
        let phrase = self.phrase.as_ref()?;
        let text = phrase.render();
        let text = std::str::from_utf8(text.expose()).ok()?;
        Some(Zeroizing::new(
            text.split_whitespace().map(str::to_owned).collect(),
        ))
    }

    /// The typed phrase or index changed: the pool id shown was for something else.
    pub fn edited(&mut self) {
        self.pool_id = None;
        self.phrase = None;
        self.problem = None;
    }

    fn pool_index(&self) -> Result<u32, String> {
        let text = self.index.trim();
        if text.is_empty() {
            return Ok(0);
        }
        text.parse::<u32>().map_err(|_| {
            format!("The pool index \"{text}\" is not a whole number: 0 for the first pool made from a phrase, 1 for the second, and so on.")
        })
    }
}

/// A phrase error said as a sentence, with what it means for the files.
fn phrase_problem(e: &PhraseError) -> String {
    let sentence = match e {
        PhraseError::Empty | PhraseError::WrongLength(_) => format!("The phrase {e}"),
        _ => crate::core::message::capitalise(&e.to_string()),
    };
    format!("{sentence}. Nothing was written.")
}

/// `count` different word positions (from 1) out of `words`, in order, from OS entropy.
fn positions(words: usize, count: usize) -> Result<Vec<usize>, String> {
    let seed = entropy::seed32()?;
    let mut chosen: Vec<usize> = Vec::with_capacity(count);
    for b in seed.iter() {
        let p = usize::from(*b) % words + 1;
        if !chosen.contains(&p) {
            chosen.push(p);
        }
        if chosen.len() == count {
            break;
        }
    }
    chosen.sort_unstable();
    if chosen.len() < count {
        return Err("the operating system's random bytes repeated too often; try again".to_owned());
    }
    Ok(chosen)
}

impl ConsoleApp {
    /// "Create cold keys with a recovery phrase…": the warning comes first.
    pub fn start_phrase_create(&mut self) {
        self.open_phrase_dialog(Step::Warning);
    }

    /// "Restore from a recovery phrase…".
    pub fn start_phrase_restore(&mut self) {
        self.open_phrase_dialog(Step::Restore);
    }

    /// Opens the dialog, unless the folder's cold key was made without a phrase: the file
    /// layer never replaces it with a phrase's (extended) key, so say so before any words.
    fn open_phrase_dialog(&mut self, step: Step) {
        let plain = self
            .workspace
            .as_ref()
            .and_then(|w| w.cold_vkey.as_ref())
            .is_some_and(|vk| vk.kind() == KeyKind::ColdVerification);
        if plain {
            self.fail("This folder already holds cold keys made without a recovery phrase; keys from a phrase never replace them. Open a new, empty pool folder for the phrase's keys, or move cold.skey, cold.vkey and cold.counter elsewhere first (keep a copy: they are the old pool).");
            return;
        }
        self.recovery = Some(PhraseDialog::new(step));
    }

    /// Closes the dialog; the phrase and everything typed are wiped as they drop.
    pub fn close_phrase_dialog(&mut self) {
        self.recovery = None;
    }

    /// Makes the new phrase from OS entropy and shows it.
    pub fn show_new_phrase(&mut self) {
        let Some(d) = self.recovery.as_mut() else {
            return;
        };
        let made = entropy::seed32().and_then(|seed| {
            let len = RecoveryPhrase::entropy_len(d.word_count)
                .filter(|_| WORD_COUNTS.contains(&d.word_count))
                .ok_or_else(|| format!("a phrase of {} words is not possible", d.word_count))?;
            RecoveryPhrase::from_entropy(seed.get(..len).unwrap_or_default())
                .map_err(|e| e.to_string())
        });
        match made {
            Ok(phrase) => {
                d.phrase = Some(phrase);
                d.step = Step::Words;
                d.problem = None;
            }
            Err(e) => d.problem = Some(format!("No phrase was made: {e}.")),
        }
    }

    /// "I have written them down": ask for three words at random places.
    pub fn ask_words_back(&mut self) {
        let Some(d) = self.recovery.as_mut() else {
            return;
        };
        match positions(d.word_count, CHECKED_WORDS) {
            Ok(p) => {
                d.checks = p
                    .into_iter()
                    .map(|p| (p, Zeroizing::new(String::with_capacity(64))))
                    .collect();
                d.step = Step::TypeBack;
                d.problem = None;
            }
            Err(e) => d.problem = Some(format!("Could not choose the words to ask for: {e}.")),
        }
    }

    /// "Show the words again", from the type-back step.
    pub fn back_to_words(&mut self) {
        if let Some(d) = self.recovery.as_mut() {
            d.step = Step::Words;
            d.problem = None;
        }
    }

    /// Checks the typed-back words; when all are right, writes the cold keys (asking first
    /// if cold keys are already there).
    pub fn check_words_and_write(&mut self) {
        let Some(d) = self.recovery.as_mut() else {
            return;
        };
        let Some(words) = d.words() else { return };
        let wrong: Vec<String> = d
            .checks
            .iter()
            .filter(|(p, typed)| {
                let want = words.get(p - 1).map(String::as_str);
                want != Some(typed.trim().to_lowercase().as_str())
            })
            .map(|(p, _)| p.to_string())
            .collect();
        d.problem = match wrong.as_slice() {
            [] => None,
            [one] => Some(format!("Word {one} is not the word shown in that place. Check it against your paper; nothing was written.")),
            many => Some(format!("Words {} are not the words shown in those places. Check them against your paper; nothing was written.", many.join(", "))),
        };
        if d.problem.is_some() {
            return;
        }
        if let Err(e) = d.pool_index() {
            d.problem = Some(e);
            return;
        }
        self.write_or_ask_cold(Pending::ReplaceColdKeysFromPhrase);
    }

    /// Restore: checks the typed phrase and index and shows the pool id they make.
    pub fn check_restored_phrase(&mut self) {
        let Some(d) = self.recovery.as_mut() else {
            return;
        };
        d.edited();
        let index = match d.pool_index() {
            Ok(i) => i,
            Err(e) => {
                d.problem = Some(e);
                return;
            }
        };
        let phrase = match RecoveryPhrase::parse(&d.typed) {
            Ok(p) => p,
            Err(e) => {
                d.problem = Some(phrase_problem(&e));
                return;
            }
        };
        let pool = recovery::cold_path(index)
            .and_then(|path| derive::key_pair(&phrase, &path).map_err(Into::into));
        match pool {
            Ok((_, vk)) => {
                d.pool_id = Some(pool_bech32(&vk.key_hash()));
                d.phrase = Some(phrase);
            }
            Err(e) => d.problem = Some(format!("{e}. Nothing was written.")),
        }
    }

    /// Restore: "Write cold keys for this pool", once the pool id is on screen.
    pub fn write_restored(&mut self) {
        if self.recovery.as_ref().is_some_and(|d| d.pool_id.is_some()) {
            self.write_or_ask_cold(Pending::ReplaceColdKeysFromPhrase);
        }
    }

    /// Writes cold.skey, cold.vkey and cold.counter from the dialog's phrase and index (the
    /// person confirmed replacing old files, or there were none), then closes the dialog.
    pub(super) fn write_phrase_cold_keys(&mut self) {
        let Some(dir) = self.workspace_dir() else {
            return;
        };
        let Some(d) = self.recovery.as_mut() else {
            return;
        };
        let (Some(phrase), Ok(index)) = (d.phrase.as_ref(), d.pool_index()) else {
            return;
        };
        let [vp, sp, cp] = cold_files(&dir);
        let paths = PairPaths {
            verification: &vp,
            signing: &sp,
        };
        match recovery::derive_cold(phrase, index, paths, &cp, true) {
            Ok((vk, done)) => {
                self.recovery = None;
                self.note(&done);
                self.rescan();
                self.say(format!(
                    "Made the cold keys of pool index {index} from the recovery phrase (cold.vkey, cold.skey, cold.counter). Pool id {}. Keep the written phrase safe: it makes these keys again.",
                    pool_bech32(&vk.key_hash())
                ));
            }
            Err(e) => {
                d.problem = Some(format!("{e}. Nothing was written."));
                self.fail(e);
            }
        }
    }
}
