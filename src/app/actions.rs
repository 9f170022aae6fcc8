//! What the console's buttons do: generate keys, issue opcerts, build certificates, open and
//! inspect files. Each action writes through `platform::files` (atomic, no silent overwrite),
//! reports once in the status line, and records its cardano-cli equivalent.

use std::path::{Path, PathBuf};

use super::cli_equivalent as cli;
use super::network::NetworkChoice;
use super::registration::{self, PoolKeys};
use super::workspace::{names, Role, Workspace};
use super::{Confirm, ConsoleApp, Pending, Tab};
use crate::core::address::Credential;
use crate::core::certificate::{Certificate, Era};
use crate::core::describe;
use crate::core::keys::{accept, KeyKind, VerificationKey};
use crate::core::metadata;
use crate::ops;
use crate::ops::keys::{self as key_ops, KeyFormat, PairKind, PairPaths};
use crate::ops::opcert::{self as opcert_ops, IssueRequest};
use crate::platform::files::{self, Output, OutputKind};
use crate::platform::load;

/// A file name made from what a person typed: letters, digits, `-` and `_` only.
pub fn file_stem(name: &str) -> String {
    let s: String = name
        .trim()
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' || c == '_' {
                c.to_ascii_lowercase()
            } else {
                '-'
            }
        })
        .collect();
    let s = s.trim_matches('-').to_owned();
    if s.is_empty() {
        "owner".to_owned()
    } else {
        s
    }
}

impl ConsoleApp {
    // ------------------------------------------------------------------ workspace

    pub fn choose_workspace(&mut self) {
        if let Some(dir) = self
            .platform
            .dialogs
            .pick_folder("Open or create a pool folder")
        {
            self.open_workspace(&dir);
        }
    }

    pub fn open_workspace(&mut self, dir: &Path) {
        self.scan_generation += 1;
        self.pool_list = None;
        // A write that was cut short (power, kill) is finished before the files are read, so
        // the folder is shown as it will stay.
        let mut unfinished = None;
        if dir.is_dir() {
            match files::recover(dir) {
                Ok(notes) => self.drafts.recovered.extend(notes),
                Err(e) => unfinished = Some(e.to_string()),
            }
        }
        match Workspace::scan(dir) {
            Ok(ws) => {
                self.settings.remember_workspace(dir);
                let found = ws.files.values().map(Vec::len).sum::<usize>();
                self.workspace = Some(ws);
                self.refresh_clock();
                match unfinished {
                    // The folder may be half-written: said as an error, not a passing note.
                    Some(e) => self.fail(format!(
                        "Opened {}, but it is not safe to use yet: {e}",
                        dir.display()
                    )),
                    None => self.say(format!(
                        "Opened {} ({found} pool files recognised)",
                        dir.display()
                    )),
                }
            }
            Err(e) => self.fail(e),
        }
    }

    pub fn rescan(&mut self) {
        if let Some(dir) = self.workspace.as_ref().map(|w| w.dir.clone()) {
            self.scan_generation += 1;
            self.pool_list = None;
            match Workspace::scan(&dir) {
                Ok(ws) => self.workspace = Some(ws),
                Err(e) => self.fail(e),
            }
        }
    }

    pub fn set_network(&mut self, choice: NetworkChoice) {
        if let Some(dir) = self.workspace.as_ref().map(|w| w.dir.clone()) {
            self.settings.networks.insert(dir, choice);
        }
        self.refresh_clock();
    }

    /// Asks for a custom network's Shelley and Byron genesis files.
    pub fn choose_custom_network(&mut self) {
        let Some(shelley_genesis) = self
            .platform
            .dialogs
            .pick_file("The network's Shelley genesis file (shelley-genesis.json)")
        else {
            return;
        };
        let Some(byron_genesis) = self
            .platform
            .dialogs
            .pick_file("The network's Byron genesis file (byron-genesis.json)")
        else {
            return;
        };
        let choice = NetworkChoice::Custom {
            shelley_genesis,
            byron_genesis,
        };
        match choice.clock() {
            Ok(c) => {
                self.set_network(choice);
                self.say(format!(
                    "Using network magic {} from its genesis files.",
                    c.network_magic
                ));
            }
            Err(e) => self.fail(format!("Those genesis files cannot be used: {e}")),
        }
    }

