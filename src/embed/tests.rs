use super::*;

fn parse_attrs(attributes: &[(&str, &str)]) -> Parsed {
    parse(attributes.iter().copied(), None, "en-US")
}

fn with_resources(json: &str) -> Parsed {
    parse([], Some(json), "en-US")
}

fn ns(text: &str) -> Namespace {
    Namespace::parse(text).expect("a good namespace")
}

#[test]
fn nothing_given_means_every_default() {
    let parsed = parse([], None, "en-NZ");
    assert_eq!(parsed.warnings, vec![]);
    assert_eq!(
        parsed.config,
        Config {
            lang: None,
            region: Region::Nz,
            namespace: Namespace::default(),
            theme: Theme::Auto,
            exit_url: DEFAULT_EXIT_URL.to_owned(),
            partner: Partner::default(),
        }
    );
    // A browser language without a region we know: everywhere else.
    assert_eq!(parse([], None, "fr").config.region, Region::Other);
    assert_eq!(parse([], None, "").config.region, Region::Other);
}

#[test]
fn good_values_are_taken() {
    let parsed = parse_attrs(&[
        ("lang", "en-GB"),
        ("region", "gb"),
        ("namespace", "clinic-a"),
        ("theme", "Dark"),
        ("exit-url", "https://www.example.org/weather?x=1#top"),
        ("partner-name", "  Harbour   Lane\nRecovery Community "),
        ("id", "checkin"),
        ("class", "wide"),
        ("data-analytics", "off"),
        ("aria-label", "Check-in"),
    ]);
    assert_eq!(parsed.warnings, vec![]);
    let c = parsed.config;
    assert_eq!(c.lang, Some(Locale::En));
    assert_eq!(c.region, Region::Gb);
    assert_eq!(c.namespace, ns("clinic-a"));
    assert_eq!(c.theme, Theme::Dark);
    assert_eq!(c.exit_url, "https://www.example.org/weather?x=1#top");
    assert_eq!(c.partner.name.as_deref(), Some("Harbour Lane Recovery Community"));
}

#[test]
fn a_warning_names_the_attribute_and_the_default_is_used() {
    let parsed = parse(
        [
            ("lang", "fr"),
            ("region", "XX"),
            ("namespace", "Team A"),
            ("theme", "purple"),
            ("exit-url", "javascript:alert(1)"),
            ("partner-name", "   "),
            ("regoin", "US"),
        ],
        None,
        "en-AU",
    );
    let attributes: Vec<&str> = parsed.warnings.iter().map(Warning::attribute).collect();
    assert_eq!(
        attributes,
        [
            "lang",
            "region",
            "namespace",
            "theme",
            "exit-url",
            "partner-name",
            "regoin"
        ]
    );
    for warning in &parsed.warnings {
        let line = warning.to_string();
        assert!(line.starts_with("recovery-checkin: \""), "{line}");
        assert!(line.contains(&format!("\"{}\"", warning.attribute())), "{line}");
    }
    let c = parsed.config;
    assert_eq!(c.lang, None);
    assert_eq!(c.region, Region::Au, "the visitor's region, from the browser language");
    assert_eq!(c.namespace, Namespace::default());
    assert_eq!(c.theme, Theme::Auto);
    assert_eq!(c.exit_url, DEFAULT_EXIT_URL);
    assert_eq!(c.partner, Partner::default());
}

#[test]
fn warnings_read_plainly() {
    let lines: Vec<String> = parse_attrs(&[("lang", "fr"), ("theme", "purple"), ("onclick", "x()")])
        .warnings
        .iter()
        .map(ToString::to_string)
        .collect();
    assert_eq!(
        lines,
        [
            "recovery-checkin: \"lang\" \"fr\" is not one of en, es; using the visitor's language",
            "recovery-checkin: \"theme\" \"purple\" is not light, dark or auto; using auto",
            "recovery-checkin: \"onclick\" is not an option of the widget; ignored",
        ]
    );
}

