//! Build script (named in Cargo.toml): the binary carries `templates/` and `fonts/`
//! (`src/form.rs`), so a change there must rebuild it. Cargo scans a folder named here for any
//! changed file.

fn main() {
    println!("cargo::rerun-if-changed=templates");
    println!("cargo::rerun-if-changed=fonts");
}