    /// Saves the metadata JSON from the form (or keeps a loaded file as it is).
    pub fn save_metadata(&mut self) {
        let Some(dir) = self.workspace_dir() else {
            return;
        };
        match self.registration.metadata.render_checked() {
            Err(e) => self.fail(format!("The metadata is not valid yet: {e}")),
            Ok(json) => {
                let path = dir.join(names::METADATA);
                match ops::outputs::write(&path, json.as_bytes(), OutputKind::Metadata) {
                    Ok(done) => {
                        self.note(&done);
                        self.drafts.loaded_metadata = Some((path.clone(), json.into_bytes()));
                        self.last_cli = Some(cli::metadata_hash(names::METADATA));
                        self.rescan();
                        self.say(format!(
                            "Saved {}: upload it to the metadata URL exactly as it is.",
                            names::METADATA
                        ));
                    }
                    Err(e) => self.fail(e.to_string()),
                }
            }
        }
    }

    fn refresh_clock(&mut self) {
        match self.network_choice().clock() {
            Ok(c) => self.clock = Some(c),
            Err(e) => {
                self.clock = None;
                self.fail(format!(
                    "The network's genesis files could not be read: {e}"
                ));
            }
        }
    }

    fn workspace_dir(&mut self) -> Option<PathBuf> {
        let dir = self.workspace.as_ref().map(|w| w.dir.clone());
        if dir.is_none() {
            self.fail("Open a pool folder first (the Pool tab, or Ctrl+O).");
        }
        dir
    }

    // ------------------------------------------------------------------ keys

    pub(crate) fn ask(
        &mut self,
        title: &str,
        message: String,
        confirm_label: &str,
        action: Pending,
    ) {
        self.confirm = Some(Confirm {
            title: title.to_owned(),
            message,
            confirm_label: confirm_label.to_owned(),
            action,
        });
    }

    /// Runs the action the person confirmed.
    pub fn confirmed(&mut self) {
        let Some(c) = self.confirm.take() else { return };
        match c.action {
            Pending::ReplaceColdKeys => self.write_cold_keys(),
            Pending::ReplaceVrfKeys => self.write_pair(KeyKind::VrfSigning, true),
            Pending::ReplaceKesKeys => self.write_pair(KeyKind::KesSigning, true),
            Pending::ReplaceStakeKeys(name) => self.write_stake_keys(&name, true),
            Pending::IssueOpCert { kes_period } => self.write_opcert(kes_period),
            Pending::Retire { epoch } => self.write_retirement(epoch),
            Pending::Rotate(plan) => self.rotate(plan),
        }
    }

    pub fn generate_cold_keys(&mut self) {
        let Some(dir) = self.workspace_dir() else {
            return;
        };
        let existing: Vec<String> = [names::COLD_VKEY, names::COLD_SKEY, names::COUNTER]
            .into_iter()
            .filter(|n| dir.join(n).exists())
            .map(str::to_owned)
            .collect();
        if existing.is_empty() {
            self.write_cold_keys();
        } else {
            self.ask(
                "Replace the cold keys?",
                format!(
                    "{} already exist in {}. Replacing them makes a NEW pool: the old pool id, its registration and its delegators stay with the old key, which would be lost. Only continue if you have a copy of the old files or never used them.",
                    existing.join(", "),
                    dir.display()
                ),
                "Replace cold keys",
                Pending::ReplaceColdKeys,
            );
        }
    }

    fn write_cold_keys(&mut self) {
        let Some(dir) = self.workspace_dir() else {
            return;
        };
        let (vp, sp, cp) = (
            dir.join(names::COLD_VKEY),
            dir.join(names::COLD_SKEY),
            dir.join(names::COUNTER),
        );
        let paths = PairPaths {
            verification: &vp,
            signing: &sp,
        };
        // The person confirmed replacing the old files (or there were none).
        let result = key_ops::generate_cold(paths, &cp, KeyFormat::TextEnvelope, true)
            .map(|(_, done)| self.note(&done));
        match result {
            Ok(()) => {
                self.last_cli = Some(cli::key_gen(
                    names::COLD_VKEY,
                    names::COLD_SKEY,
                    names::COUNTER,
                ));
                self.rescan();
                self.say("Generated the cold keys and issue counter (cold.vkey, cold.skey, cold.counter). Back up cold.skey and keep it offline.");
            }
            Err(e) => self.fail(e),
        }
    }

    pub fn generate_vrf_keys(&mut self) {
        self.generate_pair(KeyKind::VrfSigning);
    }