#[test]
fn lang_takes_english_spanish_and_the_test_locales() {
    for (tag, locale) in [
        ("en", Locale::En),
        ("EN", Locale::En),
        ("en-GB", Locale::En),
        ("en_US", Locale::En),
        (" en ", Locale::En),
        ("es", Locale::Es),
        ("es-MX", Locale::Es),
        ("es-419", Locale::Es),
        ("en-XA", Locale::EnXa),
        ("ar-XB", Locale::ArXb),
    ] {
        let parsed = parse_attrs(&[("lang", tag)]);
        assert_eq!(parsed.warnings, vec![], "{tag}");
        assert_eq!(parsed.config.lang, Some(locale), "{tag}");
    }
    for tag in ["fr", "", "english", "ar"] {
        let parsed = parse_attrs(&[("lang", tag)]);
        assert_eq!(parsed.warnings, vec![Warning::Lang(tag.to_owned())], "{tag}");
        assert_eq!(parsed.config.lang, None);
    }
    // The region comes from the first of the browser's languages.
    assert_eq!(parse([], None, "es-MX,en-US").config.region, Region::Other);
    assert_eq!(parse([], None, "en-GB,en-US").config.region, Region::Gb);
}

#[test]
fn every_region_code_of_the_contacts_file_is_accepted() {
    for region in Region::ALL {
        let parsed = parse_attrs(&[("region", region.code())]);
        assert_eq!(parsed.warnings, vec![]);
        assert_eq!(parsed.config.region, region);
    }
    assert_eq!(parse_attrs(&[("region", "UK")]).config.region, Region::Gb);
    assert_eq!(parse_attrs(&[("region", " nz ")]).config.region, Region::Nz);
    // A refused region falls back to the visitor's, not to US.
    let parsed = parse([("region", "")], None, "en-IE");
    assert_eq!(parsed.config.region, Region::Ie);
    assert_eq!(parsed.warnings, vec![Warning::Region(String::new())]);
}

#[test]
fn namespaces_follow_the_storage_rule() {
    assert_eq!(parse_attrs(&[("namespace", "a-1")]).config.namespace, ns("a-1"));
    for bad in ["", "A", "a:b", "a b", &"a".repeat(41), "café"] {
        let parsed = parse_attrs(&[("namespace", bad)]);
        assert_eq!(parsed.config.namespace, Namespace::default(), "{bad}");
        assert!(matches!(parsed.warnings[..], [Warning::Namespace(_)]), "{bad}");
    }
}

#[test]
fn themes_match_what_the_stylesheet_matches() {
    for (value, theme) in [
        ("light", Theme::Light),
        ("LIGHT", Theme::Light),
        ("dark", Theme::Dark),
        ("auto", Theme::Auto),
    ] {
        assert_eq!(parse_attrs(&[("theme", value)]).config.theme, theme);
    }
    // The stylesheet's `[theme=dark i]` does not match these, so neither does the check.
    for bad in [" dark", "dark ", "", "night"] {
        let parsed = parse_attrs(&[("theme", bad)]);
        assert_eq!(parsed.config.theme, Theme::Auto);
        assert_eq!(parsed.warnings, vec![Warning::Theme(bad.to_owned())]);
    }
}

