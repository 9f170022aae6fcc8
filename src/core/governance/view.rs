//! `governance vote view`: the votes as cardano-cli prints them, byte for byte.
//!
//! JSON is aeson-pretty's (4-space indent, keys sorted as text, no final newline); YAML is the
//! `yaml` package's (2-space indent, keys sorted, one newline at the end). Keys sort as text,
//! not as the ledger orders them: `…#10` comes before `…#5`, as in cardano-cli.

use super::{VotingProcedure, VotingProcedures};
use crate::core::encoding::envelope::json_string;
use crate::core::encoding::envelope_views::yaml_scalar;

/// A JSON value of the view: objects of strings and nulls are all it needs.
enum Node {
    Object(Vec<(String, Node)>),
    Text(String),
    Null,
}

fn object(mut fields: Vec<(String, Node)>) -> Node {
    fields.sort_by(|a, b| a.0.cmp(&b.0));
    Node::Object(fields)
}

fn procedure_node(p: &VotingProcedure) -> Node {
    let anchor = match &p.anchor {
        Some(a) => object(vec![
            ("dataHash".to_owned(), Node::Text(hex::encode(a.data_hash))),
            ("url".to_owned(), Node::Text(a.url().to_owned())),
        ]),
        None => Node::Null,
    };
    object(vec![
        ("anchor".to_owned(), anchor),
        (
            "decision".to_owned(),
            Node::Text(p.vote.view_name().to_owned()),
        ),
    ])
}

fn tree(v: &VotingProcedures) -> Node {
    let mut voters: Vec<(String, Vec<(String, Node)>)> = Vec::new();
    for (voter, action, procedure) in v.iter() {
        let key = voter.view_key();
        let entry = (action.view_key(), procedure_node(procedure));
        match voters.last_mut() {
            Some((k, actions)) if *k == key => actions.push(entry),
            _ => voters.push((key, vec![entry])),
        }
    }
    object(
        voters
            .into_iter()
            .map(|(k, actions)| (k, object(actions)))
            .collect(),
    )
}

/// `vote view` (JSON, the default): no final newline.
pub fn view_json(v: &VotingProcedures) -> String {
    let mut out = String::new();
    json(&tree(v), 0, &mut out);
    out
}

/// `vote view --output-yaml`: ends with one newline.
pub fn view_yaml(v: &VotingProcedures) -> String {
    let mut out = String::new();
    match tree(v) {
        Node::Object(fields) if !fields.is_empty() => yaml_fields(&fields, 0, &mut out),
        _ => out.push_str("{}\n"),
    }
    out
}

fn json(node: &Node, depth: usize, out: &mut String) {
    match node {
        Node::Null => out.push_str("null"),
        Node::Text(s) => out.push_str(&json_string(s)),
        Node::Object(fields) if fields.is_empty() => out.push_str("{}"),
        Node::Object(fields) => {
            out.push_str("{\n");
            for (i, (k, v)) in fields.iter().enumerate() {
                out.push_str(&"    ".repeat(depth + 1));
                out.push_str(&json_string(k));
                out.push_str(": ");
                json(v, depth + 1, out);
                if i + 1 < fields.len() {
                    out.push(',');
                }
                out.push('\n');
            }
            out.push_str(&"    ".repeat(depth));
            out.push('}');
        }
    }
}

fn yaml_fields(fields: &[(String, Node)], depth: usize, out: &mut String) {
    for (k, v) in fields {
        out.push_str(&"  ".repeat(depth));
        out.push_str(&yaml_scalar(k));
        out.push(':');
        match v {
            Node::Null => out.push_str(" null\n"),
            Node::Text(s) => {
                out.push(' ');
                out.push_str(&yaml_scalar(s));
                out.push('\n');
            }
            Node::Object(inner) if inner.is_empty() => out.push_str(" {}\n"),
            Node::Object(inner) => {
                out.push('\n');
                yaml_fields(inner, depth + 1, out);
            }
        }
    }
}