    pub fn generate_kes_keys(&mut self) {
        self.generate_pair(KeyKind::KesSigning);
    }

    fn generate_pair(&mut self, kind: KeyKind) {
        let Some(dir) = self.workspace_dir() else {
            return;
        };
        let (vn, sn, pending, what) = match kind {
            KeyKind::VrfSigning => (
                names::VRF_VKEY,
                names::VRF_SKEY,
                Pending::ReplaceVrfKeys,
                "VRF",
            ),
            _ => (
                names::KES_VKEY,
                names::KES_SKEY,
                Pending::ReplaceKesKeys,
                "KES",
            ),
        };
        if dir.join(vn).exists() || dir.join(sn).exists() {
            let consequence = if kind == KeyKind::VrfSigning {
                "A registered pool must keep its VRF key: a new one needs a new registration certificate before the node can make blocks with it."
            } else {
                "The node keeps signing with the old KES key until you issue a new operational certificate for the new one and restart it."
            };
            self.ask(
                &format!("Replace the {what} keys?"),
                format!(
                    "{vn} and {sn} already exist in {}. {consequence}",
                    dir.display()
                ),
                &format!("Replace {what} keys"),
                pending,
            );
        } else {
            self.write_pair(kind, false);
        }
    }

    fn write_pair(&mut self, kind: KeyKind, force: bool) {
        let Some(dir) = self.workspace_dir() else {
            return;
        };
        let (vn, sn) = if kind == KeyKind::VrfSigning {
            (names::VRF_VKEY, names::VRF_SKEY)
        } else {
            (names::KES_VKEY, names::KES_SKEY)
        };
        let pair = if kind == KeyKind::VrfSigning {
            PairKind::Vrf
        } else {
            PairKind::Kes
        };
        let (vp, sp) = (dir.join(vn), dir.join(sn));
        let paths = PairPaths {
            verification: &vp,
            signing: &sp,
        };
        let result = key_ops::generate_pair(pair, paths, KeyFormat::TextEnvelope, force)
            .map(|(_, done)| self.note(&done));
        match result {
            Ok(()) => {
                self.last_cli = Some(if kind == KeyKind::VrfSigning {
                    cli::key_gen_vrf(vn, sn)
                } else {
                    cli::key_gen_kes(vn, sn)
                });
                self.rescan();
                self.say(format!("Generated {vn} and {sn}."));
            }
            Err(e) => self.fail(e),
        }
    }

    /// Generates an owner's stake keys (`<name>.stake.vkey/.skey`) and adds the owner to the builder.
    pub fn generate_stake_keys(&mut self) {
        let Some(dir) = self.workspace_dir() else {
            return;
        };
        let name = file_stem(&self.drafts.owner_name);
        if dir.join(format!("{name}.stake.vkey")).exists()
            || dir.join(format!("{name}.stake.skey")).exists()
        {
            self.ask(
                "Replace this owner's stake keys?",
                format!(
                    "{name}.stake.vkey or {name}.stake.skey already exists. The ADA delegated from the old stake key would no longer count as this owner's pledge."
                ),
                "Replace stake keys",
                Pending::ReplaceStakeKeys(name),
            );
        } else {
            self.write_stake_keys(&name, false);
        }
    }

    fn write_stake_keys(&mut self, name: &str, force: bool) {
        let Some(dir) = self.workspace_dir() else {
            return;
        };
        let (vn, sn) = (format!("{name}.stake.vkey"), format!("{name}.stake.skey"));
        let (vp, sp) = (dir.join(&vn), dir.join(&sn));
        let paths = PairPaths {
            verification: &vp,
            signing: &sp,
        };
        let result = key_ops::generate_pair(PairKind::Stake, paths, KeyFormat::TextEnvelope, force)
            .map(|(_, done)| self.note(&done));
        match result {
            Ok(()) => {
                self.last_cli = Some(cli::stake_key_gen(&vn, &sn));
                let display = if self.drafts.owner_name.trim().is_empty() {
                    name.to_owned()
                } else {
                    self.drafts.owner_name.trim().to_owned()
                };
                let form = &mut self.registration;
                if !form.owners.iter().any(|o| o.key == vn) {
                    form.owners.push(registration::OwnerDraft {
                        name: display,
                        key: vn.clone(),
                        pledge_ada: String::new(),
                    });
                }
                if form.reward_account.trim().is_empty() {
                    form.reward_account.clone_from(&vn);
                }
                self.drafts.owner_name.clear();
                self.rescan();
                self.say(format!(
                    "Generated {vn} and {sn}, and added the owner to the registration."
                ));
            }
            Err(e) => self.fail(e),
        }
    }