#[test]
fn exit_urls_are_https_or_a_path_on_the_site() {
    for good in [
        "https://www.bbc.co.uk/weather",
        "HTTPS://example.org",
        "https://example.org:8443/a?b=c#d",
        "/",
        "/weather",
        "/a/b?c=d",
        "  https://example.org/  ",
    ] {
        assert_eq!(check_exit_url(good).as_deref(), Some(good.trim()), "{good}");
    }
    for bad in [
        "javascript:alert(1)",
        "JavaScript:alert(1)",
        " javascript:alert(1)",
        "java\tscript:alert(1)",
        "data:text/html,<script>alert(1)</script>",
        "vbscript:msgbox(1)",
        "http://example.org",
        "//example.org",
        "/\\example.org",
        "https://",
        "https:///path",
        "https://trusted.example@evil.example/",
        "https://exa mple.org",
        "https://example.org/a\nb",
        "weather.html",
        "",
        "mailto:a@example.org",
        "tel:988",
    ] {
        assert_eq!(check_exit_url(bad), None, "{bad:?}");
        let parsed = parse_attrs(&[("exit-url", bad)]);
        assert_eq!(parsed.config.exit_url, DEFAULT_EXIT_URL);
        assert_eq!(parsed.warnings, vec![Warning::ExitUrl(bad.to_owned())]);
    }
    let long = format!("https://example.org/{}", "a".repeat(EXIT_URL_MAX));
    assert_eq!(check_exit_url(&long), None);
}

#[test]
fn partner_names_are_plain_text_and_length_limited() {
    // Markup is kept as the characters it is: the web layer shows it as text.
    let markup = "<script>alert(1)</script><b>Harbour</b>";
    assert_eq!(
        parse_attrs(&[("partner-name", markup)]).config.partner.name.as_deref(),
        Some(markup)
    );
    let name = "Ünïcode Recovery – Ōtautahi";
    assert_eq!(
        parse_attrs(&[("partner-name", name)]).config.partner.name.as_deref(),
        Some(name)
    );
    assert_eq!(
        parse_attrs(&[("partner-name", "A\u{0}B\u{7}\tC")])
            .config
            .partner
            .name
            .as_deref(),
        Some("AB C")
    );

    let longest = "é".repeat(PARTNER_NAME_MAX);
    assert_eq!(parse_attrs(&[("partner-name", &longest)]).warnings, vec![]);
    for too_long in ["é".repeat(PARTNER_NAME_MAX + 1), "x".repeat(1 << 20)] {
        let parsed = parse_attrs(&[("partner-name", &too_long)]);
        assert_eq!(parsed.config.partner.name, None);
        assert_eq!(
            parsed.warnings,
            vec![Warning::PartnerName(TextProblem::TooLong(PARTNER_NAME_MAX))]
        );
    }
}

#[test]
fn unknown_attributes_are_reported_by_name_and_globals_are_not() {
    let parsed = parse_attrs(&[
        ("id", "x"),
        ("hidden", ""),
        ("style", "margin: 0"),
        ("data-x", "1"),
        ("aria-describedby", "y"),
        ("colour", "red"),
        ("onload", "alert(1)"),
        ("exit_url", "/"),
    ]);
    assert_eq!(
        parsed.warnings,
        vec![
            Warning::UnknownAttribute("colour".into()),
            Warning::UnknownAttribute("onload".into()),
            Warning::UnknownAttribute("exit_url".into()),
        ]
    );
    // Every option is known.
    for option in OPTIONS {
        assert!(!parse_attrs(&[(option, "x")])
            .warnings
            .contains(&Warning::UnknownAttribute(option.into())));
    }
}

#[test]
fn huge_and_odd_values_make_short_warnings() {
    let huge = format!("javascript:{}", "a".repeat(1 << 20));
    let parsed = parse_attrs(&[("exit-url", &huge), ("region", "U\nS")]);
    let lines: Vec<String> = parsed.warnings.iter().map(ToString::to_string).collect();
    assert!(lines[0].len() < 250, "{}", lines[0]);
    assert!(
        lines[0].contains("\"javascript:aaaa") && lines[0].contains("...\""),
        "{}",
        lines[0]
    );
    assert!(lines[1].contains("\"U?S\""), "{}", lines[1]);
}

const GOOD_RESOURCES: &str = r#"[
  {"name": "Thursday family group", "when": "Thursdays, 7 pm", "description": "For family and friends.",
   "links": [{"href": "https://harbourlane.example/families", "label": "About the group"},
             {"href": "tel:+1 (555) 010-0199"}]},
  {"name": "Text line", "links": [{"href": "sms:555 0100"}]}
]"#;

