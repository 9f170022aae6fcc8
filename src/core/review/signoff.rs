//! The owners' sign-off sheet: the review as one self-contained HTML page that prints cleanly
//! (every field, the changes, the fingerprint, the pledge check, a line per owner to sign).
//! HTML rather than PDF: any browser prints it to PDF, and it needs no font or PDF library.

use crate::core::message::quote;
use crate::core::review::{Change, Review};

/// HTML-escaped, after control characters are made visible (`\x1b`): a browser would drop or
/// mangle them silently, and the owners must see that a name holds one.
fn escape(text: &str) -> String {
    let visible = quote::escape(text);
    let mut out = String::with_capacity(visible.len());
    for c in visible.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

const STYLE: &str = "body{font-family:system-ui,sans-serif;max-width:56rem;margin:2rem auto;color:#111}\
h1{font-size:1.5rem}h2{font-size:1.1rem;margin-top:1.6rem}\
table{border-collapse:collapse;width:100%}td,th{border:1px solid #999;padding:.3rem .5rem;text-align:left;vertical-align:top}\
.mono{font-family:ui-monospace,monospace;word-break:break-all}\
tr.changed td{background:#fff3c4;font-weight:600}tr.added td{background:#dff5df}tr.removed td{background:#fbe0e0;text-decoration:line-through}\
.fp{font-size:1.3rem}.warn{color:#8a4b00}.sign td{height:2.5rem}\
@media print{body{margin:0}}";

/// Renders the sheet. `title` names the pool; `prepared` says when and by whom (the caller
/// knows the clock; the core does not).
pub fn html(review: &Review, title: &str, prepared: &str) -> String {
    let mut h = String::with_capacity(8192);
    h.push_str("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
    h.push_str(&format!(
        "<title>Sign-off: {}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n",
        escape(title)
    ));
    h.push_str(&format!(
        "<h1>Pool registration sign-off: {}</h1>\n<p>{}</p>\n",
        escape(title),
        escape(prepared)
    ));
    h.push_str("<h2>Fingerprint</h2>\n<p>Read these words to each other: every owner must see the same ones.</p>\n");
    h.push_str(&format!(
        "<p class=\"fp\"><strong>{}</strong></p>\n<p class=\"mono\">blake2b-256 of the certificate: {}</p>\n",
        escape(&review.fingerprint.words_text()),
        escape(&review.fingerprint.hex_grouped())
    ));
    h.push_str("<h2>Certificate</h2>\n<table>\n<tr><th>Field</th>");
    if review.has_previous {
        h.push_str("<th>Previous registration</th><th>This certificate</th><th>Change</th>");
    } else {
        h.push_str("<th>Value</th>");
    }
    h.push_str("</tr>\n");
    for r in &review.rows {
        let class = match r.change {
            Change::Changed => " class=\"changed\"",
            Change::Added => " class=\"added\"",
            Change::Removed => " class=\"removed\"",
            Change::Unchanged | Change::NoPrevious => "",
        };
        let cell = |v: &Option<String>| escape(v.as_deref().unwrap_or("—"));
        h.push_str(&format!("<tr{class}><td>{}</td>", escape(&r.label)));
        if review.has_previous {
            h.push_str(&format!(
                "<td class=\"mono\">{}</td><td class=\"mono\">{}</td><td>{}</td>",
                cell(&r.previous),
                cell(&r.current),
                r.change.word()
            ));
        } else {
            h.push_str(&format!("<td class=\"mono\">{}</td>", cell(&r.current)));
        }
        h.push_str("</tr>\n");
    }
    h.push_str("</table>\n");
    if review.has_previous {
        h.push_str("<h2>Changes</h2>\n<ul>\n");
        let changes = review.changes();
        if changes.is_empty() {
            h.push_str("<li>None: this certificate states what the previous one did.</li>\n");
        }
        for c in changes {
            h.push_str(&format!("<li>{}</li>\n", escape(&c)));
        }
        h.push_str("</ul>\n");
    }
    if !review.warnings.is_empty() {
        h.push_str("<h2 class=\"warn\">Relays</h2>\n<ul>\n");
        for w in &review.warnings {
            h.push_str(&format!("<li class=\"warn\">{}</li>\n", escape(w)));
        }
        h.push_str("</ul>\n");
    }
    if !review.plan_mismatches.is_empty() {
        h.push_str("<h2 class=\"warn\">Not what the plan says</h2>\n<ul>\n");
        for m in &review.plan_mismatches {
            h.push_str(&format!("<li class=\"warn\">{}</li>\n", escape(m)));
        }
        h.push_str("</ul>\n");
    }
    if let Some(p) = &review.pledge {
        h.push_str(&format!(
            "<h2>Pledge</h2>\n<p>Declared {}; the owners plan {}; counting now: {}.</p>\n<ul>\n",
            escape(&crate::core::certificate::amount::format_ada(p.declared)),
            escape(&crate::core::certificate::amount::format_ada(p.planned)),
            escape(&crate::core::certificate::amount::format_ada(p.counted))
        ));
        for w in &p.warnings {
            h.push_str(&format!("<li class=\"warn\">{}</li>\n", escape(w)));
        }
        for c in &p.confirm {
            h.push_str(&format!("<li>{}</li>\n", escape(c)));
        }
        h.push_str("</ul>\n");
    }
    h.push_str("<h2>Owners</h2>\n<p>Each owner checks that their own stake address is listed, that the words above match, and signs.</p>\n");
    h.push_str("<table class=\"sign\">\n<tr><th>#</th><th>Owner</th><th>Stake address</th><th>Signature and date</th></tr>\n");
    for (i, (name, addr, _)) in review.owners.iter().enumerate() {
        h.push_str(&format!(
            "<tr><td>{}</td><td>{}</td><td class=\"mono\">{}</td><td></td></tr>\n",
            i + 1,
            escape(name.as_deref().unwrap_or("")),
            escape(addr)
        ));
    }
    h.push_str("</table>\n</body>\n</html>\n");
    h
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::review::plan::{tests::SAMPLE, PoolPlan};

    #[test]
    fn the_sheet_holds_every_field_the_changes_and_a_line_per_owner() {
        let plan = PoolPlan::parse(SAMPLE.as_bytes()).unwrap();
        let mut old = plan.params.clone();
        old.pledge = 100_000_000_000;
        let cbor = plan.certificate_cbor();
        let review = Review::new(&cbor, &plan.params, Some(&old), Some(&plan), None);
        let page = html(
            &review,
            "Sample <pool>",
            "Prepared 2026-11-21 by the operator",
        );
        assert!(page.contains("<title>Sign-off: Sample &lt;pool&gt;</title>"));
        assert!(page.contains(&review.fingerprint.words_text()));
        assert!(page.contains("<li>Pledge: 100\u{a0}000 ADA → 250\u{a0}000 ADA</li>"));
        assert!(page.contains("<tr class=\"changed\"><td>Pledge</td>"));
        assert!(page.contains("<tr><td>2</td>") && !page.contains("<tr><td>3</td>"));
        assert!(page.contains("<td>Alice</td>"));
        assert!(page.ends_with("</html>\n"));
    }

    #[test]
    fn text_is_escaped() {
        assert_eq!(escape("a<b>&\"c'"), "a&lt;b&gt;&amp;&quot;c&#39;");
        assert_eq!(escape("Al\u{1b}[2K<i>"), "Al\\x1b[2K&lt;i&gt;");
        assert_eq!(escape("\u{9b}\u{7f}"), "\\u{9b}\\x7f");
    }
}