    // ------------------------------------------------------------------ opcert

    /// The KES period now, from the workspace's network clock.
    pub fn current_kes_period(&self) -> Option<u64> {
        let clock = self.clock.as_ref()?;
        clock
            .point_at(self.platform.clock.now())
            .ok()
            .map(|p| p.kes_period)
    }

    pub fn request_opcert(&mut self) {
        let Some(ws) = &self.workspace else {
            self.fail("Open a pool folder first.");
            return;
        };
        let missing: Vec<&str> = [
            (Role::ColdSkey, "cold.skey"),
            (Role::Counter, "the issue counter"),
            (Role::KesVkey, "kes.vkey"),
        ]
        .into_iter()
        .filter(|(r, _)| !ws.has(*r))
        .map(|(_, n)| n)
        .collect();
        if !missing.is_empty() {
            self.fail(format!(
                "Issuing needs {} (Keys tab).",
                missing.join(" and ")
            ));
            return;
        }
        let Ok(period) = self.drafts.kes_period.trim().parse::<u64>() else {
            self.fail(
                "The KES period must be a whole number (the current one is filled in for you).",
            );
            return;
        };
        let n = ws.counter.as_ref().map_or(0, |c| c.next_issue_number);
        let counter = self.short(Role::Counter);
        self.ask(
            "Issue the operational certificate?",
            format!(
                "This signs node.opcert with issue number {n} and KES period {period}, and moves {counter} to {}. The number can only go up: a certificate issued by mistake still counts.",
                n + 1
            ),
            "Issue certificate",
            Pending::IssueOpCert { kes_period: period },
        );
    }

    pub(crate) fn short(&self, role: Role) -> String {
        self.workspace
            .as_ref()
            .map(|w| w.short(&w.path_for(role)))
            .unwrap_or_default()
    }

    fn write_opcert(&mut self, kes_period: u64) {
        let Some(ws) = self.workspace.clone() else {
            return;
        };
        let (cold_path, counter_path, kes_path) = (
            ws.path_for(Role::ColdSkey),
            ws.path_for(Role::Counter),
            ws.path_for(Role::KesVkey),
        );
        let out = ws.dir.join(names::OPCERT);
        let period = self.period_check();
        let result = (|| -> Result<u64, String> {
            let kes = load::verification_key(&kes_path, accept::KES_VERIFICATION)?;
            let request = IssueRequest {
                kes_vkey: &kes.public_key(),
                cold_signing_key: &cold_path,
                counter: &counter_path,
                kes_period,
                out: &out,
            };
            let (cert, done) = opcert_ops::issue(&request, &period).map_err(|e| e.0)?;
            self.note(&done);
            Ok(cert.issue_number)
        })();
        match result {
            Ok(n) => {
                self.last_cli = Some(cli::issue_op_cert(
                    &ws.short(&kes_path),
                    &ws.short(&cold_path),
                    &ws.short(&counter_path),
                    kes_period,
                    names::OPCERT,
                ));
                self.rescan();
                self.say(format!("Issued node.opcert (issue number {n}, KES period {kes_period}). Copy node.opcert and kes.skey to the block producer and restart it."));
            }
            Err(e) => self.fail(e),
        }
    }

    /// Checks node.opcert against cold.vkey and kes.vkey.
    pub fn verify_opcert(&mut self) {
        let Some(ws) = &self.workspace else { return };
        let result = match &ws.opcert {
            None => Err("There is no operational certificate in this folder yet.".to_owned()),
            Some(c) => {
                let cold = ws.cold_vkey.as_ref().map(VerificationKey::public_key);
                let kes = ws.kes_vkey.as_ref().map(VerificationKey::public_key);
                let problems = c.check(cold.as_ref(), kes.as_ref()).problems();
                if problems.is_empty() {
                    Ok(format!(
                        "node.opcert is valid: signed by this pool's cold key for kes.vkey, issue number {}, from KES period {}.",
                        c.issue_number, c.kes_period
                    ))
                } else {
                    Err(format!(
                        "node.opcert has problems: {}.",
                        problems.join("; ")
                    ))
                }
            }
        };
        self.drafts.verify_result = Some(result);
    }