#[test]
fn resources_are_read_from_the_documented_schema() {
    let parsed = with_resources(GOOD_RESOURCES);
    assert_eq!(parsed.warnings, vec![]);
    assert_eq!(
        parsed.config.partner.resources,
        vec![
            Resource {
                name: "Thursday family group".into(),
                when: Some("Thursdays, 7 pm".into()),
                description: Some("For family and friends.".into()),
                links: vec![
                    Link {
                        kind: LinkKind::Web,
                        href: "https://harbourlane.example/families".into(),
                        number: None,
                        label: Some("About the group".into()),
                    },
                    Link {
                        kind: LinkKind::Call,
                        href: "tel:+15550100199".into(),
                        number: Some("+1 (555) 010-0199".into()),
                        label: None,
                    },
                ],
            },
            Resource {
                name: "Text line".into(),
                when: None,
                description: None,
                links: vec![Link {
                    kind: LinkKind::Text,
                    href: "sms:5550100".into(),
                    number: Some("555 0100".into()),
                    label: None,
                }],
            },
        ]
    );
    // No resources, or an empty script element: nothing to show, nothing to say.
    assert_eq!(with_resources("[]").warnings, vec![]);
    assert_eq!(with_resources("  \n ").warnings, vec![]);
}

#[test]
fn invalid_resource_json_is_reported_and_the_widget_goes_on_without_it() {
    for (text, problem) in [
        (
            "{\"name\": ",
            ResourcesProblem::NotJson("EOF while parsing a value".into()),
        ),
        (
            "[{\"name\": \"a\"},]",
            ResourcesProblem::NotJson("trailing comma".into()),
        ),
        ("<b>Our groups</b>", ResourcesProblem::NotJson("expected value".into())),
        ("{\"name\": \"a\"}", ResourcesProblem::NotAList),
        ("\"a\"", ResourcesProblem::NotAList),
    ] {
        let parsed = with_resources(text);
        assert_eq!(parsed.config.partner.resources, vec![], "{text}");
        assert_eq!(parsed.warnings.len(), 1, "{text}");
        match (&parsed.warnings[0], &problem) {
            (Warning::Resources(ResourcesProblem::NotJson(_)), ResourcesProblem::NotJson(_)) => {}
            (found, _) => assert_eq!(found, &Warning::Resources(problem.clone()), "{text}"),
        }
        assert_eq!(parsed.warnings[0].attribute(), "resources");
    }
}

#[test]
fn a_megabyte_of_resources_is_refused_before_it_is_parsed() {
    let item = r#"{"name": "A group", "description": "Every day."},"#;
    let megabyte = format!("[{}{{\"name\": \"last\"}}]", item.repeat((1 << 20) / item.len() + 1));
    assert!(megabyte.len() >= 1 << 20);
    let parsed = with_resources(&megabyte);
    assert_eq!(parsed.config.partner.resources, vec![]);
    assert_eq!(
        parsed.warnings,
        vec![Warning::Resources(ResourcesProblem::TooBig(megabyte.len()))]
    );
    // Deeply nested JSON within the size limit is refused by the parser's depth limit.
    let deep = format!("{}{}", "[".repeat(5000), "]".repeat(5000));
    assert!(matches!(
        with_resources(&deep).warnings[..],
        [Warning::Resources(ResourcesProblem::NotJson(_))]
    ));
}

#[test]
fn resources_past_the_limit_are_left_out() {
    let items: Vec<String> = (1..=RESOURCES_MAX_ITEMS + 3)
        .map(|i| format!("{{\"name\": \"Group {i}\"}}"))
        .collect();
    let parsed = with_resources(&format!("[{}]", items.join(",")));
    assert_eq!(parsed.config.partner.resources.len(), RESOURCES_MAX_ITEMS);
    assert_eq!(parsed.config.partner.resources[0].name, "Group 1");
    assert_eq!(
        parsed.warnings,
        vec![Warning::TooManyResources(RESOURCES_MAX_ITEMS + 3)]
    );
}

