//! Whether this machine looks connected to a network, for the quiet warning beside plain
//! signing keys. A hint, never a guarantee: a default route, or a network interface other
//! than loopback that is up, counts as online. Read from Linux's /proc and /sys; elsewhere
//! the answer is "not known", taken as offline (no warning rather than a wrong one).

use std::path::Path;

/// True when the machine has a default route or a non-loopback interface that is up.
pub fn looks_online() -> bool {
    let route = std::fs::read_to_string("/proc/net/route").unwrap_or_default();
    has_default_route(&route) || any_interface_up(Path::new("/sys/class/net"))
}

/// A line of /proc/net/route whose destination is 00000000 (0.0.0.0/0).
pub fn has_default_route(route_table: &str) -> bool {
    route_table
        .lines()
        .skip(1)
        .any(|line| line.split_whitespace().nth(1) == Some("00000000"))
}

/// An interface besides `lo` whose operstate is "up".
fn any_interface_up(class_net: &Path) -> bool {
    let Ok(entries) = std::fs::read_dir(class_net) else {
        return false;
    };
    entries.flatten().any(|e| {
        e.file_name() != "lo"
            && std::fs::read_to_string(e.path().join("operstate")).is_ok_and(|s| s.trim() == "up")
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_a_zero_destination_is_a_default_route() {
        let header = "Iface\tDestination\tGateway \tFlags\tRefCnt\tUse\tMetric\tMask\n";
        let default = format!("{header}eth0\t00000000\t010200C0\t0003\t0\t0\t0\t00000000\n");
        let local = format!("{header}eth0\t000200C0\t00000000\t0001\t0\t0\t0\t00FFFFFF\n");
        assert!(has_default_route(&default));
        assert!(!has_default_route(&local));
        assert!(!has_default_route(header));
        assert!(!has_default_route(""));
    }
}