    // ------------------------------------------------------------------ registration

    pub fn load_metadata(&mut self) {
        let Some(path) = self
            .platform
            .dialogs
            .pick_file("Open a pool metadata JSON file")
        else {
            return;
        };
        match load::capped(&path, crate::platform::read::METADATA).map(|b| b.expose().to_vec()) {
            Err(e) => self.fail(e),
            Ok(bytes) => match metadata::validate(&bytes) {
                Err(e) => self.fail(format!("{}: {e}", path.display())),
                Ok((m, hash)) => {
                    let url = self.registration.metadata.url.clone();
                    self.registration.metadata =
                        registration::MetadataDraft::from_metadata(&m, &url);
                    self.drafts.loaded_metadata = Some((path.clone(), bytes));
                    self.last_cli = Some(cli::metadata_hash(&path.display().to_string()));
                    self.say(format!(
                        "Loaded {} (hash {}).",
                        path.display(),
                        hex::encode(hash)
                    ));
                }
            },
        }
    }

    /// The metadata bytes that will be hashed: the loaded file while the form still matches it.
    pub fn metadata_bytes(&self) -> Option<&[u8]> {
        let (_, bytes) = self.drafts.loaded_metadata.as_ref()?;
        let (m, _) = metadata::validate(bytes).ok()?;
        (m == self.registration.metadata.to_metadata()).then_some(bytes.as_slice())
    }

    pub fn check_registration(&self) -> registration::FormCheck {
        let inputs = super::CheckInputs {
            form: self.registration.clone(),
            network: self.network(),
            generation: self.scan_generation,
            metadata: self.metadata_bytes().map(<[u8]>::to_vec),
        };
        if let Some((cached_inputs, check)) = &*self.check_cache.borrow() {
            if *cached_inputs == inputs {
                return check.clone();
            }
        }
        let check = self.check_registration_now();
        *self.check_cache.borrow_mut() = Some((inputs, check.clone()));
        check
    }

    fn check_registration_now(&self) -> registration::FormCheck {
        let base = self
            .workspace
            .as_ref()
            .map_or_else(PathBuf::new, |w| w.dir.clone());
        let keys = PoolKeys {
            cold: self.workspace.as_ref().and_then(|w| w.cold_vkey.as_ref()),
            vrf: self.workspace.as_ref().and_then(|w| w.vrf_vkey.as_ref()),
        };
        self.registration
            .check(&keys, self.network(), &base, self.metadata_bytes())
    }

    /// Saves pool.cert (and the metadata file, and each owner's certificates when asked).
    pub fn build_registration(&mut self) {
        let Some(ws) = self.workspace.clone() else {
            self.fail("Open a pool folder first.");
            return;
        };
        let check = self.check_registration();
        let Some(params) = check.params.clone() else {
            self.fail(format!(
                "The certificate cannot be built yet: check {}.",
                check.blockers().join(", ")
            ));
            return;
        };
        let cert = registration::certificate(&params);
        let mut outputs: Vec<(PathBuf, Vec<u8>, OutputKind)> = vec![(
            ws.dir.join(names::POOL_CERT),
            cert.to_envelope(registration::ERA)
                .render()
                .expose()
                .to_vec(),
            OutputKind::Certificate,
        )];
        let loaded = self.metadata_bytes().is_some();
        if let (Some(json), false) = (&check.metadata_json, loaded) {
            outputs.push((
                ws.dir.join(names::METADATA),
                json.as_bytes().to_vec(),
                OutputKind::Metadata,
            ));
        }
        let mut cli_lines = Vec::new();
        if self.drafts.build_owner_certs {
            let deposit = check.deposit_lovelace.unwrap_or(2_000_000);
            for (owner, hash) in self.registration.owners.iter().zip(&check.owner_hashes) {
                let Some(hash) = hash else { continue };
                let stem = file_stem(&owner.name);
                let credential = Credential::Key(*hash);
                let reg = Certificate::StakeRegistration {
                    credential,
                    deposit: Some(deposit),
                };
                let del = Certificate::StakeDelegation {
                    credential,
                    pool: params.operator,
                };
                let (rn, dn) = (
                    format!("{stem}.stake-registration.cert"),
                    format!("{stem}.delegation.cert"),
                );
                outputs.push((
                    ws.dir.join(&rn),
                    reg.to_envelope(Era::Conway).render().expose().to_vec(),
                    OutputKind::Certificate,
                ));
                outputs.push((
                    ws.dir.join(&dn),
                    del.to_envelope(Era::Conway).render().expose().to_vec(),
                    OutputKind::Certificate,
                ));
                cli_lines.push(cli::stake_registration(&owner.key, deposit, &rn));
                cli_lines.push(cli::stake_delegation(
                    &owner.key,
                    &ws.short(&ws.path_for(Role::ColdVkey)),
                    &dn,
                ));
            }
        }
        let list: Vec<Output<'_>> = outputs
            .iter()
            .map(|(p, b, kind)| Output {
                path: p,
                bytes: b,
                kind: *kind,
            })
            .collect();
        match ops::outputs::write_all(&list) {
            Ok(done) => self.note(&done),
            Err(e) => {
                self.fail(e.to_string());
                return;
            }
        }
        let owners: Vec<String> = self
            .registration
            .owners
            .iter()
            .map(|o| o.key.clone())
            .collect();
        let network_flag = self.network_choice().cli_flag(self.network());
        let mut text = cli::registration(
            &params,
            &cli::RegistrationArgs {
                cold_vkey: &ws.short(&ws.path_for(Role::ColdVkey)),
                vrf_vkey: &ws.short(&ws.path_for(Role::VrfVkey)),
                reward: &self.registration.reward_account,
                owners: &owners,
                network_flag: &network_flag,
                out: names::POOL_CERT,
            },
        );
        for l in cli_lines {
            text.push('\n');
            text.push_str(&l);
        }
        self.last_cli = Some(text);
        let written: Vec<String> = outputs.iter().map(|(p, _, _)| ws.short(p)).collect();
        self.rescan();
        self.say(format!("Saved {}.", written.join(", ")));
    }