#[test]
fn a_bad_resource_is_left_out_and_the_others_are_kept() {
    let text = format!(
        r#"[
          "just a string",
          {{"description": "no name"}},
          {{"name": 42}},
          {{"name": "{long}"}},
          {{"name": "Kept", "when": 7, "descripton": "typo", "description": "{long_description}"}},
          {{"name": "Links", "links": "https://example.org"}}
        ]"#,
        long = "n".repeat(RESOURCE_NAME_MAX + 1),
        long_description = "d".repeat(RESOURCE_DESCRIPTION_MAX + 1),
    );
    let parsed = with_resources(&text);
    let names: Vec<&str> = parsed
        .config
        .partner
        .resources
        .iter()
        .map(|r| r.name.as_str())
        .collect();
    assert_eq!(names, ["Kept", "Links"]);
    assert_eq!(parsed.config.partner.resources[0].when, None);
    assert_eq!(parsed.config.partner.resources[0].description, None);
    assert_eq!(
        parsed.warnings,
        vec![
            Warning::Resource(1, ItemProblem::NotAnObject),
            Warning::Resource(2, ItemProblem::Name(TextProblem::Empty)),
            Warning::Resource(3, ItemProblem::Name(TextProblem::NotText)),
            Warning::Resource(4, ItemProblem::Name(TextProblem::TooLong(RESOURCE_NAME_MAX))),
            Warning::Resource(5, ItemProblem::When(TextProblem::NotText)),
            Warning::Resource(5, ItemProblem::UnknownField("descripton".into())),
            Warning::Resource(
                5,
                ItemProblem::Description(TextProblem::TooLong(RESOURCE_DESCRIPTION_MAX))
            ),
            Warning::Resource(6, ItemProblem::LinksNotAList),
        ]
    );
    for warning in &parsed.warnings {
        assert!(warning.to_string().contains("\"resources\" item "), "{warning}");
    }
}

#[test]
fn links_are_https_tel_or_sms_only() {
    for good in [
        "https://example.org",
        "https://example.org/a?b#c",
        "tel:988",
        "TEL:+44 20 7946 0958",
        "tel:(555) 010-0199",
        "sms:988",
        "sms:+1.555.010.0199",
    ] {
        assert!(check_link(good).is_some(), "{good}");
    }
    for bad in [
        "javascript:alert(1)",
        "javascript://example.org/%0Aalert(1)",
        "data:text/html;base64,PHNjcmlwdD4=",
        "http://example.org",
        "//example.org",
        "/groups",
        "mailto:help@example.org",
        "ftp://example.org",
        "tel:",
        "tel:12",
        "tel:988;ext=1",
        "tel:javascript:alert(1)",
        "sms:988?body=hello",
        "sms:988&body=x",
        "https://user@example.org",
        "https://exa mple.org",
        "",
    ] {
        assert_eq!(check_link(bad), None, "{bad:?}");
    }
    let text = r#"[{"name": "Mixed", "links": [
        {"href": "javascript:alert(1)", "label": "Click"},
        {"label": "no href"},
        "https://example.org",
        {"href": "https://example.org/ok", "label": "<img src=x onerror=alert(1)>"}
    ]}, {"name": "Line", "links": [{"href": "tel:988", "label": ""}]}]"#;
    let parsed = with_resources(text);
    let links = &parsed.config.partner.resources[0].links;
    assert_eq!(links.len(), 1, "{links:?}");
    assert_eq!(links[0].href, "https://example.org/ok");
    assert_eq!(links[0].label.as_deref(), Some("<img src=x onerror=alert(1)>"));
    let line = &parsed.config.partner.resources[1].links[0];
    assert_eq!((line.kind, line.label.as_deref()), (LinkKind::Call, None));
    assert_eq!(
        parsed.warnings,
        vec![
            Warning::Resource(1, ItemProblem::Link(1, LinkProblem::Href("javascript:alert(1)".into()))),
            Warning::Resource(1, ItemProblem::Link(2, LinkProblem::NotALink)),
            Warning::Resource(1, ItemProblem::Link(3, LinkProblem::NotALink)),
            Warning::Resource(2, ItemProblem::Link(1, LinkProblem::Label(TextProblem::Empty))),
        ]
    );
}

