//! The lifetime map's model on generated tenants: profiles counted, findings and outliers first,
//! what is no lifetime kept off the axis, and the CSV a spreadsheet reads.

#![cfg(not(target_arch = "wasm32"))]

use lifetime_guard::lint::map::{csv, lifetime_map, LifetimeMap, Standing};
use lifetime_guard::lint::{run, Options, Report};
use std::fmt::Write;
use std::path::Path;

/// A Deploy CLI export of `apps` applications configured alike in three profiles, `apps / 5`
/// APIs in two, with two outliers and three findings among them.
fn tenant(apps: usize) -> String {
    let mut y = String::from(
        "tenant:\n  session_lifetime: 168\n  idle_session_lifetime: 72\nresourceServers:\n",
    );
    for i in 0..apps / 5 {
        let (tl, web) = match i {
            0 => (2_678_400, 7_200), // above the maximum: an error
            i if i % 10 == 9 => (2_592_000, 7_200),
            _ => (86_400, 7_200),
        };
        writeln!(y, "  - name: API {i}\n    identifier: https://api{i}.example/\n    token_lifetime: {tl}\n    token_lifetime_for_web: {web}").unwrap();
    }
    y.push_str("clients:\n");
    for i in 0..apps {
        let (id, absolute, idle) = match i {
            0 => (36_000, 200_000_000, 2_592_000), // above the schema's maximum: an error
            1 | 2 => (36_000, 2_592_000, 5_184_000), // idle above absolute
            3 => (3_600, 2_592_000, 1_296_000),    // outliers
            4 => (7_200, 2_592_000, 1_296_000),
            i if i % 5 == 0 => (36_000, 31_557_600, 2_592_000),
            _ => (36_000, 2_592_000, 1_296_000),
        };
        writeln!(
            y,
            "  - name: App {i}\n    jwt_configuration:\n      lifetime_in_seconds: {id}\n    refresh_token:\n      expiration_type: expiring\n      rotation_type: rotating\n      token_lifetime: {absolute}\n      idle_token_lifetime: {idle}\n      leeway: 0"
        )
        .unwrap();
    }
    y
}

fn map_of(text: &str) -> LifetimeMap {
    let file = run::lint_text(Path::new("tenant.yaml"), text, None, &Options::default());
    lifetime_map(&Report { files: vec![file] })
}

#[test]
fn alike_entities_are_one_row_with_findings_and_outliers_first() {
    let map = map_of(&tenant(300));
    let rows: Vec<(Standing, &str, usize)> = map
        .rows
        .iter()
        .map(|r| (r.standing, r.label.as_str(), r.members.len()))
        .collect();
    assert_eq!(
        rows,
        [
            (Standing::Finding, "API API 0", 1),
            (Standing::Finding, "Application App 0", 1),
            (Standing::Finding, "2 applications", 2),
            (Standing::Outlier, "Application App 3", 1),
            (Standing::Outlier, "Application App 4", 1),
            (Standing::Profile, "236 applications", 236),
            (Standing::Profile, "59 applications", 59),
            (Standing::Profile, "53 APIs", 53),
            (Standing::Profile, "6 APIs", 6),
            (Standing::Profile, "Tenant", 1),
        ]
    );
    assert_eq!(map.entities, 361);
    let usual = &map.rows[5];
    assert_eq!(
        usual.summary,
        "ID token 10 hours · refresh (idle) 15 days · refresh (absolute) 30 days"
    );
    assert_eq!(usual.members[0].name, "Application App 6");
    // Errors before warnings, and each says why.
    assert!(map.rows[0]
        .marks
        .iter()
        .any(|m| m.said.as_deref().is_some_and(|s| s.contains("2,592,000"))));
    assert_eq!(map.rows[2].level, lifetime_guard::verdict::Level::Warning);
}

#[test]
fn a_legend_names_each_kind_once_and_what_is_no_lifetime_stays_off_the_axis() {
    let map = map_of(&tenant(30));
    let legend: Vec<&str> = map.legend.iter().map(|k| k.short).collect();
    assert_eq!(
        legend,
        [
            "access token",
            "implicit/hybrid",
            "ID token",
            "refresh (absolute)",
            "refresh (idle)",
            "session (idle)",
            "session"
        ]
    );
    assert!(map
        .rows
        .iter()
        .flat_map(|r| &r.marks)
        .all(|m| m.key < legend.len()));
    // The rotation overlap is a grace period: named beside the map, once for all 30.
    assert_eq!(map.apart.len(), 1);
    assert_eq!(
        (map.apart[0].short, map.apart[0].who.as_str()),
        ("rotation overlap", "30 applications")
    );
}

#[test]
fn three_thousand_applications_make_a_handful_of_rows() {
    let map = map_of(&tenant(3_000));
    assert_eq!(map.rows.len(), 10);
    assert_eq!(map.entities, 3_601);
    assert_eq!(
        map.rows.iter().map(|r| r.members.len()).sum::<usize>(),
        3_601
    );
}

#[test]
fn attack_protection_rates_are_intervals_with_attempts_a_day() {
    let map = map_of("attackProtection:\n  suspiciousIpThrottling:\n    enabled: true\n    stage:\n      pre-login:\n        max_attempts: 100\n        rate: 864000\n");
    assert!(map.rows.is_empty(), "no lifetime, no finding: no row");
    assert_eq!(map.apart.len(), 1);
    assert_eq!(map.apart[0].per_day, Some(100));
    assert_eq!(map.apart[0].words.as_deref(), Some("14 minutes 24 seconds"));
}

#[test]
fn two_rates_of_one_value_are_each_named() {
    let map = map_of("attackProtection:\n  suspiciousIpThrottling:\n    enabled: true\n    stage:\n      pre-login:\n        rate: 1728000\n      pre-user-registration:\n        rate: 1728000\n");
    let named: Vec<(&str, Option<u64>)> = map.apart.iter().map(|a| (a.short, a.per_day)).collect();
    assert_eq!(
        named,
        [
            ("login throttling", Some(50)),
            ("signup throttling", Some(50))
        ]
    );
}

#[test]
fn the_csv_has_a_column_per_kind_and_keeps_names_as_text() {
    let text = "clients:\n  - name: \"=HYPERLINK(\\\"x\\\")\"\n    jwt_configuration:\n      lifetime_in_seconds: 3600\n  - name: Shop, EU\n    jwt_configuration:\n      lifetime_in_seconds: 3600\n";
    let out = csv(&map_of(text));
    assert_eq!(
        out,
        "row,standing,level,kind,count,members,ID token (seconds),findings\r\n\
         2 applications,profile,ok,client,2,\"Application =HYPERLINK(\"\"x\"\"); Application Shop, EU\",3600,\r\n"
    );
}
