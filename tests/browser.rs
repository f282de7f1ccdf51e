//! Component tests in a real browser (wasm-bindgen-test in headless Chromium).
//!
//! Each test mounts the widget into a fresh element, lets Yew render, and reads the DOM the way
//! a person's browser would have it. Run by `scripts/test.sh`.
#![cfg(all(target_arch = "wasm32", feature = "web"))]

use std::time::Duration;

use recovery_checkin::help::Region;
use recovery_checkin::i18n::{Locale, Msg};
use recovery_checkin::web::app::{App, AppProps};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::{wasm_bindgen_test, wasm_bindgen_test_configure};
use web_sys::{Element, HtmlElement};

wasm_bindgen_test_configure!(run_in_browser);

/// Lets Yew's scheduler render and run effects.
async fn settle() {
    yew::platform::time::sleep(Duration::from_millis(10)).await;
}

fn fresh_root() -> Element {
    let document = web_sys::window().unwrap().document().unwrap();
    let root = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&root).unwrap();
    root
}

async fn mounted(region: Region) -> (Element, yew::AppHandle<App>) {
    let root = fresh_root();
    let props = AppProps {
        locale: Locale::En,
        region,
        id_prefix: "t".into(),
    };
    let handle = yew::Renderer::<App>::with_root_and_props(root.clone(), props).render();
    settle().await;
    (root, handle)
}

fn find(root: &Element, selector: &str) -> HtmlElement {
    root.query_selector(selector)
        .unwrap()
        .unwrap_or_else(|| panic!("no {selector}"))
        .dyn_into()
        .unwrap()
}

fn text(root: &Element, selector: &str) -> String {
    find(root, selector).text_content().unwrap_or_default()
}

#[wasm_bindgen_test]
async fn welcome_screen_says_what_the_check_in_is() {
    let (root, handle) = mounted(Region::Us).await;
    assert_eq!(text(&root, "h2"), Locale::En.text(Msg::WelcomeTitle));
    let facts = text(&root, ".rc-facts");
    assert!(facts.contains(Locale::En.text(Msg::WelcomePrivacy)));
    assert!(facts.contains(Locale::En.text(Msg::WelcomeNotDiagnosis)));
    assert_eq!(text(&root, "[data-testid=start]"), Locale::En.text(Msg::WelcomeStart));
    handle.destroy();
}

#[wasm_bindgen_test]
async fn loading_does_not_take_focus_but_changing_screens_does() {
    let document = web_sys::window().unwrap().document().unwrap();
    let outside = document
        .create_element("button")
        .unwrap()
        .dyn_into::<HtmlElement>()
        .unwrap();
    document.body().unwrap().append_child(&outside).unwrap();
    outside.focus().unwrap();
    let (root, handle) = mounted(Region::Us).await;
    assert_eq!(
        document.active_element(),
        Some(outside.clone().into()),
        "mounting stole focus"
    );

    find(&root, "[data-testid=start]").click();
    settle().await;
    find(&root, ".rc-screen button").click();
    settle().await;
    assert_eq!(document.active_element(), Some(find(&root, "h2").into()));
    handle.destroy();
    outside.remove();
}

#[wasm_bindgen_test]
async fn help_button_opens_the_regions_contacts_and_closes_again() {
    let (root, handle) = mounted(Region::Gb).await;
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
    let call = find(&root, "a[href='tel:116123']");
    assert_eq!(call.text_content().unwrap(), "Call 116 123");

    toggle.click();
    settle().await;
    assert!(root.query_selector("[data-testid=crisis-panel]").unwrap().is_none());
    handle.destroy();
}

#[wasm_bindgen_test]
async fn choosing_another_region_changes_the_contacts() {
    let (root, handle) = mounted(Region::Us).await;
    find(&root, "[data-testid=help-toggle]").click();
    settle().await;
    assert!(text(&root, "[data-testid=crisis-panel]").contains("988"));

    let select: web_sys::HtmlSelectElement = root.query_selector("select").unwrap().unwrap().dyn_into().unwrap();
    select.set_value("AU");
    select.dispatch_event(&web_sys::Event::new("change").unwrap()).unwrap();
    settle().await;
    let panel = text(&root, "[data-testid=crisis-panel]");
    assert!(panel.contains("Lifeline"), "{panel}");
    assert!(panel.contains("000"), "{panel}");
    handle.destroy();
}

#[wasm_bindgen_test]
async fn destroying_the_app_leaves_no_markup() {
    let (root, handle) = mounted(Region::Us).await;
    assert!(!root.inner_html().is_empty());
    handle.destroy();
    settle().await;
    assert_eq!(root.inner_html(), "");
}
