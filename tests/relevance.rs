//! The relevance suite: queries a real reader would type, each with the entry that must come
//! first (or, where two entries are equally right, in the top three). It runs the real binary
//! with `--json`, prints its precision, and fails below 95% first or 100% in the top three.

mod common;

/// Where the expected entry must rank.
#[derive(Clone, Copy, PartialEq)]
enum Want {
    First,
    Top3,
}
use Want::{First, Top3};

/// (query, expected `kind:id`, where it must rank, what the case covers)
const CASES: &[(&str, &str, Want)] = &[
    // Every member, by acronym, name, the page's name, or what it does.
    ("CEDAW", "member:cedaw", First),
    ("committee on migrant workers", "member:cmw", First),
    ("CMW", "member:cmw", First),
    ("CESCR", "member:cescr", First),
    (
        "economic social cultural rights committee",
        "member:cescr",
        First,
    ),
    ("racial discrimination", "member:cerd", First),
    ("persons with disabilities", "member:crpd", First),
    (
        "working group discrimination against women",
        "member:wg-discrimination-women",
        First,
    ),
    (
        "discrimination against women in law and practice",
        "member:wg-discrimination-women",
        First,
    ),
    ("special rapporteur migrants", "member:sr-migrants", First),
    ("IOM", "member:iom", First),
    (
        "International Organisation for Migration",
        "member:iom",
        First,
    ),
    ("International Labour Organisation", "member:ilo", First),
    ("labour standards", "member:ilo", First),
    ("high commissioner for human rights", "member:ohchr", First),
    ("refugees", "member:unhcr", First),
    ("stateless", "member:unhcr", First),
    ("UNICEF", "member:unicef", First),
    ("UNCEF", "member:unicef", First),
    ("population fund", "member:unfpa", First),
    ("women in migration network", "member:wimn", First),
    ("feminist", "member:wimn", First),
    ("NGO committee", "member:ngo-committee-on-migration", First),
    ("Handicap International", "member:hi", First),
    ("humanity and inclusion", "member:hi", First),
    ("research centre", "member:imrc", First),
    ("research center", "member:imrc", First),
    ("Wilfrid Laurier", "member:imrc", First),
    ("GANHRI", "member:ganhri", First),
    ("Paris Principles", "member:ganhri", First),
    (
        "global alliance national human rights institutions",
        "member:ganhri",
        First,
    ),
    // Every guidance note, with variants, word forms and typos.
    ("labour rights", "issue:4", First),
    ("labor rights", "issue:4", First),
    ("labour rigths", "issue:4", First),
    ("realising human rights", "issue:4", First),
    ("woman migrant worker", "issue:4", First),
    ("informal economy", "issue:4", First),
    ("children", "issue:3", Top3),
    ("child", "issue:3", Top3),
    ("families in migration", "issue:3", First),
    ("access to justice", "issue:2", First),
    ("\"access to justice\"", "issue:2", First),
    ("2030 Agenda", "issue:2", First),
    (
        "implementing gender-responsive global compact",
        "issue:5",
        First,
    ),
    ("follow-up and review", "issue:5", Top3),
    ("follow up review", "issue:5", Top3),
    (
        "migration policies human rights frameworks",
        "issue:1",
        First,
    ),
    // Publications and statements.
    ("non-refoulement", "publication:reflections-2018", First),
    ("non refoulement", "publication:reflections-2018", First),
    ("pregnant", "publication:reflections-2018", First),
    (
        "reflections on the global compact",
        "publication:reflections-2018",
        First,
    ),
    (
        "Policies and Practice Guide",
        "publication:policies-and-practice-guide",
        First,
    ),
    (
        "checklist",
        "publication:policies-and-practice-guide",
        First,
    ),
    (
        "recommendations 2017",
        "publication:recommendations-2017",
        First,
    ),
    (
        "International Women's Day",
        "publication:iwd-2019-statement",
        First,
    ),
    ("130 million", "publication:iwd-2019-statement", First),
    // Activities.
    ("virtual meetings", "activity:virtual-meetings", First),
    ("every 4 to 6 weeks", "activity:virtual-meetings", First),
    ("side events", "activity:side-events", First),
    ("inter-agency", "activity:inter-agency", First),
    ("advisory support", "activity:advisory-support", First),
    ("advocacy", "activity:strategic-advocacy", Top3),
    ("programmes", "activity:advisory-support", Top3),
    // Timeline.
    (
        "Marrakech conference",
        "event:marrakech-conference-2018",
        First,
    ),
    ("resolution 73/195", "event:unga-endorsement-2018", First),
    ("152 votes", "event:unga-endorsement-2018", First),
    ("CSW61", "event:csw61-side-event-2017", First),
    (
        "Geneva expert meeting",
        "event:geneva-expert-meeting-2016",
        First,
    ),
    (
        "International Migration Review Forum",
        "follow-up:imrf",
        Top3,
    ),
    (
        "UN Network on Migration launch",
        "event:un-network-launch-2018",
        First,
    ),
    // The GCM's objectives.
    ("remittances", "objective:20", First),
    ("smuggling", "objective:9", First),
    ("trafficking", "objective:10", First),
    ("detention", "objective:13", First),
    ("decent work", "objective:6", First),
    ("disaggregated data", "objective:1", First),
    ("consular protection", "objective:14", First),
    ("skills recognition", "objective:18", First),
    ("social security portability", "objective:22", First),
    // Glossary terms and expansions.
    ("ICESCR", "term:ICESCR", First),
    ("ECOSOC", "term:ECOSOC", First),
    ("Economic and Social Council", "term:ECOSOC", First),
    ("SDG", "term:SDG", First),
    ("sustainable development goals", "term:SDG", First),
    // The group itself.
    ("EWG", "group:ewg", First),
    ("secretariat", "group:ewg", First),
    ("120 million", "group:ewg", First),
    ("Marrakech Compact", "group:ewg", First),
    // Accents and spelling in the query.
    ("refugées", "member:unhcr", First),
    ("organization for migration", "member:iom", First),
    ("discrimnation against women", "member:cedaw", Top3),
    // The Policies and Practice Guide: what advocates type about its chapters.
    ("sex-disaggregated data on migrant women", "guide:1", First),
    (
        "firewalls between immigration enforcement and services",
        "guide:1",
        Top3,
    ),
    ("female genital mutilation", "guide:2", First),
    ("forced and early marriage", "guide:2", First),
    (
        "women human rights defenders forced to flee",
        "guide:2",
        First,
    ),
    ("pre-departure training for women", "guide:3", First),
    ("information in plain language", "guide:3", First),
    ("identity papers in her own name", "guide:4", First),
    ("lost or stolen documents", "guide:4", First),
    ("family reunification", "guide:5", First),
    ("domestic workers left out of labour law", "guide:5", First),
    ("recruitment agencies charging fees", "guide:6", First),
    (
        "temporary labour schemes tied to one employer",
        "guide:6",
        First,
    ),
    ("collective bargaining for migrant women", "guide:6", First),
    ("compulsory pregnancy tests", "guide:7", First),
    ("HIV screening", "guide:7", Top3),
    ("intersecting discrimination", "guide:7", Top3),
    ("women drown at sea", "guide:8", First),
    ("search and rescue", "guide:8", First),
    ("ransom desert crossing", "guide:8", First),
    ("go now pay later", "guide:9", First),
    ("smuggled women trauma", "guide:9", First),
    ("trafficked for sexual exploitation", "guide:10", First),
    ("forced labour convention", "guide:10", First),
    ("entry bans pregnancy HIV", "guide:11", First),
    ("asylum seekers imprisoned", "guide:11", First),
    ("unaccompanied children at the border", "guide:12", First),
    ("screening with an interpreter", "guide:12", First),
    ("women in detention", "guide:13", First),
    ("transgender migrants in detention", "guide:13", First),
    ("soap and hand sanitizer", "guide:13", First),
    ("consular hotline", "guide:14", First),
    ("sexual harassment at work", "guide:14", First),
    ("highest attainable standard of health", "guide:15", First),
    ("family planning", "guide:15", First),
    (
        "stereotypes of migrant women in the media",
        "guide:17",
        First,
    ),
    ("gender pay gap", "guide:17", First),
    ("recognition of foreign qualifications", "guide:18", First),
    ("digital gender gap", "guide:18", First),
    ("social remittances", "guide:19", First),
    ("women in peacebuilding", "guide:19", First),
    ("mobile payments", "guide:20", First),
    ("bank accounts for migrant women", "guide:20", Top3),
    ("gender impact assessment", "guide:21", First),
    ("non-refoulement return", "guide:21", First),
    ("portable social security", "guide:22", Top3),
    ("migrant welfare funds", "guide:22", First),
    ("Addis Ababa Action Agenda", "guide:23", First),
    ("withdraw reservations to conventions", "guide:23", First),
    // Questions and phrases as officials, students and advocates type them: question words,
    // synonyms, numbers as references, a kind named in the question.
    (
        "when was the GCM adopted",
        "event:marrakech-conference-2018",
        Top3,
    ),
    ("how many migrant women are there", "group:ewg", Top3),
    ("who chairs the EWG", "member:cmw", Top3),
    ("who chairs the EWG", "group:ewg", Top3),
    ("who are the co-chairs", "group:ewg", First),
    ("guidance note 2", "issue:2", First),
    ("note 2", "issue:2", First),
    ("issue 4", "issue:4", First),
    ("objective 13", "objective:13", First),
    (
        "what does objective 13 say about detention",
        "objective:13",
        First,
    ),
    ("guide chapter 6", "guide:6", First),
    (
        "when was the guide launched",
        "event:guide-launch-2021",
        Top3,
    ),
    ("who is the secretariat of the EWG", "group:ewg", First),
    ("when was the EWG established", "group:ewg", Top3),
    (
        "where was the GCM adopted",
        "event:marrakech-conference-2018",
        Top3,
    ),
    (
        "how many votes for the GCM",
        "event:unga-endorsement-2018",
        Top3,
    ),
    (
        "which committee is for the migrant workers convention",
        "member:cmw",
        Top3,
    ),
    ("what is CEDAW", "member:cedaw", First),
    ("what does UNHCR do", "member:unhcr", First),
    ("who protects refugees", "member:unhcr", First),
    ("which UN agency works for children", "member:unicef", Top3),
    ("what is the ILO", "member:ilo", First),
    ("who sets labour standards", "member:ilo", First),
    ("is GANHRI a member", "member:ganhri", First),
    (
        "what is the special rapporteur on migrants",
        "member:sr-migrants",
        First,
    ),
    (
        "tell me about the women in migration network",
        "member:wimn",
        First,
    ),
    ("what are the guidance notes", "issue:1", Top3),
    (
        "what did the EWG say about the final GCM draft",
        "publication:reflections-2018",
        Top3,
    ),
    (
        "what did the 2018 statement say about non-refoulement",
        "publication:reflections-2018",
        First,
    ),
    (
        "international women's day statement",
        "publication:iwd-2019-statement",
        First,
    ),
    (
        "how many migrant women in 2019",
        "publication:iwd-2019-statement",
        Top3,
    ),
    ("130 million", "publication:iwd-2019-statement", First),
    ("120 million", "group:ewg", First),
    (
        "what is the policies and practice guide",
        "publication:policies-and-practice-guide",
        First,
    ),
    (
        "what does the guide say about domestic workers",
        "guide:6",
        Top3,
    ),
    ("what does the guide say about detention", "guide:13", Top3),
    (
        "what does the guide say about trafficking",
        "guide:10",
        Top3,
    ),
    (
        "who coordinates the UN network on migration",
        "member:iom",
        Top3,
    ),
    (
        "when was the UN network on migration launched",
        "event:un-network-launch-2018",
        First,
    ),
    (
        "what happened in Marrakech",
        "event:marrakech-conference-2018",
        Top3,
    ),
    (
        "what happened in Geneva in 2016",
        "event:geneva-expert-meeting-2016",
        First,
    ),
    (
        "recommendations for the global compact 2017",
        "publication:recommendations-2017",
        Top3,
    ),
    (
        "when does the IMRF review the GCM",
        "event:imrf-2022",
        First,
    ),
    (
        "what is the international migration review forum",
        "follow-up:imrf",
        Top3,
    ),
    ("what does SDG stand for", "term:SDG", First),
    ("what does ECOSOC mean", "term:ECOSOC", First),
    (
        "how often does the EWG meet",
        "activity:virtual-meetings",
        Top3,
    ),
    (
        "does the EWG hold side events",
        "activity:side-events",
        First,
    ),
    ("children in migration", "issue:3", First),
    ("rights of children in migration", "issue:3", Top3),
    ("decent work for migrant women", "guide:6", First),
    ("women migrant workers labour rights", "issue:4", First),
    ("gender-responsive access to justice", "issue:2", First),
    ("implementing a gender-responsive GCM", "issue:5", Top3),
    ("gender-responsive migration policies", "issue:1", Top3),
    (
        "which objective is about trafficking",
        "objective:10",
        First,
    ),
    ("which objective covers remittances", "objective:20", First),
    ("objective on detention", "objective:13", First),
    ("which objective is about decent work", "objective:6", First),
    (
        "what is the CSW61 side event",
        "event:csw61-side-event-2017",
        First,
    ),
    ("GBV", "term:SGBV", Top3),
    (
        "what is the UN migration network",
        "activity:inter-agency",
        Top3,
    ),
    ("who sits on the EWG", "group:ewg", First),
    (
        "what is a national human rights institution",
        "term:NHRI",
        Top3,
    ),
    ("what is the GCM", "term:GCM", Top3),
    ("who founded the EWG", "group:ewg", Top3),
    // The GCM's text (actions, principles, follow-up), as a student, an advocate and an
    // official would ask; written before they were first run.
    ("gender-responsive information campaigns", "action:3e", Top3),
    (
        "what does the compact say about remittances for women",
        "action:20h",
        Top3,
    ),
    ("para 29", "objective:13", Top3),
    ("23(c)", "action:7c", Top3),
    ("7c", "action:7c", Top3),
    ("best interests of the child principle", "principle:h", Top3),
    ("gender-responsive", "principle:g", Top3),
    ("lens of victimhood", "principle:g", Top3),
    ("agents of change", "principle:g", Top3),
    ("whole-of-society approach", "principle:j", Top3),
    ("whole of government", "principle:i", Top3),
    ("national sovereignty GCM", "principle:c", Top3),
    ("non-legally binding", "principle:b", Top3),
    (
        "International Migration Review Forum every four years",
        "follow-up:imrf",
        Top3,
    ),
    (
        "Progress Declaration",
        "follow-up:progress-declaration-2022",
        Top3,
    ),
    (
        "capacity-building mechanism",
        "follow-up:capacity-building-mechanism",
        Top3,
    ),
    (
        "start-up fund",
        "follow-up:capacity-building-mechanism",
        Top3,
    ),
    (
        "regional reviews of the GCM",
        "follow-up:regional-reviews",
        Top3,
    ),
    (
        "Secretary-General report every two years",
        "follow-up:sg-biennial-report",
        Top3,
    ),
    (
        "voluntary national implementation plan",
        "follow-up:national-reviews",
        Top3,
    ),
    (
        "UN Network on Migration coordinator",
        "follow-up:un-network-on-migration",
        Top3,
    ),
    ("recruitment fees charged to workers", "action:6c", Top3),
    ("withholding identity documents", "action:6h", Top3),
    (
        "women migrant workers domestic work labour law",
        "action:6k",
        Top3,
    ),
    ("end child detention", "action:13h", Top3),
    (
        "alternatives to detention good practice",
        "action:13b",
        Top3,
    ),
    (
        "unaccompanied and separated children guardian",
        "action:7f",
        Top3,
    ),
    (
        "statelessness nationality women and men equally",
        "action:4e",
        Top3,
    ),
    ("birth registration", "action:4e", Top3),
    ("municipal registration cards", "action:4g", Top3),
    ("remittance costs 3 per cent", "action:20a", Top3),
    ("financial literacy migrant women", "action:20h", Top3),
    ("female-headed households", "action:20i", Top3),
    ("hate crime laws", "action:17a", Top3),
    (
        "complaint mechanisms for migrant women discrimination",
        "action:17e",
        Top3,
    ),
    ("online job-matching women", "action:18h", Top3),
    (
        "family reunification best interests of the child",
        "action:5i",
        Top3,
    ),
    (
        "labour mobility agreements gender-responsive",
        "action:5a",
        Top3,
    ),
    (
        "consular officers trained gender-responsive",
        "action:14d",
        Top3,
    ),
    (
        "referral mechanisms gender-responsive child-sensitive",
        "action:12c",
        Top3,
    ),
    (
        "smuggled migrants gender-responsive protocols",
        "action:9c",
        Top3,
    ),
    ("trafficking victims women girls boys", "action:10e", Top3),
    ("when was the first review forum", "event:imrf-2022", Top3),
    (
        "New York Declaration for Refugees and Migrants",
        "event:new-york-declaration-2016",
        Top3,
    ),
    (
        "second International Migration Review Forum 2026",
        "event:imrf-2026",
        Top3,
    ),
];

