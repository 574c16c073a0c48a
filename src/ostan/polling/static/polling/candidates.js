"use strict";
// Live filter of a candidate list by name or code, as the server's search_key folds them: Persian and
// Arabic digits made ASCII, Arabic ي and ك made Persian, آ folded to ا, spaces and ZWNJ removed.
window.OstanFold = function (text) {
  return String(text)
    .replace(/[۰-۹]/g, (d) => String(d.charCodeAt(0) - 0x06f0))
    .replace(/[٠-٩]/g, (d) => String(d.charCodeAt(0) - 0x0660))
    .replace(/[يى]/g, "ی").replace(/ك/g, "ک").replace(/[ۀة]/g, "ه").replace(/آ/g, "ا")
    .replace(/[\u064b-\u065f\u0670\u0640]/g, "")
    .replace(/[\s\u200c\u200b\u200d\u200e\u200f]/g, "").toLowerCase();
};
window.OstanFilterList = function (list, query) {
  const key = window.OstanFold(query);
  let shown = 0;
  for (const li of list.querySelectorAll("li[data-search]")) {
    li.hidden = Boolean(key) && !li.dataset.search.split(" ").some((part) => part.includes(key));
    if (!li.hidden) shown += 1;
  }
  return shown;
};
document.addEventListener("DOMContentLoaded", () => {
  for (const box of document.querySelectorAll("[data-candidate-filter]")) {
    const list = box.closest("section").querySelector("[data-candidate-list]");
    if (!list) continue;
    box.addEventListener("input", () => window.OstanFilterList(list, box.value));
  }
});
