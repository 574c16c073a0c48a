"use strict";
// Large text and high contrast for the device pages, remembered on this device (localStorage).
(function () {
  const KEYS = { large: "ostan.display.large", contrast: "ostan.display.contrast" };
  const root = document.documentElement;
  const read = (name) => { try { return localStorage.getItem(KEYS[name]) === "1"; } catch (e) { return false; } };
  const apply = (name, on) => root.classList.toggle(`display-${name}`, on);
  for (const name of Object.keys(KEYS)) apply(name, read(name));
  document.addEventListener("DOMContentLoaded", () => {
    for (const button of document.querySelectorAll("[data-display]")) {
      const name = button.dataset.display;
      button.setAttribute("aria-pressed", String(read(name)));
      button.addEventListener("click", () => {
        const on = !read(name);
        try { localStorage.setItem(KEYS[name], on ? "1" : "0"); } catch (e) { /* private mode: this page only */ }
        apply(name, on);
        button.setAttribute("aria-pressed", String(on));
      });
    }
  });
})();