#[test]
fn links_past_the_limit_are_left_out() {
    let links = [r#"{"href": "tel:988"}"#; LINKS_MAX + 2].join(",");
    let parsed = with_resources(&format!(r#"[{{"name": "Many", "links": [{links}]}}]"#));
    assert_eq!(parsed.config.partner.resources[0].links.len(), LINKS_MAX);
    assert_eq!(parsed.warnings, vec![Warning::Resource(1, ItemProblem::TooManyLinks)]);
}

#[test]
fn warnings_state_the_limits_the_code_uses() {
    // The texts have their numbers written in; they must be the constants'.
    let warnings = [
        (
            Warning::PartnerName(TextProblem::TooLong(PARTNER_NAME_MAX)),
            PARTNER_NAME_MAX,
        ),
        (
            Warning::Resources(ResourcesProblem::TooBig(1 << 20)),
            RESOURCES_MAX_BYTES,
        ),
        (Warning::TooManyResources(99), RESOURCES_MAX_ITEMS),
        (
            Warning::Resource(1, ItemProblem::Name(TextProblem::TooLong(RESOURCE_NAME_MAX))),
            RESOURCE_NAME_MAX,
        ),
        (
            Warning::Resource(1, ItemProblem::When(TextProblem::TooLong(RESOURCE_WHEN_MAX))),
            RESOURCE_WHEN_MAX,
        ),
        (
            Warning::Resource(
                1,
                ItemProblem::Description(TextProblem::TooLong(RESOURCE_DESCRIPTION_MAX)),
            ),
            RESOURCE_DESCRIPTION_MAX,
        ),
        (Warning::Resource(1, ItemProblem::TooManyLinks), LINKS_MAX),
        (
            Warning::Resource(
                1,
                ItemProblem::Link(2, LinkProblem::Label(TextProblem::TooLong(LINK_LABEL_MAX))),
            ),
            LINK_LABEL_MAX,
        ),
    ];
    for (warning, limit) in warnings {
        let line = warning.to_string();
        assert!(line.contains(&format!(" {limit} ")), "{line} does not say {limit}");
    }
    assert!(Warning::ExitUrl("x".into()).to_string().ends_with(DEFAULT_EXIT_URL));
    assert_eq!(
        Warning::Resource(3, ItemProblem::Link(2, LinkProblem::Href("data:x".into()))).to_string(),
        "recovery-checkin: \"resources\" item 3: link 2 \"data:x\" refused: only https:, tel: and sms: links are allowed; left out"
    );
    assert_eq!(
        Warning::Namespace(NamespaceError::Empty).to_string(),
        "recovery-checkin: \"namespace\" refused: the namespace is empty; using \"default\""
    );
}

#[test]
fn host_events_have_their_documented_names() {
    assert_eq!(HostEvent::Started.name(), "checkin-started");
    assert_eq!(HostEvent::Completed.name(), "checkin-completed");
}

#[test]
fn the_loader_observes_every_option() {
    // The custom element is defined in JavaScript before the wasm loads, so its list of
    // observed attributes is written there; it must name every option.
    let loader = include_str!("../../embed/loader.js");
    let observed = loader
        .split("observedAttributes = [")
        .nth(1)
        .and_then(|rest| rest.split(']').next())
        .expect("the loader lists observedAttributes");
    for option in OPTIONS {
        assert!(observed.contains(&format!("\"{option}\"")), "{option} is not observed");
    }
    assert_eq!(observed.matches('"').count(), 2 * OPTIONS.len(), "{observed}");
}