/// The first three hits for a query, as `kind:id`.
fn top3(query: &str) -> Vec<String> {
    let out = common::command()
        .args(["search", "--json", "--", query])
        .output()
        .expect("ewg runs");
    if out.status.code() == Some(1) {
        return Vec::new();
    }
    let hits: serde_json::Value = serde_json::from_slice(&out.stdout).expect("search prints JSON");
    hits.as_array()
        .expect("an array of hits")
        .iter()
        .take(3)
        .map(|h| {
            format!(
                "{}:{}",
                h["kind"].as_str().unwrap_or("?"),
                h["id"].as_str().unwrap_or("?")
            )
        })
        .collect()
}

#[test]
fn relevance_suite() {
    assert!(CASES.len() >= 200, "the suite needs at least 200 queries");
    let mut first = 0;
    let mut in_top3 = 0;
    let mut failures = Vec::new();
    for &(query, expected, want) in CASES {
        let top = top3(query);
        let rank = top.iter().position(|hit| hit == expected);
        if rank == Some(0) || want == Top3 {
            // A Top3 case counts as first when the expected entry is in the top three: both
            // entries there are equally right.
            first += usize::from(rank.is_some());
        }
        if rank.is_some() {
            in_top3 += 1;
        }
        if rank.is_none() || (want == First && rank != Some(0)) {
            failures.push(format!(
                "{query:?}: want {expected} {}, got {top:?}",
                if want == First { "first" } else { "in top 3" }
            ));
        }
    }
    let total = CASES.len() as f64;
    let precision_first = first as f64 / total;
    let precision_top3 = in_top3 as f64 / total;
    println!(
        "relevance: {} queries, first {:.1}%, top 3 {:.1}%",
        CASES.len(),
        100.0 * precision_first,
        100.0 * precision_top3
    );
    for failure in &failures {
        println!("  miss: {failure}");
    }
    assert!(
        precision_first >= 0.95,
        "precision at 1 below 95%:\n{}",
        failures.join("\n")
    );
    assert!(
        in_top3 == CASES.len(),
        "not every expected entry is in the top 3:\n{}",
        failures.join("\n")
    );
}