    // ------------------------------------------------------------------ retire

    pub fn request_retirement(&mut self) {
        let Ok(epoch) = self.drafts.retire_epoch.trim().parse::<u64>() else {
            self.fail("The retirement epoch must be a whole number.");
            return;
        };
        if self
            .workspace
            .as_ref()
            .and_then(|w| w.cold_vkey.as_ref())
            .is_none()
        {
            self.fail("Retiring needs the pool's cold verification key (cold.vkey).");
            return;
        }
        if let (Some(clock), Some(now)) = (&self.clock, Some(self.platform.clock.now())) {
            if let Ok(p) = clock.point_at(now) {
                if epoch <= p.epoch {
                    self.fail(format!("Epoch {epoch} has already begun (the current epoch is {}): choose {} or later.", p.epoch, p.epoch + 1));
                    return;
                }
            }
        }
        self.ask(
            "Write a retirement certificate?",
            format!("Once submitted, the pool stops at the start of epoch {epoch}: delegators must move, and the deposit returns to the reward account. It can be cancelled by re-registering before then."),
            "Yes, write it",
            Pending::Retire { epoch },
        );
    }

    fn write_retirement(&mut self, epoch: u64) {
        let Some(ws) = self.workspace.clone() else {
            return;
        };
        let Some(pool) = ws.pool_id() else { return };
        let cert = Certificate::PoolRetirement { pool, epoch };
        let out = ws.dir.join(names::RETIRE_CERT);
        match ops::outputs::certificate(&cert, Era::Conway, &out) {
            Ok(done) => {
                self.note(&done);
                self.last_cli = Some(cli::retirement(
                    &ws.short(&ws.path_for(Role::ColdVkey)),
                    epoch,
                    names::RETIRE_CERT,
                ));
                self.rescan();
                self.say(format!(
                    "Saved {} (retirement at epoch {epoch}).",
                    names::RETIRE_CERT
                ));
            }
            Err(e) => self.fail(e.to_string()),
        }
    }

    // ------------------------------------------------------------------ inspect

    pub fn inspect_path(&mut self, path: &Path) {
        let shown = path.display().to_string();
        let result = files::read(path).map_err(|e| e.to_string()).and_then(|b| {
            describe::describe(b.expose(), self.network()).map_err(|e| format!("{shown}: {e}"))
        });
        self.drafts.inspected.insert(0, (shown, result));
        self.drafts.inspected.truncate(10);
        self.tab = Tab::Inspect;
    }

    pub fn pick_and_inspect(&mut self) {
        if let Some(p) = self.platform.dialogs.pick_file("Choose a file to inspect") {
            self.inspect_path(&p);
        }
    }
}
