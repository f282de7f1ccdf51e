//! Component tests in a real browser (wasm-bindgen-test in headless Chromium).
//!
//! Each test mounts a component into a fresh element, lets Yew render, and reads the DOM the
//! way a person's browser has it. Run by `scripts/test.sh`.
#![cfg(all(target_arch = "wasm32", feature = "web"))]

use std::cell::RefCell;
use std::rc::Rc;
use std::time::Duration;

use recovery_checkin::answers::{Answer, Answers};
use recovery_checkin::embed::{self, HostEvent, Partner};
use recovery_checkin::flow::Action;
use recovery_checkin::help::Region;
use recovery_checkin::i18n::{Locale, Msg};
use recovery_checkin::questionnaire::{Question, QUESTIONNAIRE};
use recovery_checkin::scoring::{score, Assessment};
use recovery_checkin::storage::Namespace;
use recovery_checkin::web::app::{App, AppProps};
use recovery_checkin::web::progress::{progress_bar, ProgressProps};
use recovery_checkin::web::question::{question_screen, QuestionProps};
use recovery_checkin::web::results::{results_screen, ResultsProps};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};
use web_sys::{Element, HtmlElement, HtmlInputElement};
use yew::prelude::*;

wasm_bindgen_test_configure!(run_in_browser);

const EN: Locale = Locale::En;

/// Lets Yew's scheduler render and run effects. A fixed sleep alone was not enough on a busy
/// machine: the scheduler yields to the browser every 16 ms and finishes in a later task, so
/// this waits for the scheduler to say it is done (Yew's `test` feature, tests only).
async fn settle() {
    yew::platform::time::sleep(Duration::from_millis(1)).await;
    yew::scheduler::flush().await;
}

fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

fn fresh_root() -> Element {
    let root = document().create_element("div").unwrap();
    document().body().unwrap().append_child(&root).unwrap();
    root
}

async fn render<C>(props: C::Properties) -> (Element, yew::AppHandle<C>)
where
    C: BaseComponent,
{
    let root = fresh_root();
    let handle = yew::Renderer::<C>::with_root_and_props(root.clone(), props).render();
    settle().await;
    (root, handle)
}

// The progress bar, a question and the results are plain functions returning `Html`; these
// components only mount them on their own for a test.

#[function_component]
fn ProgressBar(props: &ProgressProps) -> Html {
    progress_bar(props)
}

#[function_component]
fn QuestionScreen(props: &QuestionProps) -> Html {
    question_screen(props)
}

#[function_component]
fn ResultsScreen(props: &ResultsProps) -> Html {
    results_screen(props)
}

async fn mounted_app(region: Region) -> (Element, yew::AppHandle<App>) {
    render::<App>(app_props(region)).await
}

/// The app's props as a partner's page would give them, in English, with a namespace of its
/// own; a test changes what it looks at with `..app_props(region)`.
fn app_props(region: Region) -> AppProps {
    AppProps {
        locale: EN,
        region,
        id_prefix: "t".into(),
        namespace: fresh_namespace(),
        partner: Rc::default(),
        exit_url: "https://example.org/weather".into(),
        on_event: Callback::noop(),
        on_locale: Callback::noop(),
        loader: Default::default(),
        restarted: false,
        write_failures: 0,
    }
}

/// [`app_props`] in the US, with every event the app sends the host page kept in the list.
fn app_props_hearing_events() -> (AppProps, Rc<RefCell<Vec<HostEvent>>>) {
    let events = Rc::new(RefCell::new(Vec::new()));
    let seen = events.clone();
    let props = AppProps {
        on_event: Callback::from(move |e: HostEvent| seen.borrow_mut().push(e)),
        ..app_props(Region::Us)
    };
    (props, events)
}