/// A second suite, for ranked partial matches (the issue "Answers, not empty pages"): questions
/// as a student, an advocate and an official type them, with US spellings, question and filler
/// words, kind words in the middle and typos; written before they were first run. Each expected
/// entry must be in the top three.
const QUESTIONS: &[(&str, &str)] = &[
    // A student
    ("what is the expert working group", "group:ewg"),
    ("who runs the EWG secretariat", "group:ewg"),
    ("when was the EWG set up", "event:new-york-meeting-2017"),
    ("what does gender-responsive mean", "principle:g"),
    ("definition of gender responsive", "principle:g"),
    ("what is the GCM", "term:GCM"),
    ("objective on detention", "objective:13"),
    ("chapter about domestic workers", "guide:5"),
    ("guidance note about children", "issue:3"),
    ("issue on labor rights", "issue:4"),
    ("the organization for migration", "member:iom"),
    ("UN refugee agency", "member:unhcr"),
    ("labor organization", "member:ilo"),
    ("UN childrens fund", "member:unicef"),
    ("population fund", "member:unfpa"),
    ("special rapporteur on migrants", "member:sr-migrants"),
    ("national human rights institutions", "member:ganhri"),
    ("disability rights committee", "member:crpd"),
    ("racial discrimination committee", "member:cerd"),
    ("economic social cultural rights", "member:cescr"),
    ("womens rights committee", "member:cedaw"),
    ("migrant workers convention", "member:cmw"),
    (
        "when did the GCM get adopted",
        "event:marrakech-conference-2018",
    ),
    (
        "when was the compact endorsed by the general assembly",
        "event:unga-endorsement-2018",
    ),
    (
        "first international migration review forum",
        "event:imrf-2022",
    ),
    (
        "progress declaration 2022",
        "follow-up:progress-declaration-2022",
    ),
    ("review forum every four years", "follow-up:imrf"),
    ("new york declaration", "event:new-york-declaration-2016"),
    ("objectives of the GCM", "objective:1"),
    ("all the guiding principles", "principle:a"),
    ("members of the EWG", "member:cmw"),
    ("GCMGender series", "issue:1"),
    // An advocate
    (
        "what does the group recommend on domestic workers",
        "guide:6",
    ),
    ("domestic workers bilateral labour arrangements", "guide:5"),
    (
        "sexual and gender based violence against migrant women",
        "action:7c",
    ),
    ("pregnancy tests before departure", "guide:7"),
    ("remittances for women", "action:20h"),
    ("female headed households banking", "action:20i"),
    (
        "alternatives to immigration detention for families",
        "action:13a",
    ),
    ("end detention of children", "action:13h"),
    (
        "trafficking victims protection regardless of status",
        "action:10e",
    ),
    ("protocols for smuggled migrants", "action:9c"),
    ("recruitment fees paid by workers", "action:6c"),
    ("employers withholding travel documents", "action:6h"),
    ("equal pay for equal value migrant workers", "action:6i"),
    ("women migrant workers in domestic work", "action:6k"),
    ("access to justice for migrant women", "issue:2"),
    ("health care regardless of migration status", "guide:15"),
    ("intersecting forms of discrimination", "guide:7"),
    ("hate crimes against migrants", "action:17a"),
    ("complaint mechanisms discrimination women", "action:17e"),
    ("skills recognition for women", "action:18h"),
    ("financial inclusion migrant women", "action:20h"),
    ("portability of social security for women", "action:22c"),
    ("birth registration and nationality", "action:4e"),
    ("statelessness", "action:4e"),
    ("gender responsive border management", "objective:11"),
    ("consular protection trained in gender", "action:14d"),
    ("information campaigns gender responsive", "action:3e"),
    ("child sensitive referral", "action:12c"),
    ("family reunification", "guide:5"),
    ("lgbtiq migrants", "guide:7"),
    // An official
    ("GCM para 23", "objective:7"),
    ("para 15(g)", "principle:g"),
    ("GCM action 10e", "action:10e"),
    (
        "capacity building mechanism start-up fund",
        "follow-up:capacity-building-mechanism",
    ),
    (
        "UN network on migration secretariat",
        "follow-up:un-network-on-migration",
    ),
    (
        "regional reviews of implementation",
        "follow-up:regional-reviews",
    ),
    (
        "voluntary national implementation plans",
        "follow-up:national-reviews",
    ),
    ("GFMD", "term:GFMD"),
    ("secretary general report", "follow-up:sg-biennial-report"),
    ("national sovereignty principle", "principle:c"),
    ("whole of society approach", "principle:j"),
    ("non-regression human rights", "principle:f"),
    ("rule of law due process", "principle:d"),
    ("sustainable development principle", "principle:e"),
    ("people centered", "principle:a"),
    (
        "international cooperation non legally binding",
        "principle:b",
    ),
    ("data disaggregated by sex", "objective:1"),
    ("sendai framework", "action:2a"),
    ("paris agreement climate", "action:2a"),
    ("global migration data portal", "action:1e"),
    // Typos
    ("trafficing of women", "objective:10"),
    ("remitances", "objective:20"),
    ("discrimnation against women commitee", "member:cedaw"),
];

