// Buttons marked data-print print the page (no inline handlers: the site's Content-Security-Policy forbids them).
"use strict";
document.addEventListener("click", (event) => {
  if (event.target instanceof Element && event.target.closest("[data-print]")) window.print();
});
