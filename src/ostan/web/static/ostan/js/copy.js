// Buttons marked data-copy put their value on the clipboard (hashes, codes); no inline handlers, as the
// site's Content-Security-Policy forbids them. Without the Clipboard API (plain http) the text is
// selected and copied the old way.
"use strict";
document.addEventListener("click", async (event) => {
  const button = event.target instanceof Element ? event.target.closest("[data-copy]") : null;
  if (!button) return;
  const value = button.getAttribute("data-copy") || "";
  let copied = false;
  try {
    if (navigator.clipboard && window.isSecureContext) {
      await navigator.clipboard.writeText(value);
      copied = true;
    }
  } catch (error) {
    copied = false;
  }
  if (!copied) {
    const area = document.createElement("textarea");
    area.value = value;
    area.setAttribute("readonly", "");
    area.className = "copy-buffer";
    document.body.append(area);
    area.select();
    copied = document.execCommand("copy");
    area.remove();
  }
  const label = button.textContent;
  button.textContent = copied ? "رونوشت شد" : "رونوشت نشد";
  button.dataset.copied = copied ? "1" : "0";
  setTimeout(() => { button.textContent = label; }, 2000);
});