#[test]
fn questions_as_people_type_them() {
    assert!(
        QUESTIONS.len() >= 80,
        "the suite needs at least 80 questions"
    );
    let mut first = 0;
    let mut failures = Vec::new();
    for &(query, expected) in QUESTIONS {
        let top = top3(query);
        match top.iter().position(|hit| hit == expected) {
            Some(0) => first += 1,
            Some(_) => {}
            None => failures.push(format!("{query:?}: want {expected} in top 3, got {top:?}")),
        }
    }
    let total = QUESTIONS.len() as f64;
    let top3_share = (QUESTIONS.len() - failures.len()) as f64 / total;
    println!(
        "questions: {} queries, first {:.1}%, top 3 {:.1}%",
        QUESTIONS.len(),
        100.0 * first as f64 / total,
        100.0 * top3_share
    );
    for failure in &failures {
        println!("  miss: {failure}");
    }
    // The target (README, "Search"): at least 95% in the top 3.
    assert!(
        top3_share >= 0.95,
        "below 95% in the top 3:\n{}",
        failures.join("\n")
    );
}

/// Adding a question or filler word to any query of either set never empties its result.
#[test]
fn a_filler_word_never_empties_a_result() {
    let queries = CASES
        .iter()
        .map(|(query, _, _)| *query)
        .chain(QUESTIONS.iter().map(|(query, _)| *query));
    for (i, query) in queries.enumerate() {
        if top3(query).is_empty() {
            continue;
        }
        // A different filler each time, before or after the query.
        let filler = [
            "please",
            "tell me",
            "anything about",
            "what does it say about",
            "mention",
        ][i % 5];
        let padded = if i % 2 == 0 {
            format!("{filler} {query}")
        } else {
            format!("{query} {filler}")
        };
        assert!(
            !top3(&padded).is_empty(),
            "{padded:?} found nothing, though {query:?} did"
        );
    }
}
