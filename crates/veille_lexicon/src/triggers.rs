//! Event trigger words. Being written: see `assets/triggers.tsv`.
