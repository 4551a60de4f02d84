//! Ownership of everything attached to the page: dropping a [`Scope`] removes every listener,
//! disconnects every observer and clears every timer it holds.

use gloo_events::{EventListener, EventListenerOptions, EventListenerPhase};
use wasm_bindgen::prelude::*;
use web_sys::{EventTarget, MutationObserver, MutationObserverInit};

type ObserverCallback = Closure<dyn FnMut(js_sys::Array, MutationObserver)>;

/// Listeners, observers and intervals that live and die together.
#[derive(Default)]
pub struct Scope {
    listeners: Vec<EventListener>,
    observers: Vec<(MutationObserver, ObserverCallback)>,
    intervals: Vec<(i32, Closure<dyn FnMut()>)>,
}

impl Scope {
    /// Listens in the capture phase, so the page's own handlers run after ours.
    pub fn capture(
        &mut self,
        target: &EventTarget,
        event: &'static str,
        f: impl FnMut(&web_sys::Event) + 'static,
    ) {
        let options = EventListenerOptions {
            phase: EventListenerPhase::Capture,
            passive: false,
        };
        self.listeners
            .push(EventListener::new_with_options(target, event, options, f));
    }

    /// Observes `target` with `init`, calling `f` with each batch of records.
    pub fn observe(
        &mut self,
        target: &web_sys::Node,
        init: &MutationObserverInit,
        f: impl FnMut(js_sys::Array, MutationObserver) + 'static,
    ) -> Result<(), JsValue> {
        let callback: ObserverCallback = Closure::new(f);
        let observer = MutationObserver::new(callback.as_ref().unchecked_ref())?;
        observer.observe_with_options(target, init)?;
        self.observers.push((observer, callback));
        Ok(())
    }

    /// Calls `f` every `ms` milliseconds until the scope is dropped.
    pub fn every(&mut self, ms: i32, f: impl FnMut() + 'static) -> Result<(), JsValue> {
        let window = web_sys::window().ok_or_else(|| JsValue::from_str("no window"))?;
        let callback: Closure<dyn FnMut()> = Closure::new(f);
        let id = window.set_interval_with_callback_and_timeout_and_arguments_0(
            callback.as_ref().unchecked_ref(),
            ms,
        )?;
        self.intervals.push((id, callback));
        Ok(())
    }

    /// How many listeners, observers and timers the scope holds (for tests and `status`).
    pub fn counts(&self) -> (usize, usize, usize) {
        (
            self.listeners.len(),
            self.observers.len(),
            self.intervals.len(),
        )
    }
}

impl Drop for Scope {
    fn drop(&mut self) {
        for (observer, _) in &self.observers {
            observer.disconnect();
        }
        if let Some(window) = web_sys::window() {
            for (id, _) in &self.intervals {
                window.clear_interval_with_handle(*id);
            }
        }
    }
}
