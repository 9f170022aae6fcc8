//! Fresh key seeds from the operating system's random source.

use zeroize::Zeroizing;

/// 32 bytes of OS entropy, wiped when dropped.
pub fn seed32() -> Result<Zeroizing<[u8; 32]>, String> {
    let mut seed = Zeroizing::new([0u8; 32]);
    getrandom::fill(&mut *seed)
        .map_err(|e| format!("the operating system gave no random bytes: {e}"))?;
    Ok(seed)
}
