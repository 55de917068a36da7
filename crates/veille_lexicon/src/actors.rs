//! The actor dictionary. Being written: see `assets/actors.tsv`.