/// A storage namespace no other test uses, so saved data never leaks between tests.
fn fresh_namespace() -> Namespace {
    thread_local! {
        static NEXT: std::cell::Cell<u32> = const { std::cell::Cell::new(0) };
    }
    let n = NEXT.with(|next| {
        let n = next.get();
        next.set(n + 1);
        n
    });
    let stamp = js_sys::Date::now() as u64;
    Namespace::parse(&format!("test-{stamp}-{n}")).expect("a valid namespace")
}

fn find(root: &Element, selector: &str) -> HtmlElement {
    root.query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("no {selector}"))
        .dyn_into()
        .unwrap()
}

fn all(root: &Element, selector: &str) -> Vec<Element> {
    let list = root.query_selector_all(selector).unwrap();
    (0..list.length())
        .filter_map(|i| list.item(i)?.dyn_into().ok())
        .collect()
}

fn text(root: &Element, selector: &str) -> String {
    find(root, selector).text_content().unwrap_or_default()
}

fn question(id: &str) -> &'static Question {
    QUESTIONNAIRE.question(id).unwrap_or_else(|| panic!("no question {id}"))
}

/// Question props that record every action into `actions`.
fn question_props(
    q: &'static Question,
    answer: Option<Answer>,
    problem: Option<Msg>,
    actions: &Rc<RefCell<Vec<Action>>>,
) -> QuestionProps {
    let actions = actions.clone();
    QuestionProps {
        locale: EN,
        question: q,
        answer,
        section: QUESTIONNAIRE.section(q.section).map(|s| s.title),
        position: 3,
        total: 30,
        problem,
        id_prefix: "t".into(),
        heading: NodeRef::default(),
        notices: Html::default(),
        on_action: Callback::from(move |a| actions.borrow_mut().push(a)),
    }
}

// ---- The app: welcome, help, focus ---------------------------------------------------------

#[wasm_bindgen_test]
async fn welcome_screen_says_what_the_check_in_is() {
    let (root, handle) = mounted_app(Region::Us).await;
    assert_eq!(text(&root, "h2"), EN.text(Msg::WelcomeTitle));
    let facts = text(&root, ".rc-facts");
    assert!(facts.contains(EN.text(Msg::WelcomePrivacy)));
    assert!(facts.contains(EN.text(Msg::WelcomeNotDiagnosis)));
    assert_eq!(text(&root, "[data-testid=start]"), EN.text(Msg::WelcomeStart));
    handle.destroy();
}

#[wasm_bindgen_test]
async fn loading_does_not_take_focus_but_a_new_screen_does() {
    let outside: HtmlElement = document().create_element("button").unwrap().dyn_into().unwrap();
    document().body().unwrap().append_child(&outside).unwrap();
    outside.focus().unwrap();
    let (root, handle) = mounted_app(Region::Us).await;
    assert_eq!(
        document().active_element(),
        Some(outside.clone().into()),
        "mounting stole focus"
    );

    find(&root, "[data-testid=start]").click();
    settle().await;
    assert_eq!(document().active_element(), Some(find(&root, "legend h2").into()));
    find(&root, "[data-testid=back]").click();
    settle().await;
    assert_eq!(document().active_element(), Some(find(&root, "h2").into()));
    assert_eq!(text(&root, "h2"), EN.text(Msg::WelcomeTitle));
    handle.destroy();
    outside.remove();
}

#[wasm_bindgen_test]
async fn help_button_opens_the_regions_contacts_and_closes_again() {
    let (root, handle) = mounted_app(Region::Gb).await;
    let toggle = find(&root, "[data-testid=help-toggle]");
    assert_eq!(toggle.get_attribute("aria-expanded").as_deref(), Some("false"));
    assert!(root.query_selector("[data-testid=crisis-panel]").unwrap().is_none());

    toggle.click();
    settle().await;
    assert_eq!(toggle.get_attribute("aria-expanded").as_deref(), Some("true"));
    let panel = text(&root, "[data-testid=crisis-panel]");
    assert!(panel.contains("Samaritans"), "{panel}");
    assert!(panel.contains("999"), "{panel}");
    assert!(!panel.contains("988 Suicide"), "UK panel shows a US line: {panel}");
    assert_eq!(
        find(&root, "a[href='tel:116123']").text_content().unwrap(),
        "Call 116 123"
    );

    toggle.click();
    settle().await;
    assert!(root.query_selector("[data-testid=crisis-panel]").unwrap().is_none());
    handle.destroy();
}

