//! Place mentions and their resolution (work in progress).
#![deny(missing_docs)]
