//! File writes that never lose key material: atomic (temp file + rename), no silent overwrite,
//! signing keys readable by the owner only.
