//! The synonym table as written. build.rs folds and stems it into the table the query stage
//! compiles in (`SYNONYM_TABLE` in query.rs), so that no query folds or stems it again.

/// Words and phrases that the data says in more than one way, used both ways. Each is written
/// as a user would type it; they are compared by their word stems. One marked `>` is found by
/// the others but finds nothing itself: `labour` finds "decent work", but `work` alone ("work
/// towards alternatives") is not labour.
pub(crate) const SYNONYMS: &[&[&str]] = &[
    &["labour", "employment", "workers", ">decent work"],
    &[
        "gender-based violence",
        "GBV",
        "SGBV",
        "sexual and gender-based violence",
        "violence against women",
    ],
    &["child", "children", "girls", "minors"],
    &["detention", "detained"],
    &["immigration detention", "migration detention"],
    // "whatever their status" is how the data says "regardless of status".
    &["regardless", ">whatever"],
    &["trafficking", "trafficked"],
    &["adopted", "adoption", "endorsed"],
    &["established", "founded", "created", "set up"],
    &["guidance note", "issue", "GCMGender Series"],
    &["co-chair", "chair", "chairs"],
    &["registration", "register", "registry"],
    &["GCM", "Global Compact for Migration", "compact"],
];
