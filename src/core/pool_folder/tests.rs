use super::*;
use crate::core::keys::KeyKind as K;

fn seen(name: &str, kind: Option<FileKind>) -> Seen {
    Seen {
        name: name.to_owned(),
        kind,
        encrypted: false,
    }
}

fn names(v: &[Placed]) -> Vec<&str> {
    v.iter().map(|p| p.name.as_str()).collect()
}

#[test]
fn spo_scripts_newest_generation_is_current() {
    let mut files = vec![
        seen("p.node.vkey", Some(FileKind::Key(K::ColdVerification))),
        seen("p.node.counter", Some(FileKind::IssueCounter)),
        seen("p.kes.counter", None),
        seen("p.kes-expire.json", None),
        seen("notes.txt", None),
    ];
    for g in ["000", "001", "002"] {
        files.push(seen(
            &format!("p.kes-{g}.skey"),
            Some(FileKind::Key(K::KesSigning)),
        ));
        files.push(seen(
            &format!("p.kes-{g}.vkey"),
            Some(FileKind::Key(K::KesVerification)),
        ));
        files.push(seen(&format!("p.node-{g}.opcert"), Some(FileKind::OpCert)));
    }
    files.push(Seen {
        name: "p.node.skey".to_owned(),
        kind: Some(FileKind::Key(K::ColdSigning)),
        encrypted: true,
    });
    let l = recognise(&files);
    assert_eq!(l.tool, Tool::SpoScripts);
    assert_eq!(l.pool_name.as_deref(), Some("p"));
    assert_eq!(
        names(&l.current),
        [
            "p.node.vkey",
            "p.node.skey",
            "p.node.counter",
            "p.kes-002.vkey",
            "p.kes-002.skey",
            "p.node-002.opcert",
            "p.kes.counter",
            "p.kes-expire.json"
        ]
    );
    assert!(l.get(Part::ColdSkey).unwrap().encrypted);
    assert_eq!(
        names(&l.history),
        [
            "p.kes-001.vkey",
            "p.kes-000.vkey",
            "p.kes-001.skey",
            "p.kes-000.skey",
            "p.node-001.opcert",
            "p.node-000.opcert"
        ]
    );
    assert!(l.also.is_empty());
    assert_eq!(l.unused, ["notes.txt"]);
}

#[test]
fn kes_key_follows_the_opcert_generation() {
    // A KES key made for the next rotation (003) is not current until its opcert exists.
    let l = recognise(&[
        seen("p.kes-002.skey", Some(FileKind::Key(K::KesSigning))),
        seen("p.kes-003.skey", Some(FileKind::Key(K::KesSigning))),
        seen("p.node-002.opcert", Some(FileKind::OpCert)),
    ]);
    assert_eq!(names(&l.current), ["p.kes-002.skey", "p.node-002.opcert"]);
    assert_eq!(names(&l.history), ["p.kes-003.skey"]);
}

#[test]
fn cntools_names_and_extra_files() {
    let l = recognise(&[
        seen("backup-cold.vkey", Some(FileKind::Key(K::ColdVerification))),
        seen("cold.vkey", Some(FileKind::Key(K::ColdVerification))),
        seen("hot.skey", Some(FileKind::Key(K::KesSigning))),
        seen("op.cert", Some(FileKind::OpCert)),
        seen("kes.start", None),
        seen("pool.id", None),
        seen("pool.config", None),
    ]);
    assert_eq!(l.tool, Tool::CnTools);
    assert_eq!(l.pool_name, None);
    assert_eq!(
        names(&l.current),
        [
            "cold.vkey",
            "hot.skey",
            "op.cert",
            "kes.start",
            "pool.id",
            "pool.config"
        ]
    );
    assert_eq!(names(&l.also), ["backup-cold.vkey"]);
}

#[test]
fn counter_behind_and_missing_kes_key_are_warned() {
    use crate::core::kes::opcert::{IssueCounter, OpCert};
    let l = recognise(&[
        seen("cold.vkey", Some(FileKind::Key(K::ColdVerification))),
        seen("kes.vkey", Some(FileKind::Key(K::KesVerification))),
        seen("node.opcert", Some(FileKind::OpCert)),
        seen("cold.counter", Some(FileKind::IssueCounter)),
    ]);
    let cert = OpCert {
        kes_vkey: [1; 32],
        issue_number: 4,
        kes_period: 10,
        signature: [0; 64],
        cold_vkey: [9; 32],
    };
    let counter = IssueCounter {
        next_issue_number: 4,
        cold_vkey: [9; 32],
    };
    let v = checks::check(
        &l,
        &checks::Read {
            cold_vkey: Some([9; 32]),
            opcert: Some(&cert),
            counter: Some(&counter),
            kes_keys: vec![("kes.vkey".to_owned(), [2; 32])],
        },
    );
    assert_eq!(v.kes_matches, Some(false));
    assert_eq!(
        v.warnings,
        [
            "the KES key that node.opcert certifies is not in the folder; the block producer needs that KES signing key",
            "the issue counter (next issue number 4) is behind node.opcert (issue number 4); the next opcert must use 5 or more"
        ]
    );
}
