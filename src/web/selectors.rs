//! The CSS selectors the guard finds the page's controls with, in one place.

/// What a form sends: every control but hidden inputs.
pub const FORM_CONTROLS: &str = "input:not([type=hidden]), select, textarea";

/// The inputs the page report describes.
pub const VISIBLE_INPUTS: &str = "input:not([type=hidden])";

/// Switches that are not checkboxes: ARIA switches and toggle buttons.
pub const SWITCHES: &str = "[role=switch], button[aria-checked]";

/// Everything that can switch a lifetime on or off.
pub const TOGGLES: &str = "input[type=checkbox], [role=switch], button[aria-checked]";

/// Where a Save may be: what the message after Enter or a submit is put next to.
pub const SAVE_CANDIDATES: &str = "button, [role=button], input[type=submit]";

/// The button-like element a click or a key press activates.
pub const CONTROLS: &str =
    "button, [role=button], input[type=submit], input[type=button], input[type=image]";
