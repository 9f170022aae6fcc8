//! What each Registration action needs, said before the click; and what a failed action
//! leaves behind: the empty fields it needed speak up under themselves, and its status-line
//! error goes away by itself once the form allows the action.
//!
//! Build certificate needs what the certificate holds. Save metadata file needs the metadata
//! fields. Export plan needs that and each owner's
//! planned pledge, because the plan's job is to let the owners check the pledge split.

use super::registration::FormCheck;
use super::ConsoleApp;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FormAction {
    Build,
    ExportPlan,
    /// "Save metadata file": needs only the metadata fields.
    SaveMetadata,
}

/// The last failed or refused action of the form, until the form allows it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FormFeedback {
    /// The person asked for this action: fields it needs say so even while empty.
    pub attempted: Option<FormAction>,
    /// The status-line text the failure left, to take away once it is fixed.
    failure: Option<String>,
}

impl FormFeedback {
    /// Whether an empty field that `needed_by` needs should now read as an error rather than
    /// a hint: the person asked for an action that needs it.
    pub fn insists(&self, needed_by: FormAction) -> bool {
        match (self.attempted, needed_by) {
            (None, _)
            | (Some(FormAction::Build), FormAction::ExportPlan)
            | (Some(FormAction::SaveMetadata), FormAction::Build | FormAction::ExportPlan) => false,
            (Some(_), _) => true,
        }
    }
}

impl FormCheck {
    /// What stands between the form and `action`, in words; empty when it can be done.
    pub fn needs(&self, action: FormAction) -> Vec<String> {
        if action == FormAction::SaveMetadata {
            return self
                .metadata_save
                .iter()
                .map(|_| "metadata".to_owned())
                .collect();
        }
        let mut out = self.blockers();
        if action == FormAction::ExportPlan {
            for (i, p) in self.owner_pledges.iter().enumerate() {
                if p.is_err() {
                    out.push(format!("Owner {}'s pledge", i + 1));
                }
            }
        }
        out
    }
}

impl ConsoleApp {
    /// Says why `action` failed in the status line, and has the form show it by the fields.
    pub(super) fn form_failed(&mut self, action: FormAction, text: String) {
        self.fail(text);
        self.drafts.form_feedback = FormFeedback {
            attempted: Some(action),
            failure: self.status.as_ref().map(|s| s.text.clone()),
        };
    }

    /// Each frame the form is shown: once the form allows the failed action, its status-line
    /// error goes (unless something else has been said since).
    pub fn settle_form_feedback(&mut self, check: &FormCheck) {
        let feedback = &self.drafts.form_feedback;
        let Some(action) = feedback.attempted else {
            return;
        };
        if !check.needs(action).is_empty() {
            return;
        }
        if let (Some(failure), Some(status)) = (&feedback.failure, &self.status) {
            if status.is_error && &status.text == failure {
                self.status = None;
            }
        }
        self.drafts.form_feedback = FormFeedback::default();
    }

    /// Enter in the form: builds the certificate when the form allows it; otherwise only shows,
    /// under each field, what is still missing.
    pub fn submit_registration(&mut self) {
        if self
            .check_registration()
            .needs(FormAction::Build)
            .is_empty()
        {
            self.build_registration();
        } else {
            self.drafts.form_feedback.attempted = Some(FormAction::Build);
        }
    }
}