#[wasm_bindgen_test]
async fn choosing_another_region_changes_the_contacts() {
    let (root, handle) = mounted_app(Region::Us).await;
    find(&root, "[data-testid=help-toggle]").click();
    settle().await;
    assert!(text(&root, "[data-testid=crisis-panel]").contains("988"));

    let select: web_sys::HtmlSelectElement = root
        .query_selector("[data-testid=crisis-panel] select")
        .unwrap()
        .unwrap()
        .dyn_into()
        .unwrap();
    select.set_value("AU");
    select.dispatch_event(&web_sys::Event::new("change").unwrap()).unwrap();
    settle().await;
    let panel = text(&root, "[data-testid=crisis-panel]");
    assert!(panel.contains("Lifeline"), "{panel}");
    assert!(panel.contains("000"), "{panel}");
    handle.destroy();
}

#[wasm_bindgen_test]
async fn picking_a_language_tells_the_element_and_saves_the_choice() {
    let picked = Rc::new(RefCell::new(Vec::new()));
    let seen = picked.clone();
    let namespace = fresh_namespace();
    let (root, handle) = render::<App>(AppProps {
        namespace: namespace.clone(),
        on_locale: Callback::from(move |l: Locale| seen.borrow_mut().push(l)),
        ..app_props(Region::Us)
    })
    .await;
    let select: web_sys::HtmlSelectElement = root
        .query_selector("[data-testid=language]")
        .unwrap()
        .unwrap()
        .dyn_into()
        .unwrap();
    assert_eq!(select.value(), "en");
    let options: Vec<String> = (0..select.length())
        .filter_map(|i| select.item(i))
        .map(|o| {
            format!(
                "{}={}",
                o.get_attribute("lang").unwrap_or_default(),
                o.text_content().unwrap_or_default()
            )
        })
        .collect();
    assert_eq!(options, ["en=English", "es=Español"]);
    select.set_value("es");
    select.dispatch_event(&web_sys::Event::new("change").unwrap()).unwrap();
    settle().await;
    assert_eq!(*picked.borrow(), [Locale::Es]);
    let stored = web_sys::window()
        .unwrap()
        .local_storage()
        .unwrap()
        .unwrap()
        .get_item(&format!("recovery-checkin:{}:settings", namespace.as_str()))
        .unwrap();
    assert_eq!(stored.as_deref(), Some(r#"{"v":2,"keep_nothing":false,"locale":"es"}"#));
    handle.destroy();
}

#[wasm_bindgen_test]
async fn a_safety_answer_shows_crisis_lines_in_the_flow_at_once() {
    let (root, handle) = mounted_app(Region::Us).await;
    find(&root, "[data-testid=start]").click();
    settle().await;
    // Walk to the self-harm question by answering each question with its first option.
    for _ in 0..QUESTIONNAIRE.questions.len() {
        let here = find(&root, "[data-testid=question]")
            .get_attribute("data-question")
            .unwrap();
        if here == "self_harm" {
            break;
        }
        find(&root, ".rc-options input").click();
        settle().await;
        find(&root, "[data-testid=next]").click();
        settle().await;
    }
    assert!(root.query_selector("[data-testid=safety-notice]").unwrap().is_none());
    let inputs = all(&root, ".rc-options input");
    inputs[1].dyn_ref::<HtmlElement>().unwrap().click();
    settle().await;
    // Still on the same question, with the crisis lines under it.
    assert_eq!(
        find(&root, "[data-testid=question]")
            .get_attribute("data-question")
            .as_deref(),
        Some("self_harm")
    );
    let notice = text(&root, "[data-testid=safety-notice]");
    assert!(notice.contains("988"), "{notice}");
    assert!(root
        .query_selector("[data-testid=safety-notice] a[href='tel:911']")
        .unwrap()
        .is_some());
    find(&root, "[data-testid=carry-on]").click();
    settle().await;
    assert!(root.query_selector("[data-testid=safety-notice]").unwrap().is_none());
    handle.destroy();
}

#[wasm_bindgen_test]
async fn destroying_the_app_leaves_no_markup() {
    let (root, handle) = mounted_app(Region::Us).await;
    assert!(!root.inner_html().is_empty());
    handle.destroy();
    settle().await;
    assert_eq!(root.inner_html(), "");
}

// ---- Progress ------------------------------------------------------------------------------

#[wasm_bindgen_test]
async fn progress_shows_text_and_a_native_bar() {
    let (root, handle) = render::<ProgressBar>(ProgressProps {
        locale: EN,
        position: 7,
        total: 28,
    })
    .await;
    assert_eq!(text(&root, ".rc-progress-text"), "Question 7 of 28");
    let bar = find(&root, "progress");
    assert_eq!(bar.get_attribute("max").as_deref(), Some("28"));
    assert_eq!(bar.get_attribute("value").as_deref(), Some("7"));
    assert_eq!(bar.get_attribute("aria-valuetext").as_deref(), Some("Question 7 of 28"));
    assert!(
        bar.get_attribute("style").is_none(),
        "no inline style: strict CSP blocks it"
    );
    handle.destroy();
}

// ---- Question ------------------------------------------------------------------------------

#[wasm_bindgen_test]
async fn a_single_choice_question_is_a_fieldset_of_radios_that_reports_choices() {
    let q = question("time_in_recovery");
    let actions = Rc::new(RefCell::new(Vec::new()));
    let (root, handle) = render::<QuestionScreen>(question_props(q, None, None, &actions)).await;
    assert_eq!(text(&root, "fieldset legend h2"), EN.text(q.text));
    let radios = all(&root, "fieldset input[type=radio]");
    assert_eq!(radios.len(), q.options.len() + usize::from(q.sensitive));
    let names: Vec<String> = radios.iter().map(|r| r.get_attribute("name").unwrap()).collect();
    assert!(names.windows(2).all(|w| w[0] == w[1]), "one radio group: {names:?}");
    assert!(
        root.query_selector("[data-testid=skip]").unwrap().is_none(),
        "required: no Skip"
    );

    radios[2].dyn_ref::<HtmlElement>().unwrap().click();
    settle().await;
    assert_eq!(
        actions.borrow().as_slice(),
        [Action::Choose(Answer::Choice(q.options[2].id.to_owned()))]
    );
    handle.destroy();
}

#[wasm_bindgen_test]
async fn the_given_answer_is_checked_and_a_problem_is_announced() {
    let q = question("time_in_recovery");
    let actions = Rc::new(RefCell::new(Vec::new()));
    let answer = Some(Answer::Choice(q.options[1].id.to_owned()));
    let props = question_props(q, answer, Some(Msg::ErrorsRequired), &actions);
    let (root, handle) = render::<QuestionScreen>(props).await;
    let checked: Vec<bool> = all(&root, "fieldset input")
        .iter()
        .map(|i| i.dyn_ref::<HtmlInputElement>().unwrap().checked())
        .collect();
    assert_eq!(checked.iter().filter(|c| **c).count(), 1);
    assert!(checked[1]);
    let alert = find(&root, "[role=alert]");
    assert!(alert.text_content().unwrap().contains(EN.text(Msg::ErrorsRequired)));
    let described = find(&root, "fieldset").get_attribute("aria-describedby").unwrap();
    assert!(
        described.contains(&alert.id()),
        "the fieldset names its problem: {described}"
    );
    handle.destroy();
}

#[wasm_bindgen_test]
async fn a_pick_any_question_uses_checkboxes_and_offers_skip() {
    let q = question("recovery_from");
    let actions = Rc::new(RefCell::new(Vec::new()));
    let (root, handle) = render::<QuestionScreen>(question_props(q, None, None, &actions)).await;
    let boxes = all(&root, "fieldset input[type=checkbox]");
    assert_eq!(boxes.len(), q.options.len() + usize::from(q.sensitive));
    assert!(root.query_selector("[data-testid=skip]").unwrap().is_some());
    boxes[0].dyn_ref::<HtmlElement>().unwrap().click();
    boxes.last().unwrap().dyn_ref::<HtmlElement>().unwrap().click();
    settle().await;
    assert_eq!(
        actions.borrow().as_slice(),
        [
            Action::Toggle(q.options[0].id.to_owned()),
            Action::Choose(Answer::PreferNotToSay)
        ]
    );
    find(&root, "[data-testid=skip]").click();
    settle().await;
    assert_eq!(actions.borrow().last(), Some(&Action::Skip));
    handle.destroy();
}

#[wasm_bindgen_test]
async fn a_scale_question_offers_every_number_and_says_what_the_ends_mean() {
    let q = question("importance");
    let actions = Rc::new(RefCell::new(Vec::new()));
    let (root, handle) = render::<QuestionScreen>(question_props(q, None, None, &actions)).await;
    let labels: Vec<String> = all(&root, ".rc-scale .rc-option-label")
        .iter()
        .map(|l| l.text_content().unwrap())
        .collect();
    assert_eq!(labels, (0..=10).map(|n| n.to_string()).collect::<Vec<_>>());
    assert!(
        text(&root, ".rc-hint").contains("0 means"),
        "{}",
        text(&root, ".rc-hint")
    );
    all(&root, ".rc-scale input")[7]
        .dyn_ref::<HtmlElement>()
        .unwrap()
        .click();
    settle().await;
    assert_eq!(actions.borrow().as_slice(), [Action::Choose(Answer::Scale(7))]);
    handle.destroy();
}

#[wasm_bindgen_test]
async fn enter_on_the_form_asks_for_next_and_does_not_reload() {
    let q = question("time_in_recovery");
    let actions = Rc::new(RefCell::new(Vec::new()));
    let (root, handle) = render::<QuestionScreen>(question_props(q, None, None, &actions)).await;
    let form: web_sys::HtmlFormElement = root.query_selector("form").unwrap().unwrap().dyn_into().unwrap();
    form.request_submit().unwrap();
    settle().await;
    assert_eq!(actions.borrow().as_slice(), [Action::Next]);
    handle.destroy();
}

// ---- Results -------------------------------------------------------------------------------

/// Every scored question answered with its first option (calm) or its last (hard).
fn answers(hardest: bool) -> Answers {
    let mut answers = Answers::new();
    for q in QUESTIONNAIRE.questions {
        let pick = |o: &&recovery_checkin::questionnaire::AnswerOption| !o.exclusive && o.points.is_some();
        let scored: Vec<_> = q.options.iter().filter(pick).collect();
        let answer = match q.kind {
            recovery_checkin::questionnaire::QuestionKind::Scale { min, max, .. } => {
                let calm = if q.domain.points_raise_risk() { min } else { max };
                let hard = if q.domain.points_raise_risk() { max } else { min };
                Answer::Scale(if hardest { hard } else { calm })
            }
            _ if scored.is_empty() => continue,
            _ => {
                let by_risk = |o: &&&recovery_checkin::questionnaire::AnswerOption| {
                    let p = o.points.unwrap_or(0);
                    if q.domain.points_raise_risk() {
                        p
                    } else {
                        4 - p.min(4)
                    }
                };
                let option = if hardest {
                    scored.iter().max_by_key(by_risk)
                } else {
                    scored.iter().min_by_key(by_risk)
                };
                let id = option.unwrap().id.to_owned();
                if q.kind == recovery_checkin::questionnaire::QuestionKind::Multiple {
                    Answer::Choices(vec![id])
                } else {
                    Answer::Choice(id)
                }
            }
        };
        answers.insert(q.id, answer);
    }
    answers
}

async fn results(assessment: Assessment) -> (Element, yew::AppHandle<ResultsScreen>) {
    results_with(assessment, None).await
}

async fn results_with(assessment: Assessment, partner: Option<Partner>) -> (Element, yew::AppHandle<ResultsScreen>) {
    render::<ResultsScreen>(ResultsProps {
        locale: EN,
        region: Region::Us,
        assessment,
        heading: NodeRef::default(),
        title: None,
        note: None,
        actions: None,
        partner: partner.map(Rc::new),
        on_action: Callback::noop(),
    })
    .await
}

fn part_order(root: &Element) -> Vec<String> {
    all(root, "[data-part]")
        .iter()
        .map(|p| p.get_attribute("data-part").unwrap())
        .collect()
}

#[wasm_bindgen_test]
async fn results_show_band_domains_strengths_and_the_not_a_diagnosis_note() {
    let calm = score(&answers(false));
    let (root, handle) = results(calm.clone()).await;
    let band = calm.band.expect("a band");
    assert_eq!(text(&root, ".rc-band-name"), EN.text(band.name()));
    let meters = all(&root, "meter");
    assert_eq!(meters.len(), 3);
    let stressors = calm.stressors.as_ref().unwrap().score.to_string();
    assert_eq!(meters[0].get_attribute("value"), Some(stressors));
    assert!(meters.iter().all(|m| m.get_attribute("aria-label").is_some()));
    assert!(
        !all(&root, ".rc-strengths li").is_empty(),
        "a calm result names strengths"
    );
    assert!(text(&root, "[data-part=about]").contains(EN.text(Msg::ResultNotDiagnosis)));
    assert!(
        text(&root, "[data-part=crisis]").contains("988"),
        "crisis lines close every result"
    );
    let parts = part_order(&root);
    assert!(!parts.contains(&"safety".to_owned()));
    let position = |name: &str| parts.iter().position(|p| p == name).unwrap();
    assert!(
        position("groups") < position("professional"),
        "calm: groups before professional help"
    );
    handle.destroy();
}

#[wasm_bindgen_test]
async fn hard_results_put_safety_first_and_professional_help_above_groups() {
    let mut hard_answers = answers(true);
    hard_answers.insert("self_harm", Answer::Choice("often".to_owned()));
    let hard = score(&hard_answers);
    assert!(!hard.safety.is_empty());
    let (root, handle) = results(hard.clone()).await;
    let parts = part_order(&root);
    assert_eq!(parts.first().map(String::as_str), Some("safety"), "{parts:?}");
    let position = |name: &str| parts.iter().position(|p| p == name).unwrap();
    assert!(position("professional") < position("groups"), "{parts:?}");
    // The crisis lines are listed once, at the top, not again at the end.
    assert_eq!(all(&root, "a[href='tel:988']").len(), 1);
    assert_ne!(
        text(&root, ".rc-band-name"),
        EN.text(score(&answers(false)).band.unwrap().name())
    );
    handle.destroy();
}

// ---- Embedding: the partner's resources, events for the host page ---------------------------

#[wasm_bindgen_test]
async fn the_partners_resources_follow_the_groups_and_their_markup_is_text() {
    let resources = r#"[
        {"name": "<b>Family group</b>", "when": "Thursdays <i>7 pm</i>",
         "description": "<img src=x onerror=alert(1)>",
         "links": [{"href": "https://harbourlane.example/families"}, {"href": "tel:555 0100"},
                   {"href": "sms:555 0101", "label": "<a href=javascript:alert(1)>Text us</a>"}]}
    ]"#;
    let parsed = embed::parse(
        [("partner-name", "<script>alert(1)</script> Harbour")],
        Some(resources),
        "en-US",
    );
    assert_eq!(parsed.warnings, vec![]);
    let (root, handle) = results_with(score(&answers(false)), Some(parsed.config.partner)).await;
    let parts = part_order(&root);
    let position = |name: &str| parts.iter().position(|p| p == name).unwrap();
    assert_eq!(position("partner"), position("groups") + 1, "{parts:?}");

    let section = find(&root, "[data-part=partner]");
    assert_eq!(section.get_attribute("part").as_deref(), Some("partner"));
    assert_eq!(
        text(&root, "[data-part=partner] h3"),
        "From <script>alert(1)</script> Harbour"
    );
    assert_eq!(text(&root, ".rc-partner-name"), "<b>Family group</b>");
    assert_eq!(text(&root, ".rc-partner-when"), "Thursdays <i>7 pm</i>");
    assert!(section.text_content().unwrap().contains("<img src=x onerror=alert(1)>"));
    // Nothing the partner wrote became an element.
    assert!(all(&section, "script, b, i, img").is_empty());
    let links: Vec<(String, String)> = all(&section, "a")
        .iter()
        .map(|a| (a.get_attribute("href").unwrap(), a.text_content().unwrap()))
        .collect();
    assert_eq!(
        links,
        [
            (
                "https://harbourlane.example/families".to_owned(),
                "<b>Family group</b> website".to_owned()
            ),
            ("tel:5550100".to_owned(), "Call 555 0100".to_owned()),
            (
                "sms:5550101".to_owned(),
                "<a href=javascript:alert(1)>Text us</a>".to_owned()
            ),
        ]
    );
    handle.destroy();

    // Without resources there is no section, name or not.
    let named = embed::parse([("partner-name", "Harbour")], None, "en-US")
        .config
        .partner;
    let (root, handle) = results_with(score(&answers(false)), Some(named)).await;
    assert!(!part_order(&root).contains(&"partner".to_owned()));
    handle.destroy();
}

#[wasm_bindgen_test]
async fn the_host_hears_that_a_check_in_started_and_nothing_more() {
    let (props, events) = app_props_hearing_events();
    let (root, handle) = render::<App>(props).await;
    assert_eq!(*events.borrow(), []);
    find(&root, "[data-testid=help-toggle]").click();
    settle().await;
    assert_eq!(*events.borrow(), [], "opening help is not a check-in");
    find(&root, "[data-testid=start]").click();
    settle().await;
    assert_eq!(*events.borrow(), [HostEvent::Started]);
    find(&root, "[data-testid=back]").click();
    settle().await;
    assert_eq!(*events.borrow(), [HostEvent::Started]);
    assert_eq!(find(&root, ".rc-widget").get_attribute("lang").as_deref(), Some("en"));
    handle.destroy();
}

#[wasm_bindgen_test]
async fn leave_quickly_comes_first_and_asks_the_loader_to_leave() {
    let (props, events) = app_props_hearing_events();
    let (root, handle) = render::<App>(props).await;
    // The first element that takes focus by Tab is "Leave quickly"; before it, the link for
    // assistive technology, out of the tab order, with the exit URL.
    let link = find(&root, ".rc-header > a");
    assert_eq!(
        link.get_attribute("href").as_deref(),
        Some("https://example.org/weather")
    );
    assert_eq!(link.get_attribute("tabindex").as_deref(), Some("-1"));
    assert_eq!(link.text_content().as_deref(), Some("Leave this page quickly"));
    let first = find(&root, "button, a[href]:not([tabindex='-1']), input, select");
    assert_eq!(first.get_attribute("data-testid").as_deref(), Some("quick-exit"));
    assert_eq!(first.text_content().as_deref(), Some("Leave quickly"));
    // The link is the loader's to handle (embed/loader.js; tests/e2e/quick-exit.spec.mjs).
    assert!(link.has_attribute("data-exit"));
    first.click();
    settle().await;
    assert_eq!(*events.borrow(), [HostEvent::Exit]);
    handle.destroy();
}
